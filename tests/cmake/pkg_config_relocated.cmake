# SPDX-License-Identifier: MIT
# cmake -DBUILD_DIR=<llmerr build> -DWORK=<dir> -DPKG_CONFIG=<pkg-config> -DCXX=<compiler> -DSOURCE_DIR=<src>
#       -P pkg_config_relocated.cmake
# Installs llmerr to one prefix, moves the whole tree elsewhere, then compiles and runs a consumer with nothing
# but the flags `pkg-config --cflags llmerr` gives: llmerr.pc must not remember where it was installed.
file(REMOVE_RECURSE "${WORK}")
set(before "${WORK}/installed-here")
set(after "${WORK}/moved-there")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${before}" --component llmerr
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
file(RENAME "${before}" "${after}")

file(GLOB_RECURSE pc "${after}/*/llmerr.pc")
list(LENGTH pc n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one llmerr.pc under ${after}, found: ${pc}")
endif()
get_filename_component(pcdir "${pc}" DIRECTORY)
file(READ "${pc}" text)
message(STATUS "llmerr.pc:\n${text}")
string(FIND "${text}" "${before}" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "llmerr.pc names the prefix it was installed to: ${before}")
endif()

# nlohmann_json.pc (Requires:) is wherever the system keeps it; ours comes first.
set(ENV{PKG_CONFIG_PATH} "${pcdir}:$ENV{PKG_CONFIG_PATH}")
execute_process(COMMAND "${PKG_CONFIG}" --cflags llmerr OUTPUT_VARIABLE cflags RESULT_VARIABLE rc
                ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags llmerr failed: ${err}")
endif()
message(STATUS "pkg-config --cflags llmerr: ${cflags}")
execute_process(COMMAND "${PKG_CONFIG}" --modversion llmerr OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "pkg-config --modversion llmerr: ${version}")
string(FIND "${cflags}" "-I${after}/include" at)
if(at EQUAL -1)
  # pkg-config may print the path unnormalised (…/share/pkgconfig/../../include): resolve what it printed.
  string(REGEX MATCH "-I([^ ]*)" _ "${cflags}")
  get_filename_component(resolved "${CMAKE_MATCH_1}" REALPATH)
  get_filename_component(expected "${after}/include" REALPATH)
  if(NOT resolved STREQUAL expected)
    message(FATAL_ERROR "pkg-config --cflags llmerr gave '${cflags}', not the moved tree's include/")
  endif()
endif()

separate_arguments(cflags UNIX_COMMAND "${cflags}")
execute_process(COMMAND "${CXX}" -std=c++17 ${cflags} "${SOURCE_DIR}/tests/cmake/consumer.cpp" -o "${WORK}/consumer"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer did not compile with pkg-config's flags")
endif()
execute_process(COMMAND "${WORK}/consumer" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer failed (${rc})")
endif()
message(STATUS "relocated install found through pkg-config: ok")
