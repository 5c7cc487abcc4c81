# SPDX-License-Identifier: MIT
# cmake -DSOURCE_DIR=<llmerr src> -DNLOHMANN_JSON_SOURCE=<nlohmann/json src> -DWORK=<dir> [-DGENERATOR=Ninja]
#       [-DCXX=g++] -P fetch_dependencies.cmake
# llmerr with LLMERR_FETCH_DEPENDENCIES=ON on a machine where find_package(nlohmann_json) finds nothing:
# configure, build (the examples), install, and build a find_package consumer against the installed prefix,
# which must hold nlohmann_json too. Offline: FetchContent takes the given source tree.
if(NOT GENERATOR)
  set(GENERATOR Ninja)
endif()
set(gen_args -G "${GENERATOR}")
if(CXX)
  list(APPEND gen_args "-DCMAKE_CXX_COMPILER=${CXX}")
endif()
file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc})")
  endif()
endfunction()

run("configure with LLMERR_FETCH_DEPENDENCIES=ON"
  "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK}/build" ${gen_args} -DCMAKE_BUILD_TYPE=Release
  -DLLMERR_FETCH_DEPENDENCIES=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
  "-DFETCHCONTENT_SOURCE_DIR_NLOHMANN_JSON=${NLOHMANN_JSON_SOURCE}" -DFETCHCONTENT_FULLY_DISCONNECTED=ON
  -DLLMERR_BUILD_TESTS=OFF -DLLMERR_BUILD_TOOLS=OFF -DLLMERR_BUILD_EXAMPLES=ON)
run("build" "${CMAKE_COMMAND}" --build "${WORK}/build")
run("install" "${CMAKE_COMMAND}" --install "${WORK}/build" --prefix "${prefix}")

file(GLOB_RECURSE json_config "${prefix}/*/nlohmann_jsonConfig.cmake")
if(NOT json_config OR NOT EXISTS "${prefix}/include/nlohmann/json.hpp" OR NOT EXISTS "${prefix}/include/llmerr/llmerr.hpp")
  message(FATAL_ERROR "the install lacks llmerr or the fetched nlohmann_json (config: '${json_config}')")
endif()

run("the find_package consumer (configure)"
  "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/cmake/find_package" -B "${WORK}/consumer" ${gen_args}
  "-DCMAKE_PREFIX_PATH=${prefix}")
file(STRINGS "${WORK}/consumer/CMakeCache.txt" json_dir REGEX "^nlohmann_json_DIR:")
string(FIND "${json_dir}" "${prefix}/" at)
if(NOT at GREATER -1)
  message(FATAL_ERROR "the consumer found nlohmann_json elsewhere than the install: ${json_dir}")
endif()
run("the find_package consumer (build)" "${CMAKE_COMMAND}" --build "${WORK}/consumer")
run("the find_package consumer (run)" "${WORK}/consumer/consumer")
message(STATUS "LLMERR_FETCH_DEPENDENCIES=ON: configured, built, installed with nlohmann_json fetched; "
               "consumer ok (${json_dir})")
