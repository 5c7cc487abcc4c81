// SPDX-License-Identifier: MIT
// llmerr — whether to retry a failed call, and how long to wait first.
//
//   llmerr::retry_budget budget;                  // one per service, shared by every call to it
//   llmerr::retry_policy policy;                  // 3 attempts, 0.5 s … 20 s full-jitter backoff
//   policy.budget = &budget;
//   for (int attempt = 1;; ++attempt) {
//       auto res = client.Post(path, body, "application/json");
//       auto err = llmerr::find_error(res->status, res->body, res->headers);
//       if (!err) { budget.on_success(); break; }
//       const llmerr::retry_decision d = llmerr::advise(*err, attempt, policy);
//       if (!d.retry) return fail(*err, to_string(d.reason));
//       if (d.refresh_credentials_first) refresh_access_token();
//       std::this_thread::sleep_for(d.delay);
//   }
//
// advise() applies, in this order:
// 1. Whether the error is worth retrying at all. The first of these that speaks decides:
//    a. the policy's per-category override (retry_policy::override_retry): the caller knows best, e.g. never
//       to resend a timed-out non-idempotent call;
//    b. the server's x-should-retry header (llm_error::should_retry), unless honour_should_retry is off;
//    c. the catalogue: retry_hint refresh_credentials_once → retry once, after the first attempt only,
//       with refresh_credentials_first set (the identical request would fail, a re-authenticated one may
//       not); wait_for_quota_reset, and the categories billing, quota_exhausted and content_filtered →
//       never (an automatic retry soon does not help); reduce_concurrency → only when the policy says the
//       caller can lower its concurrency; otherwise the catalogue's `retryable`.
// 2. max_attempts, counting the first attempt.
// 3. The delay. A positive Retry-After / retry-after-ms the server sent is waited exactly, unless it
//    exceeds max_retry_after: then the call is not retried (the caller should not block that long; the
//    window is in llm_error::retry_after). A Retry-After of zero or less (`0`, or an HTTP-date already past)
//    counts as absent, as openai-python treats it: retrying at once on every attempt would skip the backoff.
//    Otherwise a credential refresh retries at once, and everything else waits full-jitter exponential
//    backoff: jitter × min(cap, base × 2^(attempt − 1)), jitter in [0, 1). retry_hint slow_ramp_up (burst
//    protection: Ark ServerOverloaded / RequestBurstTooFast, DashScope Throttling.BurstRate) adds
//    ramp_up_delay on top, so that bursts are not answered with more bursts. Every sum and product
//    saturates at milliseconds::max(): any policy, however extreme, gives a defined delay.
// 4. The retry budget, when the policy has one: a token bucket shared by many calls that stops retry
//    storms when a service is down for everyone. A credential refresh does not draw from it.
//
// Nothing here sleeps, allocates or throws; jitter comes from the policy, so tests can fix it.
#ifndef LLMERR_RETRY_HPP
#define LLMERR_RETRY_HPP

#include <array>        // std::array (per-category overrides)
#include <atomic>       // std::atomic (retry_budget, default jitter seeding)
#include <chrono>       // std::chrono::milliseconds, steady_clock
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint64_t, std::int64_t
#include <functional>   // std::function (jitter source)
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/parse.hpp>

LLMERR_BEGIN_NAMESPACE

// retry_budget
//
// A token bucket in the spirit of the AWS SDKs' "standard" retry mode: each retry costs tokens, each
// success refunds some, and an empty bucket means no retries until successes refill it. With the defaults,
// 100 retries (50 of timeouts) in a row empty it. Thread-safe; share one per service, not per call.
class retry_budget {
public:
    // tokens in a full bucket
    static constexpr int default_capacity = 500;
    // tokens a retry costs
    static constexpr int default_retry_cost = 5;
    static constexpr int default_timeout_cost = 10;  // a timeout ties up the server longest: it costs more
    // tokens a success gives back
    static constexpr int default_success_refund = 1;

    // A full bucket of `capacity` tokens with the given costs (negative values count as 0).
    explicit retry_budget(int capacity = default_capacity, int retry_cost = default_retry_cost,
                          int timeout_cost = default_timeout_cost, int success_refund = default_success_refund) noexcept
        : tokens_(non_negative(capacity)),
          capacity_(non_negative(capacity)),
          retry_cost_(non_negative(retry_cost)),
          timeout_cost_(non_negative(timeout_cost)),
          success_refund_(non_negative(success_refund)) {}

    retry_budget(const retry_budget&) = delete;
    retry_budget& operator=(const retry_budget&) = delete;

    // Takes the cost of retrying an error of category `c`; false (taking nothing) when too few are left.
    [[nodiscard]] bool try_acquire(category c) noexcept {
        const int price = cost(c);
        int have = tokens_.load(std::memory_order_relaxed);
        do {
            if (have < price) return false;
        } while (!tokens_.compare_exchange_weak(have, have - price, std::memory_order_relaxed));
        return true;
    }

    // Refunds success_refund tokens, up to the capacity. Call it for every successful call.
    void on_success() noexcept {
        int have = tokens_.load(std::memory_order_relaxed);
        int next = 0;
        do {
            next = capacity_ - have < success_refund_ ? capacity_ : have + success_refund_;
        } while (!tokens_.compare_exchange_weak(have, next, std::memory_order_relaxed));
    }

    // Returns the tokens left.
    [[nodiscard]] int available() const noexcept { return tokens_.load(std::memory_order_relaxed); }

    // Returns the number of tokens when full.
    [[nodiscard]] int capacity() const noexcept { return capacity_; }

    // Returns what retrying an error of category `c` costs.
    [[nodiscard]] int cost(category c) const noexcept { return c == category::timeout ? timeout_cost_ : retry_cost_; }

private:
    static constexpr int non_negative(int v) noexcept { return v < 0 ? 0 : v; }

    std::atomic<int> tokens_;
    int capacity_;
    int retry_cost_;
    int timeout_cost_;
    int success_refund_;
};

// retry_policy
//
// What advise() may do. A plain struct: set the fields you need.
struct retry_policy {
    int max_attempts = 3;                              // attempts in all, the first included; <= 1: never retry
    std::chrono::milliseconds base{500};               // backoff window after the first attempt
    std::chrono::milliseconds cap{20000};              // largest backoff window
    std::chrono::milliseconds max_retry_after{60000};  // a server asking to wait longer: do not retry
    std::chrono::milliseconds ramp_up_delay{2000};     // added to the backoff for retry_hint::slow_ramp_up
    bool honour_should_retry = true;                   // obey the x-should-retry header when sent
    bool can_reduce_concurrency = false;               // the caller lowers its concurrency on reduce_concurrency
    std::array<std::optional<bool>, category_count> retry_override{};  // per category: beats the catalogue
    retry_budget* budget = nullptr;                                    // shared token bucket; none when null
    std::function<double()> jitter;  // returns [0, 1); must not throw; empty: per-thread PRNG

    // Always (true) or never (false) retry errors of category `c`, whatever the catalogue and the server
    // say; std::nullopt restores the default.
    retry_policy& override_retry(category c, std::optional<bool> retry) noexcept {
        const auto i = static_cast<std::size_t>(c);
        if (i < retry_override.size()) retry_override[i] = retry;
        return *this;
    }

    // Returns the override for category `c`, if any.
    [[nodiscard]] std::optional<bool> override_for(category c) const noexcept {
        const auto i = static_cast<std::size_t>(c);
        return i < retry_override.size() ? retry_override[i] : std::nullopt;
    }
};

// retry_reason
//
// Why advise() decided as it did. Values may be added in later versions.
enum class retry_reason : std::uint8_t {
    not_retryable = 0,            // the catalogue (or the category's default) says resending will not help
    server_said_no = 1,           // the x-should-retry header said false
    overridden = 2,               // the policy's override for this category said never
    needs_lower_concurrency = 3,  // retry_hint reduce_concurrency, and the policy cannot lower concurrency
    attempts_exhausted = 4,       // max_attempts reached
    retry_after_too_long = 5,     // the server asked to wait longer than max_retry_after
    budget_exhausted = 6,         // the retry budget is empty
    backoff = 7,                  // retry after full-jitter exponential backoff
    retry_after = 8,              // retry after the server's Retry-After
    refresh_credentials = 9,      // refresh the credentials, then retry (once)
};

// Returns the enumerator's name, e.g. "budget_exhausted".
[[nodiscard]] constexpr std::string_view to_string(retry_reason r) noexcept {
    switch (r) {
        case retry_reason::not_retryable: return "not_retryable";
        case retry_reason::server_said_no: return "server_said_no";
        case retry_reason::overridden: return "overridden";
        case retry_reason::needs_lower_concurrency: return "needs_lower_concurrency";
        case retry_reason::attempts_exhausted: return "attempts_exhausted";
        case retry_reason::retry_after_too_long: return "retry_after_too_long";
        case retry_reason::budget_exhausted: return "budget_exhausted";
        case retry_reason::backoff: return "backoff";
        case retry_reason::retry_after: return "retry_after";
        case retry_reason::refresh_credentials: return "refresh_credentials";
    }
    return "unknown";
}

// retry_decision
//
// advise()'s answer. When `retry` is false, `delay` is zero.
struct retry_decision {
    // whether to send the request again
    bool retry = false;
    std::chrono::milliseconds delay{0};  // wait this long before the next attempt
    // why retry is what it is
    retry_reason reason = retry_reason::not_retryable;
    bool refresh_credentials_first = false;  // refresh the access token / credential before retrying

    // retry
    explicit operator bool() const noexcept { return retry; }
};

namespace detail {

// splitmix64: small, fast, and good enough to spread retries; seeded per thread from a clock and a counter.
[[nodiscard]] inline double default_jitter() noexcept {
    static std::atomic<std::uint64_t> threads{0};
    thread_local std::uint64_t state =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
        ((threads.fetch_add(1, std::memory_order_relaxed) + 1) * 0xD1B54A32D192ED03ULL);
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;  // 53 random bits → [0, 1)
}

// min(cap, base × 2^(attempt − 1)) in milliseconds, without overflow.
[[nodiscard]] inline std::int64_t backoff_window(const retry_policy& p, int attempt) noexcept {
    const std::int64_t cap = p.cap.count() < 0 ? 0 : static_cast<std::int64_t>(p.cap.count());
    std::int64_t w = p.base.count() < 0 ? 0 : static_cast<std::int64_t>(p.base.count());
    if (w > cap) w = cap;
    for (int i = 1; i < attempt && w > 0 && w < cap; ++i) w = w > cap / 2 ? cap : w * 2;
    return w;
}

[[nodiscard]] inline std::chrono::milliseconds jittered(const retry_policy& p, std::int64_t window) noexcept {
    double j = p.jitter ? p.jitter() : default_jitter();
    if (!(j >= 0.0)) j = 0.0;  // also NaN
    if (j > 1.0) j = 1.0;
    // j × window ≤ window, but as a double it may round up past INT64_MAX (window near 2^63): the cast back
    // would be undefined. Anything that rounds to the window or beyond is the window.
    const double x = j * static_cast<double>(window);
    if (x >= static_cast<double>(window)) return std::chrono::milliseconds(window);
    return std::chrono::milliseconds(static_cast<std::int64_t>(x));
}

// a + b for non-negative durations, saturating at milliseconds::max().
[[nodiscard]] constexpr std::chrono::milliseconds saturating_add(std::chrono::milliseconds a,
                                                                 std::chrono::milliseconds b) noexcept {
    constexpr auto top = std::chrono::milliseconds::max();
    return b > top - a ? top : a + b;
}

[[nodiscard]] constexpr retry_decision no_retry(retry_reason why) noexcept {
    return retry_decision{false, std::chrono::milliseconds(0), why, false};
}

// The catalogue's retryability: llm_error::retryable, unless parse() let x-should-retry overwrite it.
[[nodiscard]] constexpr bool catalogue_retryable(const llm_error& err) noexcept {
    if (!err.should_retry.has_value()) return err.retryable;
    return err.entry != nullptr ? err.entry->retryable : is_retryable_by_default(err.category);
}

}  // namespace detail

// Returns whether to retry `err` and how long to wait first. `attempt` is the number of attempts made so
// far, the failed one included (1 after the first failure; values below 1 count as 1). Takes a token
// from policy.budget when it says retry (except for a credential refresh). See the top of this header
// for the rules.
[[nodiscard]] inline retry_decision advise(const llm_error& err, int attempt,
                                           const retry_policy& policy = {}) noexcept {
    if (attempt < 1) attempt = 1;
    const bool refresh = err.retry_hint == retry_hint::refresh_credentials_once && attempt == 1;

    // 1. Worth retrying at all?
    if (const std::optional<bool> forced = policy.override_for(err.category)) {
        if (!*forced) return detail::no_retry(retry_reason::overridden);
    } else if (policy.honour_should_retry && err.should_retry.has_value()) {
        if (!*err.should_retry) return detail::no_retry(retry_reason::server_said_no);
    } else {
        switch (err.retry_hint) {
            case retry_hint::refresh_credentials_once:
                if (!refresh) return detail::no_retry(retry_reason::not_retryable);
                break;
            case retry_hint::wait_for_quota_reset: return detail::no_retry(retry_reason::not_retryable);
            case retry_hint::reduce_concurrency:
                if (!policy.can_reduce_concurrency) return detail::no_retry(retry_reason::needs_lower_concurrency);
                break;
            default: break;
        }
        if (!refresh) {
            switch (err.category) {
                case category::billing:
                case category::quota_exhausted:
                case category::content_filtered: return detail::no_retry(retry_reason::not_retryable);
                default: break;
            }
            if (!detail::catalogue_retryable(err)) return detail::no_retry(retry_reason::not_retryable);
        }
    }

    // 2. Attempts left?
    if (attempt >= policy.max_attempts) return detail::no_retry(retry_reason::attempts_exhausted);

    // 3. How long to wait.
    retry_decision d{true, std::chrono::milliseconds(0), retry_reason::backoff, refresh};
    if (err.retry_after.has_value() && err.retry_after->count() > 0) {
        if (*err.retry_after > policy.max_retry_after) return detail::no_retry(retry_reason::retry_after_too_long);
        d.delay = *err.retry_after;
        d.reason = retry_reason::retry_after;
    } else if (!refresh) {  // no Retry-After, or one of zero or less: backoff
        d.delay = detail::jittered(policy, detail::backoff_window(policy, attempt));
        if (err.retry_hint == retry_hint::slow_ramp_up && policy.ramp_up_delay.count() > 0) {
            d.delay = detail::saturating_add(d.delay, policy.ramp_up_delay);
        }
    }
    if (refresh) d.reason = retry_reason::refresh_credentials;

    // 4. Budget left?
    if (!refresh && policy.budget != nullptr && !policy.budget->try_acquire(err.category)) {
        return detail::no_retry(retry_reason::budget_exhausted);
    }
    return d;
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_RETRY_HPP
