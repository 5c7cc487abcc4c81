#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (preset `fuzz`, clang) and runs each for SECONDS (default 60), one at a time,
# with tests/fuzz/llmerr.dict, inputs up to 4096 bytes, and a temporary copy of the committed corpus as the
# working corpus (the committed one is never written). Then the long-input runs: the targets in
# LLMERR_FUZZ_LONG (default fuzz_parse fuzz_jsonl) again for SECONDS each, with inputs up to 140000 bytes
# (-max_len=140000 -len_control=0, timeout 30 s) seeded with long generated shapes (tests/fuzz/make_seeds.py --long):
# deep nesting, huge messages and numbers, thousands of SSE events. Prints one line per run; exits non-zero
# when any run finds a crash, a leak, a timeout or a broken invariant (the input is kept under ARTIFACTS).
#
#   tools/run_fuzz.sh [SECONDS] [TARGET…]        e.g. tools/run_fuzz.sh 300 fuzz_parse
#
# Environment: LLMERR_FUZZ_MERGE=1 merges new edges (-use_counters=0) back into tests/fuzz/corpus/<target>/ afterwards
# (short runs only; the committed corpus stays small); LLMERR_FUZZ_BUILD=0 skips the build;
# LLMERR_FUZZ_ARTIFACTS (default build/fuzz/artifacts) keeps findings; LLMERR_FUZZ_LONG="" skips the
# long-input runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(fuzz_parse fuzz_find_error fuzz_sse fuzz_match fuzz_differential
        fuzz_advise fuzz_from_json fuzz_headers fuzz_format fuzz_jsonl)
fi
read -r -a long_targets <<<"${LLMERR_FUZZ_LONG-fuzz_parse fuzz_jsonl}"
long_len=140000
build="${LLMERR_FUZZ_BUILD_DIR:-$root/build/fuzz}"
artifacts="${LLMERR_FUZZ_ARTIFACTS:-$build/artifacts}"

if [[ "${LLMERR_FUZZ_BUILD:-1}" != 0 ]]; then
    (cd "$root" && cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j2 >/dev/null)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/llmerr-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

status=0
# run_one LABEL TARGET MAX_LEN EXTRA_FLAGS INPUT_DIR…  (the first input dir is the working corpus)
run_one() {
    local label="$1" t="$2" max_len="$3" extra="$4"
    shift 4
    local exe="$build/tests/fuzz/$t" corpus="$1"
    if [[ ! -x "$exe" ]]; then
        echo "$t: no executable at $exe" >&2
        status=1
        return
    fi
    mkdir -p "$artifacts/$t"
    local before log rc=0 execs took cov after verdict
    before=$(find "$corpus" -type f | wc -l)
    log="$work/$label.log"
    # shellcheck disable=SC2086  # $extra holds zero or more flags
    "$exe" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 $extra -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="$root/tests/fuzz/llmerr.dict" -artifact_prefix="$artifacts/$t/" "$@" \
        >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    after=$(find "$corpus" -type f | wc -l)
    if [[ $rc -eq 0 ]]; then
        verdict=ok
    else
        verdict="FAILED (exit $rc; finding in $artifacts/$t/, log below)"
        status=1
    fi
    printf '%s: %s execs in %s s, cov %s, corpus %s -> %s, %s\n' \
        "$label" "${execs:-?}" "${took:-$seconds}" "${cov:-?}" "$before" "$after" "$verdict"
    if [[ $rc -ne 0 ]]; then
        grep -E 'ERROR|invariant failed|differs|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
        cp "$log" "$artifacts/$t/last.log"
    fi
    return $rc
}

for t in "${targets[@]}"; do
    corpus="$work/$t"
    mkdir -p "$corpus"
    if [[ -d "$root/tests/fuzz/corpus/$t" ]]; then cp -r "$root/tests/fuzz/corpus/$t/." "$corpus/"; fi
    inputs=("$corpus")
    if [[ -d "$root/tests/fuzz/regressions/$t" ]]; then inputs+=("$root/tests/fuzz/regressions/$t"); fi
    rc=0
    run_one "$t" "$t" 4096 "" "${inputs[@]}" || rc=$?
    if [[ "${LLMERR_FUZZ_MERGE:-0}" == 1 && $rc -eq 0 ]]; then
        "$build/tests/fuzz/$t" -merge=1 -use_counters=0 -max_len=4096 "$root/tests/fuzz/corpus/$t" "$corpus" >/dev/null 2>&1
    fi
done

# Long inputs: the same targets reach the code paths only big bodies take (caps, nesting limits, buffers).
if [[ ${#long_targets[@]} -gt 0 ]]; then
    python3 "$root/tests/fuzz/make_seeds.py" --long "$work/long-seeds" >/dev/null
fi
for t in "${long_targets[@]}"; do
    corpus="$work/long-$t"
    mkdir -p "$corpus"
    if [[ -d "$root/tests/fuzz/corpus/$t" ]]; then cp -r "$root/tests/fuzz/corpus/$t/." "$corpus/"; fi
    if [[ -d "$work/long-seeds/$t" ]]; then cp -r "$work/long-seeds/$t/." "$corpus/"; fi
    # 140 KB of deep nesting costs ~0.3 s per input under ASan on this branch (nlohmann's DOM): a loaded
    # machine needs more than the 10 s timeout of the short runs to tell a hang from that.
    run_one "$t (inputs up to $long_len bytes)" "$t" "$long_len" "-len_control=0 -timeout=30" "$corpus" || true
done
exit $status
