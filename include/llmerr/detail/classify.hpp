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
        default: break;
    }
    if (status >= 500 && status <= 599) return category::server_error;
    if (status >= 400 && status <= 499) return category::invalid_request;
    return category::unknown;
}

struct message_word {
    std::string_view word;  // matched case-insensitively anywhere in the message
    category cat;
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
    {"\xE6\xAC\xA0\xE8\xB4\xB9", category::billing},                          // 欠费
    {"\xE4\xBD\x99\xE9\xA2\x9D\xE4\xB8\x8D\xE8\xB6\xB3", category::billing},  // 余额不足
    {"\xE5\x85\x85\xE5\x80\xBC", category::billing},                          // 充值 (top up)
    {"subscription", category::billing},
    // Content moderation — DashScope DataInspectionFailed "inappropriate content"; Ark
    // SensitiveContentDetected "sensitive information"; Qianfan 文审/图审不安全, 敏感.
    {"inappropriate content", category::content_filtered},
    {"sensitive", category::content_filtered},
    {"unsafe", category::content_filtered},
    {"\xE6\x95\x8F\xE6\x84\x9F", category::content_filtered},  // 敏感
    {"\xE8\xBF\x9D\xE8\xA7\x84", category::content_filtered},  // 违规
    // Context length — DashScope "Range of input length", "exceed model limit"; Qianfan
    // "Prompt tokens too long", "max input characters"; OpenAI-style "maximum context length".
    {"context length", category::context_length_exceeded},
    {"context_length", category::context_length_exceeded},
    {"maximum context", category::context_length_exceeded},
    {"tokens too long", category::context_length_exceeded},
    {"input length", category::context_length_exceeded},
    {"max input characters", category::context_length_exceeded},
    {"\xE8\xB6\x85\xE8\xBF\x87\xE6\x9C\x80\xE5\xA4\xA7\xE9\x95\xBF\xE5\xBA\xA6",
     category::context_length_exceeded},  // 超过最大长度
    // Exhausted quotas, which no quick retry fixes — DashScope "Free allocated quota exceeded", "free tier";
    // Ark "free trial quota", "usage quota … will reset"; Qianfan "daily request limit"; 额度已用完/耗尽.
    {"free allocated quota", category::quota_exhausted},
    {"free tier", category::quota_exhausted},
    {"free trial", category::quota_exhausted},
    {"usage quota", category::quota_exhausted},
    {"daily request limit", category::quota_exhausted},
    {"total request limit", category::quota_exhausted},
    {"\xE9\xA2\x9D\xE5\xBA\xA6\xE5\xB7\xB2\xE7\x94\xA8\xE5\xAE\x8C", category::quota_exhausted},  // 额度已用完
    {"\xE8\x80\x97\xE5\xB0\xBD", category::quota_exhausted},                                      // 耗尽
    // Rate limits — "Rate limit reached for RPM/TPM" (Qianfan), "Requests throttling triggered"
    // (DashScope), "Too many requests", "qps request limit"; 限流 / 超限额.
    {"rate limit", category::rate_limited},
    {"throttl", category::rate_limited},
    {"too many requests", category::rate_limited},
    {"request limit", category::rate_limited},
    {"requests per minute", category::rate_limited},
    {"tokens per minute", category::rate_limited},
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
    {"unauthorized", category::authentication},
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
    {"invalid token", category::authentication},
    {"invalidtoken", category::authentication},
    {"invalid_token", category::authentication},
    {"\xE9\x89\xB4\xE6\x9D\x83", category::authentication},  // 鉴权
    // Permission — "Access denied", "not activated", "no permission"; 无权限.
    {"access denied", category::permission_denied},
    {"permission", category::permission_denied},
    {"forbidden", category::permission_denied},
    {"not activated", category::permission_denied},
    {"\xE6\x97\xA0\xE6\x9D\x83", category::permission_denied},  // 无权
    // Timeouts — "Request timed out" (DashScope RequestTimeOut), "timeout"; 超时.
    {"timed out", category::timeout},
    {"timeout", category::timeout},
    {"\xE8\xB6\x85\xE6\x97\xB6", category::timeout},  // 超时
    // Provider failures — "Internal error", "The server had an error while processing your request",
    // "Engine internal server error"; 内部错误 / 服务器错误.
    {"internal error", category::server_error},
    {"internal server error", category::server_error},
    {"server error", category::server_error},
    {"server had an error", category::server_error},
    {"system error", category::server_error},
    {"\xE5\x86\x85\xE9\x83\xA8\xE9\x94\x99\xE8\xAF\xAF", category::server_error},  // 内部错误
    // Capacity — Ark ServerOverloaded "server overload", DashScope ModelServingError "system capacity
    // limits", Qianfan 336100 "与我互动的人过多", "service is busy".
    {"overload", category::overloaded},
    {"capacity", category::overloaded},
    {"temporarily unavailable", category::overloaded},
    {"busy", category::overloaded},
    {"queue is full", category::overloaded},
    {"\xE7\xB9\x81\xE5\xBF\x99", category::overloaded},  // 繁忙
    {"saturat", category::overloaded},                      // "upstream load saturated"
    {"\xE9\xA5\xB1\xE5\x92\x8C", category::overloaded},  // 饱和 (负载已饱和: load saturated)
    // Model loading — Ark ModelLoadingError "model is currently being loaded".
    {"being loaded", category::model_loading},
    // Size — DashScope BadRequest.TooLarge "Payload Too Large", "exceeds size limit".
    {"too large", category::payload_too_large},
    {"size limit", category::payload_too_large},
    // Not found / unsupported — "does not exist", "not found", "invalid model", "not supported"; 不存在 / 不支持.
    {"invalid model", category::not_found},
    {"no available channel", category::not_found},  // a relay has no upstream for this model
    {"\xE6\x97\xA0\xE5\x8F\xAF\xE7\x94\xA8\xE6\xB8\xA0\xE9\x81\x93", category::not_found},  // 无可用渠道
    {"not found", category::not_found},
    {"no static resource", category::not_found},  // Spring's 404 for a path it does not serve
    {"no handler found", category::not_found},    // Spring's 404, older form
    {"does not exist", category::not_found},
    {"not exist", category::not_found},
    {"\xE4\xB8\x8D\xE5\xAD\x98\xE5\x9C\xA8", category::not_found},  // 不存在
    {"not support", category::unsupported},
    {"only support", category::unsupported},  // "incremental_output only support stream call"
    {"unsupported", category::unsupported},
    {"unknown type", category::unsupported},     // a `type` the endpoint does not know: a feature it lacks
    {"unknown tool type", category::unsupported},
    {"\xE4\xB8\x8D\xE6\x94\xAF\xE6\x8C\x81", category::unsupported},  // 不支持
    // Cancellation — Ark RequestCancelled "has been cancelled", RequestCanceled "is canceled".
    {"cancelled", category::cancelled},
    {"canceled", category::cancelled},
};

// Words that only say the request was wrong somehow: consulted when none of message_words is found.
inline constexpr message_word generic_words[] = {
    // The request itself — "invalid parameter", "is not valid", "required parameter", "missing"; OpenAI's
    // `invalid_request_error`; 参数 (parameter).
    {"invalid_request", category::invalid_request},
    {"invalid request", category::invalid_request},
    {"bad request", category::invalid_request},
    {"badrequest", category::invalid_request},     // BadRequestError, the SDKs' exception for a 400
    {"is not one of", category::invalid_request},  // JSON Schema validators: "'developer' is not one of [...]"
    {"parameter", category::invalid_request},
    {"not valid", category::invalid_request},
    {"invalid", category::invalid_request},
    {"required", category::invalid_request},
    {"missing", category::invalid_request},
    {"\xE5\x8F\x82\xE6\x95\xB0", category::invalid_request},  // 参数
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

// A size over a limit in bytes or pixels ("Image exceeds the maximum allowed total pixels", "The size of
// image is beyond limit"): payload_too_large. Lengths in tokens or characters are context length, found
// before this by their own words.
[[nodiscard]] constexpr bool says_size_over_limit(std::string_view text) noexcept {
    constexpr std::string_view nouns[] = {"pixel", "file size", "image size", "size of image", "size of the image",
                                          "body size", "request size", "resolution"};
    constexpr std::string_view over[] = {"exceed", "too large", "too big", "beyond", "larger than", "maximum"};
    bool noun = false, excess = false;
    for (std::string_view w : nouns) noun = noun || ifind(text, w, 0) != std::string_view::npos;
    for (std::string_view w : over) excess = excess || (noun && ifind(text, w, 0) != std::string_view::npos);
    return noun && excess;
}

// message_words by first byte, so that one pass over a message finds the earliest word: `order` lists the
// words' indices grouped by first byte (ascending within a group), `first[b]` … `first[b + 1]` is b's group;
// `pairs` has a bit set for the (hashed) first two bytes of each word, so that most positions of a message
// are passed over after one bit test.
inline constexpr std::size_t message_word_count = sizeof(message_words) / sizeof(message_words[0]);
struct word_index {
    std::uint8_t first[257] = {};
    std::uint8_t order[message_word_count] = {};
    std::uint64_t pairs[64] = {};
};
static_assert(message_word_count < 256, "word_index holds word indices in one byte");

[[nodiscard]] constexpr bool words_are_lowercase_pairs() noexcept {
    for (const message_word& w : message_words) {
        if (w.word.size() < 2) return false;
        for (char ch : w.word) {
            if (ch >= 'A' && ch <= 'Z') return false;
        }
    }
    return true;
}
static_assert(words_are_lowercase_pairs(), "message_words are lowercase and at least two bytes long");

[[nodiscard]] constexpr unsigned pair_hash(unsigned char a, unsigned char b) noexcept {
    return ((static_cast<unsigned>(a) << 4U) ^ b) & 4095U;
}

[[nodiscard]] constexpr word_index make_word_index() noexcept {
    word_index x;
    std::size_t count[256] = {};
    for (const message_word& w : message_words) {
        ++count[static_cast<unsigned char>(w.word[0])];
        const unsigned h = pair_hash(static_cast<unsigned char>(w.word[0]), static_cast<unsigned char>(w.word[1]));
        x.pairs[h / 64] |= std::uint64_t{1} << (h % 64);
    }
    for (std::size_t b = 0; b < 256; ++b) x.first[b + 1] = static_cast<std::uint8_t>(x.first[b] + count[b]);
    std::size_t fill[256] = {};
    for (std::size_t b = 0; b < 256; ++b) fill[b] = x.first[b];
    for (std::size_t i = 0; i < message_word_count; ++i) {
        x.order[fill[static_cast<unsigned char>(message_words[i].word[0])]++] = static_cast<std::uint8_t>(i);
    }
    return x;
}

inline constexpr word_index message_word_index = make_word_index();

// The category the message's words imply, or unknown. The word found earliest in the message wins (a message
// says what happened before what to do about it: "request timeout … Try reducing input length"); at the same
// place, the one listed first. With a status, only words that fit it count: a 503 that says "Too many
// requests … due to system capacity limits" is overloaded, not rate limited.
[[nodiscard]] constexpr category category_from_words(std::string_view message, int status = 0) noexcept {
    const std::string_view m = message.substr(0, message.size() < match_window ? message.size() : match_window);
    const std::size_t n = m.size();
    // One pass (the words are lowercase, the message is lowered byte by byte): each position is checked only
    // against the words that begin with its two bytes.
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto c = static_cast<unsigned char>(ascii_lower(m[i]));
        const unsigned h = pair_hash(c, static_cast<unsigned char>(ascii_lower(m[i + 1])));
        if ((message_word_index.pairs[h / 64] & (std::uint64_t{1} << (h % 64))) == 0) continue;
        for (std::size_t k = message_word_index.first[c]; k < message_word_index.first[c + 1]; ++k) {
            const message_word& w = message_words[message_word_index.order[k]];
            if (w.word.size() > n - i) continue;
            std::size_t j = 1;  // the first byte matched already
            while (j < w.word.size() && ascii_lower(m[i + j]) == w.word[j]) ++j;
            if (j == w.word.size() && fits_status(w.cat, status)) return w.cat;
        }
    }
    if (fits_status(category::payload_too_large, status) && says_size_over_limit(m)) {
        return category::payload_too_large;
    }
    for (const message_word& w : generic_words) {
        if (ifind(m, w.word, 0) != std::string_view::npos) return w.cat;
    }
    return category::unknown;
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
