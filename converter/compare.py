"""`txt2xbrl compare OURS THEIRS`: one XBRL instance held against another, fact by fact.

For each of THEIRS's numeric facts in a context without dimensions, OURS is searched for:
  same      the same concept, period and value
  concept   the value under another concept, in the same period
  value     the same concept and period with another value
  missing   none of these
Standard concepts (US-GAAP, DEI, SRT) are compared by local name, extensions by their whole
name (no two filers' extensions are one concept), with the US-GAAP names deprecated since 2009 counted as
the 2024 names that replaced them (taxonomy/replacements.toml, the FASB's deprecation arcs),
so that a 2010 filing's own XBRL can check a conversion of it. Periods are the same when they end
on the same day and, for durations, start within three days of each other (52-53 week years
are printed one way and tagged another). THEIRS is only read, never taken into OURS.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from converter.resources import load_toml
from converter.validator.loading import load_xml
from converter.validator.rules import Instance, read_instance

SAME, CONCEPT, VALUE, MISSING = "same", "concept", "value", "missing"
START_SLACK = 3  # days


@dataclass(frozen=True, slots=True)
class Compared:
    concept: str  # THEIRS's local name
    period: str
    value: Decimal
    line: int
    status: str
    ours: str = ""  # OURS's concept (and value, where it differs)


@dataclass
class Comparison:
    ours: str
    theirs: str
    rows: list[Compared] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {SAME: 0, CONCEPT: 0, VALUE: 0, MISSING: 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    def text(self) -> str:
        c = self.counts()
        total = len(self.rows) or 1
        lines = [f"{self.theirs}: {len(self.rows)} facts without dimensions; in {self.ours}: "
                 f"{c[SAME]} same ({c[SAME] / total:.1%}), {c[CONCEPT]} under another concept, "
                 f"{c[VALUE]} with another value, {c[MISSING]} missing; found {c[SAME] + c[CONCEPT]} "
                 f"({(c[SAME] + c[CONCEPT]) / total:.1%})"]
        for r in self.rows:
            if r.status != SAME:
                lines.append(f"  {r.status:8} {r.concept} {r.period} {r.value} (line {r.line})"
                             + (f": ours {r.ours}" if r.ours else ""))
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {"ours": self.ours, "theirs": self.theirs, "counts": self.counts(),
                "facts": [{"concept": r.concept, "period": r.period, "value": str(r.value), "line": r.line,
                           "status": r.status, "ours": r.ours} for r in self.rows]}


@functools.cache
def _successors() -> dict[str, str]:
    """Deprecated US-GAAP local name -> the 2024 name that replaced it."""
    return dict(load_toml("replacements.toml").get("replaced", {}))


_STANDARD_NS = re.compile(r"^\{https?://(?:fasb\.org/(?:us-gaap|srt)|xbrl\.us/us-gaap|xbrl\.sec\.gov/dei|"
                          r"xbrl\.sec\.gov/country|xbrl\.sec\.gov/currency|www\.xbrl\.org)/")


def _name(qname: str) -> str:
    """What makes two facts' concepts the same: a standard concept's local name (its 2024 name
    where it was replaced), an extension's whole name (two filers' "ContributionsFromHolder"
    are two concepts, though their names agree)."""
    local = qname.rpartition("}")[2]
    return _successors().get(local, local) if _STANDARD_NS.match(qname) or "}" not in qname else qname


def _numbers(inst: Instance, only: set[str] | None = None) -> list[tuple]:
    """(local name, (start, end), value, line, unit) of each numeric fact in a context without
    dimensions (of the concepts `only` names, when given)."""
    out = []
    for f in inst.facts:
        ctx = inst.contexts.get(f.context)
        if not f.unit or f.nil or ctx is None or ctx.dimensional:
            continue
        if only is not None and f.concept.rpartition("}")[2] not in only:
            continue
        try:
            value = Decimal(f.value)
            start = dt.date.fromisoformat(ctx.start[:10]) if ctx.start else None
            end = dt.date.fromisoformat((ctx.end or "")[:10])
        except (InvalidOperation, ValueError, TypeError):
            continue
        out.append((f.concept, (start, end), value, f.line, inst.units.get(f.unit)))
    return out


_STATEMENT_ROLE = re.compile(r"balance|financialposition|financialcondition|operations|income|earnings|cashflow|"
                             r"equity|stockholders|shareholders", re.I)
_NOT_STATEMENT = re.compile(r"parenthetical|detail|note|polic|table|schedule|disclosure", re.I)
# the SEC's role definitions: "0040 - Statement - Consolidated Balance Sheets", "107 - Disclosure - ..."
_ROLE_TYPE = re.compile(r"<(?:link:)?roleType\b[^>]*roleURI=[\"']([^\"']+)[\"'][^>]*>.*?<(?:link:)?definition>([^<]*)<", re.S)
_STATEMENT_DEFINITION = re.compile(r"^\s*[\w.]*\s*-\s*Statement\s*-", re.I)


def _statement_roles(folder: Path) -> set[str] | None:
    """The roles the filer's schema beside THEIRS defines as statements ("- Statement -" in its
    roleType definitions, as the SEC's filer manual has them written); None where no schema
    beside it defines roles that way."""
    defined: dict[str, str] = {}
    for xsd in sorted(folder.glob("*.xsd")):
        defined.update(_ROLE_TYPE.findall(xsd.read_text(errors="replace")))
    if not any(re.search(r"-\s*(?:Statement|Disclosure|Document)\s*-", d, re.I) for d in defined.values()):
        return None
    return {uri for uri, d in defined.items() if _STATEMENT_DEFINITION.match(d) and not _NOT_STATEMENT.search(d)}


def statement_concepts(theirs: Path) -> set[str] | None:
    """The concepts of the statement roles of THEIRS's own presentation linkbase, when one lies
    beside it (its *_pre.xml or pre.xml); None when none does. A statement role is one the
    filer's schema defines as a statement, else one whose name says so."""
    pres = sorted(theirs.parent.glob("*pre.xml"))
    if not pres:
        return None
    text = pres[0].read_text(errors="replace")
    roles = _statement_roles(theirs.parent)
    out: set[str] = set()
    for link in re.finditer(r"<(?:link:)?presentationLink\b([^>]*)>(.*?)</(?:link:)?presentationLink>", text, re.S):
        role = re.search(r'role=["\']([^"\']+)["\']', link.group(1))
        uri = role.group(1) if role else ""
        name = uri.rsplit("/", 1)[-1]
        if uri in roles if roles is not None else (_STATEMENT_ROLE.search(name) and not _NOT_STATEMENT.search(name)):
            out |= {h.rsplit("_", 1)[-1] for h in re.findall(r'href=["\'][^"\'#]*#([^"\']+)["\']', link.group(2))}
    return out


def _load(path: Path) -> Instance:
    root, findings = load_xml(path)
    if root is None or root.tag != "{http://www.xbrl.org/2003/instance}xbrl":
        raise ValueError(f"{path}: {findings[0].message if findings else 'not an XBRL instance'}")
    return read_instance(root, str(path), findings)


def compare(ours: Path, theirs: Path, statements: bool = False) -> Comparison:
    """statements=True: only THEIRS's facts of its statement roles (its presentation linkbase)."""
    mine = _numbers(_load(ours))
    by_end: dict[dt.date, list] = {}
    for name, period, value, _, unit in mine:
        by_end.setdefault(period[1], []).append((_name(name), period[0], value, unit))
    out = Comparison(str(ours), str(theirs))
    only = statement_concepts(Path(theirs)) if statements else None
    if statements and only is None:
        raise ValueError(f"{theirs}: no presentation linkbase beside it to tell its statements")
    for name, (start, end), value, line, unit in _numbers(_load(theirs), only):
        concept, name = _name(name), name.rpartition("}")[2]
        here = [(n, v) for n, s, v, u in by_end.get(end, []) if u == unit
                and (s is None) == (start is None) and (s is None or abs((s - start).days) <= START_SLACK)]
        period = f"{start}..{end}" if start else f"{end}"
        same_concept = [v for n, v in here if n == concept]
        if value in same_concept:
            out.rows.append(Compared(name, period, value, line, SAME))
        elif (others := [n for n, v in here if v == value]):
            out.rows.append(Compared(name, period, value, line, CONCEPT, others[0].rpartition("}")[2]))
        elif same_concept:
            out.rows.append(Compared(name, period, value, line, VALUE, f"{concept.rpartition('}')[2]} {same_concept[0]}"))
        else:
            out.rows.append(Compared(name, period, value, line, MISSING))
    return out


def compare_json(results: list[Comparison]) -> str:
    return json.dumps([r.as_json() for r in results], indent=1)
