#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/vcpkg_port_check.sh — run ports/llmerr with a real vcpkg, as it will run after a release:
#   1. make the source archive of the current tree (git archive of HEAD plus uncommitted changes to tracked
#      files), named as vcpkg_from_github names the release's download, and put it in vcpkg's download cache;
#   2. copy the port to a temporary overlay with that archive's real SHA512;
#   3. `vcpkg install llmerr[tool]` in classic mode (into a temporary install root, no binary cache), check the
#      headers, config, pkg-config file, usage and tool;
#   4. build and run a manifest-mode consumer (tests/cmake/vcpkg_manifest) with vcpkg's toolchain file.
# Needs VCPKG_ROOT (a vcpkg root with the vcpkg program built); without it, says so and exits 0. Other ports
# come from VCPKG_ROOT/ports, or from overlays given in VCPKG_OVERLAY_PORTS as usual (offline: a nlohmann-json
# overlay built from a local source tree). Set VCPKG_PORT_CHECK_KEEP=1 to keep the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD

if [[ -z "${VCPKG_ROOT:-}" ]]; then
  echo "vcpkg_port_check: VCPKG_ROOT is not set; the vcpkg port was not checked."
  exit 0
fi
vcpkg=${VCPKG_EXE:-$VCPKG_ROOT/vcpkg}
[[ -x "$vcpkg" ]] || { echo "vcpkg_port_check: no vcpkg program at $vcpkg" >&2; exit 1; }
export VCPKG_DISABLE_METRICS=1

version=$(sed -nE 's/^ *"version": *"([^"]+)".*/\1/p' ports/llmerr/vcpkg.json | head -n1)
repo=$(sed -nE 's/^ *REPO +([^ ]+)\/([^ ]+)$/\1-\2/p' ports/llmerr/portfile.cmake)
ref="v$version"
work=$(mktemp -d "${TMPDIR:-/tmp}/llmerr-vcpkg.XXXXXX")
[[ -n "${VCPKG_PORT_CHECK_KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
say() { printf '\n--- %s\n' "$*"; }

say "vcpkg $("$vcpkg" version | head -n1), root $VCPKG_ROOT; llmerr $version"

# 1. The source archive, as vcpkg_from_github would download it for REF v$version.
tree=$(git stash create 2>/dev/null || true)
archive="$work/llmerr-$version.tar.gz"
git archive --format=tar.gz --prefix="llmerr-$version/" -o "$archive" "${tree:-HEAD}"
sha512=$(sha512sum "$archive" | cut -d' ' -f1)
downloads=${VCPKG_DOWNLOADS:-$VCPKG_ROOT/downloads}
mkdir -p "$downloads"
cp "$archive" "$downloads/$repo-$ref.tar.gz"
say "source archive of $(git rev-parse --short HEAD)${tree:+ + uncommitted changes}: $downloads/$repo-$ref.tar.gz"
echo "SHA512 $sha512"

# 2. The port with that SHA512 (ports/llmerr itself carries the released archive's).
mkdir -p "$work/ports"
cp -r ports/llmerr "$work/ports/llmerr"
sed -i -E "s/^( *SHA512 ).*/\1$sha512/" "$work/ports/llmerr/portfile.cmake"
grep -q "SHA512 $sha512" "$work/ports/llmerr/portfile.cmake"

# 3. Classic mode, with the tool.
say "vcpkg install llmerr[tool] --overlay-ports=<port with the archive's SHA512>"
# (from $work: in this checkout, vcpkg would take the repository's own vcpkg.json for a manifest)
(cd "$work" && "$vcpkg" install "llmerr[core,tool]" --overlay-ports="$work/ports" --x-install-root="$work/installed" \
  --x-buildtrees-root="$work/buildtrees" --x-packages-root="$work/packages" --binarysource=clear)
triplet=$(ls "$work/installed" | grep -v '^vcpkg$' | head -n1)
inst="$work/installed/$triplet"
for f in include/llmerr/llmerr.hpp share/llmerr/llmerrConfig.cmake share/llmerr/llmerrTargets.cmake \
         share/llmerr/copyright share/llmerr/usage share/pkgconfig/llmerr.pc tools/llmerr/llmerr; do
  [[ -e "$inst/$f" ]] || { echo "vcpkg_port_check: $f is not installed" >&2; exit 1; }
done
say "installed files of llmerr ($triplet):"
sed 's/^/  /' "$work/installed/vcpkg/info/llmerr_${version}_${triplet}.list" | grep -v '/$' | grep -v '/include/llmerr/' || true
echo "  … and $(grep -c '/include/llmerr/.*\.hpp$' "$work/installed/vcpkg/info/llmerr_${version}_${triplet}.list") headers under include/llmerr/"
say "$inst/tools/llmerr/llmerr --version"
"$inst/tools/llmerr/llmerr" --version
say "PKG_CONFIG_PATH=$inst/share/pkgconfig pkg-config --cflags llmerr"
PKG_CONFIG_PATH="$inst/share/pkgconfig" pkg-config --cflags llmerr

# 4. Manifest mode: vcpkg installs llmerr (core) for the consumer at configure time.
say "manifest-mode consumer (tests/cmake/vcpkg_manifest) with vcpkg's toolchain file"
cmake -S tests/cmake/vcpkg_manifest -B "$work/consumer" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$VCPKG_ROOT/scripts/buildsystems/vcpkg.cmake" \
  -DVCPKG_OVERLAY_PORTS="$work/ports" -DVCPKG_INSTALL_OPTIONS="--binarysource=clear"
cmake --build "$work/consumer"
"$work/consumer/consumer"
say "vcpkg port check: ok (llmerr $version from $repo-$ref.tar.gz, SHA512 ${sha512:0:16}…)"
