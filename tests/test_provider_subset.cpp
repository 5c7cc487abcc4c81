// SPDX-License-Identifier: MIT
// A program built with llmerr_use_providers(<target> ark dashscope qianfan) (cmake/llmerrProviders.cmake):
// its catalogue holds those providers' rows of data/ and no other, and the parser still gives every body an
// answer — a code of a provider left out kept as sent, classified as an undocumented code is.
#include <llmerr/llmerr.hpp>

#include <set>
#include <string>

#include "catch.hpp"
#include "data_files.hpp"

namespace {

const std::set<std::string> kept = {"ark", "dashscope", "qianfan"};  // as tests/CMakeLists.txt names them

bool is_status_retryable(int status) { return status == 408 || status == 429 || status >= 500; }

}  // namespace

TEST_CASE("the subset catalogue holds exactly the named providers' rows of data/", "[subset]") {
    std::size_t providers_left_out = 0;
    for (const auto& [name, id] : testdata::data_providers()) {
        INFO(name);
        const auto p = static_cast<llmerr::provider>(id);
        const nlohmann::json doc = testdata::provider_file(name);
        if (kept.count(name) == 0) {
            ++providers_left_out;
            CHECK(llmerr::entries(p).size() == 0);
            for (const nlohmann::json& row : doc.at("entries")) {
                CHECK_FALSE(llmerr::is_documented(p, row.at("code").get<std::string>()));
            }
            continue;
        }
        CHECK(llmerr::entries(p).size() == doc.at("entries").size());
        for (const nlohmann::json& row : doc.at("entries")) {
            const std::string code = row.at("code").get<std::string>();
            INFO(code);
            const llmerr::catalog_entry* e = llmerr::lookup_in(p, row.at("api").get<std::string>(), code,
                                                               row.value("match", row.at("message").get<std::string>()),
                                                               row.at("http_status").get<int>());
            REQUIRE(e != nullptr);
            CHECK(e->provider == p);
            CHECK(llmerr::to_string(e->category) == row.at("category").get<std::string>());
            CHECK(e->retryable == row.at("retryable").get<bool>());
        }
    }
    CHECK(providers_left_out >= 10);
    CHECK(llmerr::entries().size() == llmerr::entries(llmerr::provider::ark).size() +
                                          llmerr::entries(llmerr::provider::dashscope).size() +
                                          llmerr::entries(llmerr::provider::qianfan).size());
}

TEST_CASE("the named providers' samples classify as in the full build, the others keep their code", "[subset]") {
    std::size_t named = 0, left_out = 0;
    for (const auto& s : testdata::error_samples()) {
        INFO(s.name);
        const std::string provider_name = s.meta["provider"].get<std::string>();
        const auto provider = *llmerr::provider_from_string(provider_name);
        const int status = s.meta["status"];
        const nlohmann::json& expect = s.meta["expect"];
        const llmerr::llm_error e = llmerr::parse(s.body, status, testdata::headers_of(s.meta), provider);
        const std::string code = expect["code"].get<std::string>();
        if (kept.count(provider_name) != 0) {
            ++named;
            CHECK(e.code == code);
            CHECK(llmerr::to_string(e.category) == expect["category"].get<std::string>());
            CHECK(e.retryable == expect["retryable"].get<bool>());
            if (!code.empty()) CHECK(e.entry != nullptr);
        } else if (provider != llmerr::provider::unknown) {
            ++left_out;
            CHECK(e.entry == nullptr);
            CHECK(e.provider == provider);
            // The raw code survives: as the code, or as the `type` it was read from when a catalogue said so
            // (Moonshot's "engine_overloaded_error").
            CHECK((e.code == code || e.type == code));
            // Classified without the rows: by the status, which the message's words may refine (Zhipu's 1113 at
            // 429 says "Insufficient balance … recharge": billing), never left unknown.
            if (e.http_status >= 400) CHECK(e.category != llmerr::category::unknown);
            if (is_status_retryable(e.http_status) && !e.retryable) {
                CHECK((e.category == llmerr::category::billing || e.category == llmerr::category::quota_exhausted));
            }
        }
    }
    CHECK(named >= 20);
    CHECK(left_out >= 10);
}
