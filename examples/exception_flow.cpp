// SPDX-License-Identifier: MIT
// Example: a client that throws llmerr::api_error, and a caller that catches it.
#include <llmerr/exception.hpp>

#include <iostream>
#include <map>
#include <string>

namespace {

struct response {
    int status;
    std::string body;
    std::map<std::string, std::string> headers;
};

// Stands in for an HTTP call to DashScope that hits the free-tier quota.
response post_chat() {
    return {429,
            R"({"request_id":"b2c3","code":"Throttling.AllocationQuota","message":"Free allocated quota exceeded."})",
            {{"x-dashscope-request-id", "b2c3"}}};
}

std::string chat() {
    const response res = post_chat();
    llmerr::throw_if_error(res.status, res.body, res.headers);  // returns only for a success
    return res.body;
}

}  // namespace

int main() {
    try {
        std::cout << chat() << '\n';
        return 1;
    } catch (const llmerr::api_error& e) {
        // llmerr: dashscope HTTP 429 Throttling.AllocationQuota (quota_exhausted), request id b2c3: Free …
        std::cerr << e.what() << '\n';
        if (e.code() == llmerr::category::quota_exhausted) {
            std::cerr << "quota used up: switch model or wait for the reset, do not retry\n";
            return e.error().retryable ? 1 : 0;
        }
    } catch (const std::system_error& e) {  // api_error is one, too
        std::cerr << e.code() << ": " << e.what() << '\n';
    }
    return 1;
}
