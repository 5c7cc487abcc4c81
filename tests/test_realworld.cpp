// SPDX-License-Identifier: MIT
// llmerr on real error responses from public reports (tests/realworld/): the corpus is well-formed, and the
// parser meets the floors committed in tests/realworld/floors.json. REPORT.md shows the details.
#include <fstream>  // std::ifstream
#include <set>      // std::set
#include <string>   // std::string

#include "catch.hpp"
#include "realworld/score.hpp"

namespace {

const std::string corpus_dir = std::string(LLMERR_REALWORLD_DIR) + "/cases";

const std::set<std::string> forms = {"wire_json", "sse", "sdk_rendering", "log_line", "text", "html"};
const std::set<std::string> categories = {"unknown",           "invalid_request",  "authentication",
                                          "permission_denied", "billing",          "quota_exhausted",
                                          "rate_limited",      "content_filtered", "context_length_exceeded",
                                          "payload_too_large", "unsupported",      "not_found",
                                          "conflict",          "timeout",          "cancelled",
                                          "overloaded",        "model_loading",    "server_error"};

}  // namespace

TEST_CASE("real-world corpus: every case follows tests/realworld/README.md") {
    const auto cases = realworld::load_cases(corpus_dir);
    CHECK(cases.size() >= 250);
    std::set<std::string> ids, texts;
    int wire = 0;
    for (const auto& c : cases) {
        INFO(c.file << " " << c.id);
        CHECK(ids.insert(c.id).second);
        CHECK(texts.insert(c.text).second);
        CHECK(llmerr::provider_from_string(c.provider).has_value());  // a provider of data/, or unknown
        CHECK(forms.count(c.form) == 1);
        CHECK(categories.count(c.category) == 1);
        CHECK((c.source.rfind("https://", 0) == 0 || c.source.rfind("http://", 0) == 0));
        CHECK(!c.text.empty());
        CHECK(!c.why.empty());
        if (c.status) CHECK((*c.status >= 100 && *c.status <= 599));
        if (c.code) CHECK(!c.code->empty());
        wire += c.form == "wire_json";
    }
    // The public record holds few bodies exactly as sent (README, "What the corpus lacks"): the floor is
    // what was found, so that it cannot shrink unseen.
    CHECK(wire >= 15);
}

TEST_CASE("real-world corpus: llmerr meets the committed floors") {
    const auto cases = realworld::load_cases(corpus_dir);
    std::vector<realworld::outcome> all;
    all.reserve(cases.size());
    for (const auto& c : cases) all.push_back(realworld::score(c));
    const realworld::totals t = realworld::add_up(all);

    std::ifstream in(std::string(LLMERR_REALWORLD_DIR) + "/floors.json");
    REQUIRE(in);
    const nlohmann::json floors = nlohmann::json::parse(in);
    const auto ratio = [](int ok, int n) { return n == 0 ? 0.0 : static_cast<double>(ok) / n; };

    INFO("category " << t.category_ok << "/" << t.cases << ", retryable " << t.retryable_ok << "/" << t.cases
                     << ", code " << t.code_ok << "/" << t.with_code << ", provider (JSON bodies) "
                     << t.json_provider_ok << "/" << t.json_bodies << " (wire " << t.wire_provider_ok << "/"
                     << t.wire_bodies << "), worse than the status rule " << t.worse_than_status
                     << ", provider named wrongly " << t.provider_wrong);
    CHECK(ratio(t.category_ok, t.cases) >= floors.at("category").get<double>());
    CHECK(ratio(t.retryable_ok, t.cases) >= floors.at("retryable").get<double>());
    CHECK(ratio(t.code_ok, t.with_code) >= floors.at("code").get<double>());
    CHECK(ratio(t.json_provider_ok, t.json_bodies) >= floors.at("provider_json").get<double>());
    CHECK(ratio(t.wire_provider_ok, t.wire_bodies) >= floors.at("provider_wire").get<double>());
    CHECK(t.worse_than_status <= floors.at("worse_than_status_max").get<int>());
    // Naming the wrong provider is worse than naming none: its catalogue then speaks for another's body.
    CHECK(ratio(t.provider_wrong, t.cases) <= floors.at("provider_wrong_max").get<double>());
}
