#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a C++ file under include/ tests/ tools/ examples/ bench/ differs from what clang-format (.clang-format)
# would write. include/llmerr/generated/ belongs to tools/gen_catalog.py and is skipped.
#
#   tools/check_format.sh          list drifting files (and the number of changes in each); exit 1 if any
#   tools/check_format.sh --fix    reformat them in place
#   CLANG_FORMAT=clang-format-14 tools/check_format.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
clang_format="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
if [[ -z "$clang_format" ]]; then
    echo "check_format.sh: clang-format not found (Debian: apt-get install clang-format)" >&2
    exit 2
fi

mapfile -t files < <(find include tests tools examples bench -type f \
    \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' -o -name '*.cc' \) \
    -not -path 'include/llmerr/generated/*' -not -path 'tests/fuzz/corpus/*' -not -path 'tests/fuzz/regressions/*' \
    2>/dev/null | sort)

if [[ "${1:-}" == "--fix" ]]; then
    "$clang_format" -i --style=file "${files[@]}"
    echo "reformatted ${#files[@]} files"
    exit 0
fi

drift=0
for f in "${files[@]}"; do
    n=$("$clang_format" --style=file --dry-run "$f" 2>&1 | grep -c 'warning:' || true)
    if [[ "$n" -gt 0 ]]; then
        echo "$f: $n change(s)"
        drift=$((drift + 1))
    fi
done
if [[ $drift -gt 0 ]]; then
    echo "check_format.sh: $drift of ${#files[@]} files drift from .clang-format ($("$clang_format" --version | head -1));" \
        "run tools/check_format.sh --fix" >&2
    exit 1
fi
echo "check_format.sh: ${#files[@]} files formatted"
