#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Prints llmerr-vs-baseline ratios (CPU time) and the budgets from Google Benchmark JSON output.

    build/bench/bench/bench_parse --benchmark_format=json --benchmark_repetitions=5 > parse.json
    build/bench/bench/bench_lookup --benchmark_format=json --benchmark_repetitions=5 > lookup.json
    build/bench/bench/bench_jsonl --benchmark_format=json --benchmark_repetitions=5 > jsonl.json
    python3 bench/compare.py parse.json lookup.json jsonl.json

With repetitions, the median of each benchmark is used.
"""
import json
import re
import sys

# (regex on an llmerr benchmark name, function giving its baseline's name, budget ratio)
PAIRS = [
    (r"^parse/(.+)$", lambda m: "parse_nlohmann/" + m.group(1), 0.6),
    (r"^parse_all$", lambda m: "parse_all_nlohmann", 0.6),
    (r"^parse_json$", lambda m: "parse_json_nlohmann", 0.6),
    (r"^find_error/(.+)$", lambda m: "find_error_nlohmann/" + m.group(1), 0.05),
    (r"^bm_llmerr/(\d)$", lambda m: "bm_map/" + m.group(1), 0.5),
    (r"^bm_llmerr/(\d)$", lambda m: "bm_map_prebuilt/" + m.group(1), 0.5),
    # time ratio ≤ 2, i.e. at least half the baseline's throughput
    (r"^(jsonl|jsonl_summary)$", lambda m: "jsonl_nlohmann", 2.0),
]


def load(paths):
    runs = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for b in data["benchmarks"]:
            if b.get("run_type") == "aggregate":
                if b.get("aggregate_name") != "median":
                    continue
                name = b["run_name"]
            elif b.get("repetitions", 1) > 1:
                continue
            else:
                name = b["name"]
            runs[name] = b
    return runs


def main(paths):
    runs = load(paths)
    rows, missed = [], 0
    for name, b in runs.items():
        for pattern, baseline_of, budget in PAIRS:
            m = re.match(pattern, name)
            if not m or baseline_of(m) not in runs:
                continue
            base = runs[baseline_of(m)]
            ratio = b["cpu_time"] / base["cpu_time"]
            label = name + (" [" + b["label"] + "]" if b.get("label") else "")
            ok = ratio <= budget
            missed += not ok
            rows.append((label, baseline_of(m), b["cpu_time"], base["cpu_time"], b.get("time_unit", "ns"), ratio,
                         budget, ok, b.get("allocs/iter"), base.get("allocs/iter")))
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'llmerr':<{width}}  {'baseline':<40} {'llmerr':>10} {'baseline':>10}  {'ratio':>6} {'budget':>6}"
          f"  {'allocs':>7} {'base':>7}")
    for label, base, t, bt, unit, ratio, budget, ok, a, ba in rows:
        fmt_a = "" if a is None else f"{a:.1f}"
        fmt_ba = "" if ba is None else f"{ba:.1f}"
        print(f"{label:<{width}}  {base:<40} {t:>8.0f}{unit:>2} {bt:>8.0f}{unit:>2}  {ratio:>6.3f} {budget:>6.2f}"
              f"  {fmt_a:>7} {fmt_ba:>7}  {'ok' if ok else 'MISSED'}")
    print(f"{len(rows)} comparisons, {missed} over budget")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
