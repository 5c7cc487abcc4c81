// SPDX-License-Identifier: MIT
// llmerr — everything: the catalogue, the parser, std::error_code integration and retry advice.
// Not included: <llmerr/exception.hpp> (needs exceptions) and <llmerr/json.hpp> (nlohmann to_json/from_json).
#ifndef LLMERR_LLMERR_HPP
#define LLMERR_LLMERR_HPP

#include <llmerr/catalog.hpp>
#include <llmerr/category.hpp>
#include <llmerr/error_code.hpp>
#include <llmerr/parse.hpp>
#include <llmerr/provider.hpp>
#include <llmerr/retry.hpp>
#include <llmerr/url.hpp>
#include <llmerr/version.hpp>

#endif  // LLMERR_LLMERR_HPP
