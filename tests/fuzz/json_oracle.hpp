// SPDX-License-Identifier: MIT
// Test helper: the envelope fields read from nlohmann's DOM — the reference the scanner
// (detail/json_scan.hpp) is checked against, by the differential fuzz target and the tests. Written
// independently of the scanner: a plain walk of the DOM, by the field list of envelope_fields.
#ifndef LLMERR_TESTS_JSON_ORACLE_HPP
#define LLMERR_TESTS_JSON_ORACLE_HPP

#include <cstdint>  // std::int64_t, std::uint64_t
#include <cstdio>   // std::fprintf
#include <string>   // std::string, std::to_string

#include <nlohmann/json.hpp>

#include <llmerr/detail/json_scan.hpp>

namespace oracle {

using llmerr::detail::envelope_fields;
using llmerr::detail::json_field;

// One value as the scanner extracts it: strings (their first max_decoded_bytes bytes), 64-bit integers as
// digits, anything else as `other`.
inline json_field field_from_json(const nlohmann::json& v) {
    json_field f;
    if (v.is_string()) {
        f.k = json_field::kind::string;
        f.text = v.get_ref<const std::string&>().substr(0, llmerr::detail::max_decoded_bytes);
    } else if (v.is_number_unsigned()) {
        f.k = json_field::kind::integer;
        f.text = std::to_string(v.get<std::uint64_t>());
    } else if (v.is_number_integer()) {
        f.k = json_field::kind::integer;
        f.text = std::to_string(v.get<std::int64_t>());
    } else {
        f.k = json_field::kind::other;
    }
    return f;
}

inline envelope_fields fields_from_json(const nlohmann::json& j) {
    envelope_fields f;
    f.top = field_from_json(j);
    if (!j.is_object()) return f;
    f.top_is_object = true;
    for (const auto& [key, value] : j.items()) {
        if (key == "code") f.code = field_from_json(value);
        else if (key == "message") f.message = field_from_json(value);
        else if (key == "msg") f.msg = field_from_json(value);
        else if (key == "error_code") f.error_code = field_from_json(value);
        else if (key == "error_msg") f.error_msg = field_from_json(value);
        else if (key == "request_id") f.request_id = field_from_json(value);
        else if (key == "requestId") f.request_id_camel = field_from_json(value);
        else if (key == "id") f.id = field_from_json(value);
        else if (key == "status") f.status = field_from_json(value);
        else if (key == "type") f.type = field_from_json(value);
        else if (key == "error_description") f.error_description = field_from_json(value);
        else if (key == "choices" || key == "result" || key == "data" || key == "object") f.success_marker = true;
        else if (key == "output") {
            f.success_marker = true;
            if (value.is_object()) {
                for (const auto& [k, v] : value.items()) {
                    if (k == "task_status") f.output_task_status = field_from_json(v);
                    else if (k == "code") f.output_code = field_from_json(v);
                    else if (k == "message") f.output_message = field_from_json(v);
                }
            }
        } else if (key == "base_resp") {
            if (value.is_object()) {
                for (const auto& [k, v] : value.items()) {
                    if (k == "status_code") f.base_status_code = field_from_json(v);
                    else if (k == "status_msg") f.base_status_msg = field_from_json(v);
                }
            }
        } else if (key == "header") {
            if (value.is_object()) {
                for (const auto& [k, v] : value.items()) {
                    if (k == "code") f.header_code = field_from_json(v);
                    else if (k == "message") f.header_message = field_from_json(v);
                    else if (k == "sid") f.header_sid = field_from_json(v);
                }
            }
        } else if (key == "ErrorMsg") {
            f.errmsg_code = json_field{};
            f.errmsg_msg = json_field{};
            if (value.is_object()) {
                for (const auto& [k, v] : value.items()) {
                    if (k == "Code") f.errmsg_code = field_from_json(v);
                    else if (k == "Msg") f.errmsg_msg = field_from_json(v);
                }
            }
        } else if (key == "Response") {
            if (value.is_object()) {
                for (const auto& [k, v] : value.items()) {
                    if (k == "RequestId") {
                        f.response_request_id = field_from_json(v);
                    } else if (k == "Error") {
                        f.response_error_is_object = v.is_object();
                        f.response_error_code = json_field{};
                        f.response_error_message = json_field{};
                        if (v.is_object()) {
                            for (const auto& [ek, ev] : v.items()) {
                                if (ek == "Code") f.response_error_code = field_from_json(ev);
                                else if (ek == "Message") f.response_error_message = field_from_json(ev);
                            }
                        }
                    }
                }
            }
        } else if (key == "error") {
            if (value.is_object()) {
                f.error_is_object = true;
                for (const auto& [k, v] : value.items()) {
                    if (k == "code") f.error_code_field = field_from_json(v);
                    else if (k == "message") f.error_message = field_from_json(v);
                    else if (k == "type") f.error_type = field_from_json(v);
                    else if (k == "param") f.error_param = field_from_json(v);
                }
            } else {
                f.error = field_from_json(value);
            }
        }
    }
    return f;
}

inline bool same(const json_field& a, const json_field& b) { return a.k == b.k && a.text == b.text; }

// Whether every field is equal; names each one that is not on stderr, after `what`.
inline bool same_fields(const envelope_fields& a, const envelope_fields& b, const char* what) {
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
        {"type", same(a.type, b.type)},
        {"request_id_camel", same(a.request_id_camel, b.request_id_camel)},
        {"id", same(a.id, b.id)},
        {"status", same(a.status, b.status)},
        {"error_description", same(a.error_description, b.error_description)},
        {"error", same(a.error, b.error)},
        {"error_is_object", a.error_is_object == b.error_is_object},
        {"error_code_field", same(a.error_code_field, b.error_code_field)},
        {"error_message", same(a.error_message, b.error_message)},
        {"error_type", same(a.error_type, b.error_type)},
        {"error_param", same(a.error_param, b.error_param)},
        {"success_marker", a.success_marker == b.success_marker},
        {"output_task_status", same(a.output_task_status, b.output_task_status)},
        {"output_code", same(a.output_code, b.output_code)},
        {"output_message", same(a.output_message, b.output_message)},
        {"base_status_code", same(a.base_status_code, b.base_status_code)},
        {"base_status_msg", same(a.base_status_msg, b.base_status_msg)},
        {"response_request_id", same(a.response_request_id, b.response_request_id)},
        {"response_error_is_object", a.response_error_is_object == b.response_error_is_object},
        {"response_error_code", same(a.response_error_code, b.response_error_code)},
        {"response_error_message", same(a.response_error_message, b.response_error_message)},
        {"header_code", same(a.header_code, b.header_code)},
        {"header_message", same(a.header_message, b.header_message)},
        {"header_sid", same(a.header_sid, b.header_sid)},
        {"errmsg_code", same(a.errmsg_code, b.errmsg_code)},
        {"errmsg_msg", same(a.errmsg_msg, b.errmsg_msg)},
        {"top", same(a.top, b.top)},
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

}  // namespace oracle

#endif  // LLMERR_TESTS_JSON_ORACLE_HPP
