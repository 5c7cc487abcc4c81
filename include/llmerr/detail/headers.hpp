// SPDX-License-Identifier: MIT
// llmerr — what response headers say: request id, Retry-After, retry-after-ms, x-should-retry. Internal,
// except llmerr::raw_headers, the tag that passes a header block as received to parse() and find_error().
//
// Retry-After: delay-seconds or an HTTP-date; a date already past reads as 0 (advise() then backs off as
// if none had been sent); an impossible date ("31 Feb 2030", "25:00:00") is ignored, as is anything that
// is not a number or a date. Values are capped at a day. Header values kept as text are cut at a UTF-8
// character boundary: request ids and X-Bce-Error-Code at 256 bytes, X-Bce-Error-Message at 4096 (and a
// message cut so sets llm_error::truncated).
#ifndef LLMERR_DETAIL_HEADERS_HPP
#define LLMERR_DETAIL_HEADERS_HPP

#include <chrono>       // std::chrono
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <iterator>     // std::begin, std::end
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::void_t, std::declval
#include <utility>      // std::pair

#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>
#include <llmerr/detail/request_ids.hpp>
#include <llmerr/error.hpp>
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE

// raw_headers
//
// A response's header block as received, for parse() and find_error():
//
//   llmerr::parse(body, 0, llmerr::raw_headers{"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n\r\n"});
//
// Lines end in CRLF or LF. Status lines ("HTTP/1.1 429 …", "HTTP/2 429") are optional; when there are
// several (curl's header callback also reports `100 Continue` and redirects), the fields after the last one
// count, and its status is used when parse() was given status 0. A blank line ends the block unless a
// status line follows it. Folded lines (obsolete line folding: leading space or tab) continue the field
// before them; lines without a colon are skipped. The text is read during the call only.
struct raw_headers {
    std::string_view text;

    constexpr explicit raw_headers(std::string_view block) noexcept : text(block) {}
};

namespace detail {

// Retry-After beyond this is treated as this: a day. Guards the arithmetic, and no client should sleep longer.
inline constexpr std::int64_t max_retry_after_ms = 24LL * 3600 * 1000;

struct header_info {
    std::string request_id;
    int request_id_rank = 100;  // lower = more authoritative header
    std::optional<std::chrono::milliseconds> retry_after;
    bool retry_after_from_ms = false;               // retry-after-ms wins over Retry-After
    std::optional<bool> should_retry;               // x-should-retry
    std::string bce_error_code, bce_error_message;  // X-Bce-Error-Code / -Message (Qianfan IAM)
    bool bce_error_message_truncated = false;       // X-Bce-Error-Message was cut at max_header_message_bytes
    provider evidence = provider::unknown;          // a provider-specific header was seen
};

// Header values kept as text are cut at these sizes.
inline constexpr std::size_t max_header_field_bytes = 256;
inline constexpr std::size_t max_header_message_bytes = 4096;

// The first `cap` bytes of `s` or fewer, never ending inside a UTF-8 sequence; s itself when it fits.
// Stray continuation bytes (invalid UTF-8) cost at most 3 bytes.
[[nodiscard]] constexpr std::string_view utf8_prefix(std::string_view s, std::size_t cap) noexcept {
    if (s.size() <= cap) return s;
    std::size_t n = cap;
    while (n > 0 && cap - n < 3 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// Copies at most `cap` bytes of `src` (see utf8_prefix); returns whether it cut.
inline bool assign_utf8_prefix(std::string& dst, std::string_view src, std::size_t cap) {
    const std::string_view kept = utf8_prefix(src, cap);
    dst.assign(kept.data(), kept.size());
    return kept.size() < src.size();
}

[[nodiscard]] constexpr bool is_leap_year(std::int64_t y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

[[nodiscard]] constexpr int days_in_month(std::int64_t y, int m) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

[[nodiscard]] constexpr bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

[[nodiscard]] constexpr std::int64_t to_int(std::string_view s) noexcept {
    std::int64_t v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
        if (v > 100000000000LL) return v;  // large enough to be capped by every caller
    }
    return v;
}

// Seconds since the epoch of an HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete
// RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994").
[[nodiscard]] constexpr std::optional<std::int64_t> parse_http_date(std::string_view s) noexcept {
    constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec"};
    int day = -1, month = -1, hh = -1, mm = -1, ss = -1;
    std::int64_t year = -1;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '-' || s[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '-' && s[j] != '\t') ++j;
        const std::string_view tok = s.substr(i, j - i);
        i = j;
        if (tok.empty()) continue;
        if (tok.size() == 8 && tok[2] == ':' && tok[5] == ':' && all_digits(tok.substr(0, 2)) &&
            all_digits(tok.substr(3, 2)) && all_digits(tok.substr(6, 2))) {
            hh = static_cast<int>(to_int(tok.substr(0, 2)));
            mm = static_cast<int>(to_int(tok.substr(3, 2)));
            ss = static_cast<int>(to_int(tok.substr(6, 2)));
        } else if (all_digits(tok)) {
            if (tok.size() == 4) {
                year = to_int(tok);
            } else if (tok.size() <= 2 && day < 0) {
                day = static_cast<int>(to_int(tok));
            } else if (tok.size() == 2 && year < 0) {
                const std::int64_t yy = to_int(tok);  // RFC 850 two-digit year
                year = yy < 70 ? 2000 + yy : 1900 + yy;
            } else {
                return std::nullopt;
            }
        } else if (tok.size() == 3 && month < 0) {
            for (int m = 0; m < 12; ++m) {
                if (iequals(tok, months[m])) month = m + 1;
            }
            // a three-letter weekday is not a month: ignored
        } else if (!iequals(tok, "GMT") && !iequals(tok, "UTC")) {
            bool alpha = true;
            for (char c : tok) alpha = alpha && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
            if (!alpha) return std::nullopt;  // a long weekday name is fine; anything else is not a date
        }
    }
    if (month < 1 || year < 1970 || year > 9999 || day < 1 || day > days_in_month(year, month) || hh < 0 || hh > 23 ||
        mm > 59 || ss > 60) {
        return std::nullopt;  // missing or impossible ("31 Feb 2030"); ss 60 is a leap second
    }
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
           std::int64_t{hh} * 3600 + std::int64_t{mm} * 60 + ss;
}

// Milliseconds from a decimal number of `unit_ms` units ("2", "1.5"); nullopt when not a number.
[[nodiscard]] constexpr std::optional<std::int64_t> parse_decimal_ms(std::string_view s,
                                                                     std::int64_t unit_ms) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(frac))) return std::nullopt;
    std::int64_t ms = to_int(whole.substr(0, whole.size() > 12 ? 12 : whole.size())) * unit_ms;
    if (whole.size() > 12) ms = max_retry_after_ms;
    std::int64_t divisor = 10;  // fractional digits, to a microsecond at most
    for (std::size_t k = 0; k < frac.size() && k < 6; ++k, divisor *= 10) ms += (frac[k] - '0') * unit_ms / divisor;
    return ms < max_retry_after_ms ? ms : max_retry_after_ms;
}

inline void read_header(header_info& h, std::string_view name, std::string_view value,
                        std::chrono::system_clock::time_point now) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
        value.remove_suffix(1);
    // Request-id headers, most authoritative first. x-client-request-id echoes the id the client sent.
    // x-ds-trace-id is DeepSeek's, on every response, errors included (recorded: https://github.com/crmne/ruby_llm/
    // blob/fb5a49bf04da78d3e74496431ad1c99df5e7e5f0/spec/fixtures/vcr_cassettes/
    // chat_error_handling_with_deepseek_deepseek-chat_raises_appropriate_auth_error.yml).
    constexpr std::string_view id_headers[] = {
        "x-request-id", "x-dashscope-request-id", "x-acs-request-id",   "x-bce-request-id",
        "request-id",   "x-ds-trace-id",          "x-client-request-id"};
    for (int rank = 0; rank < 7; ++rank) {
        if (iequals(name, id_headers[rank])) {
            if (!value.empty() && rank < h.request_id_rank) {
                assign_utf8_prefix(h.request_id, value, max_header_field_bytes);
                h.request_id_rank = rank;
            }
            if (rank == 0 && is_openai_request_id(value)) h.evidence = provider::openai;
            if (rank == 1 || rank == 2) h.evidence = provider::dashscope;
            if (rank == 3) h.evidence = provider::qianfan;
            if (rank == 5) h.evidence = provider::deepseek;
            return;
        }
    }
    if (iequals(name, "retry-after-ms")) {
        if (auto ms = parse_decimal_ms(value, 1)) {
            h.retry_after = std::chrono::milliseconds(*ms);
            h.retry_after_from_ms = true;
        }
    } else if (iequals(name, "retry-after")) {
        if (h.retry_after_from_ms) return;
        if (auto ms = parse_decimal_ms(value, 1000)) {
            h.retry_after = std::chrono::milliseconds(*ms);
        } else if (auto at = parse_http_date(value)) {
            const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
            // A date already past reads as 0: "now". advise() backs off for a Retry-After of 0.
            const std::int64_t delta_s = *at - now_s;  // |·| < 10^12: dates are years 1970…9999
            std::int64_t delta = delta_s <= 0 ? 0 : delta_s * 1000;
            if (delta > max_retry_after_ms) delta = max_retry_after_ms;
            h.retry_after = std::chrono::milliseconds(delta);
        }
    } else if (iequals(name, "x-should-retry")) {
        if (iequals(value, "true")) h.should_retry = true;
        if (iequals(value, "false")) h.should_retry = false;
    } else if (iequals(name, "x-bce-error-code")) {
        assign_utf8_prefix(h.bce_error_code, value, max_header_field_bytes);
        h.evidence = provider::qianfan;
    } else if (iequals(name, "x-bce-error-message")) {
        h.bce_error_message_truncated = assign_utf8_prefix(h.bce_error_message, value, max_header_message_bytes);
        h.evidence = provider::qianfan;
    } else if (starts_with(name, "x-dashscope-") || starts_with(name, "X-DashScope-")) {
        h.evidence = provider::dashscope;
    } else if (iequals(name.substr(0, 7), "openai-")) {
        // OpenAI's own response headers, openai-organization, openai-processing-ms, openai-version (API reference,
        // "Debugging requests": https://developers.openai.com/api/reference/overview); Azure OpenAI sends none.
        h.evidence = provider::openai;
    }
}

// Header names and values from a pair (std::map, std::multimap, std::unordered_map, std::vector<pair>,
// cpp-httplib's Headers, cpr::Header) or from a Boost.Beast field (name_string(), value()).
template <class S>
[[nodiscard]] std::string_view as_view(const S& s) noexcept {
    if constexpr (std::is_convertible_v<const S&, std::string_view>) {
        return std::string_view(s);
    } else {
        return std::string_view(s.data(), s.size());
    }
}

template <class T, class = void>
struct is_text_like : std::false_type {};
template <class T>
struct is_text_like<T,
                    std::void_t<decltype(std::declval<const T&>().data()), decltype(std::declval<const T&>().size())>>
    : std::is_convertible<decltype(std::declval<const T&>().data()), const char*> {};

template <class T, class = void>
struct is_pair_field : std::false_type {};
template <class T>
struct is_pair_field<T,
                     std::void_t<decltype(std::declval<const T&>().first), decltype(std::declval<const T&>().second)>>
    : std::bool_constant<is_text_like<std::decay_t<decltype(std::declval<const T&>().first)>>::value &&
                         is_text_like<std::decay_t<decltype(std::declval<const T&>().second)>>::value> {};

template <class T, class = void>
struct is_beast_field : std::false_type {};
template <class T>
struct is_beast_field<
    T, std::void_t<decltype(std::declval<const T&>().name_string()), decltype(std::declval<const T&>().value())>>
    : std::bool_constant<is_text_like<std::decay_t<decltype(std::declval<const T&>().name_string())>>::value &&
                         is_text_like<std::decay_t<decltype(std::declval<const T&>().value())>>::value> {};

template <class Field>
[[nodiscard]] std::pair<std::string_view, std::string_view> header_pair(const Field& f) noexcept {
    if constexpr (is_pair_field<Field>::value) {
        return {as_view(f.first), as_view(f.second)};
    } else {
        return {as_view(f.name_string()), as_view(f.value())};
    }
}

template <class Headers>
header_info read_headers(const Headers& headers, std::chrono::system_clock::time_point now) {
    header_info h;
    for (const auto& field : headers) {
        const auto [name, value] = header_pair(field);
        read_header(h, name, value, now);
    }
    return h;
}

// The status of the last status line ("HTTP/1.1 429 Too Many Requests") of a raw header block; 0 if none.
// A line is a status line when it starts with "HTTP/" (any case), then a version, a space and 3 digits.
[[nodiscard]] constexpr int status_line_status(std::string_view line) noexcept {
    if (line.size() < 5 || !iequals(line.substr(0, 5), "http/")) return -1;  // -1: not a status line
    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos || line.size() < sp + 4) return 0;
    const std::string_view code = line.substr(sp + 1, 3);
    if (!all_digits(code) || (line.size() > sp + 4 && line[sp + 4] != ' ' && line[sp + 4] != '\r')) return 0;
    return static_cast<int>(to_int(code));
}

// Calls `on_line(line)` for each line of `block` (without CR LF / LF) that belongs to the last response's
// header block, after its status line, and returns that status line's status (0 when none). See
// raw_headers. `on_reset()` is called when a later status line starts a new block.
template <class OnLine, class OnReset>
int for_each_raw_header_line(std::string_view block, OnLine&& on_line, OnReset&& on_reset) {
    int status = 0;
    bool in_block = false, ended = false;
    while (!block.empty()) {
        const std::size_t eol = block.find('\n');
        std::string_view line = block.substr(0, eol);
        block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const int st = status_line_status(line);
        if (st >= 0) {  // a status line: a new response's headers follow
            if (in_block || ended) on_reset();
            status = st;
            in_block = true;
            ended = false;
            continue;
        }
        if (line.empty()) {
            if (in_block) ended = true;
            in_block = false;
            continue;
        }
        if (ended) break;  // the body, or something else that is not headers
        in_block = true;
        on_line(line);
    }
    return status;
}

// The status of a header block's last status line; 0 when none (or for header ranges, which have none).
[[nodiscard]] inline int status_of(const raw_headers& raw) noexcept {
    return for_each_raw_header_line(
        raw.text, [](std::string_view) {}, [] {});
}
template <class Headers>
[[nodiscard]] constexpr int status_of(const Headers&) noexcept {
    return 0;
}

// `http_status`, or when it is 0 the status line's in a raw header block.
template <class Headers>
[[nodiscard]] int effective_status(int http_status, const Headers& headers) noexcept {
    return http_status != 0 ? http_status : status_of(headers);
}

[[nodiscard]] constexpr std::string_view trim_blanks(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline header_info read_headers(const raw_headers& raw, std::chrono::system_clock::time_point now) {
    header_info h;
    std::string_view name, value;
    std::string folded;  // the value with its continuation lines, only when a field is folded
    bool pending = false, is_folded = false;
    const auto flush = [&] {
        if (pending) read_header(h, name, is_folded ? std::string_view(folded) : value, now);
        pending = is_folded = false;
    };
    for_each_raw_header_line(
        raw.text,
        [&](std::string_view line) {
            if (line.front() == ' ' || line.front() == '\t') {  // obsolete line folding
                if (!pending) return;
                if (!is_folded) folded.assign(value.data(), value.size());
                is_folded = true;
                folded += ' ';
                const std::string_view more = trim_blanks(line);
                folded.append(more.data(), more.size());
                return;
            }
            flush();
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) return;  // not a field
            name = trim_blanks(line.substr(0, colon));
            value = line.substr(colon + 1);
            pending = !name.empty();
        },
        [&] {
            pending = is_folded = false;
            h = header_info{};
        });
    flush();
    return h;
}

// A message that came from X-Bce-Error-Message and was cut there is truncated.
inline void note_header_truncation(llm_error& r, const header_info& h) noexcept {
    if (h.bce_error_message_truncated && !r.truncated && r.message == h.bce_error_message) r.truncated = true;
}

// A range whose elements are header fields.
template <class T, class = void>
struct is_header_range : std::false_type {};
template <class T>
struct is_header_range<T, std::void_t<decltype(*std::begin(std::declval<const T&>()))>>
    : std::bool_constant<is_pair_field<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value ||
                         is_beast_field<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value> {};

// What parse() and find_error() take as headers: a header range or raw_headers.
template <class T>
struct is_accepted_headers : std::bool_constant<is_header_range<T>::value || std::is_same_v<T, raw_headers>> {};

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_HEADERS_HPP
