#!/usr/bin/env python3
"""Conversion throughput over a folder of filings (the corpus), on one core, in one process.

    python benchmarks/bench_corpus.py [FOLDER ...] [--repeat N]

Converts every .txt file, and each subfolder's submission or HTML primary document (read, parse,
map, render, validate; no disk write) after one warm-up pass, and prints filings per second and MB per second, plus the slowest filings.
Defaults to ../shared/corpus and ../shared/corpus-extra beside the project.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConversionError  # noqa: E402
from converter.pipeline import convert  # noqa: E402


_SOURCE = re.compile(r"(?:full-submission|\d{10}-\d\d-\d{6})\.txt$|\.html?$", re.I)


def _sources(folder: Path) -> list[Path]:
    """The filings of a folder: its .txt files, and in each subfolder (a filing per folder, as
    ../shared/corpus-html lays them out) its submission or HTML primary document."""
    out = list(folder.glob("*.txt"))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        found = sorted(p for p in sub.iterdir() if _SOURCE.search(p.name))
        out += found[:1]
    return out


def corpus_args(doc: str, argv=None) -> tuple[argparse.Namespace, list[Path]]:
    """The arguments every corpus benchmark takes (FOLDER ..., --repeat N) and the filings of
    the folders (../shared/corpus and ../shared/corpus-extra by default)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=[str(ROOT.parent / "shared" / "corpus"),
                                                   str(ROOT.parent / "shared" / "corpus-extra")])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    return args, sorted(f for d in args.folders if Path(d).is_dir() for f in _sources(Path(d)))


def main(argv=None) -> int:
    args, files = corpus_args(__doc__, argv)
    if not files:
        print("no filings found", file=sys.stderr)
        return 2
    total_bytes = sum(f.stat().st_size for f in files)
    per_file: dict[Path, float] = {}
    failures = 0
    for f in files:  # warm-up
        try:
            convert(f)
        except ConversionError:
            failures += 1
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for f in files:
            s = time.perf_counter()
            try:
                convert(f)
            except ConversionError:
                pass
            per_file[f] = min(per_file.get(f, 1e9), time.perf_counter() - s)
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    mb = total_bytes / 1e6
    print(f"{len(files)} filings, {mb:.1f} MB, {failures} refused; best of {args.repeat}: {best:.2f} s")
    print(f"  {len(files) / best:.1f} filings/s, {mb / best:.2f} MB/s on one core")
    for f, t in sorted(per_file.items(), key=lambda x: -x[1])[:5]:
        print(f"  slowest: {f.name}: {t * 1000:.0f} ms ({f.stat().st_size / 1e3:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
