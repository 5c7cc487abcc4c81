// SPDX-License-Identifier: MIT
// llmerr — documented-message patterns: case-insensitive search with placeholders. Internal.
#ifndef LLMERR_DETAIL_MATCH_HPP
#define LLMERR_DETAIL_MATCH_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint64_t
#include <string_view>  // std::string_view

#include <llmerr/config.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// Only this much of an actual message is searched: documented messages are short, and a hostile
// multi-megabyte message must not make variant selection quadratic.
inline constexpr std::size_t match_window = 2048;

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

[[nodiscard]] constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Whether a text holds Chinese (or Japanese) script: a UTF-8 lead byte of U+3000–U+9FFF.
[[nodiscard]] constexpr bool writes_cjk(std::string_view s) noexcept {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0xE3 && b <= 0xE9) return true;
    }
    return false;
}

[[nodiscard]] constexpr bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Position of `needle` in `hay` at or after `from`, ASCII case-insensitively; npos when absent.
// Candidates for the first byte are found with memchr (std::string_view::find), in both cases: most of a
// text is passed over at memchr's speed, not compared byte by byte.
[[nodiscard]] constexpr std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from) noexcept {
    if (needle.size() > hay.size()) return std::string_view::npos;
    if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
    const std::size_t last = hay.size() - needle.size();  // the last position a match can start at
    const char lo = ascii_lower(needle[0]);
    const char up = (lo >= 'a' && lo <= 'z') ? static_cast<char>(lo - 'a' + 'A') : lo;
    std::size_t next_lo = hay.find(lo, from);
    std::size_t next_up = up == lo ? std::string_view::npos : hay.find(up, from);
    for (;;) {
        const std::size_t i = next_lo < next_up ? next_lo : next_up;
        if (i == std::string_view::npos || i > last) return std::string_view::npos;
        std::size_t k = 1;
        while (k < needle.size() && ascii_lower(hay[i + k]) == ascii_lower(needle[k])) ++k;
        if (k == needle.size()) return i;
        // Only the candidate just tried is searched again: the other is still ahead.
        if (i == next_lo) {
            next_lo = hay.find(lo, i + 1);
        } else {
            next_up = hay.find(up, i + 1);
        }
    }
}

// --- finding many lowercase words in one pass ---
//
// A word list's index: `order` lists the words' indices grouped by first byte (ascending within a group),
// `first[b]` … `first[b + 1]` is byte b's group, `second[k]` is the second byte of word order[k] (most of a
// group is passed over without loading its words), and `pairs` has a bit set for the (hashed) first two bytes
// of each word, so that most positions of a text are passed over after one bit test.
template <std::size_t N>
struct word_index {
    std::uint8_t first[257] = {};
    std::uint8_t order[N] = {};
    char second[N] = {};
    std::uint64_t pairs[64] = {};
};

[[nodiscard]] constexpr unsigned pair_hash(unsigned char a, unsigned char b) noexcept {
    return ((static_cast<unsigned>(a) << 4U) ^ b) & 4095U;
}

// The index of `items`, whose words (get(item)) are lowercase and at least two bytes long.
template <class T, std::size_t N, class Get>
[[nodiscard]] constexpr word_index<N> make_word_index(const T (&items)[N], Get get) noexcept {
    static_assert(N < 256, "word_index holds word indices in one byte");
    word_index<N> x;
    std::size_t count[256] = {};
    for (const T& item : items) {
        const std::string_view w = get(item);
        ++count[static_cast<unsigned char>(w[0])];
        const unsigned h = pair_hash(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]));
        x.pairs[h / 64] |= std::uint64_t{1} << (h % 64);
    }
    for (std::size_t b = 0; b < 256; ++b) x.first[b + 1] = static_cast<std::uint8_t>(x.first[b] + count[b]);
    std::size_t fill[256] = {};
    for (std::size_t b = 0; b < 256; ++b) fill[b] = x.first[b];
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t k = fill[static_cast<unsigned char>(get(items[i])[0])]++;
        x.order[k] = static_cast<std::uint8_t>(i);
        x.second[k] = get(items[i])[1];
    }
    return x;
}

// Whether every word is lowercase and at least two bytes long (what make_word_index and scan_words need).
template <class T, std::size_t N, class Get>
[[nodiscard]] constexpr bool lowercase_words(const T (&items)[N], Get get) noexcept {
    for (const T& item : items) {
        const std::string_view w = get(item);
        if (w.size() < 2) return false;
        for (char ch : w) {
            if (ch >= 'A' && ch <= 'Z') return false;
        }
    }
    return true;
}

// Calls on_word(k, at) for every occurrence, at text[at], of a word k of `items` in `text` (ASCII
// case-insensitively), in order of position (at one position, in the words' order), until on_word returns
// true; returns whether it did.
template <class T, std::size_t N, class Get, class F>
constexpr bool scan_words(std::string_view text, const T (&items)[N], const word_index<N>& x, Get get,
                          F on_word) noexcept {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto c = static_cast<unsigned char>(ascii_lower(text[i]));
        const unsigned h = pair_hash(c, static_cast<unsigned char>(ascii_lower(text[i + 1])));
        if ((x.pairs[h / 64] & (std::uint64_t{1} << (h % 64))) == 0) continue;
        const char c1 = ascii_lower(text[i + 1]);
        for (std::size_t k = x.first[c]; k < x.first[c + 1]; ++k) {
            if (x.second[k] != c1) continue;  // the first byte matched by the group, the second here
            const std::string_view w = get(items[x.order[k]]);
            if (w.size() > n - i) continue;
            std::size_t j = 2;
            while (j < w.size() && ascii_lower(text[i + j]) == w[j]) ++j;
            if (j == w.size() && on_word(static_cast<std::size_t>(x.order[k]), i)) return true;
        }
    }
    return false;
}

// Length of the placeholder starting at p[i] (`xxx`, `%s`, `%d`, `%v`, `{…}`, `…`, `...`), or 0.
// Whether `c` can begin a placeholder: a cheap test that spares most bytes placeholder_at's full one.
[[nodiscard]] constexpr bool may_begin_placeholder(char c) noexcept {
    return c == '%' || c == 'x' || c == 'X' || c == '.' || c == '{' || c == '\xE2';
}

[[nodiscard]] constexpr std::size_t placeholder_at(std::string_view p, std::size_t i) noexcept {
    if (i >= p.size() || !may_begin_placeholder(p[i])) return 0;
    const std::string_view rest = p.substr(i);
    if (rest.size() >= 2 && rest[0] == '%' && (rest[1] == 's' || rest[1] == 'd' || rest[1] == 'v')) return 2;
    if (rest.size() >= 3 && iequals(rest.substr(0, 3), "xxx")) return 3;
    if (starts_with(rest, "\xE2\x80\xA6")) return 3;  // U+2026 HORIZONTAL ELLIPSIS
    if (starts_with(rest, "...")) return 3;
    if (rest[0] == '{') {
        const std::size_t close = rest.find('}');
        if (close != std::string_view::npos) return close + 1;
    }
    return 0;
}

// Drops trailing white space and sentence punctuation: "Free allocated quota exceeded." must still match
// a message that arrives without the full stop.
[[nodiscard]] constexpr std::string_view trim_pattern(std::string_view p) noexcept {
    for (;;) {
        if (!p.empty() && (p.back() == ' ' || p.back() == '.' || p.back() == '!')) {
            p.remove_suffix(1);
        } else if (ends_with(p, "\xE3\x80\x82") || ends_with(p, "\xEF\xBC\x81")) {  // 。 ！
            p.remove_suffix(3);
        } else {
            return p;
        }
    }
}

// How much literal text of `pattern` occurs, in order, in `text`; 0 when it does not match (or the
// pattern is nothing but placeholders). Longer literal text = a more specific documented message.
[[nodiscard]] constexpr std::size_t match_pattern(std::string_view pattern, std::string_view text) noexcept {
    pattern = trim_pattern(pattern);
    text = text.substr(0, text.size() < match_window ? text.size() : match_window);
    std::size_t literal = 0, pos = 0, i = 0;
    while (i < pattern.size()) {
        std::size_t j = i;
        while (j < pattern.size() && (!may_begin_placeholder(pattern[j]) || placeholder_at(pattern, j) == 0)) ++j;
        if (j > i) {
            const std::string_view segment = pattern.substr(i, j - i);
            const std::size_t at = ifind(text, segment, pos);
            if (at == std::string_view::npos) return 0;
            pos = at + segment.size();
            literal += segment.size();
        }
        if (j < pattern.size()) j += placeholder_at(pattern, j);
        i = j;
    }
    return literal;
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_MATCH_HPP
