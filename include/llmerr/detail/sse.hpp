// SPDX-License-Identifier: MIT
// llmerr — finding the error event in a server-sent-events body or chunk. Internal.
//
// Shapes handled: Ark and DashScope compatible mode put the error in an ordinary `data: {"error":…}` chunk;
// DashScope native sends `event:error` frames with an `:HTTP_STATUS/400` comment; the DashScope Python SDK
// also reads a `status:` line; Qianfan v1 streams a bare JSON line (no `data:`) when a request fails
// midway. `data: [DONE]` and keep-alive comments are skipped.
#ifndef LLMERR_DETAIL_SSE_HPP
#define LLMERR_DETAIL_SSE_HPP

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>
#include <llmerr/detail/json_scan.hpp>
#include <llmerr/detail/match.hpp>

// SSE2 (every x86-64) checks 16 bytes at a time in may_hold_error(); elsewhere, or with LLMERR_NO_SIMD, a
// byte loop does the same.
#if !defined(LLMERR_NO_SIMD) && \
    (defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#define LLMERR_SSE2 1
#include <emmintrin.h>  // _mm_loadu_si128, _mm_cmpeq_epi8, _mm_movemask_epi8
#else
#define LLMERR_SSE2 0
#endif

LLMERR_BEGIN_NAMESPACE
namespace detail {

// Whether decoded envelope fields describe an error (as opposed to a success or a stream chunk).
inline bool is_error_envelope(const envelope_fields& f) noexcept {
    if (!f.top_is_object) return false;
    if (f.error_is_object) return true;
    if (f.error.k == json_field::kind::string && !f.error.text.empty()) return true;
    auto is_success_code = [](const std::string& c) {
        return c.empty() || c == "0" || c == "200" || iequals(c, "success") || iequals(c, "ok");
    };
    if (f.error_code.is_text() && !is_success_code(f.error_code.text)) return true;
    if (f.code.is_text() && !is_success_code(f.code.text) && (f.message.present() || f.msg.present())) return true;
    return false;
}

// --- a cheap test that spares most success bodies the scan ---
//
// is_error_envelope() reads only the top-level keys "error", "error_code" and "code", and find_sse_error()
// also reports an event named "error". A key is a string token, which cannot span lines (raw control bytes
// are invalid in it), so a key that decodes to one of those names shows in the raw bytes of the body, in
// one piece: plainly, as `code"` (also the end of `error_code"`) or `error"`, or with one of its letters
// escaped, as `\u00XX` with XX one of 5f 63 64 65 6f 72. An event named error shows as `event:`, an optional
// space and "error" in any case. may_hold_error(s) is false only when none of these occurs anywhere in s:
// then the keys-only scan and find_sse_error() cannot report an error, whatever else s holds, valid or not.
// Keep it in step with is_error_envelope() and find_sse_error(): a name they read must be added here.

// Whether a pattern above ends (at '"' or ':') or begins (at '\\') at s[i].
[[nodiscard]] inline bool error_marker_at(std::string_view s, std::size_t i) noexcept {
    switch (s[i]) {
        case '"': return (i >= 4 && s.substr(i - 4, 4) == "code") || (i >= 5 && s.substr(i - 5, 5) == "error");
        case '\\': {
            // A shorter escape is cut short, which the scanner rejects before it has read the key.
            if (s.size() - i < 6 || s.substr(i + 1, 3) != "u00") return false;
            const char hi = s[i + 4];
            const char lo = ascii_lower(s[i + 5]);
            return (hi == '5' && lo == 'f') || (hi == '6' && (lo == '3' || lo == '4' || lo == '5' || lo == 'f')) ||
                   (hi == '7' && lo == '2');
        }
        case ':': {
            if (i < 5 || s.substr(i - 5, 5) != "event") return false;
            std::string_view v = s.substr(i + 1);
            if (!v.empty() && v.front() == ' ') v.remove_prefix(1);
            return v.size() >= 5 && iequals(v.substr(0, 5), "error");
        }
        default: return false;
    }
}

// Whether s may hold an error envelope or an error event (see above); false means it holds neither.
[[nodiscard]] inline bool may_hold_error(std::string_view s) noexcept {
    const std::size_t n = s.size();
    std::size_t i = 0;
#if LLMERR_SSE2
    // Flag the positions where an anchor sits after or before the right neighbour (`de"`, `or"`, `t:`, `\u`),
    // 32 at a time; the few flagged are checked in full.
    if (n >= 34) {
        const char* d = s.data();
        const auto at = [d](std::size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + k)); };
        const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        const auto flags = [&](std::size_t k) {
            const __m128i m2 = at(k - 2), m1 = at(k - 1), c0 = at(k), p1 = at(k + 1);
            const __m128i quote = _mm_and_si128(eq(c0, '"'), _mm_or_si128(_mm_and_si128(eq(m1, 'e'), eq(m2, 'd')),
                                                                          _mm_and_si128(eq(m1, 'r'), eq(m2, 'o'))));
            const __m128i other =
                _mm_or_si128(_mm_and_si128(eq(c0, ':'), eq(m1, 't')), _mm_and_si128(eq(c0, '\\'), eq(p1, 'u')));
            return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(quote, other)));
        };
        for (; i < 2; ++i) {
            if (error_marker_at(s, i)) return true;
        }
        const auto anchors = [&](std::size_t k) {
            const __m128i c0 = at(k);
            return _mm_or_si128(_mm_or_si128(eq(c0, '"'), eq(c0, ':')), eq(c0, '\\'));
        };
        for (; i + 33 <= n; i += 32) {
            // Long string values hold none of the anchors in most blocks: test for them alone first.
            if (_mm_movemask_epi8(_mm_or_si128(anchors(i), anchors(i + 16))) == 0) continue;
            const unsigned mask = flags(i) | (flags(i + 16) << 16U);
            if (mask == 0) continue;
            for (std::size_t k = 0; k < 32; ++k) {
                if (((mask >> k) & 1U) != 0 && error_marker_at(s, i + k)) return true;
            }
        }
    }
#endif
    for (; i < n; ++i) {
        const char c = s[i];
        if ((c == '"' || c == '\\' || c == ':') && error_marker_at(s, i)) return true;
    }
    return false;
}

[[nodiscard]] inline bool looks_like_sse(std::string_view t) noexcept {
    return starts_with(t, "data:") || starts_with(t, "event:") || starts_with(t, "id:") || starts_with(t, ":") ||
           starts_with(t, "retry:");
}

struct sse_error {
    bool found = false;
    std::string data;                // the error event's data (JSON, usually)
    std::string event;               // its event name, if any
    int status = 0;                  // from `:HTTP_STATUS/NNN` or `status: NNN`, when present
    bool dashscope_framing = false;  // saw the `:HTTP_STATUS/` comment only DashScope writes
};

[[nodiscard]] inline int parse_status_digits(std::string_view s) noexcept {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.size() < 3) return 0;
    int v = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    if (s.size() > 3 && s[3] >= '0' && s[3] <= '9') return 0;
    return (v >= 100 && v <= 599) ? v : 0;
}

// The first error event in `body`, which holds whole SSE frames or a chunk of them.
inline sse_error find_sse_error(std::string_view body) {
    sse_error out;
    std::string data, event;
    std::string_view first_data;  // an event's first data line, copied only if a second one follows
    int status = 0;
    std::size_t data_lines = 0;

    auto dispatch = [&]() -> bool {
        const std::string_view d = data_lines == 1 ? first_data : std::string_view(data);
        const bool error_event = iequals(event, "error");
        bool hit = error_event;
        if (!hit && data_lines > 0 && may_hold_error(d) && d != "[DONE]") {
            hit = is_error_envelope(scan_json(d, true).fields);
        }
        if (hit) {
            out.found = true;
            out.data.assign(d.data(), d.size());
            out.event = std::move(event);
            out.status = status;
        }
        data.clear();
        event.clear();
        status = 0;
        data_lines = 0;
        return hit;
    };

    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) nl = body.size();
        std::string_view line = body.substr(pos, nl - pos);
        pos = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            if (dispatch()) return out;
            if (pos > body.size()) break;
            continue;
        }
        if (line.front() == ':') {
            if (starts_with(line, ":HTTP_STATUS/")) {
                status = parse_status_digits(line.substr(13));
                out.dashscope_framing = true;
            }
        } else if (line.front() == '{') {
            // Qianfan v1: a failing stream carries a bare JSON error line.
            if (dispatch()) return out;
            first_data = line;
            data_lines = 1;
            if (dispatch()) return out;
        } else {
            const std::size_t colon = line.find(':');
            const std::string_view field = line.substr(0, colon);
            std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
            if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            if (field == "data") {
                if (data_lines == 0) {
                    first_data = value;  // the usual case: one line per event, scanned in place
                } else {
                    if (data_lines == 1) data.assign(first_data.data(), first_data.size());
                    data += '\n';
                    data.append(value.data(), value.size());
                }
                ++data_lines;
            } else if (field == "event") {
                event.assign(value.data(), value.size());
            } else if (field == "status") {
                status = parse_status_digits(value);
            }
        }
        if (pos > body.size()) break;
    }
    dispatch();
    return out;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_SSE_HPP
