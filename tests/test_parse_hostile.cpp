// SPDX-License-Identifier: MIT
// Hostile input: every one yields a classified llm_error, no crash, no exception, no sanitizer report; and
// the scanner agrees with nlohmann on every input it accepts.
#include <llmerr/parse.hpp>

#include <string>
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
    CHECK(parse("", 502).category == category::overloaded);
    CHECK(parse("null", 401).category == category::authentication);
    CHECK(parse("{\"error\":{}}", 200).envelope == llmerr::envelope::error_object);
}

TEST_CASE("an HTML gateway page", "[parse][hostile]") {
    const std::string page =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
        "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    const auto e = parse(page, 502);
    CHECK(e.envelope == llmerr::envelope::html);
    CHECK(e.category == category::overloaded);
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
