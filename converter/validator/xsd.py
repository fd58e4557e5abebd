"""XML Schema validity of an instance and of the local schemas and linkbases it uses.

Bundled schemas are XBRL International's and the taxonomies' own and are not re-checked. The
standard part (instance schema, bundled US-GAAP and DEI) is compiled once per process; a fact of
a local schema's concept is checked under a stand-in element of the same item type, which is
what XML Schema validity asks of it (see converter/validator/schemas.py). A plain numeric fact
(the usual attributes, a value of its type's lexical form) is known valid without libxml2 and
left out of what it validates.
"""
from __future__ import annotations

import collections
import functools
import re

from lxml import etree

from converter.namespaces import DEI_NS, DEI_SCHEMA, DTR_TYPES, LINK, LINKBASE_SCHEMA, USGAAP_NS, XBRLI
from converter.validator.schemas import (
    CHECK_TYPES, NCNAME, check_filer_schema, linkbase_schema, shape_names_out, standard_schema, usgaap_shapes,
)
from converter.validator.dts import Dts, _bundled
from converter.validator.loading import DEFAULT_MAX_BYTES
from converter.validator.findings import ERROR, WARNING, Finding
from converter.validator.resolver import local_path
from converter.validator.rules import Instance

_PREFIXES = {XBRLI: "xbrli", DTR_TYPES: "dtr-types"}
_UNSEEN = object()
KEEP = ""  # an element checked as it is (a sentinel: lxml gives a new tag string on every access)
_STANDARD = {USGAAP_NS, DEI_NS, XBRLI, LINK}


def _stand_in(type_clark: str, base: str | None) -> str | None:
    ns, _, local = type_clark[1:].partition("}")
    key = f"{_PREFIXES.get(ns, '?')}:{local}"
    if key in CHECK_TYPES:
        return CHECK_TYPES[key]
    return CHECK_TYPES.get(f"xbrli:{base}") if base else None


def check_instance(root: etree._Element, inst: Instance, dts: Dts, name: str, findings: list[Finding]) -> None:
    """Validate root (its fact elements may be renamed to their stand-ins, or taken out where
    plain: call it last)."""
    if inst.tuples:
        _lift_out_of_tuples(root, inst, name, findings)
    renames: dict = {}  # concept -> the stand-in tag to check it under; KEEP: as it is; None: leave it out
    plains: dict = {}  # concept -> the check of a plain fact's value, or None: XML Schema checks each
    # (a plain fact's contextRef and unitRef are valid IDREFs only if the ids they name are NCNames)
    contexts = {c for c in inst.contexts if _NCNAME(c)}
    units = {u for u in inst.units if _NCNAME(u)}
    with_id: list[tuple[etree._Element, str, object]] = []  # plain facts with an id: known valid once it is unique
    other_ids: list[str] = []
    remove = root.remove
    good_decimals: dict[str | None, bool] = {}
    for concept, context, unit, decimals, precision, nil, element in inst.facts:  # (a starred target builds a list)
        new = renames.get(concept, _UNSEEN)
        if new is _UNSEEN:
            new = renames[concept] = _check_tag(concept, dts)
            plains[concept] = _plain_value(concept, new, dts)
        if new is None:
            remove(element)  # undeclared, or of a type without a stand-in: reported by the rules
            continue
        plain = plains[concept]
        if plain is not None and not nil and precision is None and context in contexts and unit in units \
                and (good_decimals.get(decimals) or _decimals_ok(decimals, good_decimals)) \
                and plain(element.text or "") and not len(element):
            attributes = len(element.attrib)
            if attributes == 3:
                remove(element)  # valid, as XML Schema would find it: not validated again
                continue
            ident = element.get("id")
            if attributes == 4 and ident is not None:
                with_id.append((element, ident, new))
                continue
        else:
            ident = element.get("id")
        if ident is not None:
            other_ids.append(ident)  # (a fact validated as before: its id counts against the plain ones')
        if new is not KEEP:
            element.tag = new
    if with_id:
        _plain_with_ids(root, with_id, other_ids)
    _validate(root, name, findings)


def _lift_out_of_tuples(root: etree._Element, inst: Instance, name: str, findings: list[Finding]) -> None:
    """A tuple's content model is declared in its filer's schema, which the standard schema does
    not hold: each item inside a tuple is validated on its own (moved to the top level, its line
    kept) and the tuples' structure is reported not checked."""
    for f in inst.facts:
        if f.element.getparent() is not root:
            root.append(f.element)
    for t in inst.tuples:
        parent = t.element.getparent()
        if parent is not None:
            parent.remove(t.element)
    findings.append(Finding("dts:notChecked", WARNING, f"{len(inst.tuples):,} tuples: their content (which facts, "
                            f"in what order) and their ids are not checked against their declarations; the facts "
                            f"inside them are",
                            name, 0))


def _plain_with_ids(root: etree._Element, facts: list, other_ids: list[str]) -> None:
    """Plain facts with an id: left out where the id is an NCName used nowhere else in the
    document, else validated like any other fact (libxml2 then says what is wrong)."""
    if root.get("id") is not None:
        other_ids.append(root.get("id"))
    for el in root:
        if isinstance(el.tag, str) and not el.tag.startswith(_FACT_FREE):
            continue  # (facts, and their ids, are counted already; contexts, units and links are not)
        other_ids.extend(i for d in el.iter() if isinstance(d.tag, str) and (i := d.get("id")) is not None)
    counts = collections.Counter(other_ids)
    counts.update(ident for _, ident, _ in facts)
    for element, ident, new in facts:
        if counts[ident] == 1 and _NCNAME(ident):
            root.remove(element)
        elif new is not KEEP:
            element.tag = new


_FACT_FREE = (f"{{{XBRLI}}}", f"{{{LINK}}}")  # the root's children that are not facts
_NCNAME = NCNAME.fullmatch  # (an id outside its stricter form is left to libxml2)


# A plain fact of these types (no child, no attribute but contextRef, unitRef and a valid decimals
# naming a context and a unit, a value of the type's lexical form) is valid under its declaration,
# and is left out of the document libxml2 validates: half the time of a large instance went to
# renaming and validating facts like these. Any other fact is validated as before.
_DECIMAL = re.compile(r"[ \t\n\r]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[ \t\n\r]*").fullmatch
_PLAIN_TYPES = {f"{{{XBRLI}}}{t}": _DECIMAL for t in ("monetaryItemType", "sharesItemType", "decimalItemType",
                                                     "pureItemType")}
_PLAIN_TYPES[f"{{{XBRLI}}}integerItemType"] = re.compile(r"[ \t\n\r]*[+-]?[0-9]+[ \t\n\r]*").fullmatch
_DECIMALS = re.compile(r"[ \t\n\r]*[+-]?[0-9]+[ \t\n\r]*|INF").fullmatch  # xbrli:decimalsType


def _decimals_ok(value: str | None, known: dict) -> bool:
    known[value] = ok = value is not None and _DECIMALS(value) is not None
    return ok


def _plain_value(concept: str, tag, dts: Dts):
    """The check of a plain fact's value for CONCEPT checked under TAG, or None (always validated)."""
    declared = dts.concepts.get(concept)
    if declared is None or tag is None or tag is KEEP:
        return None
    if tag.startswith(f"{{{USGAAP_NS}}}") and tag.rpartition("}")[2] in usgaap_shapes()[2]:
        return None  # (a fact of an abstract concept is invalid: libxml2 says so)
    return _PLAIN_TYPES.get(declared.type)


def _validate(root: etree._Element, name: str, findings: list[Finding]) -> None:
    schema = standard_schema()
    if not schema.validate(root):
        for e in schema.error_log:
            findings.append(Finding("xsd:invalid", ERROR, shape_names_out(e.message),
                                    name, e.line, e.column))


def _check_tag(tag, dts: Dts):
    ns, _, local = tag[1:].partition("}")
    shape = usgaap_shapes()[0].get(local) if ns == USGAAP_NS and tag in dts.concepts else None
    if shape is not None:
        return f"{{{ns}}}{shape}"  # a bundled US-GAAP concept: under its declaration's shape
    if ns in _STANDARD and ns != USGAAP_NS and tag in dts.concepts and (ns != DEI_NS or local in _dei_names()):
        return KEEP  # facts of the bundled standard schemas: as they are (a package's others: by their type)
    concept = dts.concepts.get(tag)
    stand_in = _stand_in(concept.type, concept.base) if concept is not None else None
    return stand_in or None


@functools.cache
def _dei_names() -> frozenset[str]:
    """The concepts the bundled DEI subset declares (the compiled standard schema knows no others)."""
    info, _ = _bundled(DEI_SCHEMA, DEFAULT_MAX_BYTES)
    return frozenset(clark.rpartition("}")[2] for clark, *_ in info.concepts)


def check_local_files(dts: Dts, findings: list[Finding]) -> None:
    for location, data in dts.local_texts.items():
        findings.extend(check_filer_schema(location, data, dts.sources))  # (named by the location it was read from)
    schema = linkbase_schema()
    for location, root in dts.local_linkbases.items():
        if not schema.validate(root):
            found = [Finding("xsd:invalid", ERROR, e.message, location, e.line, e.column) for e in schema.error_log]
            findings.extend(_with_paths(root, location) or found)


@functools.cache
def _linkbase_schema_with_paths():
    """The linkbase schema as xmlschema reads it (0.1 s to build, once, and only when a linkbase
    is invalid): its errors name the element by its path, which libxml2's do not."""
    import xmlschema

    return xmlschema.XMLSchema(str(local_path(LINKBASE_SCHEMA)), allow="local")


def _with_paths(root: etree._Element, location: str) -> list[Finding]:
    """libxml2 found the linkbase invalid: the same check by xmlschema, each error with the path
    of its element (/link:linkbase/link:presentationLink/link:loc). [] if xmlschema cannot say."""
    try:
        return [Finding("xsd:invalid", ERROR, f"{e.reason} (at {e.path})", location, e.sourceline or 0)
                for e in _linkbase_schema_with_paths().iter_errors(root)]
    except Exception:  # a fault of the second engine never hides the first one's findings
        return []
