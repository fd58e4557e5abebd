"""The validate stage for our own output: each rendered document against the bundled schemas.

libxml2 compiles a schema with n substitution-group members in time that grows with n², so
the standard part (XBRL instance schema, US-GAAP and DEI subsets) is compiled once per
process. Per filing:

- the extension schema is compiled on its own, its imports of the standard schemas checked
  to resolve to bundled files (this validates it as XML Schema and its types as resolvable);
- the instance is validated against the cached standard schema, with each extension fact
  checked under a stand-in element that has the same item type and substitution group as its
  declaration, which is exactly what XML Schema validity asks of it;
- each linkbase is validated against the cached XBRL linkbase schema.
"""
from __future__ import annotations

import functools
import os
import re

from lxml import etree

from converter.namespaces import DEI_NS, DEI_SCHEMA, INSTANCE_SCHEMA, LINKBASE_SCHEMA, USGAAP_NS, USGAAP_SCHEMA
from converter.validator.findings import ERROR, WARNING, Finding
from converter.validator.resolver import BundledResolver, local_path, safe_parser


def _finding(code: str, name: str, line: int, message: str, column: int = 0) -> Finding:
    """A finding of our own output's validation: every one is an error (nothing invalid is written)."""
    return Finding(code, ERROR, message, name, line, column)

# The stand-ins are in no namespace: renaming an element into a namespace its document does not
# declare makes lxml declare it on that element, which doubles the cost of the rename.
CHECK_TYPES = {
    "xbrli:monetaryItemType": "monetary", "xbrli:sharesItemType": "shares", "xbrli:pureItemType": "pure",
    "xbrli:decimalItemType": "decimal", "xbrli:integerItemType": "integer", "xbrli:stringItemType": "string",
    "xbrli:normalizedStringItemType": "normalizedString", "xbrli:dateItemType": "date",
    "xbrli:booleanItemType": "boolean", "dtr-types:perShareItemType": "perShare",
    "dtr-types:percentItemType": "percent", "xbrli:fractionItemType": "fraction",
}
_IMPORT = re.compile(r'<xs:import namespace="([^"]+)" schemaLocation="([^"]+)"/>')


def _check_schema() -> bytes:
    elements = "".join(
        f'<xs:element name="{local}" type="{qtype}" substitutionGroup="xbrli:item" nillable="true" '
        f'xbrli:periodType="duration"/>' for qtype, local in CHECK_TYPES.items())
    return (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" '
            f'xmlns:dtr-types="http://www.xbrl.org/dtr/type/2022-03-31">'
            f'<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="{INSTANCE_SCHEMA}"/>'
            f'<xs:import namespace="http://www.xbrl.org/dtr/type/2022-03-31" '
            f'schemaLocation="https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"/>'
            f'{elements}</xs:schema>').encode()


def _driver(imports: list[tuple[str | None, str]]) -> bytes:
    body = "".join(f'<xs:import namespace="{ns}" schemaLocation="{loc}"/>' if ns else f'<xs:import schemaLocation="{loc}"/>'
                   for ns, loc in imports)
    return (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:txt2xbrl:driver">'
            f'{body}</xs:schema>').encode()


def _compile(driver: bytes, memory: dict[str, bytes]) -> tuple[etree.XMLSchema, list[str]]:
    resolver = BundledResolver(memory)
    doc = etree.fromstring(driver, safe_parser(resolver), base_url="mem:driver.xsd")
    return etree.XMLSchema(doc), resolver.refused


@functools.cache
def usgaap_shapes() -> tuple[dict[str, str], bytes, frozenset[str]]:
    """The bundled US-GAAP subset reduced to one declaration per shape (type, period type,
    balance, substitution group, nillable), named shape0, shape1...; and each concept's shape.

    libxml2 compiles substitution groups in quadratic time: the subset's hundreds of concepts
    would take seconds per process. A fact is valid against its declaration exactly when it is
    valid against a declaration of the same shape; that a declaration of its name exists is
    checked by name. Third, the shapes of abstract declarations (no fact of theirs is valid)."""
    doc = etree.parse(str(local_path(USGAAP_SCHEMA)), safe_parser()).getroot()
    shapes: dict[tuple, str] = {}
    of: dict[str, str] = {}
    abstract: set[str] = set()
    for el in list(doc.iter(XS + "element")):
        key = tuple(sorted((k, v) for k, v in el.attrib.items() if k not in ("name", "id")))
        name = el.get("name")
        if key in shapes:
            el.getparent().remove(el)
        else:
            shapes[key] = f"shape{len(shapes)}"
            el.set("name", shapes[key])
            el.set("id", shapes[key])
            if el.get("abstract") in ("true", "1"):
                abstract.add(shapes[key])
        of[name] = shapes[key]
    return of, etree.tostring(doc), frozenset(abstract)


def shape_names_out(message: str) -> str:
    """An error about a fact checked under its declaration's shape, or under a stand-in of its
    type, names the fact, not the shape or the stand-in."""
    message = re.sub(r"\{" + re.escape(USGAAP_NS) + r"\}shape\d+", "(the US-GAAP fact of that line)", message)
    return _STAND_IN_NAMED.sub(lambda m: f"Element '(the {m.group(1)} fact of that line)'", message)


_STAND_IN_NAMED = re.compile(r"Element '(" + "|".join(CHECK_TYPES.values()) + r")'")


@functools.cache
def standard_schema() -> etree.XMLSchema:
    """XBRL instance + US-GAAP shapes + DEI subset + the stand-in elements, compiled once."""
    schema, refused = _compile(_driver([
        ("http://www.xbrl.org/2003/instance", INSTANCE_SCHEMA), (USGAAP_NS, "mem:us-gaap-shapes.xsd"),
        (DEI_NS, DEI_SCHEMA), (None, "mem:check.xsd")]),
        {"check.xsd": _check_schema(), "us-gaap-shapes.xsd": usgaap_shapes()[1]})
    if refused:
        raise RuntimeError(f"bundled schemas incomplete: {refused}")
    return schema


@functools.cache
def linkbase_schema() -> etree.XMLSchema:
    schema, refused = _compile(_driver([("http://www.xbrl.org/2003/linkbase", LINKBASE_SCHEMA)]), {})
    if refused:
        raise RuntimeError(f"bundled base schemas incomplete: {refused}")
    return schema


def validate_extension_schema(name: str, text: str) -> tuple[dict[str, str], list[Finding]]:
    """Compile the extension schema; return its element types by name, and findings."""
    findings: list[Finding] = []
    standard = {USGAAP_NS: USGAAP_SCHEMA, DEI_NS: DEI_SCHEMA}
    for m in _IMPORT.finditer(text):
        ns, loc = m.group(1), m.group(2)
        if ns in standard and loc != standard[ns]:
            findings.append(_finding("xsd:invalid", name, 0, f"import of {ns} from {loc}, expected {standard[ns]}"))
        if local_path(loc) is None:
            findings.append(_finding("dts:notAvailable", name, 0, f"schema location not bundled and not fetched: {loc}"))
    # The standard imports are checked above; compiling them again per filing would cost more
    # than the whole conversion, and no extension declaration refers to them.
    own = _IMPORT.sub(lambda m: "" if m.group(1) in standard else m.group(0), text)
    try:
        doc = etree.fromstring(own.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as exc:
        return {}, findings + [_finding("xml:notWellFormed", name, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
    elements = list(doc.iter(XS + "element"))
    findings += _check_names(name, elements)
    types = {el.get("name"): el.get("type") for el in elements}
    _reduce(doc)  # names are checked above; the compile sees one declaration of each shape
    errors = _compile_errors(etree.tostring(doc).replace(doc.get("targetNamespace", "").encode(), b"urn:txt2xbrl:ext"))
    findings += [_finding("xsd:invalid", name, line, message) for line, message in errors]
    return types, findings


@functools.lru_cache(maxsize=256)
def _compile_errors(schema: bytes) -> tuple[tuple[int, str], ...]:
    """Compile a reduced extension schema; filings with the same declaration shapes share the result."""
    resolver = BundledResolver({})
    try:
        parsed = etree.fromstring(schema, safe_parser(resolver), base_url="mem:extension.xsd")
        etree.XMLSchema(parsed)
    except etree.XMLSchemaParseError as exc:
        return tuple((e.line, e.message) for e in exc.error_log) or ((0, str(exc)),)
    return tuple((0, f"schema location not bundled and not fetched: {u}") for u in resolver.refused)


NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")  # (a stricter form than XML's: its letters in ASCII)
XS = "{http://www.w3.org/2001/XMLSchema}"


def _check_names(name: str, elements) -> list[Finding]:
    """Each declaration's name and id are NCNames, and unique in the schema."""
    out: list[Finding] = []
    seen: set[str] = set()
    for el in elements:
        for attr in ("name", "id"):
            value = el.get(attr) or ""
            if not NCNAME.fullmatch(value):
                out.append(_finding("xsd:invalid", name, el.sourceline or 0, f"element {attr} {value!r} is not an NCName"))
        if el.get("name") in seen:
            out.append(_finding("xsd:invalid", name, el.sourceline or 0, f"element {el.get('name')!r} is declared twice"))
        seen.add(el.get("name"))
    return out


def validate_instance(name: str, text: str, ext_ns: str, ext_types: dict[str, str]) -> list[Finding]:
    try:
        doc = etree.fromstring(text.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as exc:
        return [_finding("xml:notWellFormed", name, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
    findings: list[Finding] = []
    prefix = "{" + ext_ns + "}"
    gaap, shape_of = "{" + USGAAP_NS + "}", usgaap_shapes()[0]
    for el in doc:
        tag = el.tag
        if isinstance(tag, str) and tag.startswith(gaap):
            shape = shape_of.get(tag[len(gaap):])
            if shape is None:
                findings.append(_finding("xsd:invalid", name, el.sourceline or 0, f"us-gaap:{tag[len(gaap):]} is not declared in the "
                                                                  f"bundled US-GAAP subset"))
                continue
            el.tag = gaap + shape
        elif isinstance(tag, str) and tag.startswith(prefix):
            local = tag[len(prefix):]
            qtype = ext_types.get(local)
            stand_in = CHECK_TYPES.get(qtype or "")
            if stand_in is None:
                findings.append(_finding("xsd:invalid", name, el.sourceline or 0, f"{local} is not declared in the extension schema"
                                        if qtype is None else f"{local} has an unsupported type {qtype}"))
                continue
            el.tag = stand_in
    schema = standard_schema()
    if not schema.validate(doc):
        findings += [_finding("xsd:invalid", name, e.line, shape_names_out(e.message), e.column)
                     for e in schema.error_log]
    return findings


def validate_linkbase(name: str, text: str) -> list[Finding]:
    try:
        doc = etree.fromstring(text.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as exc:
        return [_finding("xml:notWellFormed", name, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
    schema = linkbase_schema()
    if schema.validate(doc):
        return []
    return [_finding("xsd:invalid", name, e.line, e.message, e.column) for e in schema.error_log]


def validate_documents(files: dict[str, str], instance_name: str, schema_file: str, namespace: str) -> list[Finding]:
    """Validate the extension schema, the instance and every linkbase of one output folder."""
    types, findings = validate_extension_schema(schema_file, files[schema_file])
    findings += validate_instance(instance_name, files[instance_name], namespace, types)
    for fname, text in files.items():
        if fname not in (schema_file, instance_name) and fname.endswith(".xml"):
            findings += validate_linkbase(fname, text)
    return findings


# libxml2's own faults (a schema bucket it cannot make, an internal error): never the filer's
_ENGINE_FAULT = re.compile(r"internal error|xmlSchemaBucketCreate|bucket", re.I)


def check_filer_schema(location: str, data: bytes, sources) -> list[Finding]:
    """`txt2xbrl validate` of a schema an instance uses (not a published one): XML Schema validity,
    compiled with its imports from the taxonomy sources (converter/validator/sources.py). A schema
    whose imports are not all available is reported as not checked, not compiled against blanks."""
    try:
        doc = etree.fromstring(data, safe_parser(), base_url=location)
    except etree.XMLSyntaxError as exc:
        return [_finding("xml:notWellFormed", location, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
    for imp in doc.iter(XS + "import", XS + "include"):
        where = imp.get("schemaLocation")
        if where is None:
            continue
        absolute = where if "://" in where else os.path.normpath(os.path.join(os.path.dirname(location), where))
        if ("://" in absolute and sources.where(absolute) is None) or ("://" not in absolute and not os.path.isfile(absolute)):
            return [Finding("dts:notChecked", WARNING, f"not checked against XML Schema: it imports {where}, which is "
                            f"not available", location, imp.sourceline or 0)]
    elements = list(doc.iterchildren(XS + "element"))
    findings = _check_names(location, elements)
    _reduce(doc)
    reduced = etree.tostring(doc)
    # schemas of one shape (a filer's quarters, one tool's output) compile alike: once per run,
    # unless a relative import makes the result depend on where the schema is
    relative = any("://" not in i.get("schemaLocation", "://") for i in doc.iter(XS + "import", XS + "include"))
    key = None if relative else reduced.replace(doc.get("targetNamespace", "").encode(), b"urn:txt2xbrl:ext")
    errors = sources.compiled.get(key) if key else None
    if errors is None:
        errors = _compile_filer_schema(reduced, location, sources)
        if key:
            sources.compiled[key] = errors
    for line, message in errors:
        if _ENGINE_FAULT.search(message):
            findings.append(Finding("internal:error", ERROR, f"the XML Schema engine (libxml2) failed on this schema: "
                                    f"{message}; its validity is not known", location, line))
        else:
            findings.append(_finding("xsd:invalid", location, line, message))
    return findings


def _compile_filer_schema(reduced: bytes, location: str, sources) -> tuple[tuple[int, str], ...]:
    try:
        parsed = etree.fromstring(reduced, safe_parser(_SourcesResolver(sources)), base_url=location)
        etree.XMLSchema(parsed)
    except etree.XMLSchemaParseError as exc:
        return tuple((e.line, e.message) for e in exc.error_log) or ((0, f"internal error: {exc}"),)
    return ()


def _reduce(doc) -> None:
    """One global element declaration per shape (libxml2 compiles substitution groups in
    quadratic time; a declaration's validity does not depend on its name, checked apart)."""
    if any(el.get("ref") for el in doc.iter(XS + "element")):
        return  # (a tuple's content names its elements: they keep their names)
    seen: set[tuple] = set()
    for el in list(doc.iterchildren(XS + "element")):
        key = tuple(sorted((k, v) for k, v in el.attrib.items() if k not in ("name", "id")))
        if key in seen:
            doc.remove(el)
            continue
        # numbered in order of appearance: schemas with the same shapes reduce to the same bytes
        shape = f"shape{len(seen)}"
        seen.add(key)
        el.set("name", shape)
        if el.get("id"):
            el.set("id", shape)


_MANY = 100  # global elements of a taxonomy schema reduced before it is compiled (base schemas have a few)


class _SourcesResolver(etree.Resolver):
    """Imports of a filer's schema: published schemas from the taxonomy sources (reduced to one
    declaration per shape, once per run), local ones from disk; nothing from the network."""

    def __init__(self, sources):
        super().__init__()
        self.sources = sources

    def resolve(self, url, pubid, context):
        if "://" in url and not url.startswith("file://"):
            if url not in self.sources.reduced:
                data, _ = self.sources.get(url)
                if data is not None and data.count(b"element ") > _MANY:  # (a taxonomy's concepts, not a base schema's heads)
                    doc = etree.fromstring(data, safe_parser(), base_url=url)
                    _reduce(doc)
                    data = etree.tostring(doc)
                self.sources.reduced[url] = data
            data = self.sources.reduced[url]
            if data is None:
                return self.resolve_string(b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', context)
            return self.resolve_string(data, context, base_url=url)
        path = url[len("file://"):] if url.startswith("file://") else url
        if os.path.isfile(path):
            return self.resolve_filename(path, context)
        return None
