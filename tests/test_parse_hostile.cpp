// SPDX-License-Identifier: MIT
// Hostile input: every one yields a classified llm_error, no crash, no exception, no sanitizer report; and
// the scanner agrees with nlohmann on every input it accepts.
#include <llmerr/json.hpp>
#include <llmerr/parse.hpp>
#include <llmerr/retry.hpp>

#include <chrono>
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "fuzz/json_oracle.hpp"

using llmerr::category;
using llmerr::parse;

namespace {

bool valid_category(category c) { return static_cast<std::size_t>(c) < llmerr::category_count; }

void check_well_formed(const llmerr::llm_error& e) {
    CHECK(valid_category(e.category));
    CHECK(e.message.size() <= llmerr::max_message_bytes);
    CHECK(e.code.size() <= llmerr::max_field_bytes);
    CHECK(e.request_id.size() <= llmerr::max_field_bytes);
    CHECK(e.retryable == (e.entry != nullptr ? e.entry->retryable : llmerr::is_retryable_by_default(e.category)));
}

// The scanner and nlohmann extract the same fields whenever the scanner accepts the input.
void check_differential(std::string_view input) {
    const auto scanned = llmerr::detail::scan_json(input);
    const auto dom = nlohmann::json::parse(input.begin(), input.end(), nullptr, false);
    if (scanned.status == llmerr::detail::scan_status::syntax_error) {
        CHECK(dom.is_discarded());
        return;
    }
    REQUIRE_FALSE(dom.is_discarded());
    CHECK(oracle::same_fields(scanned.fields, oracle::fields_from_json(dom), "scanner vs nlohmann"));
}

const std::string real_body =
    R"({"request_id":"54dc32fd-968b-4aed-b6a8-ae63d6fda4d5","code":"InvalidParameter","message":"<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720] \u4f60\u597d \"q\""})";

}  // namespace

TEST_CASE("degenerate bodies", "[parse][hostile]") {
    for (const char* body : {"",
                             "   \n\t ",
                             "null",
                             "[]",
                             "{}",
                             "\"str\"",
                             "42",
                             "-1.5e9",
                             "true",
                             "{\"a\":",
                             "}{",
                             "\xEF\xBB\xBF",
                             "data:",
                             "event:error\n\n",
                             ":\n\n",
                             "data: [DONE]",
                             "<",
                             "{\"error\":{}}",
                             "{\"error\":[]}",
                             "{\"error\":\"\"}"}) {
        INFO(body);
        for (int status : {0, 200, 400, 429, 502, -1, 99999}) {
            const auto e = parse(body, status);
            check_well_formed(e);
            CHECK(e.http_status == status);
        }
        check_differential(body);
    }
    CHECK(parse("", 502).category == category::server_error);  // Bad Gateway: the upstream failed
    CHECK(parse("null", 401).category == category::authentication);
    CHECK(parse("{\"error\":{}}", 200).envelope == llmerr::envelope::error_object);
}

TEST_CASE("an HTML gateway page", "[parse][hostile]") {
    const std::string page =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
        "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    const auto e = parse(page, 502);
    CHECK(e.envelope == llmerr::envelope::html);
    CHECK(e.category == category::server_error);
    CHECK(e.retryable);
    CHECK(e.message.find("502 Bad Gateway") != std::string::npos);
}

TEST_CASE("truncated at every byte of a real body", "[parse][hostile]") {
    for (std::size_t n = 0; n <= real_body.size(); ++n) {
        const std::string_view cut(real_body.data(), n);
        INFO(n);
        const auto e = parse(cut, 400);
        check_well_formed(e);
        if (n == real_body.size()) {
            CHECK_FALSE(e.salvaged);
            CHECK(e.category == category::context_length_exceeded);
        } else if (n > 90) {
            CHECK(e.code == "InvalidParameter");  // salvaged from the readable part
            CHECK(e.provider == llmerr::provider::dashscope);
        }
        check_differential(cut);
    }
}

TEST_CASE("deep nesting, huge bodies, bad bytes", "[parse][hostile]") {
    SECTION("100 000 levels of nesting") {
        const std::string arrays = std::string(100000, '[') + std::string(100000, ']');
        check_well_formed(parse(arrays, 400));
        std::string objects;
        for (int i = 0; i < 100000; ++i) objects += "{\"error\":";
        objects += "1" + std::string(100000, '}');
        check_well_formed(parse(objects, 400));
        check_well_formed(parse(std::string(100000, '{'), 400));
        CHECK_FALSE(llmerr::find_error(200, arrays).has_value());
    }
    SECTION("a 16 MB message") {
        const std::string body = R"({"code":"InvalidApiKey","message":")" + std::string(16 << 20, 'a') + "\"}";
        const auto e = parse(body, 401);
        check_well_formed(e);
        CHECK(e.truncated);
        CHECK(e.message.size() == llmerr::max_message_bytes);
        CHECK(e.category == category::authentication);
        const auto text = parse(std::string(16 << 20, 'x'), 500);
        CHECK(text.truncated);
        CHECK(text.category == category::server_error);
    }
    SECTION("a message cut inside a multi-byte character stays valid UTF-8") {
        std::string body = R"({"code":"x","message":")";
        for (int i = 0; i < 30000; ++i) body += "\xE4\xBD\xA0";  // 你
        body += "\"}";
        const auto e = parse(body);
        CHECK(e.truncated);
        CHECK(e.message.size() % 3 == 0);
    }
    SECTION("a cut through stray continuation bytes keeps the message") {
        const std::string body =
            R"({"code":"x","message":")" + std::string(llmerr::max_message_bytes + 10, '\x80') + "\"}";
        const auto e = parse(body);  // invalid UTF-8: the scanner rejects it, the raw text is kept
        CHECK(e.truncated);
        CHECK(e.message.size() >= llmerr::max_message_bytes - 3);
    }
    SECTION("invalid UTF-8 and embedded NUL") {
        for (const std::string& body :
             {std::string("{\"code\":\"a\xFF\",\"message\":\"m\"}"), std::string("{\"code\":\"\xC0\xAF\"}"),
              std::string("{\"code\":\"\xED\xA0\x80\"}"), std::string("{\"code\":\"\\ud800\"}"),
              std::string("{\"code\":\"a\0b\",\"message\":\"x\"}", 26), std::string("\0\0\0", 3),
              std::string("{\"message\":\"ok\"}\0trailing", 25), std::string("\xFF\xFE{\"code\":1}")}) {
            check_well_formed(parse(body, 400));
            check_differential(body);
        }
    }
    SECTION("wrong types") {
        CHECK(parse(R"({"code":123,"message":"m"})").code == "123");
        CHECK(parse(R"({"code":{"a":1},"message":"m"})").code.empty());
        CHECK(parse(R"({"code":[1,2],"message":"m"})").code.empty());
        CHECK(parse(R"({"code":null,"message":"m"})").code.empty());
        CHECK(parse(R"({"error_code":1.5,"error_msg":"m"})").code.empty());
        CHECK(parse(R"({"error_code":99999999999999999999999,"error_msg":"m"})").code.empty());
        CHECK(parse(R"({"error":{"code":false,"message":{"nested":"x"}}})").message.empty());
        CHECK(parse(R"({"error":{"code":"x","message":"m","param":["a"]}})").param.empty());
        for (const char* body : {R"({"code":123,"message":"m"})", R"({"error":{"code":false,"message":{"n":"x"}}})",
                                 R"({"error_code":-0,"error_msg":"m"})", R"({"error_code":1e2})"}) {
            check_differential(body);
        }
    }
    SECTION("numbers beyond a double, and a BOM before the JSON (fuzz regressions)") {
        for (const char* body :
             {"-1.5e917", "1e309", "1e308", R"({"code":"InvalidApiKey","message":"m","n":1e999})",
              "1.7976931348623157e308", "1.7976931348623158079372897140530341507993413271003782693617377898e308",
              "0.0000e999", "1e-400", "123456789012345678901234567890", "\xEF\xBB\xBF{\"code\":\"x\"}"}) {
            INFO(body);
            check_differential(body);
        }
        CHECK(parse(R"({"code":"InvalidApiKey","message":"m","n":1e999})", 401).salvaged);
    }
    SECTION("duplicate keys: the last one wins, as in nlohmann") {
        const auto e =
            parse(R"({"code":"A","code":"InvalidApiKey","message":"x","message":"Invalid API-key provided."})", 401,
                  llmerr::provider::dashscope);
        CHECK(e.code == "InvalidApiKey");
        CHECK(e.message == "Invalid API-key provided.");
        for (const char* body :
             {R"({"error":{"code":"A"},"error":{"message":"B"}})", R"({"error":{"code":"A"},"error":"s"})",
              R"({"error":"s","error":{"code":"A"}})", R"({"\u0063ode":"esc","code":"plain"})"}) {
            check_differential(body);
        }
        CHECK(parse(R"({"error":{"code":"A"},"error":{"message":"B"}})").code.empty());
    }
}

// ---------------------------------------------------------------------------------------------------------
// Headers and JSON from hostile peers (issue #14).

namespace {

using ms = std::chrono::milliseconds;
using header_map = std::map<std::string, std::string>;

// Whether `s` is well-formed UTF-8 (no truncated sequence at the end, no stray continuation byte).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

std::optional<ms> retry_after_of(const std::string& value) {
    return parse("{}", 429, header_map{{"Retry-After", value}}).retry_after;
}

}  // namespace

TEST_CASE("Retry-After: impossible HTTP-dates are ignored", "[parse][hostile][headers]") {
    // Before the fix "31 Feb 2030" read as 3 Mar 2030.
    for (const char* impossible :
         {"Sat, 31 Feb 2030 00:00:00 GMT", "Fri, 29 Feb 2030 00:00:00 GMT", "Mon, 30 Feb 2032 00:00:00 GMT",
          "Mon, 31 Apr 2030 00:00:00 GMT", "Mon, 31 Jun 2030 00:00:00 GMT", "Mon, 31 Sep 2030 00:00:00 GMT",
          "Mon, 31 Nov 2030 00:00:00 GMT", "Mon, 29 Feb 2100 00:00:00 GMT", "Monday, 31-Feb-30 00:00:00 GMT",
          "Mon Feb 30 00:00:00 2030", "Mon, 00 Jan 2030 00:00:00 GMT", "Mon, 01 Jan 2030 24:00:00 GMT",
          "Mon, 01 Jan 2030 23:60:00 GMT", "Mon, 01 Jan 2030 23:59:61 GMT"}) {
        INFO(impossible);
        CHECK_FALSE(llmerr::detail::parse_http_date(impossible).has_value());
        CHECK_FALSE(retry_after_of(impossible).has_value());
    }
    // Possible ones; day numbers from Python's datetime: (date(2030, 3, 1) - date(1970, 1, 1)).days etc.
    CHECK(llmerr::detail::parse_http_date("Fri, 01 Mar 2030 00:00:00 GMT") == 21974LL * 86400);
    CHECK(llmerr::detail::parse_http_date("Thu, 28 Feb 2030 00:00:00 GMT") == 21973LL * 86400);
    CHECK(llmerr::detail::parse_http_date("Sun, 29 Feb 2032 12:00:00 GMT") == 22704LL * 86400 + 43200);
    CHECK(llmerr::detail::parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT") == 11016LL * 86400);
    CHECK(llmerr::detail::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
    CHECK(llmerr::detail::parse_http_date("Wed, 30 Apr 2031 23:59:60 GMT").has_value());  // leap second
    CHECK(retry_after_of("Sat, 31 Dec 9999 23:59:59 GMT") == ms(llmerr::detail::max_retry_after_ms));
}

TEST_CASE("Retry-After in the past or zero reads as 0", "[parse][hostile][headers]") {
    CHECK(retry_after_of("Thu, 01 Jan 1970 00:00:00 GMT") == ms(0));
    CHECK(retry_after_of("Wed, 21 Oct 2015 07:28:00 GMT") == ms(0));
    CHECK(retry_after_of("0") == ms(0));
    CHECK(retry_after_of("0.0004") == ms(0));
}

TEST_CASE("header text is cut at a UTF-8 boundary, and a cut X-Bce-Error-Message sets truncated",
          "[parse][hostile][headers]") {
    const std::string e_acute = "\xC3\xA9", zhong = "\xE4\xB8\xAD", emoji = "\xF0\x9F\x98\x80";
    SECTION("x-request-id at 256 bytes") {
        // Before the fix: 255 + the first byte of é, invalid UTF-8.
        for (const std::string& ch : {e_acute, zhong, emoji}) {
            for (std::size_t lead = 250; lead <= 256; ++lead) {
                const std::string id = std::string(lead, 'a') + ch + ch;
                const auto e = parse("{}", 500, header_map{{"x-request-id", id}});
                INFO(lead << " + " << ch.size() << "-byte characters");
                CHECK(valid_utf8(e.request_id));
                CHECK(e.request_id.size() <= 256);
                CHECK(e.request_id.size() > 252);
                CHECK(id.compare(0, e.request_id.size(), e.request_id) == 0);
            }
        }
        const std::string exact(256, 'r');
        CHECK(parse("{}", 500, header_map{{"x-request-id", exact}}).request_id == exact);
    }
    SECTION("X-Bce-Error-Code at 256 bytes") {
        const std::string code = std::string(255, 'C') + zhong;
        const auto e = parse("", 403, header_map{{"X-Bce-Error-Code", code}});
        CHECK(e.code == std::string(255, 'C'));
    }
    SECTION("X-Bce-Error-Message at 4096 bytes") {
        const std::string message = std::string(4095, 'm') + zhong + "tail";
        const auto e =
            parse("", 403, header_map{{"X-Bce-Error-Code", "AccessDenied"}, {"X-Bce-Error-Message", message}});
        CHECK(e.code == "AccessDenied");
        CHECK(e.message == std::string(4095, 'm'));
        CHECK(e.truncated);  // before the fix: false
        const std::string fits = std::string(4093, 'm') + zhong;
        const auto f = parse("", 403, header_map{{"X-Bce-Error-Code", "AccessDenied"}, {"X-Bce-Error-Message", fits}});
        CHECK(f.message == fits);
        CHECK_FALSE(f.truncated);
        // A body's own message wins, and the header's cut does not mark it.
        const auto g = parse(R"({"code":"AccessDenied","message":"own"})", 403,
                             header_map{{"X-Bce-Error-Code", "AccessDenied"}, {"X-Bce-Error-Message", message}});
        CHECK(g.message == "own");
        CHECK_FALSE(g.truncated);
    }
}

TEST_CASE("a raw header block, as received", "[parse][headers]") {
    const std::string body = R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"slow down"}})";
    const header_map as_map = {{"Retry-After", "7"}, {"x-request-id", "abc"}, {"x-should-retry", "true"}};
    const auto reference = parse(body, 429, as_map);
    REQUIRE(reference.retry_after == ms(7000));
    REQUIRE(reference.request_id == "abc");
    REQUIRE(reference.should_retry == true);

    const auto check_like_map = [&](const llmerr::llm_error& e) {
        CHECK(e.http_status == 429);
        CHECK(e.retry_after == ms(7000));
        CHECK(e.request_id == "abc");
        CHECK(e.should_retry == true);
        CHECK(e.entry == reference.entry);
        CHECK(e.category == reference.category);
    };
    for (const char* block : {
             "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nx-request-id: abc\r\nx-should-retry: true\r\n\r\n",
             "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\nx-request-id: abc\nx-should-retry: true\n\n",
             "Retry-After: 7\r\nx-request-id: abc\r\nx-should-retry: true",  // no status line, no end
             "HTTP/2 429\r\nretry-after:7\r\nX-Request-Id:   abc  \r\nX-SHOULD-RETRY: true\r\n",
             "HTTP/1.1 100 Continue\r\nRetry-After: 99\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: "
             "7\r\nx-request-id: abc\r\nx-should-retry: true\r\n\r\n",  // the last response's headers count
             "HTTP/1.1 429 X\r\nRetry-After: 7\r\nnonsense line\r\n: empty name\r\nx-request-id: abc\r\n"
             "x-should-retry: true\r\n\r\nx-request-id: body-not-header\r\n",  // odd lines; the body after
             "HTTP/1.1 429 X\r\nRetry-After:\r\n 7\r\nx-request-id: abc\r\nx-should-retry: true\r\n",  // folded
         }) {
        INFO(block);
        check_like_map(parse(body, 429, llmerr::raw_headers{block}));
        check_like_map(parse(body, 0, llmerr::raw_headers{block}, llmerr::provider::unknown));
        const auto found = llmerr::find_error(0, body, llmerr::raw_headers{block});
        REQUIRE(found.has_value());
        check_like_map(*found);
    }
    SECTION("folded values join with one space") {
        const auto e = parse("{}", 500, llmerr::raw_headers{"x-request-id: part1\r\n\tpart2\r\n  part3\r\n"});
        CHECK(e.request_id == "part1 part2 part3");
    }
    SECTION("status line status is used only when 0 was passed") {
        CHECK(parse("{}", 503, llmerr::raw_headers{"HTTP/1.1 429 X\r\n\r\n"}).http_status == 503);
        CHECK(parse("{}", 0, llmerr::raw_headers{"HTTP/1.1 429 X\r\n\r\n"}).http_status == 429);
        CHECK(parse("{}", 0, llmerr::raw_headers{"HTTP/1.1 4x9 X\r\n\r\n"}).http_status == 0);
        CHECK(parse("{}", 0, llmerr::raw_headers{""}).http_status == 0);
        CHECK_FALSE(llmerr::find_error(0, R"({"id":"ok"})", llmerr::raw_headers{"HTTP/1.1 200 OK\r\n\r\n"}));
        CHECK(llmerr::find_error(0, R"({"id":"ok"})", llmerr::raw_headers{"HTTP/1.1 502 Bad Gateway\r\n\r\n"}));
    }
    SECTION("hostile blocks") {
        for (const std::string& block :
             {std::string(), std::string("\r\n\r\n\r\n"), std::string(":::\n\n:\n"), std::string("HTTP/"),
              std::string(100000, '\n'), std::string(100000, ' '), "x-request-id: " + std::string(100000, 'x'),
              std::string("Retry-After: 5\r\n") + std::string(50000, '\t'), std::string("\0:\0\r\n", 5)}) {
            const auto e = parse("{}", 0, llmerr::raw_headers{block});
            CHECK(e.request_id.size() <= 256);
        }
    }
}

TEST_CASE("from_json rejects numbers out of range (issue #14)", "[json][hostile]") {
    using nlohmann::json;
    const auto read = [](const json& j) { return j.get<llmerr::llm_error>(); };
    SECTION("no float-to-int conversion out of range: out_of_range") {
        // Before the fix these converted 1e300 to an integer: undefined behaviour, no exception.
        for (const char* key : {"retry_after_ms", "http_status"}) {
            INFO(key);
            for (const double bad : {1e300, -1e300, 9223372036854775808.0, 2.5, 1e10}) {
                INFO(bad);
                if (std::string(key) == "retry_after_ms" && bad == 1e10) continue;  // 1e10 ms is fine
                CHECK_THROWS_AS(read(json{{key, bad}}), json::out_of_range);
            }
        }
        CHECK_THROWS_AS(read(json::parse(R"({"provider":"ark","entry":{"api":"x","code":"y","variant":1e300}})")),
                        json::out_of_range);
        CHECK_THROWS_AS(read(json::parse(R"({"http_status":18446744073709551615})")), json::out_of_range);
        CHECK_THROWS_AS(read(json::parse(R"({"http_status":2147483648})")), json::out_of_range);
        CHECK_THROWS_AS(read(json::parse(R"({"http_status":-2147483649})")), json::out_of_range);
        CHECK_THROWS_AS(read(json::parse(R"({"retry_after_ms":9223372036854775808})")), json::out_of_range);
    }
    SECTION("a negative retry_after_ms is rejected") {
        // Before the fix it was read as a negative wait.
        CHECK_THROWS_AS(read(json{{"retry_after_ms", -1}}), json::out_of_range);
        CHECK_THROWS_AS(read(json{{"retry_after_ms", -0.5}}), json::out_of_range);
    }
    SECTION("in range: integral floats read as integers; the limits themselves are fine") {
        const auto e = read(json{{"http_status", 429.0}, {"retry_after_ms", 7000.0}});
        CHECK(e.http_status == 429);
        CHECK(e.retry_after == ms(7000));
        CHECK(read(json::parse(R"({"http_status":-2147483648})")).http_status == INT_MIN);
        CHECK(read(json::parse(R"({"http_status":2147483647})")).http_status == INT_MAX);
        CHECK(read(json::parse(R"({"retry_after_ms":9223372036854775807})")).retry_after == ms::max());
        CHECK(read(json::parse(R"({"retry_after_ms":0})")).retry_after == ms(0));
        CHECK(read(json::parse(R"({"retry_after_ms":-0.0})")).retry_after == ms(0));
        CHECK(read(json::parse(R"({"provider":"ark","entry":{"api":"x","code":"y","variant":300}})")).entry ==
              nullptr);  // a variant the catalogue lacks: lenient, as documented
    }
    SECTION("wrong types still throw type_error") {
        CHECK_THROWS_AS(read(json{{"http_status", "429"}}), json::type_error);
        CHECK_THROWS_AS(read(json{{"retry_after_ms", true}}), json::type_error);
        CHECK_THROWS_AS(read(json{{"retry_after_ms", json::array()}}), json::type_error);
    }
}
