// SPDX-License-Identifier: MIT
// llmerr benchmarks — the global allocation functions, replaced to count calls (see alloc_counter.hpp).
#include "alloc_counter.hpp"

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <cstdlib>  // std::malloc, std::free
#include <new>      // std::bad_alloc, std::nothrow_t

namespace {
thread_local std::uint64_t g_allocations = 0;

void* counted_malloc(std::size_t n) {
    ++g_allocations;
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
}  // namespace

std::uint64_t llmerr_bench::allocations() noexcept { return g_allocations; }

void* operator new(std::size_t n) { return counted_malloc(n); }
void* operator new[](std::size_t n) { return counted_malloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    ++g_allocations;
    return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    ++g_allocations;
    return std::malloc(n == 0 ? 1 : n);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
