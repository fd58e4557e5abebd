"""The validate stage for our own output: each rendered document against the bundled schemas.

Schema objects are built once per process where they do not depend on the filing (the
linkbase schema); the instance schema includes the filing's extension schema and is built per
filing from the in-memory text.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from lxml import etree

from converter.namespaces import INSTANCE_SCHEMA, LINKBASE_SCHEMA
from converter.validation.resolver import BundledResolver, safe_parser


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    message: str


def _compile(driver: bytes, memory: dict[str, bytes]) -> tuple[etree.XMLSchema, list[str]]:
    resolver = BundledResolver(memory)
    parser = safe_parser(resolver)
    doc = etree.fromstring(driver, parser, base_url="mem:driver.xsd")
    return etree.XMLSchema(doc), resolver.refused


@functools.cache
def linkbase_schema() -> etree.XMLSchema:
    driver = (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:txt2xbrl:driver">'
              f'<xs:import namespace="http://www.xbrl.org/2003/linkbase" schemaLocation="{LINKBASE_SCHEMA}"/>'
              f'</xs:schema>').encode()
    schema, refused = _compile(driver, {})
    if refused:
        raise RuntimeError(f"bundled base schemas incomplete: {refused}")
    return schema


def validate_documents(files: dict[str, str], instance_name: str, schema_file: str, namespace: str) -> list[Finding]:
    """Validate the instance (with its extension schema) and every linkbase. Returns findings."""
    findings: list[Finding] = []
    memory = {name: text.encode("utf-8") for name, text in files.items()}
    driver = (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:txt2xbrl:driver">'
              f'<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="{INSTANCE_SCHEMA}"/>'
              f'<xs:import namespace="{namespace}" schemaLocation="mem:{schema_file}"/>'
              f'</xs:schema>').encode()
    try:
        schema, refused = _compile(driver, memory)
    except etree.XMLSchemaParseError as exc:
        for entry in exc.error_log:
            findings.append(Finding(schema_file, entry.line, entry.message))
        if not exc.error_log:
            findings.append(Finding(schema_file, 0, str(exc)))
        return findings
    for url in refused:
        findings.append(Finding(schema_file, 0, f"schema location not bundled and not fetched: {url}"))
    for name, text in memory.items():
        if name == schema_file:
            continue
        try:
            doc = etree.fromstring(text, safe_parser())
        except etree.XMLSyntaxError as exc:
            findings.append(Finding(name, exc.lineno or 0, f"not well-formed XML: {exc.msg}"))
            continue
        checker = schema if name == instance_name else linkbase_schema()
        if not checker.validate(doc):
            for entry in checker.error_log:
                findings.append(Finding(name, entry.line, entry.message))
    return findings
