// SPDX-License-Identifier: MIT
// Fuzz target: to_string / operator<< (and std::format where available) of any llm_error, including enum
// values outside their enumerations and strings of any bytes, and of any catalogue entry. The line must be
// one line of printable text: no raw control byte, whatever the fields hold.
//
// Input: 2 bytes status, enum and flag bytes, then `code 0x1E message 0x1E request_id 0x1E type 0x1E param`.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <sstream>      // std::ostringstream
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <llmerr/format.hpp>

#include "fuzz_util.hpp"

namespace {

void check_one_line(std::string_view s) {
    LLMERR_FUZZ_CHECK(!s.empty());
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        LLMERR_FUZZ_CHECK(u >= 0x20 && u != 0x7F);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    llmerr::llm_error e;
    e.http_status = in.status();
    e.provider = static_cast<llmerr::provider>(in.byte());
    e.category = static_cast<llmerr::category>(in.byte());
    e.retry_hint = static_cast<llmerr::retry_hint>(in.byte());
    e.evidence = static_cast<llmerr::evidence>(in.byte());
    e.envelope = static_cast<llmerr::envelope>(in.byte());
    const std::uint8_t flags = in.byte();
    e.retryable = (flags & 1) != 0;
    e.from_stream = (flags & 2) != 0;
    e.salvaged = (flags & 4) != 0;
    e.truncated = (flags & 8) != 0;
    if ((flags & 16) != 0) e.retry_after = std::chrono::milliseconds((flags & 32) != 0 ? -1 : 7000);
    if ((flags & 64) != 0) e.should_retry = (flags & 128) != 0;
    const std::vector<std::string_view> parts = llmerr_fuzz::split(in.rest(), llmerr_fuzz::record_sep, 5);
    if (!parts.empty()) e.code = std::string(parts[0]);
    if (parts.size() > 1) e.message = std::string(parts[1]);
    if (parts.size() > 2) e.request_id = std::string(parts[2]);
    if (parts.size() > 3) e.type = std::string(parts[3]);
    if (parts.size() > 4) e.param = std::string(parts[4]);
    const llmerr::entry_range all = llmerr::entries();
    if (!e.code.empty()) {
        const llmerr::catalog_entry& row = all[static_cast<unsigned char>(e.code[0]) % all.size()];
        e.entry = &row;
        if ((flags & 1) != 0) e.api = row.api;
        check_one_line(llmerr::to_string(row));
    }

    const std::string line = llmerr::to_string(e);
    check_one_line(line);
    std::ostringstream os;
    os << e;
    LLMERR_FUZZ_CHECK(os.str() == line);
#if LLMERR_HAS_STD_FORMAT
    LLMERR_FUZZ_CHECK(std::format("{}", e) == line);
#endif
    return 0;
}
