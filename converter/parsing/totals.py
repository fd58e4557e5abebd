"""Which printed rows are sums of which: the arithmetic a statement prints, found from its numbers.

A row is a candidate total when it says so ("Total ...", an unlabelled line) or sits under an
underline. Its components are found by walking back over the rows above it, a total standing
for everything it already sums, until the running sums equal the row in every column. A
statement of operations prints its expenses positive under its revenues: a total that is the
first of its rows less the others ("Gross profit", "Operating income") has those others subtracted.

Filings misprint: a total that says it is one ("Total ...", "Net cash used in ... activities")
and whose components add up in every column but one keeps those components, and the odd column
is recorded as a misprint for the arithmetic checks to report.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from converter.model import Row, RowKind
from converter.printed import adds_as

_TOTAL_WORDS = re.compile(r"^(?:total|net|subtotal)\b", re.I)
# Labels that name a total in words; only these may keep components that miss in one column.
_NAMED_TOTAL = re.compile(r"^(?:total|net|subtotal)\b.*\w.*\w|\b(?:provided|used)\b.*\bactivities\b", re.I)
MAX_COMPONENTS = 40


def _candidate(row: Row) -> bool:
    return row.kind is not RowKind.DATA or row.after_rule or bool(_TOTAL_WORDS.match(row.label))


def components_of(rows: list[Row], k: int, starts: list[int], tolerant: bool = False,
                  difference: bool = False) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(components, misprinted columns) of row k; ((), ()) when its numbers are no sum of the rows above.

    tolerant: accept the first walk-back point where every column but one adds up (at least one
    of them a non-zero sum), the odd column being a misprint of the filing.
    difference: the row is the first component less all the others.
    """
    target = [None if c is None else (c.value if c.value is not None else Decimal(0)) for c in rows[k].cells]
    if not any(v is not None and v != 0 for v in target):
        return (), ()
    sums = [Decimal(0)] * len(target)
    picked: list[int] = []
    partial: tuple[tuple[int, ...], tuple[int, ...]] | None = None
    j = k - 1
    while j >= 0 and len(picked) < MAX_COMPONENTS:
        vals = adds_as(rows[j])
        if all(v is None for v in vals):
            j -= 1
            continue
        for c, v in enumerate(vals):
            if v is not None and c < len(sums):
                sums[c] += v
        picked.append(j)
        top = vals
        j = starts[j] - 1
        if difference:  # first row - the rest = 2 * first - everything
            if len(picked) < 2:
                continue
            got = [s - 2 * (v or 0) if c < len(top) and v is not None else s for c, (s, v) in enumerate(zip(sums, top))]
            got = [-g for g in got]
        else:
            got = sums
        off = [c for c, (t, s) in enumerate(zip(target, got)) if (t if t is not None else Decimal(0)) != s]
        if not off:
            return tuple(reversed(picked)), ()
        if tolerant and partial is None and len(picked) >= 2 and len(off) == 1 and target[off[0]] is not None \
                and any(t is not None and t != 0 and c not in off for c, t in enumerate(target)) \
                and target[off[0]] != 0 and sums[off[0]] != 0:  # a column the parser lost is no misprint
            partial = tuple(reversed(picked)), tuple(off)
    return partial or ((), ())


def find_totals(rows: list[Row]) -> list[Row]:
    """Give every total row the components that its printed numbers add up from."""
    out = list(rows)
    starts = list(range(len(out)))  # first row that each row's sum reaches back to
    for k, row in enumerate(out):
        if not _candidate(row):
            continue
        misprints: tuple[int, ...] = ()
        subtracted: tuple[int, ...] = ()
        if row.components and _adds_up(out, k, row.components):
            comps = row.components
        else:
            comps, _ = components_of(out, k, starts)
            if not comps and row.kind is RowKind.DATA and _numbered_columns(row) >= 1:
                comps, _ = components_of(out, k, starts, difference=True)
                subtracted = comps[1:]
            if not comps and _NAMED_TOTAL.search(row.label) and _numbered_columns(row) >= 2 \
                    and not any(c is not None and c.percent for c in row.cells):
                comps, misprints = components_of(out, k, starts, tolerant=True)
        if comps:
            starts[k] = min(starts[c] for c in comps)
            kind = RowKind.TOTAL if row.kind is RowKind.DATA else row.kind
            out[k] = dataclasses.replace(row, components=comps, kind=kind, misprints=misprints, subtracted=subtracted)
        elif row.kind is RowKind.SUBTOTAL and row.components:
            out[k] = dataclasses.replace(row, components=())
    return out


def _numbered_columns(row: Row) -> int:
    """Columns holding amounts (a "% change" column is no sum of anything)."""
    return sum(1 for c in row.cells if c is not None and c.value is not None and not c.percent)


def _adds_up(rows: list[Row], k: int, comps: tuple[int, ...]) -> bool:
    target = adds_as(rows[k])
    for c, t in enumerate(target):
        if t is None:
            continue
        total = sum((adds_as(rows[i])[c] or Decimal(0)) for i in comps)
        if total != t:
            return False
    return True
