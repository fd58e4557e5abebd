"""One Inline XBRL element read into its target instance's fact: ix:nonFraction, ix:nonNumeric
(with its continuations), ix:fraction and ix:tuple; the value through its format (the
transformation registries of taxonomy/ixt.toml, read by converter/validator/ixt.py), scale and
sign; each inline rule broken on the way, with Arelle's code for it.
"""
from __future__ import annotations

import collections
import decimal
import functools
import tomllib
from decimal import Decimal, InvalidOperation

from lxml import etree

from converter.namespaces import XBRLI
from converter.resources import taxonomy_dir
from converter.validator.findings import ERROR, Finding
from converter.validator.ixt import transform

IX = "http://www.xbrl.org/2013/inlineXBRL"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
IXNS = f"{{{IX}}}"
# The section of Inline XBRL 1.1 an element's errors cite, by element and by kind of rule (its
# constraints, its validation rules), as Arelle's codes name them; a context or a unit is cited
# as ix:resources.
SECTIONS = {
    "continuation": ("ix11.4.1.1", "ix11.4.1.2"), "exclude": ("ix11.5.1.1", "ix11.5.1.2"),
    "footnote": ("ix11.6.1.1", "ix11.6.1.2"), "fraction": ("ix11.7.1.2", "ix11.7.1.3"),
    "numerator": ("ix11.7.1.1", "ix11.7.1.3"), "denominator": ("ix11.7.1.1", "ix11.7.1.3"),
    "header": ("ix11.8.1.1", "ix11.8.1.3"), "hidden": ("ix11.9.1.1", "ix11.9.1.2"),
    "nonFraction": ("ix11.10.1.1", "ix11.10.1.2"), "nonNumeric": ("ix11.11.1.1", "ix11.11.1.2"),
    "references": ("ix11.12.1.1", "ix11.12.1.2"), "relationship": ("ix11.13.1.1", "ix11.13.1.2"),
    "resources": ("ix11.14.1.1", "ix11.14.1.2"), "tuple": ("ix11.15.1.1", "ix11.15.1.2"),
}
SECT = {name: validation for name, (_, validation) in SECTIONS.items()}


@functools.cache
def registries() -> tuple[dict[str, frozenset[str]], dict[str, str], frozenset[str]]:
    """Each registry's format names, the implemented names' kinds, the registries known only in part."""
    data = tomllib.loads((taxonomy_dir() / "ixt.toml").read_text(encoding="utf-8"))
    listed = data["registry"].values()
    return ({r["namespace"]: frozenset(r["formats"]) for r in listed}, data["implemented"],
            frozenset(r["namespace"] for r in listed if not r.get("complete", True)))


def ix_code(element: etree._Element, name: str, constraint: bool = False) -> str:
    """Arelle's code: the section of the element's rules (its constraints, or its validation rules)."""
    local = etree.QName(element).localname if isinstance(element.tag, str) else "other"
    local = "resources" if local in ("context", "unit") else local
    return f"{SECTIONS.get(local, ('ix11', 'ix11'))[0 if constraint else 1]}:{name}"


# marks this reading leaves on the inline elements (never copied into the target)
REPEATED = "{urn:txt2xbrl:inline}repeated"  # an id used before: its fact keeps none
UNREAD = "{urn:txt2xbrl:inline}unread"  # a value a reading held to no reference refused: not checked


def partial_registry(el: etree._Element) -> bool:
    """The element's format is of a registry known here only in part (the SEC's)."""
    return el.nsmap.get(el.get("format", "").rpartition(":")[0] or None) in registries()[2]


def format_state(el: etree._Element) -> str:
    """"none", "implemented", "unimplemented" or "undefined" for the element's format."""
    fmt = el.get("format")
    if not fmt:
        return "none"
    prefix, _, local = fmt.rpartition(":")
    ns = el.nsmap.get(prefix or None)
    defined, implemented, partial = registries()
    if ns in partial and local not in defined[ns]:
        return "unimplemented"  # (perhaps a name our copy of the registry lacks: not ours to call undefined)
    if ns not in defined or local not in defined[ns]:
        return "undefined"
    return "implemented" if local in implemented else "unimplemented"


def displayed_text(el: etree._Element) -> str:
    """The element's text as displayed, without ix:exclude."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != f"{IXNS}exclude":
            parts.append(displayed_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def concept_tag(el, name, findings) -> str | None:
    """The clark name of the element's name attribute, or None (with the finding) if it is none."""
    concept = el.get("name", "")
    prefix, _, cname = concept.rpartition(":")
    ns = el.nsmap.get(prefix or None)
    if ns is None or not cname:
        findings.append(Finding(ix_code(el, "invalidName"), ERROR, f"name {concept!r} is not a QName in scope", name,
                                el.sourceline or 0))
        return None
    return f"{{{ns}}}{cname}"


def read_fact(el, local, continuations, used, name, findings) -> etree._Element | None:
    line = el.sourceline or 0
    tag = concept_tag(el, name, findings)
    if tag is None:
        return None
    state = format_state(el)
    if state == "undefined":
        return _undefined_format(el, name, findings)
    if state == "unimplemented":
        return None
    nil = el.get(XSI_NIL) in ("true", "1")
    text = displayed_text(el)
    if local == "nonNumeric" and el.get("continuedAt"):
        text += continued_text(el, continuations, used, name, findings)
    value = "" if nil else text
    if not nil and state == "implemented":
        value = read_format(el.get("format").rpartition(":")[2], text)
        if value is None and partial_registry(el):
            el.set(UNREAD, "1")  # a reading held to no reference refuses it: not checked, not called invalid
            return None
        if value is None:
            findings.append(Finding(ix_code(el, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a value of format {el.get('format')}", name, line))
            return None
    if local == "nonFraction" and not nil:
        value = read_number(value if state == "implemented" else text.strip(), el.get("scale"), el.get("sign"))
        if value is None:
            findings.append(Finding(ix_code(el, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a number (give a format)", name, line))
            return None
    fact = _target_element(el, tag, ("contextRef", "unitRef", "decimals", "precision"))
    fact.text = value
    return fact


def continued_text(el, continuations, used, name, findings) -> str:
    text, at, seen = "", el.get("continuedAt"), {el.get("id")}
    while at:
        c, c_name = continuations.get(at, (None, name))
        if c is None:
            findings.append(Finding(ix_code(el, "continuationMissing"), ERROR, f"continuedAt {at!r} names no "
                                    f"ix:continuation", name, el.sourceline or 0))
            break
        if at in seen:
            findings.append(Finding(ix_code(el, "continuationCycle"), ERROR, f"the continuation chain returns to {at!r}",
                                    c_name, c.sourceline or 0))
            break
        if at in used and used[at] is not el:
            findings.append(Finding(f"{SECT['continuation']}:continuationReferences", ERROR,
                                    f"ix:continuation {at} is referenced more than once", c_name, c.sourceline or 0))
        used[at] = el
        seen.add(at)
        text += displayed_text(c)
        at = c.get("continuedAt")
    return text


def read_tuple(el, name, findings, tuples) -> etree._Element | None:
    """The target's element of an ix:tuple (its facts are placed in it afterwards)."""
    concept = concept_tag(el, name, findings)
    if concept is None:
        return None
    tid = el.get("tupleID")
    if tid is not None:
        if tid in tuples:
            first, first_name = tuples[tid]
            findings.append(Finding(ix_code(el, "tupleIdDuplication"), ERROR, f"tupleID {tid!r} is used again (first at "
                                    f"line {first.sourceline}" + ("" if first_name == name else f" of {first_name}")
                                    + ")", name, el.sourceline or 0))
        tuples.setdefault(tid, (el, name))
    return _target_element(el, concept, ())


def read_fraction(el, name, findings) -> etree._Element | None:
    """An ix:fraction as an item of numerator and denominator (each read by its own format, scale
    and sign), with the fraction rules as Arelle names them."""
    concept = concept_tag(el, name, findings)
    if concept is None:
        return None
    fact = _target_element(el, concept, ("contextRef", "unitRef"))
    line = el.sourceline or 0
    children = [c for c in el if isinstance(c.tag, str) and c.tag.startswith(IXNS)]
    terms = [d for d in el.iter(f"{IXNS}numerator", f"{IXNS}denominator")]
    if el.get(XSI_NIL) in ("true", "1"):
        if terms:
            findings.append(Finding(ix_code(el, "nilFractionChildren", constraint=True), ERROR,
                                    "a nil ix:fraction has an ix:numerator or ix:denominator", name, line))
            findings.append(Finding(ix_code(el, "fractionNilTerms"), ERROR, "a nil ix:fraction has terms", name, line))
        return fact
    counts = collections.Counter(etree.QName(c).localname for c in children)
    if counts["numerator"] != 1 or counts["denominator"] != 1 or set(counts) - {"numerator", "denominator", "fraction"}:
        findings.append(Finding(ix_code(el, "fractionChildren", constraint=True), ERROR, "an ix:fraction needs one "
                                "ix:numerator and one ix:denominator (and nothing else of ix but nested fractions)",
                                name, line))
    if {etree.QName(t).localname for t in terms} != {"numerator", "denominator"}:
        findings.append(Finding(ix_code(el, "fractionTerms"), ERROR, "an ix:fraction needs an ix:numerator and an "
                                "ix:denominator", name, line))
        return None
    for term in ("numerator", "denominator"):
        part = next(el.iter(f"{IXNS}{term}"))
        text, state = displayed_text(part), format_state(part)
        if state == "undefined":
            return _undefined_format(part, name, findings)
        if state == "unimplemented":
            el.set(UNREAD, "1")
            return None
        if state == "none" and text.strip().startswith("-"):
            findings.append(Finding(ix_code(part, "fractionTermNegative"), ERROR, f"ix:{term} {text.strip()!r} is "
                                    f"negative without a format", name, part.sourceline or 0))
        value = read_format(part.get("format").rpartition(":")[2], text) if state == "implemented" else text.strip()
        number = read_number(value, part.get("scale"), part.get("sign")) if value is not None else None
        if number is None:
            findings.append(Finding(ix_code(part, "transformValueError", constraint=True), ERROR,
                                    f"{text.strip()!r} is not a number", name, part.sourceline or 0))
            return None
        etree.SubElement(fact, f"{{{XBRLI}}}{term}").text = number
    return fact


def _target_element(el: etree._Element, concept: str, attributes: tuple[str, ...]) -> etree._Element:
    """The target's element of CONCEPT with EL's ATTRIBUTES, its xsi:nil and its id (unless used before)."""
    fact = etree.Element(concept)
    for attr in (*attributes, "id", XSI_NIL):
        if el.get(attr) is not None and not (attr == "id" and el.get(REPEATED)):
            fact.set(attr, el.get(attr))
    return fact


def _undefined_format(el: etree._Element, name: str, findings: list[Finding]) -> None:
    findings.append(Finding(ix_code(el, "invalidTransformation"), ERROR,
                            f"format {el.get('format')} is defined by no transformation registry", name,
                            el.sourceline or 0))


def read_format(fmt: str, text: str) -> str | None:
    return transform(registries()[1][fmt], text)


def read_number(text: str, scale: str | None, sign: str | None) -> str | None:
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
