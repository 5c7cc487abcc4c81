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

// The providers tests/CMakeLists.txt names, space-separated in LLMERR_TEST_KEPT.
std::set<std::string> kept_providers() {
    std::set<std::string> out;
    const std::string names = LLMERR_TEST_KEPT;
    for (std::size_t at = 0; at < names.size();) {
        const std::size_t end = names.find(' ', at) == std::string::npos ? names.size() : names.find(' ', at);
        if (end > at) out.insert(names.substr(at, end - at));
        at = end + 1;
    }
    return out;
}
const std::set<std::string> kept = kept_providers();

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
    std::size_t kept_rows = 0;
    for (const std::string& name : kept) kept_rows += llmerr::entries(*llmerr::provider_from_string(name)).size();
    CHECK(llmerr::entries().size() == kept_rows);
}

TEST_CASE("the named providers' samples classify as in the full build, the others keep their code", "[subset]") {
    std::size_t left_out = 0;
    std::set<std::string> named;
    for (const auto& s : testdata::error_samples()) {
        INFO(s.name);
        const std::string provider_name = s.meta["provider"].get<std::string>();
        const auto provider = *llmerr::provider_from_string(provider_name);
        const int status = s.meta["status"];
        const nlohmann::json& expect = s.meta["expect"];
        const llmerr::llm_error e = llmerr::parse(s.body, status, testdata::headers_of(s.meta), provider);
        const std::string code = expect["code"].get<std::string>();
        if (kept.count(provider_name) != 0) {
            named.insert(provider_name);
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
    CHECK(named == kept);  // every named provider's samples were read
    CHECK(left_out >= 10);
}
