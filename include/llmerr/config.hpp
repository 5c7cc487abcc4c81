// SPDX-License-Identifier: MIT
// llmerr — namespace macros.
//
// The public namespace is `llmerr`; its contents live in an inline namespace named after the version
// (llmerr::v0_1_0), because the catalogue changes with every release: two versions linked into one
// program then stay two distinct sets of symbols instead of a silent ODR violation. Define
// LLMERR_DISABLE_ABI_NAMESPACE to drop the inline namespace.
//
// Separate compilation (optional): the parser is a few thousand lines of inline code, compiled at -O2 in
// every translation unit that calls parse() or find_error(). Define LLMERR_SEPARATE_COMPILATION in every TU
// of a program (CMake: target_compile_definitions(app PRIVATE LLMERR_SEPARATE_COMPILATION)) and the headers
// only declare the parser; exactly one TU compiles it, by defining LLMERR_IMPLEMENTATION before including
// <llmerr/llmerr.hpp>. The API and its results are the same. All TUs of a program or none: mixing the two
// modes defines the parser's entry points both inline and not (an ODR violation).
#ifndef LLMERR_CONFIG_HPP
#define LLMERR_CONFIG_HPP

#include <llmerr/version.hpp>

#define LLMERR_ABI_NAME_IMPL_(major, minor, patch) v##major##_##minor##_##patch
#define LLMERR_ABI_NAME_(major, minor, patch) LLMERR_ABI_NAME_IMPL_(major, minor, patch)

#ifdef LLMERR_DISABLE_ABI_NAMESPACE
#define LLMERR_BEGIN_NAMESPACE namespace llmerr {
#define LLMERR_END_NAMESPACE }
#else
#define LLMERR_BEGIN_NAMESPACE \
    namespace llmerr {         \
    inline namespace LLMERR_ABI_NAME_(LLMERR_VERSION_MAJOR, LLMERR_VERSION_MINOR, LLMERR_VERSION_PATCH) {
#define LLMERR_END_NAMESPACE \
    }                        \
    }
#endif

// Whether this TU compiles the parser's definitions (always, unless LLMERR_SEPARATE_COMPILATION is defined
// and this is not the one LLMERR_IMPLEMENTATION TU), and how its two entry points are declared: inline in a
// header-only build, ordinary external functions in the implementation TU.
#if !defined(LLMERR_SEPARATE_COMPILATION) || defined(LLMERR_IMPLEMENTATION)
#define LLMERR_PARSER_DEFINITIONS 1
#else
#define LLMERR_PARSER_DEFINITIONS 0
#endif
#if defined(LLMERR_SEPARATE_COMPILATION)
#define LLMERR_PARSER_ENTRY
#else
#define LLMERR_PARSER_ENTRY inline
#endif

// A rarely taken path (a broken body, a fallback): kept out of line and optimised for size, so that it does not
// grow the functions every parse runs.
#if defined(__GNUC__)
#define LLMERR_COLD __attribute__((cold, noinline))
#else
#define LLMERR_COLD
#endif

// A loop asked only in a rare case: out of line, and compiled small where the compiler can be told so for one
// function (clang's minsize; g++ has no per-function equivalent that keeps its speed).
#if defined(__clang__)
#define LLMERR_SMALL __attribute__((noinline, minsize))
#elif defined(__GNUC__)
#define LLMERR_SMALL __attribute__((noinline))
#else
#define LLMERR_SMALL
#endif

// A small helper called from many places: one copy, not one inlined at each call (clang inlined the string
// moves of `take` into every envelope's branch).
#if defined(__GNUC__)
#define LLMERR_NOINLINE __attribute__((noinline))
#else
#define LLMERR_NOINLINE
#endif

#endif  // LLMERR_CONFIG_HPP
