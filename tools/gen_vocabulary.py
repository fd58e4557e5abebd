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
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.parsing.vocabulary import KINDS, words  # noqa: E402
from fsds import pre_rows  # noqa: E402

STMT = {"BS": "balance", "IS": "income", "CI": "income", "CF": "cashflow", "EQ": "equity"}
MIN_COUNT = 5


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "labelmap-sources")
    args = ap.parse_args(argv)
    counts: dict[str, Counter] = defaultdict(Counter)
    lines = Counter()
    for r in pre_rows(args.sources):
        kind, plabel = STMT.get(r["stmt"]), r["plabel"]
        if kind is None or r["inpth"] not in ("0", "False", "false"):
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
