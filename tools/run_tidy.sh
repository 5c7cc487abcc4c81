#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs clang-tidy (.clang-tidy; warnings are errors) over the public headers, through one TU that includes
# <llmerr/llmerr.hpp> (and the headers it leaves out), and over tools/*.cpp with the compile commands of
# build/default (configure it first: `cmake --preset default`). Exits non-zero on any warning.
#
#   tools/run_tidy.sh [BUILD_DIR]          CLANG_TIDY=clang-tidy-14 tools/run_tidy.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/default}"
tidy="${CLANG_TIDY:-$(command -v clang-tidy-14 || command -v clang-tidy || true)}"
if [[ -z "$tidy" ]]; then
    echo "run_tidy.sh: clang-tidy not found (Debian: apt-get install clang-tidy)" >&2
    exit 2
fi
if [[ ! -f "$build/compile_commands.json" ]]; then
    echo "run_tidy.sh: no $build/compile_commands.json; run \`cmake --preset default\` first" >&2
    exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/llmerr-tidy.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Every public header (llmerr.hpp and those it leaves out), so that none is checked only through another.
{
    echo '// SPDX-License-Identifier: MIT'
    for h in "$root"/include/llmerr/*.hpp; do
        echo "#include <llmerr/$(basename "$h")>"
    done
    echo 'int main() { return llmerr::find_error(400, "{}").has_value() ? 0 : 1; }'
} >"$work/all_headers.cpp"

status=0
echo "== headers (include/llmerr/*.hpp through one TU)"
"$tidy" --quiet --config-file="$root/.clang-tidy" "$work/all_headers.cpp" -- \
    -std=c++17 -I"$root/include" -x c++ || status=1

mapfile -t sources < <(find "$root/tools" -maxdepth 1 -name '*.cpp' | sort)
for src in "${sources[@]}"; do
    echo "== ${src#"$root"/}"
    # g++ 12 defaults to C++17, so CMake writes no -std flag; clang-tidy's clang 14 would default to C++14.
    "$tidy" --quiet --config-file="$root/.clang-tidy" -p "$build" --extra-arg=-std=c++17 "$src" || status=1
done
if [[ $status -ne 0 ]]; then echo "run_tidy.sh: clang-tidy reported problems" >&2; fi
exit $status
