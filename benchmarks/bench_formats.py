#!/usr/bin/env python3
"""What the extra output formats cost beside a conversion (issue 17), in one process.

    python benchmarks/bench_formats.py [FOLDER ...] [--repeat N]

For every filing: the conversion (read, parse, map, render, validate) and, from the same model,
each extra format's text (xBRL-JSON, xBRL-CSV, the facts table's rows, the SEC data-set rows), and
the batch adding each filing's rows to the run's facts table (CSV and Parquet) and data sets.
Prints the seconds of each over all filings (best of N) and each as a share of the conversion.
Defaults to ../shared/corpus and ../shared/corpus-extra.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConversionError  # noqa: E402
from converter.facts_table import FactsTable  # noqa: E402
from converter.fsds import FsdsTables  # noqa: E402
from converter.output_store import store_of  # noqa: E402
from converter.pipeline import convert, extra_writers  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_corpus import corpus_args  # noqa: E402


def main(argv=None) -> int:
    args, files = corpus_args(__doc__, argv)
    models = []
    for f in files:
        try:
            models.append((f, convert(f)[0]))
        except ConversionError:
            pass
    writers = extra_writers()
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for f, _ in models:
            convert(f)
        seconds = {"conversion": time.perf_counter() - t0}
        for name, write in writers.items():
            t0 = time.perf_counter()
            for f, model in models:
                write(f, model)
            seconds[name] = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            # the run's tables' own work in the batch: each filing's slice added to facts.csv (and
            # Parquet), and to the data sets' four tables
            for f, model in models:
                (Path(tmp) / model.name).mkdir(exist_ok=True)
                for name, text in {**extra_writers()["table"](f, model), **extra_writers()["fsds"](f, model)}.items():
                    (Path(tmp) / model.name / name).parent.mkdir(exist_ok=True)
                    (Path(tmp) / model.name / name).write_text(text)
            for label, table in (("table: adding to facts.csv and Parquet", FactsTable(Path(tmp) / "table")),
                                 ("fsds: adding to sub, num, pre, tag", FsdsTables(Path(tmp) / "fsds"))):
                t0 = time.perf_counter()
                for f, model in models:
                    table.add(model.name, store_of(tmp), replace=False)
                seconds[label] = time.perf_counter() - t0
        best = {k: min(best.get(k, 1e9), v) for k, v in seconds.items()}
    base = best["conversion"]
    print(f"{len(models)} filings; best of {args.repeat}: conversion {base:.2f} s")
    extras = [k for k in best if k != "conversion"]
    for name in extras:
        print(f"  {name}: {best[name]:.3f} s, {best[name] / base:.1%} of the conversion")
    total = sum(best[name] for name in extras)
    print(f"  all extra formats: {total:.3f} s, {total / base:.1%} of the conversion")
    return 0


if __name__ == "__main__":
    sys.exit(main())
