# SPDX-License-Identifier: MIT
# The catalogue-only example, and the cpp-httplib example when Debian's libcpp-httplib-dev is installed.
add_executable(example_lookup lookup.cpp)
target_link_libraries(example_lookup PRIVATE llmerr::llmerr llmerr_warnings)
if(LLMERR_BUILD_TESTS)
  add_test(NAME example_lookup COMMAND example_lookup)
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(CPP_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
endif()
find_package(Threads)
if(CPP_HTTPLIB_FOUND AND Threads_FOUND)
  add_executable(example_httplib_client httplib_client.cpp)
  target_link_libraries(example_httplib_client PRIVATE llmerr::llmerr llmerr_warnings PkgConfig::CPP_HTTPLIB
                                                       Threads::Threads)
  if(LLMERR_BUILD_TESTS)
    add_test(NAME example_httplib_client COMMAND example_httplib_client)
  endif()
else()
  message(STATUS "llmerr: cpp-httplib not found (apt-get install libcpp-httplib-dev); skipping its example")
endif()
