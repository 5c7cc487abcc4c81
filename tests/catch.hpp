// SPDX-License-Identifier: MIT
// Catch2 v2 / v3 shim: the tests build with Debian's Catch2 2.13 and with Catch2 v3.
#ifndef LLMERR_TESTS_CATCH_HPP
#define LLMERR_TESTS_CATCH_HPP

#if defined(LLMERR_CATCH2_V3)
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif  // LLMERR_TESTS_CATCH_HPP
