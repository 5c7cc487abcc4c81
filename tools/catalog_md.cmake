# SPDX-License-Identifier: MIT
# Writes `llmerr list --format markdown` to OUTPUT (through a .tmp file, only replacing OUTPUT when it
# changed). With -DCHECK=<committed file>, compares OUTPUT with it instead and fails when they differ.
# Usage: cmake -DLLMERR=<path to llmerr> -DOUTPUT=<file> [-DCHECK=<data/CATALOG.md>] -P catalog_md.cmake
cmake_minimum_required(VERSION 3.21)
foreach(var LLMERR OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "catalog_md.cmake: pass -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND "${LLMERR}" list --format markdown
                OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "llmerr list --format markdown failed (exit ${rc})")
endif()
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

if(DEFINED CHECK)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUTPUT}" "${CHECK}" RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "${CHECK} is stale: regenerate it with\n"
                        "  cmake --build <build> --target llmerr_catalog_md\nand commit the result.")
  endif()
endif()
