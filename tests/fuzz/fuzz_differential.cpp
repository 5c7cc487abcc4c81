// SPDX-License-Identifier: MIT
// Fuzz target: the validating scanner (detail/json_scan.hpp) against nlohmann::json.
//
// Properties: the scanner accepts exactly what nlohmann accepts, at any nesting depth, and on what it
// accepts, nlohmann's DOM holds exactly the fields the scanner extracted (json_oracle.hpp walks the DOM).
// The keys-only scan find_error uses accepts everything the full scan accepts, extracts the same values of
// the fields is_error_envelope() reads, and reaches the same verdict. Input: the JSON text; and, when its
// first byte is one of "[{" followed by a digit d in 1-9 and a byte, the rest nested 2^(5+d) times
// (64 … 16384 levels deep, past the scanner's in-place container bits), here inside `[`, there inside
// `{"k":`, there inside a top-level object's member — deep shapes the 4 KiB inputs cannot spell out.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstdio>       // std::fprintf
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <nlohmann/json.hpp>

#include <llmerr/parse.hpp>

#include "fuzz_util.hpp"
#include "json_oracle.hpp"

namespace {

using llmerr::detail::envelope_fields;
using llmerr::detail::scan_status;
using oracle::same;

// The keys-only scan need not decode what is_error_envelope() does not read; what it reads must be equal.
bool same_verdict_fields(const envelope_fields& keys, const envelope_fields& full) {
    bool ok = keys.top_is_object == full.top_is_object && same(keys.code, full.code) &&
              same(keys.error_code, full.error_code) && same(keys.error, full.error) &&
              keys.error_is_object == full.error_is_object && keys.success_marker == full.success_marker &&
              keys.message.k == full.message.k && keys.msg.k == full.msg.k &&
              same(keys.output_task_status, full.output_task_status);
    if (!ok) std::fprintf(stderr, "keys-only vs full scan: a field is_error_envelope reads differs\n");
    return ok;
}

void check(std::string_view input) {
    const auto scanned = llmerr::detail::scan_json(input);
    const auto keys = llmerr::detail::scan_json(input, /*keys_only=*/true);
    const auto dom = nlohmann::json::parse(input.begin(), input.end(), nullptr, /*allow_exceptions=*/false);

    LLMERR_FUZZ_CHECK(scanned.consumed <= input.size() && keys.consumed <= input.size());
    if (scanned.status == scan_status::syntax_error) {
        LLMERR_FUZZ_CHECK(dom.is_discarded());
        return;
    }
    LLMERR_FUZZ_CHECK(!dom.is_discarded());
    LLMERR_FUZZ_CHECK(oracle::same_fields(scanned.fields, oracle::fields_from_json(dom), "scanner vs nlohmann"));
    LLMERR_FUZZ_CHECK(keys.status == scan_status::ok);
    LLMERR_FUZZ_CHECK(same_verdict_fields(keys.fields, scanned.fields));
    LLMERR_FUZZ_CHECK(llmerr::detail::is_error_envelope(keys.fields) ==
                      llmerr::detail::is_error_envelope(scanned.fields));
}

// The rest of the input nested `levels` deep in a shape chosen by `how`.
std::string nest(std::string_view rest, std::size_t levels, char how) {
    std::string open, close;
    switch (how % 3) {
        case 0:
            open = "[";
            close = "]";
            break;
        case 1:
            open = "{\"k\":";
            close = "}";
            break;
        default:
            open = "{\"a\":[{\"b\":";
            close = "}]}";
            break;
    }
    std::string out;
    out.reserve(levels * (open.size() + close.size()) + rest.size() + 32);
    if (how % 2 == 0) out += R"({"error_code":110,"error_msg":"x","x":)";  // deep beside read fields
    for (std::size_t i = 0; i < levels; ++i) out += open;
    out += rest;
    for (std::size_t i = 0; i < levels; ++i) out += close;
    if (how % 2 == 0) out += '}';
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);  // NOLINT
    check(input);
    if (size >= 3 && (input[0] == '[' || input[0] == '{') && input[1] >= '1' && input[1] <= '9') {
        const std::size_t levels = std::size_t{1} << (5 + (input[1] - '0'));  // 64 … 16384
        check(nest(input.substr(3), levels, input[2]));
    }
    return 0;
}
