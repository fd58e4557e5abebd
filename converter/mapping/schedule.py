"""The EX-27 Financial Data Schedule as facts, and as a second opinion on the statements' facts.

Each value of a schedule (parsing/schedule.py) gets its concept and period from
taxonomy/schedules.toml. Where the filing's other facts already give that concept and period,
the schedule adds no fact: the two are compared (after the multiplier, and to the coarser of
the two precisions) and the comparison goes to the report; a disagreement is a warning and
never changes a fact. Elsewhere the value becomes a fact of its own, noted as the schedule's.
A standard concept whose value the schedule gives with a sign it cannot have (a negative
total of assets), a tag without a standard concept, and a tag of an article not in the table
become extension concepts of the filer labelled with the tag's name: never a wrong standard one.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from converter.dates import start_of
from converter.mapping.contexts import ContextSet
from converter.mapping.extension import ExtensionSet, camel
from converter.mapping.taxonomy import Taxonomy
from converter.model import Concept, Fact, Period, Schedule, ScheduleColumn, SourceRef
from converter.rule_files import check_rule_file

_TYPES = {"money": "xbrli:monetaryItemType", "per-share": "dtr-types:perShareItemType",
          "percent": "dtr-types:percentItemType", "shares": "xbrli:sharesItemType"}
_MONTHS = re.compile(r"^(\d{1,2})-MOS$")
_US_DOLLARS = re.compile(r"\bU\.?\s?S\.?\b|\bUNITED STATES\b|\bUSD\b|^DOLLARS?$", re.I)
_STATED = ("primary", "parenthetical", "notes")  # facts read from the filing's tables
AGREE, DIFFERS, SIGN = "agree", "differs", "differs in sign"


@dataclass(frozen=True, slots=True)
class Check:
    """One schedule value held against the fact the filing's statements give for it."""

    tag: str
    document: str
    concept: str
    period: str
    schedule: Decimal
    schedule_text: str
    schedule_line: int
    stated: Decimal
    stated_line: int
    status: str  # agree | differs | differs in sign
    factor: Decimal  # what the schedule's printed number is multiplied by (its multiplier, for money)
    key: bool  # one of the key tags (total assets, net income, EPS, ...)
    note: str = ""  # the filer's footnote to the value


@dataclass
class ScheduleReport:
    facts: list[Fact] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    left_out: list[tuple[str, int, str]] = field(default_factory=list)  # tag, line, why
    documents: list[dict] = field(default_factory=list)
    footnotes: list[tuple[str, list[Fact]]] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # id of a fact -> the filer's footnote to its value

    def keep_only(self, broken: dict[int, str]) -> None:
        """Leave out the facts that would break a summation of the statements (id -> which)."""
        for f in self.facts:
            if id(f) in broken:
                self.left_out.append((f.label, f.source.line if f.source else 0,
                                      f"it would break the statements' calculation of {broken[id(f)]}: not taken"))
        self.facts = [f for f in self.facts if id(f) not in broken]
        self.footnotes = [(text, [f for f in noted if id(f) not in broken]) for text, noted in self.footnotes]
        self.footnotes = [(text, noted) for text, noted in self.footnotes if noted]

    def counts(self) -> dict[str, int]:
        return {AGREE: sum(c.status == AGREE for c in self.checks),
                DIFFERS: sum(c.status != AGREE for c in self.checks), "facts": len(self.facts)}

    def summary(self) -> str:
        """schedule: 14 agree, 1 differs (TOTAL-ASSETS 81,490 vs 81,499, line 1203)"""
        if not self.documents:
            return ""
        c = self.counts()
        differ = [ch for ch in self.checks if ch.status != AGREE]
        shown = "; ".join(f"{ch.tag} {ch.schedule_text} vs {_in_units(ch.stated, ch)}, line {ch.schedule_line}"
                          for ch in differ[:3]) + ("; ..." if len(differ) > 3 else "")
        text = f"schedule: {c[AGREE]} agree, {c[DIFFERS]} differ{'s' if c[DIFFERS] == 1 else ''}"
        text += f" ({shown})" if differ else ""
        return text + f", {c['facts']} facts from the schedule"

    def as_json(self) -> dict:
        return {
            "documents": self.documents,
            "summary": self.summary(),
            "counts": self.counts(),
            "key_counts": {AGREE: sum(c.status == AGREE for c in self.checks if c.key),
                           DIFFERS: sum(c.status != AGREE for c in self.checks if c.key)},
            "checks": [{"tag": c.tag, "document": c.document, "concept": c.concept, "period": c.period,
                        "schedule": str(c.schedule), "schedule_text": c.schedule_text, "schedule_line": c.schedule_line,
                        "statements": str(c.stated), "statements_line": c.stated_line, "status": c.status,
                        "key": c.key, "note": c.note} for c in self.checks],
            "facts": [{"tag": f.label, "concept": f.concept.qname, "context": f.context.id, "value": str(f.value),
                       "line": f.source.line if f.source else 0, "note": self.notes.get(id(f), "")}
                      for f in self.facts],
            "left_out": [{"tag": t, "line": line, "reason": why} for t, line, why in self.left_out],
        }


def _in_units(value: Decimal, check: Check) -> str:
    """A statement's value in the schedule's units (its multiplier, its percentages), written as
    the schedule writes numbers."""
    shown = value / check.factor
    text = f"{abs(shown):,f}".rstrip("0").rstrip(".") if shown != shown.to_integral_value() else f"{abs(int(shown)):,}"
    return f"({text})" if shown < 0 else text


@functools.cache
def _table() -> tuple[dict, dict, frozenset[str], frozenset[str]]:
    data = check_rule_file("schedules.toml")
    return data["common"], data["article"], frozenset(data["key"]["tags"]), frozenset(data["check_only"]["tags"])


def schedule_facts(schedules, tax: Taxonomy, contexts: ContextSet, ext: ExtensionSet,
                   facts: list[Fact]) -> ScheduleReport:
    """The schedules' facts where the filing's `facts` do not give them, and the cross-check."""
    report = ScheduleReport()
    if not schedules:
        return report
    common, articles, key_tags, check_only = _table()
    given: dict[tuple[str, Period], Fact] = {}
    for f in facts:
        if not f.context.dims and f.context.entity == contexts.entity and isinstance(f.value, Decimal):
            k = (f.concept.qname, f.context.period)
            if k not in given or f.group in _STATED and given[k].group not in _STATED:
                given[k] = f
    durations = sorted({p for _, p in given if not p.is_instant}, key=lambda p: (p.end, p.start))
    proposed: dict[tuple[str, Period], list[Fact]] = {}
    for sch in schedules:
        own = articles.get(sch.article, {})
        report.documents.append({"document": sch.document, "line": sch.line, "article": sch.article,
                                 "multiplier": sch.multiplier, "currency": sch.currency, "restated": sch.restated,
                                 "periods": [_column_text(c) for c in sch.columns], "problems": list(sch.problems)})
        report.left_out.extend(("", 0, p) for p in sch.problems)
        foreign = bool(sch.currency) and not _US_DOLLARS.search(sch.currency)
        noted: list[Fact] = []
        for k, col in enumerate(sch.columns):
            duration, confirmed = _duration(col, durations)
            for v in sch.values:
                value, text = v.values[k], v.texts[k]
                if value is None:
                    report.left_out.append((v.tag, v.line, f"{text[:40]!r} is not a number" if text else "no value written"))
                    continue
                entry = own.get(v.tag) or common.get(v.tag)
                why = _why_not(sch, entry, foreign, duration, confirmed)
                if why:
                    report.left_out.append((v.tag, v.line, why))
                    continue
                concept_name, at, measure = entry
                period = Period(col.end) if at == "instant" else \
                    Period(duration.start - dt.timedelta(days=1)) if at == "opening" else duration
                amount, decimals = _amount(value, text, measure, sch.multiplier)
                concept = tax.concepts.get(concept_name) if concept_name else None
                if concept is not None and amount < 0 and concept.name not in tax.signed:
                    concept = None  # a magnitude given negative: the filer's sign, not the concept's
                stated = given.get((concept.qname, period)) if concept is not None else None
                if stated is not None and stated.group != "schedule":
                    report.checks.append(_check(v.tag, sch, concept, period, amount, text, v.line, stated, decimals,
                                                v.tag in key_tags, measure, v.footnote))
                    continue
                if concept is None or amount == 0 or v.tag in check_only or v.footnote:
                    # (a 0 also stood for "not given separately", and a filer's note may qualify
                    # the value: the tag's own concept says no more)
                    concept = ext.get(f"Ex27{camel(v.tag.replace('&', ' and '))}", _TYPES[measure],
                                      "instant" if at != "duration" else "duration",
                                      f"{v.tag} (EX-27 Financial Data Schedule)")
                unit = contexts.unit_for(concept.type)
                fact = Fact(concept, contexts.context(period), amount, unit, decimals,
                            SourceRef(v.line, 0, text), v.tag, -1, "schedule")
                proposed.setdefault((concept.qname, period), []).append(fact)
                noted.append(fact)
                if v.footnote:
                    report.notes[id(fact)] = v.footnote
        report.footnotes.append((_footnote(sch), noted))
    kept = set()
    for (qname, period), found in proposed.items():
        if len({f.value for f in found}) > 1:
            lines = ", ".join(str(f.source.line) for f in found)
            report.left_out.append((found[0].label, found[0].source.line,
                                    f"the schedules give {qname} for {period.key()} different values (lines {lines}): "
                                    "none is taken"))
            continue
        kept.add(id(found[0]))
        report.facts.append(found[0])
        report.left_out.extend((f.label, f.source.line, f"the value of line {found[0].source.line} again: taken once")
                               for f in found[1:])
    report.footnotes = [(text, [f for f in noted if id(f) in kept]) for text, noted in report.footnotes]
    report.footnotes = [(text, noted) for text, noted in report.footnotes if noted]
    return report


def _why_not(sch: Schedule, entry, foreign: bool, duration: Period | None, confirmed: bool) -> str:
    if sch.subsidiary:
        return f"the schedule of {sch.subsidiary}, not of the registrant: not taken"
    if entry is None:
        return f"a tag that taxonomy/schedules.toml does not list for article {sch.article or '?'}: not taken"
    _, at, measure = entry
    if foreign and measure in ("money", "per-share"):
        return f"amounts in {sch.currency}, not US dollars: not converted"
    if measure == "money" and not sch.multiplier:
        return "the schedule's multiplier is not a power of ten: its amounts are not read"
    if at != "instant" and duration is None:
        return "the column's period type does not say how long its period is"
    if at != "instant" and not confirmed:
        # (Apple's 10-Q of June 1997 labels nine months' figures "6-MOS")
        return "no statement prints a period of the column's length ending on its PERIOD-END: not taken"
    return ""


def _amount(value: Decimal, text: str, measure: str, multiplier: int) -> tuple[Decimal, int]:
    """The value in its unit and its decimals: money times the multiplier, a percentage as a
    fraction (4.21 is 0.0421), per-share amounts and counts as printed."""
    places = _places(text)
    if measure == "money":
        return value * multiplier, places - (len(str(multiplier)) - 1)
    if measure == "percent":
        return value.scaleb(-2), places + 2
    return value, places


def _duration(col: ScheduleColumn, durations: list[Period]) -> tuple[Period | None, bool]:
    """The column's period, and whether the filing confirms it: from PERIOD-START (confirmed),
    else the statements' period of its length that ends on PERIOD-END (a 52-53 week year starts
    where the statements say), else counted back from PERIOD-END (not confirmed: a schedule
    labelled "6-MOS" may hold nine months' figures)."""
    if col.start is not None:
        return Period(col.end, col.start), True
    m = _MONTHS.match(col.period_type)
    months = 12 if col.period_type == "YEAR" else int(m.group(1)) if m else 0
    if not 1 <= months <= 12:
        return None, False
    expected = months * 30.44
    fits = [p for p in durations if p.end == col.end and abs((p.end - p.start).days + 1 - expected) <= 12]
    if fits:
        return min(fits, key=lambda p: abs((p.end - p.start).days + 1 - expected)), True
    return Period(col.end, start_of(col.end, months)), False


def _check(tag, sch, concept: Concept, period: Period, amount: Decimal, text: str, line: int, stated: Fact,
           decimals: int, key: bool, measure: str, note: str) -> Check:
    """Agree when the two differ by at most half a unit of the coarser precision ("8,617.5"
    millions in the statements is 8,618 in a schedule of millions)."""
    coarser = min(decimals, stated.decimals if stated.decimals is not None else decimals)
    half = Decimal(5).scaleb(-coarser - 1)
    if abs(stated.value - amount) <= half:
        status = AGREE
    elif abs(abs(stated.value) - abs(amount)) <= half:
        status = SIGN
    else:
        status = DIFFERS
    factor = Decimal(sch.multiplier) if measure == "money" else Decimal("0.01") if measure == "percent" else Decimal(1)
    return Check(tag, sch.document, concept.qname, period.key(), amount, text, line, stated.value,
                 stated.source.line if stated.source else 0, status, factor, key, note)


def _places(text: str) -> int:
    """Digits printed after the decimal point."""
    digits = text.strip("()$-").replace(",", "")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _column_text(col: ScheduleColumn) -> str:
    start = f"{col.start.isoformat()} to " if col.start else ""
    return f"{col.period_type or '?'} {start}{col.end.isoformat()}"


def _footnote(sch: Schedule) -> str:
    restated = "restated " if sch.restated else ""
    return (f"From the filer's {restated}Financial Data Schedule ({sch.document}, Article {sch.article or '?'}, "
            f"line {sch.line}): the statements do not give this figure.")


def differences(report: ScheduleReport) -> list[tuple[int, str]]:
    """(schedule line, warning) for each schedule value the statements contradict."""
    return [(c.schedule_line, f"{c.document} <{c.tag}> {c.schedule_text} (line {c.schedule_line}) {c.status} from "
                              f"the statements' {c.concept} {_in_units(c.stated, c)} (line {c.stated_line}), {c.period}")
            for c in report.checks if c.status != AGREE]


def disagreements(report: ScheduleReport) -> list[str]:
    """A warning for each schedule value the statements contradict."""
    return [text for _, text in differences(report)]
