# SPDX-License-Identifier: MIT
# std::error_code bridge, api_error, retry advice, and the -fno-exceptions build. Included from
# tests/CMakeLists.txt (it uses llmerr_add_test from there).
llmerr_add_test(test_error_code test_error_code.cpp)
llmerr_add_test(test_retry test_retry.cpp)
find_package(Threads REQUIRED)
target_link_libraries(test_retry PRIVATE Threads::Threads)  # the budget's thread-safety test

# parse, error_code and retry without exceptions: a plain main(), since Catch2 needs exceptions.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_executable(test_no_exceptions test_no_exceptions.cpp)
  target_link_libraries(test_no_exceptions PRIVATE llmerr::llmerr llmerr_warnings)
  target_compile_options(test_no_exceptions PRIVATE -fno-exceptions)
  target_compile_definitions(test_no_exceptions PRIVATE JSON_NOEXCEPTION)
  add_test(NAME no_exceptions COMMAND test_no_exceptions)
endif()
