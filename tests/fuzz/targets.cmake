# SPDX-License-Identifier: MIT
# The fuzz targets and where their inputs live; shared by CMakeLists.txt (libFuzzer) and replay.cmake.
set(LLMERR_FUZZ_TARGETS fuzz_parse fuzz_find_error fuzz_sse fuzz_match fuzz_differential)
set(LLMERR_FUZZ_DIR "${CMAKE_CURRENT_LIST_DIR}")

# The input directories of `target` that exist: corpus/<target> and regressions/<target>.
function(llmerr_fuzz_inputs target out_var)
  set(_dirs "")
  foreach(_kind corpus regressions)
    if(IS_DIRECTORY "${LLMERR_FUZZ_DIR}/${_kind}/${target}")
      list(APPEND _dirs "${LLMERR_FUZZ_DIR}/${_kind}/${target}")
    endif()
  endforeach()
  set(${out_var} ${_dirs} PARENT_SCOPE)
endfunction()
