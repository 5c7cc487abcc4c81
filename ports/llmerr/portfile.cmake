# SPDX-License-Identifier: MIT
# vcpkg port for llmerr: header-only, plus the `llmerr` command-line tool with the feature "tool".
# Use from a checkout: vcpkg install llmerr --overlay-ports=<llmerr>/ports (tools/vcpkg_port_check.sh runs it).
# tools/release.sh writes SHA512: that of the release's source archive (git archive of the tag vVERSION).
vcpkg_from_github(
    OUT_SOURCE_PATH SOURCE_PATH
    REPO llmerr/llmerr
    REF "v${VERSION}"
    SHA512 0
    HEAD_REF main
)

# Nothing differs between debug and release in the headers, and the tool is wanted in release only.
set(VCPKG_BUILD_TYPE release)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
    FEATURES
        tool LLMERR_BUILD_TOOLS
)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        ${FEATURE_OPTIONS}
        -DLLMERR_INSTALL=ON
        -DLLMERR_BUILD_TESTS=OFF
        -DLLMERR_BUILD_EXAMPLES=OFF
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/llmerr)
vcpkg_fixup_pkgconfig()

if("tool" IN_LIST FEATURES)
    vcpkg_copy_tools(TOOL_NAMES llmerr AUTO_CLEAN)
endif()

# The install puts LICENSE under share/doc/llmerr; vcpkg's copy is share/llmerr/copyright.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
