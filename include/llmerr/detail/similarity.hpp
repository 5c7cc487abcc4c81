// SPDX-License-Identifier: MIT
// llmerr — how much a message resembles a documented one: character n-grams. Internal.
//
// A bare message reaches a program paraphrased, cut short, misspelt, wrapped in a log line or with its
// numbers changed; a literal pattern then misses it. Two texts that share most of the shorter one's
// 5-byte grams (after folding case, punctuation runs and digits) say the same thing: one typo costs at most
// five grams, a cut costs only the grams cut, surrounding text costs nothing. Bytes, not characters, so
// Chinese descriptions (3 bytes a character) work the same way.
#ifndef LLMERR_DETAIL_SIMILARITY_HPP
#define LLMERR_DETAIL_SIMILARITY_HPP

#include <algorithm>    // std::sort, std::unique
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// Only this much of a message is compared: documented messages are short.
inline constexpr std::size_t similarity_window = 512;
inline constexpr std::size_t gram_bytes = 5;

// The text folded for comparison: ASCII lowercased, digits as '0', every run of ASCII that is neither a
// letter nor a digit as one space; placeholders of documented messages (xxx, %s, {…}, …) as a space.
inline std::string fold_for_similarity(std::string_view t, bool documented) {
    t = t.substr(0, t.size() < similarity_window ? t.size() : similarity_window);
    std::string out;
    out.reserve(t.size() + 2);
    out += ' ';
    std::size_t i = 0;
    while (i < t.size()) {
        if (documented) {
            const std::size_t ph = placeholder_at(t, i);
            if (ph != 0) {
                if (out.back() != ' ') out += ' ';
                i += ph;
                continue;
            }
        }
        const char c = t[i++];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= 'a' && c <= 'z')) {
            out += c;
        } else if (c >= 'A' && c <= 'Z') {
            out += ascii_lower(c);
        } else if (c >= '0' && c <= '9') {
            if (out.back() != '0') out += '0';  // numbers differ between messages: one digit stands for all
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

// The distinct 5-byte grams of a folded text, as sorted 32-bit hashes.
inline std::vector<std::uint32_t> grams_of(const std::string& folded) {
    std::vector<std::uint32_t> g;
    if (folded.size() < gram_bytes) return g;
    g.reserve(folded.size() - gram_bytes + 1);
    for (std::size_t i = 0; i + gram_bytes <= folded.size(); ++i) {
        std::uint32_t h = 2166136261U;
        for (std::size_t k = 0; k < gram_bytes; ++k) h = (h ^ static_cast<unsigned char>(folded[i + k])) * 16777619U;
        g.push_back(h);
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

// How many grams two sorted sets share.
inline std::size_t shared_grams(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) noexcept {
    std::size_t i = 0, j = 0, n = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++n;
            ++i;
            ++j;
        }
    }
    return n;
}

// The resemblance of a message to a documented text, 0 to 1000: the share of the smaller set's grams found
// in the other. 0 when they share fewer than `min_shared` grams or the smaller set is that small (a short
// documented text like "Internal error" is left to the word list).
inline unsigned resemblance(const std::vector<std::uint32_t>& message, const std::vector<std::uint32_t>& documented,
                            std::size_t min_shared = 14) noexcept {
    const std::size_t smaller = message.size() < documented.size() ? message.size() : documented.size();
    if (smaller < min_shared) return 0;
    const std::size_t n = shared_grams(message, documented);
    if (n < min_shared) return 0;
    return static_cast<unsigned>(n * 1000 / smaller);
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_SIMILARITY_HPP
