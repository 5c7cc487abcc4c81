// SPDX-License-Identifier: MIT
// llmerr CLI — rendering the catalogue: aligned text tables, RFC 4180 CSV and GitHub-flavoured Markdown.
#ifndef LLMERR_TOOLS_CLI_CATALOG_HPP
#define LLMERR_TOOLS_CLI_CATALOG_HPP

#include <algorithm>    // std::find, std::max
#include <cstddef>      // std::size_t
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <llmerr/catalog.hpp>

#include "generated/catalog_notes.hpp"  // llmerr_cli::notes_of: note, doubt, source

namespace llmerr_cli {

// Columns a UTF-8 string takes in a terminal: East Asian wide characters count two. Approximate (no
// combining marks), which is enough to align tables of codes and messages.
inline std::size_t display_width(std::string_view s) noexcept {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (i + n > s.size()) n = s.size() - i;
        char32_t cp = b;
        if (n == 2) cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
        if (n == 3) {
            cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        }
        if (n == 4) cp = 0x20000;  // supplementary ideographs and emoji: wide
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x1F000;
        w += wide ? 2 : 1;
        i += n;
    }
    return w;
}

// `s` cut to at most `cols` display columns (at a character boundary), "…" marking a cut.
inline std::string fit(std::string_view s, std::size_t cols) {
    if (display_width(s) <= cols) return std::string(s);
    std::string out;
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (i + n > s.size()) n = s.size() - i;
        const std::size_t cw = display_width(s.substr(i, n));
        if (w + cw + 1 > cols) break;
        out.append(s.data() + i, n);
        w += cw;
        i += n;
    }
    out += "\xE2\x80\xA6";
    return out;
}

// Aligned columns separated by two spaces; the last column is not padded.
class text_table {
public:
    void add(std::vector<std::string> row) {
        if (widths_.size() < row.size()) widths_.resize(row.size(), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths_[i] = std::max(widths_[i], display_width(row[i]));
        rows_.push_back(std::move(row));
    }
    // Right-aligns column `i` (numbers).
    void align_right(std::size_t i) {
        if (right_.size() <= i) right_.resize(i + 1, false);
        right_[i] = true;
    }
    void render(std::string& out) const {
        for (const auto& row : rows_) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                const std::size_t pad = widths_[i] - display_width(row[i]);
                const bool right = i < right_.size() && right_[i];
                if (right) out.append(pad, ' ');
                out += row[i];
                if (i + 1 < row.size()) out.append((right ? 0 : pad) + 2, ' ');
            }
            out += '\n';
        }
    }

private:
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::size_t> widths_;
};

// One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled.
inline void append_csv_field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// Text for a GFM table cell: `|` escaped, line breaks as <br>, and the characters that would otherwise
// become HTML or emphasis escaped. Code spans (`…`) written in the catalogue's own text are kept as code
// spans, where only `|` is escaped (GFM splits the row before it sees code spans) and entities would show
// literally; an unpaired backtick is escaped.
inline void append_md_cell(std::string& out, std::string_view s) {
    bool in_code = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '`') {
            if (in_code || s.find('`', i + 1) != std::string_view::npos) {
                in_code = !in_code;
                out += c;
            } else {
                out += "\\`";
            }
            continue;
        }
        if (c == '|') {
            out += "\\|";
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += in_code ? " " : "<br>";
            continue;
        }
        if (in_code) {
            out += c;
            continue;
        }
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '*': out += "\\*"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            default: out += c;
        }
    }
}

// A code span for a table cell: backticks around, `|` escaped (GFM splits cells before code spans).
inline void append_md_code(std::string& out, std::string_view s) {
    const bool has_tick = s.find('`') != std::string_view::npos;
    out += has_tick ? "`` " : "`";
    for (const char c : s) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    out += has_tick ? " ``" : "`";
}

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_CATALOG_HPP
