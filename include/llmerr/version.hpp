// SPDX-License-Identifier: MIT
// llmerr — version macros. CMake reads them from here: this header is the single source of truth.
#ifndef LLMERR_VERSION_HPP
#define LLMERR_VERSION_HPP

#define LLMERR_VERSION_MAJOR 0
#define LLMERR_VERSION_MINOR 1
#define LLMERR_VERSION_PATCH 0
#define LLMERR_VERSION_STRING "0.1.0"

#endif  // LLMERR_VERSION_HPP
