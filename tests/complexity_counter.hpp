// SPDX-License-Identifier: MIT
// Operation counts for tests/test_complexity.cpp (see tests/complexity_counter.cpp).
#ifndef LLMERR_TESTS_COMPLEXITY_COUNTER_HPP
#define LLMERR_TESTS_COMPLEXITY_COUNTER_HPP

#include <cstdint>

namespace complexity {

struct counts {
    std::uint64_t blocks = 0;       // basic blocks executed in the instrumented unit
    std::uint64_t allocations = 0;  // operator new calls
    std::uint64_t bytes = 0;        // bytes they asked for
};

void start() noexcept;
counts stop() noexcept;

}  // namespace complexity

#endif  // LLMERR_TESTS_COMPLEXITY_COUNTER_HPP
