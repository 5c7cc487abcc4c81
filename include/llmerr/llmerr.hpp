// SPDX-License-Identifier: MIT
// llmerr — everything: the catalogue, the parser, std::error_code integration and retry advice.
#ifndef LLMERR_LLMERR_HPP
#define LLMERR_LLMERR_HPP

#include <llmerr/version.hpp>
#include <llmerr/provider.hpp>
#include <llmerr/category.hpp>
#include <llmerr/catalog.hpp>
#include <llmerr/url.hpp>
#include <llmerr/parse.hpp>

#endif  // LLMERR_LLMERR_HPP
