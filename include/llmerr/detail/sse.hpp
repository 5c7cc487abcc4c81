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
#include <cstdint>      // std::uint64_t
#include <cstring>      // std::memcpy
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <llmerr/config.hpp>
#include <llmerr/detail/json_scan.hpp>
#include <llmerr/detail/match.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// Whether DashScope's asynchronous task status says the task failed ("FAILED"; "UNKNOWN" is what a query
// for an unknown or expired task id answers).
[[nodiscard]] inline bool is_failed_task_status(const json_field& s) noexcept {
    return s.k == json_field::kind::string && (iequals(s.text, "failed") || iequals(s.text, "unknown"));
}

// Whether decoded envelope fields describe an error (as opposed to a success or a stream chunk).
inline bool is_error_envelope(const envelope_fields& f) noexcept {
    if (!f.top_is_object) return false;
    if (f.error_is_object) return true;
    if (f.error.k == json_field::kind::string && !f.error.text.empty()) return true;
    auto is_success_code = [](std::string_view c) {
        return c.empty() || c == "0" || c == "200" || iequals(c, "success") || iequals(c, "ok");
    };
    if (f.error_code.is_text() && !is_success_code(f.error_code.text)) return true;
    if (f.code.is_text() && !is_success_code(f.code.text) && (f.message.present() || f.msg.present())) return true;
    if (is_failed_task_status(f.output_task_status)) return true;
    if (f.base_status_code.is_text() && !f.base_status_code.text_is("0")) return true;  // MiniMax: 0 is success
    if (f.response_error_is_object) return true;  // Tencent Cloud: a Response with an Error failed
    if (f.header_code.is_text() && !f.header_code.text_is("0")) return true;  // iFlytek Spark: 0 is success
    if (f.errmsg_code.is_text() && !f.errmsg_code.text_is("0")) return true;  // Hunyuan's streamed ErrorMsg
    return false;
}

// Whether one event's data is an error envelope: scanned, and the scan's forty strings destroyed, out of line
// (compiled small with clang: one call per event that may hold an error).
LLMERR_SMALL inline bool holds_error_envelope(std::string_view data) noexcept {
    return is_error_envelope(scan_json(data, true).fields);
}

// --- a cheap test that spares most success bodies the scan ---
//
// is_error_envelope() reads only the top-level keys "error", "error_code" and "code", the key "task_status"
// (of "output"), "status_code" (of MiniMax's "base_resp"), "code" (of iFlytek Spark's "header"), "Error"
// (of Tencent Cloud's "Response") and "Code" (of Hunyuan's "ErrorMsg"), and
// find_sse_error() also reports an event named "error". A key is a string token, which cannot span lines
// (raw control bytes are invalid in it), so a key that decodes to one of those names shows in the raw bytes
// of the body, in one piece: plainly, as `code"` (also the end of `error_code"` and `status_code"`), `Code"`,
// `error"`, `Error"` or `task_status"`, or with one of its letters escaped, as `\u00XX` with XX one of
// 43 45 5f 61 63 64 65 6b 6f 72 73 74 75. An event named error shows as `event:`, an optional space and "error" in
// any case. may_hold_error(s) is false only when none of these occurs anywhere in s: then the keys-only scan
// and find_sse_error() cannot report an error, whatever else s holds, valid or not. Keep it in step with
// is_error_envelope() and find_sse_error(): a name they read must be added here.

// Whether a pattern above ends (at '"' or ':') or begins (at '\\') at s[i].
[[nodiscard]] inline bool error_marker_at(std::string_view s, std::size_t i) noexcept {
    switch (s[i]) {
        case '"':
            return (i >= 4 && (s.substr(i - 4, 4) == "code" || s.substr(i - 4, 4) == "Code")) ||
                   (i >= 5 && (s.substr(i - 5, 5) == "error" || s.substr(i - 5, 5) == "Error")) ||
                   (i >= 11 && s.substr(i - 11, 11) == "task_status");
        case '\\': {
            // A shorter escape is cut short, which the scanner rejects before it has read the key.
            if (s.size() - i < 6 || s.substr(i + 1, 3) != "u00") return false;
            const char hi = s[i + 4];
            const char lo = ascii_lower(s[i + 5]);
            return (hi == '4' && (lo == '3' || lo == '5')) || (hi == '5' && lo == 'f') ||
                   (hi == '6' && (lo == '1' || lo == '3' || lo == '4' || lo == '5' || lo == 'b' || lo == 'f')) ||
                   (hi == '7' && (lo == '2' || lo == '3' || lo == '4' || lo == '5'));
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

// may_hold_error() looks at 16 or 8 positions at a time: most blocks of a body hold none of the anchors '"',
// ':' and '\\'; in those that do, it flags where an anchor sits after or before the right neighbours (`de"`,
// `or"`, `us"`, `t:`, `\u`), and checks only the blocks with a flag in full. Three versions, all portable
// (no intrinsics header): GCC's and Clang's vector extensions on any target (SSE2, NEON, or scalar code
// where the target has no vectors); SWAR, eight bytes in a std::uint64_t, for other compilers; and a byte
// loop, which LLMERR_NO_SIMD selects. Each is tested against error_marker_at() itself (tests/test_scan.cpp).

// The byte loop, from position i.
[[nodiscard]] inline bool may_hold_error_bytes(std::string_view s, std::size_t i = 0) noexcept {
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if ((c == '"' || c == '\\' || c == ':') && error_marker_at(s, i)) return true;
    }
    return false;
}

// SWAR. Byte k of a word is byte k of the text whatever the byte order: every operation stays in its byte,
// or asks only whether some byte is zero.
namespace swar {

[[nodiscard]] inline std::uint64_t load(const char* p) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}
[[nodiscard]] constexpr std::uint64_t broadcast(char c) noexcept {
    return std::uint64_t{0x0101010101010101} * static_cast<unsigned char>(c);
}
// Nonzero iff some byte of w is zero.
[[nodiscard]] constexpr std::uint64_t any_zero(std::uint64_t w) noexcept {
    return (w - std::uint64_t{0x0101010101010101}) & ~w & std::uint64_t{0x8080808080808080};
}
// Nonzero iff some byte of w is c.
[[nodiscard]] constexpr std::uint64_t any_byte(std::uint64_t w, char c) noexcept { return any_zero(w ^ broadcast(c)); }
// Nonzero iff one of the 8 positions at p is flagged (p - 2 … p + 8 readable).
[[nodiscard]] inline std::uint64_t flags(const char* p) noexcept {
    const std::uint64_t c0 = load(p), m1 = load(p - 1), m2 = load(p - 2), p1 = load(p + 1);
    const std::uint64_t q = c0 ^ broadcast('"');
    return any_zero(q | (m1 ^ broadcast('e')) | (m2 ^ broadcast('d'))) |
           any_zero(q | (m1 ^ broadcast('r')) | (m2 ^ broadcast('o'))) |
           any_zero(q | (m1 ^ broadcast('s')) | (m2 ^ broadcast('u'))) |
           any_zero((c0 ^ broadcast(':')) | (m1 ^ broadcast('t'))) |
           any_zero((c0 ^ broadcast('\\')) | (p1 ^ broadcast('u')));
}

}  // namespace swar

[[nodiscard]] inline bool may_hold_error_swar(std::string_view s) noexcept {
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (n >= 19) {
        const char* d = s.data();
        for (; i < 2; ++i) {
            if (error_marker_at(s, i)) return true;
        }
        for (; i + 17 <= n; i += 16) {
            const std::uint64_t a = swar::load(d + i), b = swar::load(d + i + 8);
            if ((swar::any_byte(a, '"') | swar::any_byte(a, ':') | swar::any_byte(a, '\\') | swar::any_byte(b, '"') |
                 swar::any_byte(b, ':') | swar::any_byte(b, '\\')) == 0) {
                continue;
            }
            if ((swar::flags(d + i) | swar::flags(d + i + 8)) == 0) continue;
            for (std::size_t k = 0; k < 16; ++k) {
                if (error_marker_at(s, i + k)) return true;
            }
        }
    }
    return may_hold_error_bytes(s, i);
}

#if defined(__GNUC__)  // GCC and Clang (and compilers that mimic them)
#define LLMERR_VECTOR_EXTENSIONS 1

// 16 bytes; comparisons give 0 or -1 per byte. Used only inside the function below (no vector parameters or
// results, whose ABI depends on the target's flags).
typedef unsigned char llmerr_u8x16 __attribute__((vector_size(16)));  // NOLINT(modernize-use-using)

[[nodiscard]] inline bool may_hold_error_vector(std::string_view s) noexcept {
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (n >= 35) {
        const char* d = s.data();
        for (; i < 2; ++i) {
            if (error_marker_at(s, i)) return true;
        }
        for (; i + 33 <= n; i += 32) {
            llmerr_u8x16 c0, c1, m1, m2, p1, n1, n2, q1;  // c0: i…i+15 (m1, m2, p1 shifted); c1: i+16…i+31
            std::memcpy(&c0, d + i, 16);
            std::memcpy(&c1, d + i + 16, 16);
            auto any = (c0 == '"') | (c0 == ':') | (c0 == '\\') | (c1 == '"') | (c1 == ':') | (c1 == '\\');
            std::uint64_t words[2];
            std::memcpy(words, &any, sizeof words);
            if ((words[0] | words[1]) == 0) continue;  // no anchor in the 32 bytes: the usual case
            std::memcpy(&m1, d + i - 1, 16);
            std::memcpy(&m2, d + i - 2, 16);
            std::memcpy(&p1, d + i + 1, 16);
            std::memcpy(&n1, d + i + 15, 16);
            std::memcpy(&n2, d + i + 14, 16);
            std::memcpy(&q1, d + i + 17, 16);
            any = ((c0 == '"') &
                   (((m1 == 'e') & (m2 == 'd')) | ((m1 == 'r') & (m2 == 'o')) | ((m1 == 's') & (m2 == 'u')))) |
                  ((c0 == ':') & (m1 == 't')) | ((c0 == '\\') & (p1 == 'u')) |
                  ((c1 == '"') &
                   (((n1 == 'e') & (n2 == 'd')) | ((n1 == 'r') & (n2 == 'o')) | ((n1 == 's') & (n2 == 'u')))) |
                  ((c1 == ':') & (n1 == 't')) | ((c1 == '\\') & (q1 == 'u'));
            std::memcpy(words, &any, sizeof words);
            if ((words[0] | words[1]) == 0) continue;
            // Lane j flags position i + j or i + 16 + j: only flagged lanes are checked in full.
            unsigned char lanes[16];
            std::memcpy(lanes, &any, sizeof lanes);
            for (std::size_t j = 0; j < 16; ++j) {
                if (lanes[j] != 0 && (error_marker_at(s, i + j) || error_marker_at(s, i + 16 + j))) return true;
            }
        }
    }
    return may_hold_error_bytes(s, i);
}
#else
#define LLMERR_VECTOR_EXTENSIONS 0
#endif

// Whether s may hold an error envelope or an error event (see above); false means it holds neither.
[[nodiscard]] inline bool may_hold_error(std::string_view s) noexcept {
#if defined(LLMERR_NO_SIMD)
    return may_hold_error_bytes(s);
#elif LLMERR_VECTOR_EXTENSIONS
    return may_hold_error_vector(s);
#else
    return may_hold_error_swar(s);
#endif
}

[[nodiscard]] inline bool looks_like_sse(std::string_view t) noexcept {
    return starts_with(t, "data:") || starts_with(t, "event:") || starts_with(t, "id:") || starts_with(t, ":") ||
           starts_with(t, "retry:");
}

struct sse_error;
inline sse_error find_sse_error(std::string_view body);

struct sse_error {
    bool found = false;
    std::string_view data;           // the error event's data (JSON, usually): a view into the body, or into
                                     // `joined` when the event had several data lines
    std::string_view event;          // its event name, if any (a view into the body)
    int status = 0;                  // from `:HTTP_STATUS/NNN` or `status: NNN`, when present
    bool dashscope_framing = false;  // saw the `:HTTP_STATUS/` comment only DashScope writes
    std::string joined;              // the data lines of a multi-line event, joined with '\n'

    sse_error() = default;
    sse_error(const sse_error& o) : joined(o.joined) { copy_from(o); }
    sse_error(sse_error&& o) noexcept : joined(std::move(o.joined)) { copy_from(o); }
    sse_error& operator=(const sse_error& o) {
        if (this != &o) {
            joined = o.joined;
            copy_from(o);
        }
        return *this;
    }
    sse_error& operator=(sse_error&& o) noexcept {
        if (this != &o) {
            joined = std::move(o.joined);
            copy_from(o);
        }
        return *this;
    }
    ~sse_error() = default;

private:
    // Copies the other members; `data` views this object's `joined` when o's viewed o's.
    void copy_from(const sse_error& o) noexcept {
        found = o.found;
        data = o.data_in_joined_ ? std::string_view(joined) : o.data;
        data_in_joined_ = o.data_in_joined_;
        event = o.event;
        status = o.status;
        dashscope_framing = o.dashscope_framing;
    }
    bool data_in_joined_ = false;
    friend sse_error find_sse_error(std::string_view body);  // sets data_in_joined_
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

// The first error event in `body`, which holds whole SSE frames or a chunk of them. Lines end with LF, CRLF
// or a lone CR, as the SSE specification allows. Nothing is copied except the data of an event with several
// data lines, which is joined once.
inline sse_error find_sse_error(std::string_view body) {
    sse_error out;
    std::string_view event;
    std::string_view first_data;  // an event's first data line; joined into out.joined only if a second follows
    int status = 0;
    std::size_t data_lines = 0;

    auto dispatch = [&]() -> bool {
        const std::string_view d = data_lines > 1 ? std::string_view(out.joined) : first_data;
        bool hit = iequals(event, "error");
        if (!hit && data_lines > 0 && may_hold_error(d) && d != "[DONE]") {
            hit = holds_error_envelope(d);
        }
        if (hit) {
            out.found = true;
            out.data = data_lines == 0 ? std::string_view() : d;
            out.data_in_joined_ = data_lines > 1;
            out.event = event;
            out.status = status;
        } else {
            out.joined.clear();
        }
        event = {};
        status = 0;
        data_lines = 0;
        return hit;
    };

    // The next LF and the next CR at or after the current position (body.size() when none): each is
    // searched for again only once passed, so a body with no CR (or no LF) is searched once for it.
    const std::size_t size = body.size();
    const auto next = [body, size](char c, std::size_t from) {
        const std::size_t at = body.find(c, from);
        return at == std::string_view::npos ? size : at;
    };
    std::size_t lf = next('\n', 0), cr = next('\r', 0);
    std::size_t pos = 0;
    while (pos <= size) {
        if (lf < pos) lf = next('\n', pos);
        if (cr < pos) cr = next('\r', pos);
        const std::size_t eol = lf < cr ? lf : cr;
        const std::string_view line = body.substr(pos, eol - pos);
        pos = eol + 1;
        if (eol == cr && lf == eol + 1) pos = lf + 1;  // CRLF: one line ending
        if (line.empty()) {
            if (dispatch()) return out;
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
                    if (data_lines == 1) {
                        out.joined.reserve(first_data.size() + 1 + value.size());  // two lines: one allocation
                        out.joined.assign(first_data.data(), first_data.size());
                    }
                    out.joined += '\n';
                    out.joined.append(value.data(), value.size());
                }
                ++data_lines;
            } else if (field == "event") {
                event = value;
            } else if (field == "status") {
                status = parse_status_digits(value);
            }
        }
    }
    dispatch();
    return out;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_SSE_HPP
