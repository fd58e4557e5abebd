"""How printed rows add up into their totals (shared by the stages: the parser finds totals with
it, the mapper weighs calculation arcs and reports misprints with it)."""
from __future__ import annotations

import re
from decimal import Decimal

from converter.model import Row

LESS = re.compile(r"^(?:less|deduct)\b", re.I)


def adds_as(row: Row) -> list[Decimal | None]:
    """The row as it adds into a total, per column: a "Less ..." row is subtracted however printed."""
    sign = -1 if LESS.match(row.label) else 1
    return [None if c is None else (sign * abs(c.value) if sign < 0 and c.value is not None
                                    else (c.value if c.value is not None else Decimal(0))) for c in row.cells]


def component_sign(total: Row, index: int, component: Row) -> int:
    """+1 or -1: how the printed number of component (row `index`) enters its total's printed number."""
    sign = -1 if index in total.subtracted else 1
    if LESS.match(component.label):
        first = next((c.value for c in component.cells if c is not None and c.value), None)
        if first is not None and first > 0:
            sign = -sign  # "Less ..." printed positive
    return sign
