// SPDX-License-Identifier: MIT
// llmerr — the catalogue of documented error codes and its lookup API.
//
// Every documented error code of every provider in data/ (Ark, DashScope, Qianfan, DeepSeek, …), generated from
// data/*.json into a sorted constexpr table. Everything here is constexpr, noexcept, allocation-free and
// depends on the standard library only (no JSON).
//
//   constexpr auto* e = llmerr::lookup(llmerr::provider::dashscope, "Throttling.AllocationQuota",
//                                      "Free allocated quota exceeded.");
//   static_assert(e->category == llmerr::category::quota_exhausted && !e->retryable);
#ifndef LLMERR_CATALOG_HPP
#define LLMERR_CATALOG_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::int32_t
#include <iosfwd>       // std::basic_ostream (catalog_text's operator<<)
#include <string_view>  // std::string_view

#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE

// catalog_text
//
// A string of the catalogue: a 2-byte index into its constexpr string pool, where each distinct string is
// stored once. It reads like the std::string_view it converts to (implicitly): it compares with strings,
// streams, and offers view(), data(), size(), empty(), find() and substr(). Sixteen bytes less per field than
// a string_view, and no load-time relocation in position-independent programs.
struct catalog_text {
    std::uint16_t id;  // index into the catalogue's string pool; 0 is the empty string

    [[nodiscard]] constexpr std::string_view view() const noexcept;  // defined after the table
    // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions): reads as a string_view
    constexpr operator std::string_view() const noexcept { return view(); }
    // As std::string_view::data() (not null-terminated).
    [[nodiscard]] constexpr const char* data() const noexcept { return view().data(); }
    // The length in bytes.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return view().size(); }
    // The length in bytes, as size().
    [[nodiscard]] constexpr std::size_t length() const noexcept { return view().size(); }
    // Whether the text is empty.
    [[nodiscard]] constexpr bool empty() const noexcept { return view().empty(); }
    // As std::string_view::find.
    [[nodiscard]] constexpr std::size_t find(std::string_view s, std::size_t pos = 0) const noexcept {
        return view().find(s, pos);
    }
    // As std::string_view::find.
    [[nodiscard]] constexpr std::size_t find(char c, std::size_t pos = 0) const noexcept { return view().find(c, pos); }
    // As std::string_view::substr (throws std::out_of_range when pos > size()).
    [[nodiscard]] constexpr std::string_view substr(std::size_t pos = 0, std::size_t n = std::string_view::npos) const {
        return view().substr(pos, n);
    }

    // Compares the texts, as string_views compare.
    friend constexpr bool operator==(catalog_text a, catalog_text b) noexcept { return a.view() == b.view(); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator==(catalog_text a, std::string_view b) noexcept { return a.view() == b; }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator==(std::string_view a, catalog_text b) noexcept { return a == b.view(); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator!=(catalog_text a, catalog_text b) noexcept { return !(a == b); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator!=(catalog_text a, std::string_view b) noexcept { return !(a == b); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator!=(std::string_view a, catalog_text b) noexcept { return !(a == b); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator<(catalog_text a, catalog_text b) noexcept { return a.view() < b.view(); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator<=(catalog_text a, catalog_text b) noexcept { return a.view() <= b.view(); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator>(catalog_text a, catalog_text b) noexcept { return a.view() > b.view(); }
    // Compares the texts, as string_views compare.
    friend constexpr bool operator>=(catalog_text a, catalog_text b) noexcept { return a.view() >= b.view(); }
    // `os << text`, as for a std::string_view (<iosfwd> declares the stream; using it needs <ostream>).
    template <class CharT, class Traits>
    friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, catalog_text t) {
        return os << t.view();
    }
};

// catalog_entry
//
// One documented meaning of one error code. A code with several documented messages that mean different
// things (Ark `QuotaExceeded`, DashScope `Throttling.AllocationQuota`, …) has one entry per meaning,
// numbered by `variant` (0 = the primary meaning). All strings live in static storage. 24 bytes: what the
// maintainers write about a row (note, doubt, source) stays in data/ and data/CATALOG.md, not in programs.
struct catalog_entry {
    llmerr::provider provider;          // whose code this is
    std::uint8_t variant;               // 0 = primary meaning of (api, code); 1, 2, … = further documented messages
    catalog_text api;                   // API surface or group: "inference", "v1", "iam", "data.dataset", …
    catalog_text code;                  // exactly as sent; Qianfan numeric codes as decimal strings
    std::uint16_t http_status;          // documented HTTP status; 0 when undocumented
    catalog_text type;                  // OpenAI-style / HTTP-class `type` sent alongside, when documented
    catalog_text message;               // documented English message (or the original text when none is English)
    catalog_text description;           // documented Chinese text
    catalog_text match;                 // pattern selecting this variant from an actual message
    llmerr::category category;          // what the caller must do
    bool retryable : 1;                 // the identical request, sent again later, can succeed
    llmerr::retry_hint retry_hint : 7;  // what the docs say beyond yes/no
    catalog_text aliases;               // other spellings of the code, space-separated (DashScope compat ↔ native)
    std::int32_t value;                 // stable integer for std::error_code; Qianfan numeric codes keep theirs
};

// One API surface or group of a provider ("inference", "v1", "iam", "data.dataset", …).
struct api_info {
    // whose API this is
    llmerr::provider provider;
    // its name in the catalogue ("inference", "v1", …)
    std::string_view name;
    // what the API is, in a few words
    std::string_view description;
};

// A contiguous run of catalogue entries, usable in a range-for.
struct entry_range {
    // the first entry
    const catalog_entry* first = nullptr;
    // one past the last entry
    const catalog_entry* last = nullptr;
    // the first entry
    [[nodiscard]] constexpr const catalog_entry* begin() const noexcept { return first; }
    // one past the last entry
    [[nodiscard]] constexpr const catalog_entry* end() const noexcept { return last; }
    // the number of entries
    [[nodiscard]] constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
    // true when there is no entry
    [[nodiscard]] constexpr bool empty() const noexcept { return first == last; }
    // the i-th entry (i < size())
    [[nodiscard]] constexpr const catalog_entry& operator[](std::size_t i) const noexcept { return first[i]; }
};

namespace detail {

// A constexpr array with std::array's aggregate shape (initialised `{{…}}`), for the generated tables:
// <array> would cost every TU that includes the catalogue ~30 ms.
template <class T, std::size_t N>
struct table {
    T items[N];  // NOLINT(cppcoreguidelines-avoid-c-arrays, hicpp-avoid-c-arrays, modernize-avoid-c-arrays)
    [[nodiscard]] constexpr std::size_t size() const noexcept { return N; }
    [[nodiscard]] constexpr const T* data() const noexcept { return items; }
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items[i]; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return items; }
    [[nodiscard]] constexpr const T* end() const noexcept { return items + N; }
};

struct index_range {
    std::uint16_t begin;
    std::uint16_t end;
};

struct template_entry {
    llmerr::provider provider;
    catalog_text prefix;  // text before the placeholder
    catalog_text suffix;  // text after it
    std::uint16_t row;
};

struct code_slot {
    std::uint16_t tag;         // code_tag_of: 10 bits of the code's hash and its size
    std::uint16_t row_plus_1;  // the row + 1 (0: empty slot), | alias_bit when the key is one of its aliases
    std::uint16_t key_at;      // where the code or alias starts in catalog_pool_0 (its size is in the tag)
    static constexpr std::uint16_t alias_bit = 0x8000;
};

}  // namespace detail

LLMERR_END_NAMESPACE

#include <llmerr/generated/catalog_table.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// String `id` of the pool; empty for an id the table does not have.
[[nodiscard]] constexpr std::string_view text_at(std::size_t id) noexcept {
    if (id == 0) return {};
    if (id < catalog_text_ends.size()) {
        const std::size_t begin = catalog_text_ends[id - 1], end = catalog_text_ends[id];
        if (end < begin) return {};  // the empty string opening a chunk, past the previous chunk's last end
        return {catalog_pool_chunk(catalog_text_chunk(id)) + begin, end - begin};
    }
    id -= catalog_text_ends.size();
    if (id >= catalog_text_slices.size()) return {};
    const std::uint32_t t = catalog_text_slices[id];
    return {catalog_pool_chunk((t >> 14) & 3U) + (t >> 16), t & 0x3FFFU};
}

// The index past the last row of row `first`'s (provider, api, code): its variants are adjacent, and equal
// strings have equal ids, so no string is compared.
[[nodiscard]] constexpr std::size_t group_end(std::size_t first) noexcept {
    const catalog_entry& f = catalog_rows[first];
    std::size_t end = first + 1;
    while (end < catalog_rows.size() && catalog_rows[end].provider == f.provider &&
           catalog_rows[end].api.id == f.api.id && catalog_rows[end].code.id == f.code.id)
        ++end;
    return end;
}

}  // namespace detail

constexpr std::string_view catalog_text::view() const noexcept { return detail::text_at(id); }

namespace detail {

// How a code was found; larger = more specific. The parser uses it to pick between a code in a structured
// field and one written into the message.
enum class match_kind : std::uint8_t { none = 0, prefix = 1, family = 2, compound = 3, alias = 4, exact = 5 };

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
    if (!__builtin_is_constant_evaluated()) {
        if (n == 8) {
            std::uint64_t w = 0;
            __builtin_memcpy(&w, s.data() + i, 8);
            return w;
        }
        if (n == 4) {
            std::uint32_t w = 0;
            __builtin_memcpy(&w, s.data() + i, 4);
            return w;
        }
    }
#endif
    std::uint64_t w = 0;
    for (std::size_t k = 0; k < n; ++k) w |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
    return w;
}

// The hash of catalog_code_slots (tools/gen_catalog.py computes the same in Python): 8 bytes per multiply;
// the last partial word is read as the code's last 8 bytes (or two overlapping 4-byte halves), never byte
// by byte unless the code is shorter than 4. The provider is not hashed: every provider's key for one code
// is in one probe chain, so one hash answers "who documents this code?" (documenting_providers).
// LLMERR_DETAIL_HASH_HOOK(n), when a test defines it, is called with the size of every code hashed
// (tests/test_catalog_cost.cpp counts the work a lookup does); programs never define it.
[[nodiscard]] constexpr std::uint64_t code_hash(std::string_view code) noexcept {
    const std::size_t n = code.size();
#ifdef LLMERR_DETAIL_HASH_HOOK
    LLMERR_DETAIL_HASH_HOOK(n);
#endif
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) h = (h ^ load_le(code, i, 8)) * 0xFF51AFD7ED558CCDULL;
    std::uint64_t tail = 0;  // stays 0 when the words covered the code
    if (i != n) {
        if (n >= 8) {
            tail = load_le(code, n - 8, 8);
        } else if (n >= 4) {
            tail = load_le(code, 0, 4) | (load_le(code, n - 4, 4) << 32);
        } else {
            tail = load_le(code, 0, n);
        }
    }
    // A product's high bits depend on every bit below them: slot and tag are read there (code_slot_of,
    // code_tag_of), so no final mixing is needed.
    return (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
}

inline constexpr unsigned code_slot_bits = [] {
    unsigned b = 0;
    while ((std::size_t{1} << b) < catalog_code_slots.size()) ++b;
    return b;
}();
static_assert((std::size_t{1} << code_slot_bits) == catalog_code_slots.size(), "a power of two");

// The first slot to probe: the hash's top bits.
[[nodiscard]] constexpr std::size_t code_slot_of(std::uint64_t h) noexcept {
    return static_cast<std::size_t>(h >> (64 - code_slot_bits));
}

// The tag: the 10 bits of the hash below the slot's, then the code's size in 6 bits. A key is compared only
// when they match, and then its bytes are read straight from the pool: no string table between the slot and
// the bytes.
static_assert(catalog_max_code_size < 64, "code_slot::tag holds a key's size in 6 bits");
[[nodiscard]] constexpr std::uint16_t code_tag_of(std::uint64_t h, std::size_t size) noexcept {
    return static_cast<std::uint16_t>(((h >> (64 - code_slot_bits - 10)) & 0x3FFU) << 6 | size);
}

// Whether `key` and `code` hold the same bytes: compared 8 bytes at a time (the last word overlapping),
// inline, as codes are short and a call to memcmp costs more than comparing them.
[[nodiscard]] constexpr bool same_code(std::string_view key, std::string_view code) noexcept {
    const std::size_t n = code.size();
    if (key.size() != n) return false;
    if (n < 4) return key == code;
    if (n < 8) return load_le(key, 0, 4) == load_le(code, 0, 4) && load_le(key, n - 4, 4) == load_le(code, n - 4, 4);
    for (std::size_t i = 0; i + 8 < n; i += 8) {
        if (load_le(key, i, 8) != load_le(code, i, 8)) return false;
    }
    return load_le(key, n - 8, 8) == load_le(code, n - 8, 8);
}

// A code's slot: its first row, and whether the code was one of the row's aliases.
struct slot_hit {
    std::size_t row;
    bool alias;
};

// Calls on_key(hit) for every slot of `code`'s probe chain whose key is `code` (any provider's), until it
// returns true; the hit, or {no_row, false} when the chain ends first. `accept(row)` is asked before the key's
// bytes are compared (a provider's row range, say).
template <class Accept, class OnKey>
[[nodiscard]] constexpr slot_hit walk_chain(std::string_view code, const Accept& accept, const OnKey& on_key) noexcept {
    // (No key is longer: this also keeps a size out of the tag's hash bits and the pool's bytes in range.)
    if (code.size() > catalog_max_code_size) return {no_row, false};
    const std::uint64_t h = code_hash(code);
    const std::uint16_t tag = code_tag_of(h, code.size());
    constexpr std::size_t mask = catalog_code_slots.size() - 1;
    for (std::size_t at = code_slot_of(h);; at = (at + 1) & mask) {
        const code_slot s = catalog_code_slots[at];
        if (s.row_plus_1 == 0) return {no_row, false};
        if (s.tag != tag) continue;
        const slot_hit hit{static_cast<std::size_t>(s.row_plus_1 & (code_slot::alias_bit - 1U)) - 1U,
                           (s.row_plus_1 & code_slot::alias_bit) != 0};
        if (accept(hit.row) && same_code(std::string_view(catalog_pool_0 + s.key_at, code.size()), code) && on_key(hit))
            return hit;
    }
}

// The first row of (p, code), looking at codes and their aliases at once: one hash and, usually, one
// probe. {no_row, false} when neither.
[[nodiscard]] constexpr slot_hit probe(provider p, std::string_view code) noexcept {
    const index_range rows = rows_of(p);
    return walk_chain(
        code, [rows](std::size_t row) noexcept { return row >= rows.begin && row < rows.end; },
        [](slot_hit) noexcept { return true; });
}

// The providers documenting `code` exactly or as an alias, bit static_cast<int>(p) for provider p: what
// resolve(p, {}, code) calls exact or alias, for every provider at the cost of one hash and one chain.
static_assert(provider_count <= 32, "documenting_providers: one bit per provider");
[[nodiscard]] constexpr std::uint32_t documenting_providers(std::string_view code) noexcept {
    if (code.empty() || code.size() > catalog_max_code_size) return 0;
    std::uint32_t found = 0;
    (void)walk_chain(
        code, [](std::size_t) noexcept { return true; },
        [&found](slot_hit hit) noexcept {
            found |= std::uint32_t{1} << static_cast<unsigned>(catalog_rows[hit.row].provider);
            return false;  // every provider's key: walk on
        });
    return found;
}

// The row of `api` among the rows of the code whose first row is `first`, or no_row; `first` itself when
// `api` is empty (a code's first row has its highest-priority api).
[[nodiscard]] constexpr std::size_t in_api(provider p, std::size_t first, std::string_view api) noexcept {
    if (first == no_row || api.empty()) return first;
    const index_range r = rows_of(p);
    const std::string_view code = catalog_rows[first].code;
    for (std::size_t i = first; i < r.end && catalog_rows[i].code == code; ++i) {
        if (catalog_rows[i].api == api) return i;
    }
    return no_row;
}

// in_api for a probe's result: an alias's row is the row that lists it, not always its code's first row.
[[nodiscard]] constexpr std::size_t hit_in_api(provider p, slot_hit h, std::string_view api) noexcept {
    if (h.row == no_row || api.empty()) return h.row;
    return in_api(p, h.alias ? probe(p, catalog_rows[h.row].code).row : h.row, api);
}

// Variant 0 of (api, code) — of the highest-priority api when `api` is empty — or no_row.
[[nodiscard]] constexpr std::size_t find_exact(provider p, std::string_view api, std::string_view code) noexcept {
    const slot_hit h = probe(p, code);
    return h.alias ? no_row : in_api(p, h.row, api);
}

[[nodiscard]] constexpr std::size_t find_family(provider p, std::string_view api, std::string_view code) noexcept {
    for (std::size_t k = 0; k < catalog_templates.size(); ++k) {
        const template_entry& t = catalog_templates[k];
        if (t.provider == p && catalog_template_matches(k, code)) {
            const std::size_t hit = in_api(p, t.row, api);
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
// Linear in the size of `code` whatever its dots: a code or prefix longer than catalog_max_code_size cannot
// be catalogued, so it is never hashed, and the dotted prefixes tried are those within the first
// catalog_max_code_size bytes (a hostile 1 MiB code of dots costs one probe per dot there, not one per dot).
[[nodiscard]] constexpr resolved_row resolve_row(provider p, std::string_view api, std::string_view code) noexcept {
    if (code.empty()) return {no_row, match_kind::none};
    if (code.size() <= catalog_max_code_size) {
        if (const slot_hit h = probe(p, code); h.row != no_row) {
            const std::size_t i = hit_in_api(p, h, api);
            if (i != no_row) return {i, h.alias ? match_kind::alias : match_kind::exact};
        }
    }
    if (const std::size_t i = find_family(p, api, code); i != no_row) return {i, match_kind::family};
    // Most codes have no dot: memchr says so faster than rfind's backward loop.
    if (code.substr(0, catalog_max_code_size + 1).find('.') == std::string_view::npos)
        return {no_row, match_kind::none};
    for (std::size_t dot = code.rfind('.', catalog_max_code_size); dot != std::string_view::npos && dot > 0;
         dot = code.rfind('.', dot - 1)) {
        const std::string_view prefix = code.substr(0, dot);
        if (const std::size_t i = hit_in_api(p, probe(p, prefix), api); i != no_row) return {i, match_kind::prefix};
    }
    return {no_row, match_kind::none};
}

// Among the variants of row `primary`'s (api, code), the one whose pattern matches the message with the
// most literal text, as `match(row)` measures it (ties: the one documented with `http_status`); else the
// first documented with `http_status`; else `primary`. `match` is match_pattern here and the parser's
// pre-lowered equivalent there; it is not called for a code with a single meaning.
template <class Match>
[[nodiscard]] constexpr std::size_t select_variant_by(std::size_t primary, int http_status,
                                                      const Match& match) noexcept(noexcept(match(primary))) {
    if (primary == no_row) return no_row;
    const std::size_t end = group_end(primary);
    if (primary + 1 == end) return primary;  // a single meaning
    std::size_t best = no_row, by_status = no_row, best_len = 0;
    bool best_status = false;
    for (std::size_t i = primary; i < end; ++i) {
        const bool status_ok = http_status != 0 && catalog_rows[i].http_status == http_status;
        const std::size_t len = match(i);
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

[[nodiscard]] constexpr std::size_t select_variant_row(std::size_t primary, std::string_view message,
                                                       int http_status) noexcept {
    return select_variant_by(primary, http_status, [message](std::size_t i) noexcept -> std::size_t {
        return message.empty() ? 0 : match_pattern(catalog_rows[i].match, message);
    });
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
    // the first API
    const api_info* first = nullptr;
    // one past the last API
    const api_info* last = nullptr;
    // the first API
    [[nodiscard]] constexpr const api_info* begin() const noexcept { return first; }
    // one past the last API
    [[nodiscard]] constexpr const api_info* end() const noexcept { return last; }
    // the number of APIs
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
    const std::size_t last = detail::group_end(first);
    return {detail::catalog_rows.data() + first, detail::catalog_rows.data() + last};
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_CATALOG_HPP
