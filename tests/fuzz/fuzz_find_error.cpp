// SPDX-License-Identifier: MIT
// Fuzz target: llmerr::find_error, the check a gateway runs on every response, success bodies included.
//
// Input: 2 bytes status, then the body.
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include <llmerr/parse.hpp>

#include "fuzz_checks.hpp"
#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    const int status = in.status();
    const std::string_view body = in.rest();

    const auto found = llmerr::find_error(status, body);
    if (!llmerr_fuzz::is_2xx_or_unknown(status)) LLMERR_FUZZ_CHECK(found.has_value());
    if (found) llmerr_fuzz::check_well_formed(*found, status, llmerr::provider::unknown, false);

    // The fast success check (top-level keys only) agrees with a full scan on what it can see: a complete,
    // valid JSON object that is an error envelope is always reported.
    if (status >= 200 && status <= 299 && !found) {
        const std::string_view t = llmerr::detail::trim_body(body);
        const auto full = llmerr::detail::scan_json(t);
        if (full.status == llmerr::detail::scan_status::ok && !t.empty() && t.front() == '{') {
            LLMERR_FUZZ_CHECK(!llmerr::detail::is_error_envelope(full.fields));
        }
    }
    return 0;
}
