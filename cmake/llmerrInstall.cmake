# SPDX-License-Identifier: MIT
# install(): headers, the exported llmerr::llmerr target, llmerrConfig.cmake, a version file, pkg-config.
# Config goes under share/ (a header-only package has nothing arch-specific), which also suits vcpkg.
# Every rule is in the component "llmerr". With LLMERR_INSTALL=OFF (the default when llmerr is not the
# top-level project) the rules are EXCLUDE_FROM_ALL: a consumer's `cmake --install` installs none of llmerr, but
# llmerr::llmerr is in an installed export set, so the consumer can install(EXPORT) targets that link it.
include(CMakePackageConfigHelpers)

set(LLMERR_CONFIG_DIR "${CMAKE_INSTALL_DATADIR}/cmake/llmerr" CACHE STRING
    "Where llmerrConfig.cmake is installed, relative to the prefix")
set(LLMERR_PKGCONFIG_DIR "${CMAKE_INSTALL_DATADIR}/pkgconfig" CACHE STRING
    "Where llmerr.pc is installed, relative to the prefix")

set(_llmerr_component COMPONENT llmerr)
if(NOT LLMERR_INSTALL)
  list(APPEND _llmerr_component EXCLUDE_FROM_ALL)
endif()

install(TARGETS llmerr EXPORT llmerrTargets ${_llmerr_component})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/llmerr" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        ${_llmerr_component})
install(EXPORT llmerrTargets NAMESPACE llmerr:: DESTINATION "${LLMERR_CONFIG_DIR}" ${_llmerr_component})
if(PROJECT_IS_TOP_LEVEL AND NOT LLMERR_NLOHMANN_JSON_FETCHED)
  # For a project that points llmerr_DIR at this build tree. (A fetched nlohmann_json has no build-tree
  # export to refer to.)
  export(EXPORT llmerrTargets NAMESPACE llmerr:: FILE "${PROJECT_BINARY_DIR}/llmerrTargets.cmake")
endif()

# llmerr_use_providers() for installed packages: the module, the generator and the data it reads.
set(LLMERR_CATALOG_DIR "${CMAKE_INSTALL_DATADIR}/llmerr")
install(FILES "${PROJECT_SOURCE_DIR}/cmake/llmerrProviders.cmake" DESTINATION "${LLMERR_CONFIG_DIR}"
        ${_llmerr_component})
install(FILES "${PROJECT_SOURCE_DIR}/tools/gen_catalog.py" DESTINATION "${LLMERR_CATALOG_DIR}/tools"
        ${_llmerr_component})
file(GLOB _llmerr_data_files "${PROJECT_SOURCE_DIR}/data/*.json")
install(FILES ${_llmerr_data_files} DESTINATION "${LLMERR_CATALOG_DIR}/data" ${_llmerr_component})

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/llmerrConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/llmerrConfig.cmake"
  INSTALL_DESTINATION "${LLMERR_CONFIG_DIR}"
  PATH_VARS LLMERR_CATALOG_DIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/llmerrConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/llmerrConfig.cmake" "${PROJECT_BINARY_DIR}/llmerrConfigVersion.cmake"
  DESTINATION "${LLMERR_CONFIG_DIR}" ${_llmerr_component})

# pkg-config: every path relative to the .pc file's own directory (${pcfiledir}), so that an installed tree
# can be moved, or unpacked anywhere, and still be found by pkg-config and pkgconf alike.
function(_llmerr_pc_path out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${LLMERR_PKGCONFIG_DIR}")
  set(LLMERR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _llmerr_up "/prefix/${LLMERR_PKGCONFIG_DIR}" "/prefix")
  string(REGEX REPLACE "/$" "" _llmerr_up "${_llmerr_up}")
  set(LLMERR_PC_PREFIX "\${pcfiledir}/${_llmerr_up}")
endif()
_llmerr_pc_path(LLMERR_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/llmerr.pc.in" "${PROJECT_BINARY_DIR}/llmerr.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/llmerr.pc" DESTINATION "${LLMERR_PKGCONFIG_DIR}" ${_llmerr_component})

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/llmerr"
        ${_llmerr_component})
