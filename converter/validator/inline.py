"""Inline XBRL 1.1 input for `txt2xbrl validate`: an XHTML document read into its target instance,
which is then validated like any instance, each fact on the line of the inline document it was
tagged on.

The facts' values go through the transformation registries (taxonomy/ixt.toml: ixt 3, 4 and 5 and
the SEC's ixt-sec); scale and sign apply to numbers. The inline rules checked here, with Arelle's
codes: a format that no registry defines (invalidTransformation), a value it cannot read
(transformValueError); ids
used twice (idMustBeUnique); continuation chains (continuationMissing, continuationCycle,
continuationReferences, continuationNotReferenced; ancestorNodeDisallowed for one in ix:hidden); no
ix:references (missingReferences), or none for a target facts name (missingReferenceTargets); an ix:footnote without xml:lang in scope (footnoteLang).
A format the registries define that is not implemented here leaves its facts out, reported as not
checked. ix:tuple and ix:fraction are read into tuples (their facts placed by tupleRef or nesting,
in their order) and fraction items; tupleRefMissing, tupleMemberOrderMissing, tupleIdDuplication.
"""
from __future__ import annotations

import collections
import copy
import decimal
import os
import functools
import tomllib
from decimal import Decimal, InvalidOperation

from lxml import etree

from converter.namespaces import LINK, XBRLI, XLINK
from converter.resources import taxonomy_dir
from converter.validator.findings import ERROR, WARNING, Finding
from converter.validator.ixt import transform

IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_I = f"{{{IX}}}"
# The section of Inline XBRL 1.1 an element's errors cite, by element and by kind of rule (its
# constraints, its validation rules), as Arelle's codes name them; a context or a unit is cited
# as ix:resources.
_SECTIONS = {
    "continuation": ("ix11.4.1.1", "ix11.4.1.2"), "exclude": ("ix11.5.1.1", "ix11.5.1.2"),
    "footnote": ("ix11.6.1.1", "ix11.6.1.2"), "fraction": ("ix11.7.1.2", "ix11.7.1.3"),
    "numerator": ("ix11.7.1.1", "ix11.7.1.3"), "denominator": ("ix11.7.1.1", "ix11.7.1.3"),
    "header": ("ix11.8.1.1", "ix11.8.1.3"), "hidden": ("ix11.9.1.1", "ix11.9.1.2"),
    "nonFraction": ("ix11.10.1.1", "ix11.10.1.2"), "nonNumeric": ("ix11.11.1.1", "ix11.11.1.2"),
    "references": ("ix11.12.1.1", "ix11.12.1.2"), "relationship": ("ix11.13.1.1", "ix11.13.1.2"),
    "resources": ("ix11.14.1.1", "ix11.14.1.2"), "tuple": ("ix11.15.1.1", "ix11.15.1.2"),
}
_SECT = {name: validation for name, (_, validation) in _SECTIONS.items()}


def is_inline(root: etree._Element) -> bool:
    return root.tag in (f"{{{XHTML}}}html", "html") and root.find(f".//{_I}header") is not None


@functools.cache
def _registries() -> tuple[dict[str, frozenset[str]], dict[str, str], frozenset[str]]:
    """Each registry's format names, the implemented names' kinds, the registries known only in part."""
    data = tomllib.loads((taxonomy_dir() / "ixt.toml").read_text(encoding="utf-8"))
    registries = data["registry"].values()
    return ({r["namespace"]: frozenset(r["formats"]) for r in registries}, data["implemented"],
            frozenset(r["namespace"] for r in registries if not r.get("complete", True)))


def _code(element: etree._Element, name: str, constraint: bool = False) -> str:
    """Arelle's code: the section of the element's rules (its constraints, or its validation rules)."""
    local = etree.QName(element).localname if isinstance(element.tag, str) else "other"
    local = "resources" if local in ("context", "unit") else local
    return f"{_SECTIONS.get(local, ('ix11', 'ix11'))[0 if constraint else 1]}:{name}"


class Origins:
    """Where each element of a target instance came from. Its sourceline is an index into this
    table, not a line: the elements of a document set come from several files, and lxml's
    sourceline holds no more than 65,535 (a place past that many is reported without its line)."""

    LIMIT = 65_535

    def __init__(self) -> None:
        self.places: list[tuple[str, int]] = [("", 0)]  # index 0: no place known
        self._index: dict[tuple[str, int], int] = {}

    def mark(self, element: etree._Element, doc: str, line: int | None) -> None:
        key = (doc, line or 0)
        at = self._index.get(key)
        if at is None:
            at = len(self.places) if len(self.places) <= self.LIMIT else 0
            if at:
                self.places.append(key)
                self._index[key] = at
        element.sourceline = at

    def place(self, at: int) -> tuple[str, int]:
        return self.places[at] if 0 < at < len(self.places) else ("", 0)


def target_instance(docs: list[tuple[etree._Element, str]], findings: list[Finding],
                    target: str | None = None) -> tuple[etree._Element, Origins]:
    """The target instance of the Inline XBRL document set DOCS (each document's root and name:
    one document, or several that make one set), for TARGET (None: the default target, the ix
    elements without a target attribute), and where each of its elements came from. Findings of
    the inline rules are on the documents' own lines."""
    origins = Origins()
    nsmap = {"xbrli": XBRLI}
    for root, _ in docs:
        for el in (root, *root.iter(f"{_I}nonFraction", f"{_I}nonNumeric", f"{_I}references", f"{_I}resources")):
            nsmap.update({p: ns for p, ns in el.nsmap.items() if p and ns not in (IX, XHTML) and p not in nsmap})
    out = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=nsmap)
    origins.mark(out, docs[0][1], docs[0][0].sourceline)
    _ids(docs, findings)
    refs = [(r, name) for root, name in docs for refs in root.iter(f"{_I}references") if refs.get("target") == target
            for r in refs if isinstance(r.tag, str)]
    _references_of_targets(docs, findings)
    seen_refs: set[bytes] = set()
    for r, name in refs:
        ref = _copy(r, name, origins)
        _rebase(ref, name, docs[0][1])
        key = etree.tostring(ref, method="c14n")
        if key not in seen_refs:  # (each document of a set may name the same schema)
            seen_refs.add(key)
            out.append(ref)
    continuations = {c.get("id"): (c, name) for root, name in docs
                     for c in root.iter(f"{_I}continuation") if c.get("id")}
    used: dict[str, etree._Element] = {}
    unread = elsewhere = 0
    made: dict[etree._Element, etree._Element] = {}  # inline fact or tuple -> its element in the target
    tuples: dict[str, tuple[etree._Element, str]] = {}  # tupleID -> its ix:tuple and document
    for root, name in docs:
        for el in root.iter(f"{_I}nonFraction", f"{_I}nonNumeric", f"{_I}fraction", f"{_I}tuple"):
            if el.get("target") != target:
                elsewhere += 1
                continue
            local = etree.QName(el).localname
            parent = el.getparent()
            if local in ("nonFraction", "fraction") and parent is not None and parent.tag == el.tag:
                continue  # (a nested nonFraction or fraction is its parent's value)
            if local == "tuple":
                fact = _tuple(el, name, findings, tuples)
            elif local == "fraction":
                fact = _fraction(el, name, findings)
            else:
                fact = _fact(el, local, continuations, used, name, findings)
            if fact is not None:
                for part in fact.iter():  # (a fraction's terms on its line too)
                    origins.mark(part, name, el.sourceline)
                made[el] = fact
            elif _format_state(el) == "unimplemented" or el.get(_UNREAD):
                unread += 1
    for root, name in docs:  # (marked after the facts: if the origin table fills, facts keep their lines)
        for resources in root.iter(f"{_I}resources"):
            for r in resources:
                if isinstance(r.tag, str) and not r.tag.startswith(_I):
                    out.append(_copy(r, name, origins))
    _place(made, tuples, out, docs, findings)
    _references(made, out, docs, findings)
    _footnotes(docs, out, target, origins)
    for root, name in docs:
        for note in root.iter(f"{_I}footnote"):
            if _lang(note) is None:
                findings.append(Finding("ix11.6.1.2:footnoteLang", ERROR, "ix:footnote has no xml:lang in scope",
                                        name, note.sourceline or 0))
    for cid, (c, name) in continuations.items():
        if any(a.tag == f"{_I}hidden" for a in c.iterancestors()):
            findings.append(Finding("ix11.4.1.1:ancestorNodeDisallowed", ERROR, f"ix:continuation {cid} may not be "
                                    f"inside ix:hidden", name, c.sourceline or 0))
        if cid not in used:
            findings.append(Finding(f"{_SECT['continuation']}:continuationNotReferenced", ERROR,
                                    f"ix:continuation {cid} is not referenced by any fact or continuation", name,
                                    c.sourceline or 0))
    if unread:
        findings.append(Finding("dts:notChecked", WARNING, f"{unread:,} inline facts not checked: their format "
                                f"is one this validator does not implement, or cannot read here", docs[0][1], 0))
    if elsewhere:
        findings.append(Finding("inline:otherTarget", WARNING, f"{elsewhere:,} inline facts of "
                                + ("other targets" if target is None else "the default or other targets")
                                + " are not in this target instance" + ("" if target else " (choose one with --inline-target)"),
                                docs[0][1], 0))
    return out, origins


def _references_of_targets(docs: list[tuple[etree._Element, str]], findings: list[Finding]) -> None:
    """The set has ix:references (missingReferences), and each target its facts name has its own
    (missingReferenceTargets), as Arelle checks them."""
    with_refs = {r.get("target") for root, _ in docs for r in root.iter(f"{_I}references")}
    where = (docs[0][1], docs[0][0].sourceline or 0)
    if not with_refs:
        findings.append(Finding(f"{_SECT['references']}:missingReferences", ERROR, "no ix:references names a schema",
                                *where))
        return
    used = {el.get("target") for root, _ in docs
            for el in root.iter(f"{_I}nonFraction", f"{_I}nonNumeric", f"{_I}fraction", f"{_I}tuple")}
    missing = sorted("(default)" if t is None else t for t in used - with_refs)
    if missing:
        findings.append(Finding(f"{_SECT['references']}:missingReferenceTargets", ERROR, f"no ix:references for "
                                f"target{'s' if len(missing) > 1 else ''} {', '.join(missing)}", *where))


def _rebase(ref: etree._Element, doc: str, base: str) -> None:
    """A relative schemaRef or linkbaseRef of DOC made relative to BASE, the document the target
    instance's references are resolved from (the documents of a set may lie in different folders)."""
    href = ref.get(f"{{{XLINK}}}href")
    if not href or "://" in href or href.startswith(("/", "#")) or os.path.dirname(doc) == os.path.dirname(base):
        return
    target = os.path.normpath(os.path.join(os.path.dirname(doc), href))
    ref.set(f"{{{XLINK}}}href", os.path.relpath(target, os.path.dirname(base) or ".").replace(os.sep, "/"))


def _tuple(el, name, findings, tuples) -> etree._Element | None:
    """The target's element of an ix:tuple (its facts are placed in it afterwards)."""
    concept = _concept_tag(el, name, findings)
    if concept is None:
        return None
    tid = el.get("tupleID")
    if tid is not None:
        if tid in tuples:
            first, first_name = tuples[tid]
            findings.append(Finding(_code(el, "tupleIdDuplication"), ERROR, f"tupleID {tid!r} is used again (first at "
                                    f"line {first.sourceline}" + ("" if first_name == name else f" of {first_name}")
                                    + ")", name, el.sourceline or 0))
        tuples.setdefault(tid, (el, name))
    fact = etree.Element(concept)
    for attr in ("id", XSI_NIL):
        if el.get(attr) is not None and not (attr == "id" and el.get(_REPEATED)):
            fact.set(attr, el.get(attr))
    return fact


def _fraction(el, name, findings) -> etree._Element | None:
    """An ix:fraction as an item of numerator and denominator (each read by its own format, scale
    and sign), with the fraction rules as Arelle names them."""
    concept = _concept_tag(el, name, findings)
    if concept is None:
        return None
    fact = etree.Element(concept)
    for attr in ("contextRef", "unitRef", "id", XSI_NIL):
        if el.get(attr) is not None and not (attr == "id" and el.get(_REPEATED)):
            fact.set(attr, el.get(attr))
    line = el.sourceline or 0
    children = [c for c in el if isinstance(c.tag, str) and c.tag.startswith(_I)]
    terms = [d for d in el.iter(f"{_I}numerator", f"{_I}denominator")]
    if el.get(XSI_NIL) in ("true", "1"):
        if terms:
            findings.append(Finding(_code(el, "nilFractionChildren", constraint=True), ERROR,
                                    "a nil ix:fraction has an ix:numerator or ix:denominator", name, line))
            findings.append(Finding(_code(el, "fractionNilTerms"), ERROR, "a nil ix:fraction has terms", name, line))
        return fact
    counts = collections.Counter(etree.QName(c).localname for c in children)
    if counts["numerator"] != 1 or counts["denominator"] != 1 or set(counts) - {"numerator", "denominator", "fraction"}:
        findings.append(Finding(_code(el, "fractionChildren", constraint=True), ERROR, "an ix:fraction needs one "
                                "ix:numerator and one ix:denominator (and nothing else of ix but nested fractions)",
                                name, line))
    if {etree.QName(t).localname for t in terms} != {"numerator", "denominator"}:
        findings.append(Finding(_code(el, "fractionTerms"), ERROR, "an ix:fraction needs an ix:numerator and an "
                                "ix:denominator", name, line))
        return None
    for term in ("numerator", "denominator"):
        part = next(el.iter(f"{_I}{term}"))
        text, state = _text(part), _format_state(part)
        if state == "undefined":
            findings.append(Finding(_code(part, "invalidTransformation"), ERROR, f"format {part.get('format')} is "
                                    f"defined by no transformation registry", name, part.sourceline or 0))
            return None
        if state == "unimplemented":
            el.set(_UNREAD, "1")
            return None
        if state == "none" and text.strip().startswith("-"):
            findings.append(Finding(_code(part, "fractionTermNegative"), ERROR, f"ix:{term} {text.strip()!r} is "
                                    f"negative without a format", name, part.sourceline or 0))
        value = _transform(part.get("format").rpartition(":")[2], text) if state == "implemented" else text.strip()
        number = _number(value, part.get("scale"), part.get("sign")) if value is not None else None
        if number is None:
            findings.append(Finding(_code(part, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a number", name, part.sourceline or 0))
            return None
        etree.SubElement(fact, f"{{{XBRLI}}}{term}").text = number
    return fact


def _concept_tag(el, name, findings) -> str | None:
    """The clark name of the element's name attribute, or None (with the finding) if it is none."""
    concept = el.get("name", "")
    prefix, _, cname = concept.rpartition(":")
    ns = el.nsmap.get(prefix or None)
    if ns is None or not cname:
        findings.append(Finding(_code(el, "invalidName"), ERROR, f"name {concept!r} is not a QName in scope", name,
                                el.sourceline or 0))
        return None
    return f"{{{ns}}}{cname}"


def _place(made: dict, tuples: dict, out: etree._Element, docs, findings: list[Finding]) -> None:
    """Each fact and tuple in the target: in the tuple its tupleRef names or the ix:tuple around it
    (in the order of their order attributes), else at the top level."""
    name_of = {el: name for root, name in docs for el in made if el.getroottree().getroot() is root}
    other_targets = {t.get("tupleID") for root, _ in docs for t in root.iter(f"{_I}tuple")
                     if t.get("tupleID") and t.get("tupleID") not in tuples}
    owners: dict[etree._Element, etree._Element | None] = {}
    for el in made:
        name, ref, owner = name_of[el], el.get("tupleRef"), None
        if ref is not None:
            if ref in tuples:
                owner = tuples[ref][0]
            elif ref in other_targets:
                findings.append(Finding(_code(el, "tupleMemberDifferentTarget"), ERROR, f"tupleRef {ref!r} names a "
                                        f"tuple of another target", name, el.sourceline or 0))
                continue
            else:
                findings.append(Finding(_code(el, "tupleRefMissing"), ERROR, f"tupleRef {ref!r} names no ix:tuple",
                                        name, el.sourceline or 0))
        else:
            nearest = next(el.iterancestors(f"{_I}*"), None)  # (as Arelle reads it: the nearest ix element)
            if nearest is not None and nearest.tag == f"{_I}tuple":
                if nearest.get("target") != el.get("target"):
                    findings.append(Finding(_code(el, "tupleMemberDifferentTarget"), ERROR, "a fact inside an ix:tuple "
                                            "of another target", name, el.sourceline or 0))
                    continue
                owner = nearest
        if owner is not None and owner not in made:
            continue  # (its tuple was refused, with its finding)
        owners[el] = owner
    for el, owner in list(owners.items()):
        seen, at = {el}, owner
        while at is not None:  # a tuple in itself, through tupleRefs, would be its own ancestor
            if at in seen:
                findings.append(Finding("inline:tupleCycle", ERROR, "this tuple would contain itself (its tupleRef "
                                        "chain comes back to it)", name_of[el], el.sourceline or 0))
                owners[el] = owner = None
                break
            seen.add(at)
            at = owners.get(at)
    members: dict[etree._Element | None, list] = {}
    for seq, (el, owner) in enumerate(owners.items()):
        order = el.get("order")
        if owner is not None and order is None:
            findings.append(Finding(_code(el, "tupleMemberOrderMissing"), ERROR, "a fact in a tuple needs an order",
                                    name_of[el], el.sourceline or 0))
        members.setdefault(owner, []).append((_order(order) if owner is not None else Decimal(0), seq, made[el]))
    for owner, facts in members.items():
        parent = out if owner is None else made[owner]
        for _, _, fact in sorted(facts, key=lambda m: (m[0], m[1])):
            parent.append(fact)


def _references(made: dict, out: etree._Element, docs, findings: list[Finding]) -> None:
    """Each fact's contextRef names a context of the set's resources, and a number's unitRef a unit
    (as Arelle checks them, besides the XBRL rule the target instance then breaks)."""
    contexts = {c.get("id") for c in out.iterfind(f"{{{XBRLI}}}context")}
    units = {u.get("id") for u in out.iterfind(f"{{{XBRLI}}}unit")}
    where = {el: name for root, name in docs for el in made if el.getroottree().getroot() is root}
    for el in made:
        local = etree.QName(el).localname
        if local != "tuple" and el.get("contextRef") not in contexts:
            findings.append(Finding(_code(el, "contextReference"), ERROR, f"contextRef {el.get('contextRef')!r} names "
                                    f"no context of the resources", where[el], el.sourceline or 0))
        if local in ("nonFraction", "fraction") and el.get("unitRef") not in units:
            findings.append(Finding(_code(el, "unitReference"), ERROR, f"unitRef {el.get('unitRef')!r} names no unit "
                                    f"of the resources", where[el], el.sourceline or 0))


def _order(order: str | None) -> Decimal:
    try:
        return Decimal(order) if order is not None else Decimal("Infinity")
    except InvalidOperation:
        return Decimal("Infinity")


def _footnotes(docs: list[tuple[etree._Element, str]], target: etree._Element, target_name: str | None,
               origins: Origins) -> None:
    """ix:relationship and ix:footnote as the target's footnote links (one per link role)."""
    notes = {n.get("id"): n for root, _ in docs for n in root.iter(f"{_I}footnote") if n.get("id")}
    links: dict[str, etree._Element] = {}
    for rel, name in ((rel, name) for root, name in docs for rel in root.iter(f"{_I}relationship")):
        if rel.get("target") != target_name:
            continue
        role = rel.get("linkRole", "http://www.xbrl.org/2003/role/link")
        link = links.get(role)
        if link is None:
            link = links[role] = etree.SubElement(target, f"{{{LINK}}}footnoteLink", {f"{{{XLINK}}}type": "extended",
                                                                                     f"{{{XLINK}}}role": role})
            origins.mark(link, name, rel.sourceline)
        labels = {}
        for ref in rel.get("fromRefs", "").split() + rel.get("toRefs", "").split():
            if ref in labels:
                continue
            labels[ref] = f"l_{ref}"
            if ref in notes:
                note = etree.SubElement(link, f"{{{LINK}}}footnote", {
                    f"{{{XLINK}}}type": "resource", f"{{{XLINK}}}label": labels[ref], "id": ref,
                    f"{{{XLINK}}}role": notes[ref].get("footnoteRole", "http://www.xbrl.org/2003/role/footnote"),
                    _XML_LANG: _lang(notes[ref]) or "en"})
                note.text = _text(notes[ref])
            else:
                etree.SubElement(link, f"{{{LINK}}}loc", {f"{{{XLINK}}}type": "locator", f"{{{XLINK}}}href": f"#{ref}",
                                                          f"{{{XLINK}}}label": labels[ref]})
        for a in rel.get("fromRefs", "").split():
            for b in rel.get("toRefs", "").split():
                etree.SubElement(link, f"{{{LINK}}}footnoteArc", {
                    f"{{{XLINK}}}type": "arc", f"{{{XLINK}}}from": labels[a], f"{{{XLINK}}}to": labels[b],
                    f"{{{XLINK}}}arcrole": rel.get("arcrole", "http://www.xbrl.org/2003/arcrole/fact-footnote")})


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(el: etree._Element) -> str | None:
    """The xml:lang in scope at EL."""
    for a in (el, *el.iterancestors()):
        if a.get(_XML_LANG) is not None:
            return a.get(_XML_LANG)
    return None


def _copy(el: etree._Element, name: str, origins: Origins) -> etree._Element:
    new = copy.deepcopy(el)
    for old, twin in zip(el.iter(), new.iter()):
        origins.mark(twin, name, old.sourceline)
        for mark in [a for a in twin.attrib if a.startswith(_MARKS)]:
            del twin.attrib[mark]  # (this reading's own marks are no part of the target)
    return new


_MARKS = "{urn:txt2xbrl:inline}"


def _ids(docs: list[tuple[etree._Element, str]], findings: list[Finding]) -> None:
    """An id is used once in a document (xml.3.3.1:idMustBeUnique), and an ix element's, a
    context's or a unit's once in the document set (uniqueIxId, in the section of the element that
    has it first, as Arelle names it)."""
    in_set: dict[str, tuple[etree._Element, str]] = {}
    for root, name in docs:
        seen: dict[str, etree._Element] = {}
        for el in root.iter():
            if not isinstance(el.tag, str) or el.get("id") is None:
                continue
            ident = el.get("id")
            first = seen.setdefault(ident, el)
            if first is not el:
                findings.append(Finding("xml.3.3.1:idMustBeUnique", ERROR, f"id {ident!r} is used again (first "
                                        f"at line {first.sourceline})", name, el.sourceline or 0))
                el.set(_REPEATED, "1")  # (its fact keeps no id: one finding, not a second)
                continue
            if not (el.tag.startswith(_I) or el.tag in (f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit")):
                continue
            other, other_name = in_set.setdefault(ident, (el, name))
            if other_name != name:
                findings.append(Finding(_code(other, "uniqueIxId"), ERROR, f"id {ident!r} is used again in the "
                                        f"document set (first at line {other.sourceline} of {other_name})",
                                        name, el.sourceline or 0))
                el.set(_REPEATED, "1")


_REPEATED = "{urn:txt2xbrl:inline}repeated"


def _partial(el: etree._Element) -> bool:
    """The element's format is of a registry known here only in part (the SEC's)."""
    return el.nsmap.get(el.get("format", "").rpartition(":")[0] or None) in _registries()[2]


_UNREAD = "{urn:txt2xbrl:inline}unread"


def _format_state(el: etree._Element) -> str:
    """"none", "implemented", "unimplemented" or "undefined" for the element's format."""
    fmt = el.get("format")
    if not fmt:
        return "none"
    prefix, _, local = fmt.rpartition(":")
    ns = el.nsmap.get(prefix or None)
    defined, implemented, partial = _registries()
    if ns in partial and local not in defined[ns]:
        return "unimplemented"  # (perhaps a name our copy of the registry lacks: not ours to call undefined)
    if ns not in defined or local not in defined[ns]:
        return "undefined"
    return "implemented" if local in implemented else "unimplemented"


def _text(el: etree._Element) -> str:
    """The element's text as displayed, without ix:exclude."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != f"{_I}exclude":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _fact(el, local, continuations, used, name, findings) -> etree._Element | None:
    line = el.sourceline or 0
    tag = _concept_tag(el, name, findings)
    if tag is None:
        return None
    state = _format_state(el)
    if state == "undefined":
        findings.append(Finding(_code(el, "invalidTransformation"), ERROR,
                                f"format {el.get('format')} is defined by no transformation registry", name, line))
        return None
    if state == "unimplemented":
        return None
    nil = el.get(XSI_NIL) in ("true", "1")
    text = _text(el)
    if local == "nonNumeric" and el.get("continuedAt"):
        text += _continued(el, continuations, used, name, findings)
    value = "" if nil else text
    if not nil and state == "implemented":
        value = _transform(el.get("format").rpartition(":")[2], text)
        if value is None and _partial(el):
            el.set(_UNREAD, "1")  # a reading held to no reference refuses it: not checked, not called invalid
            return None
        if value is None:
            findings.append(Finding(_code(el, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a value of format {el.get('format')}", name, line))
            return None
    if local == "nonFraction" and not nil:
        value = _number(value if state == "implemented" else text.strip(), el.get("scale"), el.get("sign"))
        if value is None:
            findings.append(Finding(_code(el, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a number (give a format)", name, line))
            return None
    fact = etree.Element(tag)
    for attr in ("contextRef", "unitRef", "decimals", "precision", "id", XSI_NIL):
        if el.get(attr) is not None and not (attr == "id" and el.get(_REPEATED)):
            fact.set(attr, el.get(attr))
    fact.text = value
    return fact


def _continued(el, continuations, used, name, findings) -> str:
    text, at, seen = "", el.get("continuedAt"), {el.get("id")}
    while at:
        c, c_name = continuations.get(at, (None, name))
        if c is None:
            findings.append(Finding(_code(el, "continuationMissing"), ERROR, f"continuedAt {at!r} names no "
                                    f"ix:continuation", name, el.sourceline or 0))
            break
        if at in seen:
            findings.append(Finding(_code(el, "continuationCycle"), ERROR, f"the continuation chain returns to {at!r}",
                                    c_name, c.sourceline or 0))
            break
        if at in used and used[at] is not el:
            findings.append(Finding(f"{_SECT['continuation']}:continuationReferences", ERROR,
                                    f"ix:continuation {at} is referenced more than once", c_name, c.sourceline or 0))
        used[at] = el
        seen.add(at)
        text += _text(c)
        at = c.get("continuedAt")
    return text


def _transform(fmt: str, text: str) -> str | None:
    return transform(_registries()[1][fmt], text)


def _number(text: str, scale: str | None, sign: str | None) -> str | None:
    with decimal.localcontext() as ctx:
        ctx.prec = 1000  # (a scale of 30 makes 31 digits and more: exact, never rounded)
        try:
            value = Decimal(text)
            if scale:
                value = value.scaleb(int(scale))
        except (InvalidOperation, ValueError):
            return None
        if sign == "-":
            value = -value
        return format(value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1)), "f")
