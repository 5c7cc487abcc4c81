# SPDX-License-Identifier: MIT
# Runs `llmerr classify --meta X.meta.json X.body` for every sample in SAMPLES, then
# `llmerr classify --jsonl SAMPLES/log.jsonl --summary-only`.
# Usage: cmake -DLLMERR=<path to llmerr> -DSAMPLES=<data/samples> -P demo.cmake
cmake_minimum_required(VERSION 3.21)
foreach(var LLMERR SAMPLES)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "demo.cmake: pass -D${var}=...")
  endif()
endforeach()

file(GLOB bodies LIST_DIRECTORIES false "${SAMPLES}/*.body")
list(SORT bodies)
foreach(body IN LISTS bodies)
  get_filename_component(name "${body}" NAME_WE)
  execute_process(COMMAND ${CMAKE_COMMAND} -E echo "")
  execute_process(COMMAND ${CMAKE_COMMAND} -E echo "==== ${name}")
  execute_process(COMMAND "${LLMERR}" classify --meta "${SAMPLES}/${name}.meta.json" "${body}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "llmerr classify failed on ${name} (exit ${rc})")
  endif()
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -E echo "")
execute_process(COMMAND ${CMAKE_COMMAND} -E echo "==== log.jsonl (3 bad lines on purpose)")
execute_process(COMMAND "${LLMERR}" classify --jsonl "${SAMPLES}/log.jsonl" --summary-only RESULT_VARIABLE rc)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "llmerr classify --jsonl: expected exit 1 (bad lines), got ${rc}")
endif()
