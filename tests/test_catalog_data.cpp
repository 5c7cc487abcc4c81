// SPDX-License-Identifier: MIT
// Data-driven: reads data/*.json itself (not through the generator) and checks that every row is reachable
// through the public lookup API with every field equal, so that a generator bug cannot hide; the
// maintainers' note, doubt and source, which only the CLI carries, through tools/generated/catalog_notes.hpp.
#include <llmerr/catalog.hpp>
#include <llmerr/detail/provider_signals.hpp>
#include <llmerr/parse.hpp>
#include <llmerr/url.hpp>

#include "generated/catalog_notes.hpp"  // tools/

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"

namespace {

using nlohmann::json;

// Every data file's provider, with the enum value its provider_info.id names.
const std::vector<std::pair<std::string, llmerr::provider>> providers = [] {
    std::vector<std::pair<std::string, llmerr::provider>> out;
    for (const auto& [name, id] : testdata::data_providers()) out.emplace_back(name, static_cast<llmerr::provider>(id));
    return out;
}();

std::string opt(const json& row, const char* key) { return row.contains(key) ? row[key].get<std::string>() : ""; }

std::string joined_aliases(const json& row) {
    std::string out;
    if (!row.contains("aliases")) return out;
    for (const auto& a : row["aliases"]) {
        if (!out.empty()) out += ' ';
        out += a.get<std::string>();
    }
    return out;
}

std::string key_of(const json& row) {
    return row["api"].get<std::string>() + "/" + row["code"].get<std::string>() + "#" +
           std::to_string(row.value("variant", 0));
}

}  // namespace

TEST_CASE("every data row is reachable through lookup_in with every field equal", "[catalog][data]") {
    std::size_t total = 0;
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        const json& rows = doc.at("entries");
        total += rows.size();
        CHECK(llmerr::entries(p).size() == rows.size());
        for (const json& row : rows) {
            INFO(name << " " << key_of(row));
            const std::string api = row["api"], code = row["code"], message = row["message"];
            const std::string match = row.contains("match") ? opt(row, "match") : message;
            const int status = row["http_status"];
            const auto* e = llmerr::lookup_in(p, api, code, match, status);
            REQUIRE(e != nullptr);
            CHECK(e->provider == p);
            CHECK(e->api == api);
            CHECK(e->code == code);
            CHECK(int{e->variant} == row.value("variant", 0));
            CHECK(int{e->http_status} == status);
            CHECK(e->type == opt(row, "type"));
            CHECK(e->message == message);
            CHECK(e->description == row["description"].get<std::string>());
            CHECK(e->match == match);
            CHECK(llmerr::to_string(e->category) == row["category"].get<std::string>());
            CHECK(e->retryable == row["retryable"].get<bool>());
            CHECK(llmerr::to_string(e->retry_hint) == (row.contains("retry_hint") ? opt(row, "retry_hint") : "none"));
            CHECK(e->aliases == joined_aliases(row));
            const llmerr_cli::entry_notes& notes = llmerr_cli::notes_of(*e);
            CHECK(notes.note == opt(row, "note"));
            CHECK(notes.doubt == opt(row, "doubt"));
            CHECK(notes.source == row["source"].get<std::string>());
            CHECK(e->value == doc.at("code_values").at(code).get<int>());
        }
    }
    CHECK(llmerr::entries().size() == total);
}

TEST_CASE("variants() lists exactly the data rows of the same api and code", "[catalog][data]") {
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        std::map<std::string, std::set<int>> groups;  // "api/code" -> its variants
        for (const json& row : doc.at("entries")) {
            groups[row["api"].get<std::string>() + "/" + row["code"].get<std::string>()].insert(
                row.value("variant", 0));
        }
        for (const json& row : doc.at("entries")) {
            INFO(name << " " << key_of(row));
            const std::string api = row["api"], code = row["code"];
            const auto* e = llmerr::lookup_in(p, api, code);
            REQUIRE(e != nullptr);
            std::set<int> listed;
            for (const llmerr::catalog_entry& v : llmerr::variants(*e)) {
                CHECK(v.api == api);
                CHECK(v.code == code);
                listed.insert(v.variant);
            }
            CHECK(listed == groups[api + "/" + code]);
        }
    }
}

TEST_CASE("a code without api resolves to its highest-priority api, variant 0", "[catalog][data]") {
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        std::vector<std::string> order;
        for (const auto& a : doc["apis"]) order.push_back(a["name"]);
        std::map<std::string, std::size_t> best;  // code -> index in order
        for (const json& row : doc["entries"]) {
            const std::size_t rank = static_cast<std::size_t>(
                std::find(order.begin(), order.end(), row["api"].get<std::string>()) - order.begin());
            auto [it, fresh] = best.emplace(row["code"].get<std::string>(), rank);
            if (!fresh && rank < it->second) it->second = rank;
        }
        for (const auto& [code, rank] : best) {
            INFO(name << " " << code);
            const auto* e = llmerr::lookup(p, code);
            REQUIRE(e != nullptr);
            CHECK(e->code == code);
            CHECK(e->api == order[rank]);
            CHECK(e->variant == 0);
        }
    }
}

TEST_CASE("aliases find their native row", "[catalog][data]") {
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        for (const json& row : doc["entries"]) {
            if (!row.contains("aliases")) continue;
            for (const auto& a : row["aliases"]) {
                INFO(name << " alias " << a.get<std::string>());
                const auto* e = llmerr::lookup(p, a.get<std::string>());
                REQUIRE(e != nullptr);
                CHECK(e->code == row["code"].get<std::string>());
            }
        }
    }
}

TEST_CASE("data rows obey the taxonomy", "[catalog][data]") {
    const std::set<std::string> retryable_default = {"rate_limited", "overloaded", "model_loading", "timeout",
                                                     "server_error"};
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        std::set<std::string> keys;
        std::set<int> values;
        for (const auto& [code, v] : doc["code_values"].items()) {
            INFO(name << " value of " << code);
            CHECK(values.insert(v.get<int>()).second);
        }
        for (const json& row : doc["entries"]) {
            INFO(name << " " << key_of(row));
            CHECK(keys.insert(key_of(row)).second);
            const std::string cat = row["category"];
            REQUIRE(llmerr::category_from_string(cat).has_value());
            const bool departs =
                cat == "unknown" || row["retryable"].get<bool>() != (retryable_default.count(cat) == 1);
            if (departs) CHECK_FALSE(opt(row, "note").empty());
            const int status = row["http_status"];
            CHECK((status == 0 || (status >= 100 && status <= 599)));
            CHECK_FALSE(row["source"].get<std::string>().empty());
            CHECK_FALSE(row["message"].get<std::string>().empty());
        }
    }
}

TEST_CASE("the generated table is sorted by provider, code, api priority, variant", "[catalog]") {
    const auto all = llmerr::entries();
    for (std::size_t i = 1; i < all.size(); ++i) {
        const auto& a = all[i - 1];
        const auto& b = all[i];
        INFO(a.code << " / " << b.code);
        CHECK((a.provider < b.provider || (a.provider == b.provider && a.code <= b.code)));
        if (a.provider == b.provider && a.code == b.code && a.api == b.api) CHECK(a.variant < b.variant);
    }
}

TEST_CASE("apis() lists each provider's API groups in the data's priority order", "[catalog][data]") {
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        const auto listed = llmerr::apis(p);
        REQUIRE(listed.size() == doc["apis"].size());
        std::size_t i = 0;
        for (const llmerr::api_info& a : listed) {
            INFO(name << " api " << i);
            CHECK(a.provider == p);
            CHECK(a.name == doc["apis"][i]["name"].get<std::string>());
            CHECK(a.description == doc["apis"][i]["description"].get<std::string>());
            ++i;
        }
    }
    CHECK(llmerr::apis(llmerr::provider::unknown).size() == 0);
}

TEST_CASE("every data file is a provider: its name, id, hosts and words", "[catalog][data][provider]") {
    const auto files = testdata::data_providers();
    REQUIRE(files.size() == std::size(llmerr::detail::known_providers));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& [name, id] = files[i];
        INFO(name);
        CHECK(id == static_cast<int>(i + 1));  // dense: the enum's values 1 … N
        const auto p = static_cast<llmerr::provider>(id);
        CHECK(llmerr::to_string(p) == name);
        CHECK(llmerr::provider_from_string(name) == p);
        const json info = testdata::provider_file(name).at("provider_info");
        for (const json& h : info.at("hosts")) {
            // A host the pattern describes: "**" dropped, "*" and "x*" filled in.
            std::string host;
            std::string pattern = h.get<std::string>();
            std::size_t at = 0;
            while (at <= pattern.size()) {
                const std::size_t dot = std::min(pattern.find('.', at), pattern.size());
                std::string label = pattern.substr(at, dot - at);
                at = dot + 1;
                if (label == "**") continue;
                if (label == "*") label = "cn-north-1";
                if (!label.empty() && label.back() == '*') label = label.substr(0, label.size() - 1) + "-intl";
                host += (host.empty() ? "" : ".") + label;
            }
            INFO(h.get<std::string>() << " -> " << host);
            CHECK(llmerr::provider_from_url("https://" + host + "/v1/chat/completions") == p);
            CHECK(llmerr::provider_from_url("HTTPS://" + host + ":443") == p);
            CHECK(llmerr::provider_from_url("https://" + host + ".example.org/") == llmerr::provider::unknown);
        }
        for (const json& w : info.at("words")) {
            INFO(w.get<std::string>());
            CHECK(llmerr::detail::provider_by_words("error from " + w.get<std::string>() + ": failed") == p);
            // As an aggregator's model namespace ("stepfun/step-3.5-flash:free") a name says who made the model,
            // not who answered; the same name elsewhere in the text still counts.
            const std::string word = w.get<std::string>();
            if (word.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos) {
                CHECK(llmerr::detail::provider_by_words("No endpoints found for " + word + "/x-1.5:free.") ==
                      llmerr::provider::unknown);
                CHECK(llmerr::detail::provider_by_words("[openrouter," + word + "/x-1.5: 400]") ==
                      llmerr::provider::unknown);
                CHECK(llmerr::detail::provider_by_words("error from " + word + ": no route to " + word + "/x-1.5") ==
                      p);
            }
        }
        // A code the provider's bodies carry for every error names it in the code field, and only there.
        for (const json& c : info.value("body_codes", json::array())) {
            const std::string code = c.at("code").get<std::string>();
            INFO(code);
            CHECK(c.at("source").get<std::string>().rfind("https://", 0) == 0);
            const json sent = {
                {"error", {{"message", "qzx vbn"}, {"type", "qzx_error"}, {"param", nullptr}, {"code", code}}}};
            CHECK(llmerr::parse(sent.dump(), 400).provider == p);
            const json as_type = {{"error", {{"message", "qzx vbn"}, {"type", code}}}};
            CHECK(llmerr::parse(as_type.dump(), 400).provider != p);
        }
    }
}

TEST_CASE("a documented message of words three providers use is anyone's", "[catalog][data][provider]") {
    // The ASCII words of a text, lowercased; empty when it has a character of another script.
    const auto words = [](const std::string& m) {
        std::vector<std::string> out;
        std::string w;
        for (const char c : m) {
            if (static_cast<unsigned char>(c) >= 0x80) return std::vector<std::string>{};
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter || (!w.empty() && c >= '0' && c <= '9')) {
                w += static_cast<char>(letter && c <= 'Z' ? c - 'A' + 'a' : c);
            } else if (!w.empty()) {
                out.push_back(w);
                w.clear();
            }
        }
        if (!w.empty()) out.push_back(w);
        return out;
    };
    std::map<std::string, std::set<std::string>> users;  // word -> providers whose messages use it
    std::vector<std::pair<std::string, json>> all;
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        for (const json& row : doc.at("entries")) {
            all.emplace_back(name, row);
            for (const std::string& w : words(row["message"])) users[w].insert(name);
        }
    }
    const auto& patterns = llmerr::detail::documented_patterns();
    REQUIRE(patterns.size() == all.size());
    std::size_t anyones = 0;
    for (const auto& named_row : all) {
        const std::string& name = named_row.first;  // (clang 14 captures no structured binding in a lambda)
        const json& row = named_row.second;
        INFO(name << " " << key_of(row) << ": " << row["message"].get<std::string>());
        const std::vector<std::string> w = words(row["message"]);
        const bool expected =
            !w.empty() && std::all_of(w.begin(), w.end(), [&](const std::string& x) { return users[x].size() >= 3; });
        const llmerr::provider p =
            std::find_if(providers.begin(), providers.end(), [&](const auto& q) { return q.first == name; })->second;
        const std::string match = row.contains("match") ? opt(row, "match") : row["message"].get<std::string>();
        const auto* e = llmerr::lookup_in(p, row["api"].get<std::string>(), row["code"].get<std::string>(), match,
                                          row["http_status"].get<int>());
        REQUIRE(e != nullptr);
        CHECK(patterns[static_cast<std::size_t>(e - llmerr::entries().begin())].message_is_anyones == expected);
        anyones += expected ? 1U : 0U;
    }
    CHECK(anyones > 50);  // the rule has something to do (rate limits, overloads, "invalid api key", …)
}

TEST_CASE("a code several providers document sent with one's documented description is that provider's",
          "[catalog][data][provider]") {
    // code -> (provider, description) of every row with a number of four digits or more as its code
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_code;
    for (const auto& [name, p] : providers) {
        const json doc = testdata::provider_file(name);
        for (const json& row : doc.at("entries")) {
            const std::string code = row["code"];
            if (code.size() >= 4 && code.find_first_not_of("0123456789") == std::string::npos)
                by_code[code].emplace_back(name, opt(row, "description"));
        }
    }
    std::size_t checked = 0;
    for (const auto& [code, rows] : by_code) {
        std::set<std::string> documenters;
        for (const auto& r : rows) documenters.insert(r.first);
        if (documenters.size() < 2) continue;
        for (const auto& named_description : rows) {
            const std::string& name = named_description.first;
            const std::string& description = named_description.second;
            // Only a description no other provider gives this code, and that is all the message says.
            if (description.empty() || std::count_if(rows.begin(), rows.end(), [&](const auto& r) {
                                           return r.first != name && r.second == description;
                                       }) != 0)
                continue;
            INFO(code << " " << name << ": " << description);
            const json body = {{"error", {{"code", code}, {"message", description + "\xE3\x80\x82"}}}};
            const llmerr::provider want = std::find_if(providers.begin(), providers.end(), [&](const auto& q) {
                                              return q.first == name;
                                          })->second;
            CHECK(llmerr::parse(body.dump()).provider == want);
            ++checked;
        }
    }
    CHECK(checked >= 2);
}
