// SPDX-License-Identifier: MIT
// advise(), retry_policy and retry_budget. Jitter is injected, so every delay is exact; nothing sleeps.
#include <llmerr/retry.hpp>

#include <atomic>
#include <chrono>
#include <climits>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"

namespace {

using llmerr::advise;
using llmerr::category;
using llmerr::provider;
using llmerr::retry_hint;
using llmerr::retry_reason;
using ms = std::chrono::milliseconds;

// The categories data/README.md calls retryable by default.
const std::set<category> retryable_categories = {category::rate_limited, category::overloaded, category::model_loading,
                                                 category::timeout, category::server_error};

llmerr::llm_error error_of(category c, bool retryable, retry_hint h = retry_hint::none) {
    llmerr::llm_error e;
    e.provider = provider::ark;
    e.category = c;
    e.retryable = retryable;
    e.retry_hint = h;
    return e;
}

llmerr::llm_error from_entry(const llmerr::catalog_entry& row) {
    llmerr::llm_error e;
    e.provider = row.provider;
    e.code = std::string(row.code);
    e.category = row.category;
    e.retryable = row.retryable;
    e.retry_hint = row.retry_hint;
    e.entry = &row;
    return e;
}

llmerr::retry_policy fixed_jitter(double j) {
    llmerr::retry_policy p;
    p.jitter = [j] { return j; };
    return p;
}

const double almost_one = std::nextafter(1.0, 0.0);

}  // namespace

TEST_CASE("every category, as the catalogue marks it", "[retry]") {
    const auto policy = fixed_jitter(0.5);
    for (std::uint8_t i = 0; i < llmerr::category_count; ++i) {
        const auto c = static_cast<category>(i);
        const bool expected = retryable_categories.count(c) != 0;
        INFO("category " << int{i});
        const auto d = advise(error_of(c, expected), 1, policy);
        CHECK(d.retry == expected);
        CHECK(static_cast<bool>(d) == expected);
        if (expected) {
            CHECK(d.reason == retry_reason::backoff);
            CHECK(d.delay == ms(250));  // 0.5 × base
        } else {
            CHECK(d.reason == retry_reason::not_retryable);
            CHECK(d.delay == ms(0));
        }
        CHECK_FALSE(d.refresh_credentials_first);
    }
    SECTION("billing, quota and moderation are never retried automatically, even when marked retryable") {
        for (category c : {category::billing, category::quota_exhausted, category::content_filtered}) {
            CHECK(advise(error_of(c, true), 1, policy).reason == retry_reason::not_retryable);
        }
    }
}

TEST_CASE("x-should-retry and Retry-After", "[retry][headers]") {
    auto policy = fixed_jitter(0.5);
    SECTION("should_retry: true makes a non-retryable error retryable") {
        auto e = error_of(category::invalid_request, true);  // parse() sets retryable from the header
        e.should_retry = true;
        const auto d = advise(e, 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::backoff);
    }
    SECTION("should_retry: false stops a retryable one") {
        auto e = error_of(category::rate_limited, false);
        e.should_retry = false;
        CHECK(advise(e, 1, policy).reason == retry_reason::server_said_no);
        policy.honour_should_retry = false;  // then the catalogue decides
        const auto d = advise(e, 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::backoff);
    }
    SECTION("parsed from real headers") {
        const std::string body =
            testdata::read_file(std::string(LLMERR_DATA_DIR) + "/samples/ark_rate_limit_endpoint_rpm.body");
        const std::map<std::string, std::string> no = {{"x-should-retry", "false"}};
        const auto e = llmerr::parse(body, 429, no);
        REQUIRE(e.should_retry == false);
        CHECK(advise(e, 1, policy).reason == retry_reason::server_said_no);
        policy.honour_should_retry = false;
        CHECK(advise(e, 1, policy).retry);  // the catalogue says rate_limited, retryable

        const std::map<std::string, std::string> after = {{"Retry-After", "7"}};
        const auto d = advise(llmerr::parse(body, 429, after), 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::retry_after);
        CHECK(d.delay == ms(7000));
    }
    SECTION("retry_after below, at and above max_retry_after") {
        auto e = error_of(category::rate_limited, true);
        e.retry_after = ms(1500);
        auto d = advise(e, 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::retry_after);
        CHECK(d.delay == ms(1500));  // exactly, no jitter
        e.retry_after = ms(60000);
        CHECK(advise(e, 2, policy).delay == ms(60000));
        e.retry_after = ms(60001);
        d = advise(e, 1, policy);
        CHECK_FALSE(d.retry);
        CHECK(d.reason == retry_reason::retry_after_too_long);
        CHECK(d.delay == ms(0));
        policy.max_retry_after = ms(120000);
        CHECK(advise(e, 1, policy).delay == ms(60001));
    }
    SECTION("a Retry-After of zero or less counts as absent: backoff (issue #14)") {
        // Before the fix, 0 retried at once on every attempt (reason retry_after, delay 0), skipping backoff.
        auto e = error_of(category::rate_limited, true);
        for (const ms value : {ms(0), ms(-1), ms(-86400000), ms::min()}) {
            e.retry_after = value;
            INFO("retry_after " << value.count());
            auto d = advise(e, 1, policy);
            CHECK(d.retry);
            CHECK(d.reason == retry_reason::backoff);
            CHECK(d.delay == ms(250));  // 0.5 × 500
            d = advise(e, 2, policy);
            CHECK(d.reason == retry_reason::backoff);
            CHECK(d.delay == ms(500));
        }
        policy.max_retry_after = ms(-1);  // and max_retry_after does not apply to it
        e.retry_after = ms(0);
        CHECK(advise(e, 1, policy).reason == retry_reason::backoff);
    }
    SECTION("an HTTP-date already past: backoff, not an immediate retry on every attempt (issue #14)") {
        const std::string body =
            testdata::read_file(std::string(LLMERR_DATA_DIR) + "/samples/ark_rate_limit_endpoint_rpm.body");
        const std::map<std::string, std::string> past = {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}};
        const auto e = llmerr::parse(body, 429, past);
        REQUIRE(e.retry_after == ms(0));  // the server said "now"; kept as sent
        for (int attempt = 1; attempt <= 2; ++attempt) {
            const auto d = advise(e, attempt, policy);
            CHECK(d.retry);
            CHECK(d.reason == retry_reason::backoff);
            CHECK(d.delay == ms(250 * attempt));
        }
        const std::map<std::string, std::string> zero = {{"retry-after-ms", "0"}, {"Retry-After", "9"}};
        const auto z = llmerr::parse(body, 429, zero);
        REQUIRE(z.retry_after == ms(0));  // retry-after-ms wins, as before
        CHECK(advise(z, 1, policy).reason == retry_reason::backoff);
    }
    SECTION("a Retry-After does not make a non-retryable error retryable") {
        auto e = error_of(category::quota_exhausted, false);
        e.retry_after = ms(1000);
        CHECK(advise(e, 1, policy).reason == retry_reason::not_retryable);
    }
}

TEST_CASE("full-jitter exponential backoff and its cap", "[retry][backoff]") {
    const auto e = error_of(category::server_error, true);
    SECTION("jitter just below 1 reaches the window; the window doubles up to the cap") {
        auto policy = fixed_jitter(almost_one);
        policy.max_attempts = 100;
        const std::vector<long long> windows = {500, 1000, 2000, 4000, 8000, 16000, 20000, 20000};
        for (std::size_t i = 0; i < windows.size(); ++i) {
            const auto d = advise(e, static_cast<int>(i) + 1, policy);
            INFO("attempt " << i + 1);
            CHECK(d.delay.count() <= windows[i]);
            CHECK(d.delay.count() >= windows[i] - 1);
        }
    }
    SECTION("jitter 0 retries at once; jitter 0.5 waits half the window") {
        auto policy = fixed_jitter(0.0);
        CHECK(advise(e, 1, policy).delay == ms(0));
        CHECK(advise(e, 2, policy).delay == ms(0));
        policy = fixed_jitter(0.5);
        CHECK(advise(e, 1, policy).delay == ms(250));
        CHECK(advise(e, 2, policy).delay == ms(500));
    }
    SECTION("jitter outside [0, 1) is clamped") {
        CHECK(advise(e, 2, fixed_jitter(-3.0)).delay == ms(0));
        CHECK(advise(e, 2, fixed_jitter(7.0)).delay == ms(1000));
        CHECK(advise(e, 2, fixed_jitter(std::numeric_limits<double>::quiet_NaN())).delay == ms(0));
    }
    SECTION("huge attempt numbers and odd policies do not overflow") {
        auto policy = fixed_jitter(0.5);
        policy.max_attempts = INT_MAX;
        CHECK(advise(e, INT_MAX - 1, policy).delay == ms(10000));
        policy.base = ms(30000);  // base above cap: cap
        CHECK(advise(e, 1, policy).delay == ms(10000));
        policy.base = ms(0);
        CHECK(advise(e, INT_MAX - 1, policy).delay == ms(0));
        policy.base = ms(-5);
        policy.cap = ms(-5);
        CHECK(advise(e, 2, policy).delay == ms(0));
    }
    SECTION("extreme but legal policies saturate instead of overflowing (issue #14)") {
        // Before the fix: jitter × window converted a double of 2^63 to int64 (undefined; in practice a
        // negative delay), and ramp_up_delay = max overflowed a signed addition.
        auto policy = fixed_jitter(1.0);
        policy.max_attempts = INT_MAX;
        policy.cap = ms::max();
        policy.base = ms::max();
        for (int attempt : {1, 2, 64, INT_MAX - 1}) {
            const auto d = advise(e, attempt, policy);
            INFO("attempt " << attempt);
            CHECK(d.retry);
            CHECK(d.delay == ms::max());
        }
        policy.base = ms(1);
        CHECK(advise(e, 70, policy).delay == ms::max());  // 2^69 ms: capped by the doubling, not overflowed
        policy = fixed_jitter(almost_one);
        policy.cap = ms::max();
        policy.base = ms::max();
        const auto d = advise(e, 1, policy);
        CHECK(d.delay > ms(0));
        CHECK(d.delay <= ms::max());

        auto burst = error_of(category::overloaded, true, retry_hint::slow_ramp_up);
        policy = fixed_jitter(0.5);
        policy.ramp_up_delay = ms::max();
        CHECK(advise(burst, 1, policy).delay == ms::max());  // 250 + max: saturated
        policy.ramp_up_delay = ms::max() - ms(100);
        CHECK(advise(burst, 1, policy).delay == ms::max());
        policy.ramp_up_delay = ms::max() - ms(250);
        CHECK(advise(burst, 1, policy).delay == ms::max());  // exactly max
        policy.ramp_up_delay = ms::max() - ms(251);
        CHECK(advise(burst, 1, policy).delay == ms::max() - ms(1));
        policy.cap = ms::max();
        policy.base = ms::max();
        policy.jitter = [] { return 1.0; };
        CHECK(advise(burst, 1, policy).delay == ms::max());
    }
    SECTION("the default jitter stays inside the window and varies") {
        const llmerr::retry_policy policy;
        std::set<long long> seen;
        for (int i = 0; i < 200; ++i) {
            const auto d = advise(e, 2, policy);  // window 1000
            REQUIRE(d.retry);
            REQUIRE(d.delay.count() >= 0);
            REQUIRE(d.delay.count() <= 1000);
            seen.insert(d.delay.count());
        }
        CHECK(seen.size() > 1);
    }
}

TEST_CASE("max_attempts counts the first attempt", "[retry]") {
    const auto e = error_of(category::overloaded, true);
    auto policy = fixed_jitter(0.5);
    CHECK(advise(e, 1, policy).retry);
    CHECK(advise(e, 2, policy).retry);
    CHECK(advise(e, 3, policy).reason == retry_reason::attempts_exhausted);
    CHECK(advise(e, 0, policy).retry);  // below 1 counts as 1
    CHECK(advise(e, -4, policy).delay == ms(250));
    policy.max_attempts = 1;
    CHECK(advise(e, 1, policy).reason == retry_reason::attempts_exhausted);
    policy.max_attempts = 0;
    CHECK(advise(e, 1, policy).reason == retry_reason::attempts_exhausted);
}

TEST_CASE("the retry budget", "[retry][budget]") {
    SECTION("defaults: 500 tokens, 5 per retry, 10 per timeout, 1 back per success") {
        llmerr::retry_budget b;
        CHECK(b.capacity() == 500);
        CHECK(b.available() == 500);
        CHECK(b.cost(category::rate_limited) == 5);
        CHECK(b.cost(category::timeout) == 10);
        CHECK(b.try_acquire(category::timeout));
        CHECK(b.available() == 490);
        b.on_success();
        CHECK(b.available() == 491);
        int retries = 0;
        while (b.try_acquire(category::server_error)) ++retries;
        CHECK(retries == 98);  // 491 / 5
        CHECK(b.available() == 1);
    }
    SECTION("advise draws from it, and stops when it is empty") {
        llmerr::retry_budget b(12);
        auto policy = fixed_jitter(0.5);
        policy.budget = &b;
        policy.max_attempts = 100;
        const auto e = error_of(category::rate_limited, true);
        CHECK(advise(e, 1, policy).retry);
        CHECK(b.available() == 7);
        CHECK(advise(e, 2, policy).retry);
        CHECK(b.available() == 2);
        const auto d = advise(e, 3, policy);
        CHECK_FALSE(d.retry);
        CHECK(d.reason == retry_reason::budget_exhausted);
        CHECK(b.available() == 2);  // nothing taken
        for (int i = 0; i < 3; ++i) b.on_success();
        CHECK(b.available() == 5);
        CHECK(advise(e, 4, policy).retry);
        CHECK(b.available() == 0);
        for (int i = 0; i < 100; ++i) b.on_success();
        CHECK(b.available() == 12);                                         // never above capacity
        CHECK(advise(error_of(category::timeout, true), 1, policy).retry);  // a timeout costs 10
        CHECK(b.available() == 2);
    }
    SECTION("decisions not to retry cost nothing") {
        llmerr::retry_budget b(10);
        auto policy = fixed_jitter(0.5);
        policy.budget = &b;
        CHECK_FALSE(advise(error_of(category::invalid_request, false), 1, policy).retry);
        CHECK_FALSE(advise(error_of(category::rate_limited, true), 3, policy).retry);
        auto e = error_of(category::rate_limited, true);
        e.retry_after = ms(3600000);
        CHECK_FALSE(advise(e, 1, policy).retry);
        CHECK(b.available() == 10);
    }
    SECTION("thread-safe: concurrent retries take exactly the capacity") {
        llmerr::retry_budget b(500);
        std::atomic<int> granted{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 100; ++i) {
                    if (b.try_acquire(category::rate_limited)) granted.fetch_add(1);
                }
            });
        }
        for (auto& t : threads) t.join();
        CHECK(granted.load() == 100);
        CHECK(b.available() == 0);
    }
    SECTION("negative settings count as 0") {
        llmerr::retry_budget b(-1, -1, -1, -1);
        CHECK(b.capacity() == 0);
        CHECK(b.try_acquire(category::rate_limited));  // costs 0
        b.on_success();
        CHECK(b.available() == 0);
    }
}

TEST_CASE("per-category overrides beat the catalogue and the server", "[retry][override]") {
    auto policy = fixed_jitter(0.5);
    SECTION("never retry timeouts (a non-idempotent call)") {
        policy.override_retry(category::timeout, false);
        auto e = error_of(category::timeout, true);
        CHECK(advise(e, 1, policy).reason == retry_reason::overridden);
        e.should_retry = true;
        CHECK(advise(e, 1, policy).reason == retry_reason::overridden);
        CHECK(advise(error_of(category::server_error, true), 1, policy).retry);  // other categories unchanged
        policy.override_retry(category::timeout, std::nullopt);
        CHECK(advise(e, 1, policy).retry);
    }
    SECTION("always retry a quota error (the caller knows its window is short)") {
        policy.override_retry(category::quota_exhausted, true);
        auto e = error_of(category::quota_exhausted, false, retry_hint::wait_for_quota_reset);
        e.should_retry = false;
        const auto d = advise(e, 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::backoff);
        CHECK(advise(e, 3, policy).reason == retry_reason::attempts_exhausted);  // still bounded
    }
    SECTION("the array itself") {
        policy.retry_override[static_cast<std::size_t>(category::rate_limited)] = false;
        CHECK(policy.override_for(category::rate_limited) == false);
        CHECK_FALSE(policy.override_for(category::overloaded).has_value());
        CHECK(advise(error_of(category::rate_limited, true), 1, policy).reason == retry_reason::overridden);
    }
}

TEST_CASE("retry hints from the catalogue", "[retry][catalog]") {
    auto policy = fixed_jitter(0.5);
    SECTION("Qianfan 110: refresh the access token, then retry exactly once") {
        const std::string body =
            testdata::read_file(std::string(LLMERR_DATA_DIR) + "/samples/qianfan_v1_access_token_invalid.body");
        const auto e = llmerr::parse(body, 200);
        REQUIRE(e.code == "110");
        REQUIRE(e.retry_hint == retry_hint::refresh_credentials_once);
        REQUIRE_FALSE(e.retryable);
        llmerr::retry_budget b(10);
        policy.budget = &b;
        const auto first = advise(e, 1, policy);
        CHECK(first.retry);
        CHECK(first.refresh_credentials_first);
        CHECK(first.reason == retry_reason::refresh_credentials);
        CHECK(first.delay == ms(0));
        CHECK(b.available() == 10);  // a refresh does not draw from the budget
        const auto second = advise(e, 2, policy);
        CHECK_FALSE(second.retry);
        CHECK_FALSE(second.refresh_credentials_first);
        CHECK(second.reason == retry_reason::not_retryable);
        policy.max_attempts = 1;
        CHECK(advise(e, 1, policy).reason == retry_reason::attempts_exhausted);
    }
    SECTION("slow_ramp_up waits ramp_up_delay on top of the backoff") {
        const auto* row = llmerr::lookup(provider::ark, "RequestBurstTooFast");
        REQUIRE(row != nullptr);
        REQUIRE(row->retry_hint == retry_hint::slow_ramp_up);
        const auto e = from_entry(*row);
        CHECK(advise(e, 1, policy).delay == ms(2250));
        CHECK(advise(e, 1, fixed_jitter(0.0)).delay == ms(2000));
        policy.ramp_up_delay = ms(0);
        CHECK(advise(e, 1, policy).delay == ms(250));
        auto told = e;
        told.retry_after = ms(900);
        CHECK(advise(told, 1, policy).delay == ms(900));  // the server's word wins
    }
    SECTION("reduce_concurrency retries only when the caller can lower its concurrency") {
        const auto* row = llmerr::lookup(provider::ark, "InflightBatchsizeExceeded");
        REQUIRE(row != nullptr);
        REQUIRE(row->retry_hint == retry_hint::reduce_concurrency);
        const auto e = from_entry(*row);
        CHECK(advise(e, 1, policy).reason == retry_reason::needs_lower_concurrency);
        policy.can_reduce_concurrency = true;
        const auto d = advise(e, 1, policy);
        CHECK(d.retry);
        CHECK(d.reason == retry_reason::backoff);
    }
    SECTION("every row of the data at the first failure") {
        for (const auto& [name, id] : testdata::data_providers()) {
            (void)id;
            const auto doc = testdata::provider_file(name);
            const provider p = *llmerr::provider_from_string(name);
            for (const auto& row : doc["entries"]) {
                const std::string hint = row.value("retry_hint", "none");
                const std::string cat = row["category"];
                bool expected = row["retryable"].get<bool>();
                if (hint == "wait_for_quota_reset" || hint == "reduce_concurrency") expected = false;
                if (cat == "billing" || cat == "quota_exhausted" || cat == "content_filtered") expected = false;
                if (hint == "refresh_credentials_once") expected = true;
                const llmerr::catalog_entry* e = nullptr;
                for (const auto& r : llmerr::entries(p)) {
                    if (r.api == row["api"].get<std::string>() && r.code == row["code"].get<std::string>() &&
                        r.variant == row.value("variant", 0)) {
                        e = &r;
                    }
                }
                REQUIRE(e != nullptr);
                INFO(name << " " << row["api"].get<std::string>() << "/" << e->code << "#" << int{e->variant});
                const auto d = advise(from_entry(*e), 1, policy);
                CHECK(d.retry == expected);
                CHECK(d.refresh_credentials_first == (hint == "refresh_credentials_once"));
            }
        }
    }
}

TEST_CASE("reasons have names", "[retry]") {
    CHECK(llmerr::to_string(retry_reason::budget_exhausted) == "budget_exhausted");
    CHECK(llmerr::to_string(retry_reason::refresh_credentials) == "refresh_credentials");
    CHECK(llmerr::to_string(static_cast<retry_reason>(200)) == "unknown");
}
