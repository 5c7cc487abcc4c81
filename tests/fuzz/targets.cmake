# SPDX-License-Identifier: MIT
# The fuzz targets and where their inputs live; shared by CMakeLists.txt (libFuzzer) and replay.cmake.
set(LLMERR_FUZZ_TARGETS fuzz_parse fuzz_find_error fuzz_sse fuzz_match fuzz_differential
    fuzz_advise fuzz_from_json fuzz_headers fuzz_format fuzz_jsonl)
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

# Settings of `exe`, built from `target`'s source, that both builds need: fuzz_jsonl reads the CLI's
# tools/cli_jsonl.hpp. Under GCC's UBSan, float-cast-overflow is added: GCC's -fsanitize=undefined leaves it
# out (clang's includes it), and advise()/from_json() are fuzzed for exactly that.
function(llmerr_fuzz_target_settings target exe)
  if(target STREQUAL "fuzz_jsonl")
    target_include_directories(${exe} PRIVATE "${LLMERR_FUZZ_DIR}/../../tools")
  endif()
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*undefined")
    target_compile_options(${exe} PRIVATE -fsanitize=float-cast-overflow)
  endif()
endfunction()
