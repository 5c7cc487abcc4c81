// SPDX-License-Identifier: MIT
// std::error_code / std::error_condition integration and api_error. Expected values come from data/*.json
// (read here with nlohmann, not through the generator) and from the documented value scheme.
#include <llmerr/error_code.hpp>

// error_code.hpp must stay free of JSON: it is the bridge for users who only classify codes.
#ifdef INCLUDE_NLOHMANN_JSON_HPP_
#error "<llmerr/error_code.hpp> must not include nlohmann/json"
#endif
#ifdef LLMERR_PARSE_HPP
#error "<llmerr/error_code.hpp> must not include <llmerr/parse.hpp>"
#endif

#include <llmerr/exception.hpp>
#include <llmerr/parse.hpp>

#include <algorithm>
#include <cerrno>
#include <map>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"

namespace {

using llmerr::category;
using llmerr::provider;
using nlohmann::json;

// Every data file's provider, with the enum value its provider_info.id names.
const std::vector<std::pair<std::string, provider>> providers = [] {
    std::vector<std::pair<std::string, provider>> out;
    for (const auto& [name, id] : testdata::data_providers()) out.emplace_back(name, static_cast<provider>(id));
    return out;
}();

// The names category.hpp documents, in enumerator order.
const std::vector<std::string> category_names = {"unknown",           "invalid_request",  "authentication",
                                                 "permission_denied", "billing",          "quota_exhausted",
                                                 "rate_limited",      "content_filtered", "context_length_exceeded",
                                                 "payload_too_large", "unsupported",      "not_found",
                                                 "conflict",          "timeout",          "cancelled",
                                                 "overloaded",        "model_loading",    "server_error"};

category category_named(const std::string& name) {
    const auto it = std::find(category_names.begin(), category_names.end(), name);
    REQUIRE(it != category_names.end());
    return static_cast<category>(it - category_names.begin());
}

// One provider file's rows for a code, in the lookup order data/README.md documents: api priority (the order
// of `apis`), then variant.
struct code_rows {
    std::int32_t value = 0;
    std::vector<json> rows;
};

std::map<std::string, code_rows> rows_by_code(const json& doc) {
    std::map<std::string, int> api_rank;
    for (const auto& a : doc["apis"]) api_rank[a["name"].get<std::string>()] = static_cast<int>(api_rank.size());
    std::map<std::string, code_rows> out;
    for (const auto& row : doc["entries"]) {
        const std::string code = row["code"].get<std::string>();
        out[code].value = doc["code_values"][code].get<std::int32_t>();
        out[code].rows.push_back(row);
    }
    for (auto& [code, cr] : out) {
        std::sort(cr.rows.begin(), cr.rows.end(), [&](const json& a, const json& b) {
            const int ra = api_rank.at(a["api"].get<std::string>()), rb = api_rank.at(b["api"].get<std::string>());
            return ra != rb ? ra < rb : a.value("variant", 0) < b.value("variant", 0);
        });
    }
    return out;
}

// The table row for a JSON row.
const llmerr::catalog_entry* table_row(provider p, const json& row) {
    for (const auto& e : llmerr::entries(p)) {
        if (e.api == row["api"].get<std::string>() && e.code == row["code"].get<std::string>() &&
            e.variant == row.value("variant", 0)) {
            return &e;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("every catalogue row maps to a code whose condition is its category", "[error_code][data]") {
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        REQUIRE(doc["provider"] == name);
        for (const auto& [code, cr] : rows_by_code(doc)) {
            const json& primary = cr.rows.front();
            const category primary_cat = category_named(primary["category"]);
            for (const json& row : cr.rows) {
                INFO(name << " " << row["api"].get<std::string>() << "/" << code << "#" << row.value("variant", 0));
                const llmerr::catalog_entry* e = table_row(p, row);
                REQUIRE(e != nullptr);
                const category cat = category_named(row["category"]);
                const std::error_code ec = llmerr::make_error_code(*e);

                CHECK(ec);
                CHECK(ec.value() == cr.value);
                CHECK(std::string(ec.category().name()) == "llmerr." + name);
                CHECK(llmerr::provider_of(ec) == p);
                CHECK(ec == cat);
                for (std::size_t c = 0; c < category_names.size(); ++c) {
                    if (static_cast<category>(c) != cat) CHECK_FALSE(ec == static_cast<category>(c));
                }
                CHECK(ec.default_error_condition() == llmerr::make_error_condition(cat));

                // The primary row's message; for a variant of another category, the first row of that category.
                std::string expected = primary["message"];
                if (cat != primary_cat) {
                    for (const json& r : cr.rows) {
                        if (category_named(r["category"]) == cat) {
                            expected = r["message"];
                            break;
                        }
                    }
                }
                CHECK(ec.message() == expected);

                const llmerr::catalog_entry* back = llmerr::entry_of(ec);
                REQUIRE(back != nullptr);
                CHECK(back->value == cr.value);
                CHECK(back->category == cat);
            }
            // Through the value alone: the primary row's meaning and message.
            INFO(name << " value " << cr.value);
            CHECK(llmerr::provider_category(p).message(cr.value) == primary["message"].get<std::string>());
            CHECK(llmerr::provider_category(p).default_error_condition(cr.value) ==
                  llmerr::make_error_condition(primary_cat));
            const llmerr::catalog_entry* by_value = llmerr::lookup_value(p, cr.value);
            REQUIRE(by_value != nullptr);
            CHECK(by_value->code == code);
            CHECK(by_value->api == primary["api"].get<std::string>());
            CHECK(int{by_value->variant} == 0);
        }
    }
}

TEST_CASE("codes compare by provider and value, and variants of another meaning stay apart", "[error_code]") {
    const auto ark = rows_by_code(testdata::provider_file("ark"));
    const auto dashscope = rows_by_code(testdata::provider_file("dashscope"));

    const llmerr::catalog_entry* ark_key = llmerr::lookup(provider::ark, "AuthenticationError");
    REQUIRE(ark_key != nullptr);
    const std::error_code a = llmerr::make_error_code(*ark_key);
    const std::error_code copy = a;
    CHECK(copy == a);
    CHECK(llmerr::make_error_code(*ark_key) == a);
    CHECK(llmerr::make_error_code(provider::ark, "AuthenticationError") == a);
    CHECK(a.value() == ark.at("AuthenticationError").value);
    CHECK(&a.category() == &llmerr::provider_category(provider::ark));

    // The same number in another provider's category is another error.
    int shared = 0;
    for (const auto& [code, cr] : ark) {
        for (const auto& [other, ocr] : dashscope) {
            if (ocr.value != cr.value) continue;
            INFO(code << " / " << other << " = " << cr.value);
            const std::error_code x = llmerr::make_error_code(provider::ark, code);
            const std::error_code y = llmerr::make_error_code(provider::dashscope, other);
            CHECK(x.value() == y.value());
            CHECK(x != y);
            ++shared;
        }
    }
    CHECK(shared > 0);

    SECTION("DashScope InvalidParameter: the message picks the meaning") {
        const std::int32_t value = dashscope.at("InvalidParameter").value;
        const std::error_code plain = llmerr::make_error_code(provider::dashscope, "InvalidParameter");
        const std::error_code too_long = llmerr::make_error_code(provider::dashscope, "InvalidParameter",
                                                                 "Range of input length should be [1, 129024]");
        CHECK(plain.value() == value);
        CHECK(too_long.value() == value);
        CHECK(plain == category::invalid_request);
        CHECK(too_long == category::context_length_exceeded);
        CHECK(too_long != plain);
        CHECK(std::string(too_long.category().name()) == "llmerr.dashscope");
        CHECK(llmerr::provider_of(too_long) == provider::dashscope);
        CHECK(too_long == llmerr::make_error_code(provider::dashscope, "InvalidParameter",
                                                  "Range of input length should be [1, 129024]"));
    }
}

TEST_CASE("the condition category names the categories and matches from both sides", "[error_code]") {
    const std::error_category& cond = llmerr::condition_category();
    CHECK(std::string(cond.name()) == "llmerr");
    for (std::size_t c = 0; c < category_names.size(); ++c) {
        CHECK(cond.message(static_cast<int>(c)) == category_names[c]);
        const std::error_condition ec = llmerr::make_error_condition(static_cast<category>(c));
        CHECK(ec.value() == static_cast<int>(c));
        CHECK(&ec.category() == &cond);
    }
    CHECK(cond.message(static_cast<int>(category_names.size())).find("unknown llmerr category") != std::string::npos);

    // A rate limit of each provider, found in the data.
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        const auto rows = rows_by_code(doc);
        const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& kv) {
            return kv.second.rows.front()["category"] == "rate_limited";
        });
        REQUIRE(it != rows.end());
        INFO(name << " " << it->first);
        const std::error_code ec = llmerr::make_error_code(p, it->first);
        CHECK(ec.category().equivalent(ec.value(), llmerr::make_error_condition(category::rate_limited)));
        CHECK(cond.equivalent(ec, static_cast<int>(category::rate_limited)));
        CHECK_FALSE(cond.equivalent(ec, static_cast<int>(category::quota_exhausted)));
        CHECK(ec == category::rate_limited);
        CHECK(llmerr::make_error_condition(category::rate_limited) == ec);
    }

    // A transport's timeout or cancellation meets the same conditions.
    CHECK(std::make_error_code(std::errc::timed_out) == category::timeout);
    CHECK(std::error_code(ETIMEDOUT, std::system_category()) == category::timeout);
    CHECK(std::make_error_code(std::errc::operation_canceled) == category::cancelled);
    CHECK_FALSE(std::make_error_code(std::errc::timed_out) == category::rate_limited);
    CHECK_FALSE(std::make_error_code(std::errc::connection_refused) == category::unknown);
}

TEST_CASE("errors the catalogue does not know still give a failed code of their category", "[error_code]") {
    SECTION("unknown code, known provider: the reserved value -1 - category") {
        const llmerr::llm_error e =
            llmerr::parse(R"({"error":{"code":"BrandNewThrottle","message":"slow down"}})", 429, provider::ark);
        REQUIRE(e.entry == nullptr);
        REQUIRE(e.category == category::rate_limited);  // status 429
        const std::error_code ec = llmerr::make_error_code(e);
        CHECK(ec);
        CHECK(ec.value() == -7);  // rate_limited is 6
        CHECK(ec == category::rate_limited);
        CHECK(std::string(ec.category().name()) == "llmerr.ark");
        CHECK(ec.message().find("not in the catalogue") != std::string::npos);
        CHECK(llmerr::entry_of(ec) == nullptr);
        CHECK(llmerr::uncatalogued_value(category::rate_limited) == -7);
    }
    SECTION("unknown provider") {
        const llmerr::llm_error e = llmerr::parse("<html><body>503 Service Unavailable</body></html>", 503);
        REQUIRE(e.provider == provider::unknown);
        REQUIRE(e.category == category::overloaded);
        const std::error_code ec = llmerr::make_error_code(e);
        CHECK(ec);
        CHECK(ec.value() == -16);  // overloaded is 15
        CHECK(ec == category::overloaded);
        CHECK(std::string(ec.category().name()) == "llmerr.unknown");
        CHECK(llmerr::provider_of(ec) == provider::unknown);
    }
    SECTION("unknown category: -1, still an error") {
        const std::error_code ec = llmerr::make_error_code(provider::qianfan, "no-such-code");
        CHECK(ec.value() == -1);
        CHECK(ec);
        CHECK(ec == category::unknown);
    }
    SECTION("by code, message and status") {
        const std::error_code ec = llmerr::make_error_code(provider::qianfan, "no-such-code", "", 500);
        CHECK(ec.value() == -18);  // server_error is 17
        CHECK(ec == category::server_error);
    }
    SECTION("by code and message: the words decide, within what the status allows") {
        // 401 is the credentials whatever the words say; other statuses let the words refine them.
        CHECK(llmerr::make_error_code(provider::qianfan, "no-such-code", "rate limit reached", 401) ==
              category::authentication);
        CHECK(llmerr::make_error_code(provider::qianfan, "no-such-code", "rate limit reached", 429) ==
              category::rate_limited);
        CHECK(llmerr::make_error_code(provider::qianfan, "no-such-code", "service is busy", 503) ==
              category::overloaded);
    }
    SECTION("values the catalogue lacks") {
        CHECK(llmerr::detail::lookup_value(provider::ark, 2000000000, category::unknown) == nullptr);
        const std::error_category& q = llmerr::provider_category(provider::qianfan);
        CHECK(llmerr::lookup_value(provider::qianfan, 0) == nullptr);
        CHECK(llmerr::lookup_value(provider::qianfan, 2000000000) == nullptr);
        CHECK(q.message(2000000000) == "unknown llmerr.qianfan error 2000000000");
        CHECK(q.message(0) == "unknown llmerr.qianfan error 0");
        CHECK(q.default_error_condition(2000000000) == llmerr::make_error_condition(category::unknown));
        CHECK(llmerr::provider_of(std::make_error_code(std::errc::timed_out)) == std::nullopt);
        CHECK(llmerr::entry_of(std::make_error_code(std::errc::timed_out)) == nullptr);
    }
}

TEST_CASE("a parsed error's code is its catalogue row's code", "[error_code][parse]") {
    const auto qianfan = rows_by_code(testdata::provider_file("qianfan"));
    const llmerr::llm_error e =
        llmerr::parse(R"({"error_code":336501,"error_msg":"Rate limit reached for RPM","id":"as-7mqxkdrh3z"})", 200);
    REQUIRE(e.entry != nullptr);
    const std::error_code ec = llmerr::make_error_code(e);
    CHECK(ec == llmerr::make_error_code(*e.entry));
    CHECK(ec.value() == qianfan.at("336501").value);
    CHECK(ec.value() == 336501);  // Qianfan numeric codes keep their number
    CHECK(ec == category::rate_limited);
    CHECK(std::string(ec.category().name()) == "llmerr.qianfan");
}

TEST_CASE("api_error carries the parsed error and a code", "[exception]") {
    const std::string body = R"({"error_code":336501,"error_msg":"Rate limit reached for RPM","id":"as-7mqxkdrh3z"})";
    try {
        llmerr::throw_if_error(200, body);
        FAIL("throw_if_error did not throw");
    } catch (const llmerr::api_error& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(what.find("qianfan") != std::string::npos);
        CHECK(what.find("HTTP 200") != std::string::npos);
        CHECK(what.find("336501") != std::string::npos);
        CHECK(what.find("rate_limited") != std::string::npos);
        CHECK(what.find("as-7mqxkdrh3z") != std::string::npos);
        CHECK(what.find("Rate limit reached for RPM") != std::string::npos);
        CHECK(e.code() == category::rate_limited);
        CHECK(e.code().value() == 336501);
        CHECK(e.error().code == "336501");
        CHECK(e.error().request_id == "as-7mqxkdrh3z");
        const llmerr::api_error copy = e;  // shares the state
        CHECK(&copy.error() == &e.error());
    }

    CHECK_THROWS_AS(llmerr::throw_if_error(429, R"({"error":{"code":"x","message":"y"}})"), std::system_error);
    CHECK_NOTHROW(llmerr::throw_if_error(200, R"({"id":"as-1","result":"hi"})"));

    const std::map<std::string, std::string> headers = {{"Retry-After", "7"}, {"x-request-id", "req-9"}};
    try {
        llmerr::throw_if_error(503, "upstream overloaded", headers);
        FAIL("throw_if_error did not throw");
    } catch (const llmerr::api_error& e) {
        CHECK(e.error().retry_after == std::chrono::milliseconds(7000));
        CHECK(std::string(e.what()).find("req-9") != std::string::npos);
        CHECK(e.code() == category::overloaded);
    }

    SECTION("a long message is cut in what(), not in error()") {
        llmerr::llm_error big;
        big.provider = provider::ark;
        big.message = std::string(10000, 'x');
        const llmerr::api_error ex(big);
        CHECK(std::string(ex.what()).size() < 400);
        CHECK(ex.error().message.size() == 10000);
        CHECK(std::string(ex.what()).find("(no code)") != std::string::npos);
    }
}
