// SPDX-License-Identifier: MIT
// llmerr — a small validating JSON scanner for the fields of provider error envelopes. Internal.
//
// Why not only nlohmann: its lexer, not its DOM, dominates the cost of parsing a 200-byte error body, and a
// gateway calls find_error() on every success body. This scanner validates the whole input as RFC 8259 JSON
// (like nlohmann: UTF-8, escapes, numbers, nesting, nothing after the value) but materialises only the
// handful of fields llmerr keeps, and skips everything else. It is iterative (no recursion) and takes any
// nesting depth: fields are read at the top level and inside the top-level "error" and "output" objects
// only, so a deeper value is skipped with a depth counter and one bit per open container (object or array,
// for validating the brackets): 16 MiB of '[' costs 2 MiB. Decoded strings are kept up to max_decoded_bytes
// (then validated, not stored), so a 64 MB message costs 64 KiB. A fuzz target checks that on every input,
// it accepts what nlohmann accepts and extracts exactly what nlohmann's DOM holds
// (tests/fuzz/fuzz_differential.cpp).
#ifndef LLMERR_DETAIL_JSON_SCAN_HPP
#define LLMERR_DETAIL_JSON_SCAN_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t
#include <cstring>      // std::memchr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <llmerr/config.hpp>
#include <llmerr/error.hpp>  // max_message_bytes, max_field_bytes

LLMERR_BEGIN_NAMESPACE
namespace detail {

enum class scan_status : std::uint8_t {
    ok,            // valid JSON; fields extracted
    syntax_error,  // not valid JSON (fields seen before the error are kept, for salvaging truncated bodies)
};

// A decoded string keeps at most this many bytes: the exact prefix of its value (maybe cut inside a UTF-8
// sequence), which is all assign_capped(…, max_message_bytes) reads, and longer than any cap parse() uses,
// so that a longer text is seen to be cut. The rest of a longer string is validated, not stored.
inline constexpr std::size_t max_decoded_bytes = max_message_bytes + 1;
static_assert(max_decoded_bytes > max_field_bytes, "every cap parse() applies must be below the decoding cap");

// One extracted value. Strings are decoded (their first max_decoded_bytes bytes); integers keep their decimal
// digits; anything else (null, bool, float, object, array, integers beyond 64 bits) is `other` with empty
// text.
struct json_field {
    enum class kind : std::uint8_t { absent, string, integer, other };
    kind k = kind::absent;
    std::string text;

    [[nodiscard]] bool present() const noexcept { return k != kind::absent; }
    [[nodiscard]] bool is_text() const noexcept { return k == kind::string || k == kind::integer; }
    // (Compared as a string_view: std::string's compare(const char*) is a call into the shared library.)
    [[nodiscard]] bool text_is(std::string_view s) const noexcept { return std::string_view(text) == s; }
    void clear() noexcept {
        k = kind::absent;
        text.clear();
    }
};

// The fields llmerr reads from an error envelope: at the top level, inside a top-level "error" object, and
// inside a top-level "output" object (DashScope's asynchronous tasks).
struct envelope_fields {
    bool top_is_object = false;
    json_field code, message, msg, error_code, error_msg, request_id, request_id_camel, id, status;
    json_field type;  // top-level: "error" in Anthropic-format bodies ({"type":"error","error":{…},"request_id"})
    json_field error_description;  // OAuth's {"error":"invalid_client","error_description":…}
    json_field error;              // the top-level "error" value itself when it is not an object (a string, usually)
    bool error_is_object = false;
    json_field error_code_field, error_message, error_type, error_param;
    bool success_marker = false;  // a top-level "choices", "output", "result", "data" or "object" key
    // "task_status", "code" and "message" of a top-level "output" object; absent when "output" is not one.
    json_field output_task_status, output_code, output_message;
    // MiniMax's {"base_resp":{"status_code","status_msg"}}: those two of a top-level "base_resp" object.
    json_field base_status_code, base_status_msg;
    // Tencent Cloud's {"Response":{"Error":{"Code","Message"},"RequestId"}}: a top-level "Response" object's
    // "RequestId", whether its "Error" is an object, and that object's "Code" and "Message".
    json_field response_request_id, response_error_code, response_error_message;
    bool response_error_is_object = false;
    // iFlytek Spark's {"header":{"code","message","sid"}}: those three of a top-level "header" object.
    json_field header_code, header_message, header_sid;
    // Tencent Hunyuan's streamed chunks: {"ErrorMsg":{"Code":4001,"Msg":…},…}; null in a chunk that succeeded.
    json_field errmsg_code, errmsg_msg;
    // The top-level value itself (`other` for an object or array): a body that is only a JSON string ("Invalid
    // token") has its text here.
    json_field top;
};

struct scan_result {
    scan_status status = scan_status::syntax_error;
    std::size_t consumed = 0;  // bytes read before the verdict
    envelope_fields fields;
};

// --- pieces shared by every JSON reader in the project (the scanner here, the CLI's log reader) ---

// Appends code point cp as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The length of the valid UTF-8 sequence at p (a byte >= 0x80), or 0 when it is not one (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF) — the rule nlohmann applies.
[[nodiscard]] inline std::size_t utf8_sequence_length(const char* p, const char* end) noexcept {
    const auto b0 = static_cast<unsigned char>(*p);
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n) return 0;
    const auto b1 = static_cast<unsigned char>(p[1]);
    if (b1 < lo || b1 > hi) return 0;
    for (std::size_t i = 2; i < n; ++i) {
        const auto b = static_cast<unsigned char>(p[i]);
        if (b < 0x80 || b > 0xBF) return 0;
    }
    return n;
}

enum class escape_status : std::uint8_t { ok, truncated, bad_escape, bad_unicode, lone_surrogate };

// Reads four hex digits at p.
[[nodiscard]] inline bool read_hex4(const char*& p, const char* end, std::uint32_t& v) noexcept {
    if (end - p < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = *p++;
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= static_cast<std::uint32_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
            return false;
        }
    }
    return true;
}

// Decodes the escape after a backslash (p at the character after it; p ends past the escape), appending the
// result to `out` when given. Surrogate pairs must be complete, as nlohmann requires.
inline escape_status decode_escape(const char*& p, const char* end, std::string* out) {
    if (p == end) return escape_status::truncated;
    char plain = 0;
    switch (*p++) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
            std::uint32_t cp = 0;
            if (!read_hex4(p, end, cp)) return escape_status::bad_unicode;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return escape_status::lone_surrogate;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                std::uint32_t lo = 0;
                if (end - p < 2 || p[0] != '\\' || p[1] != 'u') return escape_status::lone_surrogate;
                p += 2;
                if (!read_hex4(p, end, lo) || lo < 0xDC00 || lo > 0xDFFF) return escape_status::lone_surrogate;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (out != nullptr) append_utf8(*out, cp);
            return escape_status::ok;
        }
        default: return escape_status::bad_escape;
    }
    if (out != nullptr) *out += plain;
    return escape_status::ok;
}

// Whether an integer's digits fit nlohmann's 64-bit integers: int64 when negative, uint64 otherwise.
[[nodiscard]] inline bool fits_64(std::string_view d) noexcept {
    const bool neg = !d.empty() && d[0] == '-';
    if (neg) d.remove_prefix(1);
    const std::string_view limit =
        neg ? std::string_view("9223372036854775808") : std::string_view("18446744073709551615");
    if (d.size() != limit.size()) return d.size() < limit.size();
    return d <= limit;
}

// Whether a JSON number (not a 64-bit integer) is too large for a double: nlohmann rejects such a number
// ("number overflow"), so the scanner must too. Exact, by digits: the value rounds to infinity iff it is at
// least 2^1024 - 2^970, the midpoint between the largest double and 2^1024 (ties round to even: up).
[[nodiscard]] inline bool overflows_double(std::string_view d) noexcept {
    constexpr std::string_view midpoint =  // 2^1024 - 2^970, 309 digits, trailing zeros dropped
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070"
        "9633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447"
        "5730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904"
        "174497792";
    if (!d.empty() && d[0] == '-') d.remove_prefix(1);
    const std::size_t e_at = d.find_first_of("eE");
    const std::string_view mantissa = d.substr(0, e_at);
    long long exponent = 0;
    if (e_at != std::string_view::npos) {
        std::string_view e = d.substr(e_at + 1);
        const bool negative = !e.empty() && e[0] == '-';
        if (!e.empty() && (e[0] == '-' || e[0] == '+')) e.remove_prefix(1);
        for (char c : e) {
            exponent = exponent * 10 + (c - '0');
            if (exponent > 100000000) break;  // far beyond any double either way
        }
        if (negative) exponent = -exponent;
    }
    const std::size_t dot = mantissa.find('.');
    const std::string_view whole = mantissa.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
    // Significant digits and the decimal exponent E with value = 0.d1d2… × 10^E.
    std::string_view head, tail;
    long long magnitude;
    if (const std::size_t k = whole.find_first_not_of('0'); k != std::string_view::npos) {
        head = whole.substr(k);
        tail = fraction;
        magnitude = static_cast<long long>(head.size()) + exponent;
    } else if (const std::size_t j = fraction.find_first_not_of('0'); j != std::string_view::npos) {
        head = fraction.substr(j);
        magnitude = -static_cast<long long>(j) + exponent;
    } else {
        return false;  // zero
    }
    if (magnitude != 309) return magnitude > 309;
    for (std::size_t i = 0; i < midpoint.size(); ++i) {
        const char digit = i < head.size() ? head[i] : (i - head.size() < tail.size() ? tail[i - head.size()] : '0');
        if (digit != midpoint[i]) return digit > midpoint[i];
    }
    return true;  // equal to the midpoint, or above it by digits past its last nonzero one
}

// The kinds (object or array) of the open containers, one bit per level: the first 256 levels in place,
// deeper ones in words allocated as the nesting grows (with the vector's slack, at most 2 bits per level).
class container_stack {
public:
    // Records the kind of the container opened at `depth` (0-based; every level below it is recorded).
    void push(std::size_t depth, bool object) {
        std::uint64_t* word;
        if (depth < inline_levels) {
            word = &inline_[depth / 64];
        } else {
            const std::size_t i = (depth - inline_levels) / 64;
            if (i == deep_.size()) deep_.push_back(0);
            word = &deep_[i];
        }
        const std::uint64_t bit = std::uint64_t{1} << (depth % 64);
        *word = object ? (*word | bit) : (*word & ~bit);
    }
    [[nodiscard]] bool is_object(std::size_t depth) const noexcept {
        const std::uint64_t word = depth < inline_levels ? inline_[depth / 64] : deep_[(depth - inline_levels) / 64];
        return ((word >> (depth % 64)) & 1U) != 0;
    }

private:
    static constexpr std::size_t inline_levels = 256;
    std::uint64_t inline_[inline_levels / 64] = {};
    std::vector<std::uint64_t> deep_;
};

class json_scanner {
public:
    explicit json_scanner(std::string_view in) noexcept
        : p_(in.data()), end_(in.data() + in.size()), begin_(in.data()) {}

    // Validates the whole input and extracts the envelope fields. `keys_only`: skip string contents without
    // checking UTF-8 or decoding escapes (find_error's fast success check; the verdict is then only about
    // structure, and parse() re-scans in full when the body turns out to be an error). The keys and values
    // is_error_envelope() reads are still validated and decoded.
    scan_result run(bool keys_only = false) {
        keys_only_ = keys_only;
        scan_result r;
        // Like nlohmann, accept a UTF-8 byte order mark before the value.
        if (end_ - p_ >= 3 && p_[0] == '\xEF' && p_[1] == '\xBB' && p_[2] == '\xBF') p_ += 3;
        r.status = scan_document(r.fields);
        r.consumed = static_cast<std::size_t>(p_ - begin_);
        return r;
    }

private:
    enum class slot : std::uint8_t {
        none,
        bad,  // a syntax error in the key
        code,
        message,
        msg,
        error_code,
        error_msg,
        request_id,
        request_id_camel,
        id,
        status,
        type,
        error_description,
        error,
        e_code,
        e_message,
        e_type,
        e_param,
        output,
        o_task_status,
        o_code,
        o_message,
        success,
        base_resp,
        b_status_code,
        b_status_msg,
        response,
        r_error,
        r_request_id,
        re_code,
        re_message,
        header,
        h_code,
        h_message,
        h_sid,
        errmsg,
        em_code,
        em_msg,
        top,  // the top-level value itself
    };
    // What the open container at depth 2 is: the top-level "error" object, "output" object, or another.
    enum class inner : std::uint8_t { other, error, output, base_resp, response, header, errmsg };

    // A key longer than this matches no name the scanner reads, so only this much of it is decoded.
    static constexpr std::size_t key_cap = 32;

    const char* p_;
    const char* end_;
    const char* begin_;
    bool keys_only_ = false;
    std::string key_;  // decoded key with escapes, rarely needed

    static bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skip_ws() noexcept {
        while (p_ != end_ && is_ws(*p_)) ++p_;
    }

    static slot top_slot(std::string_view k) noexcept {
        // By length first: every top-level key of every body passes here, and most match nothing.
        switch (k.size()) {
            case 2: return k == "id" ? slot::id : slot::none;
            case 3: return k == "msg" ? slot::msg : slot::none;
            case 4:
                if (k == "code") return slot::code;
                return k == "data" ? slot::success : k == "type" ? slot::type : slot::none;
            case 5: return k == "error" ? slot::error : slot::none;
            case 8: return k == "Response" ? slot::response : k == "ErrorMsg" ? slot::errmsg : slot::none;
            case 6:
                if (k == "status") return slot::status;
                if (k == "output") return slot::output;
                if (k == "header") return slot::header;
                return (k == "result" || k == "object") ? slot::success : slot::none;
            case 7: return k == "message" ? slot::message : k == "choices" ? slot::success : slot::none;
            case 9:
                if (k == "base_resp") return slot::base_resp;
                return k == "error_msg" ? slot::error_msg : k == "requestId" ? slot::request_id_camel : slot::none;
            case 10: return k == "error_code" ? slot::error_code : k == "request_id" ? slot::request_id : slot::none;
            case 17: return k == "error_description" ? slot::error_description : slot::none;
            default: return slot::none;
        }
    }
    static slot error_slot(std::string_view k) noexcept {
        if (k == "code") return slot::e_code;
        if (k == "message") return slot::e_message;
        if (k == "type") return slot::e_type;
        if (k == "param") return slot::e_param;
        return slot::none;
    }
    static slot output_slot(std::string_view k) noexcept {
        if (k == "task_status") return slot::o_task_status;
        if (k == "code") return slot::o_code;
        if (k == "message") return slot::o_message;
        return slot::none;
    }
    static slot base_resp_slot(std::string_view k) noexcept {
        if (k == "status_code") return slot::b_status_code;
        if (k == "status_msg") return slot::b_status_msg;
        return slot::none;
    }
    static slot response_slot(std::string_view k) noexcept {
        if (k == "Error") return slot::r_error;
        if (k == "RequestId") return slot::r_request_id;
        return slot::none;
    }
    static slot header_slot(std::string_view k) noexcept {
        if (k == "code") return slot::h_code;
        if (k == "message") return slot::h_message;
        if (k == "sid") return slot::h_sid;
        return slot::none;
    }
    static slot errmsg_slot(std::string_view k) noexcept {
        if (k == "Code") return slot::em_code;
        if (k == "Msg") return slot::em_msg;
        return slot::none;
    }
    static slot response_error_slot(std::string_view k) noexcept {
        if (k == "Code") return slot::re_code;
        if (k == "Message") return slot::re_message;
        return slot::none;
    }
    static json_field* field_of(envelope_fields& f, slot s) noexcept {
        switch (s) {
            case slot::code: return &f.code;
            case slot::message: return &f.message;
            case slot::msg: return &f.msg;
            case slot::error_code: return &f.error_code;
            case slot::error_msg: return &f.error_msg;
            case slot::request_id: return &f.request_id;
            case slot::request_id_camel: return &f.request_id_camel;
            case slot::id: return &f.id;
            case slot::status: return &f.status;
            case slot::type: return &f.type;
            case slot::error_description: return &f.error_description;
            case slot::top: return &f.top;
            case slot::error: return &f.error;
            case slot::e_code: return &f.error_code_field;
            case slot::e_message: return &f.error_message;
            case slot::e_type: return &f.error_type;
            case slot::e_param: return &f.error_param;
            case slot::o_task_status: return &f.output_task_status;
            case slot::o_code: return &f.output_code;
            case slot::o_message: return &f.output_message;
            case slot::b_status_code: return &f.base_status_code;
            case slot::b_status_msg: return &f.base_status_msg;
            case slot::r_request_id: return &f.response_request_id;
            case slot::re_code: return &f.response_error_code;
            case slot::re_message: return &f.response_error_message;
            case slot::h_code: return &f.header_code;
            case slot::h_message: return &f.header_message;
            case slot::h_sid: return &f.header_sid;
            case slot::em_code: return &f.errmsg_code;
            case slot::em_msg: return &f.errmsg_msg;
            default: return nullptr;
        }
    }
    // The values is_error_envelope() reads: the keys-only scan decodes them too.
    static bool read_by_verdict(slot s) noexcept {
        return s == slot::code || s == slot::error_code || s == slot::error || s == slot::o_task_status ||
               s == slot::b_status_code || s == slot::h_code || s == slot::em_code;
    }

    // A new top-level "error" or "output" value replaces the earlier one entirely, as in nlohmann.
    static void clear_error(envelope_fields& f) noexcept {
        f.error.clear();
        f.error_is_object = false;
        f.error_code_field.clear();
        f.error_message.clear();
        f.error_type.clear();
        f.error_param.clear();
    }
    static void clear_output(envelope_fields& f) noexcept {
        f.output_task_status.clear();
        f.output_code.clear();
        f.output_message.clear();
    }
    static void clear_base_resp(envelope_fields& f) noexcept {
        f.base_status_code.clear();
        f.base_status_msg.clear();
    }
    static void clear_response_error(envelope_fields& f) noexcept {
        f.response_error_is_object = false;
        f.response_error_code.clear();
        f.response_error_message.clear();
    }
    static void clear_header(envelope_fields& f) noexcept {
        f.header_code.clear();
        f.header_message.clear();
        f.header_sid.clear();
    }
    static void clear_errmsg(envelope_fields& f) noexcept {
        f.errmsg_code.clear();
        f.errmsg_msg.clear();
    }
    static void clear_response(envelope_fields& f) noexcept {
        clear_response_error(f);
        f.response_request_id.clear();
    }
    // Clears what a new value under `s` replaces, when `s` names a container llmerr reads into.
    static void clear_container(envelope_fields& f, slot s) noexcept {
        if (s == slot::output) clear_output(f);
        if (s == slot::base_resp) clear_base_resp(f);
        if (s == slot::response) clear_response(f);
        if (s == slot::r_error) clear_response_error(f);
        if (s == slot::header) clear_header(f);
        if (s == slot::errmsg) clear_errmsg(f);
    }
    static bool is_container_slot(slot s) noexcept {
        return s == slot::output || s == slot::base_resp || s == slot::response || s == slot::r_error ||
               s == slot::header || s == slot::errmsg;
    }

    // Whether the 8 bytes at p are all printable ASCII other than '"' and '\\' (SWAR: byte k of the word
    // is byte k of the text whatever the byte order; every test stays within its byte).
    static bool plain_ascii8(const char* p) noexcept {
        std::uint64_t w;
        std::memcpy(&w, p, sizeof w);
        constexpr std::uint64_t ones = 0x0101010101010101U, highs = 0x8080808080808080U;
        const auto zero_in = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        const std::uint64_t below_space = (w - ones * 0x20U) & ~w & highs;  // a byte < 0x20 (or a borrow: rare)
        return ((w & highs) | below_space | zero_in(w ^ (ones * '"')) | zero_in(w ^ (ones * '\\'))) == 0;
    }

    // p_ is just past the opening quote. Reads to just past the closing quote. `validate`: check UTF-8 and
    // escapes (else only find the closing quote). With `out`, decodes into it its first `cap` bytes (the
    // rest is validated and dropped).
    bool string_body(std::string* out, std::size_t cap, bool validate) {
        if (!validate) {
            // Structure only: find the closing quote, honouring backslash escapes.
            for (;;) {
                const void* q = std::memchr(p_, '"', static_cast<std::size_t>(end_ - p_));
                if (q == nullptr) return false;
                const char* quote = static_cast<const char*>(q);
                std::size_t backslashes = 0;
                for (const char* b = quote; b != p_ && b[-1] == '\\'; --b) ++backslashes;
                p_ = quote + 1;
                if (backslashes % 2 == 0) return true;
            }
        }
        const auto flush = [out, cap](const char* from, const char* to) {
            if (out == nullptr || out->size() >= cap) return;
            const auto n = static_cast<std::size_t>(to - from);
            out->append(from, n < cap - out->size() ? n : cap - out->size());
        };
        const char* run = p_;
        for (;;) {
            // Eight plain bytes at a time (no quote, backslash, control byte or UTF-8): most of a message.
            while (end_ - p_ >= 8 && plain_ascii8(p_)) p_ += 8;
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                flush(run, p_);
                ++p_;
                return true;
            }
            if (c < 0x20) return false;
            if (c < 0x80 && c != '\\') {
                ++p_;
                continue;
            }
            if (c >= 0x80) {
                const std::size_t n = utf8_sequence_length(p_, end_);
                if (n == 0) return false;
                p_ += n;
                continue;
            }
            // backslash escape
            flush(run, p_);
            ++p_;
            std::string* const to = out != nullptr && out->size() < cap ? out : nullptr;
            if (decode_escape(p_, end_, to) != escape_status::ok) return false;
            if (to != nullptr && to->size() > cap) to->erase(cap);
            run = p_;
        }
    }

    // A string this scan does not keep (p_ just past its opening quote).
    bool skip_string() { return string_body(nullptr, 0, !keys_only_); }

    // Reads a key (p_ at its opening quote), validated, and returns it; decoded (its first key_cap bytes)
    // only when it holds escapes or UTF-8.
    bool key(std::string_view& k) {
        const char* start = ++p_;
        // Keys are short and plain ASCII: one pass finds the end, with no memchr calls and no decoding.
        for (const char* q = p_; q != end_; ++q) {
            const auto c = static_cast<unsigned char>(*q);
            if (c == '"') {
                k = std::string_view(start, static_cast<std::size_t>(q - start));
                p_ = q + 1;
                return true;
            }
            if (c < 0x20 || c >= 0x80 || c == '\\') break;  // escapes, UTF-8 or errors: the full path below
        }
        key_.clear();
        const bool ok = string_body(&key_, key_cap, true);
        k = key_;
        return ok;
    }

    bool number(json_field* f) noexcept {
        const char* start = p_;
        if (p_ != end_ && *p_ == '-') ++p_;
        if (p_ == end_) return false;
        if (*p_ == '0') {
            ++p_;
        } else if (*p_ >= '1' && *p_ <= '9') {
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        } else {
            return false;
        }
        bool integral = true;
        if (p_ != end_ && *p_ == '.') {
            integral = false;
            ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            integral = false;
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        const std::string_view digits(start, static_cast<std::size_t>(p_ - start));
        // Like nlohmann, which reads any number that is not a 64-bit integer as a double.
        if ((!integral || !fits_64(digits)) && overflows_double(digits)) return false;
        if (f != nullptr) {
            // Like nlohmann: integers within int64 (negative) or uint64 (positive) stay integers.
            if (integral && fits_64(digits)) {
                f->k = json_field::kind::integer;
                if (digits == "-0") {
                    f->text.assign("0", 1);  // nlohmann reads -0 as the integer 0
                } else {
                    f->text.assign(digits.data(), digits.size());
                }
            } else {
                f->k = json_field::kind::other;
                f->text.clear();
            }
        }
        return true;
    }

    bool literal(std::string_view word) noexcept {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    // Reads one scalar (p_ at its first byte) into f (may be null). Returns false on a syntax error.
    bool scalar(json_field* f) {
        const char c = *p_;
        if (c == '"') {
            ++p_;
            if (f == nullptr) return skip_string();
            f->text.clear();
            f->k = json_field::kind::string;
            return string_body(&f->text, max_decoded_bytes, true);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number(f);
        bool ok = false;
        if (c == 't') ok = literal("true");
        if (c == 'f') ok = literal("false");
        if (c == 'n') ok = literal("null");
        if (ok && f != nullptr) {
            f->k = json_field::kind::other;
            f->text.clear();
        }
        return ok;
    }

    // The whole document, iteratively. Depth 1 = the top-level container; the "error" and "output" objects
    // are at depth 2. Deeper containers cost one bit each (their kind) and are otherwise only counted.
    scan_status scan_document(envelope_fields& f) {
        skip_ws();
        if (p_ == end_) return scan_status::syntax_error;
        container_stack kinds;
        std::size_t depth = 0;
        inner in = inner::other;         // the container open at depth 2, when depth >= 2
        bool in_response_error = false;  // the container open at depth 3 is Response.Error (depth >= 3)
        slot pending = slot::top;        // where the next value goes

        for (;;) {
            // --- a value is expected here ---
            skip_ws();
            if (p_ == end_) return scan_status::syntax_error;
            const char c = *p_;
            if (c == '{' || c == '[') {
                const bool obj = c == '{';
                if (depth == 0 && obj) f.top_is_object = true;
                if (pending == slot::error) {
                    clear_error(f);
                    f.error_is_object = obj;
                    if (!obj) f.error.k = json_field::kind::other;
                } else if (is_container_slot(pending)) {
                    clear_container(f, pending);
                    if (pending == slot::r_error) f.response_error_is_object = obj;
                } else if (json_field* t = field_of(f, pending)) {
                    t->k = json_field::kind::other;
                    t->text.clear();
                }
                if (depth == 1) {
                    in = !obj                         ? inner::other
                         : pending == slot::error     ? inner::error
                         : pending == slot::output    ? inner::output
                         : pending == slot::base_resp ? inner::base_resp
                         : pending == slot::response  ? inner::response
                         : pending == slot::header    ? inner::header
                         : pending == slot::errmsg    ? inner::errmsg
                                                      : inner::other;
                }
                if (depth == 2) in_response_error = obj && pending == slot::r_error;
                kinds.push(depth, obj);
                ++depth;
                ++p_;
                skip_ws();
                if (p_ == end_) return scan_status::syntax_error;
                if ((obj && *p_ == '}') || (!obj && *p_ == ']')) {
                    ++p_;
                    --depth;
                } else if (obj) {
                    if (*p_ != '"') return scan_status::syntax_error;
                    pending = read_key_slot(depth, in, in_response_error, f);
                    if (pending == slot::bad) return scan_status::syntax_error;
                    continue;
                } else {
                    pending = slot::none;
                    continue;
                }
            } else {
                json_field* target = nullptr;
                if (pending == slot::error) {
                    clear_error(f);
                    target = &f.error;
                } else if (is_container_slot(pending)) {
                    clear_container(f, pending);  // a scalar where an object was expected
                } else {
                    target = field_of(f, pending);
                }
                if (keys_only_ && target != nullptr && *p_ == '"' && !read_by_verdict(pending)) {
                    // Of the other strings, is_error_envelope() reads only that they are there.
                    ++p_;
                    target->k = json_field::kind::string;
                    target->text.clear();
                    if (!skip_string()) return scan_status::syntax_error;
                } else if (!scalar(target)) {
                    return scan_status::syntax_error;
                }
            }
            pending = slot::none;
            // --- after a value: a comma, a closing bracket, or the end ---
            for (;;) {
                skip_ws();
                // Like nlohmann, a NUL byte after the value ends the input.
                if (depth == 0) return (p_ == end_ || *p_ == '\0') ? scan_status::ok : scan_status::syntax_error;
                if (p_ == end_) return scan_status::syntax_error;
                const bool obj = kinds.is_object(depth - 1);
                if (*p_ == ',') {
                    ++p_;
                    if (obj) {
                        skip_ws();
                        if (p_ == end_ || *p_ != '"') return scan_status::syntax_error;
                        pending = read_key_slot(depth, in, in_response_error, f);
                        if (pending == slot::bad) return scan_status::syntax_error;
                    }
                    break;
                }
                if ((obj && *p_ == '}') || (!obj && *p_ == ']')) {
                    ++p_;
                    --depth;
                    continue;
                }
                return scan_status::syntax_error;
            }
        }
    }

    // p_ at the opening quote of a key in the object at `depth`. Reads key and colon; returns the slot its
    // value goes to (bad on a syntax error).
    slot read_key_slot(std::size_t depth, inner in, bool in_response_error, envelope_fields& f) {
        // The keys whose names matter; the keys-only scan reads only those is_error_envelope() needs.
        const bool wanted =
            depth == 1 ||
            (depth == 2 && (in == inner::output || in == inner::base_resp || in == inner::response ||
                            in == inner::header || in == inner::errmsg || (in == inner::error && !keys_only_))) ||
            (depth == 3 && in == inner::response && in_response_error && !keys_only_);
        std::string_view k;
        if (!wanted) {
            ++p_;
            if (!skip_string()) return slot::bad;
        } else if (!key(k)) {
            return slot::bad;
        }
        skip_ws();
        if (p_ == end_ || *p_ != ':') return slot::bad;
        ++p_;
        if (!wanted) return slot::none;
        if (depth == 1) {
            const slot s = top_slot(k);
            if (s == slot::success || s == slot::output) f.success_marker = true;
            return s;
        }
        if (depth == 3) return response_error_slot(k);
        switch (in) {
            case inner::error: return error_slot(k);
            case inner::output: return output_slot(k);
            case inner::base_resp: return base_resp_slot(k);
            case inner::response: return response_slot(k);
            case inner::header: return header_slot(k);
            case inner::errmsg: return errmsg_slot(k);
            default: return slot::none;
        }
    }
};

// Scans `body` (already trimmed of BOM and white space by the caller, or not).
inline scan_result scan_json(std::string_view body, bool keys_only = false) {
    return json_scanner(body).run(keys_only);
}

}  // namespace detail
LLMERR_END_NAMESPACE

#endif  // LLMERR_DETAIL_JSON_SCAN_HPP
