// SPDX-License-Identifier: MIT
// llmerr — the request-id formats that name a provider. Internal. Ark's and Qianfan's are read wherever an id is
// found (body or header); OpenAI's only from its x-request-id header (detail/headers.hpp); DashScope's only beside
// an OpenAI-style error object (parse.hpp).
#ifndef LLMERR_DETAIL_REQUEST_IDS_HPP
#define LLMERR_DETAIL_REQUEST_IDS_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

[[nodiscard]] constexpr bool is_hex_char(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

[[nodiscard]] constexpr bool is_lower_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

// Ark's request ids: "021" + at least 37 more hex digits ("0217537734416511a912fa40b9f3…", 53 in all).
[[nodiscard]] constexpr bool is_ark_request_id(std::string_view id) noexcept {
    if (id.size() < 40 || id.size() > 64 || !starts_with(id, "021")) return false;
    for (char c : id) {
        if (!is_hex_char(c)) return false;
    }
    return true;
}

// Qianfan's request ids: "as-" + 10 lowercase letters or digits ("as-wbx23eriqh").
[[nodiscard]] constexpr bool is_qianfan_request_id(std::string_view id) noexcept {
    if (id.size() != 13 || !starts_with(id, "as-")) return false;
    for (std::size_t i = 3; i < id.size(); ++i) {
        if (!is_lower_alnum(id[i])) return false;
    }
    return true;
}

// DashScope's request ids, as its compatible mode keeps them beside an OpenAI-style error: UUIDs, or the
// completion's "chatcmpl-…" it echoes — a '-' after eight characters (Groq's "req_01kj…" has none there).
[[nodiscard]] constexpr bool looks_like_dashscope_request_id(std::string_view id) noexcept {
    return id.size() > 8 && id[8] == '-';
}

// OpenAI's request ids: "req_" + 32 lowercase hex digits ("req_f3aa46fca70f6e573cbd6c099b79e7ff"), its x-request-id
// header (a body does not carry it). (Anthropic's "req_011C…" are longer and mixed-case.)
[[nodiscard]] constexpr bool is_openai_request_id(std::string_view id) noexcept {
    if (id.size() != 36 || !starts_with(id, "req_")) return false;
    for (std::size_t i = 4; i < id.size(); ++i) {
        if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'))) return false;
    }
    return true;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_REQUEST_IDS_HPP
