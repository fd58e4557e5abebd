"""The same facts in the Open Information Model's two data formats: xBRL-JSON 1.0 (one NAME.json)
and xBRL-CSV 1.0 (NAME-csv/: a metadata JSON file and its tables as CSV), for pandas, DuckDB and
warehouses. Fact ids are the XML instance's ("f12" in each), periods and units written as the OIM
writes them: an instant date is the start of the next day ("2004-05-31" is "2004-06-01T00:00:00"),
a duration runs from its first day to the day after its last.

Both are written from the model, as the XML is, so the three hold the same facts; Arelle loads
each (tests/test_oim.py holds them to the XML instance fact by fact).
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json

from converter.model import Context, Fact, Period, Unit, XbrlModel
from converter.rendering.render import lexical

JSON_DOCUMENT = "https://xbrl.org/2021/xbrl-json"
CSV_DOCUMENT = "https://xbrl.org/2021/xbrl-csv"
XBRL_NS = "https://xbrl.org/2021"
XBRLI_NS = "http://www.xbrl.org/2003/instance"
ISO4217_NS = "http://www.xbrl.org/2003/iso4217"
FOOTNOTE_ARCROLE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
LINK_ROLE = "http://www.xbrl.org/2003/role/link"
# the entity's scheme as a prefix: the SEC's CIK, else the name scheme txt2xbrl falls back to
_SCHEME_PREFIX = {"http://www.sec.gov/CIK": "cik"}


def _instant(day: dt.date) -> str:
    return f"{day + dt.timedelta(days=1)}T00:00:00"


@functools.lru_cache(maxsize=4096)  # (a filing's facts share a few dozen periods)
def _period(period: Period) -> str:
    return _instant(period.end) if period.is_instant else f"{period.start}T00:00:00/{_instant(period.end)}"


def period_text(context: Context) -> str:
    """An OIM period: "2004-06-01T00:00:00" for the instant 2004-05-31, "START/END" for a duration."""
    return _period(context.period)


def unit_text(unit: Unit | None) -> str:
    """An OIM unit: "iso4217:USD/xbrli:shares"; "" for xbrli:pure, which the OIM writes as no unit."""
    if unit is None or (unit.numerator == "xbrli:pure" and not unit.denominator):
        return ""
    return f"{unit.numerator}/{unit.denominator}" if unit.denominator else unit.numerator


def _scheme_prefixes(model: XbrlModel) -> dict[str, str]:
    """Entity scheme -> its prefix: "cik" for the SEC's, "scheme", "scheme2", ... for the others
    (a filing may name a registrant by name and an acquired company by another scheme)."""
    out: dict[str, str] = {}
    for f in model.facts:
        scheme = f.context.entity.scheme
        if scheme not in out:
            others = sum(1 for s in out if s not in _SCHEME_PREFIX)
            out[scheme] = _SCHEME_PREFIX.get(scheme) or ("scheme" if not others else f"scheme{others + 1}")
    return out


def _namespaces(model: XbrlModel, schemes: dict[str, str]) -> dict[str, str]:
    """Every prefix the facts use: concepts, axes and members, units, the entities' schemes."""
    out = {"xbrl": XBRL_NS, "xbrli": XBRLI_NS, "iso4217": ISO4217_NS}
    for f in model.facts:
        out[f.concept.prefix] = f.concept.namespace
        for axis, member in f.context.dims:
            out[axis.prefix], out[member.prefix] = axis.namespace, member.namespace
    out.update({prefix: scheme for scheme, prefix in schemes.items()})
    return dict(sorted(out.items()))


def _entity(f: Fact, schemes: dict[str, str]) -> str:
    return f"{schemes[f.context.entity.scheme]}:{f.context.entity.identifier}"


def _notes(model: XbrlModel) -> tuple[dict[int, list[str]], list[tuple[str, str]]]:
    """(fact index -> its notes' ids, [(note id, text)]): the XML's footnotes, each an xbrl:note."""
    by_fact = {i: [f"fn{k + 1}" for k in ks] for i, ks in model.notes_of_facts().items()}
    return by_fact, [(f"fn{k + 1}", text) for k, (text, indexes) in enumerate(model.footnotes) if indexes]


def _dimensions(f: Fact, schemes: dict[str, str]) -> dict[str, str]:
    dims = {"concept": f.concept.qname, "entity": _entity(f, schemes), "period": period_text(f.context)}
    if unit_text(f.unit):
        dims["unit"] = unit_text(f.unit)
    for axis, member in f.context.dims:
        dims[axis.qname] = member.qname
    return dims


def xbrl_json(model: XbrlModel) -> str:
    """The instance as an xBRL-JSON 1.0 report."""
    by_fact, notes = _notes(model)
    schemes = _scheme_prefixes(model)
    info: dict = {"documentType": JSON_DOCUMENT, "namespaces": _namespaces(model, schemes)}
    if notes:
        info["linkTypes"] = {"footnote": FOOTNOTE_ARCROLE}
        info["linkGroups"] = {"_": LINK_ROLE}
    info["taxonomy"] = [model.schema_file]
    facts: dict[str, dict] = {}
    for i, f in enumerate(model.facts):
        fact: dict = {"value": lexical(f.value)}
        if f.unit is not None and f.decimals is not None:
            fact["decimals"] = f.decimals
        fact["dimensions"] = _dimensions(f, schemes)
        if i in by_fact:
            fact["links"] = {"footnote": {"_": by_fact[i]}}
        facts[f"f{i + 1}"] = fact
    for note, text in notes:
        facts[note] = {"value": text, "dimensions": {"concept": "xbrl:note", "noteId": note, "language": "en"}}
    # (one line, by json's C encoder: its indenting encoder is pure Python and five times slower)
    return json.dumps({"documentInfo": info, "facts": facts}, ensure_ascii=False) + "\n"


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def xbrl_csv(model: XbrlModel, name: str) -> dict[str, str]:
    """The instance as an xBRL-CSV 1.0 report: NAME-metadata.json and its tables, NAME-facts.csv
    (a row per fact, a column per axis any fact has) and NAME-footnotes.csv where the XML has
    footnotes; file name -> text, the names relative to the report's folder."""
    by_fact, notes = _notes(model)
    schemes = _scheme_prefixes(model)
    axes = sorted({axis.qname for f in model.facts for axis, _ in f.context.dims})
    axis_columns = {qname: "dim_" + qname.replace(":", "_") for qname in axes}
    header = ["id", "concept", "entity", "period", "unit", "decimals", *axis_columns.values(), "value"]
    rows = [header]
    for i, f in enumerate(model.facts):
        members = {axis.qname: member.qname for axis, member in f.context.dims}
        rows.append([f"f{i + 1}", f.concept.qname, _entity(f, schemes),
                     period_text(f.context), unit_text(f.unit),
                     str(f.decimals) if f.unit is not None and f.decimals is not None else "",
                     *(members.get(qname, "") for qname in axes), lexical(f.value)])
    dimensions = {"concept": "$concept", "entity": "$entity", "period": "$period", "unit": "$unit",
                  **{qname: f"${column}" for qname, column in axis_columns.items()}}
    templates: dict = {"facts": {"rowIdColumn": "id", "dimensions": dimensions, "decimals": "$decimals",
                                 "columns": {c: ({"dimensions": {}} if c == "value" else {}) for c in header}}}
    tables: dict = {"facts": {"template": "facts", "url": f"{name}-facts.csv"}}
    files = {f"{name}-facts.csv": _csv(rows)}
    info: dict = {"documentType": CSV_DOCUMENT, "namespaces": _namespaces(model, schemes)}
    metadata: dict = {"documentInfo": info}
    if notes:
        info["linkTypes"] = {"footnote": FOOTNOTE_ARCROLE}
        info["linkGroups"] = {"_": LINK_ROLE}
        templates["footnotes"] = {"rowIdColumn": "id", "dimensions": {"language": "$language"},
                                  "columns": {"id": {}, "footnote": {"dimensions": {"concept": "xbrl:note"}}, "language": {}}}
        tables["footnotes"] = {"template": "footnotes", "url": f"{name}-footnotes.csv"}
        files[f"{name}-footnotes.csv"] = _csv([["id", "footnote", "language"], *([note, text, "en"] for note, text in notes)])
        # (a row is named "r_" and its id in a link, as Arelle reads and writes them)
        metadata["links"] = {"footnote": {"_": {f"facts.r_f{i + 1}.value": [f"footnotes.r_{note}.footnote" for note in ids]
                                                for i, ids in sorted(by_fact.items())}}}
    info["taxonomy"] = [f"../{model.schema_file}"]
    metadata["tables"] = tables
    metadata["tableTemplates"] = templates
    files[f"{name}-metadata.json"] = json.dumps(metadata, indent=1, ensure_ascii=False) + "\n"
    return files
