// SPDX-License-Identifier: MIT
// The counters of tests/test_complexity.cpp, in a unit built WITHOUT -fsanitize-coverage: the callback
// __sanitizer_cov_trace_pc, which the compiler calls at every basic block of the instrumented unit, counts
// while counting is on; the replaced operator new counts allocations and bytes. Counting is switched by
// calls into this unit, which the optimiser cannot see through.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "complexity_counter.hpp"

namespace {
bool on = false;
complexity::counts now{};
}  // namespace

extern "C" void __sanitizer_cov_trace_pc() {
    if (on) ++now.blocks;
}

namespace complexity {

void start() noexcept {
    now = counts{};
    on = true;
}

counts stop() noexcept {
    on = false;
    return now;
}

}  // namespace complexity

namespace {
void count(std::size_t n) noexcept {
    if (on) {
        ++now.allocations;
        now.bytes += n;
    }
}
}  // namespace

void* test_allocate(std::size_t n) noexcept {
    count(n);
    return std::malloc(n == 0 ? 1 : n);
}

void* test_allocate_aligned(std::size_t n, std::size_t align) noexcept {
    count(n);
    void* p = nullptr;
    if (align < sizeof(void*)) align = sizeof(void*);
    return posix_memalign(&p, align, n == 0 ? 1 : n) == 0 ? p : nullptr;
}

#include "replace_new.hpp"
