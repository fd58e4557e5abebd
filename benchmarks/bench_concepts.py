#!/usr/bin/env python3
"""Concepts you can see (issue 12, item 7): the standard-concept share of statement facts per
statement kind over every corpus, and the scores over the visible labels.

    python benchmarks/bench_concepts.py [FOLDER ...] [--labels DIR] [--keep OUT]

For each folder it converts every filing (in one process) and counts the numeric facts of its
primary statements in plain contexts (the consolidated figures) by statement kind, and how many
of them carry a US-GAAP concept rather than an extension. Then, when ../shared/labels/corpus and
../shared/eval/score.py are beside the project, it writes the corpus's instances to a temporary
folder (or --keep OUT) and prints the score script's overall line. Defaults to ../shared/corpus,
corpus-extra and corpus-wide.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConversionError  # noqa: E402
from converter.model import StatementKind  # noqa: E402
from converter.pipeline import convert, convert_to_folder  # noqa: E402

KINDS = ("balance", "income", "cashflow", "equity")


def shares(folder: Path) -> tuple[Counter, Counter, int]:
    """(standard facts, all facts) per statement kind, and the number of filings that failed."""
    std, total = Counter(), Counter()
    failed = 0
    for path in sorted(folder.glob("*.txt")):
        try:
            model, _, _ = convert(path)
        except ConversionError:
            failed += 1
            continue
        for f in model.facts:
            if f.table < 0 or f.group != "primary" or f.context.dims or not f.concept.numeric:
                continue
            kind = model.tables[f.table].kind
            if kind is StatementKind.NOTE:
                continue
            total[kind.value] += 1
            std[kind.value] += f.concept.prefix == "us-gaap"
    return std, total, failed


def scores(corpus: Path, labels: Path, keep: str | None) -> dict | None:
    script = ROOT.parent / "shared" / "eval" / "score.py"
    if not (labels.is_dir() and script.is_file()):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(corpus.glob("*.txt")):
            convert_to_folder(path, out)
        r = subprocess.run([sys.executable, str(script), "--labels", str(labels), "--instances", str(out),
                            "--sources", str(corpus), "--start-slack", "3", "--json"],
                           capture_output=True, text=True)
        return json.loads(r.stdout)["overall"] if r.stdout.strip() else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared"
    ap.add_argument("folders", nargs="*", default=[str(shared / d) for d in ("corpus", "corpus-extra", "corpus-wide")])
    ap.add_argument("--labels", default=str(shared / "labels" / "corpus"), help="label files of the first folder")
    ap.add_argument("--keep", help="write the first folder's instances here (default: a temporary folder)")
    args = ap.parse_args(argv)
    folders = [Path(f) for f in args.folders if Path(f).is_dir()]
    if not folders:
        print("no folders of filings found", file=sys.stderr)
        return 2
    for folder in folders:
        std, total, failed = shares(folder)
        parts = [f"{k} {std[k] / total[k]:.3f} ({std[k]}/{total[k]})" for k in KINDS if total[k]]
        overall = sum(std.values()) / max(sum(total.values()), 1)
        print(f"{folder.name}: standard share {overall:.3f}; " + ", ".join(parts)
              + (f"; {failed} failed" if failed else ""))
    got = scores(folders[0], Path(args.labels), args.keep)
    if got is not None:
        print(f"labelled {folders[0].name}: primary cells {got['cell_recall']['primary']}, concepts "
              f"{got['concept_accuracy']['primary']}, wrong {got['wrong']}, sign {got['sign']}, "
              f"conflicts {got['conflicts']}, untraceable {got['untraceable']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
