// SPDX-License-Identifier: MIT
// Built with llmerr_use_providers(… qianfan ark dashscope): those rows only; the others' codes undocumented.
#include <llmerr/llmerr.hpp>

#include <cstdio>

int main() {
    const bool ark = llmerr::lookup(llmerr::provider::ark, "InvalidParameter") != nullptr;
    const bool qianfan = llmerr::lookup(llmerr::provider::qianfan, "336501") != nullptr;
    const bool no_deepseek = llmerr::entries(llmerr::provider::deepseek).size() == 0;
    const bool no_openai = !llmerr::is_documented(llmerr::provider::openai, "insufficient_quota");
    const llmerr::llm_error e = llmerr::parse(R"({"error":{"message":"Rate limit reached","type":"rate_limit_error"}})",
                                              429, llmerr::provider::openai);
    const bool classified = e.entry == nullptr && e.retryable;
    std::printf("ark %d qianfan %d no_deepseek %d no_openai %d classified %d\n", ark, qianfan, no_deepseek, no_openai,
                classified);
    return ark && qianfan && no_deepseek && no_openai && classified ? 0 : 1;
}
