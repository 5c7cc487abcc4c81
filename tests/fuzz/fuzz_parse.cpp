// SPDX-License-Identifier: MIT
// Fuzz target: llmerr::parse and llmerr::find_error on a whole response (status, hint, body, headers).
//
// Input: 2 bytes status, 1 byte provider hint, then `body 0x1E name 0x1F value 0x1E …` (see fuzz_util.hpp).
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include <llmerr/parse.hpp>

#include "fuzz_checks.hpp"
#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    const int status = in.status();
    const llmerr::provider hint = in.provider();
    const llmerr_fuzz::response r = llmerr_fuzz::split_response(in.rest());

    const llmerr::llm_error plain = llmerr::parse(r.body, status, hint);
    llmerr_fuzz::check_well_formed(plain, status, hint, false);

    // No headers at all and an empty header list read the same.
    const std::vector<std::pair<std::string, std::string>> none;
    LLMERR_FUZZ_CHECK(llmerr_fuzz::same_result(plain, llmerr::parse(r.body, status, none, hint)));

    const auto found = llmerr::find_error(status, r.body, hint);
    if (!llmerr_fuzz::is_2xx_or_unknown(status)) LLMERR_FUZZ_CHECK(found.has_value());
    if (found) LLMERR_FUZZ_CHECK(llmerr_fuzz::same_result(plain, *found));

    if (!r.headers.empty()) {
        const llmerr::llm_error with = llmerr::parse(r.body, status, r.headers, hint);
        llmerr_fuzz::check_well_formed(with, status, hint, true);
        const auto found_with = llmerr::find_error(status, r.body, r.headers, hint);
        LLMERR_FUZZ_CHECK(found_with.has_value() == found.has_value());  // headers never decide error-or-not
        if (found_with) LLMERR_FUZZ_CHECK(llmerr_fuzz::same_result(with, *found_with));
    }
    return 0;
}
