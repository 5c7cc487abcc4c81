#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What llmerr adds to a program's size: builds three programs with `$CXX -O2 -std=c++17`, strips them, and
# prints their sizes and the deltas over the trivial one, then what the largest program's bytes are:
#   trivial      int main() that includes nothing
#   lookup       llmerr::lookup() only (<llmerr/catalog.hpp>)
#   find+lookup  llmerr::find_error() and llmerr::lookup() (<llmerr/llmerr.hpp>)
#   find+lookup_3  the same, built as llmerr_use_providers(<target> ark dashscope qianfan) builds it: against
#                  the catalogue of those three providers only (tools/gen_catalog.py --providers; needs python3)
# Budget (issue #11): find+lookup adds at most 250 KB (256 000 bytes) over trivial.
#
#   bench/binary_size.sh            CXX=clang++ bench/binary_size.sh
# Environment: CXX (default g++), LLMERR_INCLUDE (default include/: measure another tree).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cxx="${CXX:-g++}"
include="${LLMERR_INCLUDE:-$root/include}"
work="$(mktemp -d "${TMPDIR:-/tmp}/llmerr-binary-size.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cat >"$work/trivial.cpp" <<'CPP'
int main(int argc, char**) { return argc > 1 ? 1 : 0; }
CPP
cat >"$work/lookup.cpp" <<'CPP'
#include <llmerr/catalog.hpp>
int main(int argc, char** argv) { return llmerr::lookup(llmerr::provider::ark, argc > 1 ? argv[1] : "x") ? 1 : 0; }
CPP
cat >"$work/find_lookup.cpp" <<'CPP'
#include <llmerr/llmerr.hpp>
int main(int argc, char** argv) {
    const char* s = argc > 1 ? argv[1] : "{}";
    const auto e = llmerr::find_error(400, s);
    return (e ? 1 : 0) + (llmerr::lookup(llmerr::provider::ark, s) ? 2 : 0);
}
CPP

cp "$work/find_lookup.cpp" "$work/find_lookup_3.cpp"
python3 "$root/tools/gen_catalog.py" --providers ark,dashscope,qianfan \
    --output "$work/three/llmerr/generated/catalog_table.hpp" >/dev/null
names=(trivial lookup find_lookup find_lookup_3)
declare -A size
for n in "${names[@]}"; do
    subset=()
    if [[ $n == find_lookup_3 ]]; then subset=(-I"$work/three"); fi
    "$cxx" -O2 -std=c++17 "${subset[@]}" -I"$include" "$work/$n.cpp" -o "$work/$n"
    strip -o "$work/$n.stripped" "$work/$n"
    size[$n]=$(stat -c %s "$work/$n.stripped")
done

echo "$("$cxx" --version | head -1); -O2 -std=c++17, stripped"
printf '%-14s %10s %10s\n' "program" "bytes" "+trivial"
for n in "${names[@]}"; do
    printf '%-14s %10d %+10d\n' "$n" "${size[$n]}" $((size[$n] - size[trivial]))
done
delta=$((size[find_lookup] - size[trivial]))
if ((delta <= 256000)); then verdict=ok; else verdict=MISSED; fi
echo "budget: find+lookup adds <= 250 KB over trivial: $verdict ($((delta / 1024)) KB)"

# Where the bytes go. Sections of the stripped programs (allocated ones only: what is loaded).
echo
echo "sections (bytes; .rela.dyn is load-time relocations, .data.rel.ro pointer tables)"
printf '%-20s' "section"
for n in "${names[@]}"; do printf ' %12s' "$n"; done
echo
for s in .text .rodata .eh_frame .eh_frame_hdr .gcc_except_table .data.rel.ro .rela.dyn .data .bss; do
    printf '%-20s' "$s"
    for n in "${names[@]}"; do
        printf ' %12s' "$(size -A "$work/$n.stripped" | awk -v s="$s" '$1 == s { print $2; f = 1 } END { if (!f) print 0 }')"
    done
    echo
done

# The catalogue's tables, by symbol (from the unstripped programs), and the code around them.
echo
echo "catalogue tables (nm --size-sort; bytes)"
for n in lookup find_lookup find_lookup_3; do
    echo "  $n:"
    total=0
    code=0
    while read -r _ hex type name; do
        bytes=$((16#$hex))
        case "$name" in
            *detail::catalog_* | *detail::provider_rows*)
                printf '    %-28s %8d\n' "${name##*detail::}" "$bytes"
                total=$((total + bytes))
                ;;
        esac
        case "$type" in T | t | W | w) code=$((code + bytes)) ;; esac
    done < <(nm -C -S --size-sort "$work/$n" | awk 'NF >= 4 { name = $4; for (i = 5; i <= NF; i++) name = name " " $i; print $1, $2, $3, name }')
    printf '    %-28s %8d\n' "(all tables)" "$total" "code (.text symbols)" "$code"
done
