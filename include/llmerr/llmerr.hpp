// SPDX-License-Identifier: MIT
// llmerr — everything that costs only the standard library: the catalogue, the parser, llm_error and its
// text form (operator<<, std::format), std::error_code integration and retry advice.
//
// Not included, on purpose: <llmerr/exception.hpp> (throws: unusable with -fno-exceptions) and
// <llmerr/json.hpp> (needs nlohmann/json, a third-party include this header never imposes).
#ifndef LLMERR_LLMERR_HPP
#define LLMERR_LLMERR_HPP

#include <llmerr/catalog.hpp>
#include <llmerr/category.hpp>
#include <llmerr/error.hpp>
#include <llmerr/error_code.hpp>
#include <llmerr/format.hpp>
#include <llmerr/parse.hpp>
#include <llmerr/provider.hpp>
#include <llmerr/retry.hpp>
#include <llmerr/url.hpp>
#include <llmerr/version.hpp>

#endif  // LLMERR_LLMERR_HPP
