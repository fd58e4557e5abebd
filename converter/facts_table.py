"""--facts-table DIR: one table of every fact of a run, a row per fact, for pandas, DuckDB or a
warehouse: DIR/facts.csv, and where pyarrow is installed (`pip install 'txt2xbrl[parquet]'`) the
Parquet dataset DIR/parquet/year=YYYY/NAME.parquet, partitioned by the year of the filing's
period end.

Each conversion writes its own rows into its output folder (OUT/NAME/NAME.facts.csv, made with
the rest of the folder, atomically); the batch then adds them to the table filing by filing. A
filing already in the table is not added again (a resumed batch), and one converted again
(--force) replaces its rows, so the table never holds a fact twice.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from converter.model import Context, XbrlModel
from converter.rendering.render import lexical

COLUMNS = ("filing", "accession", "cik", "registrant", "form", "period_end", "concept", "namespace", "value",
           "unit", "decimals", "start", "end", "instant", "dimensions", "statement", "label", "line", "origin")
# the origin of a fact as the table names it: where in the filing its number was printed
_ORIGIN = {"primary": "statement", "parenthetical": "statement", "notes": "note", "cover": "cover",
           "narrative": "text", "schedule": "schedule"}


def slice_name(name: str) -> str:
    """The file of one filing's rows in its output folder."""
    return f"{name}.facts.csv"


def rows_of(model: XbrlModel, name: str) -> list[list[str]]:
    """One filing's rows, in COLUMNS order and the order of its instance's facts."""
    header = model.header
    dei = model.cover()
    common = [name, (header.accession if header else None) or "", dei.get("EntityCentralIndexKey", ""),
              dei.get("EntityRegistrantName", model.entity.name), dei.get("DocumentType", ""), model.period_end.isoformat()]
    titles = {k: t.title or t.kind.value for k, t in enumerate(model.tables)}
    contexts = {c.id: _context_fields(c) for c in model.contexts}  # (facts share their contexts' fields)
    units = {u.id: u.numerator + (f"/{u.denominator}" if u.denominator else "") for u in model.units}
    rows = []
    for f in model.facts:
        numeric = f.unit is not None
        rows.append([*common, f.concept.qname, f.concept.namespace, lexical(f.value), units[f.unit.id] if numeric else "",
                     str(f.decimals) if numeric and f.decimals is not None else "", *contexts[f.context.id],
                     titles.get(f.table, ""), f.label, str(f.source.line) if f.source else "", _ORIGIN.get(f.group, f.group)])
    return rows


def _context_fields(c: Context) -> list[str]:
    """start, end, instant, dimensions."""
    p = c.period
    return [p.start.isoformat() if p.start else "", "" if p.is_instant else p.end.isoformat(),
            p.end.isoformat() if p.is_instant else "",
            json.dumps({a.qname: m.qname for a, m in c.dims}, sort_keys=True) if c.dims else ""]


def slice_text(model: XbrlModel, name: str) -> str:
    """One filing's rows as CSV, with the header."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows_of(model, name))
    return buf.getvalue()


class FactsTable:
    """DIR/facts.csv (and DIR/parquet/), which a batch adds each converted filing's slice to."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.csv = folder / "facts.csv"
        folder.mkdir(parents=True, exist_ok=True)
        self.filings = self._filings()

    def _filings(self) -> set[str]:
        if not self.csv.exists():
            return set()
        with open(self.csv, newline="", encoding="utf-8") as fh:
            return {row["filing"] for row in csv.DictReader(fh)}

    def add(self, name: str, out, replace: bool) -> bool:
        """Add the slice OUT/NAME/NAME.facts.csv (OUT a store, converter/output_store.py): not again
        when the filing is in the table already, unless replace (it was converted again, so its
        rows are new). True when rows were added."""
        part = f"{name}/{slice_name(name)}"
        if not out.is_file(part) or (name in self.filings and not replace):
            return False
        text = out.read_text(part)
        if name in self.filings:
            self._drop(name)
        new = not self.csv.exists()
        with open(self.csv, "a", encoding="utf-8", newline="") as fh:
            fh.write(text if new else text.split("\n", 1)[1])  # (the header once, at the top)
            fh.flush()
            os.fsync(fh.fileno())
        self.filings.add(name)
        self._parquet(name, text)
        return True

    def _drop(self, name: str) -> None:
        """The table without one filing's rows (rewritten beside it and renamed into place)."""
        fd, tmp = tempfile.mkstemp(prefix=".facts-", suffix=".csv", dir=self.folder)
        with open(self.csv, newline="", encoding="utf-8") as src, os.fdopen(fd, "w", newline="", encoding="utf-8") as dst:
            reader = csv.DictReader(src)
            writer = csv.DictWriter(dst, COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(row for row in reader if row["filing"] != name)
        os.replace(tmp, self.csv)

    def _parquet(self, name: str, text: str) -> None:
        """DIR/parquet/year=YYYY/NAME.parquet, where pyarrow is installed (every column text, as in
        the CSV, so values keep their precision; an empty cell is null)."""
        try:
            import pyarrow as pa
            import pyarrow.csv as pacsv
            import pyarrow.parquet as pq
        except ImportError:
            return
        table = pacsv.read_csv(pa.py_buffer(text.encode("utf-8")), read_options=pacsv.ReadOptions(use_threads=False),
                               convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in COLUMNS}, strings_can_be_null=True))
        year = table.column("period_end")[0].as_py()[:4] if table.num_rows else "unknown"
        for old in (self.folder / "parquet").glob(f"year=*/{name}.parquet"):
            old.unlink()
        target = self.folder / "parquet" / f"year={year}"
        target.mkdir(parents=True, exist_ok=True)
        tmp = target / f".{name}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, target / f"{name}.parquet")
