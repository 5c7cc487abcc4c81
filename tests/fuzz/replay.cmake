# SPDX-License-Identifier: MIT
# Replays the fuzz corpus as ordinary tests, with any compiler and no libFuzzer: each fuzz target is linked
# with replay_main.cpp (LLMERR_FUZZ_LINKMAIN) and run over tests/fuzz/corpus/<target>/ and
# tests/fuzz/regressions/<target>/. Sanitizers come from the configuration (presets asan-gcc, asan-clang).
#
# Use from tests/CMakeLists.txt:
#   include("${PROJECT_SOURCE_DIR}/tests/fuzz/replay.cmake")
#   llmerr_add_fuzz_replay_tests()        # all targets: ctest names fuzz_replay_parse, fuzz_replay_sse, …
# or llmerr_add_fuzz_replay(fuzz_parse)  # one target
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/targets.cmake")

function(llmerr_add_fuzz_replay target)
  string(REGEX REPLACE "^fuzz_" "" _short "${target}")
  set(_exe fuzz_replay_${_short})
  add_executable(${_exe} "${LLMERR_FUZZ_DIR}/${target}.cpp" "${LLMERR_FUZZ_DIR}/replay_main.cpp")
  target_link_libraries(${_exe} PRIVATE llmerr::llmerr llmerr_warnings)
  target_compile_definitions(${_exe} PRIVATE LLMERR_FUZZ_LINKMAIN)
  llmerr_fuzz_target_settings(${target} ${_exe})
  llmerr_fuzz_inputs(${target} _inputs)
  if(NOT _inputs)
    message(FATAL_ERROR "no corpus for ${target} under ${LLMERR_FUZZ_DIR}/corpus/")
  endif()
  add_test(NAME ${_exe} COMMAND ${_exe} ${_inputs})
  set_tests_properties(${_exe} PROPERTIES LABELS fuzz)
endfunction()

function(llmerr_add_fuzz_replay_tests)
  foreach(_target IN LISTS LLMERR_FUZZ_TARGETS)
    llmerr_add_fuzz_replay(${_target})
  endforeach()
endfunction()
