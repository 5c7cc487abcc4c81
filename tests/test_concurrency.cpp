// SPDX-License-Identifier: MIT
// Eight threads sharing one retry_budget (and the parser's static tables). Run under ThreadSanitizer by
// the `tsan` preset; without it, the counts below still hold. Catch2's assertions are not thread-safe:
// threads only record, the main thread checks.
#include <llmerr/parse.hpp>
#include <llmerr/retry.hpp>

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"

namespace {

constexpr int thread_count = 8;

template <class F>
void run_threads(F&& body) {
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    threads.reserve(thread_count);
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
            body(t);
        });
    }
    go.store(true, std::memory_order_release);
    for (auto& th : threads) th.join();
}

llmerr::llm_error retryable_error(llmerr::category c) {
    llmerr::llm_error e;
    e.category = c;
    e.retryable = true;
    return e;
}

}  // namespace

TEST_CASE("8 threads drain a shared budget to exactly its capacity", "[concurrency][budget]") {
    llmerr::retry_budget budget(1000, 5, 10, 1);
    llmerr::retry_policy policy;
    policy.budget = &budget;
    policy.max_attempts = 1000;
    std::atomic<int> granted{0}, granted_timeouts{0};
    run_threads([&](int t) {
        // Half the threads retry timeouts (10 tokens), half rate limits (5): each retry costs its price.
        const auto e = retryable_error(t % 2 == 0 ? llmerr::category::timeout : llmerr::category::rate_limited);
        for (int i = 0; i < 200; ++i) {
            if (llmerr::advise(e, 1, policy).retry) {
                granted.fetch_add(1);
                if (t % 2 == 0) granted_timeouts.fetch_add(1);
            }
        }
    });
    const int spent = granted_timeouts.load() * 10 + (granted.load() - granted_timeouts.load()) * 5;
    CHECK(spent + budget.available() == 1000);
    CHECK(budget.available() < 5);  // drained: 8 × 200 attempts ask for far more than 1000 tokens
}

TEST_CASE("8 threads refunding fill a budget to its capacity, never past it", "[concurrency][budget]") {
    llmerr::retry_budget budget(500, 5, 10, 3);
    for (int i = 0; i < 100; ++i) REQUIRE(budget.try_acquire(llmerr::category::rate_limited));
    REQUIRE(budget.available() == 0);
    std::atomic<int> over{0};
    run_threads([&](int) {
        for (int i = 0; i < 20; ++i) {
            budget.on_success();
            const int now = budget.available();
            if (now < 0 || now > budget.capacity()) over.fetch_add(1);
        }
    });
    CHECK(over.load() == 0);
    CHECK(budget.available() == 8 * 20 * 3);  // 480 < 500: every refund counted
    run_threads([&](int) {
        for (int i = 0; i < 20; ++i) budget.on_success();
    });
    CHECK(budget.available() == 500);  // capped
}

TEST_CASE("8 threads retrying and succeeding at once keep the budget in bounds", "[concurrency][budget]") {
    llmerr::retry_budget budget(100, 5, 10, 1);
    llmerr::retry_policy policy;  // default jitter: a per-thread generator
    policy.budget = &budget;
    const auto e = retryable_error(llmerr::category::overloaded);
    std::atomic<int> out_of_bounds{0}, bad_delay{0}, granted{0};
    run_threads([&](int t) {
        for (int i = 0; i < 2000; ++i) {
            if ((i + t) % 3 == 0) {
                budget.on_success();
            } else {
                const auto d = llmerr::advise(e, 1 + i % 3, policy);
                if (d.retry) granted.fetch_add(1);
                if (d.delay.count() < 0 || d.delay.count() > 2000) bad_delay.fetch_add(1);
            }
            const int now = budget.available();
            if (now < 0 || now > 100) out_of_bounds.fetch_add(1);
        }
    });
    CHECK(out_of_bounds.load() == 0);
    CHECK(bad_delay.load() == 0);
    CHECK(granted.load() > 0);
}

TEST_CASE("8 threads parsing the same responses get the same results", "[concurrency][parse]") {
    const std::vector<testdata::sample> samples = testdata::error_samples();
    REQUIRE(!samples.empty());
    std::vector<llmerr::llm_error> expected;
    for (const auto& s : samples) expected.push_back(llmerr::parse(s.body, 0));
    std::atomic<int> differ{0};
    run_threads([&](int t) {
        for (int round = 0; round < 5; ++round) {
            for (std::size_t i = 0; i < samples.size(); ++i) {
                const auto& s = samples[(i + static_cast<std::size_t>(t)) % samples.size()];
                const auto& want = expected[(i + static_cast<std::size_t>(t)) % samples.size()];
                const llmerr::llm_error got = llmerr::parse(s.body, 0);
                if (got.entry != want.entry || got.code != want.code || got.category != want.category ||
                    got.message != want.message) {
                    differ.fetch_add(1);
                }
            }
        }
    });
    CHECK(differ.load() == 0);
}
