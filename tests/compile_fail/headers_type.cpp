// SPDX-License-Identifier: MIT
// parse() / find_error() given a headers argument they cannot read must fail to compile with one readable
// static_assert, not a page of SFINAE errors. Built by tests/compile_fail.cmake: without LLMERR_BAD_HEADERS
// as an ordinary test (the accepted types compile and work), with it as a build that must fail.
#include <llmerr/parse.hpp>

#include <map>
#include <string>
#include <vector>

int main() {
#if LLMERR_BAD_HEADERS == 1
    const std::string block = "Retry-After: 7\r\n";  // a header block must be wrapped: llmerr::raw_headers{block}
    const llmerr::llm_error e = llmerr::parse("{}", 429, block);
    return e.http_status == 429 ? 0 : 1;
#elif LLMERR_BAD_HEADERS == 2
    const std::vector<int> numbers = {1, 2};
    return llmerr::find_error(429, "{}", numbers).has_value() ? 0 : 1;
#else
    const std::map<std::string, std::string> map = {{"Retry-After", "7"}};
    const llmerr::llm_error a = llmerr::parse("{}", 429, map);
    const llmerr::llm_error b = llmerr::parse("{}", 429, llmerr::raw_headers{"Retry-After: 7\r\n"});
    const llmerr::llm_error c = llmerr::parse("{}", 429, llmerr::provider::ark);  // the plain overload
    const bool found = llmerr::find_error(429, "{}", llmerr::raw_headers{"Retry-After: 7\r\n"}).has_value();
    return a.retry_after == b.retry_after && b.retry_after.has_value() && !c.retry_after && found ? 0 : 1;
#endif
}
