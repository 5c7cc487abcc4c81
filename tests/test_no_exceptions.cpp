// SPDX-License-Identifier: MIT
// Built with -fno-exceptions -DJSON_NOEXCEPTION: parse, find_error, the error_code bridge and retry advice
// must compile and work without exceptions. Catch2 needs exceptions, so this is a plain main() that prints
// each failed check and returns non-zero.
#include <llmerr/error_code.hpp>
#include <llmerr/parse.hpp>
#include <llmerr/retry.hpp>

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "this test must be compiled with -fno-exceptions"
#endif

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <system_error>

namespace {

int failures = 0;
int checks = 0;

void check(bool ok, const char* what, int line) {
    ++checks;
    if (!ok) {
        ++failures;
        std::printf("FAILED line %d: %s\n", line, what);
    }
}

#define CHECK(expr) check((expr), #expr, __LINE__)

}  // namespace

int main() {
    using llmerr::category;
    using llmerr::provider;
    using ms = std::chrono::milliseconds;

    // parse / find_error on an Ark rate limit, with headers.
    const std::map<std::string, std::string> headers = {{"Retry-After", "7"}, {"x-request-id", "req-1"}};
    const auto err = llmerr::find_error(
        429,
        R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"Too many requests","type":"TooManyRequests"}})",
        headers);
    CHECK(err.has_value());
    if (!err) return 1;
    CHECK(err->provider == provider::ark);
    CHECK(err->category == category::rate_limited);
    CHECK(err->retry_after == ms(7000));
    CHECK(err->request_id == "req-1");
    CHECK(!llmerr::find_error(200, R"({"choices":[]})").has_value());

    // Malformed and deep input must not need exceptions either.
    std::string deep(5000, '[');
    deep += std::string(5000, ']');
    const auto hostile = llmerr::parse(deep, 500);
    CHECK(hostile.category == category::server_error);
    const auto broken = llmerr::parse(R"({"error_code":110,"error_msg":"Access token inva)", 200);
    CHECK(broken.provider == provider::qianfan);

    // error_code.
    const std::error_code ec = llmerr::make_error_code(*err);
    CHECK(ec == category::rate_limited);
    CHECK(std::string(ec.category().name()) == "llmerr.ark");
    CHECK(ec.value() == err->entry->value);
    CHECK(!ec.message().empty());
    const std::error_code unknown = llmerr::make_error_code(llmerr::parse("<html>503 Service Unavailable</html>", 503));
    CHECK(unknown.value() == llmerr::uncatalogued_value(category::overloaded));
    CHECK(unknown == category::overloaded);

    // retry.
    llmerr::retry_budget budget(10);
    llmerr::retry_policy policy;
    policy.budget = &budget;
    policy.jitter = [] { return 0.5; };
    const auto d = llmerr::advise(*err, 1, policy);
    CHECK(d.retry);
    CHECK(d.reason == llmerr::retry_reason::retry_after);
    CHECK(d.delay == ms(7000));
    CHECK(budget.available() == 5);
    const auto token =
        llmerr::parse(R"({"error_code":110,"error_msg":"Access token invalid or no longer valid"})", 200);
    const auto refresh = llmerr::advise(token, 1, policy);
    CHECK(refresh.retry && refresh.refresh_credentials_first);
    CHECK(!llmerr::advise(token, 2, policy).retry);
    const auto backoff = llmerr::advise(llmerr::parse("upstream overloaded", 503), 2, policy);
    CHECK(backoff.retry && backoff.delay == ms(500));
    CHECK(llmerr::advise(*err, 1, policy).reason == llmerr::retry_reason::budget_exhausted);

    std::printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
