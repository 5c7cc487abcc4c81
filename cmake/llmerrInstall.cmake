# SPDX-License-Identifier: MIT
# install(): headers, the exported llmerr::llmerr target, llmerrConfig.cmake, a version file, pkg-config.
# Config goes under share/ (a header-only package has nothing arch-specific), which also suits vcpkg.
include(CMakePackageConfigHelpers)

set(LLMERR_CONFIG_DIR "${CMAKE_INSTALL_DATADIR}/cmake/llmerr" CACHE STRING
    "Where llmerrConfig.cmake is installed, relative to the prefix")

install(TARGETS llmerr EXPORT llmerrTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/llmerr" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT llmerrTargets NAMESPACE llmerr:: DESTINATION "${LLMERR_CONFIG_DIR}")
export(EXPORT llmerrTargets NAMESPACE llmerr:: FILE "${PROJECT_BINARY_DIR}/llmerrTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/llmerrConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/llmerrConfig.cmake"
  INSTALL_DESTINATION "${LLMERR_CONFIG_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/llmerrConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/llmerrConfig.cmake" "${PROJECT_BINARY_DIR}/llmerrConfigVersion.cmake"
  DESTINATION "${LLMERR_CONFIG_DIR}")

configure_file("${PROJECT_SOURCE_DIR}/cmake/llmerr.pc.in" "${PROJECT_BINARY_DIR}/llmerr.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/llmerr.pc" DESTINATION "${CMAKE_INSTALL_DATADIR}/pkgconfig")

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/llmerr")
