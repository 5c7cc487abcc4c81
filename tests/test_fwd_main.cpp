// SPDX-License-Identifier: MIT
// The other half of test_fwd.cpp: <llmerr/fwd.hpp> together with the defining headers (a redeclaration that
// disagrees with a definition — another underlying type, struct vs class, another namespace — does not
// compile), and the definitions of the functions test_fwd.cpp declares (wrong types there: a link error).
#include <llmerr/fwd.hpp>

#include <llmerr/exception.hpp>
#include <llmerr/llmerr.hpp>

void sdk_report(const llmerr::llm_error& e);
void sdk_forward(const llmerr::llm_error& e);

namespace {
int reported = 0;
}

void sdk_report(const llmerr::llm_error& e) { reported += e.provider == llmerr::provider::dashscope ? 1 : 100; }
void sdk_on(llmerr::provider, llmerr::category, llmerr::retry_hint) {}
const llmerr::catalog_entry* sdk_entry(const llmerr::llm_error& e) { return e.entry; }
void sdk_retry(const llmerr::retry_policy&, llmerr::retry_budget&, const llmerr::api_error*) {}

int main() {
    const auto err =
        llmerr::find_error(429, R"({"code":"Throttling.RateQuota","message":"Requests rate limit exceeded"})");
    if (!err) return 1;
    sdk_forward(*err);
    return reported == 1 && sdk_entry(*err) != nullptr ? 0 : 2;
}
