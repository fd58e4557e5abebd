"""Which printed rows are sums of which: the arithmetic a statement prints, found from its numbers.

A row is a candidate total when it says so ("Total ...", an unlabelled line) or sits under an
underline. Its components are found by walking back over the rows above it, a total standing
for everything it already sums, until the running sums equal the row in every column.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from converter.model import Row, RowKind

_TOTAL_WORDS = re.compile(r"^(?:total|net|subtotal)\b", re.I)
MAX_COMPONENTS = 40


_LESS = re.compile(r"^(?:less|deduct)\b", re.I)


def _values(row: Row) -> list[Decimal | None]:
    """The row as it adds into a total: a "Less ..." row printed positive is subtracted."""
    sign = -1 if _LESS.match(row.label) else 1
    return [None if c is None else (sign * abs(c.value) if sign < 0 and c.value is not None
                                    else (c.value if c.value is not None else Decimal(0))) for c in row.cells]


def _candidate(row: Row) -> bool:
    return row.kind is not RowKind.DATA or row.after_rule or bool(_TOTAL_WORDS.match(row.label))


def components_of(rows: list[Row], k: int, starts: list[int]) -> tuple[int, ...]:
    target = [None if c is None else (c.value if c.value is not None else Decimal(0)) for c in rows[k].cells]
    if not any(v is not None and v != 0 for v in target):
        return ()
    sums = [Decimal(0)] * len(target)
    picked: list[int] = []
    j = k - 1
    while j >= 0 and len(picked) < MAX_COMPONENTS:
        vals = _values(rows[j])
        if all(v is None for v in vals):
            j -= 1
            continue
        for c, v in enumerate(vals):
            if v is not None and c < len(sums):
                sums[c] += v
        picked.append(j)
        j = starts[j] - 1
        if all((t if t is not None else Decimal(0)) == s for t, s in zip(target, sums)):
            return tuple(reversed(picked))
    return ()


def find_totals(rows: list[Row]) -> list[Row]:
    """Give every total row the components that its printed numbers add up from."""
    out = list(rows)
    starts = list(range(len(out)))  # first row that each row's sum reaches back to
    for k, row in enumerate(out):
        if not _candidate(row):
            continue
        comps = row.components if row.components and _adds_up(out, k, row.components) else components_of(out, k, starts)
        if comps:
            starts[k] = min(starts[c] for c in comps)
            kind = RowKind.TOTAL if row.kind is RowKind.DATA else row.kind
            out[k] = dataclasses.replace(row, components=comps, kind=kind)
        elif row.kind is RowKind.SUBTOTAL and row.components:
            out[k] = dataclasses.replace(row, components=())
    return out


def _adds_up(rows: list[Row], k: int, comps: tuple[int, ...]) -> bool:
    target = _values(rows[k])
    for c, t in enumerate(target):
        if t is None:
            continue
        total = sum((_values(rows[i])[c] or Decimal(0)) for i in comps)
        if total != t:
            return False
    return True
