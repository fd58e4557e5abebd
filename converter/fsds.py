"""--fsds DIR: the facts in the SEC's Financial Statement Data Sets layout, so that a reader of the
SEC's quarterly data sets (2009 onward) reads the pre-XBRL decades unchanged: DIR/sub.txt (a row
per filing), num.txt (a row per numeric fact), pre.txt (a row per statement line), tag.txt (a row
per tag), tab-separated, UTF-8, a header line, the SEC's column names and encodings:

  adsh     the accession number (the output name where the filing has no EDGAR header; its cik
           and filed are then 0)
  ddate    the period's end, rounded to the nearest month end (yyyymmdd); qtrs its quarters, 0 an instant
  uom      USD, shares, pure; an amount per share is USD, as the SEC writes it
  segments "EquityComponents=RetainedEarnings;" (the axis without "Statement" and "Axis", the member
           without "Member"); coreg empty for the registrant, another company's identifier for its
           figures (a merger 8-K's target)
  value    not scaled, four decimals; footnote the fact's XBRL footnote
  version  "us-gaap/2024", "dei/2024", "srt/2024"; the adsh for the filing's own tags
  stmt     BS, IS, CF, EQ, CI (a statement of comprehensive income); report the statement's number,
           line its line, counting the headings (abstracts), which pre.txt leaves out as the SEC does

Each conversion writes its slice into its folder (OUT/NAME/NAME.fsds/), the batch adds it to DIR
as --facts-table does: a filing once, replaced under --force; a standard tag once in tag.txt.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import tempfile
from collections import defaultdict
from pathlib import Path

from converter.model import Concept, StatementKind, XbrlModel

COLUMNS = {
    "sub": ("adsh", "cik", "name", "sic", "countryba", "stprba", "cityba", "zipba", "bas1", "bas2", "baph",
            "countryma", "stprma", "cityma", "zipma", "mas1", "mas2", "countryinc", "stprinc", "ein", "former",
            "changed", "afs", "wksi", "fye", "form", "period", "fy", "fp", "filed", "accepted", "prevrpt", "detail",
            "instance", "nciks", "aciks"),
    "num": ("adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg", "value", "footnote"),
    "pre": ("adsh", "report", "line", "stmt", "inpth", "rfile", "tag", "version", "plabel", "negating"),
    "tag": ("tag", "version", "custom", "abstract", "datatype", "iord", "crdr", "tlabel", "doc"),
}
TABLES = tuple(COLUMNS)
_STMT = {StatementKind.BALANCE: "BS", StatementKind.INCOME: "IS", StatementKind.CASHFLOW: "CF",
         StatementKind.EQUITY: "EQ"}
_DATATYPE = {"xbrli:monetaryItemType": "monetary", "xbrli:sharesItemType": "shares", "dtr-types:perShareItemType": "perShare",
             "xbrli:pureItemType": "pure", "dtr-types:percentItemType": "percent", "xbrli:decimalItemType": "decimal"}
_VERSION = {"us-gaap": "us-gaap/2024", "dei": "dei/2024", "srt": "srt/2024"}


def slice_folder(name: str) -> str:
    """The folder of one filing's rows in its output folder."""
    return f"{name}.fsds"


@functools.lru_cache(maxsize=4096)  # (a filing's amounts share a few dozen dates)
def month_end(day: dt.date) -> dt.date:
    """The nearest month end ("rounded to the nearest month end", as the data sets' ddate and period)."""
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    before = day.replace(day=1) - dt.timedelta(days=1)
    return last if (last - day).days <= (day - before).days else before


@functools.lru_cache(maxsize=4096)
def _ymd(day: dt.date | None) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}" if day else ""


def _version(concept: Concept, adsh: str) -> str:
    return adsh if concept.extension else _VERSION.get(concept.prefix, concept.prefix)


def _segments(dims) -> str:
    def short(local: str, prefix: str, suffix: str) -> str:
        local = local[len(prefix):] if local.startswith(prefix) and len(local) > len(prefix) else local
        return local[:-len(suffix)] if local.endswith(suffix) and len(local) > len(suffix) else local
    return "".join(f"{short(axis.name, 'Statement', 'Axis')}={short(member.name, '', 'Member')};" for axis, member in dims)


def _uom(unit) -> str:
    if unit.numerator == "xbrli:pure" and not unit.denominator:
        return "pure"
    return unit.numerator.split(":", 1)[-1]  # (USD/shares: USD, as the data sets write an amount per share)


def _qtrs(period) -> str:
    if period.is_instant:
        return "0"
    days = (period.end - period.start).days + 1
    return str(round(days / 91.3))


def rows_of(model: XbrlModel, name: str) -> dict[str, list[dict[str, str]]]:
    """One filing's rows of each table."""
    header = model.header
    adsh = (header.accession if header else None) or name
    dei = model.cover()
    fye = dei.get("CurrentFiscalYearEndDate", "")
    if len(fye) == 7:  # --MM-DD, rounded to the nearest month end as the data sets do
        fye = month_end(dt.date(2001, int(fye[2:4]), int(fye[5:7]))).strftime("%m%d")
    sub = {c: "" for c in COLUMNS["sub"]}
    # (cik and filed are 0 where the filing has no EDGAR header: the data sets' columns allow no
    # empty value, and a reader takes them as numbers)
    sub.update(adsh=adsh, cik=str(int(dei["EntityCentralIndexKey"])) if dei.get("EntityCentralIndexKey", "").isdigit() else "0",
               name=dei.get("EntityRegistrantName", model.entity.name).upper(), sic=str(header.sic) if header and header.sic else "",
               stprinc=dei.get("EntityIncorporationStateCountryCode", ""), ein=dei.get("EntityTaxIdentificationNumber", "").replace("-", ""),
               wksi="0", fye=fye, form=dei.get("DocumentType", ""), period=_ymd(month_end(model.period_end)),
               fy=dei.get("DocumentFiscalYearFocus", ""), fp=dei.get("DocumentFiscalPeriodFocus", ""),
               filed=_ymd(header.filed if header else None) or "0", prevrpt="0", detail="0", instance=f"{name}.xml",
               nciks="1")
    notes = model.notes_of_facts()
    num = []
    used: dict[tuple[str, str], Concept] = {}
    # (a context's date, quarters and segments once, for all its facts)
    # (another company's figures, in a context of its own entity, are its coreg: "other entity")
    contexts = {c.id: (_ymd(month_end(c.period.end)), _qtrs(c.period), _segments(c.dims),
                       "" if (c.entity.scheme, c.entity.identifier) == (model.entity.scheme, model.entity.identifier)
                       else c.entity.identifier) for c in model.contexts}
    uoms = {u.id: _uom(u) for u in model.units}
    keys: set[tuple] = set()
    for i, f in enumerate(model.facts):
        if f.unit is None or f.concept.prefix == "dei":
            continue  # (the data sets' num holds amounts; the cover's are sub's)
        version = _version(f.concept, adsh)
        ddate, qtrs, segments, coreg = contexts[f.context.id]
        key = (f.concept.name, version, ddate, qtrs, uoms[f.unit.id], segments, coreg)
        if key in keys:
            # two periods a day apart are one month end ("quarter ended December 27, 1997" in a note
            # beside the statements' December 26): a row of num once, as the data sets' key requires
            continue
        keys.add(key)
        num.append({"adsh": adsh, "tag": f.concept.name, "version": version, "ddate": ddate, "qtrs": qtrs,
                    "uom": uoms[f.unit.id], "segments": segments, "coreg": coreg, "value": f"{f.value:.4f}",
                    "footnote": " ".join(model.footnotes[k][0] for k in notes.get(i, ()))})
        used[(f.concept.name, version)] = f.concept
    pre = _pre_rows(model, adsh, used)
    # (tlabel: the taxonomy's label of a standard tag, the filer's, as printed, of its own)
    labels = {label.concept.qname: label.text for label in model.labels if label.role == "http://www.xbrl.org/2003/role/label"}
    tags = [{"tag": c.name, "version": version, "custom": "1" if c.extension else "0", "abstract": "0",
             "datatype": _DATATYPE.get(c.type, c.type.split(":")[-1].removesuffix("ItemType")),
             "iord": "I" if c.period_type == "instant" else "D", "crdr": {"credit": "C", "debit": "D"}.get(c.balance or "", ""),
             "tlabel": (labels.get(c.qname) if c.extension else None) or c.label or c.name, "doc": ""}
            for (name_, version), c in sorted(used.items())]
    return {"sub": [sub], "num": num, "pre": pre, "tag": tags}


def _pre_rows(model: XbrlModel, adsh: str, used: dict) -> list[dict[str, str]]:
    """The statements' lines, in order: a report per statement, its lines counted as printed."""
    text_of = {(label.concept.qname, label.role): label.text for label in model.labels}
    out = []
    report = 0
    for network in model.networks:
        table = model.tables[network.table] if 0 <= network.table < len(model.tables) else None
        if table is None or table.kind not in _STMT or not network.presentation:
            continue
        report += 1
        stmt = "CI" if table.kind is StatementKind.INCOME and "comprehensive" in table.title.lower() else _STMT[table.kind]
        children = defaultdict(list)
        for arc in network.presentation:
            children[arc.parent.qname].append(arc)
        placed = {a.child.qname for a in network.presentation}
        roots = [a.parent for a in network.presentation if a.parent.qname not in placed]
        line = 0
        seen: set[str] = set()

        def walk(concept: Concept, arc=None) -> None:
            nonlocal line
            line += 1
            if not concept.abstract:
                role = arc.preferred_label if arc is not None and arc.preferred_label else "http://www.xbrl.org/2003/role/label"
                version = _version(concept, adsh)
                out.append({"adsh": adsh, "report": str(report), "line": str(line), "stmt": stmt, "inpth": "0",
                            "rfile": "X", "tag": concept.name, "version": version,
                            "plabel": text_of.get((concept.qname, role)) or text_of.get((concept.qname, "http://www.xbrl.org/2003/role/label"), concept.name),
                            "negating": "1" if "negated" in role.lower() else "0"})
                used.setdefault((concept.name, version), concept)
            if concept.qname in seen:
                return
            seen.add(concept.qname)
            for child in sorted(children.get(concept.qname, ()), key=lambda a: a.order):
                walk(child.child, child)

        for root in dict.fromkeys(roots):
            walk(root)
    return out


def slice_files(model: XbrlModel, name: str) -> dict[str, str]:
    """One filing's tables as the files of its slice folder (relative names)."""
    out = {}
    for table, rows in rows_of(model, name).items():
        columns = COLUMNS[table]
        lines = ["\t".join(columns)] + ["\t".join([_clean(row[c]) for c in columns]) for row in rows]
        out[f"{slice_folder(name)}/{table}.txt"] = "\n".join(lines) + "\n"
    return out


def _clean(text: str) -> str:
    """A field as the data sets write it: no tab or line break inside."""
    return " ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text


class FsdsTables:
    """DIR/sub.txt, num.txt, pre.txt, tag.txt, which a batch adds each converted filing's slice to."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.filings = self._column("sub", "adsh")
        self.tags = self._column("tag", ("tag", "version"))

    def _column(self, table: str, key) -> set:
        path = self.folder / f"{table}.txt"
        if not path.exists():
            return set()
        with open(path, encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            return {tuple(r[k] for k in key) if isinstance(key, tuple) else r[key] for r in rows}

    def add(self, name: str, out, replace: bool) -> bool:
        """Add the slice OUT/NAME/NAME.fsds/ (OUT a store, converter/output_store.py): not again when
        the filing is in the tables already, unless replace. True when rows were added."""
        part = f"{name}/{slice_folder(name)}"
        if not out.is_file(f"{part}/sub.txt"):
            return False
        texts = {t: out.read_text(f"{part}/{t}.txt") for t in TABLES}
        adsh = texts["sub"].split("\n")[1].split("\t", 1)[0]
        if adsh in self.filings and not replace:
            return False
        if adsh in self.filings:
            for table in ("sub", "num", "pre"):
                self._drop(table, adsh)
        for table in TABLES:
            lines = texts[table].rstrip("\n").split("\n")
            body = lines[1:]
            if table == "tag":  # a tag once, whichever filings use it
                new = []
                for line in body:
                    key = tuple(line.split("\t")[:2])
                    if key not in self.tags:
                        self.tags.add(key)
                        new.append(line)
                body = new
            self._append(table, lines[0], body)
        self.filings.add(adsh)
        return True

    def _append(self, table: str, header: str, lines: list[str]) -> None:
        path = self.folder / f"{table}.txt"
        first = not path.exists()
        if not lines and not first:
            return
        with open(path, "a", encoding="utf-8", newline="") as fh:
            fh.write((header + "\n" if first else "") + "".join(line + "\n" for line in lines))
            fh.flush()
            os.fsync(fh.fileno())

    def _drop(self, table: str, adsh: str) -> None:
        path = self.folder / f"{table}.txt"
        fd, tmp = tempfile.mkstemp(prefix=f".{table}-", suffix=".txt", dir=self.folder)
        with open(path, encoding="utf-8", newline="") as src, os.fdopen(fd, "w", encoding="utf-8", newline="") as dst:
            for k, line in enumerate(src):
                if k == 0 or not line.startswith(adsh + "\t"):
                    dst.write(line)
        os.replace(tmp, path)
