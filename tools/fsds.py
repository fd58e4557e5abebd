"""Reading the SEC's Financial Statement Data Sets `pre` tables in place (shared by the generators)."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from pathlib import Path

COLUMNS = ("stmt", "inpth", "tag", "version", "plabel", "negating")


def pre_rows(sources: Path):
    """Dicts of COLUMNS for every pre line: the 2009 Q3 and 2010 Q2 zips, and the 2010 Q4 Parquet
    file when pyarrow is installed."""
    for name in ("fsds-2009q3.zip", "fsds-2010q2.zip"):
        with zipfile.ZipFile(sources / name) as z, z.open("pre.txt") as fh:
            reader = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
            for r in reader:
                yield {c: r[c] for c in COLUMNS}
    parquet = sources / "fsds-2010q4-pre.parquet"
    try:
        import pyarrow.parquet as pq
    except ImportError:
        print(f"pyarrow is not installed: {parquet.name} left out", file=sys.stderr)
        return
    table = pq.read_table(parquet, columns=list(COLUMNS)).to_pydict()
    for values in zip(*(table[c] for c in COLUMNS)):
        yield {c: ("" if v is None else str(v)) for c, v in zip(COLUMNS, values)}


def deprecated_names(taxonomy_sources: Path) -> dict[str, str]:
    """US-GAAP name -> the year it was deprecated: the FASB's list of the 2025 release, and the
    names the SEC's 2010 tag table labels '(Deprecated 2012-01-31)' (deprecated and since removed,
    which the FASB's list no longer names: OtherComprehensiveIncomeLossNetOfTaxPeriodIncreaseDecrease)."""
    out: dict[str, str] = {}
    with open(taxonomy_sources / "fsds-2010q1-tag.txt", encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["custom"] == "0" and (m := re.search(r"\(Deprecated (\d{4})", r["tlabel"])):
                out[r["tag"]] = m.group(1)
    out.update(json.loads((taxonomy_sources / "us-gaap-deprecated-concepts.json").read_text()))
    return out
