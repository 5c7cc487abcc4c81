// SPDX-License-Identifier: MIT
// llmerr CLI — classifying one JSONL log record: the result line and the tallies of the summary; the JSON
// of a classified error, shared by `classify --json` and `classify --jsonl`.
//
// Shared by `llmerr classify` (tools/llmerr.cpp) and its throughput benchmark (bench/bench_jsonl.cpp), so that
// the benchmark measures the tool's own per-line work.
#ifndef LLMERR_TOOLS_CLI_LOG_HPP
#define LLMERR_TOOLS_CLI_LOG_HPP

#include <array>     // std::array
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint64_t
#include <optional>  // std::optional
#include <string>    // std::string, std::to_string

#include <nlohmann/json.hpp>

#include <llmerr/json.hpp>
#include <llmerr/parse.hpp>

#include "cli_jsonl.hpp"

namespace llmerr_cli {

// An HTTP status as JSON: null when not known (0).
inline nlohmann::json status_json(int status) { return status != 0 ? nlohmann::json(status) : nlohmann::json(); }

// `e` as JSON: llmerr::to_json's members, except that "http_status" is the status received (null when none
// was: find_error then reports the catalogue's documented status, flagged by status_from_catalog), and
// "documented_status" is the catalogue entry's status (null when no entry or undocumented).
inline nlohmann::json error_json(const llmerr::llm_error& e) {
    nlohmann::json j = e;
    j["http_status"] = status_json(e.status_from_catalog ? 0 : e.http_status);
    j["documented_status"] = status_json(e.entry != nullptr ? e.entry->http_status : 0);
    return j;
}

// Appends `j` (an object) to `out`, its members after those `out` already holds: `out` ends in "{" or in a
// member and its comma. Invalid UTF-8 in a string becomes U+FFFD.
inline void append_members(std::string& out, const nlohmann::json& j) {
    const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.append(text, 1, std::string::npos);  // without its "{"
}

// Per provider × category counts for the JSONL summary (the extra category column counts non-errors), and
// per evidence counts of the errors.
struct tally {
    static constexpr std::size_t providers = llmerr::detail::provider_count;
    static constexpr std::size_t columns = llmerr::category_count + 1;
    std::array<std::array<std::uint64_t, columns>, providers> count{};
    std::array<std::array<std::uint64_t, columns>, providers> retryable{};
    std::array<std::uint64_t, llmerr::evidence_count> evidence{};
    std::uint64_t bad = 0;

    void add(llmerr::provider p, std::optional<llmerr::category> c, bool is_retryable) {
        const std::size_t pi = static_cast<std::size_t>(p) < providers ? static_cast<std::size_t>(p) : 0;
        std::size_t ci = llmerr::category_count;  // no error
        if (c) ci = static_cast<std::size_t>(*c) < llmerr::category_count ? static_cast<std::size_t>(*c) : 0;
        ++count[pi][ci];
        if (is_retryable) ++retryable[pi][ci];
    }
    void add(const llmerr::llm_error& e) {
        add(e.provider, e.category, e.retryable);
        const auto ei = static_cast<std::size_t>(e.evidence);
        ++evidence[ei < llmerr::evidence_count ? ei : 0];
    }
};

// Classifies a parsed record: counts it in `t` and, unless `out` is null, appends its result line
// ({"line":N,"error":true,<error_json members>} or {"line":N,"error":false,"provider":…,"http_status":…}).
inline void classify_record(const log_record& rec, std::uint64_t line_no, llmerr::provider default_hint, tally& t,
                            std::string* out) {
    llmerr::provider hint = default_hint;
    if (!rec.provider.empty()) hint = llmerr::provider_from_string(rec.provider).value_or(default_hint);
    const auto err = llmerr::find_error(rec.status, rec.body, rec.header_fields(), hint);
    if (err) {
        t.add(*err);
    } else {
        t.add(hint, std::nullopt, false);
    }
    if (out == nullptr) return;
    *out += "{\"line\":";
    *out += std::to_string(line_no);
    if (err) {
        *out += ",\"error\":true,";
        append_members(*out, error_json(*err));
    } else {
        *out += ",\"error\":false,";
        append_members(*out,
                       nlohmann::json{{"provider", llmerr::to_string(hint)}, {"http_status", status_json(rec.status)}});
    }
    *out += '\n';
}

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_LOG_HPP
