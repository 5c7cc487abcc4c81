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
void* counted(std::size_t n) {
    if (on) {
        ++now.allocations;
        now.bytes += n;
    }
    return std::malloc(n == 0 ? 1 : n);
}
}  // namespace

void* operator new(std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
