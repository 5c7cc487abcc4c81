# SPDX-License-Identifier: MIT
# Consumption tests: install → find_package, FetchContent, add_subdirectory; install layout; versions;
# every public header self-contained; two-TU link. All offline.
set(_stage "${CMAKE_CURRENT_BINARY_DIR}/stage")
set(_consumers "${CMAKE_CURRENT_SOURCE_DIR}/cmake")
set(_pass_through --build-generator "${CMAKE_GENERATOR}"
                  --build-options "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=Release"
                                  "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}")

if(LLMERR_INSTALL)
  add_test(NAME packaging_install
    COMMAND "${CMAKE_COMMAND}" -E env DESTDIR= "${CMAKE_COMMAND}" --install "${PROJECT_BINARY_DIR}" --prefix "${_stage}")
  add_test(NAME packaging_clean_stage COMMAND "${CMAKE_COMMAND}" -E rm -rf "${_stage}")
  set_tests_properties(packaging_clean_stage PROPERTIES FIXTURES_SETUP llmerr_stage_clean LABELS packaging)
  set_tests_properties(packaging_install PROPERTIES FIXTURES_SETUP llmerr_staged FIXTURES_REQUIRED llmerr_stage_clean
                                                    LABELS packaging)

  add_test(NAME packaging_install_layout
    COMMAND "${CMAKE_COMMAND}" -DSTAGE=${_stage} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DBUILD_DIR=${PROJECT_BINARY_DIR}
            -P "${_consumers}/check_install_layout.cmake")
  set_tests_properties(packaging_install_layout PROPERTIES FIXTURES_REQUIRED llmerr_staged LABELS packaging)

  add_test(NAME consumer_find_package
    COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumers}/find_package"
            "${CMAKE_CURRENT_BINARY_DIR}/consumer_find_package" ${_pass_through} "-DCMAKE_PREFIX_PATH=${_stage}"
            --test-command consumer)
  set_tests_properties(consumer_find_package PROPERTIES FIXTURES_REQUIRED llmerr_staged LABELS packaging)
endif()

add_test(NAME consumer_fetch_content
  COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumers}/fetch_content"
          "${CMAKE_CURRENT_BINARY_DIR}/consumer_fetch_content" ${_pass_through}
          "-DFETCHCONTENT_SOURCE_DIR_LLMERR=${PROJECT_SOURCE_DIR}" "-DFETCHCONTENT_FULLY_DISCONNECTED=ON"
          --test-command consumer)
add_test(NAME consumer_add_subdirectory
  COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumers}/add_subdirectory"
          "${CMAKE_CURRENT_BINARY_DIR}/consumer_add_subdirectory" ${_pass_through}
          "-DLLMERR_SOURCE_DIR=${PROJECT_SOURCE_DIR}" --test-command consumer)
set_tests_properties(consumer_fetch_content consumer_add_subdirectory PROPERTIES LABELS packaging)

if(LLMERR_INSTALL)
  # The FetchContent consumer installs and exports its own target that links llmerr::llmerr; a third project
  # uses it (with llmerr found in the stage).
  # From an empty build directory: the consumer compares its cache before and after taking llmerr.
  add_test(NAME consumer_fetch_content_clean
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${CMAKE_CURRENT_BINARY_DIR}/consumer_fetch_content")
  set_tests_properties(consumer_fetch_content_clean PROPERTIES FIXTURES_SETUP llmerr_fetch_consumer_clean
                                                               LABELS packaging)
  set_tests_properties(consumer_fetch_content PROPERTIES FIXTURES_SETUP llmerr_fetch_consumer
                                                         FIXTURES_REQUIRED llmerr_fetch_consumer_clean)
  add_test(NAME consumer_fetch_content_export
    COMMAND "${CMAKE_COMMAND}" "-DCONSUMER_BIN=${CMAKE_CURRENT_BINARY_DIR}/consumer_fetch_content"
            "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/consumer_export" "-DSTAGE=${_stage}" "-DCONSUMERS=${_consumers}"
            "-DGENERATOR=${CMAKE_GENERATOR}" "-DCXX=${CMAKE_CXX_COMPILER}" -P "${_consumers}/consumer_export.cmake")
  set_tests_properties(consumer_fetch_content_export PROPERTIES
    FIXTURES_REQUIRED "llmerr_fetch_consumer;llmerr_staged" LABELS packaging)

  # pkg-config, from an installed tree that was moved after the install.
  find_program(LLMERR_PKG_CONFIG NAMES pkg-config pkgconf)
  mark_as_advanced(LLMERR_PKG_CONFIG)
  if(LLMERR_PKG_CONFIG)
    add_test(NAME consumer_pkg_config_relocated
      COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${PROJECT_BINARY_DIR}" "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/pkg_config"
              "-DPKG_CONFIG=${LLMERR_PKG_CONFIG}" "-DCXX=${CMAKE_CXX_COMPILER}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
              -P "${_consumers}/pkg_config_relocated.cmake")
    set_tests_properties(consumer_pkg_config_relocated PROPERTIES LABELS packaging)
  else()
    message(STATUS "pkg-config not found: the relocated pkg-config consumer test is left out")
  endif()
endif()

# LLMERR_FETCH_DEPENDENCIES=ON, offline, with a nlohmann/json source tree given as
# -DLLMERR_TEST_NLOHMANN_JSON_SOURCE=<dir> (nothing is downloaded; without the dir there is no test).
set(LLMERR_TEST_NLOHMANN_JSON_SOURCE "" CACHE PATH
    "A nlohmann/json source tree for the LLMERR_FETCH_DEPENDENCIES test (empty: no such test)")
if(LLMERR_TEST_NLOHMANN_JSON_SOURCE)
  add_test(NAME fetch_dependencies
    COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DNLOHMANN_JSON_SOURCE=${LLMERR_TEST_NLOHMANN_JSON_SOURCE}"
            "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/fetch_dependencies" "-DGENERATOR=${CMAKE_GENERATOR}"
            "-DCXX=${CMAKE_CXX_COMPILER}" -P "${_consumers}/fetch_dependencies.cmake")
  set_tests_properties(fetch_dependencies PROPERTIES LABELS packaging)
endif()

add_test(NAME version_consistent
  COMMAND "${CMAKE_COMMAND}" -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DPROJECT_VERSION=${PROJECT_VERSION}
          -P "${_consumers}/check_versions.cmake")

# Every public header compiles on its own.
file(GLOB _public_headers RELATIVE "${PROJECT_SOURCE_DIR}/include" CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/include/llmerr/*.hpp")
set(_self_contained_sources)
foreach(h IN LISTS _public_headers)
  string(MAKE_C_IDENTIFIER "${h}" id)
  set(src "${CMAKE_CURRENT_BINARY_DIR}/self_contained/${id}.cpp")
  file(CONFIGURE OUTPUT "${src}" CONTENT "#include <${h}>\n#include <${h}>\n")
  list(APPEND _self_contained_sources "${src}")
endforeach()
add_library(test_self_contained_headers OBJECT ${_self_contained_sources})
target_link_libraries(test_self_contained_headers PRIVATE llmerr::llmerr llmerr_warnings)

add_executable(test_link_two_units link_test_1.cpp link_test_2.cpp)
target_link_libraries(test_link_two_units PRIVATE llmerr::llmerr llmerr_warnings)
add_test(NAME link_two_units COMMAND test_link_two_units)

add_test(NAME readme_examples_verbatim COMMAND "${CMAKE_COMMAND}" -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                                               -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/check_readme.cmake")
