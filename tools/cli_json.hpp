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
#include <cstring>      // std::memcpy
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view

#include <llmerr/detail/json_scan.hpp>  // utf8_sequence_length
#include <llmerr/parse.hpp>

namespace llmerr_cli {

// At s[i], a byte >= 0x80 that starts no valid UTF-8 sequence: how many bytes one U+FFFD replaces, as
// nlohmann's dump(…, error_handler_t::replace) counts them: the longest prefix that could still begin a
// valid sequence (the lead byte at least). A prefix of k >= 2 bytes can iff padding it with continuation
// bytes (0x80) makes a valid sequence, so the library's UTF-8 rule decides it here too.
inline std::size_t invalid_utf8_length(std::string_view s, std::size_t i) noexcept {
    std::size_t k = 1;
    while (k < 3 && i + k < s.size()) {
        char padded[4] = {'\x80', '\x80', '\x80', '\x80'};
        s.copy(padded, k + 1, i);
        if (llmerr::detail::utf8_sequence_length(padded, padded + sizeof padded) == 0) break;
        ++k;
    }
    return k;
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
            const std::size_t n = llmerr::detail::utf8_sequence_length(s.data() + i, s.data() + s.size());
            if (n != 0) {
                i += n;
                continue;
            }
            out.append(s.data() + run, i - run);
            out += "\xEF\xBF\xBD";  // U+FFFD
            i += invalid_utf8_length(s, i);
            run = i;
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

// Writes the members of a JSON object, `"name":value`, a comma before each but the first. Names are string
// literals that need no escaping; each name with its punctuation is one append, as cheap as a literal.
class member_writer {
public:
    explicit member_writer(std::string& out) noexcept : out_(out) {}

    // Any text, escaped.
    template <std::size_t N>
    void text(const char (&name)[N], std::string_view v) {
        key(name);
        append_json_string(out_, v);
    }
    // The name of an enumerator (ASCII, nothing to escape).
    template <std::size_t N>
    void word(const char (&name)[N], std::string_view v) {
        key(name);
        out_ += '"';
        out_ += v;
        out_ += '"';
    }
    template <std::size_t N>
    void integer(const char (&name)[N], std::int64_t v) {
        key(name);
        append_int(out_, v);
    }
    template <std::size_t N>
    void boolean(const char (&name)[N], bool v) {
        key(name);
        append_bool(out_, v);
    }
    template <std::size_t N>
    void null(const char (&name)[N]) {
        key(name);
        out_ += "null";
    }
    // `"name":` alone, for a value the caller writes.
    template <std::size_t N>
    void key(const char (&name)[N]) {
        char buf[N + 3] = {',', '"'};  // `,"name":` (N counts the name's terminating NUL)
        std::memcpy(buf + 2, name, N - 1);
        buf[N + 1] = '"';
        buf[N + 2] = ':';
        out_.append(first_ ? buf + 1 : buf, first_ ? N + 2 : N + 3);
        first_ = false;
    }

private:
    std::string& out_;
    bool first_ = true;
};

// Appends the members of `e` (no braces), in the order of llmerr::to_json, message last.
inline void append_error_members(std::string& out, const llmerr::llm_error& e) {
    member_writer w(out);
    w.word("provider", llmerr::to_string(e.provider));
    w.integer("http_status", e.http_status);
    w.text("code", e.code);
    w.word("category", llmerr::to_string(e.category));
    w.boolean("retryable", e.retryable);
    w.word("retry_hint", llmerr::to_string(e.retry_hint));
    if (e.retry_after) {
        w.integer("retry_after_ms", static_cast<std::int64_t>(e.retry_after->count()));
    } else {
        w.null("retry_after_ms");
    }
    if (e.should_retry) {
        w.boolean("should_retry", *e.should_retry);
    } else {
        w.null("should_retry");
    }
    w.text("request_id", e.request_id);
    w.text("api", e.api);
    if (e.entry != nullptr) {
        w.key("entry");
        out += '{';
        member_writer entry(out);
        entry.text("api", e.entry->api);
        entry.text("code", e.entry->code);
        entry.integer("variant", e.entry->variant);
        out += '}';
    } else {
        w.null("entry");
    }
    w.text("type", e.type);
    w.text("param", e.param);
    w.word("envelope", llmerr::to_string(e.envelope));
    w.word("evidence", llmerr::to_string(e.evidence));
    w.boolean("from_stream", e.from_stream);
    w.boolean("truncated", e.truncated);
    w.boolean("salvaged", e.salvaged);
    w.text("message", e.message);
}

// Appends `e` as one JSON object, exactly the members of llmerr::to_json.
inline void append_error_json(std::string& out, const llmerr::llm_error& e) {
    out += '{';
    append_error_members(out, e);
    out += '}';
}

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_JSON_HPP
