#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/catch2_v3_check.sh CATCH2_SOURCE_DIR [WORK_DIR]
# Builds Catch2 v3 from its source tree (a checkout or release archive of catchorg/Catch2, v3.x), installs it
# under WORK_DIR (default build/catch2-v3), then builds llmerr's whole test suite against it (warnings as
# errors, as the presets do) and runs it: CTest, then tools/count_tests.sh (every Catch2 entry ran assertions).
# Debian 12 ships Catch2 2.13, which the presets use; Ubuntu 24.04 and Debian 13 ship v3.
set -euo pipefail
catch2_src=$(realpath "${1:?usage: tools/catch2_v3_check.sh CATCH2_SOURCE_DIR [WORK_DIR]}")
cd "$(dirname "$0")/.."
work=$(realpath -m "${2:-build/catch2-v3}")
jobs=${JOBS:-2}

cmake -S "$catch2_src" -B "$work/catch2-build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
  -DCATCH_INSTALL_DOCS=OFF -DCATCH_INSTALL_EXTRAS=ON -DCMAKE_INSTALL_PREFIX="$work/catch2"
cmake --build "$work/catch2-build" -j "$jobs"
cmake --install "$work/catch2-build" >/dev/null
version=$(sed -nE 's/^set\(PACKAGE_VERSION "([^"]+)"\)$/\1/p' "$work"/catch2/lib*/cmake/Catch2/Catch2ConfigVersion.cmake)
case "$version" in
  3.*) echo "catch2_v3_check: Catch2 $version installed in $work/catch2" ;;
  *) echo "catch2_v3_check: $catch2_src is Catch2 '$version', not v3" >&2; exit 1 ;;
esac

cmake -S . -B "$work/llmerr" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLLMERR_WERROR=ON \
  -DCMAKE_PREFIX_PATH="$work/catch2" -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON
grep -q "^Catch2_DIR:PATH=$work/catch2" "$work/llmerr/CMakeCache.txt" ||
  { echo "catch2_v3_check: the tests did not pick the Catch2 built here" >&2; exit 1; }
cmake --build "$work/llmerr" -j "$jobs"
ctest --test-dir "$work/llmerr" -j "$jobs" --output-on-failure --no-tests=error
tools/count_tests.sh "$work/llmerr"
echo "catch2_v3_check: the whole suite built and passed with Catch2 $version"
