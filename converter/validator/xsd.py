"""XML Schema validity of an instance and of the local schemas and linkbases it uses.

Bundled schemas are XBRL International's and the taxonomies' own and are not re-checked. The
standard part (instance schema, bundled US-GAAP and DEI) is compiled once per process; a fact of
a local schema's concept is checked under a stand-in element of the same item type, which is
what XML Schema validity asks of it (see converter/validation/schemas.py).
"""
from __future__ import annotations


from lxml import etree

from converter.namespaces import DEI_NS, DTR_TYPES, LINK, USGAAP_NS, XBRLI
from converter.validation.schemas import CHECK_NS, _CHECK_TYPES, standard_schema, validate_extension_schema, \
    validate_linkbase
from converter.validator.dts import Dts
from converter.validator.findings import ERROR, Finding

_PREFIXES = {XBRLI: "xbrli", DTR_TYPES: "dtr-types"}
_STANDARD = {USGAAP_NS, DEI_NS, XBRLI, LINK}


def _stand_in(type_clark: str, base: str | None) -> str | None:
    ns, _, local = type_clark[1:].partition("}")
    key = f"{_PREFIXES.get(ns, '?')}:{local}"
    if key in _CHECK_TYPES:
        return _CHECK_TYPES[key]
    return _CHECK_TYPES.get(f"xbrli:{base}") if base else None


def check_instance(root: etree._Element, dts: Dts, name: str, findings: list[Finding]) -> None:
    """Validate in place (fact element names are changed to their stand-ins): call it last."""
    for el in list(root):
        tag = el.tag
        if not isinstance(tag, str) or tag[1:].partition("}")[0] in _STANDARD and tag in dts.concepts \
                or tag.startswith((f"{{{XBRLI}}}", f"{{{LINK}}}")):
            continue
        concept = dts.concepts.get(tag)
        stand_in = _stand_in(concept.type, concept.base) if concept is not None else None
        if stand_in is None:
            root.remove(el)  # undeclared, or of a type without a stand-in: reported by the rules
        else:
            el.tag = f"{{{CHECK_NS}}}{stand_in}"
    schema = standard_schema()
    if not schema.validate(root):
        for e in schema.error_log:
            findings.append(Finding("xsd:invalid", ERROR, e.message.replace(f"{{{CHECK_NS}}}", ""), name, e.line))


def check_local_files(dts: Dts, findings: list[Finding]) -> None:
    for location, data in dts.local_texts.items():
        text = data.decode("utf-8", "replace")
        if location.endswith(".xsd"):
            _, problems = validate_extension_schema(location, text)
        else:
            problems = validate_linkbase(location, text)
        findings.extend(Finding("xsd:invalid", ERROR, p.message, location, p.line) for p in problems)
