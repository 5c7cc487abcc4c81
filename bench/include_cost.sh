#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What including llmerr costs at compile time, g++ and clang++ side by side in one run: compiles small TUs
# RUNS times each (default 5, interleaved across TUs and compilers) with `$CXX -O2 -std=c++17 -c` and prints
# the median CPU time (user + system) of each, the difference and ratio to its baseline, and whether the
# budgets of issue #11 hold:
#   <llmerr/catalog.hpp> + one lookup()                  ≤ +150 ms over an empty TU   (users who only look up codes)
#   <llmerr/llmerr.hpp> + one find_error() + one advise() ≤ 0.35× <nlohmann/json.hpp> + one json::parse()
# and the last TU again with LLMERR_SEPARATE_COMPILATION (the parser compiled once, in another TU), and the
# first two built as llmerr_use_providers(<target> ark dashscope qianfan) builds them (three providers; python3).
# The deterministic counterpart (preprocessed bytes, with ceilings, run in CI) is tools/check_compile_cost.sh.
#
#   bench/include_cost.sh [RUNS]
# Environment: CXXS (default "g++ clang++": the compilers found are used), LLMERR_INCLUDE (default include/:
# measure another tree).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
include="${LLMERR_INCLUDE:-$root/include}"
compilers=()
for c in ${CXXS:-g++ clang++}; do
    if command -v "$c" >/dev/null; then compilers+=("$c"); fi
done
work="$(mktemp -d "${TMPDIR:-/tmp}/llmerr-include-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT

tu() {  # name, then the TU's lines
    local name="$1"
    shift
    printf '%s\n' "$@" >"$work/$name.cpp"
}
tu empty 'int main(int argc, char**) { return argc > 1 ? 1 : 0; }'
tu catalog '#include <llmerr/catalog.hpp>' \
    'int main(int argc, char** argv) { return llmerr::lookup(llmerr::provider::ark, argc > 1 ? argv[1] : "x") ? 1 : 0; }'
tu nlohmann '#include <nlohmann/json.hpp>' \
    'int main(int argc, char** argv) { const char* s = argc > 1 ? argv[1] : "{}";' \
    '  return nlohmann::json::parse(s, nullptr, false).is_discarded() ? 1 : 0; }'
tu llmerr '#include <llmerr/llmerr.hpp>' \
    'int main(int argc, char** argv) {' \
    '  const auto e = llmerr::find_error(400, argc > 1 ? argv[1] : "{}");' \
    '  return e ? (llmerr::advise(*e, 1).retry ? 1 : 2) : 0; }'
# The same TU with the parser compiled elsewhere (LLMERR_SEPARATE_COMPILATION, config.hpp).
tu separate '#define LLMERR_SEPARATE_COMPILATION' "$(sed -n '1,$p' "$work/llmerr.cpp")"
# The catalogue and llmerr TUs again, built as llmerr_use_providers(<target> ark dashscope qianfan) builds them.
python3 "$root/tools/gen_catalog.py" --providers ark,dashscope,qianfan \
    --output "$work/three/llmerr/generated/catalog_table.hpp" >/dev/null
cp "$work/catalog.cpp" "$work/catalog_3.cpp"
cp "$work/llmerr.cpp" "$work/llmerr_3.cpp"
names=(empty catalog nlohmann llmerr separate catalog_3 llmerr_3)

# CPU time (user + system, in ms) of compiling one TU once. CPU time rather than wall time, so that other
# jobs on the machine inflate the figures less (they still compete for caches).
compile_ms() {  # compiler, tu
    local subset=()
    if [[ $2 == *_3 ]]; then subset=(-I"$work/three"); fi
    /usr/bin/time -f '%U %S' -o "$work/time" \
        "$1" -O2 -std=c++17 "${subset[@]}" -I"$include" -c "$work/$2.cpp" -o "$work/$2.o"
    awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/time"
}

# RUNS rounds, each compiling every TU once with each compiler, so that a slow spell of the machine (a
# shared VM drifts by ±30 %) hits a TU and its baseline alike; then the median of each TU's RUNS times.
declare -A all
for ((i = 0; i < runs; i++)); do
    for cxx in "${compilers[@]}"; do
        for name in "${names[@]}"; do all[$cxx/$name]+="$(compile_ms "$cxx" "$name") "; done
    done
done
declare -A ms
for key in "${!all[@]}"; do
    ms[$key]=$(printf '%s\n' ${all[$key]} | sort -n | sed -n "$(((runs + 1) / 2))p")
done

echo "-O2 -std=c++17; median of $runs; $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-46s %7s %7s %7s %6s  %s\n' "compiler" "TU vs baseline" "ms" "base" "+ms" "ratio" "budget"
verdict() { if [[ "$1" == 1 ]]; then echo ok; else echo MISSED; fi; }
row() {  # compiler, label, tu, baseline tu, budget text
    local a=${ms[$1/$3]} b=${ms[$1/$4]}
    printf '%-10s %-46s %7d %7d %+7d %6s  %s\n' "$1" "$2" "$a" "$b" $((a - b)) \
        "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')" "$5"
}
for cxx in "${compilers[@]}"; do
    echo "# $("$cxx" --version | head -1)"
    d=$((ms[$cxx/catalog] - ms[$cxx/empty]))
    row "$cxx" "<llmerr/catalog.hpp>+lookup() vs empty TU" catalog empty "+150 ms: $(verdict $((d <= 150)))"
    r=$(awk -v a="${ms[$cxx/llmerr]}" -v b="${ms[$cxx/nlohmann]}" 'BEGIN { print (a <= 0.35 * b) ? 1 : 0 }')
    row "$cxx" "<llmerr/llmerr.hpp>+find_error+advise vs nlohmann" llmerr nlohmann "0.35x: $(verdict "$r")"
    r=$(awk -v a="${ms[$cxx/separate]}" -v b="${ms[$cxx/nlohmann]}" 'BEGIN { print (a <= 0.35 * b) ? 1 : 0 }')
    row "$cxx" "the same, LLMERR_SEPARATE_COMPILATION" separate nlohmann "0.35x: $(verdict "$r")"
    d=$((ms[$cxx/catalog_3] - ms[$cxx/empty]))
    row "$cxx" "<llmerr/catalog.hpp>+lookup(), 3 providers" catalog_3 empty "+150 ms: $(verdict $((d <= 150)))"
    r=$(awk -v a="${ms[$cxx/llmerr_3]}" -v b="${ms[$cxx/nlohmann]}" 'BEGIN { print (a <= 0.35 * b) ? 1 : 0 }')
    row "$cxx" "<llmerr/llmerr.hpp>+find_error+advise, 3 providers" llmerr_3 nlohmann "0.35x: $(verdict "$r")"
done
