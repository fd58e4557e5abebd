"""Columns that are not the consolidated figures: the axis and member of their context.

The parser names a column's group as printed ("Automotive", "Finance Subsidiary", "Pro Forma
Adjustments"); here the group becomes an explicit member of an axis chosen by
taxonomy/dimensions.toml, or is held back (non-GAAP, "combined": no axis is written for them)
and reported.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from converter.mapping.extension import ExtensionSet, camel
from converter.model import Arc, Concept, Label, Network
from converter.namespaces import DEI_NS, SRT_NS, USGAAP_NS
from converter.resources import load_toml

DOMAIN_TYPE = "dtr-types:domainItemType"
_STANDARD_NS = {"us-gaap": USGAAP_NS, "dei": DEI_NS, "srt": SRT_NS}  # (the bundled subsets declare the standard axes)
LABEL = "http://www.xbrl.org/2003/role/label"


@dataclass(frozen=True)
class _Axis:
    name: str  # "us-gaap:StatementBusinessSegmentsAxis", or a bare name for the filer's own axis
    domain: str
    label: str
    words: re.Pattern | None
    statements: frozenset[str] = frozenset()  # the statement kinds it serves; empty: any
    members: tuple[tuple[str, re.Pattern], ...] = ()  # standard members and the words that name them

    def fits(self, group: str, kind: str) -> bool:
        return (not self.statements or kind in self.statements) and (self.words is None or bool(self.words.search(group)))


@dataclass(frozen=True)
class _Rules:
    table: str
    line_items: str
    held: re.Pattern
    axes: tuple[_Axis, ...]


@functools.cache
def _rules() -> _Rules:
    data = load_toml("dimensions.toml")
    axes = tuple(_Axis(a["name"], a["domain"], a["label"], re.compile(a["words"], re.I) if a["words"] else None,
                       frozenset(a.get("statements", ())),
                       tuple((m["name"], re.compile(m["words"], re.I)) for m in a.get("member", ())))
                 for a in data["axis"])
    return _Rules(data["table"], data["line_items"], re.compile(data["held"], re.I), axes)


def _standard_member(axis: _Axis, text: str) -> str | None:
    """The first standard member of the axis whose words the printed name has."""
    return next((name for name, words in axis.members if words.search(text)), None)


def _worded_axis(group: str) -> str:
    """The name of the first axis whose words name the group, or ""."""
    return next((a.name for a in _rules().axes if a.words is not None and a.words.search(group)), "")


def is_adjustment(group: str) -> bool:
    """A group of adjustments or eliminations: amounts added to or taken from other columns."""
    return _worded_axis(group).endswith("ConsolidationItemsAxis")


# scenario columns of the figures before the adjustments: a base of the sum, never its result
_BEFORE = re.compile(r"\b(?:previously|originally|as) reported\b|\bhistorical\b", re.I)


def is_scenario(group: str) -> bool:
    """A group of the whole company's figures as they would be (pro forma, as adjusted) or were."""
    return _worded_axis(group).endswith("StatementScenarioAxis")


def placed(group: str, statement: bool) -> bool:
    """Whether a column group's figures become facts with a member: never a group that is not a
    part of the company (pro forma, adjustments...); in a note only a group an axis names by its
    words ("Parent", "Guarantor Subsidiaries"): other note groups are measures as often as parts
    ("Carrying Amount", "Fair Value")."""
    rules = _rules()
    if rules.held.search(group):
        return False
    return statement or any(a.words is not None and a.fits(group, "note") for a in rules.axes)


class Dimensions:
    """The axes, domains and members one filing's columns use, made once each."""

    def __init__(self, ext: ExtensionSet):
        self.ext = ext
        self._members: dict[tuple[str, str], tuple[Concept, Concept]] = {}
        self.domain_of: dict[str, Concept] = {}  # axis qname -> its domain
        self._standard: dict[str, Concept] = {}

    def member(self, group: str, kind: str, entity: bool = False) -> tuple[Concept, Concept]:
        """(axis, member) for a column group's printed name in a statement of a kind (entity: a
        pro forma combination's, whose groups no axis names by its words are companies)."""
        text = " ".join(group.split())
        key = (text.lower(), kind, entity)
        found = self._members.get(key)
        if found is None:
            axis = next(a for a in _rules().axes if a.fits(text, kind))
            if entity and axis.words is None:
                axis = next(a for a in _rules().axes if a.name.endswith("LegalEntityAxis"))
            axis_concept = self._axis(axis)
            standard = _standard_member(axis, text)
            member = (self._concept(standard, DOMAIN_TYPE, f"{text} [Member]") if standard
                      else self.ext.member(f"{camel(text, 60)}Member", f"{text} [Member]"))
            found = self._members[key] = (axis_concept, member)
        return found

    def _axis(self, axis: _Axis) -> Concept:
        concept = self._concept(axis.name, "xbrli:stringItemType", f"{axis.label} [Axis]", dimension=True)
        self.domain_of[concept.qname] = self._concept(axis.domain, DOMAIN_TYPE, f"{axis.label} [Domain]")
        return concept

    def section_member(self, context: str, kind: str) -> tuple[Concept, Concept] | None:
        """(axis, standard member) of an equity statement's section printed for one component
        ("CAPITAL IN EXCESS OF PAR VALUE OF STOCK" over its balances and movements), or None."""
        section = " ".join(context.split(" / ")[-1].split()) if context else ""
        # "CAPITAL STOCK (Note 11)" over "Common Stock", read as one heading: the component is
        # the words after the note reference (and "... AND OTHER (Note 1)" names it without it)
        section = " ".join(_NOTE_MARK.sub(" ", _AFTER_NOTE.sub("", section) or section).split())
        for axis in _rules().axes:
            if section and axis.members and kind in axis.statements:
                standard = _standard_member(axis, section)
                if standard is not None:
                    return self._axis(axis), self._concept(standard, DOMAIN_TYPE, f"{section} [Member]")
        return None

    def table(self) -> Concept:
        return self._concept(_rules().table, "xbrli:stringItemType", "Statement [Table]")

    def line_items(self) -> Concept:
        return self._concept(_rules().line_items, "xbrli:stringItemType", "Statement [Line Items]")

    def _concept(self, qname: str, type_: str, label: str, dimension: bool = False) -> Concept:
        prefix = qname.split(":", 1)[0] if ":" in qname else ""
        if prefix in _STANDARD_NS:
            # one concept per standard name, labelled as first printed
            found = self._standard.get(qname)
            if found is None:
                found = self._standard[qname] = Concept(qname.split(":", 1)[1], prefix, _STANDARD_NS[prefix], type_,
                                                        "duration", None, label, abstract=True)
            return found
        return self.ext.dimensional(qname, type_, label, axis=dimension)


_NOTE_MARK = re.compile(r"\((?i:see )?(?i:notes?) \d+[a-z]?\)")
_AFTER_NOTE = re.compile(r"^[^()]*" + _NOTE_MARK.pattern + r"\s*(?=[A-Z][a-z])")  # a heading up to its note, then words
ALL = "http://xbrl.org/int/dim/arcrole/all"
HYPERCUBE_DIMENSION = "http://xbrl.org/int/dim/arcrole/hypercube-dimension"
DIMENSION_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
DIMENSION_DEFAULT = "http://xbrl.org/int/dim/arcrole/dimension-default"


def with_dimensions(networks: tuple[Network, ...], facts, dims: Dimensions) -> tuple[tuple[Network, ...], list[Label]]:
    """Each statement network whose facts carry members gets its definition relationships: the
    statement's concepts as primary items of one closed hypercube with the axes its columns
    use, each axis defaulting to its domain (the consolidated figures stay in plain contexts);
    and its presentation shows the table, axes, domains and members above the rows."""
    by_table: dict[int, list] = {}
    for f in facts:
        if f.table >= 0:
            by_table.setdefault(f.table, []).append(f)
    out: list[Network] = []
    labels: list[Label] = []
    defaulted: set[str] = set()
    for net in networks:
        members: dict[str, list[Concept]] = {}
        axes: dict[str, Concept] = {}
        for f in by_table.get(net.table, ()):
            for axis, member in f.context.dims:
                axes.setdefault(axis.qname, axis)
                if member not in members.setdefault(axis.qname, []):
                    members[axis.qname].append(member)
        if not axes:
            out.append(net)
            continue
        table, items = dims.table(), dims.line_items()
        primary = list(dict.fromkeys(f.concept for f in by_table[net.table] if not f.concept.abstract))
        arcs = [Arc(items, table, 1, arcrole=ALL)]
        shown: list[Arc] = []
        for i, (q, axis) in enumerate(axes.items(), start=1):
            domain = dims.domain_of[q]
            arcs += [Arc(table, axis, i, arcrole=HYPERCUBE_DIMENSION), Arc(axis, domain, 1, arcrole=DIMENSION_DOMAIN)]
            if q not in defaulted:
                arcs.append(Arc(axis, domain, 1, arcrole=DIMENSION_DEFAULT))
                defaulted.add(q)
            arcs += [Arc(domain, m, k, arcrole=DOMAIN_MEMBER) for k, m in enumerate(members[q], start=1)]
            shown += [Arc(table, axis, i), Arc(axis, domain, 1)]
            shown += [Arc(domain, m, k) for k, m in enumerate(members[q], start=1)]
        arcs += [Arc(items, c, k, arcrole=DOMAIN_MEMBER) for k, c in enumerate(primary, start=1)]
        root = net.presentation[0].parent if net.presentation else None
        if root is not None:
            shown.insert(0, Arc(root, table, 0))
        labels += [Label(c, LABEL, c.label) for c in [table, items, *axes.values(),
                                                       *(dims.domain_of[q] for q in axes),
                                                       *(m for ms in members.values() for m in ms)]]
        out.append(dataclasses.replace(net, presentation=tuple(shown) + net.presentation, dimensional=tuple(arcs)))
    return tuple(out), labels


def adjustment_signs(table) -> tuple[dict[int, int | None], frozenset[tuple[int, int]]]:
    """Whether each adjustments column adds to the other columns of its period or takes from
    them, by the table's own arithmetic: the pro forma (or adjusted) column is the sum of the
    company's, the other companies' and the adjustments' columns, each adjustment added or
    taken away (a consolidating statement's consolidated column, of its entities' and
    eliminations' columns). Returns column index -> +1, -1, or None where no choice of signs makes most
    lines add up (or no pro forma column shows the sum); and the (line, column index) of the
    adjustments whose own line adds up with those signs: only they become facts."""
    adjusting = [c for c in table.columns if c.member and c.period is not None and is_adjustment(c.member)]
    if not adjusting:
        return {}, frozenset()
    signs: dict[int, int | None] = {c.index: None for c in adjusting}
    verified: set[tuple[int, int]] = set()
    for period in {c.period for c in adjusting}:
        cols = [c for c in table.columns if c.period == period]
        adj = [c for c in cols if c in adjusting]
        # the figures after the adjustments: the pro forma, adjusted or restated column; else the
        # plain one ("As Previously Reported | Adjustments | As Restated" with the restated figures
        # the company's own; a consolidating statement's "Consolidated")
        result = [c for c in cols if c.member and is_scenario(c.member) and not _BEFORE.search(c.member)]
        if not result:
            result = [c for c in cols if not c.member]
        base = [c for c in cols if c not in adj and c not in result]
        if len(result) != 1 or not base or len(adj) > 5:
            continue
        lines = []  # per line: (line, base sum, adjustments, result, tolerance)
        for row in table.rows:
            got = row.cells[result[0].index] if result[0].index < len(row.cells) else None
            if got is None:
                continue  # (a dash is a printed zero: "9,000  (9,000)  -" adds up)
            parts = [row.cells[c.index] if c.index < len(row.cells) else None for c in base + adj]
            printed = [p for p in parts if p is not None and p.value is not None]
            amounts = [p.value if p is not None and p.value is not None else Decimal(0) for p in parts]
            unit = Decimal(1).scaleb(-max([got.decimals] + [p.decimals for p in printed]))
            lines.append((row.line, sum(amounts[:len(base)]), amounts[len(base):], got.value or Decimal(0),
                          unit * (len(printed) + 1)))

        def adds_up(choice, entry) -> bool:
            _, base_sum, adjustments, total, tolerance = entry
            return abs(base_sum + sum(s * x for s, x in zip(choice, adjustments)) - total) <= tolerance

        telling = [entry for entry in lines if any(entry[2])]  # (a line without adjustments tells no sign)
        best, fits = None, 0
        for choice in itertools.product((1, -1), repeat=len(adj)):
            n = sum(adds_up(choice, entry) for entry in telling)
            if n > fits:
                best, fits = choice, n
        # most lines that adjust add up, and more than one (a line of per-share amounts need not)
        if best is not None and fits >= 2 and fits * 10 >= len(telling) * 8:
            signs.update({c.index: s for c, s in zip(adj, best)})
            verified.update((entry[0], c.index) for entry in lines if adds_up(best, entry) for c in adj)
    return signs, frozenset(verified)
