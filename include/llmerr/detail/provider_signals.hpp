// SPDX-License-Identifier: MIT
// llmerr — who sent an error, from what its text says besides its code: request-id formats, hosts, product
// and model names. Internal. Used only when neither a hint, the code's vocabulary nor the body's shape decide.
#ifndef LLMERR_DETAIL_PROVIDER_SIGNALS_HPP
#define LLMERR_DETAIL_PROVIDER_SIGNALS_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>
#include <llmerr/detail/request_ids.hpp>
#include <llmerr/provider.hpp>

#include <llmerr/generated/provider_vocabulary.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// provider_words (data/*.json provider_info.words, generated/provider_vocabulary.hpp), indexed for scan_words.
inline constexpr std::size_t provider_word_count = sizeof(provider_words) / sizeof(provider_words[0]);
struct provider_word_text_t {
    constexpr std::string_view operator()(const provider_word& w) const noexcept {
        return {provider_word_pool + w.begin, w.size};
    }
};
inline constexpr provider_word_text_t provider_word_text{};
static_assert(lowercase_words(provider_words, provider_word_text), "provider words are lowercase, two bytes or more");
inline constexpr word_index<provider_word_count> provider_word_index =
    make_word_index(provider_words, provider_word_text);

// The provider whose error bodies carry `code` whatever the error (provider_body_codes: DeepSeek's
// "invalid_request_error"); unknown for any other code. Compared byte by byte (no string_view over the
// pool: g++'s -fsanitize=undefined cannot constant-evaluate one).
[[nodiscard]] constexpr provider provider_by_body_code(std::string_view code) noexcept {
    for (const provider_word& c : provider_body_codes) {  // (with no body code, one entry of size 0)
        if (code.empty() || code.size() != c.size) continue;
        bool same = true;
        for (std::size_t i = 0; i < code.size() && same; ++i) same = code[i] == provider_body_code_pool[c.begin + i];
        if (same) return c.p;
    }
    return provider::unknown;
}

// Whether the text names an Ark endpoint id: "ep-" and a 14-digit creation time ("ep-20260115162741-qb4l8").
[[nodiscard]] constexpr bool names_ark_endpoint(std::string_view text) noexcept {
    for (std::size_t at = text.find("ep-"); at != std::string_view::npos; at = text.find("ep-", at + 1)) {
        if (at > 0 && (is_lower_alnum(text[at - 1]) || (text[at - 1] >= 'A' && text[at - 1] <= 'Z'))) continue;
        std::size_t n = 0;
        while (at + 3 + n < text.size() && n < 14 && text[at + 3 + n] >= '0' && text[at + 3 + n] <= '9') ++n;
        if (n == 14) return true;
    }
    return false;
}

[[nodiscard]] constexpr bool is_slug_delimiter(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '\\' ||
           c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}' || c == '<' || c == '>' || c == ',' ||
           c == '=';
}

// Whether text[at, at + size) lies in a model id as aggregators write it, "<namespace>/<model>"
// ("stepfun/step-3.5-flash:free", "Qwen/Qwen2.5-7B-Instruct", "moonshotai/Kimi-K2"): a word of one slash, no
// dot before it, no "://". OpenRouter, SiliconFlow and the routers in front of them name the model's maker
// that way, not who answered, so a provider's name there is no vote for it. A token is read at most 64 bytes
// either side (a longer one is no model id), so a long text full of names stays linear.
[[nodiscard]] constexpr bool in_model_slug(std::string_view text, std::size_t at, std::size_t size) noexcept {
    constexpr std::size_t reach = 64;
    std::size_t begin = at, end = at + size;
    while (begin > 0 && at - begin < reach && !is_slug_delimiter(text[begin - 1])) --begin;
    while (end < text.size() && end - at - size < reach && !is_slug_delimiter(text[end])) ++end;
    if ((begin > 0 && !is_slug_delimiter(text[begin - 1])) || (end < text.size() && !is_slug_delimiter(text[end])))
        return false;  // longer than a model id
    while (end > begin && (text[end - 1] == '.' || text[end - 1] == ':' || text[end - 1] == ';')) --end;
    std::size_t slash = std::string_view::npos;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == '/') {
            if (slash != std::string_view::npos) return false;
            slash = i;
            continue;
        }
        const bool word_char =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!word_char && (slash == std::string_view::npos || (c != '.' && c != ':'))) return false;
    }
    return slash != std::string_view::npos && slash > begin && slash + 1 < end;
}

// Whether text[at] lies in the path of a URL ("https://api-inference.huggingface.co/models/Qwen/…"): there a
// provider's name is a model's, served by the URL's host, whoever that is. (Its host still names it:
// "https://dashscope.aliyuncs.com/…".) Reads at most 256 bytes back.
[[nodiscard]] constexpr bool in_url_path(std::string_view text, std::size_t at) noexcept {
    unsigned slashes = 0;  // "://" and the path's first
    for (std::size_t j = at; j > 0 && at - j < 256; --j) {
        const char c = text[j - 1];
        if (c == '/') ++slashes;
        if (c == ':' && slashes >= 3 && text[j] == '/' && text[j + 1] == '/') return true;
        if (c == ' ' || c == '\n' || c == '"' || c == '\'' || c == '(') return false;
    }
    return false;
}

// The provider the text names most often (hosts, product and model names); unknown on a tie or none. A name
// inside an aggregator's model id (in_model_slug) or a URL's path (in_url_path) does not count. Reads at most
// `window` bytes.
[[nodiscard]] constexpr provider provider_by_words(std::string_view text, std::size_t window = 8192) noexcept {
    text = text.substr(0, text.size() < window ? text.size() : window);
    int votes[provider_count] = {};
    bool seen[provider_word_count] = {};  // each word votes once, however often it occurs
    scan_words(text, provider_words, provider_word_index, provider_word_text, [&](std::size_t k, std::size_t at) {
        if (seen[k] || in_model_slug(text, at, provider_words[k].size) || in_url_path(text, at)) return false;
        ++votes[static_cast<int>(provider_words[k].p)];
        seen[k] = true;
        return false;
    });
    if (names_ark_endpoint(text)) ++votes[static_cast<int>(provider::ark)];
    int best = 0, best_votes = 0;
    bool tie = false;
    for (int i = 1; i < static_cast<int>(provider_count); ++i) {
        if (votes[i] > best_votes) {
            best = i;
            best_votes = votes[i];
            tie = false;
        } else if (votes[i] != 0 && votes[i] == best_votes) {
            tie = true;
        }
    }
    return tie ? provider::unknown : static_cast<provider>(best);
}

// The provider a request id's format belongs to, or unknown.
[[nodiscard]] constexpr provider provider_by_request_id(std::string_view id) noexcept {
    if (is_ark_request_id(id)) return provider::ark;
    if (is_qianfan_request_id(id)) return provider::qianfan;
    return provider::unknown;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_PROVIDER_SIGNALS_HPP
