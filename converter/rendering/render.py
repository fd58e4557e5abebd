"""The render stage: an XbrlModel to the text of its instance, its extension schema and its label,
presentation, calculation and definition linkbases.

Every id and value is computed here; the Jinja templates only lay them out.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace as V  # template views: jinja finds attributes faster than dict keys

import jinja2

from converter import __version__
from converter.model import Arc, Concept, Fact, Network, XbrlModel
from converter.namespaces import DEI_NS, DEI_SCHEMA, SRT_NS, SRT_SCHEMA, USGAAP_NS, USGAAP_SCHEMA
from converter.resources import templates_dir

LABEL_LINKBASE_ROLE = "http://www.xbrl.org/2003/role/labelLinkbaseRef"
PRESENTATION_LINKBASE_ROLE = "http://www.xbrl.org/2003/role/presentationLinkbaseRef"
CALCULATION_LINKBASE_ROLE = "http://www.xbrl.org/2003/role/calculationLinkbaseRef"
DEFINITION_LINKBASE_ROLE = "http://www.xbrl.org/2003/role/definitionLinkbaseRef"
NEGATED_ROLES_SCHEMA = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"


@dataclass(frozen=True)
class Rendered:
    """File name -> text, plus for the instance the fact on each output line (for error messages)."""

    files: dict[str, str]
    instance_name: str
    fact_lines: dict[int, Fact]


@functools.cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # (the templates are the package's own: no stat of each file per filing)
    )
    env.filters["comment"] = comment_text
    return env


def comment_text(text: str) -> str:
    """Text that can stand inside <!-- -->: no "--", and no "-" last (XML 1.0, 2.5)."""
    while "--" in text:
        text = text.replace("--", "- -")
    return text[:-1] + "- " if text.endswith("-") else text


def lexical(value: Decimal | str) -> str:
    """Canonical decimal text: no exponent, no trailing zeros, no negative zero."""
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def context_views(model: XbrlModel) -> list[V]:
    """The contexts as the templates lay them out (the instance's and the inline copy's)."""
    return [V(id=c.id, scheme=c.entity.scheme, identifier=c.entity.identifier,
              instant=c.period.end.isoformat() if c.period.is_instant else "",
              start=c.period.start.isoformat() if c.period.start else "", end=c.period.end.isoformat(),
              members=[V(dimension=axis.qname, member=member.qname) for axis, member in c.dims])
            for c in model.contexts]


def unit_views(model: XbrlModel) -> list[V]:
    return [V(id=u.id, numerator=u.numerator, denominator=u.denominator or "") for u in model.units]


def render(model: XbrlModel, source: str) -> Rendered:
    env = _env()
    base = model.schema_file[:-4]
    label_file = f"{base}_lab.xml"
    common = {"version": __version__, "source": source, "prefix": model.prefix, "namespace": model.namespace,
              "entity_name": model.entity.name}
    contexts, units = context_views(model), unit_views(model)
    facts = [V(qname=f.concept.qname, id=f"f{i + 1}", context=f.context.id, unit=f.unit.id if f.unit else "",
               decimals=f.decimals if f.decimals is not None else "", value=lexical(f.value),
               line=f.source.line if f.source else "")
             for i, f in enumerate(model.facts)]
    # facts with a note of where they come from (the filer's EX-27 schedule): one locator each,
    # all under one label, so that a single arc ties them to the note
    footnotes = [V(label=f"fn{k + 1}", text=text, facts=[f"f{i + 1}" for i in indexes])
                 for k, (text, indexes) in enumerate(model.footnotes) if indexes]
    instance = env.get_template("instance.xml.j2").render(
        contexts=contexts, units=units, facts=facts, schema_file=model.schema_file, footnotes=footnotes,
        dimensional=any(c.dims for c in model.contexts),
        usgaap_ns=USGAAP_NS, dei_ns=DEI_NS, srt_ns=SRT_NS, **common)
    extensions = sorted((c for c in model.concepts if c.extension), key=lambda c: c.name)
    networks = [n for n in model.networks if n.presentation or n.calculation or n.dimensional]
    pre_file, cal_file, def_file = f"{base}_pre.xml", f"{base}_cal.xml", f"{base}_def.xml"
    presented = [n for n in networks if n.presentation]
    calculated = [n for n in networks if n.calculation]
    defined = [n for n in networks if n.dimensional]
    linkbases = [V(href=label_file, role=LABEL_LINKBASE_ROLE)]
    if presented:
        linkbases.append(V(href=pre_file, role=PRESENTATION_LINKBASE_ROLE))
    if calculated:
        linkbases.append(V(href=cal_file, role=CALCULATION_LINKBASE_ROLE))
    if defined:
        linkbases.append(V(href=def_file, role=DEFINITION_LINKBASE_ROLE))
    schema = env.get_template("schema.xsd.j2").render(
        elements=[V(id=f"{c.prefix}_{c.name}", name=c.name, type=c.type, period_type=c.period_type,
                    balance=c.balance or "", abstract=c.abstract, group=c.substitution_group) for c in extensions],
        dimensions=any(c.substitution_group.startswith("xbrldt:") for c in extensions),
        roles=[V(uri=n.role_uri, id=n.role_id, definition=n.definition, dimensional=bool(n.dimensional))
               for n in networks],
        linkbases=linkbases,
        usgaap_ns=USGAAP_NS, dei_ns=DEI_NS, usgaap_schema=USGAAP_SCHEMA, dei_schema=DEI_SCHEMA, **common)
    files = {}
    labels = env.get_template("labels.xml.j2").render(
        concepts=_label_view(model), role_refs=_role_refs(model), **common)
    if presented:
        files[pre_file] = env.get_template("presentation.xml.j2").render(
            networks=[_network_view(model, n, n.presentation) for n in presented],
            schema_file=model.schema_file, **common)
    if calculated:
        files[cal_file] = env.get_template("calculation.xml.j2").render(
            networks=[_network_view(model, n, n.calculation) for n in calculated],
            schema_file=model.schema_file, **common)
    if defined:
        files[def_file] = env.get_template("definition.xml.j2").render(
            networks=[_network_view(model, n, n.dimensional) for n in defined], schema_file=model.schema_file,
            arcroles=sorted({a.arcrole.rsplit("/", 1)[-1] for n in defined for a in n.dimensional}), **common)
    instance_name = f"{model.name}.xml"
    fact_lines = _fact_lines(instance, model.facts)
    return Rendered({instance_name: instance, model.schema_file: schema, label_file: labels, **files},
                    instance_name, fact_lines)


def href(model: XbrlModel, concept: Concept) -> str:
    """Where a concept is declared: the extension schema, or the official standard location."""
    location = {"us-gaap": USGAAP_SCHEMA, "dei": DEI_SCHEMA, "srt": SRT_SCHEMA}.get(concept.prefix, model.schema_file)
    return f"{location}#{concept.prefix}_{concept.name}"


def _loc(concept: Concept) -> str:
    """The xlink:label of a concept's locator."""
    return f"loc_{concept.prefix}_{concept.name}"


def _label_view(model: XbrlModel) -> list[V]:
    by_concept: dict[str, V] = {}
    for label in model.labels:
        c = label.concept
        view = by_concept.setdefault(c.qname, V(href=href(model, c), loc=_loc(c),
                                                res=f"lab_{c.prefix}_{c.name}", labels=[]))
        view.labels.append(V(role=label.role, text=label.text))
    return list(by_concept.values())


def _role_refs(model: XbrlModel) -> list[V]:
    roles = sorted({label.role for label in model.labels if label.role.startswith("http://www.xbrl.org/2009/role/")})
    return [V(uri=r, href=f"{NEGATED_ROLES_SCHEMA}#{r.rsplit('/', 1)[-1]}") for r in roles]


def _network_view(model: XbrlModel, network: Network, arcs: tuple[Arc, ...]) -> V:
    """Locators and arcs of one extended link. A concept shown twice under one parent (cash at
    the start and at the end of the period) gets a second locator: XLink forbids two arcs between
    the same pair of labels."""
    locs: dict[str, V] = {}
    pairs: set[tuple[str, str]] = set()
    views = []
    for a in arcs:
        parent, child = _loc(a.parent), _loc(a.child)
        n = 1
        while (parent, child if n == 1 else f"{child}_{n}") in pairs:
            n += 1
        child = child if n == 1 else f"{child}_{n}"
        pairs.add((parent, child))
        locs.setdefault(parent, V(href=href(model, a.parent), label=parent))
        locs.setdefault(child, V(href=href(model, a.child), label=child))
        views.append(V(parent=parent, child=child, order=a.order, preferred=a.preferred_label, weight=a.weight,
                       arcrole=a.arcrole))
    return V(uri=network.role_uri, id=network.role_id, locs=list(locs.values()), arcs=views)


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
