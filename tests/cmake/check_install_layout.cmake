# SPDX-License-Identifier: MIT
# cmake -DSTAGE=<prefix> -DSOURCE_DIR=<src> -DBUILD_DIR=<build> -P check_install_layout.cmake
# The installed tree is what a header-only package (and the vcpkg port) should look like.
foreach(f include/llmerr/llmerr.hpp include/llmerr/catalog.hpp include/llmerr/generated/catalog_table.hpp
          share/cmake/llmerr/llmerrConfig.cmake share/cmake/llmerr/llmerrConfigVersion.cmake
          share/cmake/llmerr/llmerrTargets.cmake share/pkgconfig/llmerr.pc)
  if(NOT EXISTS "${STAGE}/${f}")
    message(FATAL_ERROR "missing from the install: ${f}")
  endif()
endforeach()
if(EXISTS "${STAGE}/lib" OR EXISTS "${STAGE}/lib64")
  message(FATAL_ERROR "a header-only install must not create lib/")
endif()
file(GLOB_RECURSE cmake_files "${STAGE}/share/*.cmake" "${STAGE}/share/*.pc")
foreach(f IN LISTS cmake_files)
  file(READ "${f}" text)
  foreach(leak "${SOURCE_DIR}" "${BUILD_DIR}")
    string(FIND "${text}" "${leak}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${f} mentions a build path: ${leak}")
    endif()
  endforeach()
endforeach()
file(READ "${STAGE}/share/cmake/llmerr/llmerrConfig.cmake" config)
if(NOT config MATCHES "find_dependency\\(nlohmann_json")
  message(FATAL_ERROR "llmerrConfig.cmake does not find_dependency(nlohmann_json)")
endif()
file(READ "${STAGE}/share/cmake/llmerr/llmerrConfigVersion.cmake" version)
# ARCH_INDEPENDENT: a header-only package fits 32- and 64-bit consumers alike.
string(FIND "${version}" "if(\"TRUE\")" arch_independent)
if(arch_independent EQUAL -1)
  message(FATAL_ERROR "llmerrConfigVersion.cmake is not ARCH_INDEPENDENT")
endif()
message(STATUS "install layout ok: ${STAGE}")
