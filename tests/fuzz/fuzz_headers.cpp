// SPDX-License-Identifier: MIT
// Fuzz target: the header readers — Retry-After HTTP-dates, llmerr::raw_headers blocks, and the same fields
// given as a raw block and as a name/value list, which must read the same.
//
// Input: 2 bytes status, 1 byte mode, then `body 0x1E name 0x1F value 0x1E …` (see fuzz_util.hpp). The whole
// rest is also tried as an HTTP-date and as a raw header block.
#include <chrono>       // std::chrono::milliseconds
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::int64_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <llmerr/parse.hpp>

#include "fuzz_checks.hpp"
#include "fuzz_util.hpp"

namespace {

// Seconds of 9999-12-31T23:59:60Z, the latest date parse_http_date accepts.
constexpr std::int64_t latest_date = 253402300800LL;

// A header name that survives being written as "name: value": no blanks, colons or line breaks, not empty,
// and not starting like a status line.
std::string clean_name(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c != ' ' && c != '\t' && c != ':' && c != '\r' && c != '\n') out += c;
    }
    if (out.size() >= 5 && llmerr::detail::iequals(std::string_view(out).substr(0, 5), "http/")) out.insert(0, "x");
    return out;
}

std::string clean_value(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c != '\r' && c != '\n') out += c;
    }
    return out;
}

bool close_retry_after(const std::optional<std::chrono::milliseconds>& a,
                       const std::optional<std::chrono::milliseconds>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    const auto diff = *a > *b ? *a - *b : *b - *a;
    return diff <= std::chrono::milliseconds(1000);  // an HTTP-date is read against the clock, in seconds
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    const int status = in.status();
    const std::uint8_t mode = in.byte();
    const std::string_view rest = in.rest();

    if (const auto at = llmerr::detail::parse_http_date(rest)) {
        LLMERR_FUZZ_CHECK(*at >= 0 && *at <= latest_date);
    }

    // The rest as a raw block, as is.
    const llmerr::raw_headers raw{rest};
    const int raw_status = status != 0 ? status : llmerr::detail::status_of(raw);  // the status line's
    const llmerr::llm_error from_raw = llmerr::parse("{}", status, raw);
    llmerr_fuzz::check_well_formed(from_raw, raw_status, llmerr::provider::unknown, true);
    const auto found = llmerr::find_error(status, "{}", raw);
    LLMERR_FUZZ_CHECK(found.has_value() == (raw_status != 0 && (raw_status < 200 || raw_status > 299)));

    // The same fields as a list and as a block: the same result.
    const llmerr_fuzz::response r = llmerr_fuzz::split_response(rest);
    std::vector<std::pair<std::string, std::string>> fields;
    std::string block;
    if ((mode & 1) != 0) block += (mode & 2) != 0 ? "HTTP/1.1 499 Whatever\r\n" : "HTTP/2 499\n";
    for (const auto& [name, value] : r.headers) {
        std::string n = clean_name(name);
        if (n.empty()) continue;
        std::string v = clean_value(value);
        block += n;
        block += (mode & 4) != 0 ? ": " : ":";
        block += v;
        block += (mode & 8) != 0 ? "\r\n" : "\n";
        fields.emplace_back(std::move(n), std::move(v));
    }
    if ((mode & 16) != 0) block += "\r\n";
    const bool status_line = (mode & 1) != 0;
    const int given = status_line && (mode & 32) != 0 ? 0 : status;    // 0: use the status line's
    const int effective = given != 0 ? given : status_line ? 499 : 0;  // what parse() must use
    const llmerr::llm_error a = llmerr::parse(r.body, status, fields);
    const llmerr::llm_error b = llmerr::parse(r.body, given, llmerr::raw_headers{block});
    llmerr_fuzz::check_well_formed(a, status, llmerr::provider::unknown, true);
    llmerr_fuzz::check_well_formed(b, effective, llmerr::provider::unknown, true);
    if (effective == status) LLMERR_FUZZ_CHECK(llmerr_fuzz::same_result(a, b));
    LLMERR_FUZZ_CHECK(close_retry_after(a.retry_after, b.retry_after));
    return 0;
}
