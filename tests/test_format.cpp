// SPDX-License-Identifier: MIT
// <llmerr/format.hpp> and <llmerr/json.hpp>: the one-line text and the nlohmann round trip.
#include <llmerr/format.hpp>
#include <llmerr/json.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"
#include "same_error.hpp"

namespace {

using testdata::error_samples;
using testdata::sample;

llmerr::llm_error parse_sample(const sample& s) {
    const auto provider = *llmerr::provider_from_string(s.meta["provider"].get<std::string>());
    return llmerr::parse(s.body, s.meta["status"].get<int>(), testdata::headers_of(s.meta), provider);
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("to_string names the provider, status, code, category and request id of every sample", "[format]") {
    const auto samples = error_samples();
    REQUIRE(samples.size() >= 40);
    for (const auto& s : samples) {
        INFO(s.name);
        const nlohmann::json& expect = s.meta["expect"];
        const llmerr::llm_error e = parse_sample(s);
        const std::string line = llmerr::to_string(e);
        INFO(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        const std::string code = expect["code"].get<std::string>();
        // "<provider> <status> <code> <category> <retryable|non-retryable>", from the sample's meta file. An
        // error event in a stream may carry its own status (DashScope's SSE frames), so only the status of
        // a plain response is known from the meta file.
        const std::string provider = s.meta["provider"].get<std::string>();
        const std::string tail = " " + (code.empty() ? "-" : code) + " " + expect["category"].get<std::string>() + " " +
                                 (expect["retryable"].get<bool>() ? "retryable" : "non-retryable");
        const std::size_t status_end = line.find(' ', provider.size() + 1);
        CHECK(line.rfind(provider + " ", 0) == 0);
        CHECK(line.compare(status_end, tail.size(), tail) == 0);
        if (!e.from_stream)
            CHECK(line.rfind(provider + " " + std::to_string(s.meta["status"].get<int>()) + " ", 0) == 0);
        if (expect.contains("request_id"))
            CHECK(contains(line, " request_id=" + expect["request_id"].get<std::string>()));
        CHECK(line.back() == '"');

        std::ostringstream os;
        os << e;
        CHECK(os.str() == line);
    }
}

TEST_CASE("to_string: retry fields, missing values and the message's quoting", "[format]") {
    llmerr::llm_error e;
    SECTION("a default llm_error") { CHECK(llmerr::to_string(e) == "unknown - - unknown non-retryable \"\""); }
    SECTION("retry_after, hint, api, stream") {
        e.provider = llmerr::provider::ark;
        e.http_status = 429;
        e.code = "RateLimitExceeded.EndpointRPMExceeded";
        e.category = llmerr::category::rate_limited;
        e.retryable = true;
        e.retry_hint = llmerr::retry_hint::backoff;
        e.retry_after = std::chrono::milliseconds(7000);
        e.request_id = "0217";
        e.api = "inference";
        e.from_stream = true;
        e.message = "slow down";
        e.evidence = llmerr::evidence::exact_code;
        CHECK(llmerr::to_string(e) ==
              "ark 429 RateLimitExceeded.EndpointRPMExceeded rate_limited retryable hint=backoff evidence=exact_code "
              "retry_after=7000ms "
              "request_id=0217 api=inference stream \"slow down\"");
    }
    SECTION("quotes, backslashes and line breaks are escaped") {
        e.message = "say \"hi\"\\\nbye\r\t\x01";
        CHECK(llmerr::to_string(e) == "unknown - - unknown non-retryable \"say \\\"hi\\\"\\\\\\nbye\\r\\t\\x01\"");
    }
    SECTION("a code with a space is quoted") {
        e.code = "bad code";
        CHECK(llmerr::to_string(e) == "unknown - \"bad code\" unknown non-retryable \"\"");
    }
    SECTION("long messages are cut after 200 bytes, never inside a UTF-8 character") {
        e.message = std::string(300, 'x');
        CHECK(llmerr::to_string(e) ==
              "unknown - - unknown non-retryable \"" + std::string(200, 'x') + "\xE2\x80\xA6\"");
        e.message = std::string(199, 'a') + "\xE4\xB8\xAD" + "tail";  // 中 straddles byte 200
        CHECK(llmerr::to_string(e) ==
              "unknown - - unknown non-retryable \"" + std::string(199, 'a') + "\xE2\x80\xA6\"");
        e.message = std::string(200, 'a');  // exactly the limit: not cut
        CHECK(llmerr::to_string(e) == "unknown - - unknown non-retryable \"" + std::string(200, 'a') + "\"");
    }
}

TEST_CASE("to_string(catalog_entry)", "[format]") {
    const llmerr::catalog_entry* e =
        llmerr::lookup(llmerr::provider::dashscope, "Throttling.AllocationQuota", "Free allocated quota exceeded.");
    REQUIRE(e != nullptr);
    const std::string line = llmerr::to_string(*e);
    CHECK(line.rfind("dashscope " + std::string(e->api) + " Throttling.AllocationQuota#", 0) == 0);
    CHECK(contains(line, " quota_exhausted non-retryable "));
    std::ostringstream os;
    os << *e;
    CHECK(os.str() == line);
}

#if LLMERR_HAS_STD_FORMAT
TEST_CASE("std::format", "[format]") {
    llmerr::llm_error e;
    e.code = "X";
    CHECK(std::format("{}", e) == llmerr::to_string(e));
}
#endif

TEST_CASE("to_json writes the documented keys", "[json]") {
    for (const auto& s : error_samples()) {
        INFO(s.name);
        const nlohmann::json& expect = s.meta["expect"];
        const llmerr::llm_error e = parse_sample(s);
        const nlohmann::json j = e;
        CHECK(j["code"] == expect["code"]);
        CHECK(j["category"] == expect["category"]);
        CHECK(j["retryable"] == expect["retryable"]);
        if (expect.contains("request_id")) CHECK(j["request_id"] == expect["request_id"]);
        if (e.entry != nullptr) {
            CHECK(j["entry"]["code"] == std::string(e.entry->code));
            CHECK(j["entry"]["variant"] == e.entry->variant);
        } else {
            CHECK(j["entry"].is_null());
        }
        for (const char* key :
             {"provider", "http_status", "message", "retry_hint", "retry_after_ms", "should_retry", "api", "type",
              "param", "envelope", "evidence", "from_stream", "truncated", "salvaged"}) {
            CHECK(j.contains(key));
        }
    }
    llmerr::llm_error e;
    e.retry_after = std::chrono::milliseconds(7000);
    e.should_retry = false;
    const nlohmann::json j = e;
    CHECK(j["retry_after_ms"] == 7000);
    CHECK(j["should_retry"] == false);
    CHECK(j["provider"] == "unknown");
    CHECK(j["category"] == "unknown");
    CHECK(j["entry"].is_null());
}

TEST_CASE("from_json(to_json(e)) gives e back, with the same catalogue row", "[json]") {
    const auto samples = error_samples();
    std::size_t with_entry = 0;
    for (const auto& s : samples) {
        INFO(s.name);
        llmerr::llm_error e = parse_sample(s);
        if (s.name == "ark_rate_limit_endpoint_rpm") CHECK(e.retry_after.has_value());
        const nlohmann::json j = e;
        check_same_error(j.get<llmerr::llm_error>(), e);
        check_same_error(nlohmann::json::parse(j.dump()).get<llmerr::llm_error>(), e);  // through text
        if (e.entry != nullptr) ++with_entry;
    }
    CHECK(with_entry >= 40);

    SECTION("a variant other than 0 and should_retry") {
        llmerr::llm_error e = llmerr::parse(
            "{\"request_id\":\"r\",\"code\":\"Throttling.AllocationQuota\","
            "\"message\":\"Free allocated quota exceeded.\"}",
            429, llmerr::provider::dashscope);
        REQUIRE(e.entry != nullptr);
        REQUIRE(e.entry->variant != 0);
        e.should_retry = true;
        check_same_error(nlohmann::json(e).get<llmerr::llm_error>(), e);
    }
}

TEST_CASE("from_json is lenient with what a newer llmerr may write", "[json]") {
    const nlohmann::json j = {{"provider", "mistral"},
                              {"category", "brand_new_category"},
                              {"retry_hint", "new_hint"},
                              {"envelope", "new_shape"},
                              {"code", "X"},
                              {"api", "no_such_api"},
                              {"entry", {{"api", "inference"}, {"code", "NoSuchCode"}, {"variant", 0}}}};
    const auto e = j.get<llmerr::llm_error>();
    CHECK(e.provider == llmerr::provider::unknown);
    CHECK(e.category == llmerr::category::unknown);
    CHECK(e.retry_hint == llmerr::retry_hint::none);
    CHECK(e.envelope == llmerr::envelope::none);
    CHECK(e.code == "X");
    CHECK(e.api.empty());
    CHECK(e.entry == nullptr);
    CHECK_FALSE(e.retry_after.has_value());

    // An entry key naming a family template ("MissingParameter.{parameter}") is not a row of its own.
    const nlohmann::json family = {{"provider", "ark"},
                                   {"entry", {{"api", "inference"}, {"code", "MissingParameter.foo"}, {"variant", 0}}}};
    CHECK(family.get<llmerr::llm_error>().entry == nullptr);

    CHECK_THROWS_AS(nlohmann::json::array().get<llmerr::llm_error>(), nlohmann::json::type_error);
    CHECK_THROWS_AS((nlohmann::json{{"http_status", "429"}}.get<llmerr::llm_error>()), nlohmann::json::type_error);
}

TEST_CASE("to_json(catalog_entry) has every field", "[json]") {
    const llmerr::catalog_entry& e = llmerr::entries(llmerr::provider::qianfan)[0];
    const nlohmann::json j = e;
    CHECK(j["provider"] == "qianfan");
    CHECK(j["code"] == std::string(e.code));
    CHECK(j["description"] == std::string(e.description));
    CHECK(j.size() == 14);  // the maintainers' note, doubt and source are the CLI's (tools/generated/), not here
    CHECK_FALSE(j.contains("note"));
}
