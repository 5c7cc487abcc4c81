// SPDX-License-Identifier: MIT
// llmerr CLI — reading a JSONL log: a bounded line reader and a one-pass record parser.
//
// A log line is `{"status":429,"provider":"dashscope","headers":{…},"body":"…"}`. The record parser reads
// the line once, validating it as JSON and decoding only these four members, so no DOM is built; buffers
// are reused from line to line. (nlohmann's lexer alone, which copies every string byte by byte, cost more
// than classifying the line.) The line reader holds at most one line (capped) plus a fixed buffer, so
// memory stays constant however long the log is.
#ifndef LLMERR_TOOLS_CLI_JSONL_HPP
#define LLMERR_TOOLS_CLI_JSONL_HPP

#include <cerrno>       // errno, EINTR
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, std::uint64_t
#include <cstdio>       // std::FILE, std::fread, std::ferror
#include <cstring>      // std::memchr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <llmerr/detail/json_scan.hpp>  // utf8_sequence_length, decode_escape, overflows_double

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>  // read, fileno
#define LLMERR_CLI_POSIX 1
#else
#define LLMERR_CLI_POSIX 0
#endif

namespace llmerr_cli {

// Splits a stream into lines ('\n', an optional '\r' before it dropped). A line longer than the cap is
// skipped up to its end and reported as too long, without being stored.
class line_reader {
public:
    line_reader(std::FILE* f, std::size_t max_line_bytes) : max_(max_line_bytes), buf_(1 << 20) {
#if LLMERR_CLI_POSIX
        fd_ = ::fileno(f);
#else
        file_ = f;
#endif
    }

    // The next line, valid until the next call; false at the end of the input. `too_long` tells that the
    // line exceeded the cap (its text is then empty). `bytes` counts what was consumed, for progress.
    bool next(std::string_view& line, bool& too_long) {
        too_long = false;
        long_.clear();
        bool any = false;
        for (;;) {
            if (pos_ == end_) {
                if (eof_ || !fill()) break;
            }
            any = true;
            const char* start = buf_.data() + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t len = nl != nullptr ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            pos_ += len + (nl != nullptr ? 1 : 0);
            bytes += len + (nl != nullptr ? 1 : 0);
            if (!too_long) {
                if (long_.size() + len > max_) {
                    too_long = true;
                    long_.clear();
                    long_.shrink_to_fit();
                } else if (nl != nullptr && long_.empty()) {
                    line = std::string_view(start, len);  // the whole line is in the buffer: no copy
                    return finish(line, too_long);
                } else {
                    long_.append(start, len);
                }
            }
            if (nl != nullptr) break;
        }
        if (!any) return false;
        line = too_long ? std::string_view() : std::string_view(long_);
        return finish(line, too_long);
    }

    [[nodiscard]] bool read_failed() const noexcept { return failed_; }
    // The errno of the failed read (0 when the platform did not set one).
    [[nodiscard]] int read_errno() const noexcept { return errno_; }

    std::uint64_t bytes = 0;

private:
    bool finish(std::string_view& line, bool too_long) noexcept {
        if (!too_long && !line.empty() && line.back() == '\r') line.remove_suffix(1);
        return true;
    }

    bool fill() {
        pos_ = 0;
#if LLMERR_CLI_POSIX
        // read(2) returns what a pipe holds now, so `tail -f log | llmerr classify --jsonl -` keeps up.
        for (;;) {
            const ssize_t n = ::read(fd_, buf_.data(), buf_.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                eof_ = true;
                failed_ = n < 0;
                errno_ = n < 0 ? errno : 0;
                end_ = 0;
                return false;
            }
            end_ = static_cast<std::size_t>(n);
            return true;
        }
#else
        errno = 0;
        end_ = std::fread(buf_.data(), 1, buf_.size(), file_);
        if (end_ < buf_.size()) {
            eof_ = true;
            failed_ = std::ferror(file_) != 0;
            errno_ = failed_ ? errno : 0;
        }
        return end_ != 0;
#endif
    }

#if LLMERR_CLI_POSIX
    int fd_ = -1;
#else
    std::FILE* file_ = nullptr;
#endif
    std::size_t max_;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false, failed_ = false;
    int errno_ = 0;
    std::string long_;  // a line that straddles buffer refills
};

// One parsed log line.
struct log_record {
    int status = 0;                                            // 0 when absent or null
    std::string provider;                                      // empty when absent or not a string
    std::vector<std::pair<std::string, std::string>> headers;  // reused; only the first `header_count` count
    std::size_t header_count = 0;
    std::string body;

    struct header_range {
        const std::pair<std::string, std::string>* first;
        const std::pair<std::string, std::string>* last;
        [[nodiscard]] const std::pair<std::string, std::string>* begin() const noexcept { return first; }
        [[nodiscard]] const std::pair<std::string, std::string>* end() const noexcept { return last; }
    };
    [[nodiscard]] header_range header_fields() const noexcept {
        return {headers.data(), headers.data() + header_count};
    }
};

// Reads a log line into a log_record in one pass: a validating RFC 8259 parser (UTF-8, escapes, surrogate
// pairs, numbers, nesting, nothing after the value but white space or a NUL, a leading UTF-8 BOM — what
// nlohmann accepts) that decodes only the members it keeps and skips the rest. Iterative: nesting costs one
// byte of stack per level, on the heap.
//
// A member given twice counts as the last one, as in nlohmann's DOM. Header values that are strings are
// kept, integers as their digits; other values are ignored. tests/cli/test_jsonl_record.cpp checks the
// verdicts and fields against nlohmann::json::parse.
class record_parser {
public:
    // Parses `line` into `rec`; false (with problem() set) when the line is not a usable record.
    bool parse(std::string_view line, log_record& rec) {
        begin_ = p_ = line.data();
        end_ = line.data() + line.size();
        problem_.clear();
        rec.status = 0;
        rec.provider.clear();
        rec.header_count = 0;
        rec.body.clear();

        // A UTF-8 byte order mark at the very start (an editor's, or the first line of a file saved with one):
        // skipped, as nlohmann's lexer skips it.
        if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) p_ += 3;
        skip_ws();
        if (p_ == end_) return syntax("unexpected end of input");
        if (*p_ != '{') {
            const char* kind = kind_of(*p_);
            if (!skip_value() || !at_end()) return false;
            problem_ = std::string("not a JSON object (") + kind + ")";
            return false;
        }
        const char* body_kind = nullptr;  // kind of the last "body" value; "a string" when usable
        const char* status_problem = nullptr;
        auto read_member = [&](const std::string& key) {
            if (key == "body") {
                body_kind = kind_of(*p_);
                rec.body.clear();
                return *p_ == '"' ? string(&rec.body) : skip_value();
            }
            if (key == "status") return status(rec, status_problem);  // (it reuses key_, so key is done with)
            if (key == "provider") {
                rec.provider.clear();
                return *p_ == '"' ? string(&rec.provider) : skip_value();
            }
            if (key == "headers") {
                rec.header_count = 0;
                return *p_ == '{' ? headers(rec) : skip_value();
            }
            return skip_value();
        };
        if (!members([this]() -> std::string& { return key_; }, read_member) || !at_end()) return false;
        if (body_kind == nullptr) {
            problem_ = "no \"body\" member";
            return false;
        }
        if (std::string_view(body_kind) != "a string") {
            problem_ = std::string("\"body\" is ") + body_kind + ", not a string";
            return false;
        }
        if (status_problem != nullptr) {
            problem_ = status_problem;
            return false;
        }
        return true;
    }

    [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

private:
    static bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skip_ws() noexcept {
        while (p_ != end_ && is_ws(*p_)) ++p_;
    }

    static const char* kind_of(char c) noexcept {
        switch (c) {
            case '{': return "an object";
            case '[': return "an array";
            case '"': return "a string";
            case 't':
            case 'f': return "a boolean";
            case 'n': return "null";
            default: return "a number";
        }
    }

    bool syntax(const char* what) {
        problem_ = "not JSON: ";
        problem_ += what;
        problem_ += " at column ";
        problem_ += std::to_string(p_ - begin_ + 1);
        return false;
    }

    // After the value: only white space, up to the end or a NUL byte. nlohmann's lexer reads a NUL as the
    // end of its input (for C strings), so it accepts "{…}\0anything"; so does this parser.
    bool at_end() {
        skip_ws();
        return p_ == end_ || *p_ == '\0' || syntax("unexpected text after the JSON value");
    }

    // A string (p_ at its opening quote), decoded into `out` when given; p_ ends just past the closing quote.
    bool string(std::string* out) {
        ++p_;
        const char* run = p_;
        for (;;) {
            // Plain bytes in bulk: the common case, and most of a body.
            while (p_ != end_) {
                const auto c = static_cast<unsigned char>(*p_);
                if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
                ++p_;
            }
            if (p_ == end_) return syntax("unterminated string");
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                if (out != nullptr) out->append(run, static_cast<std::size_t>(p_ - run));
                ++p_;
                return true;
            }
            if (c < 0x20) return syntax("control character in a string");
            if (c >= 0x80) {
                const std::size_t n = llmerr::detail::utf8_sequence_length(p_, end_);
                if (n == 0) return syntax("invalid UTF-8 in a string");
                p_ += n;
                continue;
            }
            // A backslash escape.
            if (out != nullptr) out->append(run, static_cast<std::size_t>(p_ - run));
            ++p_;
            switch (llmerr::detail::decode_escape(p_, end_, out)) {
                case llmerr::detail::escape_status::ok: break;
                case llmerr::detail::escape_status::truncated: return syntax("unterminated string");
                case llmerr::detail::escape_status::bad_unicode: return syntax("invalid \\u escape");
                case llmerr::detail::escape_status::lone_surrogate: return syntax("lone surrogate");
                case llmerr::detail::escape_status::bad_escape: return syntax("invalid escape");
            }
            run = p_;
        }
    }

    // A number (RFC 8259 syntax). `digits` gets the text, `integral` whether it has no fraction or exponent.
    bool number(std::string_view& digits, bool& integral) {
        const char* start = p_;
        integral = true;
        if (p_ != end_ && *p_ == '-') ++p_;
        if (p_ == end_) return syntax("invalid number");
        if (*p_ == '0') {
            ++p_;
        } else if (*p_ >= '1' && *p_ <= '9') {
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        } else {
            return syntax("invalid value");
        }
        if (p_ != end_ && *p_ == '.') {
            integral = false;
            ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return syntax("invalid number");
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            integral = false;
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return syntax("invalid number");
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        digits = std::string_view(start, static_cast<std::size_t>(p_ - start));
        // nlohmann reads any number that is not a 64-bit integer as a double, and rejects the line when that
        // double overflows ("number overflow"): so does this parser.
        if ((!integral || !llmerr::detail::fits_64(digits)) && llmerr::detail::overflows_double(digits)) {
            return syntax("number too large for a double");
        }
        return true;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
            return syntax("invalid literal");
        }
        p_ += word.size();
        return true;
    }

    // Steps past an opening bracket and the white space after it; true, and past `close` too, when the
    // container is empty.
    bool open_empty(char close) noexcept {
        ++p_;
        skip_ws();
        if (p_ != end_ && *p_ == close) {
            ++p_;
            return true;
        }
        return false;
    }

    // Any one value, validated and skipped (p_ at its first byte).
    bool skip_value() {
        stack_.clear();
        for (;;) {
            skip_ws();
            if (p_ == end_) return syntax("unexpected end of input");
            bool scalar = true;
            switch (*p_) {
                case '{':
                    if (open_empty('}')) break;
                    stack_ += '}';
                    if (!member_name(nullptr)) return false;
                    scalar = false;
                    break;
                case '[':
                    if (open_empty(']')) break;
                    stack_ += ']';
                    scalar = false;
                    break;
                case '"':
                    if (!string(nullptr)) return false;
                    break;
                case 't':
                    if (!literal("true")) return false;
                    break;
                case 'f':
                    if (!literal("false")) return false;
                    break;
                case 'n':
                    if (!literal("null")) return false;
                    break;
                default: {
                    std::string_view digits;
                    bool integral = false;
                    if (!number(digits, integral)) return false;
                }
            }
            if (!scalar) continue;  // the first value inside the new container follows
            // After a value: close containers, or move to the next element.
            for (;;) {
                if (stack_.empty()) return true;
                skip_ws();
                if (p_ == end_) return syntax("unexpected end of input");
                if (*p_ == stack_.back()) {
                    ++p_;
                    stack_.pop_back();
                    continue;
                }
                if (*p_ != ',') return syntax(stack_.back() == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
                ++p_;
                if (stack_.back() == '}') {
                    skip_ws();
                    if (!member_name(nullptr)) return false;
                }
                break;
            }
        }
    }

    // `"name" :` (p_ at the quote), the name decoded into `name` when given.
    bool member_name(std::string* name) {
        if (p_ == end_ || *p_ != '"') return syntax("expected a member name");
        if (name != nullptr) name->clear();
        if (!string(name)) return false;
        skip_ws();
        if (p_ == end_ || *p_ != ':') return syntax("expected ':'");
        ++p_;
        return true;
    }

    // The members of an object (p_ at its '{'; p_ ends past its '}'). Each name is decoded into the string
    // name_buffer() returns; then read_value(name) reads the value, p_ at its first byte.
    template <class NameBuffer, class ReadValue>
    bool members(NameBuffer name_buffer, ReadValue read_value) {
        if (open_empty('}')) return true;
        for (;;) {
            std::string& name = name_buffer();
            if (!member_name(&name)) return false;
            skip_ws();
            if (p_ == end_) return syntax("unexpected end of input");
            if (!read_value(static_cast<const std::string&>(name))) return false;
            skip_ws();
            if (p_ != end_ && *p_ == ',') {
                ++p_;
                skip_ws();
                continue;
            }
            if (p_ != end_ && *p_ == '}') {
                ++p_;
                return true;
            }
            return syntax("expected ',' or '}'");
        }
    }

    // The value of "status": an integer 0-999, digits in a string, or null (unknown).
    bool status(log_record& rec, const char*& problem) {
        constexpr const char* bad = "\"status\" is not an HTTP status (0-999)";
        rec.status = 0;
        problem = nullptr;
        const char c = *p_;
        if (c == '"') {
            key_.clear();
            if (!string(&key_)) return false;
            int v = 0;
            bool ok = !key_.empty() && key_.size() <= 3;
            for (std::size_t i = 0; ok && i < key_.size(); ++i) {
                ok = key_[i] >= '0' && key_[i] <= '9';
                v = v * 10 + (key_[i] - '0');
            }
            if (ok) {
                rec.status = v;
            } else {
                problem = bad;
            }
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::string_view digits;
            bool integral = false;
            if (!number(digits, integral)) return false;
            if (!integral) {
                problem = "\"status\" is a fractional number, not an HTTP status";
                return true;
            }
            const bool negative = digits.front() == '-';
            if (negative) digits.remove_prefix(1);
            if (digits.size() > 3 || (negative && digits != "0")) {
                problem = bad;
                return true;
            }
            int v = 0;
            for (const char d : digits) v = v * 10 + (d - '0');
            rec.status = v;
            return true;
        }
        if (c == 'n') return literal("null");
        problem = c == '{'   ? "\"status\" is an object, not a number"
                  : c == '[' ? "\"status\" is an array, not a number"
                             : "\"status\" is a boolean, not a number";
        return skip_value();
    }

    // The "headers" object (p_ at '{'): string values kept, integers as digits, the rest skipped.
    bool headers(log_record& rec) {
        auto& h = rec.headers;
        return members(
            [&]() -> std::string& {
                if (rec.header_count == h.size()) h.emplace_back();
                return h[rec.header_count].first;
            },
            [&](const std::string&) {
                std::string& value = h[rec.header_count].second;
                if (*p_ == '"') {
                    value.clear();
                    if (!string(&value)) return false;
                    ++rec.header_count;
                    return true;
                }
                if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
                    std::string_view digits;
                    bool integral = false;
                    if (!number(digits, integral)) return false;
                    // "Content-Length": 161. Kept like nlohmann keeps it: non-negative and within 64 bits.
                    if (integral && digits.front() != '-' &&
                        (digits.size() < 20 || (digits.size() == 20 && digits <= "18446744073709551615"))) {
                        value.assign(digits.data(), digits.size());
                        ++rec.header_count;
                    }
                    return true;
                }
                return skip_value();
            });
    }

    const char* begin_ = nullptr;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
    std::string key_;    // a member name, or a status given as a string
    std::string stack_;  // closing brackets of the containers being skipped
    std::string problem_;
};

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_JSONL_HPP
