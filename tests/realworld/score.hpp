// SPDX-License-Identifier: MIT
// The real-world corpus (tests/realworld/cases/*.jsonl) and how llmerr is scored on it. Reads the cases with
// nlohmann, independently of the library; the status-only rule is written out here, not taken from llmerr.
#ifndef LLMERR_TESTS_REALWORLD_SCORE_HPP
#define LLMERR_TESTS_REALWORLD_SCORE_HPP

#include <algorithm>   // std::sort
#include <filesystem>  // std::filesystem::directory_iterator
#include <fstream>     // std::ifstream
#include <optional>    // std::optional
#include <sstream>     // std::istringstream
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string, std::getline
#include <vector>      // std::vector

#include <nlohmann/json.hpp>

#include <llmerr/llmerr.hpp>

namespace realworld {

struct labelled_case {
    std::string id, source, provider, form, text, category, why, file;
    std::optional<int> status;
    std::optional<std::string> code;
    bool retryable = false;
};

inline std::vector<labelled_case> load_cases(const std::string& dir) {
    std::vector<labelled_case> out;
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        if (f.path().extension() == ".jsonl") files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot open " + path.string());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (line.empty()) continue;
            const nlohmann::json j = nlohmann::json::parse(line);
            labelled_case c;
            c.file = path.filename().string() + ":" + std::to_string(n);
            c.id = j.at("id").get<std::string>();
            c.source = j.at("source").get<std::string>();
            c.provider = j.at("provider").get<std::string>();
            c.form = j.at("form").get<std::string>();
            c.text = j.at("text").get<std::string>();
            c.category = j.at("category").get<std::string>();
            c.retryable = j.at("retryable").get<bool>();
            c.why = j.at("why").get<std::string>();
            if (!j.at("status").is_null()) c.status = j.at("status").get<int>();
            if (!j.at("code").is_null()) c.code = j.at("code").get<std::string>();
            out.push_back(std::move(c));
        }
    }
    return out;
}

// What every SDK already does with the status alone: retry 408/409/429/5xx; the class is the status.
struct status_verdict {
    std::string category;
    bool retryable = false;
};

inline status_verdict status_rule(std::optional<int> status) {
    if (!status) return {"unknown", false};
    const int s = *status;
    status_verdict v;
    v.retryable = s == 408 || s == 409 || s == 429 || (s >= 500 && s <= 599);
    switch (s) {
        case 400: v.category = "invalid_request"; break;
        case 401: v.category = "authentication"; break;
        case 402: v.category = "billing"; break;
        case 403: v.category = "permission_denied"; break;
        case 404: v.category = "not_found"; break;
        case 408: v.category = "timeout"; break;
        case 409: v.category = "conflict"; break;
        case 413: v.category = "payload_too_large"; break;
        case 429: v.category = "rate_limited"; break;
        case 503: v.category = "overloaded"; break;
        case 504: v.category = "timeout"; break;
        default:
            v.category = s >= 500 && s <= 599 ? "server_error" : s >= 400 && s <= 499 ? "invalid_request" : "unknown";
    }
    return v;
}

// One case's outcome.
struct outcome {
    const labelled_case* c = nullptr;
    llmerr::llm_error got;
    status_verdict by_status;
    bool category_ok = false, retryable_ok = false, code_ok = false, provider_ok = false;
};

inline outcome score(const labelled_case& c) {
    outcome o;
    o.c = &c;
    o.got = llmerr::parse(c.text, c.status.value_or(0), llmerr::provider::unknown);
    o.by_status = status_rule(c.status);
    o.category_ok = std::string(llmerr::to_string(o.got.category)) == c.category;
    o.retryable_ok = o.got.retryable == c.retryable;
    o.code_ok = c.code && o.got.code == *c.code;
    o.provider_ok = std::string(llmerr::to_string(o.got.provider)) == c.provider;
    return o;
}

// Whether a case's text holds a JSON body, as sent or inside a rendering: `{` then a quoted key.
inline bool holds_json_body(const std::string& t) {
    for (std::size_t i = t.find('{'); i != std::string::npos; i = t.find('{', i + 1)) {
        std::size_t k = i + 1;
        while (k < t.size() && (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t' || t[k] == '\\')) ++k;
        if (k < t.size() && (t[k] == '"' || t[k] == '\'')) return true;
    }
    return false;
}

// The figures the floors are about.
struct totals {
    int cases = 0, category_ok = 0, retryable_ok = 0;
    int with_code = 0, code_ok = 0;
    int wire_bodies = 0, wire_provider_ok = 0;  // wire_json cases whose provider is known
    int json_bodies = 0, json_provider_ok = 0;  // cases holding a JSON body (wire or rendered), provider known
    int with_status = 0, retryable_ok_with_status = 0, status_rule_retryable_ok = 0, status_rule_category_ok = 0;
    int worse_than_status = 0;  // status known, status rule right on retryable, llmerr wrong
    int provider_wrong = 0;     // a provider named, and another (or none) is the label
};

inline totals add_up(const std::vector<outcome>& all) {
    totals t;
    for (const outcome& o : all) {
        ++t.cases;
        t.provider_wrong += !o.provider_ok && o.got.provider != llmerr::provider::unknown;
        t.category_ok += o.category_ok;
        t.retryable_ok += o.retryable_ok;
        if (o.c->code) {
            ++t.with_code;
            t.code_ok += o.code_ok;
        }
        if (o.c->form == "wire_json" && o.c->provider != "unknown") {
            ++t.wire_bodies;
            t.wire_provider_ok += o.provider_ok;
        }
        if (o.c->provider != "unknown" && (o.c->form == "wire_json" || holds_json_body(o.c->text))) {
            ++t.json_bodies;
            t.json_provider_ok += o.provider_ok;
        }
        if (o.c->status) {
            ++t.with_status;
            t.retryable_ok_with_status += o.retryable_ok;
            const bool rule_ok = o.by_status.retryable == o.c->retryable;
            t.status_rule_retryable_ok += rule_ok;
            t.status_rule_category_ok += o.by_status.category == o.c->category;
            if (rule_ok && !o.retryable_ok) ++t.worse_than_status;
        }
    }
    return t;
}

}  // namespace realworld

#endif  // LLMERR_TESTS_REALWORLD_SCORE_HPP
