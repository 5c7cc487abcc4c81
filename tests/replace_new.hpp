// SPDX-License-Identifier: MIT
// Replaces every form of the global operator new and delete with two functions the including file defines,
// so that a test can count or fail allocations:
//   void* test_allocate(std::size_t n) noexcept;                          // nullptr: out of memory
//   void* test_allocate_aligned(std::size_t n, std::size_t align) noexcept;
// Memory comes from std::malloc / posix_memalign (via those functions) and goes back through std::free.
// Include it in exactly one file of a program, after declaring the two functions.
#ifndef LLMERR_TESTS_REPLACE_NEW_HPP
#define LLMERR_TESTS_REPLACE_NEW_HPP

#include <cstddef>
#include <cstdlib>
#include <new>

void* operator new(std::size_t n) {
    if (void* p = test_allocate(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = test_allocate(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return test_allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return test_allocate(n); }
void* operator new(std::size_t n, std::align_val_t a) {
    if (void* p = test_allocate_aligned(n, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
    if (void* p = test_allocate_aligned(n, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return test_allocate_aligned(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return test_allocate_aligned(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

#endif  // LLMERR_TESTS_REPLACE_NEW_HPP
