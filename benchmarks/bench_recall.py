#!/usr/bin/env python3
"""Statement recall you can see, without labels: which primary statements are found per filing.

    python benchmarks/bench_recall.py [FOLDER ...] [-v]

For every 10-K and 10-Q (10-K405, 10-KSB, 10-QSB, amendments) it checks that a balance sheet,
an income statement and a cash-flow statement were found; for every earnings release (an 8-K
whose exhibit reports net income or earnings per share for a period) that an income statement
was. Prints the share of each per folder and, with -v, every filing that lacks one. Defaults to
../shared/corpus, corpus-extra and corpus-wide beside the project.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConversionError  # noqa: E402
from converter.model import StatementKind  # noqa: E402
from converter.parsing.parser import parse_filing  # noqa: E402
from converter.reading.reader import read_filing  # noqa: E402

REPORT_KINDS = (StatementKind.BALANCE, StatementKind.INCOME, StatementKind.CASHFLOW)
_RELEASE = re.compile(r"net (?:income|earnings|loss)|per (?:diluted |basic )?share", re.I)


def is_release(filing) -> bool:
    """An 8-K whose exhibit text speaks of net income or per-share earnings: an earnings release."""
    return any(d.type.upper().startswith("EX-99") and _RELEASE.search(" ".join(d.lines[:400]))
               for d in filing.documents)


def found_kinds(path: Path):
    filing = read_filing(path)
    parsed = parse_filing(filing, prose=False)
    form = (parsed.cover.form_type or "").upper()
    kinds = {t.kind for t in parsed.tables}
    if form.startswith("10-"):
        return "report", form, [k for k in REPORT_KINDS if k not in kinds]
    if form.startswith("8-K") and is_release(filing):
        return "release", form, [k for k in (StatementKind.INCOME,) if k not in kinds]
    return "other", form, []


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared"
    ap.add_argument("folders", nargs="*", default=[str(shared / d) for d in ("corpus", "corpus-extra", "corpus-wide")])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every filing that lacks a statement")
    args = ap.parse_args(argv)
    overall = {"report": [0, 0], "release": [0, 0]}
    for folder in map(Path, args.folders):
        counts = {"report": [0, 0], "release": [0, 0]}
        for path in sorted(folder.glob("*.txt")):
            try:
                group, form, missing = found_kinds(path)
            except ConversionError as e:
                group, form, missing = "report", "?", [f"unreadable: {e}"]
            if group == "other":
                continue
            counts[group][1] += 1
            counts[group][0] += not missing
            if missing and args.verbose:
                print(f"  {folder.name}/{path.name} ({form}): missing "
                      + ", ".join(getattr(m, "value", str(m)) for m in missing))
        for g in counts:
            overall[g][0] += counts[g][0]
            overall[g][1] += counts[g][1]
        print(f"{folder.name}: 10-K/10-Q with all three statements {counts['report'][0]}/{counts['report'][1]}, "
              f"earnings releases with an income statement {counts['release'][0]}/{counts['release'][1]}")
    r, e = overall["report"], overall["release"]
    print(f"overall: reports {r[0]}/{r[1]} ({r[0] / max(r[1], 1):.0%}), releases {e[0]}/{e[1]} ({e[0] / max(e[1], 1):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
