"""XML Schema validity of an instance and of the local schemas and linkbases it uses.

Bundled schemas are XBRL International's and the taxonomies' own and are not re-checked. The
standard part (instance schema, bundled US-GAAP and DEI) is compiled once per process; a fact of
a local schema's concept is checked under a stand-in element of the same item type, which is
what XML Schema validity asks of it (see converter/validator/schemas.py). (Checking such facts
in Python instead of renaming them was measured: no faster, at 2 us a fact either way.)
"""
from __future__ import annotations

import functools

from lxml import etree

from converter.namespaces import DEI_NS, DEI_SCHEMA, DTR_TYPES, LINK, LINKBASE_SCHEMA, USGAAP_NS, XBRLI
from converter.validator.schemas import (
    CHECK_TYPES, check_filer_schema, linkbase_schema, shape_names_out, standard_schema, usgaap_shapes,
)
from converter.validator.dts import Dts, _bundled
from converter.validator.loading import DEFAULT_MAX_BYTES
from converter.validator.findings import ERROR, Finding
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
    """Validate root (its fact elements may be renamed to their stand-ins: call it last)."""
    renames: dict = {}  # concept -> the stand-in tag to check it under; KEEP: as it is; None: leave it out
    for concept, *_, element in inst.facts:
        new = renames.get(concept, _UNSEEN)
        if new is _UNSEEN:
            new = renames[concept] = _check_tag(concept, dts)
        if new is None:
            root.remove(element)  # undeclared, or of a type without a stand-in: reported by the rules
        elif new is not KEEP:
            element.tag = new
    _validate(root, name, findings)


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
