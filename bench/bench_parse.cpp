// SPDX-License-Identifier: MIT
// Benchmark: llmerr::parse on every bundled sample body (status from its .meta.json) against
// nlohmann::json::parse of the same bytes (budget: ≤ 0.6×), and llmerr::find_error on success bodies of
// ~1 KB, ~8 KB, ~64 KB and an SSE stream against nlohmann (budget: ≤ 0.05×). "allocs/iter" counts heap
// allocations per call. bench/compare.py prints the ratios from --benchmark_format=json output.
//
// parse_all runs every error sample; parse_json only those nlohmann accepts (for SSE, HTML, text and
// prefixed or cut JSON, nlohmann fails at once and extracts nothing, so per-body ratios there mean little).
// nlohmann baselines use the exception-free form parse(first, last, nullptr, false), as llmerr does. For the
// SSE stream, whose bytes are not one JSON document, the baseline parses each `data:` payload, as a client
// reading the stream chunk by chunk would.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <cstdio>       // std::fprintf
#include <exception>    // std::exception
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <llmerr/parse.hpp>

#include "alloc_counter.hpp"
#include "samples.hpp"

namespace {

using llmerr_bench::sample;

void bm_parse(benchmark::State& state, const sample* s) {
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) benchmark::DoNotOptimize(llmerr::parse(s->body, s->status));
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}

void bm_nlohmann(benchmark::State& state, const sample* s) {
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        benchmark::DoNotOptimize(nlohmann::json::parse(s->body.begin(), s->body.end(), nullptr, false));
    }
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}

// Whether nlohmann parses the body: JSON bodies, as opposed to SSE, HTML, text and prefixed or cut JSON,
// which nlohmann rejects at once without extracting anything.
bool is_json(const sample& s) {
    return !nlohmann::json::parse(s.body.begin(), s.body.end(), nullptr, false).is_discarded();
}

// All error samples (or only the JSON ones), one after the other: the aggregate figures.
void bm_parse_all(benchmark::State& state, bool json_only) {
    std::vector<const sample*> set;
    for (const sample& s : llmerr_bench::samples()) {
        if (s.is_error && (!json_only || is_json(s))) set.push_back(&s);
    }
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const sample* s : set) benchmark::DoNotOptimize(llmerr::parse(s->body, s->status));
    }
    llmerr_bench::report_allocations(state, before);
    state.counters["bodies"] = static_cast<double>(set.size());
}

void bm_nlohmann_all(benchmark::State& state, bool json_only) {
    std::vector<const sample*> set;
    for (const sample& s : llmerr_bench::samples()) {
        if (s.is_error && (!json_only || is_json(s))) set.push_back(&s);
    }
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const sample* s : set) {
            benchmark::DoNotOptimize(nlohmann::json::parse(s->body.begin(), s->body.end(), nullptr, false));
        }
    }
    llmerr_bench::report_allocations(state, before);
    state.counters["bodies"] = static_cast<double>(set.size());
}

// The `data:` payloads of an SSE body, without [DONE].
std::vector<std::string_view> data_payloads(std::string_view body) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) nl = body.size();
        std::string_view line = body.substr(pos, nl - pos);
        pos = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.substr(0, 5) != "data:") continue;
        line.remove_prefix(5);
        if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (line != "[DONE]") out.push_back(line);
    }
    return out;
}

void bm_find_error(benchmark::State& state, const sample* s) {
    if (llmerr::find_error(200, s->body).has_value()) state.SkipWithError("not a success body");
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) benchmark::DoNotOptimize(llmerr::find_error(200, s->body));
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}

void bm_find_error_nlohmann(benchmark::State& state, const sample* s) {
    const bool stream = llmerr::detail::looks_like_sse(s->body);
    const std::vector<std::string_view> chunks =
        stream ? data_payloads(s->body) : std::vector<std::string_view>{s->body};
    for (std::string_view c : chunks) {
        if (nlohmann::json::parse(c.begin(), c.end(), nullptr, false).is_discarded()) state.SkipWithError("not JSON");
    }
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (std::string_view c : chunks)
            benchmark::DoNotOptimize(nlohmann::json::parse(c.begin(), c.end(), nullptr, false));
    }
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}

const char* const success_bodies[] = {"ark_ok_chat_completion", "dashscope_ok_compat_long",
                                      "ark_ok_chat_completion_64k", "ark_ok_stream"};

}  // namespace

int main(int argc, char** argv) try {
    for (const sample& s : llmerr_bench::samples()) {
        if (!s.is_error) continue;
        benchmark::RegisterBenchmark(("parse/" + s.name).c_str(), bm_parse, &s);
        benchmark::RegisterBenchmark(("parse_nlohmann/" + s.name).c_str(), bm_nlohmann, &s);
    }
    benchmark::RegisterBenchmark("parse_all", bm_parse_all, false);
    benchmark::RegisterBenchmark("parse_all_nlohmann", bm_nlohmann_all, false);
    benchmark::RegisterBenchmark("parse_json", bm_parse_all, true);
    benchmark::RegisterBenchmark("parse_json_nlohmann", bm_nlohmann_all, true);
    for (const char* name : success_bodies) {
        const sample& s = llmerr_bench::sample_named(name);
        benchmark::RegisterBenchmark(("find_error/" + s.name).c_str(), bm_find_error, &s);
        benchmark::RegisterBenchmark(("find_error_nlohmann/" + s.name).c_str(), bm_find_error_nlohmann, &s);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_parse: %s\n", e.what());
    return 2;
}
