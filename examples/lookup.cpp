// SPDX-License-Identifier: MIT
// The catalogue alone: constexpr, allocation-free, no JSON. What does a code mean, and is it worth a retry?
#include <llmerr/catalog.hpp>

#include <cstdio>

// Checked by the compiler: Ark's QuotaExceeded means three things, told apart by the message.
constexpr auto* queued = llmerr::lookup(llmerr::provider::ark, "QuotaExceeded", "The request has exceeded the quota.");
static_assert(queued->category == llmerr::category::rate_limited && queued->retryable);

int main() {
    const auto* e = llmerr::lookup(llmerr::provider::qianfan, "336501");  // Qianfan sends this with HTTP 200
    std::printf("%.*s: %s, %s (%.*s)\n", static_cast<int>(e->code.size()), e->code.data(),
                llmerr::to_string(e->category).data(), e->retryable ? "retry later" : "do not retry",
                static_cast<int>(e->description.size()), e->description.data());
    for (const auto& v : llmerr::variants(*llmerr::lookup(llmerr::provider::dashscope, "Throttling.AllocationQuota"))) {
        std::printf("  %3d %-24s %.*s\n", v.http_status, llmerr::to_string(v.category).data(),
                    static_cast<int>(v.match.size()), v.match.data());
    }
    return 0;
}
