#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# docs/check_docs.sh — generate the API reference (build/docs/html) and fail when Doxygen warns: a public name
# in include/llmerr/*.hpp (outside llmerr::detail; detail/ and generated/ are not read) without a comment, or a
# comment Doxygen cannot read. A header added to include/llmerr/ is checked without any change here.
# Needs doxygen (Debian: apt-get install doxygen) and python3 (the comment filter, docs/doxygen_filter.py).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -nE 's/^#define LLMERR_VERSION_STRING "([^"]+)"$/\1/p' include/llmerr/version.hpp)
mkdir -p build/docs
rm -f build/docs/warnings.log
{ cat docs/Doxyfile; echo "PROJECT_NUMBER = $version"; } | doxygen -
headers=$(ls include/llmerr/*.hpp | wc -l)
documented=$(ls build/docs/html/*.html | wc -l)
if [[ -s build/docs/warnings.log ]]; then
  cat build/docs/warnings.log >&2
  echo "check_docs: $(wc -l <build/docs/warnings.log) Doxygen warnings: document every public name (a // comment" \
       "on the line above it, or after a member on its line)" >&2
  exit 1
fi
echo "check_docs: API reference of llmerr $version from $headers headers, no undocumented public name:" \
     "build/docs/html/index.html ($documented pages)"
