// SPDX-License-Identifier: MIT
// Prints, as one JSON document, llmerr's verdict on every real-world case beside its labels and the status
// rule's: the input of tools/realworld_report.py, which writes tests/realworld/REPORT.md.
#include <iostream>  // std::cout
#include <string>    // std::string

#include "score.hpp"

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::string(LLMERR_REALWORLD_DIR) + "/cases";
    const auto cases = realworld::load_cases(dir);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : cases) {
        const realworld::outcome o = realworld::score(c);
        out.push_back({
            {"id", c.id},
            {"source", c.source},
            {"provider", c.provider},
            {"form", c.form},
            {"text", c.text},
            {"status", c.status ? nlohmann::json(*c.status) : nlohmann::json(nullptr)},
            {"code", c.code ? nlohmann::json(*c.code) : nlohmann::json(nullptr)},
            {"category", c.category},
            {"retryable", c.retryable},
            {"got_provider", llmerr::to_string(o.got.provider)},
            {"got_code", o.got.code},
            {"got_category", llmerr::to_string(o.got.category)},
            {"got_retryable", o.got.retryable},
            {"got_evidence", llmerr::to_string(o.got.evidence)},
            {"status_category", o.by_status.category},
            {"status_retryable", o.by_status.retryable},
        });
    }
    std::cout << out.dump(1) << '\n';
    return std::cout ? 0 : 1;
}
