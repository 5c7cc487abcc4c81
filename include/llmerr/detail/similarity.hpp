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
    if (folded.size() < gram_bytes) return {};
    std::vector<std::uint32_t> g(folded.size() - gram_bytes + 1);
    for (std::size_t i = 0; i < g.size(); ++i) {
        std::uint32_t h = 2166136261U;
        for (std::size_t k = 0; k < gram_bytes; ++k) h = (h ^ static_cast<unsigned char>(folded[i + k])) * 16777619U;
        g[i] = h;
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

// The resemblance of a message to a documented text, 0 to 1000, given how many grams their sets share: the
// share of the smaller set's grams found in the other. 0 when they share fewer than `min_shared` grams or the
// smaller set is that small (a short documented text like "Internal error" is left to the word list).
[[nodiscard]] constexpr unsigned resemblance(std::size_t shared, std::size_t message_grams,
                                             std::size_t documented_grams, std::size_t min_shared = 14) noexcept {
    const std::size_t smaller = message_grams < documented_grams ? message_grams : documented_grams;
    if (smaller < min_shared || shared < min_shared) return 0;
    return static_cast<unsigned>(shared * 1000 / smaller);
}

// The gram sets of many documented texts, indexed by gram: how many grams a message shares with every one of
// them costs one hash probe per message gram, instead of one merge of two sets per documented text (which,
// over a thousand rows, cost a millisecond a message).
class gram_index {
public:
    LLMERR_COLD explicit gram_index(const std::vector<std::vector<std::uint32_t>>& texts) : sizes_(texts.size()) {
        // (Vectors sized up front and filled in place: run once, they need no growth code.)
        std::size_t total = 0;
        for (const std::vector<std::uint32_t>& grams : texts) total += grams.size();
        std::vector<std::uint64_t> pairs(total);  // gram << 32 | text
        std::size_t at_pair = 0;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            sizes_[t] = static_cast<std::uint32_t>(texts[t].size());
            for (const std::uint32_t g : texts[t]) pairs[at_pair++] = std::uint64_t{g} << 32 | t;
        }
        std::sort(pairs.begin(), pairs.end());
        std::size_t distinct = 0;
        for (std::size_t i = 0; i < pairs.size(); ++i) distinct += i == 0 || (pairs[i] >> 32) != (pairs[i - 1] >> 32);
        std::size_t capacity = 16;
        while (capacity < 2 * distinct) capacity *= 2;
        while ((std::size_t{1} << bits_) < capacity) ++bits_;
        keys_ = std::vector<std::uint32_t>(capacity);
        first_ = std::vector<std::uint32_t>(capacity);
        last_ = std::vector<std::uint32_t>(capacity);  // first_ == last_: an empty slot (every gram present has a text)
        postings_ = std::vector<std::uint32_t>(pairs.size());
        std::size_t posted = 0;
        for (std::size_t i = 0; i < pairs.size();) {
            const auto g = static_cast<std::uint32_t>(pairs[i] >> 32);
            std::size_t at = slot_of(g);
            while (first_[at] != last_[at]) at = (at + 1) & (capacity - 1);
            keys_[at] = g;
            first_[at] = static_cast<std::uint32_t>(posted);
            for (; i < pairs.size() && (pairs[i] >> 32) == g; ++i)
                postings_[posted++] = static_cast<std::uint32_t>(pairs[i] & 0xFFFFFFFFU);
            last_[at] = static_cast<std::uint32_t>(posted);
        }
    }

    [[nodiscard]] std::size_t size() const noexcept { return sizes_.size(); }
    [[nodiscard]] std::size_t grams(std::size_t text) const noexcept { return sizes_[text]; }

    // shared[t]: how many of the message's (distinct) grams text t has; one entry per text.
    [[nodiscard]] std::vector<std::uint32_t> shared(const std::vector<std::uint32_t>& message) const {
        return shared(message, 0, [](std::uint32_t) noexcept {});  // a count never comes back to 0
    }

    // As shared(message), and calls `reached(t)` once for each text t whose count reaches `least` (> 0): the
    // texts worth scoring, without a pass over every text's count.
    template <class Reached>
    [[nodiscard]] std::vector<std::uint32_t> shared(const std::vector<std::uint32_t>& message, std::uint32_t least,
                                                    const Reached& reached) const {
        std::vector<std::uint32_t> n(sizes_.size(), 0);
        const std::size_t mask = keys_.size() - 1;
        for (const std::uint32_t g : message) {
            for (std::size_t at = slot_of(g); first_[at] != last_[at]; at = (at + 1) & mask) {
                if (keys_[at] != g) continue;
                for (std::uint32_t k = first_[at]; k < last_[at]; ++k) {
                    if (++n[postings_[k]] == least) reached(postings_[k]);
                }
                break;
            }
        }
        return n;
    }

private:
    [[nodiscard]] std::size_t slot_of(std::uint32_t g) const noexcept {
        return static_cast<std::size_t>((g * 2654435761U) >> (32 - bits_)) & (keys_.size() - 1);
    }

    std::vector<std::uint32_t> sizes_;
    unsigned bits_ = 4;
    std::vector<std::uint32_t> keys_, first_, last_, postings_;
};

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_SIMILARITY_HPP
