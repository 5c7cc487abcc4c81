// SPDX-License-Identifier: MIT
// llmerr — std::error_code and std::error_condition for provider errors.
//
// Each provider is one error domain: an error_code holds the catalogue's stable integer for the code
// (catalog_entry::value; numeric codes such as Qianfan's keep their number) in the category "llmerr.<provider>"
// ("llmerr.ark", "llmerr.dashscope", "llmerr.qianfan", …). llmerr::category is the portable error_condition, so one
// comparison asks "what must I do?" whatever the provider:
//
//   std::error_code ec = llmerr::make_error_code(err);             // err: llmerr::llm_error from parse()
//   if (ec == llmerr::category::rate_limited) back_off();           // true for every provider's rate limits
//   log(ec.category().name(), ec.value(), ec.message());             // "llmerr.qianfan" 336501 "Rate limit…"
//
// Design notes.
// - Values. A catalogued code is its catalog_entry::value (always >= 1). An error the catalogue does not
//   know gets a reserved negative value per category, uncatalogued_value(c) == -1 - c, so it is still a
//   non-zero (failed) error_code whose condition is its category. 0 is never used: it means success.
//   An llm_error whose provider is unknown uses the category "llmerr.unknown" (negative values only).
// - Codes whose variants mean different things. A code's value says which code it is, not which of its
//   documented messages was sent, and some codes' variants differ in category (DashScope
//   `InvalidParameter` is invalid_request, context_length_exceeded, unsupported, … by message). So that
//   `ec == e.category` holds for every catalogue row, the code of a variant whose category differs from
//   its code's primary meaning is issued in a sibling category object: same name, same value, but its
//   default_error_condition() is the variant's category and message() the variant's. Such a code compares
//   unequal to the primary meaning's code of the same value (they are different errors). Ask
//   provider_of(ec) rather than comparing ec.category() with provider_category(p) when variants matter.
// - Singletons. std compares error categories by address. Every category object here lives in one
//   function-local static of an inline function, which is one object per program as long as llmerr is
//   linked statically into it (a copy inside each of several shared libraries, each built with hidden
//   visibility, would make equal codes compare unequal across them).
// - llm_error. This header does not include <llmerr/parse.hpp> (and so not nlohmann/json):
//   make_error_code(const llm_error&) is a function template over the forward-declared type, compiled
//   where an llm_error is complete — wherever one was obtained from parse().
#ifndef LLMERR_ERROR_CODE_HPP
#define LLMERR_ERROR_CODE_HPP

#include <cstddef>       // std::size_t
#include <cstdint>       // std::int32_t, std::uint8_t
#include <optional>      // std::optional
#include <string>        // std::string (error_category::message)
#include <string_view>   // std::string_view
#include <system_error>  // std::error_category, std::error_code, std::error_condition
#include <type_traits>   // std::true_type, std::enable_if_t, std::is_same

#include <llmerr/catalog.hpp>
#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/detail/classify.hpp>
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE

struct llm_error;  // <llmerr/parse.hpp>

// Returns the error_code value reserved for an error of category `c` that the catalogue does not know:
// -1 - c (unknown → -1, rate_limited → -7, …). Never 0, never a catalogue value (those are >= 1).
[[nodiscard]] constexpr int uncatalogued_value(category c) noexcept { return -1 - static_cast<int>(c); }

// Returns the primary row of `value` — the row lookup(p, code) finds for the code numbered `value` —
// or nullptr when `p` has no such value.
[[nodiscard]] constexpr const catalog_entry* lookup_value(provider p, std::int32_t value) noexcept {
    // Rows are sorted by code, then API priority, then variant: the first row with the value is the primary.
    for (const catalog_entry& e : entries(p)) {
        if (e.value == value) return &e;
    }
    return nullptr;
}

namespace detail {

// The category of a reserved negative value, if it is one.
[[nodiscard]] constexpr std::optional<category> uncatalogued_category(int value) noexcept {
    if (value < 0 && value >= -static_cast<int>(category_count)) return static_cast<category>(-1 - value);
    return std::nullopt;
}

// The first row numbered `value` whose category is `c`, or nullptr.
[[nodiscard]] constexpr const catalog_entry* lookup_value(provider p, std::int32_t value, category c) noexcept {
    for (const catalog_entry& e : entries(p)) {
        if (e.value == value && e.category == c) return &e;
    }
    return nullptr;
}

inline constexpr std::size_t provider_slots = provider_count;  // unknown, then every provider
inline constexpr std::uint8_t no_fixed_category = 0xFF;

[[nodiscard]] inline std::string unknown_value_message(provider p, int value) {
    return "unknown llmerr." + std::string(to_string(p)) + " error " + std::to_string(value);
}

// One provider's codes. With a fixed category, the sibling object for variants that mean `fixed`.
class provider_error_category final : public std::error_category {
public:
    provider_error_category() noexcept = default;

    void bind(provider p, std::uint8_t fixed) noexcept {
        provider_ = p;
        fixed_ = fixed;
    }

    [[nodiscard]] provider which() const noexcept { return provider_; }

    [[nodiscard]] const char* name() const noexcept override {
        const auto i = static_cast<std::size_t>(provider_);
        return provider_category_names[i < provider_slots ? i : 0];
    }

    [[nodiscard]] std::string message(int value) const override {
        if (const catalog_entry* e = row(value)) return std::string(e->message);
        if (const std::optional<category> c = uncatalogued_category(value)) {
            return "llmerr." + std::string(to_string(provider_)) + " error not in the catalogue (" +
                   std::string(to_string(*c)) + ")";
        }
        return unknown_value_message(provider_, value);
    }

    // Declared inline here so that it is not the key function: otherwise every TU that includes this header
    // emits both vtables and all their virtual functions, used or not (≈ 0.3 s of compile time per TU).
    [[nodiscard]] inline std::error_condition default_error_condition(int value) const noexcept override;

private:
    [[nodiscard]] const catalog_entry* row(int value) const noexcept {
        if (value <= 0) return nullptr;
        const auto v = static_cast<std::int32_t>(value);
        return fixed_ == no_fixed_category ? llmerr::lookup_value(provider_, v)
                                           : lookup_value(provider_, v, static_cast<category>(fixed_));
    }

    provider provider_ = provider::unknown;
    std::uint8_t fixed_ = no_fixed_category;
};

// The portable conditions: one per llmerr::category, value = the enumerator.
class condition_error_category final : public std::error_category {
public:
    condition_error_category() noexcept = default;

    [[nodiscard]] const char* name() const noexcept override { return "llmerr"; }

    [[nodiscard]] std::string message(int value) const override {
        if (value >= 0 && value < static_cast<int>(category_count)) {
            return std::string(to_string(static_cast<category>(value)));
        }
        return "unknown llmerr category " + std::to_string(value);
    }

    // From the condition's side: an llmerr code is equivalent to its own condition; a transport's
    // std::errc::timed_out / operation_canceled to timeout / cancelled, so one retry loop can treat
    // both alike.
    [[nodiscard]] inline bool equivalent(const std::error_code& code, int condition) const noexcept override;
};

struct category_registry {
    provider_error_category primary[provider_slots];
    provider_error_category fixed[provider_slots][category_count];
    condition_error_category conditions;

    category_registry() noexcept {
        for (std::size_t p = 0; p < provider_slots; ++p) {
            primary[p].bind(static_cast<provider>(p), no_fixed_category);
            for (std::size_t c = 0; c < category_count; ++c) {
                fixed[p][c].bind(static_cast<provider>(p), static_cast<std::uint8_t>(c));
            }
        }
    }
};

// Every llmerr category object, created once (thread-safe) on first use.
[[nodiscard]] inline const category_registry& registry() noexcept {
    static const category_registry r;
    return r;
}

[[nodiscard]] constexpr std::size_t provider_slot(provider p) noexcept {
    const auto i = static_cast<std::size_t>(p);
    return i < provider_slots ? i : 0;
}

// The llmerr code category object `cat` is, or nullptr.
[[nodiscard]] inline const provider_error_category* as_provider_category(const std::error_category& cat) noexcept {
    const category_registry& r = registry();
    for (std::size_t p = 0; p < provider_slots; ++p) {
        if (&cat == &r.primary[p]) return &r.primary[p];
        for (std::size_t c = 0; c < category_count; ++c) {
            if (&cat == &r.fixed[p][c]) return &r.fixed[p][c];
        }
    }
    return nullptr;
}

}  // namespace detail

// Returns the error category of `p`'s codes: "llmerr.ark", "llmerr.dashscope", "llmerr.qianfan";
// "llmerr.unknown" for provider::unknown (which only holds uncatalogued values).
[[nodiscard]] inline const std::error_category& provider_category(provider p) noexcept {
    return detail::registry().primary[detail::provider_slot(p)];
}

// Returns the category of the portable conditions ("llmerr"), whose values are llmerr::category.
[[nodiscard]] inline const std::error_category& condition_category() noexcept { return detail::registry().conditions; }

// The condition for `c`: `ec == llmerr::category::rate_limited` compares with this.
[[nodiscard]] inline std::error_condition make_error_condition(category c) noexcept {
    return {static_cast<int>(c), condition_category()};
}

namespace detail {

inline std::error_condition provider_error_category::default_error_condition(int value) const noexcept {
    if (fixed_ != no_fixed_category) return make_error_condition(static_cast<category>(fixed_));
    if (const catalog_entry* e = row(value)) return make_error_condition(e->category);
    if (const std::optional<category> c = uncatalogued_category(value)) return make_error_condition(*c);
    return make_error_condition(category::unknown);  // a value this catalogue does not have
}

inline bool condition_error_category::equivalent(const std::error_code& code, int condition) const noexcept {
    if (as_provider_category(code.category()) != nullptr) {
        return code.category().default_error_condition(code.value()) == std::error_condition(condition, *this);
    }
    const std::error_condition generic = code.default_error_condition();
    if (generic == std::errc::timed_out) return condition == static_cast<int>(category::timeout);
    if (generic == std::errc::operation_canceled) return condition == static_cast<int>(category::cancelled);
    return false;
}

// The code for a `p` error numbered `value` (0 or unknown: not catalogued) that means `c`.
[[nodiscard]] inline std::error_code make_code(provider p, std::int32_t value, category c) noexcept {
    const category_registry& r = registry();
    const std::size_t slot = provider_slot(p);
    const catalog_entry* primary = value > 0 ? llmerr::lookup_value(p, value) : nullptr;
    if (primary == nullptr) return {uncatalogued_value(c), r.primary[slot]};
    if (primary->category == c) return {static_cast<int>(value), r.primary[slot]};
    return {static_cast<int>(value), r.fixed[slot][static_cast<std::size_t>(c) % category_count]};
}

}  // namespace detail

// Returns the provider whose code `ec` is (provider::unknown for "llmerr.unknown"), or std::nullopt
// when `ec` is not an llmerr code.
[[nodiscard]] inline std::optional<provider> provider_of(const std::error_code& ec) noexcept {
    const detail::provider_error_category* cat = detail::as_provider_category(ec.category());
    if (cat == nullptr) return std::nullopt;
    return cat->which();
}

// Returns the catalogue row `ec` stands for (the variant's row when its meaning differs from the
// code's primary one), or nullptr for uncatalogued values and non-llmerr codes.
[[nodiscard]] inline const catalog_entry* entry_of(const std::error_code& ec) noexcept {
    const std::optional<provider> p = provider_of(ec);
    if (!p || ec.value() <= 0) return nullptr;
    const auto value = static_cast<std::int32_t>(ec.value());
    const catalog_entry* primary = lookup_value(*p, value);
    if (primary == nullptr) return nullptr;
    const std::error_condition cond = ec.default_error_condition();
    const auto c = static_cast<category>(cond.value());
    return primary->category == c ? primary : detail::lookup_value(*p, value, c);
}

// Returns the code of a catalogue row; its condition is `e.category`.
[[nodiscard]] inline std::error_code make_error_code(const catalog_entry& e) noexcept {
    return detail::make_code(e.provider, e.value, e.category);
}

// Returns the code for `code` as `p` sent it, choosing the variant by `message` and `http_status` as
// lookup() does. A code the catalogue does not know gets the reserved value of the category the status
// and message imply (as parse() classifies it).
[[nodiscard]] inline std::error_code make_error_code(provider p, std::string_view code, std::string_view message = {},
                                                     int http_status = 0) noexcept {
    if (const catalog_entry* e = lookup(p, code, message, http_status)) return make_error_code(*e);
    return detail::make_code(p, 0, detail::classify_uncatalogued(http_status, message));
}

// Returns the code for a parsed error: its catalogue row's value (0 rows: the reserved value), in its
// provider's category, with `err.category` as the condition.
template <class E, std::enable_if_t<std::is_same<E, llm_error>::value, int> = 0>
[[nodiscard]] std::error_code make_error_code(const E& err) noexcept {
    if (err.entry != nullptr) return detail::make_code(err.entry->provider, err.entry->value, err.category);
    return detail::make_code(err.provider, 0, err.category);
}

LLMERR_END_NAMESPACE

namespace std {
template <>
struct is_error_condition_enum<llmerr::category> : true_type {};
}  // namespace std

#endif  // LLMERR_ERROR_CODE_HPP
