// SPDX-License-Identifier: MIT
// llmerr — classifying what the catalogue does not know: HTTP status, then well-known message words. Internal.
#ifndef LLMERR_DETAIL_CLASSIFY_HPP
#define LLMERR_DETAIL_CLASSIFY_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

#include <llmerr/category.hpp>
#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// The category an HTTP status implies on its own.
[[nodiscard]] constexpr category category_from_status(int status) noexcept {
    switch (status) {
        case 400: return category::invalid_request;
        case 401: return category::authentication;
        case 402: return category::billing;  // Payment Required
        case 403: return category::permission_denied;
        case 404: return category::not_found;
        case 405: return category::invalid_request;  // Qianfan v2 method_not_supported
        case 408: return category::timeout;
        case 409: return category::conflict;
        case 413: return category::payload_too_large;
        case 415: return category::unsupported;
        case 422: return category::invalid_request;
        case 429: return category::rate_limited;
        case 499: return category::cancelled;
        case 500:
        case 502: return category::server_error;  // 502 Bad Gateway: the upstream failed, not a capacity limit
        case 503: return category::overloaded;
        case 504: return category::timeout;
        case 529: return category::overloaded;  // Anthropic-format APIs (MiniMax's, Kimi's): "overloaded_error"
        default: break;
    }
    if (status >= 500 && status <= 599) return category::server_error;
    if (status >= 400 && status <= 499) return category::invalid_request;
    return category::unknown;
}

struct message_word {
    std::string_view word;  // matched case-insensitively anywhere in the message
    category cat;
    // An HTTP reason phrase ("Forbidden", "Not Found"): with that status, it only restates it, and a more
    // specific word later in the message says more ("Access forbidden (403): … concurrent request limit").
    bool reason_phrase = false;
};

// Words that say what a message means when its code is unknown or missing. First match wins, so the
// specific come before the general. Structured fields always beat these: they are consulted only when the
// catalogue has no entry for the response.
inline constexpr message_word message_words[] = {
    // Billing — Ark AccountOverdueError "overdue balance"; DashScope Arrearage "in good standing";
    // Qianfan v2 account_overdue; Chinese docs say 欠费 / 余额不足.
    {"overdue", category::billing},
    {"arrear", category::billing},
    {"in good standing", category::billing},
    {"insufficient balance", category::billing},
    {"balance is insufficient", category::billing},
    {"insufficient account balance", category::billing},  // "Your paid balance is insufficient" (SiliconFlow)
    {"top up", category::billing},
    {"\xE6\xAC\xA0\xE8\xB4\xB9", category::billing},                          // 欠费
    {"\xE4\xBD\x99\xE9\xA2\x9D\xE4\xB8\x8D\xE8\xB6\xB3", category::billing},  // 余额不足
    // one-api / new-api: a user's prepaid quota is its balance ("user quota is not enough", 用户额度不足).
    {"quota is not enough", category::billing},
    {"user quota", category::billing},  // new-api: "pre-consumed quota failed, user quota: $0.02, need quota: …"
    {"\xE9\xA2\x9D\xE5\xBA\xA6\xE4\xB8\x8D\xE8\xB6\xB3", category::billing},  // 额度不足
    {"\xE5\x85\x85\xE5\x80\xBC", category::billing},                          // 充值 (top up)
    {"subscription", category::billing},
    // "Your account is not active, please check your billing details" (OpenAI's billing_not_active, at 429).
    // (Not "billing details" alone: DashScope throttles with "… check your plan and billing details".)
    {"account is not active", category::billing},
    // Content moderation — DashScope DataInspectionFailed "inappropriate content"; Ark
    // SensitiveContentDetected "sensitive information"; Qianfan 文审/图审不安全, 敏感.
    {"inappropriate content", category::content_filtered},
    {"sensitive", category::content_filtered},
    {"unsafe", category::content_filtered},
    {"\xE6\x95\x8F\xE6\x84\x9F", category::content_filtered},  // 敏感
    {"\xE8\xBF\x9D\xE8\xA7\x84", category::content_filtered},  // 违规
    // A risk verdict on the content: DeepSeek "Content Exists Risk", Moonshot "considered high risk".
    {"exists risk", category::content_filtered},
    {"high risk", category::content_filtered},
    // A policy or safety system said no: "rejected as a result of our safety system", content_policy_violation.
    {"safety system", category::content_filtered},
    {"content policy", category::content_filtered},
    {"content_policy", category::content_filtered},
    // "blocked by our content filters" (OpenAI's images), Azure OpenAI's "content management policy", OpenAI's
    // "flagged as potentially violating our usage policy" (not a "Fair Usage Policy", which limits frequency).
    {"content filter", category::content_filtered},
    {"content management polic", category::content_filtered},
    {"violating our usage polic", category::content_filtered},
    {"was flagged", category::content_filtered},  // "This content was flagged for possible cybersecurity risk"
    // Context length — DashScope "Range of input length", "exceed model limit"; Qianfan
    // "Prompt tokens too long", "max input characters"; OpenAI-style "maximum context length".
    {"context length", category::context_length_exceeded},
    {"context_length", category::context_length_exceeded},
    {"maximum context", category::context_length_exceeded},
    {"tokens too long", category::context_length_exceeded},
    {"input length", category::context_length_exceeded},
    {"max input characters", category::context_length_exceeded},
    {"prompt exceeds", category::context_length_exceeded},  // "Prompt exceeds max length" (Zhipu)
    {"max_seq_len", category::context_length_exceeded},     // vLLM-served models: "… must be less than max_seq_len"
    // Hugging Face TGI: "`inputs` tokens + `max_new_tokens` must be <= 2048", "`inputs` must have less than 4096 tokens".
    {"inputs` tokens", category::context_length_exceeded},
    {"inputs` must have less than", category::context_length_exceeded},
    // The prompt over the model's window, in the words of agents and Anthropic-style APIs: "Context overflow:
    // prompt too large for the model", "prompt is too long: 210000 tokens > 200000 maximum", "context window".
    {"context overflow", category::context_length_exceeded},
    {"context window", category::context_length_exceeded},
    {"prompt is too long", category::context_length_exceeded},
    {"prompt too long", category::context_length_exceeded},
    {"prompt too large", category::context_length_exceeded},
    {"model max length", category::context_length_exceeded},  // Moonshot's older "model max length exceeded"
    // The same in other APIs' words: "The total length of all messages is too long" (Perplexity), "Input is too
    // long for requested model" (Bedrock), "The input token count (N) exceeds the maximum number of tokens
    // allowed" (Gemini). (Not "too many tokens": "too many tokens per minute" is a rate limit.)
    {"messages is too long", category::context_length_exceeded},
    {"messages are too long", category::context_length_exceeded},
    {"input is too long", category::context_length_exceeded},
    {"input token count", category::context_length_exceeded},
    {"\xE8\xB6\x85\xE8\xBF\x87\xE6\x9C\x80\xE5\xA4\xA7\xE9\x95\xBF\xE5\xBA\xA6",
     category::context_length_exceeded},  // 超过最大长度
    // Exhausted quotas, which no quick retry fixes — DashScope "Free allocated quota exceeded", "free tier";
    // Ark "free trial quota", "usage quota … will reset"; Qianfan "daily request limit"; 额度已用完/耗尽.
    {"free allocated quota", category::quota_exhausted},
    {"free quota", category::quota_exhausted},  // a gateway's "Free quota used (30 requests / 5h). Resets at …"
    {"free tier", category::quota_exhausted},
    {"free trial", category::quota_exhausted},
    {"usage quota", category::quota_exhausted},
    {"daily request limit", category::quota_exhausted},
    {"total request limit", category::quota_exhausted},
    // Limits over a week or a month (coding plans: Zhipu "Weekly/Monthly Limit Exhausted"): no retry soon helps.
    {"weekly", category::quota_exhausted},
    {"monthly limit", category::quota_exhausted},
    {"hard limit", category::quota_exhausted},  // a spending cap the account set: "Billing hard limit …
    // A plan's cap over a period: Kimi Code "reached your usage limit for this billing cycle" (at 403), MiniMax
    // "5-hour usage limit reached", Anthropic "reached your specified API usage limits".
    {"usage limit", category::quota_exhausted},
    {"\xE9\xA2\x9D\xE5\xBA\xA6\xE5\xB7\xB2\xE7\x94\xA8\xE5\xAE\x8C", category::quota_exhausted},  // 额度已用完
    {"\xE8\x80\x97\xE5\xB0\xBD", category::quota_exhausted},                                      // 耗尽
    // Rate limits — "Rate limit reached for RPM/TPM" (Qianfan), "Requests throttling triggered"
    // (DashScope), "Too many requests", "qps request limit"; 限流 / 超限额.
    {"rate limit", category::rate_limited},
    {"throttl", category::rate_limited},
    {"too many requests", category::rate_limited, true},
    {"request limit", category::rate_limited},
    {"requests per minute", category::rate_limited},
    {"tokens per minute", category::rate_limited},
    {"rpm limit", category::rate_limited},  // "RPM limit exceeded. Please complete identity verification …" (403)
    {"tpm limit", category::rate_limited},
    {"\xE9\x99\x90\xE6\xB5\x81", category::rate_limited},  // 限流
    {"\xE9\xA2\x91\xE7\xB9\x81", category::rate_limited},  // 频繁 (访问过于频繁: requests too frequent)
    {"\xE5\xB9\xB6\xE5\x8F\x91", category::rate_limited},  // 并发 (concurrency)
    {"too frequent", category::rate_limited},
    {"concurrency", category::rate_limited},
    {"rate increased too quickly", category::rate_limited},
    // Credentials — DashScope "Invalid API-key provided", Ark "API key … missing or invalid", Qianfan
    // "Access token invalid or no longer valid", IAM "Signature does not match"; 鉴权失败.
    {"api key", category::authentication},
    {"api-key", category::authentication},
    {"apikey", category::authentication},
    {"access token", category::authentication},
    {"unauthorized", category::authentication, true},
    {"authentication", category::authentication},
    {"signature", category::authentication},
    // Credentials named as identifiers or pairs: "missing BAIDU_API_KEY", "AK/SK should be obtained",
    // "secret key", an `InvalidTokenError` / `invalid_token` (OAuth).
    {"api_key", category::authentication},
    {"secret key", category::authentication},
    {"secret_key", category::authentication},
    {"access key", category::authentication},
    {"access_key", category::authentication},
    {"ak/sk", category::authentication},
    {"secretid", category::authentication},  // Tencent Cloud's credential pair: SecretId / SecretKey
    {"secret id", category::authentication},
    {"\xE7\xAD\xBE\xE5\x90\x8D", category::authentication},  // 签名 (signature)
    {"invalid token", category::authentication},
    {"invalidtoken", category::authentication},
    {"invalid_token", category::authentication},
    {"\xE9\x89\xB4\xE6\x9D\x83", category::authentication},  // 鉴权
    // Permission — "Access denied", "not activated", "no permission"; 无权限.
    {"access denied", category::permission_denied},
    {"permission", category::permission_denied},
    {"forbidden", category::permission_denied, true},
    {"not activated", category::permission_denied},
    {"must be verified", category::permission_denied},  // "Your organization must be verified to stream this model"
    {"\xE6\x97\xA0\xE6\x9D\x83", category::permission_denied},  // 无权
    // Timeouts — "Request timed out" (DashScope RequestTimeOut), "timeout"; 超时.
    {"timed out", category::timeout},
    {"timeout", category::timeout},
    {"\xE8\xB6\x85\xE6\x97\xB6", category::timeout},  // 超时
    // Provider failures — "Internal error", "The server had an error while processing your request",
    // "Engine internal server error"; 内部错误 / 服务器错误.
    {"internal error", category::server_error},
    {"internal server error", category::server_error, true},
    {"server error", category::server_error, true},  // also the class's name: "504 Server Error: Gateway Timeout"
    {"server had an error", category::server_error},
    {"server issues", category::server_error},  // "We're currently experiencing server issues" (Coze)
    {"system error", category::server_error},
    {"\xE5\x86\x85\xE9\x83\xA8\xE9\x94\x99\xE8\xAF\xAF", category::server_error},  // 内部错误
    // The connection dropped before a response (a relay's "do request failed: Post …: EOF", Node's "socket hang
    // up", ECONNRESET): nothing was decided about the request, so sending it again can pass.
    {"connection reset", category::server_error},
    {"connection error", category::server_error},  // the OpenAI SDKs' APIConnectionError: "Connection error."
    {"econnreset", category::server_error},
    {"socket hang up", category::server_error},
    {"connection lost", category::server_error},  // Cloudflare Workers' "Network connection lost." (gateways on it)
    {"broken pipe", category::server_error},
    {"server disconnected", category::server_error},
    {"remote end closed", category::server_error},
    {"unexpected eof", category::server_error},
    {"\": eof", category::server_error},  // Go's io.EOF after the URL it posted to
    // Envoy (in front of many APIs) could not reach or lost the service behind it: "upstream connect error or
    // disconnect/reset before headers. reset reason: connection termination".
    {"upstream connect error", category::server_error},
    {"reset before headers", category::server_error},
    // A response the client could not read as JSON, empty or cut short under load (node-fetch's "invalid json
    // response body at … reason: Unexpected end of JSON input", Python's "Expecting value: line 5 column 1"
    // after a 200): the provider failed to answer. (At a 4xx, a body the server could not read, it does not fit.)
    {"invalid json response", category::server_error},
    {"expecting value: line", category::server_error},
    {"looking for beginning of value", category::server_error},  // Go's encoding/json on an HTML page
    // Capacity — Ark ServerOverloaded "server overload", DashScope ModelServingError "system capacity
    // limits", Qianfan 336100 "与我互动的人过多", "service is busy".
    {"overload", category::overloaded},
    {"capacity", category::overloaded},
    {"temporarily unavailable", category::overloaded},
    {"busy", category::overloaded},
    {"high traffic", category::overloaded},  // "High traffic detected" (MiniMax, with a 529)
    {"queue is full", category::overloaded},
    {"\xE7\xB9\x81\xE5\xBF\x99", category::overloaded},  // 繁忙
    {"saturat", category::overloaded},                   // "upstream load saturated"
    {"\xE9\xA5\xB1\xE5\x92\x8C", category::overloaded},  // 饱和 (负载已饱和: load saturated)
    // Model loading — Ark ModelLoadingError "model is currently being loaded".
    {"being loaded", category::model_loading},
    {"loading model", category::model_loading},      // a server still loading it: "OpenAIException - Loading model"
    {"currently loading", category::model_loading},  // Hugging Face: "Model … is currently loading"
    // A token parameter's value over what the model allows ("max_tokens is too large: 8192. This model supports at
    // most 4096 completion tokens"): the request's number, not its size.
    {"tokens is too large", category::invalid_request},
    // Size — DashScope BadRequest.TooLarge "Payload Too Large", "exceeds size limit".
    {"too large", category::payload_too_large},
    {"size limit", category::payload_too_large},
    // Message order, which the request must fix (listed before "not support", which would otherwise win at
    // the same place): "does not support successive user or assistant messages" (DeepSeek), "consecutive".
    {"not support successive", category::invalid_request},
    {"not support consecutive", category::invalid_request},
    // Not found / unsupported — "does not exist", "not found", "invalid model", "not supported"; 不存在 / 不支持.
    {"invalid model", category::not_found},
    {"unknown model", category::not_found},      // "Unknown Model, please check the model code" (Z.ai)
    {"not a valid model", category::not_found},  // "deepseek-r1t-chimera:free is not a valid model ID" (OpenRouter)
    {"invalid url", category::not_found},        // OpenAI's wrong path: "Invalid URL (POST /v1/v1/chat/completions)"
    {"could not route", category::not_found},    // Cloudflare's: "Could not route to /client/v4/accounts/…"
    {"model names are", category::not_found},  // "The supported API model names are …, but you passed …" (DeepSeek)
    {"decommission", category::not_found},     // a retired model: "has been decommissioned and is no longer supported"
    {"no available channel", category::not_found},  // a relay has no upstream for this model
    {"\xE6\x97\xA0\xE5\x8F\xAF\xE7\x94\xA8\xE6\xB8\xA0\xE9\x81\x93", category::not_found},  // 无可用渠道
    {"not found", category::not_found, true},
    {"no static resource", category::not_found},  // Spring's 404 for a path it does not serve
    {"no handler found", category::not_found},    // Spring's 404, older form
    {"does not exist", category::not_found},
    {"not exist", category::not_found},
    {"\xE4\xB8\x8D\xE5\xAD\x98\xE5\x9C\xA8", category::not_found},  // 不存在
    {"not support", category::unsupported},
    {"not yet supported", category::unsupported},
    {"only support", category::unsupported},  // "incremental_output only support stream call"
    {"unsupported", category::unsupported},
    // A kind of content the API has no variant for (serde: "data did not match any variant of untagged enum
    // ChatCompletionRequestContent"; not "unknown variant `developer`", a role's value the request must fix), or
    // that no endpoint offers ("No endpoints found that support tool use", OpenRouter).
    {"any variant", category::unsupported},
    {"found that support", category::unsupported},
    {"unknown type", category::unsupported},  // a `type` the endpoint does not know: a feature it lacks
    {"unknown tool type", category::unsupported},
    {"\xE4\xB8\x8D\xE6\x94\xAF\xE6\x8C\x81", category::unsupported},  // 不支持
    // Cancellation — Ark RequestCancelled "has been cancelled", RequestCanceled "is canceled".
    {"cancelled", category::cancelled},
    {"canceled", category::cancelled},
};

// Words that only say the request was wrong somehow: consulted when none of message_words is found.
// The short lists hold their words in place (char arrays, not string_views): no load-time relocations.
struct generic_word {
    char word[16];  // NUL-terminated
    category cat;
};
inline constexpr generic_word generic_words[] = {
    // A time to try again in, and no other word: a limit that passes (LiteLLM's router: "No deployments
    // available for selected model, Try again in 60 seconds").
    {"try again in", category::rate_limited},
    // The request itself — "invalid parameter", "is not valid", "required parameter", "missing"; OpenAI's
    // `invalid_request_error`; 参数 (parameter).
    {"invalid_request", category::invalid_request},
    {"invalid request", category::invalid_request},
    {"bad request", category::invalid_request},
    {"badrequest", category::invalid_request},       // BadRequestError, the SDKs' exception for a 400
    {"is not one of", category::invalid_request},    // JSON Schema validators: "'developer' is not one of [...]"
    {"must be between", category::invalid_request},  // a value out of its range: "top_p must be between 0 and 1"
    {"out of range", category::invalid_request},
    {"the maximum of", category::invalid_request},  // JSON Schema: "14 is greater than the maximum of 1 - 'top_p'"
    {"the minimum of", category::invalid_request},
    {"deserialize", category::invalid_request},  // serde: "Failed to deserialize the JSON body into the target type"
    {"parameter", category::invalid_request},
    {"not valid", category::invalid_request},
    {"invalid", category::invalid_request},
    {"required", category::invalid_request},
    {"missing", category::invalid_request},
    {"issue with your", category::invalid_request},  // "There was an issue with your request. Please check your inputs"
    {"\xE4\xB8\x8D\xE8\x83\xBD\xE4\xB8\xBA\xE7\xA9\xBA", category::invalid_request},  // 不能为空 (must not be empty)
    {"\xE5\x8F\x82\xE6\x95\xB0", category::invalid_request},                          // 参数
    {"\xE6\xA0\xBC\xE5\xBC\x8F", category::invalid_request},  // 格式 (请求格式有误: the request's format is wrong)
};

// Which side of the HTTP status classes a category is on: 4 (the caller's), 5 (the provider's), 0 (either:
// unknown, timeout — 408 or 504).
[[nodiscard]] constexpr int status_class_of(category c) noexcept {
    switch (c) {
        case category::server_error:
        case category::overloaded:
        case category::model_loading: return 5;
        case category::unknown:
        case category::timeout: return 0;
        default: return 4;
    }
}

[[nodiscard]] constexpr int status_class(int status) noexcept {
    return status >= 400 && status <= 499 ? 4 : status >= 500 && status <= 599 ? 5 : 0;
}

// Whether a category can be what a response with this status means. 429 is also how providers say they lack
// capacity (Ark's ServerOverloaded, relays' "upstream saturated"): overloaded fits it, and retries the same.
[[nodiscard]] constexpr bool fits_status(category c, int status) noexcept {
    const int sc = status_class(status);
    const int cc = status_class_of(c);
    return sc == 0 || cc == 0 || sc == cc || (status == 429 && c == category::overloaded);
}

// Categories whose words hold whatever the status class: an input over the model's length fails again whoever
// answers (even at a 5xx), and a provider that says it is overloaded can pass a retry (even at a 4xx, as JD Cloud
// sends "Decode server is overloaded").
[[nodiscard]] constexpr bool words_outweigh_status(category c) noexcept {
    return c == category::context_length_exceeded || c == category::overloaded;
}

// All the words category_from_words looks for, in one list: message_words (kind 0, in their order), then the
// words of a size over a limit in bytes or pixels (kind 2: a noun, kind 3: an excess — "Image exceeds the
// maximum allowed total pixels", "The size of image is beyond limit"; lengths in tokens or characters are
// context length, found by their own words), then generic_words (kind 1).
// A word of the four lists, by list and index: two bytes, no pointer (a copy of each string_view would cost
// 16 bytes and a load-time relocation of 24 in every program).
struct classify_word {
    std::uint8_t kind;  // 0 message word, 1 generic word, 2 size noun, 3 excess
    std::uint8_t at;    // index in message_words, generic_words, size_nouns or size_excess
};

inline constexpr std::size_t message_word_count = sizeof(message_words) / sizeof(message_words[0]);

// message_words as a program holds them: the words back to back in one char array, with their ends, categories
// and flags in parallel arrays. message_words itself is read only at compile time, so no program holds its
// string_views (16 bytes each, plus a 24-byte load-time relocation each in a position-independent program).
template <std::size_t N, std::size_t Bytes>
struct packed_words {
    char pool[Bytes + 1] = {};
    std::uint16_t end[N] = {};  // word i is pool[end[i - 1] (0 for the first), end[i])
    category cat[N] = {};
    bool reason_phrase[N] = {};

    [[nodiscard]] constexpr std::string_view word(std::size_t i) const noexcept {
        const std::size_t begin = i == 0 ? 0 : end[i - 1];
        return {pool + begin, end[i] - begin};
    }
};

inline constexpr std::size_t message_word_bytes = [] {
    std::size_t n = 0;
    for (const message_word& w : message_words) n += w.word.size();
    return n;
}();
static_assert(message_word_bytes <= 0xFFFF, "packed_words ends are 16-bit");

inline constexpr packed_words<message_word_count, message_word_bytes> packed_message_words = [] {
    packed_words<message_word_count, message_word_bytes> p;
    std::size_t at = 0;
    for (std::size_t i = 0; i < message_word_count; ++i) {
        for (const char c : message_words[i].word) p.pool[at++] = c;
        p.end[i] = static_cast<std::uint16_t>(at);
        p.cat[i] = message_words[i].cat;
        p.reason_phrase[i] = message_words[i].reason_phrase;
    }
    return p;
}();
[[nodiscard]] constexpr bool packed_as_listed() noexcept {
    for (std::size_t i = 0; i < message_word_count; ++i) {
        if (packed_message_words.word(i) != message_words[i].word ||
            packed_message_words.cat[i] != message_words[i].cat ||
            packed_message_words.reason_phrase[i] != message_words[i].reason_phrase)
            return false;
    }
    return true;
}
static_assert(packed_as_listed(), "packed_message_words holds message_words, in order");
inline constexpr std::size_t generic_word_count = sizeof(generic_words) / sizeof(generic_words[0]);
inline constexpr char size_nouns[][18] = {"pixel",         "file size",         "image size",
                                          "size of image", "size of the image", "body size",
                                          "request size",  "resolution",        "max bytes"};
inline constexpr char size_excess[][12] = {"exceed", "too large", "too big", "beyond", "larger than", "maximum"};
inline constexpr std::size_t classify_word_count = message_word_count + generic_word_count +
                                                   sizeof(size_nouns) / sizeof(size_nouns[0]) +
                                                   sizeof(size_excess) / sizeof(size_excess[0]);

struct classify_word_list {
    classify_word words[classify_word_count] = {};
};

[[nodiscard]] constexpr classify_word_list make_classify_words() noexcept {
    classify_word_list l;
    std::size_t n = 0;
    for (std::size_t i = 0; i < message_word_count; ++i) l.words[n++] = {0, static_cast<std::uint8_t>(i)};
    for (std::size_t i = 0; i < sizeof(size_nouns) / sizeof(size_nouns[0]); ++i)
        l.words[n++] = {2, static_cast<std::uint8_t>(i)};
    for (std::size_t i = 0; i < sizeof(size_excess) / sizeof(size_excess[0]); ++i)
        l.words[n++] = {3, static_cast<std::uint8_t>(i)};
    for (std::size_t i = 0; i < generic_word_count; ++i) l.words[n++] = {1, static_cast<std::uint8_t>(i)};
    return l;
}

inline constexpr classify_word_list classify_words = make_classify_words();
struct classify_word_text_t {
    constexpr std::string_view operator()(const classify_word& w) const noexcept {
        switch (w.kind) {
            case 0: return packed_message_words.word(w.at);
            case 1: return {generic_words[w.at].word};
            case 2: return {size_nouns[w.at]};
            default: return {size_excess[w.at]};
        }
    }
};
inline constexpr classify_word_text_t classify_word_text{};
static_assert(lowercase_words(classify_words.words, classify_word_text),
              "the words are lowercase and at least two bytes long");
inline constexpr word_index<classify_word_count> classify_word_index =
    make_word_index(classify_words.words, classify_word_text);

// The category the message's words imply, or unknown. The word found earliest in the message wins (a message
// says what happened before what to do about it: "request timeout … Try reducing input length"); at the same
// place, the one listed first. With a status, only words that fit it count: a 503 that says "Too many
// requests … due to system capacity limits" is overloaded, not rate limited; and the status's own reason
// phrase counts only when no other word does. Then a size over a limit, then
// the generic words (the first listed that occurs). One pass over the message's first match_window bytes.
[[nodiscard]] constexpr category category_from_words(std::string_view message, int status = 0) noexcept {
    const std::string_view m = message.substr(0, message.size() < match_window ? message.size() : match_window);
    category found = category::unknown, restated = category::unknown;
    std::size_t generic = generic_word_count;
    bool noun = false, excess = false;
    scan_words(m, classify_words.words, classify_word_index, classify_word_text, [&](std::size_t k, std::size_t) {
        const classify_word& w = classify_words.words[k];
        switch (w.kind) {
            case 0:
                if (!fits_status(packed_message_words.cat[w.at], status) &&
                    !words_outweigh_status(packed_message_words.cat[w.at]))
                    return false;
                // (A server error's phrases restate any 5xx: "504 Server Error: Gateway Timeout for url: …", as
                // Python's requests writes a status, says what "Gateway Timeout" says.)
                if (packed_message_words.reason_phrase[w.at] && status != 0 &&
                    (packed_message_words.cat[w.at] == category_from_status(status) ||
                     (packed_message_words.cat[w.at] == category::server_error && status_class(status) == 5))) {
                    if (restated == category::unknown) restated = packed_message_words.cat[w.at];
                    return false;
                }
                found = packed_message_words.cat[w.at];
                return true;
            case 1: generic = w.at < generic ? w.at : generic; return false;
            case 2: noun = true; return false;
            default: excess = true; return false;
        }
    });
    if (found != category::unknown) return found;
    if (restated != category::unknown) return restated;
    if (noun && excess && fits_status(category::payload_too_large, status)) return category::payload_too_large;
    return generic < generic_word_count ? generic_words[generic].cat : category::unknown;
}

// Status first; words refine it (a 400 that says "inappropriate content" is content_filtered, a 429 that
// says "free tier" is quota_exhausted). A number inside a message is never read as a status.
[[nodiscard]] constexpr category classify_uncatalogued(int status, std::string_view message) noexcept {
    const category by_words = category_from_words(message, status);
    const category by_status = category_from_status(status);
    if (by_words == category::unknown) return by_status;
    // 401 is unambiguous: whatever the words, the credentials failed.
    if (status == 401) return category::authentication;
    return by_words;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_CLASSIFY_HPP
