// SPDX-License-Identifier: MIT
// llmerr — llm_error, the one result of parsing an error response, and what it says about its origin
// (envelope: which body shape; evidence: how the verdict was reached). Costs only the standard library:
// an SDK header that passes llm_error around includes this (or <llmerr/fwd.hpp>), not the parser.
#ifndef LLMERR_ERROR_HPP
#define LLMERR_ERROR_HPP

#include <chrono>       // std::chrono::milliseconds
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/provider.hpp>

LLMERR_BEGIN_NAMESPACE

struct catalog_entry;  // <llmerr/catalog.hpp>

// A message longer than this is cut (at a UTF-8 boundary) and llm_error::truncated is set.
inline constexpr std::size_t max_message_bytes = std::size_t{64} * 1024;
// Codes, types, params and request ids longer than this are cut.
inline constexpr std::size_t max_field_bytes = 1024;

// envelope
//
// Which shape of error body was recognised. Values may be added in later versions.
enum class envelope : std::uint8_t {
    none = 0,             // empty body
    error_object = 1,     // {"error":{"code","message","type","param"}}: Ark, DashScope compatible mode, Qianfan v2
    code_message = 2,     // {"code","message"} at the top level: DashScope native, Qianfan IAM (BCE)
    error_code = 3,       // {"error_code","error_msg"} or {"code":<number>,"msg"}: Qianfan v1
    error_string = 4,     // {"error":"text"} (also OAuth's {"error":"invalid_client","error_description":…})
    json_other = 5,       // JSON, but no recognised error envelope
    html = 6,             // an HTML page, typically a gateway's
    text = 7,             // plain text, or bytes that are not JSON
    task = 8,             // an asynchronous task that failed: {"output":{"task_status":"FAILED","code","message"}}
    rendering = 9,        // a client's text rendering: "<400> Code: message", "code: N, msg: …", "Code: message"
    base_resp = 10,       // {"base_resp":{"status_code","status_msg"}}, often inside HTTP 200: MiniMax
    response_error = 11,  // {"Response":{"Error":{"Code","Message"},"RequestId"}}: Tencent Cloud APIs (Hunyuan)
    header = 12,          // {"header":{"code","message","sid"}}, a non-zero code: iFlytek Spark's WebSocket frames
    json_string = 13,     // one JSON string and nothing else, "Invalid token": SiliconFlow's 401, 404 and 504 bodies
};

// Returns the enumerator's name, e.g. "error_object".
[[nodiscard]] constexpr std::string_view to_string(envelope e) noexcept {
    switch (e) {
        case envelope::error_object: return "error_object";
        case envelope::code_message: return "code_message";
        case envelope::error_code: return "error_code";
        case envelope::error_string: return "error_string";
        case envelope::json_other: return "json_other";
        case envelope::html: return "html";
        case envelope::text: return "text";
        case envelope::task: return "task";
        case envelope::rendering: return "rendering";
        case envelope::base_resp: return "base_resp";
        case envelope::response_error: return "response_error";
        case envelope::header: return "header";
        case envelope::json_string: return "json_string";
        case envelope::none: break;
    }
    return "none";
}

// How many envelope values there are (the largest is envelope_count - 1).
inline constexpr std::size_t envelope_count = 14;

// evidence
//
// How the category and retryability were reached, strongest last: how far a caller can trust them.
// Values may be added in later versions.
enum class evidence : std::uint8_t {
    none = 0,                // nothing said what happened: category unknown
    http_status = 1,         // the HTTP status alone (received, or written in the text)
    message_words = 2,       // well-known words in the message ("rate limit", "欠费", …)
    message_similarity = 3,  // the message resembles a documented message of the catalogue
    code_family = 4,         // the code belongs to a documented family or dotted prefix ("Throttling.X")
    compound_code = 5,       // a documented code inside a compound one ("InternalError.Algo.InvalidParameter")
    alias = 6,               // another documented spelling of a code (DashScope compatible ↔ native)
    exact_code = 7,          // the code, exactly as documented
};

// Returns the enumerator's name, e.g. "exact_code".
[[nodiscard]] constexpr std::string_view to_string(evidence e) noexcept {
    switch (e) {
        case evidence::http_status: return "http_status";
        case evidence::message_words: return "message_words";
        case evidence::message_similarity: return "message_similarity";
        case evidence::code_family: return "code_family";
        case evidence::compound_code: return "compound_code";
        case evidence::alias: return "alias";
        case evidence::exact_code: return "exact_code";
        case evidence::none: break;
    }
    return "none";
}

// How many evidence values there are (the largest is evidence_count - 1).
inline constexpr std::size_t evidence_count = 8;

// Returns the evidence named exactly `name` (as to_string spells it), or std::nullopt.
[[nodiscard]] constexpr std::optional<evidence> evidence_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < evidence_count; ++i) {
        const auto e = static_cast<evidence>(i);
        if (to_string(e) == name) return e;
    }
    return std::nullopt;
}

// llm_error
//
// One failed call, whatever the provider and shape. Strings hold what the provider sent (the raw code and
// message survive even when the catalogue does not know them); `entry` points into the catalogue when it
// does. A parsed error is always an error: there is no "ok" state.
struct llm_error {
    llmerr::provider provider = llmerr::provider::unknown;  // who sent it; unknown when ambiguous
    int http_status = 0;  // as received (or written in a rendering); the documented status when 0 was passed
    std::string code;     // as sent: "InvalidApiKey", "336501" (numeric codes in decimal)
    // The provider's own code, when a relay (one-api, new-api, a gateway) sent its own in the code field and
    // wrapped the provider's in the message or type: "InternalError.Algo.InvalidParameter" under the relay's
    // "bad_response_status_code". The verdict is the wrapped code's. Empty when there is no such wrapper.
    std::string upstream_code;
    std::string message;     // as sent (cut at max_message_bytes)
    std::string request_id;  // from the body, else a header, else the message ("Request id: …")
    llmerr::category category = llmerr::category::unknown;  // what the caller must do
    bool retryable = false;  // whether sending the identical request again later can succeed
    std::optional<std::chrono::milliseconds> retry_after;  // from retry-after-ms / Retry-After
    // The catalogue's row the code resolved to (variant chosen by message); null if unknown. The verdict is
    // the row's unless `evidence` is message_words or http_status: then the message's words or the status
    // overruled a catch-all code or a family, and category and retryable are those of the overruling evidence.
    const catalog_entry* entry = nullptr;
    std::string type;      // OpenAI-style `type` ("BadRequest", "invalid_request_error", …)
    std::string param;     // OpenAI-style `param`, when a string
    std::string_view api;  // API surface: the entry's, else the shape's ("v1", "v2", "iam"); may be empty
    llmerr::retry_hint retry_hint = llmerr::retry_hint::none;  // the catalogue's advice beyond yes/no
    std::optional<bool> should_retry;  // the x-should-retry header, when sent (it overrides `retryable`)
    llmerr::envelope envelope = llmerr::envelope::none;  // which body shape was recognised
    llmerr::evidence evidence = llmerr::evidence::none;  // how category and retryable were reached
    bool from_stream = false;                            // the error came from an SSE event
    bool truncated = false;                              // the message was cut at max_message_bytes
    bool salvaged = false;             // the JSON was broken (e.g. truncated); fields were read up to the break
    bool status_from_catalog = false;  // http_status is the catalogue's documented one, not one received
};

LLMERR_END_NAMESPACE

#endif  // LLMERR_ERROR_HPP
