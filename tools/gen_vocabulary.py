#!/usr/bin/env python3
"""Generate taxonomy/statement_vocabulary.json: how often each word appears on each statement kind.

    python tools/gen_vocabulary.py [--sources ../shared/labelmap-sources]

Reads the `pre` tables of the SEC's Financial Statement Data Sets in place (the 2009 Q3 and
2010 Q2 zips; the 2010 Q4 Parquet file too when pyarrow is installed): each primary-statement
line's printed label (`plabel`) and its statement code (`stmt`: BS, IS, CF, EQ; CI counts as
IS). Parenthetical lines are left out. Words are those of converter.parsing.vocabulary.words;
a word is kept when it appears at least MIN_COUNT times. The output is committed.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.parsing.vocabulary import KINDS, words  # noqa: E402

STMT = {"BS": "balance", "IS": "income", "CI": "income", "CF": "cashflow", "EQ": "equity"}
MIN_COUNT = 5


def pre_rows(sources: Path):
    """(stmt, inpth, plabel) of every pre line of the sources."""
    for name in ("fsds-2009q3.zip", "fsds-2010q2.zip"):
        with zipfile.ZipFile(sources / name) as z, z.open("pre.txt") as fh:
            reader = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
            for r in reader:
                yield r["stmt"], r["inpth"], r["plabel"]
    parquet = sources / "fsds-2010q4-pre.parquet"
    try:
        import pyarrow.parquet as pq
    except ImportError:
        print(f"pyarrow is not installed: {parquet.name} left out", file=sys.stderr)
        return
    table = pq.read_table(parquet, columns=["stmt", "inpth", "plabel"]).to_pydict()
    yield from zip(table["stmt"], map(str, table["inpth"]), table["plabel"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "labelmap-sources")
    args = ap.parse_args(argv)
    counts: dict[str, Counter] = defaultdict(Counter)
    lines = Counter()
    for stmt, inpth, plabel in pre_rows(args.sources):
        kind = STMT.get(stmt)
        if kind is None or inpth not in ("0", "False", "false"):
            continue
        lines[kind] += 1
        for w in set(words(plabel or "")):
            counts[w][kind] += 1
    kept = {w: [c[k] for k in KINDS] for w, c in sorted(counts.items()) if sum(c.values()) >= MIN_COUNT}
    totals = {k: sum(v[i] for v in kept.values()) for i, k in enumerate(KINDS)}
    out = {"source": "SEC Financial Statement Data Sets, pre tables 2009q3, 2010q2, 2010q4 (plabel by stmt)",
           "kinds": list(KINDS), "lines": {k: lines[k] for k in KINDS}, "totals": totals, "words": kept}
    path = ROOT / "taxonomy" / "statement_vocabulary.json"
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"{path.name}: {len(kept)} words from {sum(lines.values())} lines {dict(lines)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
