// SPDX-License-Identifier: MIT
// llmerr — namespace macros.
//
// The public namespace is `llmerr`; its contents live in an inline namespace named after the version
// (llmerr::v0_1_0), because the catalogue changes with every release: two versions linked into one
// program then stay two distinct sets of symbols instead of a silent ODR violation. Define
// LLMERR_DISABLE_ABI_NAMESPACE to drop the inline namespace.
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

#endif  // LLMERR_CONFIG_HPP
