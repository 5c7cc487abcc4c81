// SPDX-License-Identifier: MIT
// Example: a retry loop driven by llmerr::advise, around a fake transport that answers 429 with
// Retry-After twice, then succeeds. A fake sleeper keeps virtual time, so it finishes at once.
#include <llmerr/retry.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace {

using namespace std::chrono_literals;

struct response {
    int status;
    std::string body;
    std::map<std::string, std::string> headers;
};

struct fake_transport {
    int calls = 0;
    response post() {
        if (++calls <= 2) {
            return {
                429,
                R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"RPM limit exceeded.","type":"TooManyRequests"}})",
                {{"Retry-After", "2"}}};
        }
        return {200, R"({"choices":[{"message":{"role":"assistant","content":"你好"}}]})", {}};
    }
};

}  // namespace

int main() {
    fake_transport transport;
    std::chrono::milliseconds waited{0};
    auto sleep_for = [&](std::chrono::milliseconds d) { waited += d; };  // real code: std::this_thread::sleep_for

    llmerr::retry_budget budget;  // share one per service
    llmerr::retry_policy policy;  // 3 attempts, full-jitter backoff 0.5 s … 20 s, Retry-After up to 60 s
    policy.max_attempts = 4;
    policy.budget = &budget;

    for (int attempt = 1;; ++attempt) {
        const response res = transport.post();
        const auto err = llmerr::find_error(res.status, res.body, res.headers);
        if (!err) {
            budget.on_success();
            std::cout << "ok after " << attempt << " attempts, " << waited.count() << " ms waited\n";
            return attempt == 3 && waited == 4s ? 0 : 1;
        }
        const llmerr::retry_decision d = llmerr::advise(*err, attempt, policy);
        std::cout << "attempt " << attempt << ": " << err->code << " (" << to_string(err->category) << ") -> "
                  << to_string(d.reason) << ", wait " << d.delay.count() << " ms\n";
        if (!d.retry) return 1;
        if (d.refresh_credentials_first) { /* refresh the access token here */
        }
        sleep_for(d.delay);
    }
}
