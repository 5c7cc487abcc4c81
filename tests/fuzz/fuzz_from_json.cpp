// SPDX-License-Identifier: MIT
// Fuzz target: from_json(llm_error) on any JSON text. Either it throws nlohmann::json::exception (a
// malformed document) or it yields a well-formed llm_error that survives to_json → from_json unchanged.
// Out-of-range numbers (1e300 as retry_after_ms) must throw, not convert with undefined behaviour.
//
// Input: JSON text.
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include <nlohmann/json.hpp>

#include <llmerr/format.hpp>
#include <llmerr/json.hpp>

#include "fuzz_checks.hpp"
#include "fuzz_util.hpp"

namespace {

bool static_api(std::string_view api) {
    if (api.empty() || api == "v1" || api == "v2" || api == "iam") return true;
    for (const llmerr::catalog_entry& e : llmerr::entries()) {
        if (e.api.data() == api.data() && e.api.size() == api.size()) return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0;
    llmerr::llm_error e;
    try {
        e = j.get<llmerr::llm_error>();
    } catch (const nlohmann::json::exception&) {
        return 0;  // type_error / out_of_range: rejected, as documented
    }
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.category) < llmerr::category_count);
    LLMERR_FUZZ_CHECK(e.retry_hint <= llmerr::retry_hint::fix_clock);
    LLMERR_FUZZ_CHECK(e.envelope <= llmerr::envelope::rendering);
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.evidence) < llmerr::evidence_count);
    LLMERR_FUZZ_CHECK(static_cast<std::size_t>(e.provider) < llmerr::detail::provider_count);
    LLMERR_FUZZ_CHECK(e.entry == nullptr || llmerr_fuzz::in_catalogue(e.entry));
    LLMERR_FUZZ_CHECK(static_api(e.api));
    if (e.retry_after) LLMERR_FUZZ_CHECK(e.retry_after->count() >= 0);
    const auto status = j.find("http_status");
    if (status != j.end() && status->is_number()) LLMERR_FUZZ_CHECK(status->get<double>() == e.http_status);

    const nlohmann::json back = e;
    const auto again = back.get<llmerr::llm_error>();
    LLMERR_FUZZ_CHECK(llmerr_fuzz::same_result(e, again));
    LLMERR_FUZZ_CHECK(again.retry_after == e.retry_after);
    LLMERR_FUZZ_CHECK(again.evidence == e.evidence);
    LLMERR_FUZZ_CHECK(nlohmann::json(again) == back);
    LLMERR_FUZZ_CHECK(!llmerr::to_string(e).empty());
    return 0;
}
