#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compile-cost check for CI, deterministic (no timing): the preprocessed size, in bytes of
# `$CXX -E -P -std=c++17`, of a TU that includes only one public header, against the ceilings committed in
# bench/compile_cost_ceilings.txt. What a header drags in (a third-party JSON library, <iostream>, <regex>,
# a catalogue that doubled) shows up here as bytes on any machine, however loaded; timings are in
# bench/include_cost.sh. The figures depend on the compiler and its standard library: the ceilings are for
# the g++ and libstdc++ of CI (Debian/Ubuntu, .ci/run), which the ceilings file names.
#
#   tools/check_compile_cost.sh           check; exit 1 when a header exceeds its ceiling
#   tools/check_compile_cost.sh --print   print the measured sizes (to re-tune the ceilings, see that file)
#
# Environment: CXX (default g++), LLMERR_INCLUDE (default include/: measure another tree).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cxx="${CXX:-g++}"
include="${LLMERR_INCLUDE:-$root/include}"
ceilings="$root/bench/compile_cost_ceilings.txt"

measure() {  # header -> bytes after preprocessing
    printf '#include <%s>\n' "$1" | "$cxx" -E -P -std=c++17 -I"$include" -x c++ - | wc -c | tr -d ' '
}

if [[ "${1:-}" == "--print" ]]; then
    echo "# $("$cxx" --version | head -1)"
    while read -r header _; do
        [[ -z "$header" || "$header" == \#* ]] && continue
        printf '%-24s %s\n' "$header" "$(measure "$header")"
    done <"$ceilings"
    exit 0
fi

status=0
printf '%-24s %10s %10s  %s\n' "header" "bytes" "ceiling" "verdict"
while read -r header ceiling _; do
    [[ -z "$header" || "$header" == \#* ]] && continue
    bytes="$(measure "$header")"
    verdict=ok
    if ((bytes > ceiling)); then
        verdict="OVER by $((bytes - ceiling)) bytes"
        status=1
    fi
    printf '%-24s %10d %10d  %s\n' "$header" "$bytes" "$ceiling" "$verdict"
done <"$ceilings"
if ((status != 0)); then
    echo "check_compile_cost: a header grew past its ceiling in bench/compile_cost_ceilings.txt. If the growth" >&2
    echo "is wanted, raise the ceiling in the same commit and say why; else find what it now includes" >&2
    echo "(\`$cxx -E -std=c++17 -H\` lists the headers)." >&2
fi
exit "$status"
