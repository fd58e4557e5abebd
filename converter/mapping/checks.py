"""The filing's own arithmetic, checked three ways.

1. Printed totals against their printed components: a column the parser found misprinted
   (parsing/totals.py) is reported with its lines and both numbers; the facts stay as printed.
2. The calculation networks against the facts, as XBRL Calculations 1.1 (round-to-nearest)
   checks them. A network applies to every context, so a summation drawn from one table can
   meet another table's facts; a summation that fails anywhere except on a misprint of its own
   table is not a relationship of the filing and is left out. The rest fail exactly where the
   filing misprints, and those failures are listed, so a consumer's calculation check reports
   exactly what the converter reported.
3. Identities between statements: assets against liabilities and equity, and the cash roll-forward.
   (Cash and net income printed twice with different values are found when the facts are made.)
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from converter import identities as ids
from converter.consistency import Amount, identity_breaks, span, summation_break
from converter.model import Arc, Fact, Network, Table
from converter.printed import adds_as
from converter.rounding import half_unit as _half


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """A summation that does not hold in one context because the filing misprints a number."""

    role: str
    concept: str  # qname of the total
    context: str
    reported: Decimal
    computed: Decimal
    line: int  # the total's source line


def _fmt(value: Decimal) -> str:
    return f"{value:,}"


def printed_misprints(tables: tuple[Table, ...]) -> list[str]:
    """Warnings for printed totals whose components add up to another number in some column."""
    out = []
    for table in tables:
        for row in table.rows:
            for c in row.misprints:
                cell = row.cells[c]
                if cell is None or cell.value is None:
                    continue
                parts = [adds_as(table.rows[i])[c] or Decimal(0) for i in row.components]
                slack = _half(cell.decimals) + sum(_half(table.rows[i].cells[c].decimals) for i in row.components
                                                   if table.rows[i].cells[c] is not None)
                total = sum(parts, Decimal(0))
                if total == cell.value:
                    continue
                rounding = " (within rounding)" if abs(total - cell.value) <= slack else ""
                heading = table.columns[c].heading if c < len(table.columns) else ""
                lines = [table.rows[i].line for i in row.components]
                out.append(f"line {row.line}: {row.label!r} prints {cell.text.strip()}"
                           f"{f' under {heading!r}' if heading else ''} but the lines it totals "
                           f"({_span(lines)}) add up to {_fmt(total)}{rounding}; the printed numbers are kept")
    return out


def _span(lines: list[int]) -> str:
    return ", ".join(str(n) for n in lines) if len(lines) <= 4 else f"{lines[0]}-{lines[-1]}"


def check_calculations(networks: tuple[Network, ...], facts: list[Fact], tables: tuple[Table, ...]
                       ) -> tuple[tuple[Network, ...], tuple[Inconsistency, ...]]:
    """Networks without the summations the facts contradict, and the misprints the rest meet."""
    by_key: dict[tuple[str, str, str], Fact] = {}
    by_concept: dict[str, list[Fact]] = {}
    for f in facts:
        if isinstance(f.value, Decimal):
            by_key[(f.concept.qname, f.context.id, f.unit.id if f.unit else "")] = f
            by_concept.setdefault(f.concept.qname, []).append(f)
    misprinted = {(row.line, row.cells[c].col) for t in tables for row in t.rows for c in row.misprints
                  if row.cells[c] is not None}
    kept_networks, found = [], []
    for net in networks:
        summations: dict[str, list[Arc]] = {}
        for arc in net.calculation:
            summations.setdefault(arc.parent.qname, []).append(arc)
        dropped: set[str] = set()
        for parent, arcs in summations.items():
            mine = []
            for total in by_concept.get(parent, []):
                computed = _check(total, arcs, by_key)
                if computed is None:
                    continue
                own = total.table == net.table and total.source is not None \
                    and (total.source.line, total.source.col) in misprinted
                if not own:
                    dropped.add(parent)
                    break
                mine.append(Inconsistency(net.role_uri, parent, total.context.id, total.value, computed,
                                          total.source.line))
            else:
                found.extend(mine)
        calc = tuple(a for a in net.calculation if a.parent.qname not in dropped)
        kept_networks.append(dataclasses.replace(net, calculation=calc))
    return tuple(kept_networks), tuple(found)


def breaking(networks: tuple[Network, ...], facts: list[Fact], candidates: list[Fact]) -> dict[int, str]:
    """The candidate facts (added from outside the tables: the EX-27 schedule) that would make a
    summation of the networks fail in their context, each with the summation it breaks: id ->
    "Assets in I19951231". A schedule of some of a total's parts (a restated year's total assets
    and current assets, without the other lines) would otherwise fail the statements' own
    calculations, or take them out of the linkbase."""
    out: dict[int, str] = {}
    pending = list(candidates)
    while pending:
        mine = {id(f) for f in pending}
        by_key: dict[tuple[str, str, str], Fact] = {}
        by_concept: dict[str, list[Fact]] = {}
        for f in facts + pending:
            if isinstance(f.value, Decimal):
                by_key[(f.concept.qname, f.context.id, f.unit.id if f.unit else "")] = f
                by_concept.setdefault(f.concept.qname, []).append(f)
        found: dict[int, str] = {}
        for net in networks:
            summations: dict[str, list[Arc]] = {}
            for arc in net.calculation:
                summations.setdefault(arc.parent.qname, []).append(arc)
            for parent, arcs in summations.items():
                for total in by_concept.get(parent, []):
                    if _check(total, arcs, by_key) is None:
                        continue
                    unit = total.unit.id if total.unit else ""
                    parts = [total] + [f for a in arcs if (f := by_key.get((a.child.qname, total.context.id, unit)))]
                    for f in parts:
                        if id(f) in mine:
                            found.setdefault(id(f), f"{parent} in {total.context.id}")
        if not found:
            break
        out.update(found)
        pending = [f for f in pending if id(f) not in found]
    return out


def _check(total: Fact, arcs: list[Arc], by_key: dict) -> Decimal | None:
    """The computed sum when the summation fails in the total's context (Calculations 1.1), else None."""
    unit = total.unit.id if total.unit else ""
    children = [(a.weight, f) for a in arcs if (f := by_key.get((a.child.qname, total.context.id, unit))) is not None]
    if not children:
        return None
    if summation_break(span(total.value, total.decimals), [(w, span(f.value, f.decimals)) for w, f in children]) is None:
        return None
    return sum((w * f.value for w, f in children), Decimal(0))


def identities(facts: list[Fact]) -> list[str]:
    """Warnings where the statements disagree with each other."""
    amounts = {(f.concept.name, f.context.entity, f.context.period.start, f.context.period.end):
               Amount(f.value, f.decimals, f) for f in facts
               if f.concept.prefix == "us-gaap" and f.concept.name in ids.ALL and isinstance(f.value, Decimal)
               and not f.context.dims}  # (a member's cash is no consolidated figure, as the validator reads it)
    out = []
    for kind, parts, _ in identity_breaks(amounts):
        if kind == "balance":
            assets, other = (a.fact for a in parts)
            out.append(f"line {_line(assets)}: total assets of {_fmt(assets.value)} at {assets.context.period.end} differ "
                       f"from total liabilities and equity of {_fmt(other.value)} on line {_line(other)}")
        else:
            start, change, end = (a.fact for a in parts)
            out.append(f"line {_line(end)}: cash at {end.context.period.end} is {_fmt(end.value)}, but cash at the start "
                       f"({_fmt(start.value)}, line {_line(start)}) plus the change in cash ({_fmt(change.value)}, "
                       f"line {_line(change)}) is {_fmt(start.value + change.value)}")
    return out


def _line(f: Fact) -> str:
    return str(f.source.line) if f.source else "?"
