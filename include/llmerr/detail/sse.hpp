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
        if (!hit && data_lines > 0 && d != "[DONE]") hit = is_error_envelope(scan_json(d, true).fields);
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
