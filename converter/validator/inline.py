"""Inline XBRL 1.1 input for `txt2xbrl validate`: an XHTML document, or the documents of a set,
read into their target instance, which is then validated like any instance, each finding on the
document and line it concerns (Origins).

Each fact is read by converter/validator/inline_facts.py; here the instance is assembled, with the
inline rules that concern the whole set, with Arelle's codes: ids used twice (idMustBeUnique, and
uniqueIxId across documents); continuations not referenced, or inside ix:hidden
(continuationNotReferenced, ancestorNodeDisallowed); no ix:references (missingReferences), or none
for a target facts name (missingReferenceTargets); a footnote without xml:lang (footnoteLang);
facts placed in their tuples by tupleRef or nesting, in their order (tupleRefMissing,
tupleMemberOrderMissing, tupleMemberDifferentTarget); a contextRef or unitRef that names nothing
(contextReference, unitReference).
"""
from __future__ import annotations

import copy
import os
from decimal import Decimal, InvalidOperation

from lxml import etree

from converter.namespaces import LINK, XBRLI, XLINK
from converter.validator.findings import ERROR, WARNING, Finding
from converter.validator.inline_facts import (
    IX, IXNS, REPEATED, SECT, UNREAD, displayed_text, format_state, ix_code, read_fact, read_fraction, read_tuple,
)

XHTML = "http://www.w3.org/1999/xhtml"


def is_inline(root: etree._Element) -> bool:
    return root.tag in (f"{{{XHTML}}}html", "html") and root.find(f".//{IXNS}header") is not None


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
        for el in (root, *root.iter(f"{IXNS}nonFraction", f"{IXNS}nonNumeric", f"{IXNS}references", f"{IXNS}resources")):
            nsmap.update({p: ns for p, ns in el.nsmap.items() if p and ns not in (IX, XHTML) and p not in nsmap})
    out = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=nsmap)
    origins.mark(out, docs[0][1], docs[0][0].sourceline)
    _ids(docs, findings)
    refs = [(r, name) for root, name in docs for refs in root.iter(f"{IXNS}references") if refs.get("target") == target
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
                     for c in root.iter(f"{IXNS}continuation") if c.get("id")}
    used: dict[str, etree._Element] = {}
    unread = elsewhere = 0
    made: dict[etree._Element, etree._Element] = {}  # inline fact or tuple -> its element in the target
    doc_of: dict[etree._Element, str] = {}  # inline fact or tuple -> the document it is in
    tuples: dict[str, tuple[etree._Element, str]] = {}  # tupleID -> its ix:tuple and document
    for root, name in docs:
        for el in root.iter(f"{IXNS}nonFraction", f"{IXNS}nonNumeric", f"{IXNS}fraction", f"{IXNS}tuple"):
            if el.get("target") != target:
                elsewhere += 1
                continue
            local = etree.QName(el).localname
            parent = el.getparent()
            if local in ("nonFraction", "fraction") and parent is not None and parent.tag == el.tag:
                continue  # (a nested nonFraction or fraction is its parent's value)
            if local == "tuple":
                fact = read_tuple(el, name, findings, tuples)
            elif local == "fraction":
                fact = read_fraction(el, name, findings)
            else:
                fact = read_fact(el, local, continuations, used, name, findings)
            if fact is not None:
                for part in fact.iter():  # (a fraction's terms on its line too)
                    origins.mark(part, name, el.sourceline)
                made[el], doc_of[el] = fact, name
            elif format_state(el) == "unimplemented" or el.get(UNREAD):
                unread += 1
    for root, name in docs:  # (marked after the facts: if the origin table fills, facts keep their lines)
        for resources in root.iter(f"{IXNS}resources"):
            for r in resources:
                if isinstance(r.tag, str) and not r.tag.startswith(IXNS):
                    out.append(_copy(r, name, origins))
    _place(made, doc_of, tuples, out, docs, findings)
    _references(made, doc_of, out, findings)
    _footnotes(docs, out, target, origins)
    for root, name in docs:
        for note in root.iter(f"{IXNS}footnote"):
            if _lang(note) is None:
                findings.append(Finding("ix11.6.1.2:footnoteLang", ERROR, "ix:footnote has no xml:lang in scope",
                                        name, note.sourceline or 0))
    for cid, (c, name) in continuations.items():
        if any(a.tag == f"{IXNS}hidden" for a in c.iterancestors()):
            findings.append(Finding("ix11.4.1.1:ancestorNodeDisallowed", ERROR, f"ix:continuation {cid} may not be "
                                    f"inside ix:hidden", name, c.sourceline or 0))
        if cid not in used:
            findings.append(Finding(f"{SECT['continuation']}:continuationNotReferenced", ERROR,
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
    with_refs = {r.get("target") for root, _ in docs for r in root.iter(f"{IXNS}references")}
    where = (docs[0][1], docs[0][0].sourceline or 0)
    if not with_refs:
        findings.append(Finding(f"{SECT['references']}:missingReferences", ERROR, "no ix:references names a schema",
                                *where))
        return
    used = {el.get("target") for root, _ in docs
            for el in root.iter(f"{IXNS}nonFraction", f"{IXNS}nonNumeric", f"{IXNS}fraction", f"{IXNS}tuple")}
    missing = sorted("(default)" if t is None else t for t in used - with_refs)
    if missing:
        findings.append(Finding(f"{SECT['references']}:missingReferenceTargets", ERROR, f"no ix:references for "
                                f"target{'s' if len(missing) > 1 else ''} {', '.join(missing)}", *where))


def _rebase(ref: etree._Element, doc: str, base: str) -> None:
    """A relative schemaRef or linkbaseRef of DOC made relative to BASE, the document the target
    instance's references are resolved from (the documents of a set may lie in different folders)."""
    href = ref.get(f"{{{XLINK}}}href")
    if not href or "://" in href or href.startswith(("/", "#")) or os.path.dirname(doc) == os.path.dirname(base):
        return
    target = os.path.normpath(os.path.join(os.path.dirname(doc), href))
    ref.set(f"{{{XLINK}}}href", os.path.relpath(target, os.path.dirname(base) or ".").replace(os.sep, "/"))


def _place(made: dict, name_of: dict, tuples: dict, out: etree._Element, docs, findings: list[Finding]) -> None:
    """Each fact and tuple in the target: in the tuple its tupleRef names or the ix:tuple around it
    (in the order of their order attributes), else at the top level."""
    other_targets = {t.get("tupleID") for root, _ in docs for t in root.iter(f"{IXNS}tuple")
                     if t.get("tupleID") and t.get("tupleID") not in tuples}
    owners: dict[etree._Element, etree._Element | None] = {}
    for el in made:
        name, ref, owner = name_of[el], el.get("tupleRef"), None
        if ref is not None:
            if ref in tuples:
                owner = tuples[ref][0]
            elif ref in other_targets:
                findings.append(Finding(ix_code(el, "tupleMemberDifferentTarget"), ERROR, f"tupleRef {ref!r} names a "
                                        f"tuple of another target", name, el.sourceline or 0))
                continue
            else:
                findings.append(Finding(ix_code(el, "tupleRefMissing"), ERROR, f"tupleRef {ref!r} names no ix:tuple",
                                        name, el.sourceline or 0))
        else:
            nearest = next(el.iterancestors(f"{IXNS}*"), None)  # (as Arelle reads it: the nearest ix element)
            if nearest is not None and nearest.tag == f"{IXNS}tuple":
                if nearest.get("target") != el.get("target"):
                    findings.append(Finding(ix_code(el, "tupleMemberDifferentTarget"), ERROR, "a fact inside an ix:tuple "
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
            findings.append(Finding(ix_code(el, "tupleMemberOrderMissing"), ERROR, "a fact in a tuple needs an order",
                                    name_of[el], el.sourceline or 0))
        members.setdefault(owner, []).append((_order(order) if owner is not None else Decimal(0), seq, made[el]))
    for owner, facts in members.items():
        parent = out if owner is None else made[owner]
        for _, _, fact in sorted(facts, key=lambda m: (m[0], m[1])):
            parent.append(fact)


def _references(made: dict, where: dict, out: etree._Element, findings: list[Finding]) -> None:
    """Each fact's contextRef names a context of the set's resources, and a number's unitRef a unit
    (as Arelle checks them, besides the XBRL rule the target instance then breaks)."""
    contexts = {c.get("id") for c in out.iterfind(f"{{{XBRLI}}}context")}
    units = {u.get("id") for u in out.iterfind(f"{{{XBRLI}}}unit")}
    for el in made:
        local = etree.QName(el).localname
        if local != "tuple" and el.get("contextRef") not in contexts:
            findings.append(Finding(ix_code(el, "contextReference"), ERROR, f"contextRef {el.get('contextRef')!r} names "
                                    f"no context of the resources", where[el], el.sourceline or 0))
        if local in ("nonFraction", "fraction") and el.get("unitRef") not in units:
            findings.append(Finding(ix_code(el, "unitReference"), ERROR, f"unitRef {el.get('unitRef')!r} names no unit "
                                    f"of the resources", where[el], el.sourceline or 0))


def _order(order: str | None) -> Decimal:
    try:
        return Decimal(order) if order is not None else Decimal("Infinity")
    except InvalidOperation:
        return Decimal("Infinity")


def _footnotes(docs: list[tuple[etree._Element, str]], target: etree._Element, target_name: str | None,
               origins: Origins) -> None:
    """ix:relationship and ix:footnote as the target's footnote links (one per link role)."""
    notes = {n.get("id"): n for root, _ in docs for n in root.iter(f"{IXNS}footnote") if n.get("id")}
    links: dict[str, etree._Element] = {}
    for rel, name in ((rel, name) for root, name in docs for rel in root.iter(f"{IXNS}relationship")):
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
                note.text = displayed_text(notes[ref])
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
                el.set(REPEATED, "1")  # (its fact keeps no id: one finding, not a second)
                continue
            if not (el.tag.startswith(IXNS) or el.tag in (f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit")):
                continue
            other, other_name = in_set.setdefault(ident, (el, name))
            if other_name != name:
                findings.append(Finding(ix_code(other, "uniqueIxId"), ERROR, f"id {ident!r} is used again in the "
                                        f"document set (first at line {other.sourceline} of {other_name})",
                                        name, el.sourceline or 0))
                el.set(REPEATED, "1")


