// SPDX-License-Identifier: MIT
// llmerr — the providers whose errors llmerr knows.
//
//   static_assert(llmerr::to_string(llmerr::provider::ark) == "ark");
//   auto p = llmerr::provider_from_string("qianfan");  // std::optional<provider>
#ifndef LLMERR_PROVIDER_HPP
#define LLMERR_PROVIDER_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>

// provider: the enum, one value per data/<name>.json (its provider_info.id), and the names.
// Values may be added in later versions: switch with a `default:`.
#include <llmerr/generated/providers.hpp>

LLMERR_BEGIN_NAMESPACE

// Returns the enumerator's name ("unknown", "ark", "dashscope", "qianfan", …).
[[nodiscard]] constexpr std::string_view to_string(provider p) noexcept {
    const auto i = static_cast<std::size_t>(p);
    return i < detail::provider_count ? detail::provider_names[i] : detail::provider_names[0];
}

// Returns the provider named `name` (as to_string spells it, "unknown" included), or std::nullopt.
[[nodiscard]] constexpr std::optional<provider> provider_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < detail::provider_count; ++i) {
        if (detail::provider_names[i] == name) return static_cast<provider>(i);
    }
    return std::nullopt;
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_PROVIDER_HPP
