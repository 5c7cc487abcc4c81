// SPDX-License-Identifier: MIT
// llmerr — turn any error response (status, headers, body) into one llmerr::llm_error.
//
//   auto res = client.Post("/api/v3/chat/completions", body, "application/json");  // cpp-httplib
//   if (auto err = llmerr::find_error(res->status, res->body, res->headers)) {
//       if (err->retryable) schedule_retry(err->retry_after);
//       log("{} {} {} ({})", to_string(err->provider), err->code, err->message, to_string(err->category));
//   }
//
// Handles Ark `{"error":{…}}`, DashScope native `{"request_id","code","message"}` and compatible mode,
// Qianfan v1 `{"error_code","error_msg"}` (also `{"code":336501,"msg":…}`, usually with HTTP 200), v2
// `{"error":{…},"id"}` and IAM `{"requestId","code","message"}`; SSE bodies and chunks; a UTF-8 BOM, white
// space, a client's prefix before the JSON, truncated JSON, HTML gateway pages and plain text. Never throws.
#ifndef LLMERR_PARSE_HPP
#define LLMERR_PARSE_HPP

#include <algorithm>    // std::sort, std::lower_bound
#include <chrono>       // std::chrono::milliseconds, system_clock
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::int64_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::enable_if_t, std::is_convertible_v
#include <vector>       // std::vector

#include <llmerr/catalog.hpp>
#include <llmerr/config.hpp>
#include <llmerr/detail/classify.hpp>
#include <llmerr/detail/headers.hpp>
#include <llmerr/error.hpp>
#if LLMERR_PARSER_DEFINITIONS
#include <llmerr/detail/json_scan.hpp>
#include <llmerr/detail/provider_signals.hpp>
#include <llmerr/detail/render.hpp>
#include <llmerr/detail/similarity.hpp>
#include <llmerr/detail/sse.hpp>
#include <llmerr/url.hpp>
#endif

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define LLMERR_HAS_EXCEPTIONS 1
#else
#define LLMERR_HAS_EXCEPTIONS 0
#endif

LLMERR_BEGIN_NAMESPACE

namespace detail {

#if LLMERR_PARSER_DEFINITIONS

[[nodiscard]] constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Drops a UTF-8 BOM and surrounding white space.
[[nodiscard]] constexpr std::string_view trim_body(std::string_view b) noexcept {
    if (starts_with(b, "\xEF\xBB\xBF")) b.remove_prefix(3);
    while (!b.empty() && is_space(b.front())) b.remove_prefix(1);
    while (!b.empty() && is_space(b.back())) b.remove_suffix(1);
    return b;
}

// Copies at most `cap` bytes, never splitting a UTF-8 sequence; returns whether it cut.
inline bool assign_capped(std::string& dst, std::string_view src, std::size_t cap) {
    if (src.size() <= cap) {
        dst.assign(src.data(), src.size());
        return false;
    }
    // Back to the start of the cut character; a UTF-8 character is at most 4 bytes, so stray continuation
    // bytes (invalid input) cost at most 3 bytes, never the whole message.
    std::size_t n = cap;
    while (n > 0 && cap - n < 3 && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) --n;
    dst.assign(src.data(), n);
    return true;
}

// The id after "Request id:" / "Request ID:" in a message (Ark appends it to every message).
[[nodiscard]] constexpr std::string_view request_id_in_message(std::string_view m) noexcept {
    m = m.substr(0, m.size() < match_window ? m.size() : match_window);
    // "Request id:", also with the space widened by a terminal's wrapping ("Request      id:").
    std::size_t at = ifind(m, "request", 0);
    std::size_t i = std::string_view::npos;
    for (; at != std::string_view::npos; at = ifind(m, "request", at + 7)) {
        std::size_t k = at + 7;
        while (k < m.size() && (m[k] == ' ' || m[k] == '\n' || m[k] == '\r' || m[k] == '\t')) ++k;
        if (k > at + 7 && k + 3 <= m.size() && iequals(m.substr(k, 3), "id:")) {
            i = k + 3;
            break;
        }
    }
    if (i == std::string_view::npos) return {};
    while (i < m.size() && (m[i] == ' ' || m[i] == '\n' || m[i] == '\r' || m[i] == '\t')) ++i;  // wrapped lines
    const std::size_t start = i;
    while (i < m.size() && ((m[i] >= 'A' && m[i] <= 'Z') || (m[i] >= 'a' && m[i] <= 'z') ||
                            (m[i] >= '0' && m[i] <= '9') || m[i] == '-' || m[i] == '_')) {
        ++i;
    }
    return m.substr(start, i - start);
}

// The `type` one-api / new-api style relays give their own failures (as opposed to "upstream_error", an
// upstream's error passed on): `one_api_error`, `new_api_error`, and their rebranded forks' `<name>_api_error`
// (`rix_api_error`). A bare `api_error` is OpenAI's and Anthropic's server error, not a relay's.
[[nodiscard]] LLMERR_NOINLINE constexpr bool is_relay_own_type(std::string_view t) noexcept {
    constexpr std::string_view suffix = "_api_error";
    if (t.size() <= suffix.size() || t.substr(t.size() - suffix.size()) != suffix) return false;
    for (const char c : t.substr(0, t.size() - suffix.size())) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

// The `type` words Ark sends (and the others do not).
[[nodiscard]] constexpr bool is_ark_type(std::string_view t) noexcept {
    for (std::string_view w : {"BadRequest", "Unauthorized", "Forbidden", "NotFound", "TooManyRequests",
                               "InternalServerError", "ClientClosedRequest"}) {
        if (t == w) return true;
    }
    return false;
}

// Scans with json_scanner, which takes any nesting depth (no DOM, no fallback).
inline scan_result scan_envelope(std::string_view json) { return scan_json(json); }

// Whether a text is markup (a gateway's page): '<' and a tag, not DashScope's "<400> Code: message".
[[nodiscard]] constexpr bool looks_like_html(std::string_view t) noexcept {
    if (t.size() < 2 || t[0] != '<') return false;
    const char c = t[1];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '/' || c == '?';
}

// What the body says, before the catalogue is consulted.
struct body_facts {
    llmerr::envelope shape = llmerr::envelope::none;
    std::string code, message, type, param, request_id;
    provider shape_provider = provider::unknown;  // a provider only this shape belongs to
    std::string_view shape_api;                   // Qianfan "v1" / "v2" / "iam" by shape
    provider written_by = provider::unknown;      // whose serialisation the body is: the weakest evidence
    bool salvaged = false, truncated = false;
    // In the layout of vLLM and Mistral ({"object":"error","message","type","param","code"}): its numbers
    // ("1300", 400) are theirs, not a provider's business code.
    bool object_error_layout = false;
};

// assign_capped, moving the scanner's string instead of copying it when it fits (the scan result is
// read once).
LLMERR_NOINLINE inline bool move_capped(std::string& dst, std::string& src, std::size_t cap) {
    if (src.size() <= cap) {
        dst = std::move(src);
        return false;
    }
    return assign_capped(dst, src, cap);
}

LLMERR_NOINLINE inline void take(std::string& dst, json_field& f, std::size_t cap = max_field_bytes) {
    if (f.is_text() && dst.empty()) move_capped(dst, f.text, cap);
}

// A provider's own envelope: its shape, and its code, message and request id fields.
inline void read_envelope(body_facts& b, envelope shape, provider p, json_field& code, json_field& message,
                          json_field& request_id) {
    b.shape = shape;
    b.shape_provider = p;
    take(b.code, code);
    if (message.is_text()) b.truncated = move_capped(b.message, message.text, max_message_bytes);
    take(b.request_id, request_id);
}

inline void read_fields(envelope_fields& f, body_facts& b) {
    const bool no_other_error = !f.error_is_object && !f.error_code.is_text();
    // DashScope's asynchronous task that failed inside an HTTP 200: {"request_id","output":{"task_status":
    // "FAILED","code","message"}}.
    if (is_failed_task_status(f.output_task_status) && no_other_error) {
        read_envelope(b, envelope::task, provider::dashscope, f.output_code, f.output_message, f.request_id);
        return;
    }
    // Tencent Cloud API 3.0 (Hunyuan's native API): {"Response":{"Error":{"Code","Message"},"RequestId"}}.
    if (f.response_error_is_object && !f.error_is_object) {
        read_envelope(b, envelope::response_error, provider::hunyuan, f.response_error_code, f.response_error_message,
                      f.response_request_id);
        return;
    }
    // iFlytek Spark's WebSocket frames: {"header":{"code":10013,"message":…,"sid":…,"status":2}}; 0 is success.
    if (f.header_code.is_text() && !f.header_code.text_is("0") && no_other_error) {
        read_envelope(b, envelope::header, provider::spark, f.header_code, f.header_message, f.header_sid);
        return;
    }
    // Tencent Hunyuan's streamed chunks: {"ErrorMsg":{"Code":4001,"Msg":"request model timeout"},…} (null when the
    // chunk succeeded; the request id is in a header only).
    if (f.errmsg_code.is_text() && !f.errmsg_code.text_is("0") && no_other_error) {
        read_envelope(b, envelope::response_error, provider::hunyuan, f.errmsg_code, f.errmsg_msg, f.request_id);
        b.shape_api = "stream";
        return;
    }
    // MiniMax: {"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}; 0 is success.
    if (f.base_status_code.is_text() && !f.base_status_code.text_is("0") && no_other_error) {
        read_envelope(b, envelope::base_resp, provider::minimax, f.base_status_code, f.base_status_msg, f.request_id);
        take(b.request_id, f.id);
        return;
    }
    if (f.error_is_object) {
        b.shape = envelope::error_object;
        take(b.code, f.error_code_field);
        if (f.error_message.is_text()) b.truncated = move_capped(b.message, f.error_message.text, max_message_bytes);
        take(b.type, f.error_type);
        // Z.ai's Anthropic-format endpoint writes Zhipu's business code as the type ({"type":"1113"}): the code.
        if (b.code.empty() && b.type.size() >= 4 && b.type.size() <= 6 && all_digits(b.type)) b.code = b.type;
        if (f.error_param.k == json_field::kind::string) take(b.param, f.error_param);
        // (Not in the Anthropic format, {"type":"error",…,"request_id"}, which MiniMax, Moonshot, Zhipu and
        // DeepSeek also answer in.)
        if (f.request_id.is_text() && looks_like_dashscope_request_id(f.request_id.text) &&
            !(f.type.is_text() && f.type.text_is("error"))) {
            b.shape_provider = provider::dashscope;  // compatible mode keeps the native request_id
        } else if (f.id.is_text() && is_qianfan_request_id(f.id.text)) {
            // v2 answers with the request's "id" ("as-…"); another "id" is anybody's (JSON-RPC's "2_17707…").
            b.shape_provider = provider::qianfan;
            b.shape_api = "v2";
        }
        take(b.request_id, f.request_id);
        take(b.request_id, f.id);
        return;
    }
    if (f.error.k == json_field::kind::string && !f.error.text.empty()) {
        b.shape = envelope::error_string;
        b.truncated = move_capped(b.message, f.error.text, max_message_bytes);
        take(b.code, f.code);
    } else if (f.error_code.is_text()) {
        b.shape = envelope::error_code;
        b.shape_provider = provider::qianfan;
        b.shape_api = "v1";
        take(b.code, f.error_code);
        json_field& m = f.error_msg.is_text() ? f.error_msg : f.msg.is_text() ? f.msg : f.message;
        if (m.is_text()) b.truncated = move_capped(b.message, m.text, max_message_bytes);
        take(b.request_id, f.id);  // v1 errors carry the request's "id" (as-…)
    } else if (f.code.is_text() && f.msg.is_text() && !f.message.present()) {
        b.shape = envelope::error_code;  // Qianfan's rate-limit example: {"code":336501,"msg":…}
        b.shape_api = "v1";
        take(b.code, f.code);
        // Others answer {"code","msg"} too (Coze's {"code":5000,"msg":…}): Qianfan's only with a code it documents.
        if (lookup(provider::qianfan, b.code) != nullptr) b.shape_provider = provider::qianfan;
        b.truncated = move_capped(b.message, f.msg.text, max_message_bytes);
        take(b.request_id, f.id);
    } else if (f.code.is_text() && f.message.present()) {
        b.shape = envelope::code_message;
        take(b.code, f.code);
        if (f.message.is_text()) b.truncated = move_capped(b.message, f.message.text, max_message_bytes);
        if (f.request_id_camel.is_text()) {
            b.shape_provider = provider::qianfan;
            b.shape_api = "iam";
        } else if (f.request_id.is_text()) {
            b.shape_provider = provider::dashscope;
        }
    } else {
        b.shape = envelope::json_other;
        take(b.code, f.code);
        json_field& m = f.message.is_text() ? f.message : f.msg.is_text() ? f.msg : f.error_msg;
        if (m.is_text()) b.truncated = move_capped(b.message, m.text, max_message_bytes);
    }
    take(b.request_id, f.request_id);
    take(b.request_id, f.request_id_camel);
}

// A body whose JSON broke inside its message (a line break a paste put into it, an unescaped quote): the
// message as a rendering reads it, with the code, type and request id it reads after the break. A relay's
// `<400> Code:` inside is left for the parse to read from the whole text, as the message, later. (Only within
// the rendering's window: a message read past it could be cut short.) A rare path, kept out of line.
LLMERR_COLD inline void salvage_as_rendering(std::string_view json, body_facts& b) {
    const rendered_fields rf = read_rendering(json, max_message_bytes);
    if (rf.angle.message_at == std::string_view::npos && !rf.message.empty())
        b.truncated = assign_capped(b.message, rf.message, max_message_bytes);
    const std::string_view code = !rf.code.empty() ? rf.code : rf.numeric_code;
    if (b.code.empty() && !b.message.empty()) assign_capped(b.code, code, max_field_bytes);
    if (b.type.empty()) assign_capped(b.type, rf.type, max_field_bytes);
    if (b.request_id.empty()) assign_capped(b.request_id, rf.request_id, max_field_bytes);
}

// OpenAI's own serialisation of an error, as recorded in many projects' HTTP cassettes: its four keys in its
// order, one per line, indented by two spaces ({\n  "error": {\n    "message": …,\n    "type": …,\n    "param": …,
// \n    "code": …\n  }\n}) — or by four, as its gateway sends authentication, quota and unknown-model errors. The
// providers that imitate its fields send them on one line or without `param` (DeepSeek's one four-space body
// carries its own code, which names it first); one-api style relays, which also indent by two, fill `param` with
// "" or a status. (Azure OpenAI passes its models' errors on in this layout: OpenAI's catalogue applies to them.)
[[nodiscard]] LLMERR_SMALL inline bool is_openai_serialisation(std::string_view t) noexcept {
    const bool wide = starts_with(t, "{\n    \"error\": {\n        \"message\": ");
    if (!wide && !starts_with(t, "{\n  \"error\": {\n    \"message\": ")) return false;
    const std::size_t type = ifind(t, wide ? "\n        \"type\": " : "\n    \"type\": ", 0);
    const std::string_view param_key = wide ? "\n        \"param\": " : "\n    \"param\": ";
    const std::size_t param = ifind(t, param_key, type);
    const std::size_t code = ifind(t, wide ? "\n        \"code\": " : "\n    \"code\": ", param);
    if (code == std::string_view::npos) return false;
    // param is null or a name ("messages", "images[0].image_url"), not a relay's "" or status.
    const char first = t[param + param_key.size()], second = ascii_lower(t[param + param_key.size() + 1]);
    return first == 'n' || (first == '"' && second >= 'a' && second <= 'z');
}

// SiliconFlow's documented error body, {"code":20012,"message":…,"data":null}: a business code of five digits (its
// codes come in blocks: 20012, 20015, 30011, 50505) beside a null `data`, as sent or as Python prints it
// ('data': None). Apps' own {"code":500,"message","data":null} carry statuses, not five digits.
[[nodiscard]] LLMERR_SMALL inline bool is_siliconflow_envelope(std::string_view code, std::string_view t) noexcept {
    if (code.size() != 5 || !all_digits(code)) return false;
    const auto has = [t](std::string_view s) { return ifind(t, s, 0) != std::string_view::npos; };
    return has("\"data\":null") || has("\"data\": null") || has("'data': None");
}

// What a valid JSON body's layout says beyond its fields (out of line: read once per body).
LLMERR_SMALL inline void read_layout(std::string_view json, body_facts& b) {
    if (b.shape == envelope::error_object && is_openai_serialisation(json)) b.written_by = provider::openai;
    if (b.shape == envelope::code_message && b.shape_provider == provider::unknown &&
        is_siliconflow_envelope(b.code, json))
        b.written_by = provider::siliconflow;
    b.object_error_layout = starts_with(json, "{\"object\":\"error\"");
}

// Whose serialisation a client's rendering of a body shows (Python's repr of SiliconFlow's envelope).
[[nodiscard]] LLMERR_SMALL inline provider rendering_written_by(const rendered_fields& rf,
                                                                std::string_view t) noexcept {
    const bool siliconflow = rf.code.empty() && rf.type.empty() && is_siliconflow_envelope(rf.numeric_code, t);
    return siliconflow ? provider::siliconflow : provider::unknown;
}

// The body (already trimmed, SSE already unwrapped) as facts.
inline body_facts read_body(std::string_view t) {
    body_facts b;
    if (t.empty()) return b;
    // A body that opens and closes with a quote is scanned whole first: one JSON string and nothing else ("Invalid
    // token", as SiliconFlow documents its 401 body) is its text. Anything else is read from its first brace, as
    // any text is.
    // (One scan_result in a loop, not two: each costs a constructor and a destructor for forty strings.)
    for (bool whole = t.size() >= 2 && t.front() == '"' && t.back() == '"';; whole = false) {
        std::string_view json = t;
        if (!whole && t.front() != '{' && t.front() != '[') {
            // A client's prefix before the JSON ("Error code: 400 - {…}"); never inside an HTML page.
            const std::size_t brace = looks_like_html(t) ? std::string_view::npos : t.find('{');
            json = brace == std::string_view::npos || brace > 256 ? std::string_view() : t.substr(brace);
        }
        if (json.empty()) break;
        scan_result r = scan_envelope(json);
        if (whole) {
            if (r.status != scan_status::ok || r.fields.top.k != json_field::kind::string) continue;
            std::string& text = r.fields.top.text;
            b.shape = envelope::json_string;
            b.written_by = provider::siliconflow;
            b.truncated = move_capped(b.message, text, max_message_bytes);
            return b;
        }
        if (r.status == scan_status::ok && r.fields.top_is_object) {
            read_fields(r.fields, b);
            read_layout(json, b);
            // A body with no message field at all (FastAPI's {"detail":"Decode server is overloaded"}, a client's
            // {"error":<the Responses API's error event>}): the body is the message, so that its words and codes
            // are still read. (A message field of another type stays empty: it is there, and says nothing.)
            const envelope_fields& f = r.fields;
            if (b.message.empty() && !f.error_message.present() && !f.message.present() && !f.msg.present() &&
                !f.error_msg.present())
                b.truncated = assign_capped(b.message, t, max_message_bytes);
            return b;
        }
        if (r.status == scan_status::syntax_error && r.fields.top_is_object &&
            (r.fields.error_is_object || r.fields.error_code.present() || r.fields.code.present() ||
             r.fields.message.present() || r.fields.error.present())) {
            read_fields(r.fields, b);  // truncated or broken JSON: keep what was readable
            b.salvaged = true;
            if (b.message.empty() && json.size() <= render_window) salvage_as_rendering(json, b);
            if (b.message.empty()) b.truncated = assign_capped(b.message, t, max_message_bytes);
            return b;
        }
        if (r.status == scan_status::ok) {
            b.shape = envelope::json_other;  // valid JSON, but not an object
            b.truncated = assign_capped(b.message, t, max_message_bytes);
            return b;
        }
        break;
    }
    b.shape = looks_like_html(t) ? envelope::html : envelope::text;
    b.truncated = assign_capped(b.message, t, max_message_bytes);
    return b;
}

// Whether a text that resembles this row's documented message names the row's provider: not when the
// message is a generic phrase of two words ("Request timeout", "unknown error"), which any provider or client
// may print. (Text without spaces, as Chinese, counts from 12 bytes.)
[[nodiscard]] inline bool names_its_provider(const catalog_entry& e) noexcept {
    const std::string_view m = e.message;
    std::size_t spaces = 0;
    for (const char c : m) spaces += c == ' ' ? 1U : 0U;
    return spaces >= 2 || (spaces == 0 && m.size() >= 12);
}

// Whether a text that contains this row's `match` pattern names the row's provider. A pattern is often a short
// part of the message ("Request timed out" of "Request timed out, please try again later."), and phrases of
// three words or fewer ("Rate Limit Reached", "invalid api key", "404 page not found" less the number) are
// what any provider, gateway or client prints: four words, or seven characters of a script without spaces.
[[nodiscard]] inline bool pattern_names_provider(const std::vector<std::string>& segments) noexcept {
    std::size_t words = 0, wide = 0;
    for (const std::string& s : segments) {
        bool in_word = false;
        for (const char c : s) {
            const auto u = static_cast<unsigned char>(c);
            const bool letter = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            words += letter && !in_word && u < 0x80 ? 1U : 0U;
            wide += u >= 0x80 ? 1U : 0U;
            in_word = letter || (in_word && c >= '0' && c <= '9');
        }
    }
    return words >= 4 || wide >= 21;
}

// Whether a code is an HTTP status written as a code ("500", "429"): what relays and gateways send.
[[nodiscard]] constexpr bool is_http_status_code(std::string_view code) noexcept {
    return code.size() == 3 && all_digits(code) && code[0] >= '1' && code[0] <= '5';
}

// The HTTP status a code field holds ({"code":"400"}), else 0.
[[nodiscard]] constexpr int http_status_of_code(std::string_view code) noexcept {
    return is_http_status_code(code) ? (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0') : 0;
}

// Whether any provider documents `code`, exactly or as an alias.
[[nodiscard]] inline bool documented_anywhere(std::string_view code) noexcept {
    return documenting_providers(code) != 0;
}

// The provider whose bit is the only one set in `documenters` (documenting_providers); unknown for none or
// several.
[[nodiscard]] constexpr provider only_provider(std::uint32_t documenters) noexcept {
    if (documenters == 0 || (documenters & (documenters - 1)) != 0) return provider::unknown;
    std::uint8_t i = 0;
    while ((documenters >> i) != 1U) ++i;
    return static_cast<provider>(i);
}

// The number in parentheses that ends a message, after a space ("insufficient balance (1008)": MiniMax's
// compatible endpoints write their status_code so), 3 to 6 digits; empty when there is none. A request id
// a relay or client appended after it ("… (2013) (request_id:05db…)", one-api's "(request id: …)") is
// passed over, and so is what a client appended after the sentence it ends ("… your input (1026). This is a
// server-side issue …").
[[nodiscard]] constexpr std::string_view trailing_paren_code(std::string_view m) noexcept {
    for (int pass = 0; pass < 2; ++pass) {
        while (!m.empty() && (m.back() == ' ' || m.back() == '.' || m.back() == '\n' || m.back() == '\r'))
            m.remove_suffix(1);
        if (m.empty() || m.back() != ')') break;
        std::size_t i = m.size() - 1, n = 0;
        while (i > 0 && n < 7 && m[i - 1] >= '0' && m[i - 1] <= '9') {
            --i;
            ++n;
        }
        if (n >= 3 && n <= 6 && i >= 2 && m[i - 1] == '(' && m[i - 2] == ' ') return m.substr(i, n);
        // Not a code: an appended request id, "(request_id:…)" or "(request id: …)", is passed over once.
        const std::size_t open = m.rfind('(');
        if (pass == 1 || open == std::string_view::npos || m.size() - open < 9 || (m[open + 1] | 0x20) != 'r' ||
            (m[open + 2] | 0x20) != 'e' || (m[open + 3] | 0x20) != 'q')
            break;
        m = m.substr(0, open);
    }
    // The first " (NNNN). " that ends a sentence.
    for (std::size_t at = m.find(" ("); at != std::string_view::npos; at = m.find(" (", at + 2)) {
        std::size_t k = at + 2;
        while (k < m.size() && k - at - 2 < 7 && m[k] >= '0' && m[k] <= '9') ++k;
        const std::size_t n = k - at - 2;
        if (n >= 3 && n <= 6 && k + 2 < m.size() && m[k] == ')' && m[k + 1] == '.' && m[k + 2] == ' ')
            return m.substr(at + 2, n);
    }
    return {};
}

// The provider a code belongs to when exactly one provider documents it (exactly or as an alias).
// `min_digits`: how long a number must be to count (a short one — "1", "17", "500" — is any gateway's code;
// only the error_code shape says Qianfan v1).
[[nodiscard]] LLMERR_NOINLINE constexpr provider provider_by_vocabulary(std::string_view code,
                                                                        std::size_t min_digits = 6) noexcept {
    if (code.size() < min_digits && all_digits(code)) return provider::unknown;
    return only_provider(documenting_providers(code));  // documented by several: ambiguous
}

// For an undocumented business code of five digits: the one provider that documents a code differing from it
// only in the last digit (SiliconFlow's 20015 beside its 20012). Providers number their codes in blocks, and
// a block two providers share ("1000x": Spark, Baichuan, Qianfan) names neither. Not four digits: Cloudflare
// writes its own ("error code: 1015", rate limited) among Zhipu's and MiniMax's blocks.
[[nodiscard]] constexpr provider provider_by_number_block(std::string_view code) noexcept {
    if (code.size() != 5 || !all_digits(code)) return provider::unknown;
    char near[5] = {};  // the code with its last digit replaced
    for (std::size_t i = 0; i < code.size(); ++i) near[i] = code[i];
    std::uint32_t documenters = 0;
    for (char last = '0'; last <= '9'; ++last) {
        near[code.size() - 1] = last;
        documenters |= documenting_providers(std::string_view(near, code.size()));
    }
    return only_provider(documenters);
}

// The first number of five or six digits standing alone in the text (not part of a longer number, a time, a
// date or an id) that provider p documents as a code: "Socket 出错: 11200 AppIdNoAuthError" once the text has
// named Spark. (Shorter numbers are years and statuses; longer ones are timestamps and ids.)
[[nodiscard]] constexpr std::string_view documented_number_in(std::string_view text, provider p) noexcept {
    text = text.substr(0, text.size() < match_window * 2 ? text.size() : match_window * 2);
    const auto joins = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '/'; };
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9') {
            ++i;
            continue;
        }
        std::size_t k = i;
        while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
        const bool alone = (i == 0 || (!joins(text[i - 1]) && !is_code_char(text[i - 1]))) &&
                           (k == text.size() || (!joins(text[k]) && !(text[k] >= 'a' && text[k] <= 'z') &&
                                                 !(text[k] >= 'A' && text[k] <= 'Z')));
        const std::string_view number = text.substr(i, k - i);
        i = k;
        if (!alone || number.size() < 5 || number.size() > 6) continue;
        const match_kind kind = resolve(p, {}, number).kind;
        if (kind == match_kind::exact || kind == match_kind::alias) return number;
    }
    return {};
}

// The text with “ and ” (U+201C, U+201D) as '"'.
inline std::string straighten_quotes(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' && (t[i + 2] == '\x9C' || t[i + 2] == '\x9D')) {
            out += '"';
            i += 2;
        } else {
            out += t[i];
        }
    }
    return out;
}

// A 256-bit set of the byte pairs of a text: a pattern whose pairs are not all among a message's cannot
// match it, which rejects most patterns without searching for their segments.
struct pair_set {
    std::uint64_t bits[4] = {0, 0, 0, 0};

    void add(char a, char b) noexcept {
        const unsigned h = (static_cast<unsigned char>(a) * 167U + static_cast<unsigned char>(b)) & 255U;
        bits[h >> 6] |= std::uint64_t{1} << (h & 63U);
    }
    void add_pairs(std::string_view t) noexcept {
        for (std::size_t i = 1; i < t.size(); ++i) add(t[i - 1], t[i]);
    }
    [[nodiscard]] bool within(const pair_set& other) const noexcept {
        return ((bits[0] & ~other.bits[0]) | (bits[1] & ~other.bits[1]) | (bits[2] & ~other.bits[2]) |
                (bits[3] & ~other.bits[3])) == 0;
    }
};

// A catalogue row's `match` pattern cut into its literal segments (as match_pattern cuts it), lowercased.
struct pattern_segments {
    std::vector<std::string> lowered;
    std::size_t literal = 0;              // their total length: match_pattern's result when the pattern matches
    pair_set pairs;                       // the byte pairs inside its segments
    bool names_provider = false;          // pattern_names_provider(lowered): asked of every row for a bare message
    bool message_names_provider = false;  // names_its_provider(row), for a message resembling the row's
    bool message_is_anyones = false;      // every word of the row's message is in three providers' messages
};

// The ASCII word of `t` at or after `i` (a letter, then letters and digits), `i` moved past it; empty when
// there is none.
[[nodiscard]] inline std::string_view next_ascii_word(std::string_view t, std::size_t& i) noexcept {
    const auto letter = [](char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while (i < t.size() && !letter(t[i])) ++i;
    const std::size_t from = i;
    while (i < t.size() && (letter(t[i]) || (t[i] >= '0' && t[i] <= '9'))) ++i;
    return t.substr(from, i - from);
}

// A word's hash, ASCII case-folded (FNV-1a), with its low byte cleared for a provider's number.
[[nodiscard]] inline std::uint64_t folded_word_hash(std::string_view w) noexcept {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : w) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 0x100000001B3ULL;
    return h & ~std::uint64_t{0xFF};
}

// Whether three or more providers use the word, given every use (word hash | provider), sorted.
[[nodiscard]] inline bool anyones_word(const std::vector<std::uint64_t>& uses, std::string_view w) noexcept {
    const std::uint64_t h = folded_word_hash(w);
    unsigned providers = 0;
    for (auto at = std::lower_bound(uses.begin(), uses.end(), h); at != uses.end() && (*at & ~std::uint64_t{0xFF}) == h;
         ++at)
        providers += at == uses.begin() || *(at - 1) != *at ? 1U : 0U;
    return providers >= 3;
}

// Every row's pattern, cut once per program. The parser matches a message against many patterns (all
// variants of a code, or every row for a message-only body); cutting them again on every call cost far
// more than searching for them.
// (Run once per program: out of line and optimised for size.)
LLMERR_COLD inline std::vector<pattern_segments> cut_documented_patterns() {
    // (Sized up front and filled in place: no vector grows here, so no growth code is emitted for it.)
    std::vector<pattern_segments> out(entries().size());
    std::size_t row = 0;
    for (const catalog_entry& e : entries()) {
        pattern_segments& s = out[row++];
        const std::string_view p = trim_pattern(e.match);
        for (int pass = 0; pass < 2; ++pass) {  // count the segments, then cut them
            std::size_t i = 0, n = 0;
            while (i < p.size()) {
                std::size_t j = i;
                while (j < p.size() && placeholder_at(p, j) == 0) ++j;
                if (j > i && pass == 1) {
                    std::string& segment = s.lowered[n];
                    segment.assign(p.substr(i, j - i));
                    for (char& c : segment) c = ascii_lower(c);
                    s.literal += segment.size();
                    s.pairs.add_pairs(segment);
                }
                n += j > i ? 1U : 0U;
                if (j < p.size()) j += placeholder_at(p, j);
                i = j;
            }
            if (pass == 0) s.lowered = std::vector<std::string>(n);
        }
        s.names_provider = pattern_names_provider(s.lowered);
        s.message_names_provider = names_its_provider(e);
    }
    // A message made only of words three or more providers' documented messages use ("Requests rate limit
    // exceeded, please try again later.") is anyone's: a text resembling it does not name the row's provider.
    // (A message in another script is its provider's own. Two words sharing 56 hash bits would only pool their
    // providers.)
    std::size_t n = 0;
    for (const catalog_entry& e : entries()) {
        const std::string_view m = e.message.view();
        for (std::size_t i = 0; !next_ascii_word(m, i).empty();) ++n;
    }
    std::vector<std::uint64_t> uses(n);  // word hash | provider, a use each
    n = 0;
    for (const catalog_entry& e : entries()) {
        const std::string_view m = e.message.view();
        for (std::size_t i = 0;;) {
            const std::string_view w = next_ascii_word(m, i);
            if (w.empty()) break;
            uses[n++] = folded_word_hash(w) | static_cast<std::uint8_t>(e.provider);
        }
    }
    std::sort(uses.begin(), uses.end());
    row = 0;
    for (const catalog_entry& e : entries()) {
        const std::string_view m = e.message.view();
        bool own = false, any = false;
        for (const char c : m) own = own || static_cast<unsigned char>(c) >= 0x80;
        for (std::size_t i = 0; !own;) {
            const std::string_view w = next_ascii_word(m, i);
            if (w.empty()) break;
            any = true;
            own = !anyones_word(uses, w);
        }
        out[row++].message_is_anyones = any && !own;
    }
    return out;
}

inline const std::vector<pattern_segments>& documented_patterns() {
    static const std::vector<pattern_segments> all = cut_documented_patterns();
    return all;
}

// Each row's pattern literal length (at most 0x7FFF) | 0x8000 when it names its provider: two bytes a row, so
// that a scan of every row rejects most of them without loading their patterns (72 bytes each).
inline const std::vector<std::uint16_t>& documented_pattern_sizes() {
    static const std::vector<std::uint16_t> all = [] {
        const std::vector<pattern_segments>& patterns = documented_patterns();
        std::vector<std::uint16_t> out(patterns.size());
        for (std::size_t row = 0; row < patterns.size(); ++row) {
            const pattern_segments& s = patterns[row];
            const std::size_t n = s.literal < 0x7FFF ? s.literal : 0x7FFF;
            out[row] = static_cast<std::uint16_t>(n | (s.names_provider ? 0x8000U : 0U));
        }
        return out;
    }();
    return all;
}

// A message's match window, lowercased once per parse, so that segments are found with
// std::string_view::find (memchr) rather than a byte-by-byte case-insensitive comparison.
struct lowered_message {
    char text[match_window];
    std::size_t size = 0;
    bool empty_message = true;

    explicit lowered_message(std::string_view m) noexcept : empty_message(m.empty()) {
        size = m.size() < match_window ? m.size() : match_window;
        for (std::size_t i = 0; i < size; ++i) text[i] = ascii_lower(m[i]);
    }
    [[nodiscard]] std::string_view view() const noexcept { return {text, size}; }

    // The message's byte pairs, computed on first use: most parses match no pattern at all.
    [[nodiscard]] const pair_set& pairs() const noexcept {
        if (!pairs_ready_) {
            pairs_.add_pairs(view());
            pairs_ready_ = true;
        }
        return pairs_;
    }

private:
    mutable pair_set pairs_;
    mutable bool pairs_ready_ = false;
};

// match_pattern(pattern, message), on the cut pattern and the lowered message.
inline std::size_t match_segments(const pattern_segments& s, const lowered_message& m) noexcept {
    if (s.literal > m.size || !s.pairs.within(m.pairs())) return 0;
    const std::string_view text = m.view();
    std::size_t pos = 0;
    for (const std::string& segment : s.lowered) {
        const std::size_t at = text.find(segment, pos);
        if (at == std::string_view::npos) return 0;
        pos = at + segment.size();
    }
    return s.literal;
}

// detail::select_variant_row (catalog.hpp), matching with match_segments.
inline const catalog_entry* select_variant_lowered(const catalog_entry* primary, const lowered_message& m,
                                                   int http_status) {
    if (primary == nullptr) return nullptr;
    const auto first = static_cast<std::size_t>(primary - entries().begin());
    return row_ptr(select_variant_by(first, http_status, [&m](std::size_t i) -> std::size_t {
        return m.empty_message ? 0 : match_segments(documented_patterns()[i], m);
    }));
}

// Every row's documented English message (text 2·row) and Chinese description (2·row + 1) as gram sets,
// indexed once per program.
LLMERR_COLD inline gram_index build_documented_gram_index() {
    std::vector<std::vector<std::uint32_t>> texts(2 * entries().size());
    std::size_t t = 0;
    for (const catalog_entry& e : entries()) {
        texts[t++] = grams_of(fold_for_similarity(e.message, true));
        texts[t++] = grams_of(fold_for_similarity(e.description, true));
    }
    return gram_index(texts);
}

inline const gram_index& documented_gram_index() {
    static const gram_index index = build_documented_gram_index();
    return index;
}

// The index of the lowest set bit of `bits` (≠ 0).
[[nodiscard]] constexpr unsigned lowest_bit(std::uint64_t bits) noexcept {
#if defined(__GNUC__)
    return static_cast<unsigned>(__builtin_ctzll(bits));
#else
    unsigned i = 0;
    while ((bits & 1U) == 0) {
        bits >>= 1;
        ++i;
    }
    return i;
#endif
}

// A set of catalogue rows: the candidates of a pass that would otherwise score every row.
struct row_set {
    static constexpr std::size_t words = (catalog_rows.size() + 63) / 64;
    std::uint64_t bits[words] = {};
    void add(std::size_t row) noexcept { bits[row / 64] |= std::uint64_t{1} << (row % 64); }
};

// The provider whose words and codes the compatible providers copy ("You exceeded your current quota, …",
// insufficient_quota): where a copy and the original differ in meaning and no status tells them apart, the
// original's meaning.
inline constexpr provider copied_provider = provider::openai;

// The row of provider `p` (any provider when unknown) that `score` rates highest, at least `floor`; rows of
// another category (or, with `per_provider`, of another provider) that score as high make it ambiguous (null)
// unless `status` tells them apart. `score(e, best)` may return 0 for a row that cannot beat `best` without
// computing its score. Only the rows of `candidates` are scored (in row order, as a pass over every row
// would): the others must be rows `score` would give less than `floor`.
template <class Score>
const catalog_entry* best_documented(provider p, int status, std::size_t floor, bool per_provider,
                                     const row_set& candidates, const Score& score) {
    const catalog_entry* best = nullptr;
    std::size_t best_score = 0;
    bool ambiguous = false;
    const entry_range all = entries();
    const entry_range rows = p == provider::unknown ? all : entries(p);
    const auto begin = static_cast<std::size_t>(rows.begin() - all.begin());
    const auto end = static_cast<std::size_t>(rows.end() - all.begin());
    for (std::size_t w = begin / 64; w < row_set::words && w * 64 < end; ++w) {
        for (std::uint64_t bits = candidates.bits[w]; bits != 0; bits &= bits - 1) {
            const std::size_t row = w * 64 + lowest_bit(bits);
            if (row < begin || row >= end) continue;
            const catalog_entry& e = all.begin()[row];
            const std::size_t got = score(e, best_score);
            if (got < floor || got < best_score) continue;
            if (got > best_score) {
                best = &e;
                best_score = got;
                ambiguous = false;
            } else if (best != nullptr &&
                       (e.category != best->category || (per_provider && e.provider != best->provider))) {
                if (status != 0 && e.http_status == status && best->http_status != status) {
                    best = &e;
                    ambiguous = false;
                } else if (status == 0 && per_provider &&
                           (e.provider == copied_provider) != (best->provider == copied_provider)) {
                    // With no status to tell them apart, OpenAI's own words are OpenAI's (copied_provider); the
                    // copies say whose they are by what they add (an address, a status of their own).
                    if (e.provider == copied_provider) best = &e;
                    ambiguous = false;
                } else if (!(status != 0 && best->http_status == status && e.http_status != status)) {
                    ambiguous = true;
                }
            }
        }
    }
    return ambiguous ? nullptr : best;
}

[[nodiscard]] inline std::size_t row_index(const catalog_entry& e) noexcept {
    return static_cast<std::size_t>(&e - entries().begin());
}

// How much alike a message must be to a documented one to take its meaning (0–1000; see resemblance()).
inline constexpr unsigned similarity_threshold = 700;

// The documented message or description a bare message resembles most, when it resembles one enough and no
// row of another meaning — or, with the provider unknown, of another provider: DashScope documents OpenAI's
// "Incorrect API key provided." word for word — resembles it as much; null otherwise.
inline const catalog_entry* resemble_documented(provider p, std::string_view message, int status) {
    const std::vector<std::uint32_t> grams = grams_of(fold_for_similarity(message, false));
    if (grams.size() < 14) return nullptr;
    const gram_index& index = documented_gram_index();
    const std::vector<pattern_segments>& patterns = documented_patterns();
    // To name the provider, more than a few words in common: "402 Insufficient Balance" is all inside
    // "Insufficient account balance, please recharge", and says nothing of whose it is.
    const std::size_t least = p == provider::unknown ? 24 : 14;
    row_set candidates;  // rows of which a text shares `least` grams: resemblance() is 0 for the others
    const std::vector<std::uint32_t> shared =
        index.shared(grams, static_cast<std::uint32_t>(least), [&](std::uint32_t t) { candidates.add(t / 2); });
    const catalog_entry* best =
        best_documented(p, status, similarity_threshold, /*per_provider=*/p == provider::unknown, candidates,
                        [&](const catalog_entry& e, std::size_t) {
                            const std::size_t m = 2 * row_index(e), d = m + 1;
                            // Most rows share next to nothing: said by the counts alone, before the
                            // row's pattern (a larger, colder structure) is loaded.
                            if (shared[m] < least && shared[d] < least) return std::size_t{0};
                            if (p == provider::unknown && !patterns[row_index(e)].message_names_provider)
                                return std::size_t{0};  // generic
                            const unsigned a = resemblance(shared[m], grams.size(), index.grams(m), least);
                            const unsigned b = resemblance(shared[d], grams.size(), index.grams(d), least);
                            return std::size_t{a > b ? a : b};
                        });
    // (A message of anyone's words still competes: resembling it as much as another provider's is ambiguous.
    // Its description, in the provider's own words, still names it.)
    if (p != provider::unknown || best == nullptr || !patterns[row_index(*best)].message_is_anyones) return best;
    const std::size_t m = 2 * row_index(*best), d = m + 1;
    return resemblance(shared[d], grams.size(), index.grams(d), least) >
                   resemblance(shared[m], grams.size(), index.grams(m), least)
               ? best
               : nullptr;
}

// Whether the message is, word for word, the row's documented description (Qianfan's and Zhipu's pages give
// their Chinese text there: "身份验证失败"), less a final full stop.
[[nodiscard]] inline bool is_documented_description(const catalog_entry& e, const lowered_message& m) noexcept {
    std::string_view t = m.view();
    for (const std::string_view stop : {std::string_view("\xE3\x80\x82"), std::string_view(".")}) {
        if (ends_with(t, stop)) t.remove_suffix(stop.size());
    }
    const std::string_view d = e.description.view();
    return !d.empty() && iequals(t, d);
}

// For a code several providers document: the one provider among them one of whose documented messages for
// that code (any variant) the message matches; unknown when none does, or several as closely.
// `min_digits` as in provider_by_vocabulary.
inline provider provider_by_variants(std::string_view code, const lowered_message& m,
                                     std::size_t min_digits = 6) noexcept {
    // A short number ("1", "500") is any gateway's code: its message proves nothing either.
    if (m.empty_message || (code.size() < min_digits && all_digits(code))) return provider::unknown;
    // Where several match, the one whose documented words the message holds most of, when it holds more than
    // of any other's: OpenAI's "The model `x` does not exist or you do not have access to it" over a "does
    // not exist" that another provider documents for the same code.
    provider found = provider::unknown;
    std::size_t found_literal = 0, runner_up = 0;
    const std::uint32_t documenters = documenting_providers(code);
    for (provider q : known_providers) {
        if ((documenters >> static_cast<unsigned>(q) & 1U) == 0) continue;
        const resolved k = resolve(q, {}, code);
        const auto first = static_cast<std::size_t>(k.entry - entries().begin());
        std::size_t literal = 0;  // the most documented words of q's the message holds
        for (std::size_t i = first; i < group_end(first); ++i) {
            std::size_t got = match_segments(documented_patterns()[i], m);
            if (got == 0 && is_documented_description(entries().begin()[i], m)) got = m.size;
            literal = got > literal ? got : literal;
        }
        if (literal == 0) continue;
        if (literal > found_literal) {
            runner_up = found_literal;
            found = q;
            found_literal = literal;
        } else if (literal > runner_up) {
            runner_up = literal;
        }
    }
    return found_literal > runner_up ? found : provider::unknown;
}

// resemble_documented(provider::unknown, message, status) for one message, computed at most once per parse:
// the provider rules may ask twice.
struct resemblance_memo {
    std::string_view message;
    int status = 0;
    bool done = false;
    const catalog_entry* row = nullptr;

    const catalog_entry* get() {
        if (!done) row = resemble_documented(provider::unknown, message, status);
        done = true;
        return row;
    }
};

// provider_by_variants, else the provider, among those documenting the code, of the documented message the
// message resembles (a paraphrase: "The parameter max_tokens …" for "The parameter `%s` …").
LLMERR_NOINLINE inline provider provider_by_wording(std::string_view code, const lowered_message& m,
                                                    resemblance_memo& like_memo) {
    const provider p = provider_by_variants(code, m);
    if (p != provider::unknown || m.empty_message || (code.size() < 6 && all_digits(code))) return p;
    const catalog_entry* like = like_memo.get();
    if (like == nullptr) return provider::unknown;
    const match_kind k = resolve(like->provider, {}, code).kind;
    return k == match_kind::exact || k == match_kind::alias ? like->provider : provider::unknown;
}

// Whether the message matches the documented message of this row (its `match` pattern).
inline bool matches_documented(const catalog_entry& e, const lowered_message& m) noexcept {
    if (m.empty_message) return false;
    return match_segments(documented_patterns()[static_cast<std::size_t>(&e - entries().begin())], m) > 0;
}

// The rows whose pattern has at least 12 literal bytes, each filed under one byte pair of its pattern (as
// pair_set hashes pairs: 256 buckets), the pair fewest such rows have. A message holds every pair of a pattern
// it matches, so only the buckets of the message's pairs can hold a row it matches. Bucket 256 holds the
// patterns without a pair (literal segments of one byte each), which any message may match.
struct pattern_pair_index {
    std::uint16_t first[258] = {};  // bucket b's rows: rows[first[b]] … rows[first[b + 1] - 1]
    std::vector<std::uint16_t> rows;
};

// (Run once per program: out of line and optimised for size.)
LLMERR_COLD inline pattern_pair_index build_pattern_pair_index() {
    const std::vector<pattern_segments>& patterns = documented_patterns();
    std::uint32_t rows_with[256] = {};
    for (const pattern_segments& s : patterns) {
        for (unsigned b = 0; b < 256; ++b)
            rows_with[b] += static_cast<std::uint32_t>((s.pairs.bits[b >> 6] >> (b & 63U)) & 1U);
    }
    std::vector<std::uint16_t> bucket(patterns.size());
    std::size_t filed = 0;
    pattern_pair_index out;
    for (std::size_t row = 0; row < patterns.size(); ++row) {
        if (patterns[row].literal < 12) continue;
        unsigned rarest = 256;
        for (unsigned b = 0; b < 256; ++b) {
            if (((patterns[row].pairs.bits[b >> 6] >> (b & 63U)) & 1U) != 0 &&
                (rarest == 256 || rows_with[b] < rows_with[rarest]))
                rarest = b;
        }
        bucket[row] = static_cast<std::uint16_t>(rarest);
        ++out.first[rarest + 1];
        ++filed;
    }
    for (unsigned b = 0; b < 257; ++b) out.first[b + 1] = static_cast<std::uint16_t>(out.first[b + 1] + out.first[b]);
    out.rows.resize(filed);
    std::uint16_t at[257];
    for (unsigned b = 0; b < 257; ++b) at[b] = out.first[b];
    for (std::size_t row = 0; row < patterns.size(); ++row) {
        if (patterns[row].literal >= 12) out.rows[at[bucket[row]]++] = static_cast<std::uint16_t>(row);
    }
    return out;
}

inline const pattern_pair_index& documented_pattern_pairs() {
    static const pattern_pair_index index = build_pattern_pair_index();
    return index;
}

// Whether a lowered message states a limit of zero: "limit: 0" (or "limit:0") not followed by a digit or a point.
[[nodiscard]] inline bool says_limit_zero(std::string_view m) noexcept {
    for (std::size_t at = m.find("limit:"); at != std::string_view::npos; at = m.find("limit:", at + 1)) {
        std::size_t i = at + 6;
        while (i < m.size() && m[i] == ' ') ++i;
        if (i < m.size() && m[i] == '0' &&
            (i + 1 == m.size() || ((m[i + 1] < '0' || m[i + 1] > '9') && m[i + 1] != '.')))
            return true;
    }
    return false;
}

// Whether a lowered message tells the caller to try again later, with no time ("Please try again later", 请稍后再试).
[[nodiscard]] LLMERR_SMALL inline bool says_try_later(std::string_view m) noexcept {
    return ifind(m, "again later", 0) != std::string_view::npos ||
           ifind(m, "retry later", 0) != std::string_view::npos ||
           ifind(m, "\xE7\xA8\x8D\xE5\x90\x8E", 0) != std::string_view::npos;  // 稍后
}

// Whether a lowered message names a limit per day ("requests per day", "free-models-per-day", "limit_rpd", "TPD",
// "daily", 每日, 每天) and no time to try again in ("Please try again in 1m26s": a rolling window, not the day's).
// Up to three quick searches, then at most one pass over the bytes.
[[nodiscard]] LLMERR_SMALL inline bool says_day_limit_without_retry_time(std::string_view m) noexcept {
    const auto word = [&](std::size_t at, std::string_view w) {  // w at m[at], a word of its own
        return (at == 0 || !is_lower_alnum(m[at - 1])) && starts_with(m.substr(at), w) &&
               (at + w.size() == m.size() || !is_lower_alnum(m[at + w.size()]));
    };
    // Most rate-limit messages hold none of the pairs every day word has: three quick searches say so.
    if (ifind(m, "da", 0) == std::string_view::npos && ifind(m, "pd", 0) == std::string_view::npos &&
        ifind(m, "\xe6\xaf\x8f", 0) == std::string_view::npos)
        return false;
    bool day = false;
    for (std::size_t i = 0; i + 2 < m.size(); ++i) {
        // (The first three bytes of each phrase are tested before anything is called.)
        const char c = m[i], c1 = m[i + 1], c2 = m[i + 2];
        if ((c == 't' && c1 == 'r' && c2 == 'y') || (c == 'r' && c1 == 'e' && c2 == 't')) {
            const std::string_view rest = m.substr(i);
            if (starts_with(rest, "try again in") || starts_with(rest, "retry in") || starts_with(rest, "retry after"))
                return false;  // a time to try again in: a rolling window
        } else if ((c == 'r' || c == 't') && c1 == 'p' && c2 == 'd') {
            day = day || word(i, c == 'r' ? "rpd" : "tpd");
        } else if (c == 'd' && c1 == 'a') {
            day = day || word(i, "daily") || (i >= 4 && starts_with(m.substr(i - 4), "per") && word(i, "day"));
        } else if (c == '\xe6' && c1 == '\xaf' && c2 == '\x8f') {  // 每日, 每天
            day = day || starts_with(m.substr(i + 3), "\xe6\x97\xa5") || starts_with(m.substr(i + 3), "\xe5\xa4\xa9");
        }
    }
    return day;
}

// Whether a lowered message gives a time to try again in of hours or days ("Please try again in 14h29m11.04s", a
// free tier's tokens per minute spent for the day; "try again in 2 hours"): no retry within minutes passes.
[[nodiscard]] constexpr bool says_wait_of_hours(std::string_view m) noexcept {
    for (std::size_t at = ifind(m, "try again in ", 0); at != std::string_view::npos;
         at = ifind(m, "try again in ", at + 1)) {
        std::size_t i = at + 13;
        const std::size_t digits = i;
        while (i < m.size() && m[i] >= '0' && m[i] <= '9') ++i;
        if (i == digits) continue;
        while (i < m.size() && m[i] == ' ') ++i;
        if (i < m.size() && (m[i] == 'h' || m[i] == 'd')) return true;
    }
    return false;
}

// Whether a rate limit's words say no request passes before the quota changes or the day ends (any of the three
// above). Out of line (cold): asked only of a rate limit.
[[nodiscard]] LLMERR_COLD inline bool rate_limit_used_up(std::string_view m) noexcept {
    return says_limit_zero(m) || says_day_limit_without_retry_time(m) || says_wait_of_hours(m);
}

// Whether a limit passes, once the words have spoken (out of line: asked of every response, decisive for few).
// `weak_at_429`: the category came from words alone, at a 429.
LLMERR_SMALL inline void settle_limit(llm_error& r, std::string_view lowered, bool weak_at_429) noexcept {
    // A used-up allowance only words suggest ("exceeded your usage limits"), sent as a 429 whose message itself
    // says to try again later: a limit that passes, as the status says.
    if (weak_at_429 && r.category == category::quota_exhausted && says_try_later(lowered)) {
        r.category = category::rate_limited;
        r.retryable = true;
        r.retry_hint = retry_hint::none;
        r.evidence = evidence::message_words;  // (the row's verdict, if any, was overruled by the words)
    }
    // A rate limit of zero ("Limit: 0/1min. Current: 1/1min", "limit: 0") lets no request through however long
    // the caller waits: the quota is not granted, not used up for now.
    // Nor, until the day ends, does a limit per day with no time to try again in ("free-models-per-day").
    if (r.category == category::rate_limited && rate_limit_used_up(lowered)) {
        r.category = category::quota_exhausted;
        r.retryable = false;
        r.retry_hint = retry_hint::none;
        r.evidence = evidence::message_words;
    }
}

// The documented message a bare message matches best (longest literal text, at least 12 bytes of it).
inline const catalog_entry* match_documented(provider p, const lowered_message& message, int status) {
    const std::vector<pattern_segments>& patterns = documented_patterns();
    const std::vector<std::uint16_t>& sizes = documented_pattern_sizes();
    const pattern_pair_index& by_pair = documented_pattern_pairs();
    row_set candidates;
    const pair_set& pairs = message.pairs();
    for (unsigned w = 0; w < 4; ++w) {
        for (std::uint64_t bits = pairs.bits[w]; bits != 0; bits &= bits - 1) {
            const unsigned b = w * 64 + lowest_bit(bits);
            for (std::size_t k = by_pair.first[b]; k < by_pair.first[b + 1]; ++k) candidates.add(by_pair.rows[k]);
        }
    }
    for (std::size_t k = by_pair.first[256]; k < by_pair.first[257]; ++k) candidates.add(by_pair.rows[k]);
    return best_documented(p, status, 12, true, candidates,
                           [&](const catalog_entry& e, std::size_t best) -> std::size_t {
                               const std::size_t row = row_index(e);
                               const std::size_t literal = sizes[row] & 0x7FFFU;
                               // Cannot win, or cannot match, whether it matches or not.
                               if (literal < 12 || literal < best || literal > message.size) return 0;
                               if (p == provider::unknown && (sizes[row] & 0x8000U) == 0)
                                   return 0;  // a generic phrase names nobody
                               return match_segments(patterns[row], message);
                           });
}

// Whether a row's documented texts are all in another script than the message: Chinese only, and the message
// has none, or the reverse (out of line: asked of few responses).
[[nodiscard]] LLMERR_SMALL inline bool documented_in_other_language(const catalog_entry& row,
                                                                    std::string_view message) noexcept {
    const bool cjk = writes_cjk(message);
    return writes_cjk(row.message.view()) != cjk && writes_cjk(row.description.view()) != cjk;
}

// The evidence a catalogue match of this kind is.
[[nodiscard]] constexpr evidence evidence_of(match_kind k) noexcept {
    switch (k) {
        case match_kind::exact: return evidence::exact_code;
        case match_kind::alias: return evidence::alias;
        case match_kind::compound: return evidence::compound_code;
        case match_kind::family:
        case match_kind::prefix: return evidence::code_family;
        case match_kind::none: break;
    }
    return evidence::none;
}

// A code as found, resolved against one provider's catalogue: exactly, as an alias, or — for a compound
// code such as DashScope's "InternalError.Algo.InvalidParameter" — by the most specific documented code
// inside it (its longest documented dotted suffix), and only then by a documented family or prefix.
//
// Compound codes are capitalised words joined by dots. A client library's qualified exception name
// ("openai.APIConnectionError", "openai.error.RateLimitError", "zhipuai.core._errors.APIInternalError":
// lowercase module names, then the class) is not one: the client raises it for whichever provider it called,
// whatever catalogue lists the class's name; nor is a version or an address ("glm-5.1", "127.0.0.1").
[[nodiscard]] constexpr bool may_be_compound(std::string_view code) noexcept {
    return !code.empty() && code[0] >= 'A' && code[0] <= 'Z';
}

[[nodiscard]] constexpr resolved resolve_compound(provider p, std::string_view api, std::string_view code) noexcept {
    const resolved whole = resolve(p, api, code);
    if (whole.kind == match_kind::exact || whole.kind == match_kind::alias || !may_be_compound(code)) return whole;
    // Suffixes, longest first; codes are short, and a suffix longer than 128 bytes is no documented code.
    for (std::size_t dot = code.find('.'); dot != std::string_view::npos; dot = code.find('.', dot + 1)) {
        const std::string_view suffix = code.substr(dot + 1);
        // (A part is a word: "GLM-5.3" is a model's version, not a compound ending in Qianfan's code 3.)
        if (suffix.size() > 128 || !may_be_compound(suffix)) continue;
        const resolved part = resolve(p, api, suffix);
        if (part.kind == match_kind::exact || part.kind == match_kind::alias) return {part.entry, match_kind::compound};
    }
    return whole;
}

// The first identifier-like token of a text that some provider documents as a code (exactly or as an
// alias), and the provider whose catalogue alone documents the text's such tokens (unknown when several
// providers' tokens appear, or a token is everybody's).
struct known_token {
    std::string_view token;
    provider p = provider::unknown;
};

// "[1214]…" at the start of a text, or "[1313][message][request id]" anywhere in its first window (how Zhipu's
// errors are rendered after a client's prefix: "API Error: Request rejected (429) · [1313][…]"): the 4 to 6
// digits; empty otherwise.
[[nodiscard]] constexpr std::string_view bracketed_code_at_start(std::string_view t) noexcept {
    t = t.substr(0, t.size() < render_window ? t.size() : render_window);
    for (std::size_t at = t.find('['); at != std::string_view::npos; at = t.find('[', at + 1)) {
        std::size_t n = 0;
        while (at + 1 + n < t.size() && n < 7 && t[at + 1 + n] >= '0' && t[at + 1 + n] <= '9') ++n;
        const std::size_t close = at + 1 + n;
        if (n < 4 || n > 6 || close >= t.size() || t[close] != ']') continue;
        if (at == 0 || (close + 1 < t.size() && t[close + 1] == '[')) return t.substr(at + 1, n);
    }
    return {};
}

// Whether a token is a class qualified by its module ("litellm.ServiceUnavailableError", "openai.APIError"):
// then `name` is the class's.
[[nodiscard]] constexpr bool qualified_class(std::string_view token, std::string_view& name) noexcept {
    const std::size_t dot = token.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == token.size() || token[0] < 'a' || token[0] > 'z' ||
        token[dot + 1] < 'A' || token[dot + 1] > 'Z')
        return false;
    name = token.substr(dot + 1);
    return true;
}

inline known_token first_known_token(std::string_view text) noexcept {
    text = text.substr(0, text.size() < match_window * 2 ? text.size() : match_window * 2);
    known_token out;
    bool conflict = false;
    std::string_view client_class;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_code_char(text[i]) || (i > 0 && is_code_char(text[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t k = i;
        while (k < text.size() && is_code_char(text[k])) ++k;
        std::string_view token = text.substr(i, k - i);
        i = k;
        while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.remove_suffix(1);
        // Short words and numbers are everybody's; a code has a capital past its first letter, '_' or '.',
        // and 6+ characters.
        if (token.size() < 6 || token.size() > 96 || is_numeric_token(token)) continue;
        // A client's exception, qualified by its module ("litellm.ServiceUnavailableError: …"), is the client's
        // whichever provider it called; so is the same name again, as its repr prints it (DashScope documents a
        // "ServiceUnavailableError" of its own, a 400 for an empty message).
        if (token == client_class) continue;
        if (qualified_class(token, client_class)) continue;
        bool shaped = false;
        for (std::size_t c = 1; c < token.size(); ++c) {
            shaped = shaped || (token[c] >= 'A' && token[c] <= 'Z') || token[c] == '_' || token[c] == '.';
        }
        if (!shaped) continue;
        bool documented = false;
        provider only = provider::unknown;
        for (provider q : known_providers) {
            const match_kind kind = resolve_compound(q, {}, token).kind;
            if (kind != match_kind::exact && kind != match_kind::alias && kind != match_kind::compound) continue;
            only = documented ? provider::unknown : q;
            documented = true;
        }
        if (!documented) continue;
        if (out.token.empty()) out.token = token;
        if (only != provider::unknown && !conflict) {
            if (out.p != provider::unknown && out.p != only) {
                conflict = true;
                out.p = provider::unknown;
            } else {
                out.p = only;
            }
        }
    }
    return out;
}

LLMERR_PARSER_ENTRY llm_error parse_impl(std::string_view body, int http_status, provider hint,
                                         const header_info* headers) {
    llm_error r;
    r.http_status = http_status;
    std::string_view t = trim_body(body);

    // SSE: find the error event and read its data.
    sse_error ev;  // outlives t, which then views the event's data
    bool dashscope_framing = false;
    if (looks_like_sse(t)) {
        ev = find_sse_error(t);
        if (ev.found) {
            r.from_stream = true;
            if (ev.status != 0) r.http_status = ev.status;
            dashscope_framing = ev.dashscope_framing;
            t = trim_body(ev.data);
        }
    }

    body_facts b = read_body(t);
    if (headers != nullptr && b.code.empty() && !headers->bce_error_code.empty()) {
        assign_capped(b.code, headers->bce_error_code, max_field_bytes);  // Qianfan IAM, in headers only
        if (b.message.empty()) assign_capped(b.message, headers->bce_error_message, max_message_bytes);
        if (b.shape_api.empty()) b.shape_api = "iam";
    }

    // A client's rendering: in a body that is not a recognised envelope, the fields the client wrote out;
    // in one that is, a rendering inside its message ("<400> InternalError.Algo.InvalidParameter: …", a
    // relay's "status code 429").
    // ({"error":"invalid_client","error_description":…} is read as a rendering: its code is the string.)
    // (An envelope whose fields are all empty is not read as one: {"error":{"headers":{…},"error_code":336006,
    // "error_msg":…}} is a client's wrapper around the body, and the rendering pass finds what it holds.)
    const bool structured =
        (b.shape == envelope::error_object || b.shape == envelope::code_message || b.shape == envelope::error_code ||
         b.shape == envelope::task || b.shape == envelope::base_resp || b.shape == envelope::response_error ||
         b.shape == envelope::header) &&
        !(b.code.empty() && b.message.empty() && b.type.empty());
    // A body pasted through a word processor or chat app, its quotes curled ({“error”:{“code”:“1214”, …}}): read
    // with straight ones. (Only when it has no straight double quote: else the curled ones are text.)
    std::string straightened;
    if (!structured && b.shape != envelope::html && t.find("\xE2\x80\x9C") != std::string_view::npos &&
        t.find('"') == std::string_view::npos) {
        straightened = straighten_quotes(t.substr(0, t.size() < render_window ? t.size() : render_window));
    }
    const rendered_fields rf =
        b.shape == envelope::html ? rendered_fields{}  // a gateway's page: markup, no fields
        : !structured             ? read_rendering(straightened.empty() ? t : straightened, max_message_bytes)
        : may_hold_status_rendering(b.message) ? read_rendering(b.message, max_message_bytes, /*statuses_only=*/true)
                                               : rendered_fields{};
    if (!structured && b.shape != envelope::html) {
        std::string_view code = rf.code.empty() ? rf.numeric_code : rf.code;
        if (code.empty() && !rf.error_string.empty() && rf.error_string.size() <= 64 &&
            std::string_view(rf.error_string).find(' ') == std::string_view::npos) {
            code = rf.error_string;  // OAuth: {"error":"invalid_client","error_description":"unknown client id"}
        }
        if (!code.empty() || !rf.message.empty() || rf.angle.message_at != std::string_view::npos) {
            if (b.shape != envelope::error_string) b.shape = envelope::rendering;
            if (b.code.empty()) assign_capped(b.code, code, max_field_bytes);
            if (!rf.message.empty()) b.truncated = assign_capped(b.message, rf.message, max_message_bytes);
            if (b.type.empty()) assign_capped(b.type, rf.type, max_field_bytes);
            if (b.request_id.empty()) assign_capped(b.request_id, rf.request_id, max_field_bytes);
            b.written_by = rendering_written_by(rf, t);
            // vLLM's layout as Python prints it: {'object': 'error', 'message': …}.
            b.object_error_layout = ifind(t, "{'object': 'error'", 0) != std::string_view::npos;
        }
    }
    const bool code_sent = !b.code.empty();  // in a code field, not a code found in the text
    const std::string_view angle_code = rf.angle.code;
    if (b.code.empty() && !angle_code.empty()) assign_capped(b.code, angle_code, max_field_bytes);
    // A number ("code":502, a relay's status; "code: -32603", JSON-RPC's) yields to the provider's named code
    // written inside.
    if (!angle_code.empty() && is_numeric_token(b.code)) assign_capped(b.code, angle_code, max_field_bytes);
    // No code field: a documented code written in the text ("InvalidParameter: …", "[Arrearage] …").
    // (Read only when needed: most bodies name their code in a field.)
    const std::string_view written_in = structured ? std::string_view(b.message) : t;
    known_token written;
    bool written_read = false;
    if (b.code.empty() && b.shape != envelope::html) {
        // A business code in brackets that opens the message or the text, "[1214][history参数非法…]" (how FastGPT
        // and Langchain-Chatchat render Zhipu's errors): four to six digits, which no status is. It is the
        // error's own code, more specific than a documented word written elsewhere ("invalid_request_error").
        std::string_view bracketed = bracketed_code_at_start(b.message);
        if (bracketed.empty()) bracketed = bracketed_code_at_start(written_in);
        if (!bracketed.empty()) {
            assign_capped(b.code, bracketed, max_field_bytes);
        } else {
            written = first_known_token(written_in);
            written_read = true;
            if (!written.token.empty()) assign_capped(b.code, written.token, max_field_bytes);
        }
    }

    // The status that classifies: the provider's, innermost — written before its code, or inside a relay's
    // message — else the one received.
    // (So is a 4xx the body's own code field states under a 5xx: {"error":{"code":"400","message":"账户余额不足…"}}
    // relayed as a 500 is the caller's to fix, as the provider said.)
    const int stated = structured && r.http_status / 100 == 5 ? http_status_of_code(b.code) : 0;
    const int written_status = rf.angle.status != 0   ? rf.angle.status
                               : rf.inner_status != 0 ? rf.inner_status
                               : stated / 100 == 4    ? stated
                                                      : 0;
    if (r.http_status == 0) r.http_status = rf.status != 0 ? rf.status : written_status;
    const int class_status = written_status != 0 ? written_status : r.http_status;

    const lowered_message lowered(b.message);
    const std::string paren_code(trailing_paren_code(b.message));

    // Provider, strongest evidence first: the hint; a code only one provider documents (whatever the
    // shape); Qianfan v1's own shape; request-id formats; DashScope's framing; Ark's `type` words; the
    // shape's other tells; headers; codes and names written in the text. Ambiguous evidence leaves it unknown.
    provider p = hint;
    // A provider's code rendered inside the message ("<503> InternalError.Algo: …", DashScope's framing) is the
    // innermost: it outweighs a code field only another provider documents (DashScope's compatible mode sends
    // "ServiceUnavailable", a Tencent Cloud common code, around it).
    if (p == provider::unknown && !angle_code.empty()) p = provider_by_vocabulary(angle_code);
    if (p == provider::unknown) p = provider_by_vocabulary(b.code);
    // A business code of four or five digits in any error envelope (Zhipu's "1113", Baichuan's 10300), as sent
    // or as a client printed it: only a provider documents such numbers; gateways and relays send statuses.
    // Several document it ("1000"): the one whose documented text for it the message is.
    if (p == provider::unknown && b.shape != envelope::html && !b.object_error_layout && b.code.size() >= 4) {
        p = provider_by_vocabulary(b.code, 4);
        if (p == provider::unknown && all_digits(b.code)) p = provider_by_variants(b.code, lowered, 4);
    }
    if (p == provider::unknown && b.shape != envelope::html) p = provider_by_number_block(b.code);
    // A documented code in parentheses at the end of the message, with the documented wording before it.
    if (p == provider::unknown && !paren_code.empty()) p = provider_by_variants(paren_code, lowered, 3);
    if (p == provider::unknown && b.shape == envelope::error_code) p = b.shape_provider;
    if (p == provider::unknown && b.shape == envelope::rendering && rf.v1_error_code) p = provider::qianfan;
    if (p == provider::unknown) p = provider_by_request_id(b.request_id);
    if (p == provider::unknown) p = provider_by_request_id(request_id_in_message(b.message));
    if (p == provider::unknown && !structured) p = provider_by_request_id(request_id_in_message(t));
    if (p == provider::unknown && (dashscope_framing || !angle_code.empty())) p = provider::dashscope;
    // The type, when the code is empty or nobody's (Moonshot sends its documented identifier as the type).
    if (p == provider::unknown && (b.code.empty() || !documented_anywhere(b.code))) p = provider_by_vocabulary(b.type);
    if (p == provider::unknown && is_ark_type(b.type)) p = provider::ark;
    // Qianfan IAM's {"requestId","code","message"} is also how DashScope's Java SDK re-serialises an error:
    // the shape says Qianfan only when Qianfan's IAM documents the code and the text names nobody else.
    if (p == provider::unknown && b.shape_api != "iam") p = b.shape_provider;
    if (p == provider::unknown && b.shape_api == "iam" && resolve(provider::qianfan, "iam", b.code).entry != nullptr) {
        const provider by_name = provider_by_words(t);
        if (by_name == provider::unknown || by_name == provider::qianfan) p = provider::qianfan;
    }
    if (p == provider::unknown && headers != nullptr) p = headers->evidence;
    // A code a provider's bodies carry for every error (DeepSeek's "invalid_request_error"), unless a provider
    // that documents the code has the message.
    if (p == provider::unknown && code_sent) {
        const provider carries = provider_by_body_code(b.code);
        if (carries != provider::unknown && provider_by_variants(b.code, lowered) == provider::unknown) p = carries;
    }
    // A code several providers document: whose documented message for it does the message match?
    // A provider's own name, host or model ids in the text outweigh a wording several providers share.
    // (Not in vLLM's layout: a self-hosted server's, where a name is the model's maker — "/data/Qwen1.5-72B-Chat".)
    if (p == provider::unknown && !b.object_error_layout) p = provider_by_words(t);
    resemblance_memo like_memo{b.message, class_status};
    if (p == provider::unknown && !b.code.empty()) p = provider_by_wording(b.code, lowered, like_memo);
    // No code: the same for the type, which OpenAI-style bodies fill with it ({"type":"insufficient_quota",
    // "code":null}).
    if (p == provider::unknown && b.code.empty() && !b.type.empty() && std::string_view(b.type) != "error")
        p = provider_by_wording(b.type, lowered, like_memo);
    if (p == provider::unknown && !written_read && b.shape != envelope::html) written = first_known_token(written_in);
    if (p == provider::unknown) p = written.p;
    // A code nobody documents (a relay's "bad_request") around a provider's own wording: the wording names it.
    // (A short number — "1", "500" — is any gateway's code, and its message proves nothing either.)
    if (p == provider::unknown && !b.code.empty() && !(b.code.size() < 6 && all_digits(b.code)) && !b.message.empty() &&
        b.shape != envelope::html) {
        const catalog_entry* said = match_documented(provider::unknown, lowered, class_status);
        if (said == nullptr) said = like_memo.get();
        if (said != nullptr) p = said->provider;
    }
    // The body's serialisation, the weakest evidence of all (a gateway could pass such a body on unchanged):
    // one JSON string for a body is SiliconFlow's (its API reference documents that shape for 401, 404 and 504
    // bodies, and no other provider we know sends it); OpenAI's own layout of its fields is OpenAI's.
    if (p == provider::unknown) p = b.written_by;

    // The most specific code wins: structured field, code written into the message, or (when no code was
    // sent) the type, as Ark's Managed Agent stream and DashScope compatible mode send it.
    // No code anywhere but a documented number of the provider the text named, written in it.
    if (p != provider::unknown && b.code.empty() && b.shape != envelope::html)
        assign_capped(b.code, documented_number_in(structured ? std::string_view(b.message) : t, p), max_field_bytes);
    const int match_status = class_status;
    const catalog_entry* entry = nullptr;
    match_kind how = match_kind::none;
    std::string found_by;        // the code the row was found by, when not the code field's
    bool by_status_row = false;  // the row is the provider's documented status, not a code
    if (p != provider::unknown) {
        resolved best =
            resolve_compound(p, b.shape_api == "iam" && p == provider::qianfan ? "iam" : std::string_view{}, b.code);
        if (best.entry == nullptr) best = resolve_compound(p, {}, b.code);
        if (!angle_code.empty() && angle_code != b.code) {
            const resolved inner = resolve_compound(p, {}, angle_code);
            if (inner.kind >= best.kind && inner.entry != nullptr) {
                best = inner;
                found_by = std::string(angle_code);  // a relay's code around the provider's own
            }
        }
        // The code field names no row of p's: the code the message ends with, else the type (Moonshot's
        // documented identifiers are types).
        if (best.entry == nullptr && !paren_code.empty()) {
            best = resolve_compound(p, {}, paren_code);
            if (best.entry != nullptr) found_by = paren_code;
        }
        if (best.entry == nullptr && !b.type.empty()) {
            best = resolve(p, {}, b.type);
            if (best.entry != nullptr) found_by = b.type;
        }
        // Still nothing: the provider's row for the status, where its documentation lists statuses rather
        // than codes (DeepSeek's "401 - Authentication Fails"; api "http"), when the message says what the
        // row documents: the documented message decided it.
        if (best.entry == nullptr && class_status >= 400 && class_status <= 599) {
            const char digits[3] = {static_cast<char>('0' + class_status / 100),
                                    static_cast<char>('0' + class_status / 10 % 10),
                                    static_cast<char>('0' + class_status % 10)};
            best = resolve(p, "http", std::string_view(digits, 3));
            by_status_row = best.entry != nullptr;
        }
        entry = select_variant_lowered(best.entry, lowered, match_status);
        // A status row counts only when the message says what its documentation says; else the words decide.
        if (by_status_row && entry != nullptr && !matches_documented(*entry, lowered)) {
            entry = nullptr;
            by_status_row = false;
        }
        how = best.kind;
    }
    bool similar = false;
    // (An HTTP status as the code, {"code":"401"}, says no more than the status: the message decides. So does a
    // code no provider documents, {"code":"billing_not_active"}: the documented wording it comes with.)
    if (entry == nullptr && (b.code.empty() || is_http_status_code(b.code) || !documented_anywhere(b.code)) &&
        !b.message.empty() && b.shape != envelope::html) {
        entry = match_documented(p, lowered, match_status);  // a body that is only a message
        if (entry == nullptr)
            entry = p == provider::unknown ? like_memo.get() : resemble_documented(p, b.message, match_status);
        if (entry != nullptr && p == provider::unknown) p = entry->provider;
        similar = entry != nullptr;
    }

    const catalog_entry* agreed_row = nullptr;  // the row several providers agree on, when no provider is known
    r.provider = p;
    // The code the row was found by stands in for an empty code field or a bare number (a relay's status);
    // any other code field survives as sent.
    // (When the code field survives, the code the row was found by is the wrapped provider's: upstream_code.)
    if (!found_by.empty() && (b.code.empty() || all_digits(b.code))) {
        r.code = std::move(found_by);
    } else {
        r.code = std::move(b.code);
        if (found_by != r.code) r.upstream_code = std::move(found_by);
    }
    r.message = std::move(b.message);
    r.type = std::move(b.type);
    r.param = std::move(b.param);
    r.envelope = b.shape;
    r.truncated = b.truncated;
    r.salvaged = b.salvaged;
    if (entry != nullptr) {
        r.entry = entry;
        r.category = entry->category;
        r.retryable = entry->retryable;
        r.retry_hint = entry->retry_hint;
        r.api = entry->api;
        r.evidence = similar || by_status_row ? evidence::message_similarity : evidence_of(how);
        // A row that documents no category ("FailedOperation", an SDK's "APIConnectionError") says nothing the
        // status does not: a status received decides.
        if (r.category == category::unknown && class_status != 0) {
            r.category = category_from_status(class_status);
            r.retryable = is_retryable_by_default(r.category);
            r.retry_hint = retry_hint::none;
            r.evidence = evidence::http_status;
        }
        if (r.http_status == 0 && entry->http_status != 0) {
            r.http_status = entry->http_status;
            r.status_from_catalog = true;
        }
    } else {
        // Unknown to the catalogue. With no provider, several providers may still agree on the code.

        // (Not on an HTTP status as code, "500": a relay's own, whatever the providers documenting it meant.)
        // With no code, the type: OpenAI and the bodies imitating it send {"type":"insufficient_quota",
        // "code":null}.
        const std::string_view agreed_code = !r.code.empty() || std::string_view(r.type) == "error"
                                                 ? std::string_view(r.code)
                                                 : std::string_view(r.type);
        category agreed = category::unknown;
        bool agree = p == provider::unknown && !agreed_code.empty() && !is_http_status_code(agreed_code);
        const catalog_entry* any = nullptr;
        // (Nor on a code in vLLM's and Mistral's layout, "1300": theirs, whoever else documents it.)
        const std::uint32_t documenters = agree && !b.object_error_layout ? documenting_providers(agreed_code) : 0;
        const catalog_entry* openais = nullptr;
        for (provider q : known_providers) {
            if ((documenters >> static_cast<unsigned>(q) & 1U) == 0) continue;
            const resolved k = resolve(q, {}, agreed_code);
            const catalog_entry* e = select_variant_lowered(k.entry, lowered, match_status);
            if (any != nullptr && e->category != agreed) agree = false;
            if (q == copied_provider) openais = e;
            any = e;
            agreed = e->category;
        }
        // With no status to tell them apart, OpenAI's code means what OpenAI documents (copied_provider):
        // {"type":"insufficient_quota","code":null}, however the message is translated.
        if (!agree && class_status == 0 && openais != nullptr) {
            agree = true;
            any = openais;
            agreed = openais->category;
        }
        if (agree && any != nullptr) {
            r.category = agreed;
            r.retryable = is_retryable_by_default(agreed);
            r.evidence = evidence::exact_code;
            agreed_row = any;
        } else {
            // The message's words; else the code's and the type's own ("missing_required_parameter",
            // "invalid_request_error"), read as words.
            // A relay's own failure (one-api / new-api `type`) comes with whatever status the relay chose.
            // With no status received or written, a code that is an HTTP status ({"code":"401"}) stands for it.
            const int status = class_status != 0 ? class_status : http_status_of_code(r.code);
            const int fit = is_relay_own_type(r.type) ? 0 : status;
            category by_words = category_from_words(r.message, fit);
            // A relay's message that says nothing ("Provider returned error") beside its upstream's error body,
            // quoted as a string inside its own ({"metadata":{"raw":"{\"error\":{\"message\":…}}"}}): that body's
            // words.
            // So are a rendering's words before the key its message was read after ("Invalid assistant message:
            // content or tool_calls must be set").
            if (by_words == category::unknown &&
                (structured ? t.find("\\\"message\\\"") != std::string_view::npos : r.message.size() < t.size()))
                by_words = category_from_words(t.substr(0, t.size() < render_window ? t.size() : render_window), fit);
            if (by_words == category::unknown) {
                std::string named(r.code);
                named.push_back(' ');
                named += r.type;
                for (char& c : named) c = c == '_' ? ' ' : c;
                by_words = category_from_words(named, fit);
            }
            // A catch-all word of the caller's class ("invalid", "missing": invalid_request) says less than a
            // 4xx with a meaning of its own (403, 404, 409, 413, 429): "InvalidStatus: … HTTP 403" is a refusal.
            const category by_status = category_from_status(status);
            const bool status_says_more = by_words == category::invalid_request && fit != 0 &&
                                          status_class(status) == 4 && by_status != category::invalid_request &&
                                          by_status != category::unknown;
            r.category = by_words == category::unknown ? by_status
                         : status == 401               ? category::authentication  // the credentials failed
                         : status_says_more            ? by_status
                                                       : by_words;
            r.retryable = is_retryable_by_default(r.category);
            r.evidence = by_words != category::unknown && r.category == by_words ? evidence::message_words
                         : r.category != category::unknown                       ? evidence::http_status
                                                                                 : evidence::none;
        }
        r.api = b.shape_api;
    }
    // A catch-all code (invalid request, access denied, internal error) whose documented message the actual
    // one does not match ("InvalidParameter" saying "Timeout while downloading…", "AccessDenied" saying "Rate
    // limit exceeded"), or a mere family: the message's own words are more specific — within the same status
    // class. A specific code (Arrearage, InvalidApiKey) keeps its meaning whatever words come with it.
    const catalog_entry* row = entry != nullptr ? entry : agreed_row;
    const bool generic_row =
        row != nullptr && (row->category == category::invalid_request || row->category == category::permission_denied ||
                           row->category == category::server_error);
    // (A resemblance to a catch-all row's message is refined the same way: "The parameter … are not valid:
    // … supported value is …" is unsupported.)
    // (A row whose message is its own code, as the SDK-typed codes have, documents no wording to match.)
    // A catch-all row's documented words followed by the specific reason (MiniMax's 2013 "invalid params,
    // context window exceeds limit") are refined too, when the words say more than the documented message's own
    // — but not to not_found: after "invalid params", "… tool id … not found" is a parameter naming nothing.
    // (Only after a short pattern — a few words a provider follows with the reason — and only a message well
    // past it can add a reason: the words are not scanned otherwise, as a parse would pay for it on every body.)
    const bool matched = generic_row && matches_documented(*row, lowered);
    const bool same_as_code =
        row != nullptr && row->message.view() == row->code.view() && r.message != row->code.view();
    // (A row documented only in Chinese, as several of Zhipu's are, neither confirms nor contradicts an English
    // message, nor the reverse: "Your current subscription plan does not yet include access to GLM-5" is 1311's
    // 当前订阅套餐暂未开放. The code keeps its meaning.)
    const bool other_language = generic_row && !matched && documented_in_other_language(*row, r.message);
    const bool refinable = how == match_kind::family || how == match_kind::prefix ||
                           (generic_row && !other_language && (!matched || same_as_code));
    const bool reason_after =
        !refinable && matched && row->match.size() <= 24 && r.message.size() > row->match.size() + 16;
    if (row != nullptr && (!similar || generic_row) && !r.message.empty() && (refinable || reason_after)) {
        const category by_words = category_from_words(r.message, class_status);
        // (After the documented words, the text must say what they do not: the row's own words are scanned
        // last, only when the message's words would change the verdict.)
        if (by_words != category::unknown && by_words != category::invalid_request && by_words != r.category &&
            (refinable ||
             (by_words != category::not_found && by_words != category_from_words(row->message.view(), class_status) &&
              by_words != category_from_words(row->match.view(), class_status)))) {
            r.category = by_words;
            r.retryable = is_retryable_by_default(by_words);
            r.retry_hint = retry_hint::none;
            r.evidence = evidence::message_words;
        }
    }
    // A code documented under another status, whose documented wording the message lacks, received with a 404:
    // the path or resource is missing ("InvalidAction: The specified action is invalid: /api/v3/…" at 404 is a
    // wrong URL, not the documented state conflict). 404 is the one status no provider reuses for other faults.
    // (So is a code several providers agree on, OpenAI's catch-all type "invalid_request_error" for "No run step
    // found with id …".)
    if (row != nullptr && !similar && class_status == 404 && row->http_status != 404 &&
        r.evidence == evidence::exact_code && !matches_documented(*row, lowered)) {
        r.category = category::not_found;
        r.retryable = false;
        r.retry_hint = retry_hint::none;
        r.evidence = evidence::http_status;
    }
    // Weak evidence (a family, a resemblance, words) never contradicts the status class: a 4xx is the
    // caller's, a 5xx the provider's, whatever a prefix or a word suggests.
    const bool weak = r.evidence == evidence::code_family || r.evidence == evidence::message_similarity ||
                      r.evidence == evidence::message_words;
    // A relay's own failure (one-api / new-api `type`) comes with whatever status the relay chose: it says
    // nothing about whose fault it is.
    // Except the words of words_outweigh_status ("Requested input length 99009 exceeds maximum input length 8192"
    // at a 500, "Decode server is overloaded" at a 400).
    if (weak && !fits_status(r.category, is_relay_own_type(r.type) ? 0 : class_status) &&
        !words_outweigh_status(r.category)) {
        r.category = category_from_status(class_status);
        r.retryable = is_retryable_by_default(r.category);
        r.retry_hint = retry_hint::none;
        r.evidence = evidence::http_status;
    }

    // The provider's own words that an identical retry may pass ("If you believe this was done in error, your
    // request may succeed if retried": OpenAI's image safety system, which rewrites prompts) outweigh the
    // category's default.
    // (The words decide the verdict then, whatever row was found: evidence says so.)
    if (!r.retryable && ifind(lowered.view(), "succeed if retried", 0) != std::string_view::npos) {
        r.retryable = true;
        r.retry_hint = retry_hint::none;
        r.evidence = evidence::message_words;
    }
    settle_limit(r, lowered.view(), weak && class_status == 429);

    if (headers != nullptr) {
        r.retry_after = headers->retry_after;
        r.should_retry = headers->should_retry;
        if (headers->should_retry.has_value()) r.retryable = *headers->should_retry;
    }
    if (r.request_id.empty()) r.request_id = std::move(b.request_id);
    if (r.request_id.empty() && headers != nullptr) r.request_id = headers->request_id;
    if (r.request_id.empty()) assign_capped(r.request_id, request_id_in_message(r.message), max_field_bytes);
    return r;
}

// Whether a 2xx body holds an error: scans top-level keys only, skipping values without decoding them.
// Most success bodies never name an error key or event, and may_hold_error() sees that without a scan.
inline bool success_body_has_error(std::string_view t) {
    if (t.empty() || !may_hold_error(t)) return false;
    if (looks_like_sse(t)) return find_sse_error(t).found;
    if (t.front() != '{') return false;  // not JSON: a 2xx with text is not an error response
    // Whatever the nesting, the fields read before a syntax error count: a body cut short still says so.
    return is_error_envelope(scan_json(t, /*keys_only=*/true).fields);
}

// Whether find_error() reports an error for this response. When in doubt (even out of memory), yes.
LLMERR_PARSER_ENTRY bool response_is_error(int http_status, std::string_view body) noexcept {
    if (http_status != 0 && (http_status < 200 || http_status > 299)) return true;
    const std::string_view t = trim_body(body);
#if LLMERR_HAS_EXCEPTIONS
    try {
#endif
        if (success_body_has_error(t)) return true;
#if LLMERR_HAS_EXCEPTIONS
    } catch (...) {
        return true;
    }
#endif
    // Status unknown and the body is neither JSON nor SSE: a plain-text error, most likely.
    return http_status == 0 && !t.empty() && t.front() != '{' && t.front() != '[' && !looks_like_sse(t);
}

#else  // LLMERR_SEPARATE_COMPILATION, not the implementation TU: the definitions are compiled elsewhere.

llm_error parse_impl(std::string_view body, int http_status, provider hint, const header_info* headers);
bool response_is_error(int http_status, std::string_view body) noexcept;

#endif  // LLMERR_PARSER_DEFINITIONS

// What parse() returns when even building the result failed (memory exhausted): the status's category.
inline llm_error failed_parse(int http_status, provider hint) noexcept {
    llm_error r;
    r.provider = hint;
    r.http_status = http_status;
    r.category = category_from_status(http_status);
    r.retryable = is_retryable_by_default(r.category);
    if (r.category != category::unknown) r.evidence = evidence::http_status;
    return r;
}

}  // namespace detail

// Parses one error response. `http_status` 0 = unknown (the catalogue's documented status is then used);
// a non-unknown `hint` says who sent it. Never throws; any bytes of any length give a classified result.
[[nodiscard]] inline llm_error parse(std::string_view body, int http_status = 0,
                                     provider hint = provider::unknown) noexcept {
#if LLMERR_HAS_EXCEPTIONS
    try {
        return detail::parse_impl(body, http_status, hint, nullptr);
    } catch (...) {
        return detail::failed_parse(http_status, hint);
    }
#else
    return detail::parse_impl(body, http_status, hint, nullptr);
#endif
}

// As parse(body, http_status, hint), also reading the response headers: any range of name/value pairs
// (std::map, std::multimap, std::unordered_map, std::vector<std::pair<…>>, cpp-httplib's Headers,
// cpr::Header) or of Boost.Beast fields, or llmerr::raw_headers{text} for the header block as received
// ("HTTP/1.1 429 …\r\nRetry-After: 7\r\n\r\n"; with status 0, its status line's status is used). Names
// match case-insensitively. Reads the request-id headers (x-request-id, x-dashscope-request-id,
// x-acs-request-id, x-bce-request-id, DeepSeek's x-ds-trace-id, x-client-request-id), retry-after-ms,
// Retry-After (seconds or HTTP-date), x-should-retry, Qianfan's X-Bce-Error-Code / X-Bce-Error-Message, and the
// headers that name a provider when the body does not (x-dashscope-*, x-bce-*, OpenAI's openai-* and its
// "req_…" request ids, x-ds-trace-id).
template <class Headers, std::enable_if_t<!std::is_convertible_v<const Headers&, provider>, int> = 0>
[[nodiscard]] llm_error parse(std::string_view body, int http_status, const Headers& headers,
                              provider hint = provider::unknown) noexcept {
    static_assert(detail::is_accepted_headers<Headers>::value,
                  "llmerr::parse / llmerr::find_error: the headers argument must be a range of name/value pairs "
                  "(std::map<std::string, std::string>, std::vector<std::pair<std::string, std::string>>, "
                  "cpp-httplib Headers, cpr::Header), a range of Boost.Beast fields, or llmerr::raw_headers{text} "
                  "for a header block as received");
    if constexpr (detail::is_accepted_headers<Headers>::value) {
#if LLMERR_HAS_EXCEPTIONS
        try {
#endif
            http_status = detail::effective_status(http_status, headers);
            const detail::header_info h = detail::read_headers(headers, std::chrono::system_clock::now());
            llm_error r = detail::parse_impl(body, http_status, hint, &h);
            detail::note_header_truncation(r, h);
            return r;
#if LLMERR_HAS_EXCEPTIONS
        } catch (...) {
            return detail::failed_parse(http_status, hint);
        }
#endif
    } else {
        return detail::failed_parse(http_status, hint);  // not reached: the static_assert failed
    }
}

// For responses that may be successes: std::nullopt for a 2xx without an error (checked by scanning
// top-level keys only), the parsed error otherwise — including Qianfan's HTTP-200 `error_code` bodies and
// SSE error events. A non-2xx status is always an error; with status 0 the body decides.
[[nodiscard]] inline std::optional<llm_error> find_error(int http_status, std::string_view body,
                                                         provider hint = provider::unknown) noexcept {
    if (!detail::response_is_error(http_status, body)) return std::nullopt;
    return parse(body, http_status, hint);
}

// As find_error(http_status, body, hint), also reading the response headers (see parse).
template <class Headers, std::enable_if_t<!std::is_convertible_v<const Headers&, provider>, int> = 0>
[[nodiscard]] std::optional<llm_error> find_error(int http_status, std::string_view body, const Headers& headers,
                                                  provider hint = provider::unknown) noexcept {
    static_assert(detail::is_accepted_headers<Headers>::value,
                  "llmerr::find_error: the headers argument must be a range of name/value pairs "
                  "(std::map<std::string, std::string>, std::vector<std::pair<std::string, std::string>>, "
                  "cpp-httplib Headers, cpr::Header), a range of Boost.Beast fields, or llmerr::raw_headers{text} "
                  "for a header block as received");
    if constexpr (detail::is_accepted_headers<Headers>::value) {
        const int status = detail::effective_status(http_status, headers);
        if (!detail::response_is_error(status, body)) return std::nullopt;
        return parse(body, status, headers, hint);
    } else {
        return std::nullopt;  // not reached: the static_assert failed
    }
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_PARSE_HPP
