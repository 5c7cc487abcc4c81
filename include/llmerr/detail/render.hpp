// SPDX-License-Identifier: MIT
// llmerr — reading an error out of a client's rendering of it. Internal.
//
// What reaches a program or a log is often not the wire body but a client's text: `<400> Code: message`
// (DashScope SDKs), `Error code: 400 - {'error': {…}}` (openai-python, a Python dict repr), `{ code: 'X', … }`
// (JS util.inspect), `status_code: 400, code: X, message: …`, `api return error, req_id: … code: N, msg: …`
// (Qianfan SDK), Java/Go re-serialisations, wrappers and bodies JSON-escaped inside other strings. They differ
// in quoting and nesting but not in vocabulary: every one writes its fields as `key <sep> value`. So instead of
// a parser per client, one linear pass finds the keys that matter wherever they stand — quoted with " or ',
// escaped once (\"), or bare — and reads each value in whatever quoting it has.
#ifndef LLMERR_DETAIL_RENDER_HPP
#define LLMERR_DETAIL_RENDER_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>
#include <llmerr/detail/json_scan.hpp>
#include <llmerr/detail/match.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// Only this much of a text is searched for rendered fields: renderings put them first, and a hostile
// multi-megabyte text must cost no more than this.
inline constexpr std::size_t render_window = std::size_t{16} * 1024;

[[nodiscard]] constexpr bool is_ident_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

[[nodiscard]] constexpr bool is_code_char(char c) noexcept { return is_ident_char(c) || c == '.' || c == '-'; }

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

[[nodiscard]] constexpr bool all_digits_nonempty(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return true;
}

// Whether `s` is an integer, possibly negative ("336003", "-32603"): a number is no provider's named code.
[[nodiscard]] constexpr bool is_numeric_token(std::string_view s) noexcept {
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    return all_digits_nonempty(s);
}

// Parses a run of at most 9 decimal digits; -1 when `s` is not one.
[[nodiscard]] constexpr long small_number(std::string_view s) noexcept {
    if (s.empty() || s.size() > 9 || !all_digits_nonempty(s)) return -1;
    long v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

[[nodiscard]] constexpr bool is_http_status(long v) noexcept { return v >= 100 && v <= 599; }

// What a key means, whatever client wrote it.
enum class render_role : std::uint8_t { none, code, message, type, request_id, status, error, status_or_code };

// The name is held in the table itself, not pointed to: no load-time relocation in every program.
struct render_key {
    char name[18];  // lowercase, NUL-terminated; a space stands for any run of spaces, '_' or '-'
    render_role role;
};

// The keys the providers' bodies and their clients' renderings use. "error code" is openai-python's status
// ("Error code: 400 - {…}") and Qianfan's SDK's code ("error code: 14"): its value decides which.
inline constexpr render_key render_keys[] = {
    {"code", render_role::code},
    {"error code", render_role::status_or_code},
    {"errorcode", render_role::code},
    {"err code", render_role::code},
    {"errcode", render_role::code},
    {"message", render_role::message},
    {"error msg", render_role::message},
    {"errmsg", render_role::message},
    {"err msg", render_role::message},
    {"msg", render_role::message},
    {"error message", render_role::message},
    {"errormessage", render_role::message},
    {"errormsg", render_role::message},
    {"error description", render_role::message},
    {"status message", render_role::message},
    {"status msg", render_role::message},  // MiniMax's base_resp.status_msg, as a client printed it
    {"type", render_role::type},
    {"request id", render_role::request_id},
    {"requestid", render_role::request_id},
    {"req id", render_role::request_id},
    {"status code", render_role::status},
    {"statuscode", render_role::status},
    {"http status", render_role::status},
    {"httpstatus", render_role::status},
    {"status", render_role::status},
    {"error", render_role::error},
};

// Whether `key` (as written) names `name` (see render_key).
[[nodiscard]] constexpr bool key_is(std::string_view key, std::string_view name) noexcept {
    std::size_t i = 0, j = 0;
    while (i < key.size() && j < name.size()) {
        if (name[j] == ' ') {
            if (key[i] != ' ' && key[i] != '_' && key[i] != '-') return false;
            while (i < key.size() && (key[i] == ' ' || key[i] == '_' || key[i] == '-')) ++i;
            ++j;
            continue;
        }
        if (ascii_lower(key[i]) != name[j]) return false;
        ++i;
        ++j;
    }
    return i == key.size() && j == name.size();
}

[[nodiscard]] constexpr render_role role_of(std::string_view key) noexcept {
    for (const render_key& k : render_keys) {
        if (key_is(key, std::string_view(k.name))) return k.role;
    }
    return render_role::none;
}

// One value as written: its text (still escaped when it was quoted), its quoting and where it ended.
struct raw_value {
    std::string_view text;
    char quote = 0;        // '"', '\'', 0 (bare or a number); 'e' = \" (escaped once); 'c' = “…”
    bool is_null = false;  // null, None, nil, undefined
};

[[nodiscard]] constexpr int hex_value(char c) noexcept {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

// The text of a value with its escapes undone, as many levels deep as they go (\\n, \n, \\u003c, \u003c):
// a rendering may hold a body escaped once or twice. At most `cap` bytes are written.
inline std::string unescape_loose(std::string_view s, std::size_t cap) {
    std::string out;
    out.reserve(s.size() < cap ? s.size() : cap);
    std::size_t i = 0;
    while (i < s.size() && out.size() < cap) {
        if (s[i] != '\\') {
            out += s[i++];
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] == '\\') ++j;  // a run of backslashes: one escape, however deep
        if (j == s.size()) break;
        const char c = s[j];
        if (c == 'u' && j + 4 < s.size() && hex_value(s[j + 1]) >= 0 && hex_value(s[j + 2]) >= 0 &&
            hex_value(s[j + 3]) >= 0 && hex_value(s[j + 4]) >= 0) {
            const auto cp = static_cast<unsigned>((hex_value(s[j + 1]) << 12) | (hex_value(s[j + 2]) << 8) |
                                                  (hex_value(s[j + 3]) << 4) | hex_value(s[j + 4]));
            if (cp < 0xD800 || cp > 0xDFFF)
                append_utf8(out, static_cast<std::uint32_t>(cp));  // lone surrogates are dropped
            i = j + 5;
            continue;
        }
        switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            default: out += c; break;  // \" \' \\ \/ and anything else: the character itself
        }
        i = j + 1;
    }
    return out;
}

// Reads the value that starts at or after t[i] (after the separator); empty text when there is none.
// `bare_to_line`: an unquoted value runs to the end of the line (a message), else it is one token.
[[nodiscard]] constexpr raw_value read_value(std::string_view t, std::size_t i, bool bare_to_line) noexcept {
    raw_value v;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    if (i >= t.size()) return v;
    std::size_t bs = 0;
    while (i + bs < t.size() && t[i + bs] == '\\') ++bs;
    if (bs > 0 && i + bs < t.size() && t[i + bs] == '"') {  // \"…\" — escaped once (or more)
        const std::size_t start = i + bs + 1;
        for (std::size_t k = start; k < t.size(); ++k) {
            if (t[k] != '"') continue;
            std::size_t b = 0;
            while (b < k - start && t[k - 1 - b] == '\\') ++b;
            if (b == bs) {
                v.text = t.substr(start, k - bs - start);
                v.quote = 'e';
                return v;
            }
        }
        v.text = t.substr(start);
        v.quote = 'e';
        return v;
    }
    if (bs > 0) return v;
    const char q = t[i];
    if (q == '"' || q == '\'') {
        std::size_t k = i + 1;
        while (k < t.size() && t[k] != q) k += t[k] == '\\' ? std::size_t{2} : std::size_t{1};
        v.text = t.substr(i + 1, (k < t.size() ? k : t.size()) - i - 1);
        v.quote = q;
        return v;
    }
    if (starts_with(t.substr(i), "\xE2\x80\x9C")) {  // “…” (a quote a word processor or a forum curled)
        const std::size_t close = t.find("\xE2\x80\x9D", i + 3);
        v.text = t.substr(i + 3, close == std::string_view::npos ? std::string_view::npos : close - i - 3);
        v.quote = 'c';
        return v;
    }
    if (q == '{' || q == '[') return v;  // an object or array: its own keys are read where they stand
    std::size_t k = i;
    if (bare_to_line) {
        while (k < t.size() && t[k] != '\n' && t[k] != '\r') ++k;
        while (k > i && (t[k - 1] == ' ' || t[k - 1] == ',')) --k;
    } else {
        while (k < t.size() && is_code_char(t[k])) ++k;
        while (k > i && (t[k - 1] == '.' || t[k - 1] == '-')) --k;  // "InvalidApiKey." ends a sentence
    }
    v.text = t.substr(i, k - i);
    v.is_null = v.text == "null" || v.text == "None" || v.text == "nil" || v.text == "undefined" || v.text == "NULL" ||
                v.text == "Null";
    return v;
}

// Where a key's separator ends: after `:`, `=`, `：` (full-width) or `=>`, with the key's closing quote and
// white space skipped before it; npos when no separator follows.
[[nodiscard]] constexpr std::size_t after_separator(std::string_view t, std::size_t i) noexcept {
    while (i < t.size() && (t[i] == '"' || t[i] == '\'' || t[i] == '\\')) ++i;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i < t.size() && (t[i] == ':' || t[i] == '=')) {
        ++i;
        if (i < t.size() && t[i] == '>') ++i;
        return i;
    }
    if (starts_with(t.substr(i), "\xEF\xBC\x9A")) return i + 3;  // ：
    return std::string_view::npos;
}

// The `<NNN> Code: message` DashScope's SDKs write (also with `<` `>` escaped as \u003c \u003e, and with
// line breaks where a terminal wrapped it), anywhere in a text.
struct angle_rendering {
    int status = 0;
    std::string_view code;
    std::size_t message_at = std::string_view::npos;  // where the message starts
};

[[nodiscard]] constexpr angle_rendering find_angle_rendering(std::string_view t) noexcept {
    angle_rendering r;
    t = t.substr(0, t.size() < render_window ? t.size() : render_window);
    std::size_t lt = t.find('<'), esc = t.find("u003c");
    while (lt != std::string_view::npos || esc != std::string_view::npos) {
        std::size_t j = 0;
        if (lt <= esc) {  // npos is the largest: the other one is a real position
            j = lt + 1;
            lt = t.find('<', lt + 1);
        } else {
            const std::size_t at = esc;
            esc = t.find("u003c", esc + 1);
            if (at == 0 || t[at - 1] != '\\') continue;
            j = at + 5;
        }
        std::size_t k = j;
        while (k < t.size() && k - j < 8 && is_digit(t[k])) ++k;
        if (k == j) continue;
        const long status = small_number(t.substr(j, k - j));
        if (k < t.size() && t[k] == '>') {
            ++k;
        } else if (k + 6 < t.size() && t[k] == '\\') {
            while (k < t.size() && t[k] == '\\') ++k;
            if (!starts_with(t.substr(k), "u003e")) continue;
            k += 5;
        } else {
            continue;
        }
        while (k < t.size() && (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t')) ++k;
        const std::size_t code_at = k;
        while (k < t.size() && is_code_char(t[k])) ++k;
        if (k == code_at || k >= t.size() || t[k] != ':') continue;
        r.status = is_http_status(status) ? static_cast<int>(status) : 0;
        r.code = t.substr(code_at, k - code_at);
        r.message_at = k + 1;
        return r;
    }
    return r;
}

// Whether a quote before t[i] closes a string: what follows it is the end, a line break or punctuation
// that ends a value (a quote inside a message, as in `role "tool" must`, is followed by a word).
[[nodiscard]] constexpr bool closes_string(std::string_view t, std::size_t i) noexcept {
    while (i < t.size() && t[i] == ' ') ++i;
    return i >= t.size() || t[i] == ',' || t[i] == '}' || t[i] == ']' || t[i] == ')' || t[i] == '\n' || t[i] == '\r' ||
           t[i] == ';';
}

// Whether a structured body's message can hold what read_rendering(…, statuses_only) reads from it: a
// `<NNN> Code:` rendering (its '<', also JSON-escaped) or an HTTP status (three digits, 100–599, a word of
// their own) and a key it may follow.
[[nodiscard]] constexpr bool may_hold_status_rendering(std::string_view m) noexcept {
    if (m.find('<') != std::string_view::npos || m.find("u003c") != std::string_view::npos ||
        m.find("u003C") != std::string_view::npos) {
        return true;
    }
    bool status = false;
    for (std::size_t i = 0; i + 2 < m.size() && !status; ++i) {
        if (m[i] < '1' || m[i] > '5') continue;
        status = is_digit(m[i + 1]) && is_digit(m[i + 2]) && (i == 0 || !is_ident_char(m[i - 1])) &&
                 (i + 3 == m.size() || !is_ident_char(m[i + 3]));  // not inside an id: "…dfc184d237…"
    }
    return status && (ifind(m, "status", 0) != std::string_view::npos ||
                      ifind(m, "code", 0) != std::string_view::npos || ifind(m, "error", 0) != std::string_view::npos);
}

// The fields a rendering holds. Views point into the text; `message` is unescaped (owned).
struct rendered_fields {
    std::string_view code;  // the first string code; else the first numeric code
    std::string_view numeric_code;
    std::string message;  // the innermost message: the last one written
    std::string_view type;
    std::string_view request_id;
    std::string error_string;    // {"error":"invalid_client"}: OAuth's and others' string `error`
    int status = 0;              // the first HTTP status written ("Error code: 400", "status_code: 400")
    int inner_status = 0;        // the last one written: the provider's, when a relay wrapped it
    angle_rendering angle;       // `<400> Code: message`, when present
    bool v1_error_code = false;  // an `error_code` key with an integer: Qianfan v1's field, as printed
};

// One pass over the text (its first render_window bytes): every key of render_keys followed by a
// separator, wherever it stands — also inside string values, so that bodies escaped inside messages are
// read too.
// `statuses_only`: the statuses and the `<NNN> Code:` rendering are all the caller needs (the message of a
// structured body): no message or `error` string is unescaped.
inline rendered_fields read_rendering(std::string_view t, std::size_t message_cap, bool statuses_only = false) {
    rendered_fields f;
    t = t.substr(0, t.size() < render_window ? t.size() : render_window);
    f.angle = find_angle_rendering(t);
    std::string_view last_message;
    char last_message_quote = 0;
    bool last_message_named_error = false;
    std::size_t i = 0;
    while (i < t.size()) {
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')) || (i > 0 && is_ident_char(t[i - 1]))) {
            ++i;
            continue;
        }
        // A key: an identifier, or two ("request id", "Error code") joined by one space, '_' or '-', followed
        // by a separator — or, for a status, by its number. Most words of a message are followed by neither:
        // they are passed over before any key is compared.
        std::size_t k = i;
        while (k < t.size() && is_ident_char(t[k])) ++k;
        const auto number_follows = [&t](std::size_t at) {
            return at + 1 < t.size() && t[at] == ' ' && is_digit(t[at + 1]);
        };
        std::size_t end = k;
        std::size_t sep = after_separator(t, k);
        render_role role = render_role::none;
        if (k + 1 < t.size() && (t[k] == ' ' || t[k] == '-') && is_ident_char(t[k + 1])) {
            std::size_t k2 = k + 1;
            while (k2 < t.size() && is_ident_char(t[k2])) ++k2;
            const std::size_t sep2 = after_separator(t, k2);
            if (k2 - i <= 20 && (sep2 != std::string_view::npos || number_follows(k2))) {
                const render_role two = role_of(t.substr(i, k2 - i));
                if (two != render_role::none && (sep2 != std::string_view::npos || two == render_role::status)) {
                    end = k2;
                    sep = sep2 != std::string_view::npos ? sep2 : k2;  // "status code 429"
                    role = two;
                }
            }
        }
        const std::size_t start = i;
        i = end;
        if (role == render_role::none) {
            if (k - start > 20 || (sep == std::string_view::npos && !number_follows(k))) continue;
            role = role_of(t.substr(start, k - start));
            if (role == render_role::none) continue;
            // "HTTP status 502": a status needs no separator before its number; nor does a business code of
            // four to six digits ("HTTP 400 (Code 20015): …"), which no status or exit code is.
            if (sep == std::string_view::npos && role == render_role::status) sep = k;
            if (sep == std::string_view::npos && role == render_role::code) {
                std::size_t d = k + 1;
                while (d < t.size() && is_digit(t[d])) ++d;
                if (d - k - 1 >= 4 && d - k - 1 <= 6 && (d == t.size() || !is_ident_char(t[d]))) sep = k;
            }
            if (sep == std::string_view::npos) continue;
        }
        const std::string_view key = t.substr(start, end - start);
        const raw_value v = read_value(t, sep, role == render_role::message);
        if (v.text.empty() || v.is_null) continue;
        if (role == render_role::error && v.quote == 0) {  // "API Error: 400 <400> …": the relay's status
            const long n = small_number(v.text);
            if (is_http_status(n)) {
                if (f.status == 0) f.status = static_cast<int>(n);
                f.inner_status = static_cast<int>(n);
            }
            continue;
        }
        if (role == render_role::status && small_number(v.text) < 0) continue;
        switch (role) {
            case render_role::status_or_code:
            case render_role::code: {
                const long n = small_number(v.text);
                if (role == render_role::status_or_code && is_http_status(n) && v.quote == 0) {
                    if (f.status == 0) f.status = static_cast<int>(n);
                    f.inner_status = static_cast<int>(n);
                } else if (is_numeric_token(v.text)) {
                    f.v1_error_code = f.v1_error_code || key_is(key, "error code");
                    // A number too long for any provider's code is a value of another kind. A business code
                    // of four or more digits after an HTTP status written as a code ("code: 400, error: Code:
                    // 10005"): the provider's own, which the status only wraps.
                    const bool status_so_far =
                        f.numeric_code.size() == 3 && is_http_status(small_number(f.numeric_code));
                    if (v.text.size() <= 12 && (f.numeric_code.empty() || (status_so_far && v.text.size() >= 4)))
                        f.numeric_code = v.text;
                } else if (v.quote == 0 && !(v.text[0] >= 'A' && v.text[0] <= 'Z') &&
                           !(v.text[0] >= 'a' && v.text[0] <= 'z')) {
                    // A bare value that is neither a word nor an integer (1.5, -) is no code.
                } else if (f.code.empty() && v.text.size() <= 128 && v.text.find(' ') == std::string_view::npos) {
                    f.code = v.text;
                }
                break;
            }
            case render_role::message: {
                // A message the key names as the error's (error_message, errmsg) outlasts a plain `message=`
                // written after it, not inside it: a logger's own ("error_message='Rate limit reached…'
                // error_type=requests message='OpenAI API error received'", openai-python 0.x).
                const bool named_error = ascii_lower(key[0]) == 'e';
                if (last_message_named_error && !named_error &&
                    v.text.data() > last_message.data() + last_message.size())
                    break;
                last_message = v.text;
                last_message_quote = v.quote;
                last_message_named_error = named_error;
                break;
            }
            case render_role::type:
                if (f.type.empty() && v.text.size() <= 128) f.type = v.text;
                break;
            case render_role::request_id:
                if (f.request_id.empty() && v.text.size() <= 128 && v.text.find(' ') == std::string_view::npos) {
                    f.request_id = v.text;
                }
                break;
            case render_role::status: {
                const long n = small_number(v.text);
                if (is_http_status(n)) {
                    if (f.status == 0) f.status = static_cast<int>(n);
                    f.inner_status = static_cast<int>(n);
                } else if (n >= 1000 && v.text.size() <= 6 && key.size() > 6 && f.numeric_code.empty()) {
                    // (A key longer than "status": status_code, statusCode.)
                    f.numeric_code = v.text;  // MiniMax's base_resp.status_code: a business code, not a status
                }
                break;
            }
            case render_role::error:
                if (f.error_string.empty() && v.quote != 0 && !statuses_only) {
                    f.error_string = unescape_loose(v.text, message_cap);
                }
                break;
            case render_role::none: break;
        }
    }
    if (statuses_only) return f;
    if (f.angle.message_at != std::string_view::npos) {
        // `<400> Code: message`: the message runs to the end of the quoted string or line that holds it.
        const raw_value m = read_value(t, f.angle.message_at, true);
        std::string_view text = m.text;
        // A bare message wrapped by a terminal or a logger goes on over the indented lines that follow it.
        if (m.quote == 0 && !text.empty()) {
            std::size_t end = static_cast<std::size_t>(text.data() - t.data()) + text.size();
            for (;;) {
                std::size_t nl = end;
                while (nl < t.size() && (t[nl] == ' ' || t[nl] == '\t')) ++nl;  // trailing blanks
                if (nl + 2 >= t.size() || (t[nl] != '\n' && t[nl] != '\r')) break;
                end = nl;
                std::size_t k = end + (t[end] == '\r' && t[end + 1] == '\n' ? 2 : 1);
                if (k >= t.size() || (t[k] != ' ' && t[k] != '\t')) break;
                while (k < t.size() && t[k] != '\n' && t[k] != '\r') ++k;
                end = k;
            }
            text = t.substr(static_cast<std::size_t>(text.data() - t.data()),
                            end - static_cast<std::size_t>(text.data() - t.data()));
        }
        // It ends where the quoted string or the bracket that holds the rendering closes: at a quote, or at
        // a ']' the message did not open ("[API Error: 400 <400> Code: … [1, 30720]]"); quotes inside a
        // bracket the message opened (an upstream's JSON it quotes) are the upstream's.
        int depth = 0;
        for (std::size_t k = 0; k < text.size(); ++k) {
            const char c = text[k];
            if (c == '[') ++depth;
            if ((c == ']' && depth-- == 0) ||
                ((c == '"' || c == '\'') && depth == 0 && k > 0 && closes_string(text, k + 1))) {
                text = text.substr(0, k);
                break;
            }
        }
        f.message = unescape_loose(text, message_cap);
        std::size_t kept = f.message.size();
        while (kept != 0 && (f.message[kept - 1] == ' ' || f.message[kept - 1] == '\\')) --kept;
        f.message.erase(kept);
    } else if (!last_message.empty()) {
        f.message = last_message_quote == 0 ? std::string(last_message.substr(0, message_cap))
                                            : unescape_loose(last_message, message_cap);
    }
    return f;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_RENDER_HPP
