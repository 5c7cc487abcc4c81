// SPDX-License-Identifier: MIT
// Benchmark: llmerr::lookup (constexpr table, generated open-addressing hash of codes and aliases) against
// a std::unordered_map built from the same catalogue, on exact hits, templated-family fallbacks
// (`MissingParameter.x`), dotted-prefix fallbacks (`Throttling.Foo`) and misses. Each iteration looks up
// the whole query set once; "ns/lookup" is the time per lookup, "allocs/iter" the heap allocations per
// iteration (budget: 0 for llmerr). Issue #11's targets, against `map_prebuilt` in the same run: hits and
// misses in at most half its time. `dotted` looks up hostile codes of 1 KiB, 64 KiB and 1 MiB
// ("Throttling.x.x.x…", issue #14): the time must not grow with the size.
//
// Baselines: `map` is what a caller holding a std::string_view must write in C++17 (std::unordered_map has
// no heterogeneous lookup before C++20, so each lookup builds a std::string key, which allocates past the
// 15-byte SSO buffer); `map_prebuilt` looks up keys converted to std::string beforehand: the map's pure
// hashing and comparing cost, which is also what C++20 heterogeneous lookup would give.
#include <array>          // std::array
#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint64_t
#include <cstdio>         // std::fprintf
#include <cstdlib>        // std::abort
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <benchmark/benchmark.h>

#include <llmerr/catalog.hpp>

#include "alloc_counter.hpp"

namespace {

using llmerr::catalog_entry;
using llmerr::provider;

struct query {
    provider p;
    std::string code;
};

using code_map = std::unordered_map<std::string, const catalog_entry*>;

// One map per provider; the first row of each code is lookup()'s answer (rows are sorted by code, then API
// priority, then variant).
const std::array<code_map, llmerr::detail::provider_count>& maps() {
    static const std::array<code_map, llmerr::detail::provider_count> m = [] {
        std::array<code_map, llmerr::detail::provider_count> out;
        for (const catalog_entry& e : llmerr::entries()) {
            out[static_cast<std::size_t>(e.provider)].emplace(std::string(e.code), &e);
        }
        return out;
    }();
    return m;
}

// The map baseline with the same dotted-prefix fallback as lookup(); it has no templated families.
const catalog_entry* map_lookup(provider p, std::string_view code) {
    const code_map& m = maps()[static_cast<std::size_t>(p)];
    for (;;) {
        const auto it = m.find(std::string(code));
        if (it != m.end()) return it->second;
        const std::size_t dot = code.rfind('.');
        if (dot == std::string_view::npos || dot == 0) return nullptr;
        code = code.substr(0, dot);
    }
}

const catalog_entry* map_lookup_prebuilt(provider p, const std::string& code) {
    const code_map& m = maps()[static_cast<std::size_t>(p)];
    const auto it = m.find(code);
    if (it != m.end()) return it->second;
    const std::size_t dot = code.rfind('.');
    if (dot == std::string::npos || dot == 0) return nullptr;
    return map_lookup(p, std::string_view(code).substr(0, dot));  // rare: fallbacks only
}

std::vector<query> hits() {
    std::vector<query> out;
    for (const catalog_entry& e : llmerr::entries()) {
        if (e.variant == 0 && e.code.find('{') == std::string_view::npos)
            out.push_back({e.provider, std::string(e.code)});
    }
    return out;
}

// Codes documented as templates ("MissingParameter.{parameter}") with the placeholder filled in.
std::vector<query> family() {
    std::vector<query> out;
    for (const catalog_entry& e : llmerr::entries()) {
        const std::size_t open = e.code.find('{');
        const std::size_t close = e.code.find('}');
        if (e.variant != 0 || open == std::string_view::npos || close == std::string_view::npos) continue;
        out.push_back({e.provider, std::string(e.code.substr(0, open)) + "x" + std::string(e.code.substr(close + 1))});
    }
    return out;
}

// Undocumented sub-codes of documented codes, found by their dotted prefix.
std::vector<query> prefix() {
    std::vector<query> out{{provider::dashscope, "Throttling.Foo"}};
    for (const query& q : hits()) {
        if (q.code.find('.') == std::string::npos) continue;
        const std::string code = q.code + ".Foo";
        if (llmerr::lookup(q.p, code) != nullptr) out.push_back({q.p, code});
    }
    return out;
}

std::vector<query> misses() {
    std::vector<query> out;
    const char* words[] = {"NoSuchCode",
                           "Unknown",
                           "SomethingWentWrong",
                           "X",
                           "InvalidParamete",
                           "Throttlinh",
                           "ZZZ.Top.Level.Missing",
                           "999999",
                           "rate_limit_exceeded_but_not_really",
                           "q"};
    for (provider p : {provider::ark, provider::dashscope, provider::qianfan}) {
        for (const char* w : words) out.push_back({p, w});
    }
    return out;
}

std::vector<query> query_set(int which) {
    switch (which) {
        case 0: return hits();
        case 1: return family();
        case 2: return prefix();
        default: return misses();
    }
}

const char* const set_names[] = {"hits", "family", "prefix", "misses"};

void check_same_answers() {
    for (const query& q : hits()) {
        if (map_lookup(q.p, q.code) != llmerr::lookup(q.p, q.code)) {
            std::fprintf(stderr, "baseline disagrees on %s\n", q.code.c_str());
            std::abort();
        }
    }
}

void finish(benchmark::State& state, std::uint64_t before, std::size_t n) {
    llmerr_bench::report_allocations(state, before);
    state.counters["ns_per_lookup"] = benchmark::Counter(
        static_cast<double>(n) * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void bm_llmerr(benchmark::State& state) {
    const std::vector<query> qs = query_set(static_cast<int>(state.range(0)));
    std::vector<std::pair<provider, std::string_view>> views;
    views.reserve(qs.size());
    for (const query& q : qs) views.emplace_back(q.p, q.code);
    state.SetLabel(set_names[state.range(0)]);
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const auto& [p, code] : views) benchmark::DoNotOptimize(llmerr::lookup(p, code));
    }
    finish(state, before, qs.size());
}

void bm_map(benchmark::State& state) {
    const std::vector<query> qs = query_set(static_cast<int>(state.range(0)));
    std::vector<std::pair<provider, std::string_view>> views;
    views.reserve(qs.size());
    for (const query& q : qs) views.emplace_back(q.p, q.code);
    state.SetLabel(set_names[state.range(0)]);
    (void)maps();
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const auto& [p, code] : views) benchmark::DoNotOptimize(map_lookup(p, code));
    }
    finish(state, before, qs.size());
}

void bm_map_prebuilt(benchmark::State& state) {
    const std::vector<query> qs = query_set(static_cast<int>(state.range(0)));
    state.SetLabel(set_names[state.range(0)]);
    (void)maps();
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const query& q : qs) benchmark::DoNotOptimize(map_lookup_prebuilt(q.p, q.code));
    }
    finish(state, before, qs.size());
}

// lookup(p, code, message): the variant selection that follows the code lookup.
void bm_llmerr_with_message(benchmark::State& state) {
    struct q3 {
        provider p;
        std::string code, message;
    };
    std::vector<q3> qs;
    for (const catalog_entry& e : llmerr::entries()) {
        if (e.code.find('{') == std::string_view::npos) {
            qs.push_back({e.provider, std::string(e.code), std::string(e.message)});
        }
    }
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const q3& q : qs) benchmark::DoNotOptimize(llmerr::lookup(q.p, q.code, q.message));
    }
    finish(state, before, qs.size());
}

// A code of state.range(0) bytes with a dot every second byte, whose documented prefix is "Throttling".
void bm_llmerr_dotted(benchmark::State& state) {
    std::string code = "Throttling";
    while (code.size() + 2 <= static_cast<std::size_t>(state.range(0))) code += ".x";
    if (llmerr::lookup(provider::dashscope, code) == nullptr) std::abort();
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) benchmark::DoNotOptimize(llmerr::lookup(provider::dashscope, code));
    finish(state, before, 1);
}

}  // namespace

BENCHMARK(bm_llmerr)->DenseRange(0, 3);
BENCHMARK(bm_llmerr_dotted)->Arg(1024)->Arg(64 * 1024)->Arg(1024 * 1024);
BENCHMARK(bm_map)->DenseRange(0, 3);
BENCHMARK(bm_map_prebuilt)->DenseRange(0, 3);
BENCHMARK(bm_llmerr_with_message);

int main(int argc, char** argv) {
    check_same_answers();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
