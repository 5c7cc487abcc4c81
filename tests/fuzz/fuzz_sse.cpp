// SPDX-License-Identifier: MIT
// Fuzz target: llmerr::detail::find_sse_error, the server-sent-events reader.
//
// Input: the body (whole SSE frames or a chunk of them).
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

#include <llmerr/parse.hpp>

#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);  // NOLINT
    (void)llmerr::detail::looks_like_sse(body);
    const llmerr::detail::sse_error ev = llmerr::detail::find_sse_error(body);
    LLMERR_FUZZ_CHECK(ev.status == 0 || (ev.status >= 100 && ev.status <= 599));
    LLMERR_FUZZ_CHECK(ev.data.size() <= body.size());
    LLMERR_FUZZ_CHECK(ev.event.size() <= body.size());
    if (ev.found) {
        // Found means: an `error` event, or data that reads as an error envelope.
        LLMERR_FUZZ_CHECK(llmerr::detail::iequals(ev.event, "error") ||
                          llmerr::detail::is_error_envelope(llmerr::detail::scan_json(ev.data, true).fields));
    } else {
        LLMERR_FUZZ_CHECK(ev.data.empty() && ev.event.empty() && ev.status == 0);
    }
    return 0;
}
