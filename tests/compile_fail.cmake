# SPDX-License-Identifier: MIT
# Compile-fail tests: parse() / find_error() with a headers type they do not accept must stop at the
# static_assert in <llmerr/parse.hpp>, whose message the test looks for. The failing targets are excluded
# from `all`; each test builds one in this build tree (the tests share a lock: one build at a time).
set(_cf_dir "${CMAKE_CURRENT_SOURCE_DIR}/compile_fail")

add_executable(compile_ok_headers "${_cf_dir}/headers_type.cpp")
target_link_libraries(compile_ok_headers PRIVATE llmerr::llmerr llmerr_warnings)
add_test(NAME compile_ok_headers COMMAND compile_ok_headers)

foreach(_case 1 2)
  add_executable(compile_fail_headers_${_case} EXCLUDE_FROM_ALL "${_cf_dir}/headers_type.cpp")
  target_link_libraries(compile_fail_headers_${_case} PRIVATE llmerr::llmerr)
  target_compile_definitions(compile_fail_headers_${_case} PRIVATE LLMERR_BAD_HEADERS=${_case})
  add_test(NAME compile_fail_headers_${_case}
    COMMAND "${CMAKE_COMMAND}" --build "${CMAKE_BINARY_DIR}" --target compile_fail_headers_${_case} --config $<CONFIG>)
  set_tests_properties(compile_fail_headers_${_case} PROPERTIES
    PASS_REGULAR_EXPRESSION "the headers argument must be a range of name/value pairs"
    RESOURCE_LOCK llmerr_build_tree LABELS compile_fail)
endforeach()
