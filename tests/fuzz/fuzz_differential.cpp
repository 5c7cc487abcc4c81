// SPDX-License-Identifier: MIT
// Fuzz target: the validating scanner (detail/json_scan.hpp) against nlohmann::json.
//
// Properties: whatever the scanner rejects, nlohmann rejects; whatever it accepts, nlohmann accepts and its
// DOM holds exactly the fields the scanner extracted (detail::fields_from_json, the nlohmann fallback, is the
// reference). The keys-only scan find_error uses accepts everything the full scan accepts, extracts the same
// values of the fields is_error_envelope() reads, and reaches the same verdict. Input: the JSON text.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstdio>       // std::fprintf
#include <string_view>  // std::string_view

#include <nlohmann/json.hpp>

#include <llmerr/parse.hpp>

#include "fuzz_util.hpp"

namespace {

using llmerr::detail::envelope_fields;
using llmerr::detail::json_field;
using llmerr::detail::scan_status;

bool same(const json_field& a, const json_field& b) { return a.k == b.k && a.text == b.text; }

// Every field, named in the report when one differs.
bool same_fields(const envelope_fields& a, const envelope_fields& b, const char* what) {
    struct named {
        const char* name;
        bool equal;
    };
    const named checks[] = {
        {"top_is_object", a.top_is_object == b.top_is_object},
        {"code", same(a.code, b.code)},
        {"message", same(a.message, b.message)},
        {"msg", same(a.msg, b.msg)},
        {"error_code", same(a.error_code, b.error_code)},
        {"error_msg", same(a.error_msg, b.error_msg)},
        {"request_id", same(a.request_id, b.request_id)},
        {"request_id_camel", same(a.request_id_camel, b.request_id_camel)},
        {"id", same(a.id, b.id)},
        {"status", same(a.status, b.status)},
        {"error", same(a.error, b.error)},
        {"error_is_object", a.error_is_object == b.error_is_object},
        {"error_code_field", same(a.error_code_field, b.error_code_field)},
        {"error_message", same(a.error_message, b.error_message)},
        {"error_type", same(a.error_type, b.error_type)},
        {"error_param", same(a.error_param, b.error_param)},
        {"success_marker", a.success_marker == b.success_marker},
    };
    bool ok = true;
    for (const named& c : checks) {
        if (!c.equal) {
            std::fprintf(stderr, "%s: field %s differs\n", what, c.name);
            ok = false;
        }
    }
    return ok;
}

// The keys-only scan need not decode what is_error_envelope() does not read; what it reads must be equal.
bool same_verdict_fields(const envelope_fields& keys, const envelope_fields& full) {
    bool ok = keys.top_is_object == full.top_is_object && same(keys.code, full.code) &&
              same(keys.error_code, full.error_code) && same(keys.error, full.error) &&
              keys.error_is_object == full.error_is_object && keys.success_marker == full.success_marker &&
              keys.message.k == full.message.k && keys.msg.k == full.msg.k;
    if (!ok) std::fprintf(stderr, "keys-only vs full scan: a field is_error_envelope reads differs\n");
    return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);  // NOLINT
    const auto scanned = llmerr::detail::scan_json(input);
    const auto keys = llmerr::detail::scan_json(input, /*keys_only=*/true);
    const auto dom = nlohmann::json::parse(input.begin(), input.end(), nullptr, /*allow_exceptions=*/false);

    LLMERR_FUZZ_CHECK(scanned.consumed <= input.size() && keys.consumed <= input.size());
    if (scanned.status == scan_status::syntax_error) {
        LLMERR_FUZZ_CHECK(dom.is_discarded());
        return 0;
    }
    if (scanned.status == scan_status::too_deep) {
        // Valid so far: nothing to compare (parse() asks nlohmann). The keys-only scan sees the same nesting.
        LLMERR_FUZZ_CHECK(keys.status == scan_status::too_deep);
        return 0;
    }
    LLMERR_FUZZ_CHECK(!dom.is_discarded());
    LLMERR_FUZZ_CHECK(same_fields(scanned.fields, llmerr::detail::fields_from_json(dom), "scanner vs nlohmann"));
    LLMERR_FUZZ_CHECK(keys.status == scan_status::ok);
    LLMERR_FUZZ_CHECK(same_verdict_fields(keys.fields, scanned.fields));
    LLMERR_FUZZ_CHECK(llmerr::detail::is_error_envelope(keys.fields) ==
                      llmerr::detail::is_error_envelope(scanned.fields));
    return 0;
}
