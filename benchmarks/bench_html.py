#!/usr/bin/env python3
"""The HTML era against the filers' own XBRL (issue 16).

    python benchmarks/bench_html.py [FOLDER] [-v] [--zeros]

FOLDER (default ../shared/corpus-html) holds one folder per filing: an EDGAR submission
(full-submission.txt, NNNN.txt) or an HTML primary document, and, for the filings of 2009-2011,
the filer's XBRL (as loose files, or as EX-101 documents inside the submission). Each filing
is converted (the converter never reads EX-101 for facts) and:
  with the filer's XBRL: held against it by `txt2xbrl compare` (all its numeric facts without
    dimensions, and those of its statement roles where its presentation linkbase is at hand):
    found (same period and value), under the filer's concept, with another value;
  without: whether a balance sheet, an income statement and a cash-flow statement were found.
Prints a line per filing and the totals; -v lists the facts with another value; --zeros
converts with dashes as facts of 0 (filers tag a printed dash as 0; by default it is no fact).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from converter.compare import CONCEPT, SAME, VALUE, compare  # noqa: E402
from converter.errors import ConversionError  # noqa: E402
from filer_xbrl import unpack  # noqa: E402
from converter.pipeline import convert  # noqa: E402

_SOURCE = re.compile(r"(?:full-submission|\d{10}-\d\d-\d{6})\.txt$|\.html?$", re.I)


def source_of(folder: Path) -> Path | None:
    found = sorted(p for p in folder.iterdir() if _SOURCE.search(p.name))
    return found[0] if found else None


def theirs_of(folder: Path, source: Path, work: Path) -> Path | None:
    """The filer's instance: a loose .xml beside the HTML, or the EX-101.INS of the submission
    (written to `work` with the other EX-101 documents beside it, under their own names)."""
    loose = [p for p in folder.glob("*.xml") if not p.name.endswith(("pre.xml", "cal.xml", "def.xml", "lab.xml"))]
    if loose:
        return loose[0]
    return unpack(source, work)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus-html"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--zeros", action="store_true", help="convert with --zeros (dashes as facts of 0, as filers tag them)")
    args = ap.parse_args(argv)
    totals = {"all": Counter(), "statements": Counter()}
    found_all = filings_b = 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in Path(args.folder).iterdir() if p.is_dir()):
            source = source_of(folder)
            if source is None:
                continue
            try:
                model, rendered, _ = convert(source, zeros=args.zeros)
            except ConversionError as exc:
                print(f"{folder.name}: not converted ({exc})")
                continue
            theirs = theirs_of(folder, source, Path(tmp) / folder.name / "theirs")
            if theirs is None:
                kinds = {t.kind.value for t in model.tables}
                ok = {"balance", "income", "cashflow"} <= kinds
                filings_b += 1
                found_all += ok
                print(f"{folder.name}: {'all three statements' if ok else 'missing ' + ', '.join(sorted({'balance', 'income', 'cashflow'} - kinds))}")
                continue
            ours = Path(tmp) / folder.name / "ours.xml"
            ours.parent.mkdir(parents=True, exist_ok=True)
            ours.write_text(rendered.files[rendered.instance_name])
            (ours.parent / model.schema_file).write_text(rendered.files[model.schema_file])
            line = [folder.name + ":"]
            for scope in ("all", "statements"):
                try:
                    result = compare(ours, theirs, statements=scope == "statements")
                except ValueError as exc:
                    line.append(f"{scope}: {exc}" if scope == "all" else "")
                    continue
                c = result.counts()
                totals[scope].update(c)
                n = sum(c.values()) or 1
                line.append(f"{scope} {sum(c.values())}: found {(c[SAME] + c[CONCEPT]) / n:.1%}, their concept "
                            f"{c[SAME] / n:.1%}, other value {c[VALUE]}")
                if args.verbose and scope == "all":
                    line += [f"\n    {r.concept} {r.period} {r.value}: ours {r.ours}" for r in result.rows if r.status == VALUE]
            print(" ".join(line))
    for scope, c in totals.items():
        n = sum(c.values()) or 1
        print(f"with the filer's XBRL, {scope} facts: {sum(c.values())}, found {(c[SAME] + c[CONCEPT]) / n:.1%}, "
              f"their concept {c[SAME] / n:.1%}, other value {c[VALUE]}")
    print(f"without XBRL: all three statements found in {found_all} of {filings_b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
