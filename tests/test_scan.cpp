// SPDX-License-Identifier: MIT
// The scanner at any nesting depth, SSE line endings and copies, DashScope task failures, the portable
// may_hold_error, and <llmerr/json.hpp>'s parse of a DOM. Hostile shapes are built here; heap use is
// measured with a counting global operator new (this file's own).
#include <llmerr/json.hpp>
#include <llmerr/parse.hpp>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "data_files.hpp"
#include "fuzz/json_oracle.hpp"
#include "same_error.hpp"

// --- a counting allocator: every operator new of the program passes here ---

namespace {

struct heap_counter {
    std::size_t live = 0, peak = 0, total = 0, count = 0;
};
heap_counter heap;

constexpr std::size_t header = alignof(std::max_align_t) > sizeof(std::size_t) ? alignof(std::max_align_t)
                                                                               : sizeof(std::size_t);

void* counted_new(std::size_t n) {
    void* raw = std::malloc(n + header);  // NOLINT(cppcoreguidelines-no-malloc)
    if (raw == nullptr) throw std::bad_alloc();
    *static_cast<std::size_t*>(raw) = n;
    heap.live += n;
    heap.total += n;
    ++heap.count;
    if (heap.live > heap.peak) heap.peak = heap.live;
    return static_cast<char*>(raw) + header;
}

void counted_delete(void* p) noexcept {
    if (p == nullptr) return;
    void* raw = static_cast<char*>(p) - header;
    heap.live -= *static_cast<std::size_t*>(raw);
    std::free(raw);  // NOLINT(cppcoreguidelines-no-malloc)
}

// Heap use of one call: peak above what was live before, total bytes and number of allocations.
struct heap_use {
    std::size_t peak = 0, total = 0, count = 0;
};

template <class F>
heap_use measure(F&& f) {
    const heap_counter before = heap;
    heap.peak = heap.live;
    f();
    heap_use u{heap.peak - before.live, heap.total - before.total, heap.count - before.count};
    if (before.peak > heap.peak) heap.peak = before.peak;
    return u;
}

}  // namespace

void* operator new(std::size_t n) { return counted_new(n); }
void* operator new[](std::size_t n) { return counted_new(n); }
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, std::size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_delete(p); }
// The nothrow forms too (Catch2 uses them): every allocation must carry the header counted_delete reads.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted_new(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted_new(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_delete(p); }

namespace {

using llmerr::detail::scan_json;
using llmerr::detail::scan_status;

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// `value` nested `levels` deep: in arrays, in {"a": objects, or alternating.
std::string nested(std::string_view value, std::size_t levels, int shape) {
    std::string open, close;
    for (std::size_t i = 0; i < levels; ++i) {
        const bool array = shape == 0 || (shape == 2 && i % 2 == 0);
        open += array ? "[" : "{\"a\":";
        close += array ? "]" : "}";
    }
    return open + std::string(value) + std::string(close.rbegin(), close.rend());
}

// The scanner and nlohmann agree on validity and fields.
void check_against_nlohmann(const std::string& body) {
    const auto scanned = scan_json(body);
    const auto dom = nlohmann::json::parse(body, nullptr, false);
    REQUIRE((scanned.status == scan_status::ok) == !dom.is_discarded());
    if (scanned.status == scan_status::ok) {
        CHECK(oracle::same_fields(scanned.fields, oracle::fields_from_json(dom), "scanner vs nlohmann"));
    }
}

const std::string qianfan_110 = R"({"error_code":110,"error_msg":"Access token invalid or no longer valid")";

}  // namespace

TEST_CASE("16 MiB of nesting: scanned with a bit per level, no DOM", "[scan][deep]") {
    constexpr std::size_t n = std::size_t{16} << 20;
    SECTION("unclosed [") {
        const std::string body(n, '[');
        const heap_use scan = measure([&] { CHECK(scan_json(body).status == scan_status::syntax_error); });
        CHECK(scan.peak <= n / 4);  // two bits per level at most (nlohmann's DOM took ~75 bytes per level)
        llmerr::llm_error e;
        const heap_use parsed = measure([&] { e = llmerr::parse(body, 500); });
        CHECK(parsed.peak <= n / 4 + 4 * llmerr::max_message_bytes);
        CHECK(e.category == llmerr::category::server_error);
        CHECK_FALSE(llmerr::find_error(200, body).has_value());
    }
    SECTION("[ closed by ]") {
        const std::string body = std::string(n / 2, '[') + std::string(n / 2, ']');
        const auto r = scan_json(body);
        CHECK(r.status == scan_status::ok);
        CHECK(r.consumed == body.size());
        CHECK_FALSE(r.fields.top_is_object);
        CHECK_FALSE(llmerr::find_error(200, body).has_value());
        CHECK(llmerr::parse(body, 500).envelope == llmerr::envelope::json_other);
    }
    SECTION("{\"a\": nesting, closed and not") {
        const std::size_t levels = n / 5;
        const std::string body = nested("1", levels, 1);
        const heap_use scan = measure([&] {
            const auto r = scan_json(body);
            CHECK(r.status == scan_status::ok);
            CHECK(r.fields.top_is_object);
            CHECK_FALSE(r.fields.code.present());
        });
        CHECK(scan.peak <= levels / 4 + 1024);
        CHECK(scan_json(std::string_view(body).substr(0, levels * 5)).status == scan_status::syntax_error);
        CHECK(llmerr::parse(body, 400).envelope == llmerr::envelope::json_other);
        CHECK_FALSE(llmerr::find_error(200, body).has_value());
    }
}

TEST_CASE("a 20 MB wide body under deep nesting parses in little memory", "[scan][deep]") {
    // 200 levels, then 10 million elements: nlohmann's DOM held them all (and aborted under a 500 MB limit).
    const std::string inner = repeat("0,", 10'000'000);
    for (const bool valid : {false, true}) {
        INFO((valid ? "valid" : "trailing comma"));
        const std::string body = std::string(200, '[') + inner + (valid ? "0" : "") + std::string(200, ']');
        llmerr::llm_error e;
        const heap_use use = measure([&] { e = llmerr::parse(body, 500); });
        CHECK(use.peak < body.size() / 16);
        CHECK(e.category == llmerr::category::server_error);
        CHECK(e.envelope == (valid ? llmerr::envelope::json_other : llmerr::envelope::text));
        CHECK(e.truncated);
    }
}

TEST_CASE("a deep value beside a Qianfan error_code, with status 200, is reported", "[scan][deep]") {
    for (const std::size_t levels : {std::size_t{129}, std::size_t{300}, std::size_t{100000}}) {
        for (int shape = 0; shape < 3; ++shape) {
            INFO("levels " << levels << ", shape " << shape);
            const std::string deep = nested("1", levels, shape);
            for (const std::string& body : std::vector<std::string>{
                     qianfan_110 + R"(,"x":)" + deep + "}", R"({"x":)" + deep + "," + qianfan_110.substr(1) + "}"}) {
                const auto e = llmerr::find_error(200, body);
                REQUIRE(e.has_value());
                CHECK(e->code == "110");
                CHECK(e->provider == llmerr::provider::qianfan);
                CHECK(e->category == llmerr::category::authentication);
            }
            // A success with the same depth stays a success.
            CHECK_FALSE(llmerr::find_error(200, R"({"choices":[],"error_code":0,"x":)" + deep + "}").has_value());
        }
    }
}

TEST_CASE("deep bodies give the fields of their shallow equivalents", "[scan][deep]") {
    const std::string shallow =
        R"({"request_id":"54dc32fd-968b-4aed-b6a8-ae63d6fda4d5","code":"InvalidApiKey","message":"Invalid API-key provided."})";
    const std::string shallow_object =
        R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"Too many requests","type":"TooManyRequests"}})";
    for (const std::size_t levels : {std::size_t{128}, std::size_t{129}, std::size_t{257}, std::size_t{70000}}) {
        for (int shape = 0; shape < 3; ++shape) {
            INFO("levels " << levels << ", shape " << shape);
            // Decoys below the fields that are read: the same names, deeper, must not count.
            const std::string decoy =
                nested(R"({"code":"Decoy","message":"deep","error":{"code":"Deeper"}})", levels, shape);
            const std::string deep =
                R"({"pad":)" + decoy + "," + shallow.substr(1, shallow.size() - 2) + R"(,"more":)" + decoy + "}";
            check_same_error(llmerr::parse(deep, 401), llmerr::parse(shallow, 401));
            const std::string deep_object = R"({"error":{"pad":)" + decoy + "," +
                                            shallow_object.substr(10, shallow_object.size() - 12) + R"(,"x":)" + decoy +
                                            R"(},"y":)" + decoy + "}";
            check_same_error(llmerr::parse(deep_object, 429), llmerr::parse(shallow_object, 429));
            if (levels < 1000) {
                check_against_nlohmann(deep);
                check_against_nlohmann(deep_object);
            }
        }
    }
}

TEST_CASE("brackets are matched at every depth", "[scan][deep]") {
    for (const std::size_t levels :
         {std::size_t{10}, std::size_t{255}, std::size_t{256}, std::size_t{300}, std::size_t{5000}}) {
        INFO("levels " << levels);
        const std::string arrays(levels, '[');
        const std::string closes(levels, ']');
        // One closing bracket of the wrong kind, at the innermost, the middle or the outermost level.
        for (const std::size_t wrong : {std::size_t{0}, levels / 2, levels - 1}) {
            std::string body = arrays + "{}" + closes;
            body[levels + 2 + wrong] = '}';
            check_against_nlohmann(body);
            CHECK(scan_json(body).status == scan_status::syntax_error);
        }
        const std::string mixed = nested("[{}]", levels, 2);
        check_against_nlohmann(mixed);
        CHECK(scan_json(mixed).status == scan_status::ok);
        std::string swapped = mixed;
        const std::size_t last_brace = swapped.rfind('}');
        const std::size_t last_bracket = swapped.rfind(']');
        std::swap(swapped[last_brace], swapped[last_bracket]);
        check_against_nlohmann(swapped);
    }
}

TEST_CASE("SSE: LF, CRLF and CR-only line endings", "[scan][sse]") {
    const std::string chunk = R"(data: {"choices":[{"delta":{"content":"hi"}}]})";
    const std::string error_chunk =
        R"(data: {"error":{"code":"InternalServiceError","message":"The service encountered an unexpected internal error.","type":"InternalServerError"}})";
    const std::string frame_status = ":HTTP_STATUS/400";
    const std::string frame_data =
        R"(data:{"code":"InvalidParameter","message":"Range of input length should be [1, 6000]","request_id":"54dc32fd-968b-4aed-b6a8-ae63d6fda4d5"})";
    for (const char* eol : {"\n", "\r\n", "\r"}) {
        INFO("line ending " << (eol[0] == '\n' ? "LF" : eol[1] == '\n' ? "CRLF" : "CR"));
        const std::string e = eol;
        const std::string stream = chunk + e + e + chunk + e + e + error_chunk + e + e;
        const auto a = llmerr::find_error(200, stream);
        REQUIRE(a.has_value());
        CHECK(a->from_stream);
        CHECK(a->code == "InternalServiceError");
        CHECK(a->message == "The service encountered an unexpected internal error.");

        const std::string frames = "id:1" + e + "event:result" + e + chunk.substr(0, 5) + chunk.substr(6) + e + e +
                                   "id:2" + e + "event:error" + e + frame_status + e + frame_data + e + e;
        const auto b = llmerr::find_error(200, frames);
        REQUIRE(b.has_value());
        CHECK(b->from_stream);
        CHECK(b->http_status == 400);
        CHECK(b->code == "InvalidParameter");
        CHECK(b->request_id == "54dc32fd-968b-4aed-b6a8-ae63d6fda4d5");

        // Two data lines make one event, joined with LF whatever the line ending.
        const std::string two_lines = R"(data: {"error":)" + e + R"(data: {"code":"x","message":"m"}})" + e + e;
        const auto ev = llmerr::detail::find_sse_error(two_lines);
        REQUIRE(ev.found);
        CHECK(ev.data == "{\"error\":\n{\"code\":\"x\",\"message\":\"m\"}}");
        const llmerr::detail::sse_error copy = ev;  // the copy views its own joined data
        CHECK(copy.data == ev.data);
        CHECK(copy.data.data() != ev.data.data());

        // Success streams stay successes.
        CHECK_FALSE(llmerr::find_error(200, chunk + e + e + chunk + e + e + "data: [DONE]" + e + e).has_value());
    }
}

TEST_CASE("a 64 MB SSE error event is neither copied nor decoded in full", "[scan][sse]") {
    constexpr std::size_t n = std::size_t{64} << 20;
    // Escapes on the way, so that the decoder's escape path meets the cap too.
    const std::string message = repeat("abcdefg\\n", n / 9);
    const std::string data = R"({"error":{"code":"InternalServiceError","message":")" + message + "\"}}";
    // The parser's tables, built once per program on first use, are built before measuring: the bounds below
    // are for what one call copies.
    REQUIRE(llmerr::find_error(500, R"({"error":{"code":"InternalServiceError","message":"x"}})").has_value());
    for (const bool event_frame : {false, true}) {
        INFO((event_frame ? "event:error frame" : "data: chunk"));
        const std::string body = (event_frame ? "event:error\n:HTTP_STATUS/500\ndata:" : "data: ") + data + "\n\n";
        llmerr::detail::sse_error ev;
        const heap_use found = measure([&] { ev = llmerr::detail::find_sse_error(body); });
        REQUIRE(ev.found);
        CHECK(found.total == 0);  // views into the body
        CHECK(ev.data.size() == data.size());
        const heap_use scanned = measure([&] {
            const auto r = scan_json(ev.data);
            CHECK(r.status == scan_status::ok);
            CHECK(r.fields.error_message.text.size() == llmerr::detail::max_decoded_bytes);
            CHECK(r.fields.error_message.text.compare(0, 18, "abcdefg\nabcdefg\nab") == 0);
        });
        CHECK(scanned.total < 4 * llmerr::max_message_bytes);  // the capped message, not 64 MB

        std::optional<llmerr::llm_error> e;
        const heap_use all = measure([&] { e = llmerr::find_error(200, body); });
        REQUIRE(e.has_value());
        CHECK(e->truncated);
        CHECK(e->message.size() <= llmerr::max_message_bytes);
        CHECK(e->code == "InternalServiceError");
        // No copy of the event's data (before: three, 201 MB): the capped message, decoded then kept.
        CHECK(all.total < 8 * llmerr::max_message_bytes);
    }
    SECTION("an event of two data lines is joined once") {
        const std::size_t half = data.find("\"message\"");  // a line break between members: valid JSON
        const std::string body = "data: " + data.substr(0, half) + "\ndata: " + data.substr(half) + "\n\n";
        std::optional<llmerr::llm_error> e;
        const heap_use all = measure([&] { e = llmerr::find_error(200, body); });
        REQUIRE(e.has_value());
        CHECK(e->code == "InternalServiceError");
        CHECK_FALSE(e->salvaged);
        CHECK(e->truncated);
        // One copy for the join in find_error's check, one in parse, one at a time; plus the capped message.
        CHECK(all.peak < data.size() + 8 * llmerr::max_message_bytes);
        CHECK(all.total < 2 * data.size() + 8 * llmerr::max_message_bytes);
    }
}

TEST_CASE("DashScope asynchronous task failures", "[scan][task]") {
    const std::string failed =
        R"({"request_id":"7574ee8f-38a3-4b1e-9280-11c33ab46e51","output":{"task_id":"464a8ea0-1f3a-4c3e-9a6b-6d4c2b8a1a11","task_status":"FAILED","code":"InvalidParameter","message":"The size of input image is too small"}})";
    const auto r = scan_json(failed);
    REQUIRE(r.status == scan_status::ok);
    CHECK(r.fields.output_task_status.text == "FAILED");
    CHECK(r.fields.output_code.text == "InvalidParameter");
    CHECK(r.fields.output_message.text == "The size of input image is too small");
    CHECK(r.fields.request_id.text == "7574ee8f-38a3-4b1e-9280-11c33ab46e51");
    CHECK(r.fields.success_marker);
    CHECK_FALSE(r.fields.code.present());
    check_against_nlohmann(failed);

    for (
        const std::string& body : std::vector<std::string>{
            failed,
            R"({"request_id":"r","output":{"task_id":"t","task_status":"UNKNOWN"}})",
            R"({"request_id":"r","output":{"task_id":"t","task_status":"unknown"},"usage":{"image_count":0}})",
            R"({"output":{"task_status":"Failed","code":"DataInspectionFailed","message":"m"},"usage":{"duration":1}})",
            R"({"output":{"task_st\u0061tus":"FAILED"}})",
            R"({"output":{"task_status":"SUCCEEDED"},"output":{"task_status":"FAILED"}})",
        }) {
        INFO(body);
        CHECK(llmerr::find_error(200, body).has_value());
        check_against_nlohmann(body);
    }
    for (
        const std::string& body : std::vector<std::string>{
            R"({"request_id":"r","output":{"task_id":"t","task_status":"SUCCEEDED","results":[]},"usage":{"image_count":1}})",
            R"({"request_id":"r","output":{"task_id":"t","task_status":"PENDING"}})",
            R"({"request_id":"r","output":{"task_id":"t","task_status":"RUNNING"}})",
            R"({"output":{"task_status":"FAILED"},"output":{"task_status":"SUCCEEDED"}})",
            R"({"output":"FAILED","task_status":"FAILED"})",
            R"({"output":{"choices":[{"task_status":"FAILED"}]}})",
            R"({"output":{"nested":{"task_status":"FAILED"}}})",
        }) {
        INFO(body);
        CHECK_FALSE(llmerr::find_error(200, body).has_value());
        check_against_nlohmann(body);
        const auto f = scan_json(body).fields;
        CHECK(f.success_marker);
    }
    const auto not_object = scan_json(R"({"output":["FAILED"],"code":"x"})");
    CHECK_FALSE(not_object.fields.output_task_status.present());
    CHECK(not_object.fields.success_marker);
}

TEST_CASE("OAuth error_description", "[scan]") {
    const std::string body = R"({"error":"invalid_client","error_description":"unknown client id"})";
    const auto r = scan_json(body);
    CHECK(r.fields.error.text == "invalid_client");
    CHECK(r.fields.error_description.text == "unknown client id");
    check_against_nlohmann(body);
    CHECK(llmerr::find_error(200, body).has_value());
}

TEST_CASE("may_hold_error: the vector, SWAR and byte loops flag what the definition does", "[scan][simd]") {
    const std::vector<std::string> markers = {"code\"", "error\"", "task_status\"", "event:error", "event: ERROR",
                                              "\\u0065", "\\u005F", "\\u0061", "\\u006b", "\\u0073", "\\u0074",
                                              "\\u0075", "\\u0072",
                                              // near misses
                                              "cod\"", "eror\"", "status\"", "tas_status\"", "event:eror", "\\u0066",
                                              "\\u0062", "\\u0076", "\\x", "ev:error", "\\u00", "ode\""};
    for (const std::string& m : markers) {
        for (std::size_t len = m.size(); len <= 48; len += 5) {
            for (std::size_t at = 0; at + m.size() <= len; ++at) {
                std::string s(len, 'x');
                s.replace(at, m.size(), m);
                bool expected = false;
                for (std::size_t i = 0; i < s.size(); ++i) expected = expected || llmerr::detail::error_marker_at(s, i);
                INFO(s);
                CHECK(llmerr::detail::may_hold_error(s) == expected);
                CHECK(llmerr::detail::may_hold_error_bytes(s) == expected);
                CHECK(llmerr::detail::may_hold_error_swar(s) == expected);
#if LLMERR_VECTOR_EXTENSIONS
                CHECK(llmerr::detail::may_hold_error_vector(s) == expected);
#endif
            }
        }
    }
    CHECK(llmerr::detail::may_hold_error(std::string(1000, 'a') + "task_status\""));
    CHECK_FALSE(llmerr::detail::may_hold_error(std::string(1000, '"') + "status\""));
}

TEST_CASE("parse of a nlohmann::json equals parse of its text", "[scan][json]") {
    std::size_t json_samples = 0;
    for (const auto& s : testdata::all_samples()) {
        const auto dom = nlohmann::json::parse(s.body, nullptr, false);
        if (dom.is_discarded()) continue;
        ++json_samples;
        INFO(s.name);
        const int status = s.meta["status"];
        const auto headers = testdata::headers_of(s.meta);
        if (s.meta["expect"].is_null()) {
            // A success body has no envelope: parse() reads it as text, and text is read in windows, so the
            // key order of dump() (nlohmann sorts keys) can change what it finds. The promise is parse(dump()).
            check_same_error(llmerr::parse(dom, status), llmerr::parse(dom.dump(), status));
            CHECK_FALSE(llmerr::find_error(status, dom).has_value());
            CHECK_FALSE(llmerr::find_error(status, s.body).has_value());
            continue;
        }
        check_same_error(llmerr::parse(dom, status), llmerr::parse(s.body, status));
        check_same_error(llmerr::parse(dom, 0), llmerr::parse(s.body, 0));
        check_same_error(llmerr::parse(dom, status, headers), llmerr::parse(s.body, status, headers));
        const auto hint = *llmerr::provider_from_string(s.meta["provider"].get<std::string>());
        check_same_error(llmerr::parse(dom, status, headers, hint), llmerr::parse(s.body, status, headers, hint));
        const auto a = llmerr::find_error(status, dom);
        const auto b = llmerr::find_error(status, s.body);
        REQUIRE(a.has_value() == b.has_value());
        if (a) check_same_error(*a, *b);
        CHECK(llmerr::find_error(status, dom, headers).has_value() == b.has_value());
        const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(s.body);
        check_same_error(llmerr::parse(ordered, status), llmerr::parse(s.body, status));
    }
    CHECK(json_samples >= 30);
    // The text overloads are still chosen for text.
    CHECK(llmerr::parse("{\"code\":\"InvalidApiKey\",\"message\":\"m\"}", 401).code == "InvalidApiKey");
    CHECK(llmerr::parse(std::string("x"), 500).category == llmerr::category::server_error);
    // A DOM built in code may hold invalid UTF-8: replaced, not thrown.
    const nlohmann::json bad = {{"code", "InvalidApiKey"}, {"message", std::string("bad \xFF byte")}};
    CHECK(llmerr::parse(bad, 401).code == "InvalidApiKey");
}
