// SPDX-License-Identifier: MIT
// check_same_error(a, b): every field of two llm_errors, one CHECK each (so a failure names the field).
#ifndef LLMERR_TESTS_SAME_ERROR_HPP
#define LLMERR_TESTS_SAME_ERROR_HPP

#include <llmerr/error.hpp>

#include "catch.hpp"

inline void check_same_error(const llmerr::llm_error& a, const llmerr::llm_error& b) {
    CHECK(a.provider == b.provider);
    CHECK(a.http_status == b.http_status);
    CHECK(a.code == b.code);
    CHECK(a.upstream_code == b.upstream_code);
    CHECK(a.message == b.message);
    CHECK(a.request_id == b.request_id);
    CHECK(a.category == b.category);
    CHECK(a.retryable == b.retryable);
    CHECK(a.retry_after == b.retry_after);
    CHECK(a.entry == b.entry);
    CHECK(a.type == b.type);
    CHECK(a.param == b.param);
    CHECK(a.api == b.api);
    CHECK(a.retry_hint == b.retry_hint);
    CHECK(a.should_retry == b.should_retry);
    CHECK(a.envelope == b.envelope);
    CHECK(a.evidence == b.evidence);
    CHECK(a.from_stream == b.from_stream);
    CHECK(a.truncated == b.truncated);
    CHECK(a.salvaged == b.salvaged);
    CHECK(a.status_from_catalog == b.status_from_catalog);
}

#endif  // LLMERR_TESTS_SAME_ERROR_HPP
