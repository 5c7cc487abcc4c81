// SPDX-License-Identifier: MIT
// llmerr fuzzing — invariants every llm_error must satisfy, whatever the input.
#ifndef LLMERR_FUZZ_CHECKS_HPP
#define LLMERR_FUZZ_CHECKS_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include <llmerr/parse.hpp>

#include "fuzz_util.hpp"

namespace llmerr_fuzz {

inline bool in_catalogue(const llmerr::catalog_entry* e) noexcept {
    const llmerr::entry_range all = llmerr::entries();
    for (const llmerr::catalog_entry& row : all) {
        if (&row == e) return true;
    }
    return false;
}

// `status` and `hint` are what parse() was given; `with_headers` whether headers were passed.
inline void check_well_formed(const llmerr::llm_error& e, int status, llmerr::provider hint, bool with_headers) {
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.category) < llmerr::category_count);
    LLMERR_FUZZ_CHECK(e.retry_hint <= llmerr::retry_hint::fix_clock);
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.envelope) < llmerr::envelope_count);
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.evidence) < llmerr::evidence_count);
    if (hint != llmerr::provider::unknown) {
        LLMERR_FUZZ_CHECK(e.provider == hint);
    } else {
        LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.provider) < llmerr::detail::provider_count);
    }
    LLMERR_FUZZ_CHECK(e.message.size() <= llmerr::max_message_bytes);
    LLMERR_FUZZ_CHECK(e.code.size() <= llmerr::max_field_bytes);
    LLMERR_FUZZ_CHECK(e.request_id.size() <= llmerr::max_field_bytes);
    LLMERR_FUZZ_CHECK(e.type.size() <= llmerr::max_field_bytes);
    LLMERR_FUZZ_CHECK(e.param.size() <= llmerr::max_field_bytes);
    // The verdict follows the row, unless weaker evidence overruled it (words more specific than a catch-all
    // code, a status class a family contradicted): then it is the category's default.
    const bool overruled = e.evidence == llmerr::evidence::message_words || e.evidence == llmerr::evidence::http_status;
    if (e.entry != nullptr) {
        LLMERR_FUZZ_CHECK(in_catalogue(e.entry));
        LLMERR_FUZZ_CHECK(overruled || e.category == e.entry->category);
        LLMERR_FUZZ_CHECK(e.retry_hint == (overruled ? llmerr::retry_hint::none : e.entry->retry_hint));
        LLMERR_FUZZ_CHECK(e.api == e.entry->api);
        if (hint != llmerr::provider::unknown) LLMERR_FUZZ_CHECK(e.entry->provider == hint);
    } else {
        LLMERR_FUZZ_CHECK(e.retry_hint == llmerr::retry_hint::none);
        LLMERR_FUZZ_CHECK(e.api.empty() || e.api == "v1" || e.api == "v2" || e.api == "iam");
    }
    if (e.should_retry.has_value()) {
        LLMERR_FUZZ_CHECK(with_headers);
        LLMERR_FUZZ_CHECK(e.retryable == *e.should_retry);
    } else if (llmerr::detail::ifind(std::string_view(e.message).substr(0, llmerr::detail::match_window),
                                     "succeed if retried", 0) ==
               std::string_view::npos) {  // (the provider's own word that a retry may pass outweighs the rest)
        LLMERR_FUZZ_CHECK(
            e.retryable ==
            (e.entry != nullptr && !overruled ? e.entry->retryable : llmerr::is_retryable_by_default(e.category)));
    }
    if (e.retry_after.has_value()) {
        LLMERR_FUZZ_CHECK(with_headers);
        LLMERR_FUZZ_CHECK(e.retry_after->count() >= 0);
        LLMERR_FUZZ_CHECK(e.retry_after->count() <= llmerr::detail::max_retry_after_ms);
    }
    if (!e.from_stream) {
        if (status != 0) {
            LLMERR_FUZZ_CHECK(e.http_status == status);
        } else {
            // Unknown: the status a rendering wrote ("<400> …", "Error code: 429 - …"), else the documented one.
            if (e.status_from_catalog) {
                LLMERR_FUZZ_CHECK(e.entry != nullptr && e.http_status == e.entry->http_status && e.http_status != 0);
            } else {
                LLMERR_FUZZ_CHECK(e.http_status == 0 || (e.http_status >= 100 && e.http_status <= 599));
            }
        }
    }
}

// Two results of the same input (retry_after aside: an HTTP-date is relative to the clock).
inline bool same_result(const llmerr::llm_error& a, const llmerr::llm_error& b) {
    return a.provider == b.provider && a.http_status == b.http_status && a.code == b.code && a.message == b.message &&
           a.request_id == b.request_id && a.category == b.category && a.retryable == b.retryable &&
           a.entry == b.entry && a.type == b.type && a.param == b.param && a.api == b.api &&
           a.retry_hint == b.retry_hint && a.should_retry == b.should_retry && a.envelope == b.envelope &&
           a.from_stream == b.from_stream && a.truncated == b.truncated && a.salvaged == b.salvaged;
}

inline bool is_2xx_or_unknown(int status) noexcept { return status == 0 || (status >= 200 && status <= 299); }

}  // namespace llmerr_fuzz

#endif  // LLMERR_FUZZ_CHECKS_HPP
