// SPDX-License-Identifier: MIT
// <llmerr/catalog.hpp> must stand alone and pull in no third-party header: users who only look codes up
// never pay for JSON.
#include <llmerr/catalog.hpp>

#if defined(INCLUDE_NLOHMANN_JSON_HPP_) || defined(NLOHMANN_JSON_VERSION_MAJOR)
#error "<llmerr/catalog.hpp> must not include nlohmann/json"
#endif
#if defined(_GLIBCXX_SYSTEM_ERROR) || defined(_LIBCPP_SYSTEM_ERROR)
#error "<llmerr/catalog.hpp> must not include <system_error>"
#endif
#if defined(_GLIBCXX_STRING) || defined(_LIBCPP_STRING)
#error "<llmerr/catalog.hpp> must not include <string>"
#endif

int main() { return llmerr::entries().empty() ? 1 : 0; }
