// SPDX-License-Identifier: MIT
// Benchmark: the per-line work of `llmerr classify --jsonl` (tools/cli_log.hpp: read the record, find_error,
// tally, write the result line through llmerr's to_json and nlohmann's dump) against a loop that only
// parses each line with nlohmann::json::parse, on the same lines: data/samples/log.jsonl's usable records,
// repeated 100 times (4 500 lines, 3.3 MB).
// Budget: at least 0.5× the baseline's throughput, i.e. at most 2× its time (bench/compare.py).
//
// Both sides get the lines already split in memory; reading the file (tools/cli_jsonl.hpp line_reader,
// one memchr per line into a 1 MiB buffer) is left out of both. `jsonl_summary` is --summary-only: no
// result lines.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t, std::int64_t
#include <cstdio>       // std::fprintf
#include <cstdlib>      // std::exit
#include <sstream>      // std::istringstream
#include <string>       // std::string, std::getline
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "alloc_counter.hpp"
#include "cli_log.hpp"
#include "samples.hpp"

namespace {

constexpr int repeats = 100;

// The usable records of log.jsonl (the lines the tool would skip as bad are left out), repeated.
const std::vector<std::string>& log_lines() {
    static const std::vector<std::string> lines = [] {
        std::vector<std::string> good;
        llmerr_cli::record_parser parser;
        llmerr_cli::log_record rec;
        std::istringstream in(llmerr_bench::read_file(std::string(LLMERR_DATA_DIR) + "/samples/log.jsonl"));
        for (std::string line; std::getline(in, line);) {
            if (parser.parse(line, rec)) good.push_back(line);
        }
        if (good.empty()) {
            std::fprintf(stderr, "no valid lines in log.jsonl\n");
            std::exit(2);
        }
        std::vector<std::string> out;
        for (int r = 0; r < repeats; ++r) out.insert(out.end(), good.begin(), good.end());
        return out;
    }();
    return lines;
}

std::int64_t bytes_of(const std::vector<std::string>& lines) {
    std::int64_t n = 0;
    for (const std::string& l : lines) n += static_cast<std::int64_t>(l.size() + 1);
    return n;
}

void run_llmerr(benchmark::State& state, bool summary_only) {
    const std::vector<std::string>& lines = log_lines();
    llmerr_cli::record_parser parser;
    llmerr_cli::log_record rec;
    std::string out;
    out.reserve(1 << 20);
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        llmerr_cli::tally t;
        std::uint64_t line_no = 0;
        for (const std::string& line : lines) {
            if (!parser.parse(line, rec)) {
                state.SkipWithError("a valid line was rejected");
                return;
            }
            llmerr_cli::classify_record(rec, ++line_no, llmerr::provider::unknown, t, summary_only ? nullptr : &out);
            if (out.size() >= (1 << 18)) out.clear();  // the tool writes its buffer out at this size
        }
        benchmark::DoNotOptimize(t.count);
    }
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(state.iterations() * bytes_of(lines));
    state.counters["lines"] = static_cast<double>(lines.size());
}

void jsonl(benchmark::State& state) { run_llmerr(state, false); }
void jsonl_summary(benchmark::State& state) { run_llmerr(state, true); }

void jsonl_nlohmann(benchmark::State& state) {
    const std::vector<std::string>& lines = log_lines();
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const std::string& line : lines) {
            benchmark::DoNotOptimize(nlohmann::json::parse(line.begin(), line.end(), nullptr, false));
        }
    }
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(state.iterations() * bytes_of(lines));
    state.counters["lines"] = static_cast<double>(lines.size());
}

}  // namespace

BENCHMARK(jsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(jsonl_summary)->Unit(benchmark::kMillisecond);
BENCHMARK(jsonl_nlohmann)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
