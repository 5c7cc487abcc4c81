#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What including llmerr costs at compile time: compiles small TUs RUNS times each (default 5, interleaved)
# with `$CXX -O2 -std=c++17 -c` and prints the median CPU time (user + system) of each, the difference and
# the ratio to its baseline, and whether the budgets hold:
#   <llmerr/catalog.hpp>  adds ≤ 150 ms over <string_view> + <optional>      (users who only classify codes)
#   <llmerr/llmerr.hpp>   costs ≤ 1.15× <nlohmann/json.hpp> alone            (the parser's price is nlohmann's)
# Each header is measured twice: included only, and with one call that instantiates what a user would.
#
#   bench/include_cost.sh [RUNS]          CXX=clang++ bench/include_cost.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cxx="${CXX:-g++}"
work="$(mktemp -d "${TMPDIR:-/tmp}/llmerr-include-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT

tu() {  # name, then the TU's lines
    local name="$1"
    shift
    printf '%s\n' "$@" >"$work/$name.cpp"
}
tu base_std '#include <optional>' '#include <string_view>' 'int main() { return 0; }'
tu catalog '#include <llmerr/catalog.hpp>' 'int main() { return 0; }'
tu base_std_use '#include <optional>' '#include <string_view>' \
    'int main(int argc, char** argv) { std::optional<std::string_view> o; if (argc > 1) o = argv[1]; return o ? 1 : 0; }'
tu catalog_use '#include <llmerr/catalog.hpp>' \
    'int main(int argc, char** argv) { return llmerr::lookup(llmerr::provider::ark, argc > 1 ? argv[1] : "x") ? 1 : 0; }'
tu nlohmann '#include <nlohmann/json.hpp>' 'int main() { return 0; }'
tu llmerr '#include <llmerr/llmerr.hpp>' 'int main() { return 0; }'
tu nlohmann_use '#include <nlohmann/json.hpp>' \
    'int main(int argc, char** argv) { const char* s = argc > 1 ? argv[1] : "{}";' \
    '  return nlohmann::json::parse(s, nullptr, false).is_discarded() ? 1 : 0; }'
tu llmerr_use '#include <llmerr/llmerr.hpp>' \
    'int main(int argc, char** argv) { return llmerr::find_error(400, argc > 1 ? argv[1] : "{}") ? 1 : 0; }'

# CPU time (user + system, in ms) of compiling one TU once. CPU time rather than wall time, so that other
# jobs on the machine inflate the figures less (they still compete for caches).
compile_ms() {
    /usr/bin/time -f '%U %S' -o "$work/time" \
        "$cxx" -O2 -std=c++17 -I"$root/include" -c "$work/$1.cpp" -o "$work/$1.o"
    awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/time"
}

# RUNS rounds, each compiling every TU once, so that a slow spell of the machine (a shared VM drifts by
# ±30 %) hits a TU and its baseline alike; then the median of each TU's RUNS times.
names=(base_std catalog base_std_use catalog_use nlohmann llmerr nlohmann_use llmerr_use)
declare -A all
for ((i = 0; i < runs; i++)); do
    for name in "${names[@]}"; do all[$name]+="$(compile_ms "$name") "; done
done
declare -A ms
for name in "${names[@]}"; do
    ms[$name]=$(printf '%s\n' ${all[$name]} | sort -n | sed -n "$(((runs + 1) / 2))p")
done

echo "$("$cxx" --version | head -1); -O2 -std=c++17; median of $runs; $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8s %8s %8s %7s  %s\n' "TU" "ms" "base ms" "+ms" "ratio" "budget"
verdict() { if [[ "$1" == 1 ]]; then echo ok; else echo MISSED; fi; }
row() {  # label, tu, baseline tu, budget text, budget ok (0/1)
    local a=${ms[$2]} b=${ms[$3]}
    printf '%-44s %8d %8d %+8d %7s  %s\n' "$1" "$a" "$b" $((a - b)) "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')" "$4"
}
d1=$((ms[catalog] - ms[base_std]))
d2=$((ms[catalog_use] - ms[base_std_use]))
row "<llmerr/catalog.hpp> vs <string_view>+<optional>" catalog base_std "+150 ms: $(verdict $((d1 <= 150)))"
row "  ... with one lookup() call" catalog_use base_std_use "+150 ms: $(verdict $((d2 <= 150)))"
r1=$(awk -v a="${ms[llmerr]}" -v b="${ms[nlohmann]}" 'BEGIN { print (a <= 1.15 * b) ? 1 : 0 }')
r2=$(awk -v a="${ms[llmerr_use]}" -v b="${ms[nlohmann_use]}" 'BEGIN { print (a <= 1.15 * b) ? 1 : 0 }')
row "<llmerr/llmerr.hpp> vs <nlohmann/json.hpp>" llmerr nlohmann "1.15x: $(verdict "$r1")"
row "  ... find_error() call vs json::parse() call" llmerr_use nlohmann_use "1.15x: $(verdict "$r2")"
