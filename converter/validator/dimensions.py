"""XBRL Dimensions 1.0 for `txt2xbrl validate`: each context's explicit members, and each fact's
context against the hypercubes its primary item has in the definition linkbase, with Arelle's
codes (xbrldie:...). Typed dimensions accept any value.

A fact is dimensionally valid when its primary item has no hypercube, or when in some base set
(an extended link role of its has-hypercube arcs) every `all` cube is satisfied and no `notAll`
cube is: each dimension of the cube has a usable domain member as its value in the cube's context
element (segment or scenario), or no value and a default; a closed cube allows no other
dimension there. A primary item inherits the cubes of the items it is a domain member of.
What depends on a schema or linkbase that is not available is not judged.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

from converter.validator.dts import Dts
from converter.validator.findings import ERROR, WARNING, Finding
from converter.validator.rules import Instance

XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"
_ARC = "http://xbrl.org/int/dim/arcrole/"
ALL, NOT_ALL, HC_DIM, DIM_DOMAIN, DOMAIN_MEMBER, DIM_DEFAULT = (
    _ARC + "all", _ARC + "notAll", _ARC + "hypercube-dimension", _ARC + "dimension-domain", _ARC + "domain-member",
    _ARC + "dimension-default")
_DIMENSION_ITEM = f"{{{XBRLDT}}}dimensionItem"
X = "{http://www.xbrl.org/2003/instance}"


@dataclass
class _Cube:
    hypercube: str
    role: str  # the base set: the role of the has-hypercube arc
    positive: bool  # all (True) or notAll
    element: str  # "segment" or "scenario"
    closed: bool
    dims: dict[str, set[str]] = field(default_factory=dict)  # dimension -> its usable members


@dataclass
class _Model:
    arcs: dict = field(default_factory=lambda: defaultdict(list))  # (arcrole, role, from) -> [(to, attrs)]
    defaults: dict[str, str] = field(default_factory=dict)  # dimension -> default member
    has_cubes: dict = field(default_factory=lambda: defaultdict(list))  # primary item -> [(role, cube, attrs, arcrole)]
    parents: dict = field(default_factory=lambda: defaultdict(list))  # domain member -> [(role, its parent)]


def _model(dts: Dts) -> _Model:
    m = _Model()
    for role, arcrole, a, b, attrs in dts.definitions:
        if arcrole == DIM_DEFAULT:
            m.defaults[a] = b
        elif arcrole in (ALL, NOT_ALL):
            m.has_cubes[a].append((role, b, attrs, arcrole))
        else:
            m.arcs[(arcrole, role, a)].append((b, attrs))
            if arcrole == DOMAIN_MEMBER:
                m.parents[b].append((role, a))
    return m


def _next_role(role: str, attrs: dict) -> str:
    return attrs.get("targetRole") or role


def _members(m: _Model, dim: str, role: str) -> set[str]:
    """The usable members of a dimension's domain, following targetRole."""
    found, unusable, stack, seen = set(), set(), [], set()
    for domain, attrs in m.arcs.get((DIM_DOMAIN, role, dim), []):
        stack.append((domain, _next_role(role, attrs), attrs.get("usable", "true") != "false"))
    while stack:
        item, r, usable = stack.pop()
        (found if usable else unusable).add(item)
        if (item, r) in seen:
            continue
        seen.add((item, r))
        for child, attrs in m.arcs.get((DOMAIN_MEMBER, r, item), []):
            stack.append((child, _next_role(r, attrs), attrs.get("usable", "true") != "false"))
    return found - unusable


def _cubes(m: _Model, item: str) -> list[_Cube]:
    """The cubes of a primary item, its own and those of the items it is a domain member of."""
    cubes = []
    for owner, roles in _ancestors(item, m):
        for role, hypercube, attrs, arcrole in m.has_cubes.get(owner, []):
            if role not in roles:
                continue
            cube = _Cube(hypercube, role, arcrole == ALL, attrs.get("contextElement", "segment"),
                         attrs.get("closed", "false") in ("true", "1"))
            hc_role = _next_role(role, attrs)
            for dim, dattrs in m.arcs.get((HC_DIM, hc_role, hypercube), []):
                cube.dims[dim] = _members(m, dim, _next_role(hc_role, dattrs))
            cubes.append(cube)
    return cubes


def _ancestors(item: str, m: _Model):
    """(item or an ancestor, the roles its has-hypercube arcs count in for ITEM)."""
    yield item, {role for role, _, _, _ in m.has_cubes.get(item, [])}
    frontier, seen = [(item, None)], {item}
    while frontier:
        child, only_role = frontier.pop()
        for role, p in m.parents.get(child, ()):
            if only_role is not None and role != only_role:
                continue
            yield p, {role}
            if (p, role) not in seen:
                seen.add((p, role))
                frontier.append((p, role))


def _context_dims(ctx_el: etree._Element) -> dict[str, dict[str, str | None]]:
    """{"segment": {dimension: member or None (typed)}, "scenario": {...}} of a context."""
    out = {"segment": {}, "scenario": {}}
    for where, path in (("segment", f"{X}entity/{X}segment"), ("scenario", f"{X}scenario")):
        el = ctx_el.find(path)
        if el is None:
            continue
        for member in el:
            if member.tag in (f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"):
                dim = _clark(member, member.get("dimension", ""))
                value = _clark(member, (member.text or "").strip()) if member.tag.endswith("explicitMember") else None
                out[where][dim] = value
    return out


def _clark(el: etree._Element, qname: str) -> str:
    prefix, _, local = qname.rpartition(":")
    return f"{{{el.nsmap.get(prefix or None, '')}}}{local}"


def check_dimensions(root: etree._Element, inst: Instance, dts: Dts, name: str, findings: list[Finding]) -> None:
    complete = not dts.missing and not dts.unnamed_missing and not dts.unresolved
    m = _model(dts)
    dims_of: dict[str, dict] = {}
    for ctx_el in root.iterfind(f"{X}context"):
        cid = ctx_el.get("id", "")
        dims_of[cid] = _context_dims(ctx_el)
        seen: set[str] = set()
        for member in ctx_el.iter(f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"):
            line = member.sourceline or 0
            dim = _clark(member, member.get("dimension", ""))
            if dim in seen:
                findings.append(Finding("xbrldie:RepeatedDimensionInInstanceError", ERROR,
                                        f"context {cid}: dimension {dim} is given twice", name, line))
            seen.add(dim)
            if not member.tag.endswith("explicitMember"):
                continue
            concept = dts.concepts.get(dim)
            value = _clark(member, (member.text or "").strip())
            if concept is None:
                if dim[1:].partition("}")[0] in dts.namespaces and dim[1:].partition("}")[0] not in dts.subsets:
                    findings.append(Finding("xbrldie:ExplicitMemberNotExplicitDimensionError", ERROR,
                                            f"context {cid}: {dim} is declared in no schema of the DTS", name, line))
                continue
            if concept.group is not None and concept.group != _DIMENSION_ITEM and complete:
                findings.append(Finding("xbrldie:ExplicitMemberNotExplicitDimensionError", ERROR,
                                        f"context {cid}: {dim} is not a dimension", name, line))
            ns = value[1:].partition("}")[0]
            if value not in dts.concepts and ns in dts.namespaces and ns not in dts.subsets:
                findings.append(Finding("xbrldie:ExplicitMemberUndefinedQNameError", ERROR,
                                        f"context {cid}: member {value} is declared in no schema of the DTS", name, line))
            if m.defaults.get(dim) == value:
                findings.append(Finding("xbrldie:DefaultValueUsedInInstanceError", ERROR,
                                        f"context {cid}: {value} is the default of {dim}, which is never given", name,
                                        line))
    if not dts.definitions or not m.has_cubes:
        return
    if not complete:
        if any(m.has_cubes.values()):
            findings.append(Finding("dts:notChecked", WARNING, "dimensional validity not checked: a schema or "
                                    "linkbase of the DTS is not available", name, 0))
        return
    cubes_of: dict[str, list[_Cube]] = {}
    for f in inst.facts:
        if f.concept not in cubes_of:
            cubes_of[f.concept] = _cubes(m, f.concept)
        cubes = cubes_of[f.concept]
        if not cubes or f.context not in dims_of:
            continue
        if not _valid(cubes, dims_of[f.context], m.defaults):
            findings.append(Finding("xbrldie:PrimaryItemDimensionallyInvalidError", ERROR,
                                    f"{f.concept.rpartition('}')[2]} in context {f.context}: no hypercube of its "
                                    f"primary item admits the context's dimensions", name, f.line))


def _valid(cubes: list[_Cube], dims: dict, defaults: dict) -> bool:
    by_role: dict[str, list[_Cube]] = defaultdict(list)
    for c in cubes:
        by_role[c.role].append(c)
    for role_cubes in by_role.values():
        if all(_satisfied(c, dims, defaults) == c.positive for c in role_cubes) and any(c.positive for c in role_cubes):
            return True
    return False


def _satisfied(cube: _Cube, dims: dict, defaults: dict) -> bool:
    given = dims[cube.element]
    for dim, members in cube.dims.items():
        if dim in given:
            value = given[dim]
            if value is not None and value not in members:
                return False
        elif dim not in defaults:
            return False
    if cube.closed and any(d not in cube.dims for d in given):
        return False
    return True
