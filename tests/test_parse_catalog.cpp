// SPDX-License-Identifier: MIT
// Generated check: for every catalogue row, a body in its provider's shape parses back to exactly that row
// (variant included). Codes documented in several API groups resolve to their highest-priority group.
#include <llmerr/parse.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "catch.hpp"

namespace {

// Replaces documented placeholders with concrete text, as a real message would have them.
std::string concrete(std::string_view pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        const std::string_view rest = pattern.substr(i);
        std::size_t skip = 0;
        if (rest.size() >= 3 && (rest.substr(0, 3) == "xxx" || rest.substr(0, 3) == "XXX")) skip = 3;
        else if (rest.size() >= 2 && rest[0] == '%' && (rest[1] == 's' || rest[1] == 'd' || rest[1] == 'v')) skip = 2;
        else if (rest.substr(0, 3) == "\xE2\x80\xA6" || rest.substr(0, 3) == "...") skip = 3;
        else if (rest[0] == '{' && rest.find('}') != std::string_view::npos) skip = rest.find('}') + 1;
        if (skip != 0) {
            out += "42";
            i += skip;
        } else {
            out += pattern[i++];
        }
    }
    return out;
}

std::string body_for(const llmerr::catalog_entry& e, const std::string& message) {
    using nlohmann::json;
    const std::string code(e.code);
    switch (e.provider) {
        case llmerr::provider::ark:
            if (e.api == "managed_agent_stream") return json{{"error", {{"type", code}, {"message", message}}}}.dump();
            return json{{"error", {{"code", code}, {"message", message}, {"param", ""}, {"type", std::string(e.type)}}}}
                .dump();
        case llmerr::provider::dashscope:
            return json{{"request_id", "6d1e7f0a"}, {"code", code}, {"message", message}}.dump();
        case llmerr::provider::qianfan:
            if (e.api == "v1") {
                return code.find_first_not_of("0123456789") == std::string::npos
                           ? json{{"error_code", std::stoll(code)}, {"error_msg", message}}.dump()
                           : json{{"error_code", code}, {"error_msg", message}}.dump();
            }
            if (e.api == "v2") {
                return json{{"error", {{"code", code}, {"message", message}, {"type", std::string(e.type)}}},
                            {"id", "as-7x2"}}
                    .dump();
            }
            return json{{"requestId", "5b0f"}, {"code", code}, {"message", message}}.dump();
        case llmerr::provider::minimax:
            return json{{"base_resp", {{"status_code", std::stoll(code)}, {"status_msg", message}}}}.dump();
        case llmerr::provider::hunyuan:
            if (e.api == "stream")  // a streamed chunk of ChatCompletions that failed
                return json{{"Id", "3f2a"},
                            {"Created", 1733212800},
                            {"Choices", json::array()},
                            {"ErrorMsg", {{"Code", std::stoll(code)}, {"Msg", message}}}}
                    .dump();
            return json{{"Response", {{"Error", {{"Code", code}, {"Message", message}}}, {"RequestId", "9c1e"}}}}
                .dump();
        case llmerr::provider::spark:  // WebSocket frames; the HTTP API's top-level {"code","message","sid"}
            if (e.api == "websocket")
                return json{{"header",
                             {{"code", std::stoll(code)}, {"message", message}, {"sid", "cht0001@dx1"}, {"status", 2}}}}
                    .dump();
            return json{{"code", std::stoll(code)}, {"message", message}, {"sid", "cha0001@dx1"}}.dump();
        case llmerr::provider::baichuan:  // the legacy API's {"code","msg","data"}
            return json{{"code", std::stoll(code)}, {"msg", message}, {"data", nullptr}}.dump();
        case llmerr::provider::siliconflow:  // {"code","message","data"}
            return json{{"code", std::stoll(code)}, {"message", message}, {"data", nullptr}}.dump();
        case llmerr::provider::moonshot:  // documented by type
            return json{{"error", {{"message", message}, {"type", code}}}}.dump();
        default:  // deepseek, zhipu, openai: an OpenAI-style error object
            return json{{"error", {{"code", code}, {"message", message}, {"type", std::string(e.type)}}}}.dump();
    }
}

// The body of a row documented by its HTTP status (api "http": DeepSeek's "401 - Authentication Fails"): the
// message alone, sent with that status.
std::string status_body(const std::string& message) { return nlohmann::json{{"error", {{"message", message}}}}.dump(); }

}  // namespace

TEST_CASE("every catalogue row parses back from a body in its provider's shape", "[parse][catalog]") {
    std::size_t exact = 0, collided = 0;
    for (const llmerr::catalog_entry& row : llmerr::entries()) {
        const std::string message = concrete(row.match);
        const bool by_status = row.api == "http";
        const std::string body = by_status ? status_body(message) : body_for(row, message);
        INFO(llmerr::to_string(row.provider) << " " << row.api << "/" << row.code << "#" << int{row.variant} << "\n"
                                             << body);
        const llmerr::llm_error e = llmerr::parse(body, row.http_status, row.provider);
        REQUIRE(e.entry != nullptr);
        CHECK(e.provider == row.provider);
        if (by_status) {
            CHECK(e.code.empty());  // the status decided, and the body sent no code
            CHECK(e.entry->code == row.code);
        } else if (row.api == "managed_agent_stream") {
            CHECK(e.code == row.code);  // these errors send only a type, which stands for the code
            CHECK(e.type == row.code);
        } else {
            CHECK(e.code == row.code);
        }
        const llmerr::catalog_entry* primary = llmerr::lookup(row.provider, row.code);
        const bool iam_first = row.provider == llmerr::provider::qianfan && row.api != "v1" && row.api != "v2" &&
                               llmerr::lookup_in(row.provider, "iam", row.code) != nullptr;
        const std::string_view expected_api = by_status   ? std::string_view("http")
                                              : iam_first ? std::string_view("iam")
                                                          : primary->api;
        if (row.api == expected_api) {
            CHECK(e.entry == &row);
            if (row.category == llmerr::category::unknown && row.http_status != 0) {
                // A row that documents no category: the status received decides, as every SDK's rule does.
                const int s = row.http_status;
                CHECK(e.category != llmerr::category::unknown);
                CHECK(e.retryable == (s == 408 || s == 409 || s == 429 || s >= 500));
            } else {
                CHECK(e.category == row.category);
                CHECK(e.retryable == row.retryable);
            }
            CHECK(e.message == message);
            ++exact;
        } else {
            CHECK(e.entry->api == expected_api);
            CHECK(e.entry->code == row.code);
            ++collided;
        }
    }
    CHECK(exact > 600);
    CHECK(collided < 150);
}
