// SPDX-License-Identifier: MIT
// Benchmark: time against input size for the adversarial shapes of tests/test_complexity.cpp (which checks
// the same growth by counting operations, not time). Each shape runs at 1×, 4×, 16× and 64× its unit; the
// time per byte should stay flat. Reported only (bench/README.md), never a pass/fail budget.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, std::uint64_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <benchmark/benchmark.h>

#include <llmerr/parse.hpp>

#include "alloc_counter.hpp"

namespace {

std::string repeat(std::string_view s, std::int64_t n) {
    std::string out;
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string chars(std::int64_t n, char c) { return std::string(static_cast<std::size_t>(n), c); }

std::string many_keys(std::int64_t n) {
    std::string b = "{";
    for (std::int64_t i = 0; i < n; ++i) b += "\"key" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    return b + R"("code":"InvalidApiKey","message":"m"})";
}

// A shape: its body for n units.
using maker = std::string (*)(std::int64_t);

void bm_shape(benchmark::State& state, maker make, std::int64_t unit) {
    const std::string body = make(unit * state.range(0));
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) benchmark::DoNotOptimize(llmerr::parse(body, 400));
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(body.size()));
    state.counters["bytes"] = static_cast<double>(body.size());
}

void bm_raw_headers(benchmark::State& state) {
    const std::string block =
        "HTTP/1.1 429 X\r\n" + repeat("x-filler: 1\r\n", 64 * state.range(0)) + "Retry-After: 7\r\n\r\n";
    for (auto _ : state) benchmark::DoNotOptimize(llmerr::parse("{}", 0, llmerr::raw_headers{block}));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(block.size()));
    state.counters["bytes"] = static_cast<double>(block.size());
}

#define LLMERR_SHAPE(name, unit, body)                                                         \
    BENCHMARK_CAPTURE(                                                                         \
        bm_shape, name, [](std::int64_t n) -> std::string { return body; }, unit) /* NOLINT */ \
        ->RangeMultiplier(4)                                                                   \
        ->Range(1, 64)

LLMERR_SHAPE(many_keys, 64, many_keys(n));
LLMERR_SHAPE(repeated_error_keys, 64, "{" + repeat(R"("code":"InvalidApiKey","message":"m",)", n) + R"("x":1})");
LLMERR_SHAPE(long_message, 512, R"({"code":"InvalidApiKey","message":")" + chars(n, 'a') + "\"}");
LLMERR_SHAPE(tiny_sse_events, 64, repeat("data:{}\n\n", n) + "event:error\ndata:{\"code\":\"InternalError\"}\n\n");
LLMERR_SHAPE(one_huge_sse_event, 512,
             "event:error\ndata:{\"code\":\"InternalError\",\"message\":\"" + chars(n, 'x') + "\"}\n\n");
LLMERR_SHAPE(many_data_lines, 64, "event:error\n" + repeat("data: {\"code\":\"x\"}\n", n) + "\n");
LLMERR_SHAPE(backslash_runs, 256, R"({"code":"c","message":")" + repeat("\\\\", n) + "\"}");
LLMERR_SHAPE(deep_arrays, 256, chars(n, '[') + chars(n, ']'));
LLMERR_SHAPE(deep_objects, 256, repeat("{\"a\":", n) + "1" + chars(n, '}'));
LLMERR_SHAPE(huge_integer, 256, R"({"error_code":)" + chars(n, '9') + R"(,"error_msg":"m"})");
LLMERR_SHAPE(dotted_code, 16, R"({"code":")" + repeat("Throttling.", n) + R"(X","message":"m"})");
BENCHMARK(bm_raw_headers)->RangeMultiplier(4)->Range(1, 64);

}  // namespace

BENCHMARK_MAIN();
