// SPDX-License-Identifier: MIT
// Every bundled sample (data/samples/*.body + .meta.json) classifies as its hand-written `expect` says.
#include <llmerr/parse.hpp>

#include <string>

#include "catch.hpp"
#include "data_files.hpp"

TEST_CASE("bundled samples classify as expected", "[parse][samples]") {
    const auto samples = testdata::all_samples();
    REQUIRE(samples.size() >= 40);
    for (const auto& s : samples) {
        INFO(s.name);
        const int status = s.meta["status"];
        const auto provider = *llmerr::provider_from_string(s.meta["provider"].get<std::string>());
        const auto headers = testdata::headers_of(s.meta);
        const auto found = llmerr::find_error(status, s.body, headers);
        if (s.meta["expect"].is_null()) {
            CHECK_FALSE(found.has_value());
            continue;
        }
        REQUIRE(found.has_value());
        const nlohmann::json& expect = s.meta["expect"];
        for (const bool hinted : {false, true}) {
            INFO((hinted ? "with provider hint" : "without hint"));
            const llmerr::llm_error e =
                llmerr::parse(s.body, status, headers, hinted ? provider : llmerr::provider::unknown);
            CHECK(e.code == expect["code"].get<std::string>());
            CHECK(llmerr::to_string(e.category) == expect["category"].get<std::string>());
            CHECK(e.retryable == expect["retryable"].get<bool>());
            if (expect.contains("request_id")) CHECK(e.request_id == expect["request_id"].get<std::string>());
            const bool body_says_nothing = e.envelope == llmerr::envelope::html || e.envelope == llmerr::envelope::none;
            // A body in a shape several providers share, naming none of them (DeepSeek's OpenAI-style errors):
            // its `provider_without_hint` says so, and then no row is claimed either.
            const bool names_nobody = !hinted && expect.contains("provider_without_hint");
            if (names_nobody) {
                CHECK(llmerr::to_string(e.provider) == expect["provider_without_hint"].get<std::string>());
            } else {
                if (!body_says_nothing) CHECK(e.provider == provider);
                if (!expect["code"].get<std::string>().empty()) CHECK(e.entry != nullptr);
            }
        }
        // The same result through find_error.
        CHECK(found->code == expect["code"].get<std::string>());
        CHECK(llmerr::to_string(found->category) == expect["category"].get<std::string>());
    }
}

TEST_CASE("the sample log has one line per error sample, plus the bad lines", "[samples]") {
    const std::string log = testdata::read_file(std::string(LLMERR_DATA_DIR) + "/samples/log.jsonl");
    std::size_t good = 0, bad = 0, pos = 0;
    while (pos < log.size()) {
        std::size_t nl = log.find('\n', pos);
        if (nl == std::string::npos) nl = log.size();
        const auto line = nlohmann::json::parse(log.substr(pos, nl - pos), nullptr, false);
        pos = nl + 1;
        if (line.is_object() && line.contains("body") && line["body"].is_string()) {
            ++good;
            const auto e = llmerr::parse(line["body"].get<std::string>(), line.value("status", 0));
            CHECK(e.http_status != 0);
        } else {
            ++bad;
        }
    }
    CHECK(good >= 40);
    CHECK(bad == 3);
}
