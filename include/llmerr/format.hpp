// SPDX-License-Identifier: MIT
// llmerr — one-line text for an llm_error (and a catalogue entry): for logs, exceptions and asserts.
//
//   std::cerr << err << '\n';         // operator<<
//   log.warn(llmerr::to_string(err));  // std::string
//   std::format("call failed: {}", err);  // when <format> is available (also fmt::format, see below)
//
// prints
//
//   dashscope 429 Throttling.AllocationQuota rate_limited retryable hint=backoff evidence=exact_code
//   retry_after=7000ms request_id=6176ffcd-b235-4298-a0d9-abdbc0306130 "Allocated quota exceeded, please increase …"
//
// on one line: provider, HTTP status, code, category, then `retryable` or `non-retryable`, then the optional
// hint and evidence (how the verdict was reached; left out when none), then optional key=value fields (retry_after, upstream_code, request_id, api,
// stream, salvaged) and the message in double quotes, cut after 200 bytes (at a UTF-8 boundary, marked "…") and escaped (\" \\ \n \r \t \xNN) so the line never
// breaks. A missing status or code is written `-`. A code containing spaces or quotes is quoted like the message.
//
// The fmt::formatter specialisation exists only when <fmt/format.h> (or <fmt/core.h>) was included before this
// header; std::formatter only when the standard library implements std::format (__cpp_lib_format).
#ifndef LLMERR_FORMAT_HPP
#define LLMERR_FORMAT_HPP

#include <chrono>       // std::chrono::milliseconds
#include <cstddef>      // std::size_t
#include <ostream>      // std::ostream
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view

#include <llmerr/catalog.hpp>
#include <llmerr/config.hpp>
#include <llmerr/parse.hpp>

// <version> defines __cpp_lib_format without dragging in <format>, which some libraries reject before C++20.
#if defined(__has_include)
#if __has_include(<version>)
#include <version>  // __cpp_lib_format
#endif
#endif
#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#include <format>  // std::formatter
#define LLMERR_HAS_STD_FORMAT 1
#else
#define LLMERR_HAS_STD_FORMAT 0
#endif

LLMERR_BEGIN_NAMESPACE

// The message is cut after this many bytes in to_string(llm_error).
inline constexpr std::size_t format_message_bytes = 200;

namespace detail {

// Appends byte u as `\xNN` (lowercase hex): how one-line text shows a control character.
inline void append_hex_escape(std::string& out, unsigned char u) {
    constexpr char hex[] = "0123456789abcdef";
    out += "\\x";
    out += hex[u >> 4];
    out += hex[u & 0xF];
}

// Appends `s` between double quotes, escaping what would break the line or the quoting; cuts it after
// `cap` bytes at a UTF-8 boundary and appends "…" when it did.
inline void append_quoted(std::string& out, std::string_view s, std::size_t cap) {
    bool cut = false;
    if (s.size() > cap) {
        std::size_t n = cap;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        s = s.substr(0, n);
        cut = true;
    }
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (u < 0x20 || u == 0x7F) {
                    append_hex_escape(out, u);
                } else {
                    out += c;
                }
        }
    }
    if (cut) out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
    out += '"';
}

// Appends a field that is normally one word (code, request id) as is; `-` when empty; quoted when it holds
// characters that would make the line ambiguous.
inline void append_token(std::string& out, std::string_view s) {
    if (s.empty()) {
        out += '-';
        return;
    }
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '\\') {
            append_quoted(out, s, max_field_bytes);
            return;
        }
    }
    out += s;
}

inline void append_status(std::string& out, int status) {
    if (status == 0) {
        out += '-';
    } else {
        out += std::to_string(status);
    }
}

// Appends "<category> retryable|non-retryable[ hint=<hint>]", the verdict both kinds of line share.
inline void append_verdict(std::string& out, category c, bool retryable, retry_hint hint) {
    out += to_string(c);
    out += retryable ? " retryable" : " non-retryable";
    if (hint != retry_hint::none) {
        out += " hint=";
        out += to_string(hint);
    }
}

}  // namespace detail

// Returns the one-line description of `e` (see the top of this header).
[[nodiscard]] inline std::string to_string(const llm_error& e) {
    std::string out;
    out.reserve(160 + (e.message.size() < format_message_bytes ? e.message.size() : format_message_bytes));
    out += to_string(e.provider);
    out += ' ';
    detail::append_status(out, e.http_status);
    out += ' ';
    detail::append_token(out, e.code);
    out += ' ';
    detail::append_verdict(out, e.category, e.retryable, e.retry_hint);
    if (e.evidence != evidence::none) {
        out += " evidence=";
        out += to_string(e.evidence);
    }
    if (e.retry_after) {
        out += " retry_after=";
        out += std::to_string(e.retry_after->count());
        out += "ms";
    }
    if (!e.upstream_code.empty()) {
        out += " upstream_code=";
        detail::append_token(out, e.upstream_code);
    }
    if (!e.request_id.empty()) {
        out += " request_id=";
        detail::append_token(out, e.request_id);
    }
    if (!e.api.empty()) {
        out += " api=";
        detail::append_token(out, e.api);
    }
    if (e.from_stream) out += " stream";
    if (e.salvaged) out += " salvaged";
    out += ' ';
    detail::append_quoted(out, e.message, format_message_bytes);
    return out;
}

// Returns one line describing a catalogue entry:
// `dashscope inference Throttling.AllocationQuota#1 400 rate_limited retryable hint=backoff "…"`
// (`#n` only for variants other than 0; the documented English message, cut as above).
[[nodiscard]] inline std::string to_string(const catalog_entry& e) {
    std::string out;
    out += to_string(e.provider);
    out += ' ';
    detail::append_token(out, e.api);
    out += ' ';
    detail::append_token(out, e.code);
    if (e.variant != 0) {
        out += '#';
        out += std::to_string(e.variant);
    }
    out += ' ';
    detail::append_status(out, e.http_status);
    out += ' ';
    detail::append_verdict(out, e.category, e.retryable, e.retry_hint);
    out += ' ';
    detail::append_quoted(out, e.message, format_message_bytes);
    return out;
}

// Writes to_string(e).
inline std::ostream& operator<<(std::ostream& os, const llm_error& e) { return os << to_string(e); }

// Writes to_string(e).
inline std::ostream& operator<<(std::ostream& os, const catalog_entry& e) { return os << to_string(e); }

LLMERR_END_NAMESPACE

#if LLMERR_HAS_STD_FORMAT
// std::format("{}", err), with the string format spec: std::format("{:>120}", err).
template <>
struct std::formatter<llmerr::llm_error, char> : std::formatter<std::string_view, char> {
    template <class FormatContext>
    auto format(const llmerr::llm_error& e, FormatContext& ctx) const {
        const std::string s = llmerr::to_string(e);
        return std::formatter<std::string_view, char>::format(std::string_view(s), ctx);
    }
};
#endif

#if defined(FMT_VERSION)
// fmt::format("{}", err): only when fmt was included before this header.
template <>
struct fmt::formatter<llmerr::llm_error> : fmt::formatter<fmt::string_view> {
    template <class FormatContext>
    auto format(const llmerr::llm_error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
        const std::string s = llmerr::to_string(e);
        return fmt::formatter<fmt::string_view>::format(fmt::string_view(s.data(), s.size()), ctx);
    }
};
#endif

#endif  // LLMERR_FORMAT_HPP
