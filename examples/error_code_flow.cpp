// SPDX-License-Identifier: MIT
// Example: an error_code-style API over three providers; act on the portable condition, log the code.
#include <llmerr/error_code.hpp>
#include <llmerr/parse.hpp>

#include <cstdio>
#include <string_view>
#include <system_error>

namespace {

struct response {
    int status;
    std::string_view body;
};

// {} on success, else the provider's code: "llmerr.qianfan" 336501, "llmerr.ark" 74, …
std::error_code check(const response& r) {
    if (auto err = llmerr::find_error(r.status, r.body)) return llmerr::make_error_code(*err);
    return {};
}

const response responses[] = {
    {200, R"({"id":"as-1","result":"你好"})"},
    {429,
     R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"RPM limit exceeded.","type":"TooManyRequests"}})"},
    {429,
     R"({"request_id":"7d1f","code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later."})"},
    {200, R"({"error_code":336501,"error_msg":"Rate limit reached for RPM"})"},
    {403,
     R"({"error":{"code":"AccountOverdueError","message":"Your account has an overdue balance.","type":"Forbidden"}})"},
    {502, "<html>502 Bad Gateway</html>"},
};

}  // namespace

int main() {
    int rate_limited = 0, billing = 0;
    for (const response& r : responses) {
        const std::error_code ec = check(r);
        if (!ec) {
            std::puts("ok");
            continue;
        }
        // ec.default_error_condition() is the llmerr::category: "rate_limited", "billing", …
        std::printf("%s %d [%s] %s\n", ec.category().name(), ec.value(), ec.default_error_condition().message().c_str(),
                    ec.message().c_str());
        if (ec == llmerr::category::rate_limited) ++rate_limited;  // Ark, DashScope and Qianfan alike
        if (ec == llmerr::category::billing) ++billing;
    }
    return rate_limited == 3 && billing == 1 ? 0 : 1;  // self-check: the examples run as tests
}
