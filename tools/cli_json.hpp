// SPDX-License-Identifier: MIT
// llmerr CLI — a fast JSON writer for llm_error results (one object per log line).
//
// `llmerr classify --jsonl` writes one object per input line. Building an nlohmann::json per line and
// dumping it would cost about as much as parsing the line, so the objects are written by hand into a reused
// buffer. The fields are exactly those of llmerr/json.hpp's to_json (tests/test_format.cpp checks that both
// give equal JSON for every sample); invalid UTF-8 becomes U+FFFD, as dump(…, error_handler_t::replace) does.
#ifndef LLMERR_TOOLS_CLI_JSON_HPP
#define LLMERR_TOOLS_CLI_JSON_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, std::uint64_t
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view

#include <llmerr/parse.hpp>

namespace llmerr_cli {

// At s[i] (a byte >= 0x80): the length of the valid UTF-8 sequence there, with `valid` set; or, with `valid`
// clear, how many bytes one U+FFFD replaces — the lead byte and the continuation bytes that fit it, as
// nlohmann's dump(…, error_handler_t::replace) counts them.
inline std::size_t utf8_step(std::string_view s, std::size_t i, bool& valid) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte (rules out overlongs and surrogates)
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        valid = false;
        return 1;
    }
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) {
            valid = false;
            return k;
        }
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
            valid = false;
            return k;
        }
    }
    valid = true;
    return n;
}

// Appends `s` as a JSON string (with the quotes).
inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the pending run of bytes that need no escaping
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            bool valid = false;
            const std::size_t n = utf8_step(s, i, valid);
            if (!valid) {
                out.append(s.data() + run, i - run);
                out += "\xEF\xBF\xBD";  // U+FFFD
                run = i + n;
            }
            i += n;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            }
        }
        ++i;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

inline void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    char* p = buf + sizeof buf;
    std::uint64_t u = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) *--p = '-';
    out.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
}

inline void append_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

// Appends the members of `e` (no braces), in the order of llmerr::to_json, message last.
inline void append_error_members(std::string& out, const llmerr::llm_error& e) {
    out += "\"provider\":\"";
    out += llmerr::to_string(e.provider);
    out += "\",\"http_status\":";
    append_int(out, e.http_status);
    out += ",\"code\":";
    append_json_string(out, e.code);
    out += ",\"category\":\"";
    out += llmerr::to_string(e.category);
    out += "\",\"retryable\":";
    append_bool(out, e.retryable);
    out += ",\"retry_hint\":\"";
    out += llmerr::to_string(e.retry_hint);
    out += "\",\"retry_after_ms\":";
    if (e.retry_after) {
        append_int(out, static_cast<std::int64_t>(e.retry_after->count()));
    } else {
        out += "null";
    }
    out += ",\"should_retry\":";
    if (e.should_retry) {
        append_bool(out, *e.should_retry);
    } else {
        out += "null";
    }
    out += ",\"request_id\":";
    append_json_string(out, e.request_id);
    out += ",\"api\":";
    append_json_string(out, e.api);
    out += ",\"entry\":";
    if (e.entry != nullptr) {
        out += "{\"api\":";
        append_json_string(out, e.entry->api);
        out += ",\"code\":";
        append_json_string(out, e.entry->code);
        out += ",\"variant\":";
        append_int(out, e.entry->variant);
        out += '}';
    } else {
        out += "null";
    }
    out += ",\"type\":";
    append_json_string(out, e.type);
    out += ",\"param\":";
    append_json_string(out, e.param);
    out += ",\"envelope\":\"";
    out += llmerr::to_string(e.envelope);
    out += "\",\"from_stream\":";
    append_bool(out, e.from_stream);
    out += ",\"truncated\":";
    append_bool(out, e.truncated);
    out += ",\"salvaged\":";
    append_bool(out, e.salvaged);
    out += ",\"message\":";
    append_json_string(out, e.message);
}

// Appends `e` as one JSON object, exactly the members of llmerr::to_json.
inline void append_error_json(std::string& out, const llmerr::llm_error& e) {
    out += '{';
    append_error_members(out, e);
    out += '}';
}

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_JSON_HPP
