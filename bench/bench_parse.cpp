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
#include <optional>     // std::nullopt
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
#define LLMERR_BENCH_SSE2 1
#include <emmintrin.h>  // the previous may_hold_error, kept here only for comparison
#else
#define LLMERR_BENCH_SSE2 0
#endif

#include <llmerr/json.hpp>
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

#if LLMERR_BENCH_SSE2
// may_hold_error as it was with SSE2 intrinsics (<llmerr/detail/sse.hpp> before it became portable), for
// the before/after comparison: find_error_sse2/<body> is find_error with this check in front.
bool may_hold_error_sse2(std::string_view s) noexcept {
    using llmerr::detail::error_marker_at;
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (n >= 34) {
        const char* d = s.data();
        const auto at = [d](std::size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + k)); };
        const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        const auto flags = [&](std::size_t k) {
            const __m128i m2 = at(k - 2), m1 = at(k - 1), c0 = at(k), p1 = at(k + 1);
            const __m128i quote = _mm_and_si128(eq(c0, '"'), _mm_or_si128(_mm_and_si128(eq(m1, 'e'), eq(m2, 'd')),
                                                                          _mm_and_si128(eq(m1, 'r'), eq(m2, 'o'))));
            const __m128i other =
                _mm_or_si128(_mm_and_si128(eq(c0, ':'), eq(m1, 't')), _mm_and_si128(eq(c0, '\\'), eq(p1, 'u')));
            return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(quote, other)));
        };
        for (; i < 2; ++i) {
            if (error_marker_at(s, i)) return true;
        }
        const auto anchors = [&](std::size_t k) {
            const __m128i c0 = at(k);
            return _mm_or_si128(_mm_or_si128(eq(c0, '"'), eq(c0, ':')), eq(c0, '\\'));
        };
        for (; i + 33 <= n; i += 32) {
            if (_mm_movemask_epi8(_mm_or_si128(anchors(i), anchors(i + 16))) == 0) continue;
            const unsigned mask = flags(i) | (flags(i + 16) << 16U);
            if (mask == 0) continue;
            for (std::size_t k = 0; k < 32; ++k) {
                if (((mask >> k) & 1U) != 0 && error_marker_at(s, i + k)) return true;
            }
        }
    }
    for (; i < n; ++i) {
        const char c = s[i];
        if ((c == '"' || c == '\\' || c == ':') && error_marker_at(s, i)) return true;
    }
    return false;
}

void bm_find_error_sse2(benchmark::State& state, const sample* s) {
    const std::string_view t = llmerr::detail::trim_body(s->body);
    if (may_hold_error_sse2(t)) state.SkipWithError("the body holds an error marker: no prefilter to compare");
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        // find_error's 2xx path with the previous check: trim, then the check says no error.
        const std::string_view b = llmerr::detail::trim_body(s->body);
        benchmark::DoNotOptimize(may_hold_error_sse2(b) ? llmerr::find_error(200, s->body) : std::nullopt);
    }
    llmerr_bench::report_allocations(state, before);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}
#endif

// The check alone, in each of its versions.
void bm_may_hold_error(benchmark::State& state, const sample* s, bool (*check)(std::string_view) noexcept) {
    const std::string_view t = llmerr::detail::trim_body(s->body);
    for (auto _ : state) benchmark::DoNotOptimize(check(t));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s->body.size()));
}
bool check_bytes(std::string_view s) noexcept { return llmerr::detail::may_hold_error_bytes(s); }

// parse(nlohmann::json) against parse(text) over the JSON error samples: the cost of the dump.
void bm_parse_dom(benchmark::State& state, bool dom) {
    std::vector<std::pair<const sample*, nlohmann::json>> set;
    for (const sample& s : llmerr_bench::samples()) {
        if (s.is_error && is_json(s)) set.emplace_back(&s, nlohmann::json::parse(s.body));
    }
    const std::uint64_t before = llmerr_bench::allocations();
    for (auto _ : state) {
        for (const auto& [s, j] : set) {
            if (dom) {
                benchmark::DoNotOptimize(llmerr::parse(j, s->status));
            } else {
                benchmark::DoNotOptimize(llmerr::parse(s->body, s->status));
            }
        }
    }
    llmerr_bench::report_allocations(state, before);
    state.counters["bodies"] = static_cast<double>(set.size());
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
#if LLMERR_BENCH_SSE2
        benchmark::RegisterBenchmark(("find_error_sse2/" + s.name).c_str(), bm_find_error_sse2, &s);
#endif
#if LLMERR_BENCH_SSE2
        benchmark::RegisterBenchmark(("may_hold_error_sse2/" + s.name).c_str(), bm_may_hold_error, &s,
                                     may_hold_error_sse2);
#endif
#if LLMERR_VECTOR_EXTENSIONS
        benchmark::RegisterBenchmark(("may_hold_error_vector/" + s.name).c_str(), bm_may_hold_error, &s,
                                     llmerr::detail::may_hold_error_vector);
#endif
        benchmark::RegisterBenchmark(("may_hold_error_swar/" + s.name).c_str(), bm_may_hold_error, &s,
                                     llmerr::detail::may_hold_error_swar);
        benchmark::RegisterBenchmark(("may_hold_error_bytes/" + s.name).c_str(), bm_may_hold_error, &s, check_bytes);
    }
    benchmark::RegisterBenchmark("parse_json_text", bm_parse_dom, false);
    benchmark::RegisterBenchmark("parse_json_dom", bm_parse_dom, true);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_parse: %s\n", e.what());
    return 2;
}
