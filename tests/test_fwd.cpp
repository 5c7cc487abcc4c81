// SPDX-License-Identifier: MIT
// What an SDK header may do with <llmerr/fwd.hpp> alone: declare functions taking llmerr's types. This TU
// includes nothing else (built with only include/ on the path) and must compile; test_fwd_main.cpp
// defines and calls these with the real types, so declarations that drifted from them fail to link.
#include <llmerr/fwd.hpp>

void sdk_report(const llmerr::llm_error& e);
void sdk_on(llmerr::provider p, llmerr::category c, llmerr::retry_hint h);
const llmerr::catalog_entry* sdk_entry(const llmerr::llm_error& e);
void sdk_retry(const llmerr::retry_policy& policy, llmerr::retry_budget& budget, const llmerr::api_error* thrown);

// Passing them on needs no definition either.
void sdk_forward(const llmerr::llm_error& e) { sdk_report(e); }
