"""A mapped row's numbers as facts: scaled to its units, signed by its concept, placed in its
contexts (a component's member, an adjustments column's), and emitted once: a number printed
twice for one concept and context is one fact, two different ones a conflict that is reported.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from converter.mapping.taxonomy import Rule
from converter.model import (
    Cell, Column, Concept, Fact, Period, Row, SourceRef, StatementKind, Table, Unmapped,
)
from converter.mapping.units import MONETARY, PER_SHARE, PERCENT
from converter.mapping.state import MapState
from converter.mapping.edges import dated_instant

# a heading of income printed positive and expenses negative: "Other income (expense):"
_INCOME_FIRST = re.compile(r"\bincome\s*\((?:expense|expenses|deductions)\)|\bincome\s+and\s+\(?expense", re.I)
TOTAL_LABEL = re.compile(r"total\b", re.I)
# "Less: Comprehensive income attributable to noncontrolling interests  24": the amount taken
# away, printed as itself; a rule's negation is for a line printed as its effect ("Less
# earnings from discontinued operations  (753)" in a cash-flow statement is 753 of earnings)
_DEDUCTED = re.compile(r"^\s*(?:less|deduct)\b", re.I)


def sign_factor(facts: list[Fact], table: Table, cells, unknown: int | None = 1) -> int | None:
    """+1 when the facts carry the printed signs, -1 when they carry the opposite ones (unknown
    where no fact shows it: a zero, or no figure)."""
    for f in facts:
        printed = next((cell.value for col, cell in cells if f.source and cell.line == f.source.line
                        and cell.col == f.source.col), None)
        if printed and f.value:
            return 1 if (printed > 0) == (f.value > 0) else -1
    return unknown


def _printed_negative(row: Row) -> bool:
    """Some number of the row printed negative: under "Other income (expense):" the row prints
    the net's own sign ("Interest expense, net  (214)  38"); printed positive throughout it is
    the expense ("Interest expense, net  214  196" above a subtotal of (202))."""
    return any(c is not None and c.value is not None and c.value < 0 for c in row.cells)


def _negative_throughout(row: Row) -> bool:
    """Every number of the row printed negative: "Income tax benefit  (11,549)" in a statement of
    expenses printed positive shows the benefit by its parentheses, as the negative expense it is
    (printed with its opposite in another column, "Income tax benefit 500 (200)", the row names
    the benefit positive)."""
    values = [c.value for c in row.cells if c is not None and c.value]
    return bool(values) and all(v < 0 for v in values)


def facts_for(st: MapState, t_index: int, table: Table, row: Row, concept: Concept, rule: Rule | None,
               cells, group: str, signs: list[int | None] | None = None) -> list[Fact]:
    out = []
    section = section_member(st, table, row)  # the component of the row's section, if any
    # an adjustment is the change it makes to the line's figure: the sign the table's arithmetic
    # gives it, turned as the line's own figure was turned (a benefit's, a loss's)
    adjusted = [(col, cell) for col, cell in cells if col.member and st.adjusting.get(col.index)]
    if adjusted:
        cells = [(col, cell) for col, cell in cells if not (col.member and st.adjusting.get(col.index))]
    for col, cell in cells:
        period = col.period
        if rule is not None and rule.at == "start":
            period = Period(period.start - dt.timedelta(days=1)) if period.start else None
        elif rule is not None and rule.at == "end":
            period = Period(period.end)
        elif rule is not None and rule.at == "dated":
            period = dated_instant(row.label, period)
        if period is None:
            continue
        if (concept.period_type == "instant") != period.is_instant:
            # an extension concept is made per period type; a standard one must match
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r}: its column's period "
                                                              f"({period.key()}) is not the kind {concept.name} takes (left out)"))
            continue
        value, decimals = _scaled(table, concept, cell, row.scale)
        factor = signs[col.index] if signs else None
        if rule is not None and factor is not None:
            value = value * factor
        elif rule is not None:
            if concept.name in st.tax.signed and not rule.magnitude:
                if rule.negate and not (_DEDUCTED.match(row.label) and not _printed_negative(row)) and not (table.kind is StatementKind.INCOME and (
                        _negative_throughout(row) or (_INCOME_FIRST.search(row.context) and _printed_negative(row)))):
                    value = -value  # "Income tax benefit  47,937": the expense is -47,937
                elif ("Loss" in concept.name or concept.name.startswith("EarningsPerShare")) and (
                        st.tax.loss_first(row.label) or value > 0 and st.tax.names_a_loss(row.label)):
                    value = -value  # "Net loss per share  $ 1.02"; "Net loss (income)  1,723  (201)"
                elif concept.balance == "credit" and st.tax.names_expense_first(row.label):
                    value = -value  # "Other (income) expense, net  (215)": income of 215
            else:
                value = abs(value)
        out.append(_cell_fact(st, t_index, table, row, concept, col, cell, period, value, decimals, group, section))
    if adjusted:
        out += _adjustment_facts(st, t_index, table, row, concept, rule, adjusted, group, out, cells)
    return out


def _adjustment_facts(st: MapState, t_index: int, table: Table, row: Row, concept: Concept, rule: Rule | None,
                      adjusted, group: str, made: list[Fact], cells) -> list[Fact]:
    """Facts of a row's adjustment cells: each the change it makes, printed value times the sign
    the table's arithmetic gave its column, turned as the row's other figures were turned from
    their printed values to the concept's (a line of an unsigned concept keeps its printed signs)."""
    if rule is not None and rule.at is not None:
        return []  # (a roll-forward's balances: no adjustment of a movement is placed at a date)
    adjusted = [(col, cell) for col, cell in adjusted
                if (concept.period_type == "instant") == col.period.is_instant]
    if not adjusted:
        return []
    turned = sign_factor(made, table, cells, unknown=None)
    if turned is None:
        # no figure of the line shows how its printed signs turn into the concept's
        st.unmapped.extend(Unmapped(cell.line, row.label, f"value {cell.text!r} is an adjustment of a line without "
                                                          f"another figure to show its sign (left out)")
                           for _, cell in adjusted)
        return []
    out = []
    for col, cell in adjusted:
        value, decimals = _scaled(table, concept, cell, row.scale)
        out.append(_cell_fact(st, t_index, table, row, concept, col, cell, col.period,
                              value * st.adjusting[col.index] * turned, decimals, group))
    return out


def _cell_fact(st: MapState, t_index: int, table: Table, row: Row, concept: Concept, col: Column, cell: Cell,
               period: Period, value: Decimal, decimals: int, group: str, section=None) -> Fact:
    """The fact of one cell: in the context of its period, its entity, its row's section and its
    column's member."""
    dims = ((section,) if section else ()) + (
        (st.dims.member(col.member, table.kind.value, table.combination),) if col.member else ())
    return Fact(concept, st.contexts.context(period, st.entity, dims=dims), value, st.contexts.unit_for(concept.type),
                decimals, SourceRef(cell.line, cell.col, cell.text), row.label, t_index, group)


def _scaled(table: Table, concept: Concept, cell: Cell, own: int | None = None) -> tuple[Decimal, int]:
    if concept.type == PERCENT:
        # XBRL keeps percentages as fractions: 35% is 0.35
        return cell.value / 100, cell.decimals + 2
    if concept.type == PER_SHARE:
        scale = table.per_share_scale
    elif own:  # "Shares outstanding (in millions)": the row's own scale
        scale = own
    else:
        scale = table.scale if concept.type == MONETARY else table.shares_scale
    value = cell.value * scale
    shift = len(str(scale)) - 1
    return value, cell.decimals - shift


def conflict(st: MapState, f: Fact) -> tuple[Fact, Fact] | None:
    """(f, the earlier fact) when an earlier fact of the same concept and context has another value
    (one printed in millions that rounds the other, printed in thousands, is the same value:
    "Net earnings $35.5" in a cash-flow statement beside "$35,510" in the income statement)."""
    prev = st.seen.get((f.concept.qname, f.context.id, f.unit.id if f.unit else ""))
    return (f, prev) if prev is not None and prev.value != f.value and not _same_rounded(prev, f) else None


def _same_rounded(a: Fact, b: Fact) -> bool:
    """Two numbers that agree at the coarser of their precisions (XBRL's consistent duplicates)."""
    if not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal) or a.decimals is None \
            or b.decimals is None or a.decimals == b.decimals:
        return False
    step = Decimal(1).scaleb(-min(a.decimals, b.decimals))
    return a.value.quantize(step, rounding=ROUND_HALF_UP) == b.value.quantize(step, rounding=ROUND_HALF_UP)


def printed_value(f: Fact) -> str:
    return f.source.text if f.source and f.source.text else str(f.value)


def emit(st: MapState, facts: list[Fact]) -> None:
    for f in facts:
        key = (f.concept.qname, f.context.id, f.unit.id if f.unit else "")
        if key in st.seen:
            # the same number printed twice (a note repeating a statement line), or rounded (a
            # statement in millions beside one in thousands): the statement's, mapped first, stays
            continue
        st.seen[key] = f
        st.facts.append(f)


def section_member(st: MapState, table: Table, row: Row):
    """An equity statement printed with a section per component (year columns; "Common Stock",
    "Capital in excess of par value", "Earnings retained" over their balances and movements): the
    component of the row's section, or None."""
    if row.line in st.segments:
        return st.dims.member(st.segments[row.line], "segments")  # a segment note's line: its segment
    if table.kind is not StatementKind.EQUITY or table.roll_forward or any(c.member for c in table.columns):
        return None
    if TOTAL_LABEL.match(row.label):
        return None  # "Total stockholders' equity" under the last section is the whole, not its part
    return st.dims.section_member(row.context, table.kind.value)
