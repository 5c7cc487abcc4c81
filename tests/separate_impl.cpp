// SPDX-License-Identifier: MIT
// The one TU that compiles the parser for test_samples_separate (LLMERR_SEPARATE_COMPILATION: config.hpp).
#define LLMERR_IMPLEMENTATION
#include <llmerr/llmerr.hpp>
