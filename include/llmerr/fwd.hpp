// SPDX-License-Identifier: MIT
// llmerr — forward declarations of the public types, for headers that only pass them around:
//
//   #include <llmerr/fwd.hpp>
//   void report(const llmerr::llm_error& e);        // an SDK's header: no parser, no catalogue, no <string>
//   void on_provider(llmerr::provider p);           // enums are complete: their underlying type is fixed here
//
// Everything is declared inside the versioned inline namespace (see config.hpp), exactly as the defining
// headers declare it. Costs <cstdint> and config.hpp.
#ifndef LLMERR_FWD_HPP
#define LLMERR_FWD_HPP

#include <cstdint>  // std::uint8_t

#include <llmerr/config.hpp>

LLMERR_BEGIN_NAMESPACE

enum class provider : std::uint8_t;      // <llmerr/provider.hpp>
enum class category : std::uint8_t;      // <llmerr/category.hpp>
enum class retry_hint : std::uint8_t;    // <llmerr/category.hpp>
enum class envelope : std::uint8_t;      // <llmerr/error.hpp>
enum class evidence : std::uint8_t;      // <llmerr/error.hpp>
enum class retry_reason : std::uint8_t;  // <llmerr/retry.hpp>

struct llm_error;       // <llmerr/error.hpp>
struct catalog_text;    // <llmerr/catalog.hpp>
struct catalog_entry;   // <llmerr/catalog.hpp>
struct api_info;        // <llmerr/catalog.hpp>
struct entry_range;     // <llmerr/catalog.hpp>
struct retry_policy;    // <llmerr/retry.hpp>
struct retry_decision;  // <llmerr/retry.hpp>
class retry_budget;     // <llmerr/retry.hpp>
class api_error;        // <llmerr/exception.hpp>

LLMERR_END_NAMESPACE

#endif  // LLMERR_FWD_HPP
