// SPDX-License-Identifier: MIT
// llmerr — the canonical error categories and retry hints.
//
// A category says what the caller must do, not what the HTTP status says: a Qianfan error that arrives
// with HTTP 200 and an Ark quota exhaustion that arrives with HTTP 429 both get the category they mean.
//
//   static_assert(llmerr::is_retryable_by_default(llmerr::category::rate_limited));
//   static_assert(!llmerr::is_retryable_by_default(llmerr::category::quota_exhausted));
#ifndef LLMERR_CATEGORY_HPP
#define LLMERR_CATEGORY_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>

LLMERR_BEGIN_NAMESPACE

// category
//
// Values may be added in later versions: switch with a `default:`.
enum class category : std::uint8_t {
    unknown = 0,                  // not classified: no code, status or word said what happened
    invalid_request = 1,          // the request is malformed or a parameter is wrong; fix it
    authentication = 2,           // the API key, token or signature is missing, wrong or expired
    permission_denied = 3,        // authenticated, but not allowed (model not activated, no whitelist, …)
    billing = 4,                  // the account is in arrears or the product is not purchased; pay first
    quota_exhausted = 5,          // a quota is used up (free trial, plan window); not a rate limit
    rate_limited = 6,             // too many requests or tokens per unit of time; slow down and retry
    content_filtered = 7,         // moderation blocked the input or the output; change the content
    context_length_exceeded = 8,  // the prompt is longer than the model accepts; shorten it
    payload_too_large = 9,        // the request body or an attached file is too large
    unsupported = 10,             // the model or endpoint does not support this feature or mode
    not_found = 11,               // the model, endpoint or resource does not exist
    conflict = 12,                // the resource exists already or is in a conflicting state
    timeout = 13,                 // the provider or the gateway gave up waiting
    cancelled = 14,               // the request was cancelled (usually by the client)
    overloaded = 15,              // the provider lacks capacity right now; back off and retry
    model_loading = 16,           // the model is being loaded; retry shortly
    server_error = 17,            // the provider failed internally; retry with backoff
};

// The number of categories (values 0 to category_count - 1).
inline constexpr std::size_t category_count = 18;

// retry_hint
//
// What the documentation says beyond "retry or not". Values may be added in later versions.
enum class retry_hint : std::uint8_t {
    none = 0,                      // nothing beyond the category's retryability
    backoff = 1,                   // retry with exponential backoff ("please retry later")
    slow_ramp_up = 2,              // burst protection: retry, then grow traffic gradually
    refresh_credentials_once = 3,  // refresh the access token or credential, then retry once
    wait_for_quota_reset = 4,      // the quota window resets later; an automatic retry soon will not help
    wait_for_resource_state = 5,   // retry once the resource leaves its current state
    reduce_concurrency = 6,        // retry only with fewer requests in flight
    use_streaming = 7,             // the request keeps failing unless sent as a streaming call
    fix_clock = 8,                 // the signature timestamp is off: sync the clock, then retry
};

// Returns the enumerator's name, e.g. "rate_limited".
[[nodiscard]] constexpr std::string_view to_string(category c) noexcept {
    switch (c) {
        case category::invalid_request: return "invalid_request";
        case category::authentication: return "authentication";
        case category::permission_denied: return "permission_denied";
        case category::billing: return "billing";
        case category::quota_exhausted: return "quota_exhausted";
        case category::rate_limited: return "rate_limited";
        case category::content_filtered: return "content_filtered";
        case category::context_length_exceeded: return "context_length_exceeded";
        case category::payload_too_large: return "payload_too_large";
        case category::unsupported: return "unsupported";
        case category::not_found: return "not_found";
        case category::conflict: return "conflict";
        case category::timeout: return "timeout";
        case category::cancelled: return "cancelled";
        case category::overloaded: return "overloaded";
        case category::model_loading: return "model_loading";
        case category::server_error: return "server_error";
        case category::unknown: break;
    }
    return "unknown";
}

// Returns the enumerator's name, e.g. "refresh_credentials_once".
[[nodiscard]] constexpr std::string_view to_string(retry_hint h) noexcept {
    switch (h) {
        case retry_hint::backoff: return "backoff";
        case retry_hint::slow_ramp_up: return "slow_ramp_up";
        case retry_hint::refresh_credentials_once: return "refresh_credentials_once";
        case retry_hint::wait_for_quota_reset: return "wait_for_quota_reset";
        case retry_hint::wait_for_resource_state: return "wait_for_resource_state";
        case retry_hint::reduce_concurrency: return "reduce_concurrency";
        case retry_hint::use_streaming: return "use_streaming";
        case retry_hint::fix_clock: return "fix_clock";
        case retry_hint::none: break;
    }
    return "none";
}

// Returns the category named exactly `name`, or std::nullopt.
[[nodiscard]] constexpr std::optional<category> category_from_string(std::string_view name) noexcept {
    for (std::uint8_t i = 0; i < category_count; ++i) {
        if (to_string(static_cast<category>(i)) == name) return static_cast<category>(i);
    }
    return std::nullopt;
}

// Returns the retry hint named exactly `name`, or std::nullopt.
[[nodiscard]] constexpr std::optional<retry_hint> retry_hint_from_string(std::string_view name) noexcept {
    for (std::uint8_t i = 0; i <= static_cast<std::uint8_t>(retry_hint::fix_clock); ++i) {
        if (to_string(static_cast<retry_hint>(i)) == name) return static_cast<retry_hint>(i);
    }
    return std::nullopt;
}

// Whether an error of this category is worth sending again unchanged, absent more specific knowledge.
[[nodiscard]] constexpr bool is_retryable_by_default(category c) noexcept {
    switch (c) {
        case category::rate_limited:
        case category::overloaded:
        case category::model_loading:
        case category::timeout:
        case category::server_error: return true;
        default: return false;
    }
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_CATEGORY_HPP
