# SPDX-License-Identifier: MIT
# vcpkg overlay port for llmerr (header-only). Use: vcpkg install llmerr --overlay-ports=<llmerr>/ports
vcpkg_from_github(
    OUT_SOURCE_PATH SOURCE_PATH
    REPO llmerr/llmerr
    REF "v${VERSION}"
    SHA512 0  # set to the release tarball's SHA512 when tagging (vcpkg prints it on the first install)
    HEAD_REF main
)

set(VCPKG_BUILD_TYPE release)  # header-only: no debug tree

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DLLMERR_BUILD_TESTS=OFF
        -DLLMERR_BUILD_TOOLS=OFF
        -DLLMERR_BUILD_EXAMPLES=OFF
        -DLLMERR_BUILD_BENCHMARKS=OFF
        -DLLMERR_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME llmerr CONFIG_PATH share/cmake/llmerr)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/lib" "${CURRENT_PACKAGES_DIR}/debug" "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
