// SPDX-License-Identifier: MIT
// A tiny consumer: links llmerr::llmerr and uses the catalogue and the parser. Exits 0 when both work.
#include <llmerr/llmerr.hpp>

#include <cstdio>

int main() {
    static_assert(llmerr::is_documented(llmerr::provider::ark, "AuthenticationError"));
    const auto e = llmerr::parse(R"({"error_code":18,"error_msg":"Open api qps request limit reached"})", 200);
    const bool ok = e.provider == llmerr::provider::qianfan && e.category == llmerr::category::rate_limited &&
                    e.retryable && LLMERR_VERSION_MAJOR >= 0;
    std::printf("llmerr %s consumer: %s\n", LLMERR_VERSION_STRING, ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
