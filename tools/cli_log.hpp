// SPDX-License-Identifier: MIT
// llmerr CLI — classifying one JSONL log record: the result line and the provider × category tally.
//
// Shared by `llmerr classify --jsonl` (tools/llmerr.cpp) and its throughput benchmark (bench/bench_jsonl.cpp),
// so that the benchmark measures the tool's own per-line work.
#ifndef LLMERR_TOOLS_CLI_LOG_HPP
#define LLMERR_TOOLS_CLI_LOG_HPP

#include <array>     // std::array
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint64_t, std::int64_t
#include <optional>  // std::optional
#include <string>    // std::string

#include <llmerr/parse.hpp>

#include "cli_json.hpp"
#include "cli_jsonl.hpp"

namespace llmerr_cli {

// Per provider × category counts for the JSONL summary; the extra category column counts non-errors.
struct tally {
    static constexpr std::size_t providers = 4;
    static constexpr std::size_t columns = llmerr::category_count + 1;
    std::array<std::array<std::uint64_t, columns>, providers> count{};
    std::array<std::array<std::uint64_t, columns>, providers> retryable{};
    std::uint64_t bad = 0;

    void add(llmerr::provider p, std::optional<llmerr::category> c, bool is_retryable) {
        const std::size_t pi = static_cast<std::size_t>(p) < providers ? static_cast<std::size_t>(p) : 0;
        std::size_t ci = llmerr::category_count;  // no error
        if (c) ci = static_cast<std::size_t>(*c) < llmerr::category_count ? static_cast<std::size_t>(*c) : 0;
        ++count[pi][ci];
        if (is_retryable) ++retryable[pi][ci];
    }
};

// Classifies a parsed record: counts it in `t` and, unless `out` is null, appends its result line
// ({"line":N,"error":true,…} or {"line":N,"error":false,"provider":…,"http_status":…}).
inline void classify_record(const log_record& rec, std::uint64_t line_no, llmerr::provider default_hint, tally& t,
                            std::string* out) {
    llmerr::provider hint = default_hint;
    if (!rec.provider.empty()) hint = llmerr::provider_from_string(rec.provider).value_or(default_hint);
    const auto err = llmerr::find_error(rec.status, rec.body, rec.header_fields(), hint);
    if (err) {
        t.add(err->provider, err->category, err->retryable);
    } else {
        t.add(hint, std::nullopt, false);
    }
    if (out == nullptr) return;
    *out += "{\"line\":";
    append_int(*out, static_cast<std::int64_t>(line_no));
    if (err) {
        *out += ",\"error\":true,";
        append_error_members(*out, *err);
    } else {
        *out += ",\"error\":false,\"provider\":\"";
        *out += llmerr::to_string(hint);
        *out += "\",\"http_status\":";
        append_int(*out, rec.status);
    }
    *out += "}\n";
}

}  // namespace llmerr_cli

#endif  // LLMERR_TOOLS_CLI_LOG_HPP
