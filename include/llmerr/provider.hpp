// SPDX-License-Identifier: MIT
// llmerr — the providers whose errors llmerr knows.
//
//   static_assert(llmerr::to_string(llmerr::provider::ark) == "ark");
//   auto p = llmerr::provider_from_string("qianfan");  // std::optional<provider>
#ifndef LLMERR_PROVIDER_HPP
#define LLMERR_PROVIDER_HPP

#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>

LLMERR_BEGIN_NAMESPACE

// provider
//
// Values may be added in later versions: switch with a `default:`.
enum class provider : std::uint8_t {
    unknown = 0,    // not known, or the evidence was ambiguous
    ark = 1,        // Volcengine Ark (火山方舟, Doubao models)
    dashscope = 2,  // Alibaba Cloud DashScope / Model Studio (百炼, Qwen models)
    qianfan = 3,    // Baidu AI Cloud Qianfan (千帆, ERNIE models)
};

// Returns the enumerator's name ("unknown", "ark", "dashscope", "qianfan").
[[nodiscard]] constexpr std::string_view to_string(provider p) noexcept {
    switch (p) {
        case provider::ark: return "ark";
        case provider::dashscope: return "dashscope";
        case provider::qianfan: return "qianfan";
        case provider::unknown: break;
    }
    return "unknown";
}

// Returns the provider named exactly `name` (as to_string spells it), or std::nullopt.
[[nodiscard]] constexpr std::optional<provider> provider_from_string(std::string_view name) noexcept {
    for (auto p : {provider::unknown, provider::ark, provider::dashscope, provider::qianfan}) {
        if (to_string(p) == name) return p;
    }
    return std::nullopt;
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_PROVIDER_HPP
