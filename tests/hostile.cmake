# SPDX-License-Identifier: MIT
# Hostile-conditions tests (issue #14): allocation failure, operation counts (complexity), and the retry
# budget shared by threads (run under ThreadSanitizer by the `tsan` preset). Included from
# tests/CMakeLists.txt.
llmerr_add_test(test_alloc_failure test_alloc_failure.cpp)
# Its replaced operator new/delete use malloc/free, which GCC's inliner takes for a new/free mismatch.
target_compile_options(test_alloc_failure PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-mismatched-new-delete>)

# Operation counts: test_complexity.cpp is instrumented with -fsanitize-coverage=trace-pc (a call at every
# basic block), complexity_counter.cpp counts them. GCC and clang only.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  llmerr_add_test(test_complexity test_complexity.cpp complexity_counter.cpp)
  set_source_files_properties(test_complexity.cpp PROPERTIES COMPILE_OPTIONS "-fsanitize-coverage=trace-pc")
endif()

# Threads sharing a retry_budget; the `tsan` preset runs it under ThreadSanitizer.
find_package(Threads REQUIRED)
llmerr_add_test(test_concurrency test_concurrency.cpp)
target_link_libraries(test_concurrency PRIVATE Threads::Threads)
