#!/usr/bin/env python3
"""Time the conversion of one filing end to end in one process, after warm-up.

    python benchmarks/bench_convert.py [FILE] [--runs N]

Prints the median wall time of convert() (read, parse, map, render, validate; no disk write)
and each stage's share of it. Defaults to the seed 10-QSB in examples/.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.pipeline import convert  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(ROOT / "examples" / "002_827b01e1209febb2.txt"))
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    args = ap.parse_args(argv)
    for _ in range(args.warmup):
        convert(args.file)
    totals, stages = [], {}
    for _ in range(args.runs):
        t0 = time.perf_counter()
        _, _, timings = convert(args.file)
        totals.append(time.perf_counter() - t0)
        for k, v in timings.items():
            stages.setdefault(k, []).append(v)
    median = statistics.median(totals)
    print(f"{Path(args.file).name}: median {median * 1000:.1f} ms over {args.runs} runs "
          f"(min {min(totals) * 1000:.1f} ms, max {max(totals) * 1000:.1f} ms)")
    stage_sum = sum(statistics.median(v) for v in stages.values())
    for k, v in stages.items():
        m = statistics.median(v)
        print(f"  {k:9s} {m * 1000:7.2f} ms  {100 * m / stage_sum:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
