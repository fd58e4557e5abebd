"""The schemas and linkbases an instance uses (its DTS), from local files and, for a location
with a scheme (https://...), from the taxonomy sources (converter/validator/sources.py: packages,
a mirror folder, the bundled copies, and a download only with --fetch); what none of them has is
reported as not available, and what depends on it as not checked, never as an error of the filer.
A relative location is read next to the file that names it.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from converter.namespaces import LINK, XBRLI, XLINK
from converter.validator.resolver import local_path
from converter.validator.findings import ERROR, Finding
from converter.validator.loading import load_xml, parse_bytes, read_limited
from converter.validator.sources import SUBSETS, Sources

XS = "http://www.w3.org/2001/XMLSchema"
_NUMERIC_BASES = {
    "decimalItemType", "floatItemType", "doubleItemType", "integerItemType", "nonPositiveIntegerItemType",
    "negativeIntegerItemType", "longItemType", "intItemType", "shortItemType", "byteItemType",
    "nonNegativeIntegerItemType", "unsignedLongItemType", "unsignedIntItemType", "unsignedShortItemType",
    "unsignedByteItemType", "positiveIntegerItemType", "monetaryItemType", "sharesItemType", "pureItemType",
    "fractionItemType",
}
SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"


@dataclass
class Concept:
    type: str  # clark name of the declared type
    period_type: str | None
    base: str | None = None  # the xbrli item type it derives from ("monetaryItemType"), once the DTS is read
    unknown_type: str | None = None  # the namespace of a type no schema read declares: the fact is not checked
    group: str | None = None  # substitution group (clark name): xbrldt:dimensionItem for an axis

    @property
    def numeric(self) -> bool:
        return self.base in _NUMERIC_BASES


@dataclass
class Summation:
    role: str
    parent: str  # clark name
    children: list[tuple[str, Decimal]]  # (clark name, weight)


@dataclass
class Dts:
    concepts: dict[str, Concept] = field(default_factory=dict)  # by clark name
    schemas: set[str] = field(default_factory=set)  # locations read (or tried)
    local_texts: dict[str, bytes] = field(default_factory=dict)  # local schema files read
    local_linkbases: dict[str, etree._Element] = field(default_factory=dict)  # local linkbases, parsed
    linkbases: set[str] = field(default_factory=set)
    summations: list[Summation] = field(default_factory=list)
    definitions: list[tuple] = field(default_factory=list)  # (role, arcrole, from, to, arc attributes) of definition links
    unresolved: int = 0  # definition arcs to or from a concept no schema read declares
    findings: list[Finding] = field(default_factory=list)
    namespaces: set[str] = field(default_factory=set)  # target namespaces of the schemas read
    subsets: set[str] = field(default_factory=set)  # namespaces read only from a bundled subset
    missing: dict[str, str] = field(default_factory=dict)  # namespace -> the location that was not available
    unnamed_missing: list[str] = field(default_factory=list)  # locations not available, namespace unknown
    sources: Sources = field(default_factory=Sources)
    _types: dict[str, str] = field(default_factory=dict)  # complex type -> its base type
    _ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (schema location, id) -> concept


def _location(href: str, base: str) -> str:
    """Absolute URL, or absolute local path, of href as named in base."""
    if "://" in href:
        return href
    if "://" in base:
        return urljoin(base, href)
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(base)), href))


def _not_available(location: str, why: str, named_in: str, line: int, dts: Dts, namespace: str | None = None) -> None:
    dts.findings.append(Finding("dts:notAvailable", ERROR, why, named_in, line))
    if namespace:
        dts.missing.setdefault(namespace, location)
    else:
        dts.unnamed_missing.append(location)


def _open(location: str, named_in: str, line: int, dts: Dts, max_bytes: int,
          namespace: str | None = None) -> etree._Element | None:
    if "://" in location:
        data, origin = dts.sources.get(location)
        if data is None:
            _not_available(location, origin, named_in, line, dts, namespace)
            return None
        root, problems = parse_bytes(data, location)  # (a published document: not checked against XML Schema)
    else:
        path = Path(location)
        if not path.is_file():
            _not_available(location, f"{location} does not exist", named_in, line, dts, namespace)
            return None
        data, problems = read_limited(path, max_bytes)
        root = None
        if data is not None:
            root, problems = parse_bytes(data, location)
        if root is not None:
            if root.tag == f"{{{LINK}}}linkbase":
                dts.local_linkbases[location] = root
            else:
                dts.local_texts[location] = data
    dts.findings.extend(problems)
    return root


_BUNDLED_ONLY = Sources()  # (one for the process: what it reads of the bundled copies is kept)


def discover(instance: etree._Element, name: str, max_bytes: int, sources: Sources | None = None) -> Dts:
    dts = Dts(sources=sources or _BUNDLED_ONLY)
    refs = instance.findall(f"{{{LINK}}}schemaRef")
    if not refs:
        dts.findings.append(Finding("dts:schemaRefMissing", ERROR, "the instance names no schema", name, 0))
    for ref in refs:
        _schema(_location(ref.get(f"{{{XLINK}}}href", ""), name), name, ref.sourceline or 0, dts, max_bytes)
    for ref in instance.findall(f"{{{LINK}}}linkbaseRef"):
        _linkbase(_location(ref.get(f"{{{XLINK}}}href", ""), name), name, ref.sourceline or 0, dts, max_bytes)
    for c in dts.concepts.values():
        c.base = _base(c.type, dts._types)
        if c.base is None:
            c.unknown_type = _unknown(c.type, dts)
    return dts


@dataclass(frozen=True)
class _SchemaInfo:
    """What the DTS needs of one schema."""

    target: str
    concepts: tuple[tuple[str, str, str | None, str | None, str | None], ...]  # clark name, type, period type, id,
    # substitution group (clark)
    types: tuple[tuple[str, str], ...]  # complex type -> base type
    imports: tuple[tuple[str, int, str | None], ...]  # (location, line, namespace)
    linkbases: tuple[tuple[str, int], ...]


def _summary(root: etree._Element, location: str) -> _SchemaInfo:
    target = root.get("targetNamespace", "")
    concepts = tuple((f"{{{target}}}{el.get('name')}", _qname(el, el.get("type", "")),
                      el.get(f"{{{XBRLI}}}periodType"), el.get("id"),
                      _qname(el, el.get("substitutionGroup")) if el.get("substitutionGroup") else None)
                     for el in root.iterchildren(f"{{{XS}}}element") if el.get("name"))
    types = []
    for ct in root.iter(f"{{{XS}}}complexType"):
        derivation = next(iter(ct.iterfind(f"{{{XS}}}simpleContent/*")), None)
        if ct.get("name") and derivation is not None and derivation.get("base"):
            types.append((f"{{{target}}}{ct.get('name')}", _qname(derivation, derivation.get("base"))))
    imports = tuple((_location(imp.get("schemaLocation"), location), imp.sourceline or 0,
                     imp.get("namespace") if imp.tag == f"{{{XS}}}import" else target)
                    for imp in root.iter(f"{{{XS}}}import", f"{{{XS}}}include") if imp.get("schemaLocation"))
    linkbases = tuple((_location(ref.get(f"{{{XLINK}}}href", ""), location), ref.sourceline or 0)
                      for ref in root.iter(f"{{{LINK}}}linkbaseRef"))
    return _SchemaInfo(target, concepts, tuple(types), imports, linkbases)


@functools.lru_cache(maxsize=256)
def _bundled(location: str, max_bytes: int) -> tuple[_SchemaInfo | None, tuple[Finding, ...]]:
    """A bundled schema's summary: they never change, so each is read once per process."""
    path = local_path(location)
    root, problems = load_xml(path, max_bytes)
    return (_summary(root, location) if root is not None else None), tuple(problems)


def _schema(location: str, named_in: str, line: int, dts: Dts, max_bytes: int, namespace: str | None = None) -> None:
    location = location.split("#")[0]
    if location in dts.schemas:
        return
    dts.schemas.add(location)
    where = dts.sources.where(location) if "://" in location else None
    if where == "bundled":
        info, problems = _bundled(location, max_bytes)
        dts.findings.extend(problems)
    elif where is not None and location in dts.sources.summaries:
        info = dts.sources.summaries[location]  # (a package's schema, read once per run)
    else:
        root = _open(location, named_in, line, dts, max_bytes, namespace)
        info = _summary(root, location) if root is not None else None
        if where is not None and info is not None:
            dts.sources.summaries[location] = info
    if info is None:
        return
    if where == "bundled" and location in SUBSETS:
        dts.subsets.add(info.target)
    elif info.target in dts.subsets and info.concepts:
        dts.subsets.discard(info.target)  # (the namespace's full schema is read too)
    dts.namespaces.add(info.target)
    for clark, type_, period, id_, group in info.concepts:
        dts.concepts[clark] = Concept(type_, period, group=group)
        if id_:
            dts._ids[(location, id_)] = clark
    dts._types.update(info.types)
    for imported, at, ns in info.imports:
        _schema(imported, location, at, dts, max_bytes, ns)
    for linkbase, at in info.linkbases:
        _linkbase(linkbase, location, at, dts, max_bytes)


def _linkbase(location: str, named_in: str, line: int, dts: Dts, max_bytes: int) -> None:
    if location in dts.linkbases:
        return
    dts.linkbases.add(location)
    root = _open(location, named_in, line, dts, max_bytes)
    if root is None:
        return
    resolved: dict[str, str] = {}  # a linkbase names a few schemas many times
    for loc in root.iter(f"{{{LINK}}}loc"):  # locators name schemas too
        schema = loc.get(f"{{{XLINK}}}href", "").partition("#")[0]
        if schema not in resolved:
            resolved[schema] = _location(schema, location)
            _schema(resolved[schema], location, loc.sourceline or 0, dts, max_bytes)
    for link in root.iter(f"{{{LINK}}}definitionLink"):
        role = link.get(f"{{{XLINK}}}role", "")
        locs: dict = {}
        for loc in link.iter(f"{{{LINK}}}loc"):
            schema, _, frag = loc.get(f"{{{XLINK}}}href", "").partition("#")
            locs.setdefault(loc.get(f"{{{XLINK}}}label"), []).append(dts._ids.get((resolved[schema], frag)))
        for arc in link.iter(f"{{{LINK}}}definitionArc"):
            attrs = {etree.QName(k).localname: v for k, v in arc.attrib.items() if not k.startswith(f"{{{XLINK}}}")}
            for a in locs.get(arc.get(f"{{{XLINK}}}from"), []):
                for b in locs.get(arc.get(f"{{{XLINK}}}to"), []):
                    if a and b:
                        dts.definitions.append((role, arc.get(f"{{{XLINK}}}arcrole", ""), a, b, attrs))
                    else:
                        dts.unresolved += 1  # (a concept the schemas read do not declare: the cubes are not whole)
    for link in root.iter(f"{{{LINK}}}calculationLink"):
        role = link.get(f"{{{XLINK}}}role", "")
        locs = {}
        for loc in link.iter(f"{{{LINK}}}loc"):
            schema, _, frag = loc.get(f"{{{XLINK}}}href", "").partition("#")
            locs.setdefault(loc.get(f"{{{XLINK}}}label"), []).append(dts._ids.get((resolved[schema], frag)))
        by_parent: dict[str, Summation] = {}
        partial: set[str] = set()
        for arc in link.iter(f"{{{LINK}}}calculationArc"):
            if arc.get(f"{{{XLINK}}}arcrole") != SUMMATION:
                continue
            try:
                weight = Decimal(arc.get("weight", "1"))
            except InvalidOperation:
                continue  # XML Schema validity of the linkbase reports it
            for parent in locs.get(arc.get(f"{{{XLINK}}}from"), []):
                for child in locs.get(arc.get(f"{{{XLINK}}}to"), []):
                    if parent and child:
                        by_parent.setdefault(parent, Summation(role, parent, [])).children.append((child, weight))
                    elif parent:
                        partial.add(parent)
        # a total with a child no schema read declares (a concept the bundled subset lacks) cannot
        # be summed: it is left out, not reported as inconsistent
        dts.summations.extend(v for k, v in by_parent.items() if k not in partial)


def _qname(el: etree._Element, prefixed: str) -> str:
    prefix, _, local = prefixed.rpartition(":")
    ns = el.nsmap.get(prefix or None, "")
    return f"{{{ns}}}{local}"


def _unknown(type_: str, dts: Dts) -> str | None:
    """The namespace of the type (or of a type it derives from) that no schema read declares."""
    for _ in range(12):
        ns, _, local = type_[1:].partition("}")
        if ns in (XS, XBRLI):
            return None
        if type_ not in dts._types:
            return ns if ns not in dts.namespaces or ns in dts.missing else None
        type_ = dts._types[type_]
    return None


def _base(type_: str, types: dict[str, str]) -> str | None:
    for _ in range(12):
        ns, _, local = type_[1:].partition("}")
        if ns == XBRLI and local.endswith("ItemType"):
            return local
        if type_ not in types:
            return None
        type_ = types[type_]
    return None
