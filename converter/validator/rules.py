"""XBRL 2.1 instance rules: references resolve, periods and units fit the concepts, numeric
facts state their precision, duplicates agree, nothing defined twice or left unused."""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Callable, NamedTuple
from decimal import Decimal, InvalidOperation

from lxml import etree

from converter.namespaces import ISO4217, LINK, XBRLI
from converter.consistency import span
from converter.validator.dts import Dts
from converter.validator.findings import ERROR, INCONSISTENCY, WARNING, Finding

X = f"{{{XBRLI}}}"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@dataclass
class Context:
    id: str
    key: bytes  # entity, period and scenario, canonical: equal keys are duplicate contexts
    entity: str
    start: str | None
    end: str | None  # the instant, or the end date
    line: int
    dimensional: bool = False  # has a segment or scenario


class Fact(NamedTuple):
    """A fact as its attributes say; value and line are read from the element only when asked
    (a tuple, and lazily: 10,000 of them are made per large instance, most never looked at)."""

    concept: str
    context: str
    unit: str
    decimals: str | None  # the decimals attribute
    precision: str | None
    nil: bool
    element: etree._Element

    @property
    def value(self) -> str:
        return (self.element.text or "").strip()

    @property
    def line(self) -> int:
        return self.element.sourceline or 0


@dataclass
class Instance:
    contexts: dict[str, Context] = field(default_factory=dict)
    units: dict[str, tuple] = field(default_factory=dict)  # id -> (numerators, denominators)
    unit_lines: dict[str, int] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)  # the items, those inside tuples too
    tuples: list[Fact] = field(default_factory=list)  # (a tuple has no context, unit or value of its own)
    tuple_of: dict = field(default_factory=dict)  # the element of a fact inside a tuple -> the tuple's element
    place: Callable[[int], tuple[str, int]] | None = None  # an inline target's line -> (document, line)

    def where(self, fact: Fact) -> str:
        """"line N" of the fact, as a message names it (with its document, in an inline set)."""
        if self.place is None:
            return f"line {fact.line}"
        doc, line = self.place(fact.line)
        return f"line {line} of {doc}" if doc else "line 0"


_RARE_ATTRIBUTES = etree.XPath("boolean(*[@precision or @xsi:nil])",
                              namespaces={"xsi": "http://www.w3.org/2001/XMLSchema-instance"})


def _canon(el: etree._Element | None) -> bytes:
    return b"" if el is None else etree.tostring(el, method="c14n")


def read_instance(root: etree._Element, name: str, findings: list[Finding], text: bytes | None = None,
                  dts: Dts | None = None) -> Instance:
    """The contexts, units and facts of root; TEXT, the document's bytes, if at hand (a quicker
    way to know that no fact has precision or xsi:nil); DTS, to tell tuples by their declarations."""
    inst = Instance()
    seen_keys: dict[bytes, str] = {}
    for c in root.iterfind(f"{X}context"):
        cid = c.get("id", "")
        period = c.find(f"{X}period")
        start = period.findtext(f"{X}startDate") if period is not None else None
        end = (period.findtext(f"{X}endDate") or period.findtext(f"{X}instant")) if period is not None else None
        ident = c.find(f"{X}entity/{X}identifier")
        entity = f"{ident.get('scheme')}#{(ident.text or '').strip()}" if ident is not None else ""
        # what the context says, not how it is laid out: indentation makes no other context
        key = "|".join([entity, _canon(c.find(f"{X}entity/{X}segment")).decode(), (start or "").strip(),
                        (end or "").strip(), "forever" if period is not None and period.find(f"{X}forever") is not None
                        else "", _canon(c.find(f"{X}scenario")).decode()]).encode()
        dimensional = c.find(f"{X}entity/{X}segment") is not None or c.find(f"{X}scenario") is not None
        inst.contexts[cid] = Context(cid, key, entity, (start or "").strip() or None, (end or "").strip() or None,
                                     c.sourceline or 0, dimensional)
        if start and end and start.strip()[:10] > end.strip()[:10]:
            findings.append(Finding("xbrl:periodStartAfterEnd", ERROR, f"context {cid}: {start} is after {end}",
                                    name, c.sourceline or 0))
        if key in seen_keys:
            findings.append(Finding("xbrl:duplicateContext", WARNING,
                                    f"context {cid} repeats context {seen_keys[key]}", name, c.sourceline or 0))
        seen_keys.setdefault(key, cid)
    unit_keys: dict[tuple, str] = {}
    for u in root.iterfind(f"{X}unit"):
        uid = u.get("id", "")
        divide = u.find(f"{X}divide")
        if divide is not None:
            num = tuple(sorted(_measure(m) for m in divide.iterfind(f"{X}unitNumerator/{X}measure")))
            den = tuple(sorted(_measure(m) for m in divide.iterfind(f"{X}unitDenominator/{X}measure")))
        else:
            num, den = tuple(sorted(_measure(m) for m in u.iterfind(f"{X}measure"))), ()
        inst.units[uid] = (num, den)
        inst.unit_lines[uid] = u.sourceline or 0
        if (num, den) in unit_keys:
            findings.append(Finding("xbrl:duplicateUnit", WARNING, f"unit {uid} repeats unit {unit_keys[(num, den)]}",
                                    name, u.sourceline or 0))
        unit_keys.setdefault((num, den), uid)
    skip = (X, f"{{{LINK}}}")
    append = inst.facts.append
    new = tuple.__new__  # Fact(...) through its Python-level __new__ costs a third of the loop
    # precision and xsi:nil are rare: one search in libxml2 spares two lookups on every fact
    if text is not None and (text[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in text[:4]):
        text = None  # (UTF-16 or UTF-32: the bytes do not spell the attribute names)
    rare = b"precision" in text or b"nil" in text if text is not None else bool(_RARE_ATTRIBUTES(root))
    for el in root:
        tag = el.tag
        if tag.__class__ is not str or tag.startswith(skip):
            continue  # comments, processing instructions, contexts, units, references
        get = el.get
        if not rare:
            append(new(Fact, (tag, get("contextRef", ""), get("unitRef", ""), get("decimals"), None, False, el)))
            continue
        decimals, precision = get("decimals"), get("precision")
        text = el.text
        nil = (text is None or not text.strip()) and get(XSI_NIL) in ("true", "1")
        append(new(Fact, (tag, get("contextRef", ""), get("unitRef", ""), decimals, precision, nil, el)))
        if decimals is not None and precision is not None:
            findings.append(Finding("xbrl:decimalsAndPrecision", ERROR, f"{_local(tag)} has both decimals and precision",
                                    name, el.sourceline or 0))
    if "" in map(_CONTEXT, inst.facts):  # (a tuple has no contextRef: looked for only then)
        is_tuple = _tuple_test(dts)
        tuples = [f for f in inst.facts if not f.context and is_tuple(f.element)]
        if tuples:
            _read_tuples(inst, tuples, is_tuple, name, findings)
    return inst


_CONTEXT = operator.itemgetter(1)


def _tuple_test(dts: Dts | None):
    """Whether a fact element without a contextRef is a tuple: by its declaration's substitution
    group where the DTS declares it, else by having facts inside (a fraction's terms are not)."""
    tuples: set[str] = set()
    if dts is not None:
        groups = {f"{{{XBRLI}}}tuple"}
        for _ in range(4):  # (a tuple may substitute for another tuple)
            tuples = {c for c, concept in dts.concepts.items() if concept.group in groups}
            groups |= tuples
    known = dts.concepts if dts is not None else {}

    def is_tuple(el: etree._Element) -> bool:
        if el.tag in known:
            return el.tag in tuples
        return any(isinstance(c.tag, str) and not c.tag.startswith(X) for c in el)
    return is_tuple


def _read_tuples(inst: Instance, tuples: list[Fact], is_tuple, name: str, findings: list[Finding]) -> None:
    """The tuples among the facts read, moved to inst.tuples, and the facts inside them read."""
    moved = {id(t) for t in tuples}
    inst.facts = [f for f in inst.facts if id(f) not in moved]
    todo = list(tuples)
    while todo:
        t = todo.pop()
        inst.tuples.append(t)
        for el in t.element:
            if not isinstance(el.tag, str):
                continue
            get = el.get
            fact = Fact(el.tag, get("contextRef", ""), get("unitRef", ""), get("decimals"), get("precision"),
                        get(XSI_NIL) in ("true", "1") and not (el.text or "").strip(), el)
            (todo if not fact.context and is_tuple(el) else inst.facts).append(fact)
            inst.tuple_of[el] = t.element
            if fact.decimals is not None and fact.precision is not None:
                findings.append(Finding("xbrl:decimalsAndPrecision", ERROR, f"{_local(el.tag)} has both decimals and "
                                        f"precision", name, el.sourceline or 0))


def _measure(m: etree._Element) -> str:
    """A measure as a clark name: iso4217:USD -> {http://www.xbrl.org/2003/iso4217}USD."""
    prefix, _, local = (m.text or "").strip().rpartition(":")
    return f"{{{m.nsmap.get(prefix or None, '')}}}{local}"


def _local(clark: str) -> str:
    return clark.rpartition("}")[2]


def check_facts(inst: Instance, dts: Dts, name: str, findings: list[Finding]) -> None:
    unchecked: dict[str, int] = {}  # namespace whose schema was not available -> facts it leaves unchecked
    not_in_subset: dict[str, set[str]] = {}  # namespace of a bundled subset -> its concepts the subset lacks
    instant = {cid: ctx.start is None for cid, ctx in inst.contexts.items()}
    first: dict[tuple, Fact] = {}  # (concept, context, unit[, tuple]) -> its first non-nil fact
    duplicates: dict[tuple, list[Fact]] = {}
    concepts, units = dts.concepts, inst.units
    currencies = {uid for uid, unit in units.items() if _is_currency(unit)}
    shares = {uid for uid, unit in units.items() if unit == _SHARES}
    tuple_of = inst.tuple_of
    used_contexts: set[str] = set()
    used_units: set[str] = set()
    asks: dict[str, tuple] = {}  # concept -> what it asks of its facts, worked out once per concept
    for f in inst.facts:
        tag, context, unit, decimals, precision, nil, _ = f  # (unpacked: a tenth of the loop's time)
        used_contexts.add(context)
        used_units.add(unit)
        ask = asks.get(tag)
        if ask is None:
            concept = concepts.get(tag)
            ask = asks[tag] = (concept, None if concept is None or not concept.period_type
                               else concept.period_type == "instant", concept is not None and concept.numeric)
        concept, wants_instant, numeric = ask
        if concept is None:
            _undeclared(f, dts, unchecked, not_in_subset, name, findings)
            continue
        is_instant = instant.get(context)
        if is_instant is None:
            findings.append(Finding("xbrl:contextMissing", ERROR,
                                    f"{_local(tag)}: contextRef {context!r} names no context", name, f.line))
        elif wants_instant is not None and is_instant != wants_instant:
            findings.append(Finding("xbrl:periodType", ERROR, f"{_local(tag)} is a {concept.period_type} concept "
                                    f"in context {context}, a{'n instant' if is_instant else ' duration'}", name, f.line))
        if concept.unknown_type is not None:
            unchecked[concept.unknown_type] = unchecked.get(concept.unknown_type, 0) + 1  # its type's schema is missing
        elif numeric:
            base = concept.base  # the slow path only for a fact with something to report
            if unit not in units or base == "monetaryItemType" and unit not in currencies \
                    or base == "sharesItemType" and unit not in shares \
                    or decimals is None and precision is None and base != "fractionItemType":
                _numeric(f, base, inst, name, findings)
        elif unit or decimals is not None or precision is not None:
            _non_numeric(f, name, findings)
        if not nil:
            # (items are duplicates only beside each other: in one tuple, or both outside tuples)
            key = (tag, context, unit) if not tuple_of else (tag, context, unit, tuple_of.get(f.element))
            if first.setdefault(key, f) is not f:
                duplicates.setdefault(key, [first[key]]).append(f)
    for t in inst.tuples:
        if t.concept not in concepts:
            _undeclared(t, dts, unchecked, not_in_subset, name, findings)
    for (concept, context, *_), facts in duplicates.items():
        if concepts[concept].unknown_type is None and not _agree(facts, concepts[concept].numeric):
            # XBRL 2.1 allows them; they make every calculation through them unusable
            findings.append(Finding("xbrl:inconsistentDuplicate", INCONSISTENCY,
                                    f"{_local(concept)} in {context}: " + ", ".join(f.value for f in facts)
                                    + f" ({', '.join(inst.where(f) for f in facts)})", name, facts[1].line))
    for ns, count in sorted(unchecked.items()):
        where = dts.missing.get(ns) or (f"the schema of {ns}, which the DTS does not name" if not dts.unnamed_missing
                                         else f"the schema of {ns} (perhaps {', '.join(dts.unnamed_missing)})")
        findings.append(Finding("dts:notChecked", WARNING, f"{count:,} facts not checked: their concepts or their "
                                f"types are declared in {where}, which is not available", name, 0))
    for ns, missing in sorted(not_in_subset.items()):
        count = sum(1 for f in (*inst.facts, *inst.tuples) if f.concept in missing)
        examples = ", ".join(sorted(_local(c) for c in missing)[:3])
        findings.append(Finding("dts:notInBundledSubset", WARNING, f"{count:,} facts of {len(missing)} concepts of "
                                f"{ns} that the bundled subset does not declare ({examples}{', ...' if len(missing) > 3 else ''}): "
                                f"not checked; pass the taxonomy with --packages ZIP or --taxonomy-dir DIR, or --fetch",
                                name, 0))
    for cid, ctx in inst.contexts.items():
        if cid not in used_contexts:
            findings.append(Finding("xbrl:unusedContext", WARNING, f"context {cid} is not used", name, ctx.line))
    for uid in inst.units:
        if uid not in used_units:
            findings.append(Finding("xbrl:unusedUnit", WARNING, f"unit {uid} is not used", name, inst.unit_lines[uid]))


def _undeclared(f: Fact, dts: Dts, unchecked: dict, not_in_subset: dict, name: str, findings: list[Finding]) -> None:
    """A fact whose concept no schema read declares: of a bundled subset (perhaps a real concept: not
    ours to say), of a namespace no schema of which could be read (not checked), or undeclared."""
    ns = f.concept[1:].partition("}")[0]
    if ns in dts.subsets:
        not_in_subset.setdefault(ns, set()).add(f.concept)
    elif ns not in dts.namespaces:
        unchecked[ns] = unchecked.get(ns, 0) + 1
    else:
        findings.append(Finding("xbrl:undeclaredConcept", ERROR, f"{f.concept} is declared in no schema of the DTS",
                                name, f.line))


_SHARES = ((f"{{{XBRLI}}}shares",), ())


def _is_currency(unit: tuple) -> bool:
    num, den = unit
    return not den and len(num) == 1 and num[0].startswith(f"{{{ISO4217}}}")


def _non_numeric(f: Fact, name: str, findings: list[Finding]) -> None:
    if f.unit:
        findings.append(Finding("xbrl:unitOnNonNumeric", ERROR, f"{_local(f.concept)} is not numeric but has unitRef",
                                name, f.line))
    if f.decimals is not None or f.precision is not None:
        findings.append(Finding("xbrl:decimalsOnNonNumeric", ERROR,
                                f"{_local(f.concept)} is not numeric but has decimals or precision", name, f.line))


def _numeric(f: Fact, base: str | None, inst: Instance, name: str, findings: list[Finding]) -> None:
    label = _local(f.concept)
    if not f.unit or f.unit not in inst.units:
        findings.append(Finding("xbrl:unitMissing", ERROR, f"{label}: " + (f"unitRef {f.unit!r} names no unit"
                                                                           if f.unit else "no unitRef"), name, f.line))
    else:
        if base == "monetaryItemType" and not _is_currency(inst.units[f.unit]):
            findings.append(Finding("xbrl:monetaryUnit", ERROR, f"{label}: unit {f.unit} is not a currency", name, f.line))
        if base == "sharesItemType" and inst.units[f.unit] != _SHARES:
            findings.append(Finding("xbrl:sharesUnit", ERROR, f"{label}: unit {f.unit} is not xbrli:shares", name, f.line))
    if f.decimals is None and f.precision is None and not f.nil and base != "fractionItemType":
        findings.append(Finding("xbrl:decimalsMissing", ERROR, f"{label} has neither decimals nor precision",
                                name, f.line))


def _agree(facts: list[Fact], numeric: bool) -> bool:
    if not numeric:
        return len({f.value for f in facts}) == 1
    spans = [interval(f) for f in facts]
    if any(s is None for s in spans):
        return True  # not a number: XML Schema validity reports it
    return common(spans) is not None


def number(f: Fact) -> Decimal | None:
    if f.nil:
        return None
    try:
        return Decimal(f.value)
    except InvalidOperation:
        return None


def interval(f: Fact) -> tuple[Decimal, Decimal] | None:
    """The values a reported number stands for, given its decimals."""
    v = number(f)
    return None if v is None else span(v, f.decimals if f.precision is None else None)


def common(spans: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal] | None:
    """What intervals have in common; None when they are disjoint (the facts disagree)."""
    low, high = max(s[0] for s in spans), min(s[1] for s in spans)
    return (low, high) if low <= high else None
