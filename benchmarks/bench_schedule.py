#!/usr/bin/env python3
"""How the filers' EX-27 Financial Data Schedules agree with the converted statements.

    python benchmarks/bench_schedule.py [FOLDER ...] [-v]

Converts every filing with an EX-27 schedule in each folder (in memory, nothing written) and
prints, per folder and overall: the key tags (total assets, current assets and liabilities,
total liabilities and equity, net income, EPS, revenues) held against a statement fact of the
same concept and period and how many agree (to the coarser precision of the two), the same
for every tag, and the facts taken from the schedules where the statements give none. -v
lists every disagreement with both lines. Defaults to ../shared/corpus, corpus-extra and
corpus-wide beside the project.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConversionError  # noqa: E402
from converter.mapping.schedule import AGREE, disagreements  # noqa: E402
from converter.pipeline import convert  # noqa: E402


def has_schedule(path: Path) -> bool:
    with open(path, "rb") as fh:
        return b"<TYPE>EX-27" in fh.read().upper()


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else "0/0"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared"
    ap.add_argument("folders", nargs="*", default=[str(shared / d) for d in ("corpus", "corpus-extra", "corpus-wide")])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    total = Counter()
    for folder in map(Path, args.folders):
        counts = Counter()
        for path in sorted(p for p in folder.glob("*.txt") if has_schedule(p)):
            try:
                model = convert(path)[0]
            except ConversionError as exc:
                print(f"  {path.name}: not converted ({exc})")
                continue
            report = model.schedule
            counts["filings"] += 1
            counts["schedules"] += len(report.documents)
            counts["facts"] += len(report.facts)
            counts["left out"] += sum(1 for tag, _, _ in report.left_out if tag)
            for c in report.checks:
                counts["checked"] += 1
                counts["agree"] += c.status == AGREE
                counts["key checked"] += c.key
                counts["key agree"] += c.key and c.status == AGREE
            if args.verbose:
                for line in disagreements(report):
                    print(f"  {path.stem}: {line}")
        print(f"{folder.name}: {counts['filings']} filings, {counts['schedules']} schedules; key tags agree "
              f"{share(counts['key agree'], counts['key checked'])}; all tags agree "
              f"{share(counts['agree'], counts['checked'])}; {counts['facts']} facts from the schedules, "
              f"{counts['left out']} values left out")
        total.update(counts)
    if len(args.folders) > 1:
        print(f"overall: key tags agree {share(total['key agree'], total['key checked'])}; all tags agree "
              f"{share(total['agree'], total['checked'])}; {total['facts']} facts from the schedules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
