// SPDX-License-Identifier: MIT
// llmerr benchmarks — counts heap allocations (a replaced global operator new, in alloc_counter.cpp), so each
// benchmark can report allocations per iteration beside its time.
#ifndef LLMERR_BENCH_ALLOC_COUNTER_HPP
#define LLMERR_BENCH_ALLOC_COUNTER_HPP

#include <cstdint>  // std::uint64_t

#include <benchmark/benchmark.h>

namespace llmerr_bench {

// Allocations made by this thread so far.
std::uint64_t allocations() noexcept;

// Call after the timing loop: sets the counter "allocs/iter" from the count taken before it.
inline void report_allocations(benchmark::State& state, std::uint64_t before) {
    state.counters["allocs/iter"] =
        benchmark::Counter(static_cast<double>(allocations() - before), benchmark::Counter::kAvgIterations);
}

}  // namespace llmerr_bench

#endif  // LLMERR_BENCH_ALLOC_COUNTER_HPP
