#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/count_tests.sh BUILD_DIR — every CTest entry made from a Catch2 TEST_CASE (label "catch") must run a test
# case with at least one assertion. Runs those entries verbosely and counts, for each, Catch2's closing line
# "All tests passed (N assertions in 1 test case)" with N > 0. An entry whose name matches no test case (Catch2
# v2 then says "No test cases matched" and, without --warn NoTests, exits 0) or that ran no assertion is
# named, and the script fails unless registered = ran.
set -euo pipefail
build=${1:?usage: tools/count_tests.sh BUILD_DIR}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# "  Test  #12: test_parse:some name" → number and name of every registered Catch2 entry.
mapfile -t registered < <(ctest --test-dir "$build" -N -L '^catch$' | sed -nE 's/^ *Test +#([0-9]+): (.*)$/\1\t\2/p')
if ((${#registered[@]} == 0)); then
  echo "count_tests: no CTest entry labelled 'catch' in $build" >&2
  exit 1
fi

status=0
ctest --test-dir "$build" -L '^catch$' -V -j2 >"$log" 2>&1 || status=$?

ran=0
assertions=0
missing=()
for entry in "${registered[@]}"; do
  num=${entry%%$'\t'*}
  name=${entry#*$'\t'}
  # -V prefixes each line of a test's output with "<number>: ".
  n=$(sed -nE "s/^${num}: All tests passed \\(([0-9]+) assertions? in 1 test case\\)\$/\\1/p" "$log" | tail -n1)
  if [[ -n "$n" && "$n" -gt 0 ]]; then
    ran=$((ran + 1))
    assertions=$((assertions + n))
  else
    missing+=("$name")
  fi
done

echo "Catch2 CTest entries registered: ${#registered[@]}; ran one test case with assertions: $ran ($assertions assertions)"
if ((${#missing[@]})); then
  printf '  ran no test case or no assertion: %s\n' "${missing[@]}" >&2
  grep -E 'No test cases matched|tests? failed' "$log" >&2 || true
  exit 1
fi
if ((status != 0)); then
  echo "count_tests: ctest failed ($status)" >&2
  tail -n 30 "$log" >&2
  exit "$status"
fi
