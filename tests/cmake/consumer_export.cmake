# SPDX-License-Identifier: MIT
# cmake -DCONSUMER_BIN=<build dir of tests/cmake/fetch_content> -DWORK=<dir> -DSTAGE=<llmerr install prefix>
#       -DCONSUMERS=<tests/cmake> -DGENERATOR=<gen> -DCXX=<compiler> -P consumer_export.cmake
# Run after the FetchContent consumer was built: it re-checks no globbed directories on a build, installs
# (llmerr's own files stay out: LLMERR_INSTALL is OFF there), and its exported target works downstream.
if(EXISTS "${CONSUMER_BIN}/CMakeFiles/VerifyGlobs.cmake")
  message(FATAL_ERROR "the FetchContent consumer's build re-checks globbed directories on every build")
endif()
set(prefix "${WORK}/consumer-prefix")
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${CONSUMER_BIN}" --prefix "${prefix}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installing the FetchContent consumer failed")
endif()
if(EXISTS "${prefix}/include/llmerr" OR EXISTS "${prefix}/share/cmake/llmerr")
  message(FATAL_ERROR "the consumer's install installed llmerr although LLMERR_INSTALL is OFF")
endif()
file(READ "${prefix}/share/cmake/consumer/consumerTargets.cmake" targets)
if(NOT targets MATCHES "llmerr::llmerr")
  message(FATAL_ERROR "consumerTargets.cmake does not name llmerr::llmerr")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${CONSUMERS}/downstream" -B "${WORK}/downstream" -G "${GENERATOR}"
          "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PREFIX_PATH=${prefix};${STAGE}"
  RESULT_VARIABLE rc)
if(rc EQUAL 0)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK}/downstream" RESULT_VARIABLE rc)
endif()
if(rc EQUAL 0)
  execute_process(COMMAND "${WORK}/downstream/downstream" RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a project using the consumer's exported target failed (${rc})")
endif()
message(STATUS "the FetchContent consumer installed and exported its own target linking llmerr::llmerr: ok")
