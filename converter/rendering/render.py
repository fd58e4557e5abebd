"""The render stage: an XbrlModel to the text of its instance, extension schema and label linkbase.

Every id and value is computed here; the Jinja templates only lay them out.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import jinja2

from converter import __version__
from converter.model import Fact, XbrlModel
from converter.namespaces import DEI_NS, DEI_SCHEMA, USGAAP_NS, USGAAP_SCHEMA
from converter.resources import templates_dir

LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
LABEL_LINKBASE_ROLE = "http://www.xbrl.org/2003/role/labelLinkbaseRef"


@dataclass(frozen=True)
class Rendered:
    """File name -> text, plus for the instance the fact on each output line (for error messages)."""

    files: dict[str, str]
    instance_name: str
    fact_lines: dict[int, Fact]


@functools.cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def lexical(value: Decimal | str) -> str:
    """Canonical decimal text: no exponent, no trailing zeros, no negative zero."""
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text


def render(model: XbrlModel, source: str) -> Rendered:
    env = _env()
    base = model.schema_file[:-4]
    label_file = f"{base}_lab.xml"
    common = {"version": __version__, "source": source, "prefix": model.prefix, "namespace": model.namespace,
              "entity_name": model.entity.name}
    contexts = [{
        "id": c.id, "scheme": c.entity.scheme, "identifier": c.entity.identifier,
        "instant": c.period.end.isoformat() if c.period.is_instant else "",
        "start": c.period.start.isoformat() if c.period.start else "", "end": c.period.end.isoformat(),
    } for c in model.contexts]
    units = [{"id": u.id, "numerator": u.numerator, "denominator": u.denominator or ""} for u in model.units]
    facts = [{
        "qname": f.concept.qname, "id": f"f{i + 1}", "context": f.context.id, "unit": f.unit.id if f.unit else "",
        "decimals": f.decimals if f.decimals is not None else "", "value": lexical(f.value),
        "line": f.source.line if f.source else "",
    } for i, f in enumerate(model.facts)]
    instance = env.get_template("instance.xml.j2").render(
        contexts=contexts, units=units, facts=facts, schema_file=model.schema_file,
        usgaap_ns=USGAAP_NS, dei_ns=DEI_NS, **common)
    extensions = sorted((c for c in model.concepts if c.extension), key=lambda c: c.name)
    schema = env.get_template("schema.xsd.j2").render(
        elements=[{"id": f"{c.prefix}_{c.name}", "name": c.name, "type": c.type, "period_type": c.period_type,
                   "balance": c.balance or ""} for c in extensions],
        linkbases=[{"href": label_file, "role": LABEL_LINKBASE_ROLE}],
        usgaap_ns=USGAAP_NS, dei_ns=DEI_NS, usgaap_schema=USGAAP_SCHEMA, dei_schema=DEI_SCHEMA, **common)
    labels = env.get_template("labels.xml.j2").render(
        labels=[{"href": f"{model.schema_file}#{c.prefix}_{c.name}", "loc": f"loc_{c.name}", "res": f"lab_{c.name}",
                 "role": LABEL_ROLE, "text": c.label or c.name} for c in extensions],
        **common)
    instance_name = f"{model.name}.xml"
    fact_lines = _fact_lines(instance, model.facts)
    return Rendered({instance_name: instance, model.schema_file: schema, label_file: labels}, instance_name, fact_lines)


def _fact_lines(text: str, facts: tuple[Fact, ...]) -> dict[int, Fact]:
    out = {}
    for lineno, line in enumerate(text.split("\n"), start=1):
        pos = line.find(' id="f')
        if pos >= 0:
            end = line.find('"', pos + 6)
            idx = line[pos + 6:end]
            if idx.isdigit():
                out[lineno] = facts[int(idx) - 1]
    return out
