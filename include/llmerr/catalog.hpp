// SPDX-License-Identifier: MIT
// llmerr — the catalogue of documented error codes and its lookup API.
//
// Every documented error code of Volcengine Ark, Alibaba DashScope and Baidu Qianfan, generated from
// data/*.json into a sorted constexpr table. Everything here is constexpr, noexcept, allocation-free and
// depends on the standard library only (no JSON).
//
//   constexpr auto* e = llmerr::lookup(llmerr::provider::dashscope, "Throttling.AllocationQuota",
//                                      "Free allocated quota exceeded.");
//   static_assert(e->category == llmerr::category::quota_exhausted && !e->retryable);
#ifndef LLMERR_CATALOG_HPP
#define LLMERR_CATALOG_HPP

#include <array>        // std::array (the generated table)
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::int32_t
#include <string_view>  // std::string_view

#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE

// catalog_entry
//
// One documented meaning of one error code. A code with several documented messages that mean different
// things (Ark `QuotaExceeded`, DashScope `Throttling.AllocationQuota`, …) has one entry per meaning,
// numbered by `variant` (0 = the primary meaning). All strings point to static storage.
struct catalog_entry {
    llmerr::provider provider;      // whose code this is
    std::string_view api;           // API surface or group: "inference", "v1", "iam", "data.dataset", …
    std::string_view code;          // exactly as sent; Qianfan numeric codes as decimal strings
    std::uint8_t variant;           // 0 = primary meaning of (api, code); 1, 2, … = further documented messages
    std::uint16_t http_status;      // documented HTTP status; 0 when undocumented
    std::string_view type;          // OpenAI-style / HTTP-class `type` sent alongside, when documented
    std::string_view message;       // documented English message (or the original text when none is English)
    std::string_view description;   // documented Chinese text
    std::string_view match;         // pattern selecting this variant from an actual message
    llmerr::category category;      // what the caller must do
    bool retryable;                 // the identical request, sent again later, can succeed
    llmerr::retry_hint retry_hint;  // what the docs say beyond yes/no
    std::string_view aliases;       // other spellings of the code, space-separated (DashScope compat ↔ native)
    std::string_view note;          // why the label departs from the code's name, status or category default
    std::string_view doubt;         // what is uncertain about this entry; empty when nothing is
    std::string_view source;        // seed file or documentation address the entry comes from
    std::int32_t value;             // stable integer for std::error_code; Qianfan numeric codes keep theirs
};

// One API surface or group of a provider ("inference", "v1", "iam", "data.dataset", …).
struct api_info {
    llmerr::provider provider;
    std::string_view name;
    std::string_view description;
};

// A contiguous run of catalogue entries, usable in a range-for.
struct entry_range {
    const catalog_entry* first = nullptr;
    const catalog_entry* last = nullptr;
    [[nodiscard]] constexpr const catalog_entry* begin() const noexcept { return first; }
    [[nodiscard]] constexpr const catalog_entry* end() const noexcept { return last; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
    [[nodiscard]] constexpr bool empty() const noexcept { return first == last; }
    [[nodiscard]] constexpr const catalog_entry& operator[](std::size_t i) const noexcept { return first[i]; }
};

namespace detail {

struct index_range {
    std::uint16_t begin;
    std::uint16_t end;
};

struct alias_entry {
    llmerr::provider provider;
    std::string_view alias;
    std::uint16_t row;
};

struct template_entry {
    llmerr::provider provider;
    std::string_view prefix;  // text before the placeholder
    std::string_view suffix;  // text after it
    std::uint16_t row;
};

struct code_slot {
    std::uint32_t tag;         // the high half of the code's hash
    std::uint16_t row_plus_1;  // its first row + 1; 0 = empty slot
};

}  // namespace detail

LLMERR_END_NAMESPACE

#include <llmerr/generated/catalog_table.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// How a code was found; larger = more specific. The parser uses it to pick between a code in a structured
// field and one written into the message.
enum class match_kind : std::uint8_t { none = 0, prefix = 1, family = 2, alias = 3, exact = 4 };

[[nodiscard]] constexpr index_range rows_of(provider p) noexcept {
    const auto i = static_cast<std::size_t>(p);
    return i < provider_rows.size() ? provider_rows[i] : index_range{0, 0};
}

// Rows are handled by index inside constant expressions: GCC's UBSan makes `&row != nullptr`
// non-constant, and lookup() must work in static_assert under sanitizers too.
inline constexpr std::size_t no_row = static_cast<std::size_t>(-1);

[[nodiscard]] constexpr const catalog_entry* row_ptr(std::size_t i) noexcept {
    return i == no_row ? nullptr : &catalog_rows[i];
}

// `n` ≤ 8 bytes of `s` from `i`, little-endian. At run time on little-endian hosts, one load.
[[nodiscard]] constexpr std::uint64_t load_le(std::string_view s, std::size_t i, std::size_t n) noexcept {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8 && !__builtin_is_constant_evaluated()) {
        std::uint64_t w = 0;
        __builtin_memcpy(&w, s.data() + i, 8);
        return w;
    }
#endif
    std::uint64_t w = 0;
    for (std::size_t k = 0; k < n; ++k) w |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
    return w;
}

// The hash of catalog_code_slots (tools/gen_catalog.py computes the same in Python): 8 bytes per multiply.
[[nodiscard]] constexpr std::uint64_t code_hash(provider p, std::string_view code) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (std::uint64_t{static_cast<std::uint8_t>(p)} << 56) ^ code.size();
    std::size_t i = 0;
    for (; i + 8 <= code.size(); i += 8) {
        h = (h ^ load_le(code, i, 8)) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    h = (h ^ load_le(code, i, code.size() - i)) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
}

// The first row of (p, code), or no_row: one hash and, usually, one probe.
[[nodiscard]] constexpr std::size_t first_row(provider p, std::string_view code) noexcept {
    const std::uint64_t h = code_hash(p, code);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    constexpr std::size_t mask = catalog_code_slots.size() - 1;
    for (std::size_t at = static_cast<std::size_t>(h) & mask;; at = (at + 1) & mask) {
        const code_slot s = catalog_code_slots[at];
        if (s.row_plus_1 == 0) return no_row;
        const std::size_t row = s.row_plus_1 - 1U;
        if (s.tag == tag && catalog_rows[row].provider == p && catalog_rows[row].code == code) return row;
    }
}

// Variant 0 of (api, code) — of the highest-priority api when `api` is empty — or no_row.
[[nodiscard]] constexpr std::size_t find_exact(provider p, std::string_view api, std::string_view code) noexcept {
    const index_range r = rows_of(p);
    std::size_t lo = first_row(p, code);
    if (lo == no_row || api.empty()) return lo;  // a code's first row has its highest-priority api
    for (; lo < r.end && catalog_rows[lo].code == code; ++lo) {
        if (api.empty() || catalog_rows[lo].api == api) return lo;
    }
    return no_row;
}

[[nodiscard]] constexpr std::size_t find_alias(provider p, std::string_view api, std::string_view code) noexcept {
    std::size_t lo = 0, hi = catalog_aliases.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const alias_entry& a = catalog_aliases[mid];
        if (a.provider < p || (a.provider == p && a.alias < code)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < catalog_aliases.size() && catalog_aliases[lo].provider == p && catalog_aliases[lo].alias == code) {
        const std::size_t row = catalog_aliases[lo].row;
        return api.empty() ? row : find_exact(p, api, catalog_rows[row].code);
    }
    return no_row;
}

[[nodiscard]] constexpr std::size_t find_family(provider p, std::string_view api, std::string_view code) noexcept {
    for (const template_entry& t : catalog_templates) {
        if (t.provider == p && code.size() > t.prefix.size() + t.suffix.size() && starts_with(code, t.prefix) &&
            ends_with(code, t.suffix)) {
            const std::size_t hit = api.empty() ? t.row : find_exact(p, api, catalog_rows[t.row].code);
            if (hit != no_row) return hit;
        }
    }
    return no_row;
}

struct resolved_row {
    std::size_t row;
    match_kind kind;
};

// Exact code, then alias, then templated family, then dotted prefix ("Throttling.Foo" → "Throttling").
[[nodiscard]] constexpr resolved_row resolve_row(provider p, std::string_view api, std::string_view code) noexcept {
    if (code.empty()) return {no_row, match_kind::none};
    if (const std::size_t i = find_exact(p, api, code); i != no_row) return {i, match_kind::exact};
    if (const std::size_t i = find_alias(p, api, code); i != no_row) return {i, match_kind::alias};
    if (const std::size_t i = find_family(p, api, code); i != no_row) return {i, match_kind::family};
    for (std::size_t dot = code.rfind('.'); dot != std::string_view::npos && dot > 0; dot = code.rfind('.')) {
        code = code.substr(0, dot);
        if (const std::size_t i = find_exact(p, api, code); i != no_row) return {i, match_kind::prefix};
        if (const std::size_t i = find_alias(p, api, code); i != no_row) return {i, match_kind::prefix};
    }
    return {no_row, match_kind::none};
}

// Among the variants of row `primary`'s (api, code), the one whose pattern matches `message` with the most
// literal text (ties: the one documented with `http_status`); else the first documented with `http_status`;
// else `primary`.
[[nodiscard]] constexpr std::size_t select_variant_row(std::size_t primary, std::string_view message,
                                                       int http_status) noexcept {
    if (primary == no_row) return no_row;
    const catalog_entry& first = catalog_rows[primary];
    const std::size_t next = primary + 1;
    if (next == catalog_rows.size() || catalog_rows[next].code != first.code || catalog_rows[next].api != first.api ||
        catalog_rows[next].provider != first.provider) {
        return primary;  // the only meaning of this code: nothing to match
    }
    std::size_t best = no_row, by_status = no_row, best_len = 0;
    bool best_status = false;
    for (std::size_t i = primary; i < catalog_rows.size(); ++i) {
        const catalog_entry& e = catalog_rows[i];
        if (e.provider != first.provider || e.code != first.code || e.api != first.api) break;
        const bool status_ok = http_status != 0 && e.http_status == http_status;
        const std::size_t len = message.empty() ? 0 : match_pattern(e.match, message);
        if (len > best_len || (len != 0 && len == best_len && status_ok && !best_status)) {
            best = i;
            best_len = len;
            best_status = status_ok;
        }
        if (status_ok && by_status == no_row) by_status = i;
    }
    if (best != no_row) return best;
    if (by_status != no_row) return by_status;
    return primary;
}

// Pointer forms, for run-time callers (the parser).
struct resolved {
    const catalog_entry* entry;
    match_kind kind;
};

[[nodiscard]] constexpr resolved resolve(provider p, std::string_view api, std::string_view code) noexcept {
    const resolved_row r = resolve_row(p, api, code);
    return {row_ptr(r.row), r.kind};
}

[[nodiscard]] inline const catalog_entry* select_variant(const catalog_entry* primary, std::string_view message,
                                                         int http_status) noexcept {
    if (primary == nullptr) return nullptr;
    return row_ptr(select_variant_row(static_cast<std::size_t>(primary - catalog_rows.data()), message, http_status));
}

}  // namespace detail

// Returns the primary entry for `code`: the exact code; else the templated family
// (`MissingParameter.messages` → `MissingParameter.{parameter}`); else the longest dotted prefix
// (`Throttling.Foo` → `Throttling`); else nullptr. A code documented in several API groups (Qianfan)
// resolves to its group of highest priority: model capability (v1, v2), then IAM, then the management APIs.
// DashScope's OpenAI-compatible spellings (`insufficient_quota`) find their native row.
[[nodiscard]] constexpr const catalog_entry* lookup(provider p, std::string_view code) noexcept {
    return detail::row_ptr(detail::resolve_row(p, {}, code).row);
}

// As lookup(p, code), then picks the variant whose documented message matches `message`
// (case-insensitive; placeholders such as `xxx`, `%s`, `{parameter}` match anything; the longest match
// wins); the primary entry when none matches.
[[nodiscard]] constexpr const catalog_entry* lookup(provider p, std::string_view code,
                                                    std::string_view message) noexcept {
    return detail::row_ptr(detail::select_variant_row(detail::resolve_row(p, {}, code).row, message, 0));
}

// As lookup(p, code, message), also preferring, among equally good matches, the variant documented with
// `http_status` (DashScope sends `Throttling.AllocationQuota` at 429 for a rate limit and at 400 for a
// voice-count limit).
[[nodiscard]] constexpr const catalog_entry* lookup(provider p, std::string_view code, std::string_view message,
                                                    int http_status) noexcept {
    return detail::row_ptr(detail::select_variant_row(detail::resolve_row(p, {}, code).row, message, http_status));
}

// As lookup(p, code, message, http_status), restricted to one API surface or group (`"v1"`, `"iam"`,
// `"data.dataset"`); nullptr when `api` is empty or does not document the code.
[[nodiscard]] constexpr const catalog_entry* lookup_in(provider p, std::string_view api, std::string_view code,
                                                       std::string_view message = {}, int http_status = 0) noexcept {
    if (api.empty()) return nullptr;
    return detail::row_ptr(detail::select_variant_row(detail::resolve_row(p, api, code).row, message, http_status));
}

// The API surfaces or groups of a provider, as a range.
struct api_range {
    const api_info* first = nullptr;
    const api_info* last = nullptr;
    [[nodiscard]] constexpr const api_info* begin() const noexcept { return first; }
    [[nodiscard]] constexpr const api_info* end() const noexcept { return last; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
};

// The API surfaces or groups of `p`, highest lookup priority first: a code documented in several of them
// resolves, when no api is given, to the first that has it.
[[nodiscard]] constexpr api_range apis(provider p) noexcept {
    std::size_t b = 0;
    while (b < detail::catalog_apis.size() && detail::catalog_apis[b].provider != p) ++b;
    std::size_t e = b;
    while (e < detail::catalog_apis.size() && detail::catalog_apis[e].provider == p) ++e;
    return {detail::catalog_apis.data() + b, detail::catalog_apis.data() + e};
}

// Whether lookup(p, code) finds an entry. Prefer this to `lookup(…) != nullptr` inside static_assert: GCC's
// UBSan (-fsanitize=undefined) rejects comparing a table address with nullptr in a constant expression.
[[nodiscard]] constexpr bool is_documented(provider p, std::string_view code) noexcept {
    return detail::resolve_row(p, {}, code).row != detail::no_row;
}

// All entries of one provider, sorted by code, then API priority, then variant.
[[nodiscard]] constexpr entry_range entries(provider p) noexcept {
    const detail::index_range r = detail::rows_of(p);
    return {detail::catalog_rows.data() + r.begin, detail::catalog_rows.data() + r.end};
}

// All entries of all providers.
[[nodiscard]] constexpr entry_range entries() noexcept {
    return {detail::catalog_rows.data(), detail::catalog_rows.data() + detail::catalog_rows.size()};
}

// The entries sharing `e`'s provider, api and code: its primary meaning and every variant.
[[nodiscard]] constexpr entry_range variants(const catalog_entry& e) noexcept {
    const std::size_t first = detail::find_exact(e.provider, e.api, e.code);
    if (first == detail::no_row) return {};
    std::size_t last = first;
    while (last < detail::catalog_rows.size() && detail::catalog_rows[last].provider == e.provider &&
           detail::catalog_rows[last].api == e.api && detail::catalog_rows[last].code == e.code) {
        ++last;
    }
    return {detail::catalog_rows.data() + first, detail::catalog_rows.data() + last};
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_CATALOG_HPP
