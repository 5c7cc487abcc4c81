// SPDX-License-Identifier: MIT
// llmerr — what response headers say: request id, Retry-After, retry-after-ms, x-should-retry. Internal.
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
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE
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
    provider evidence = provider::unknown;          // a provider-specific header was seen
};

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
    if (day < 1 || day > 31 || month < 1 || year < 1970 || year > 9999 || hh < 0 || hh > 23 || mm > 59 || ss > 60) {
        return std::nullopt;
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
    constexpr std::string_view id_headers[] = {"x-request-id",     "x-dashscope-request-id",
                                               "x-acs-request-id", "x-bce-request-id",
                                               "request-id",       "x-client-request-id"};
    for (int rank = 0; rank < 6; ++rank) {
        if (iequals(name, id_headers[rank])) {
            if (!value.empty() && rank < h.request_id_rank) {
                h.request_id.assign(value.data(), value.size() < 256 ? value.size() : 256);
                h.request_id_rank = rank;
            }
            if (rank == 1 || rank == 2) h.evidence = provider::dashscope;
            if (rank == 3) h.evidence = provider::qianfan;
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
            std::int64_t delta = (*at - now_s) * 1000;
            if (delta < 0) delta = 0;
            if (delta > max_retry_after_ms) delta = max_retry_after_ms;
            h.retry_after = std::chrono::milliseconds(delta);
        }
    } else if (iequals(name, "x-should-retry")) {
        if (iequals(value, "true")) h.should_retry = true;
        if (iequals(value, "false")) h.should_retry = false;
    } else if (iequals(name, "x-bce-error-code")) {
        h.bce_error_code.assign(value.data(), value.size() < 256 ? value.size() : 256);
        h.evidence = provider::qianfan;
    } else if (iequals(name, "x-bce-error-message")) {
        h.bce_error_message.assign(value.data(), value.size() < 4096 ? value.size() : 4096);
        h.evidence = provider::qianfan;
    } else if (starts_with(name, "x-dashscope-") || starts_with(name, "X-DashScope-")) {
        h.evidence = provider::dashscope;
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

// A range whose elements are header fields.
template <class T, class = void>
struct is_header_range : std::false_type {};
template <class T>
struct is_header_range<T, std::void_t<decltype(*std::begin(std::declval<const T&>()))>>
    : std::bool_constant<is_pair_field<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value ||
                         is_beast_field<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value> {};

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_HEADERS_HPP
