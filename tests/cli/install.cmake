# SPDX-License-Identifier: MIT
# The tool's install: STAGE (made by the packaging_install test) holds the program, its man page and its
# completions where man, bash-completion and zsh look for them. With STRIP_STAGE: `cmake --install BUILD
# --strip` there leaves a program without a symbol table (checked with readelf, where it exists).
cmake_minimum_required(VERSION 3.21)
set(failed "")
foreach(f bin/llmerr share/man/man1/llmerr.1 share/bash-completion/completions/llmerr share/zsh/site-functions/_llmerr)
  if(NOT EXISTS "${STAGE}/${f}")
    string(APPEND failed "not installed: ${f}\n")
  endif()
endforeach()
if(DEFINED STRIP_STAGE)
  file(REMOVE_RECURSE "${STRIP_STAGE}")
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${STRIP_STAGE}" --strip
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(APPEND failed "cmake --install --strip: exit ${rc}\n${err}\n")
  endif()
  find_program(READELF readelf)
  if(READELF AND EXISTS "${STRIP_STAGE}/bin/llmerr")
    execute_process(COMMAND "${READELF}" -S "${STRIP_STAGE}/bin/llmerr" OUTPUT_VARIABLE sections)
    if(sections MATCHES "[.]symtab" OR sections MATCHES "[.]debug_")
      string(APPEND failed "cmake --install --strip left a symbol table or debug information in bin/llmerr\n")
    endif()
  endif()
endif()
if(failed)
  message(FATAL_ERROR "${failed}")
endif()
