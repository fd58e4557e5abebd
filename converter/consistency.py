"""The arithmetic that both the converter (mapping/checks.py, over the facts it made) and the
validator (validator/arithmetic.py, over any instance) check, in one place: XBRL Calculations 1.1
summations (round-to-nearest: each number stands for the interval its decimals allow) and the
statement identities (assets = liabilities and equity; cash at the start + the change = cash at
the end). Each caller says what breaks in its own words."""
from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from converter import identities as ids
from converter.rounding import half_unit

Span = tuple[Decimal, Decimal]


def span(value: Decimal, decimals: int | str | None) -> Span:
    """The interval a reported number stands for: half its last stated place either side."""
    half = half_unit(decimals)
    return value - half, value + half


def summation_break(total: Span, children: list[tuple[int, Span]]) -> Span | None:
    """The interval the weighted children sum to when it misses the total's (the summation is
    inconsistent), else None."""
    low = high = Decimal(0)
    for weight, (a, b) in children:
        x, y = weight * a, weight * b
        low, high = low + min(x, y), high + max(x, y)
    return (low, high) if high < total[0] or low > total[1] else None


@dataclass(frozen=True, slots=True)
class Amount:
    """A fact as the identities see it; `fact` is the caller's own record of it."""

    value: Decimal
    decimals: int | str | None
    fact: object


Key = tuple[str, Hashable, "dt.date | None", dt.date]  # (US-GAAP local name, entity and unit, start, end)


def identity_breaks(amounts: dict[Key, Amount]) -> Iterator[tuple[str, tuple[Amount, ...], str]]:
    """("balance", (assets, liabilities and equity), "") where the balance sheet does not
    balance; ("cash", (cash at the start, change, cash at the end), the cash concept) where the
    cash roll-forward does not close. Instants have no start."""
    for (name, group, start, end), assets in amounts.items():
        if name != ids.ASSETS:
            continue
        other = amounts.get((ids.LIABILITIES_AND_EQUITY, group, start, end))
        if other is not None and _apart((assets, other), [(1, assets), (-1, other)]):
            yield "balance", (assets, other), ""
    for (name, group, start, end), change in amounts.items():
        if name not in ids.CASH_CHANGE or start is None:
            continue
        for cash in ids.CASH:
            first = amounts.get((cash, group, None, start - dt.timedelta(days=1)))
            last = amounts.get((cash, group, None, end))
            if first is None or last is None:
                continue
            if _apart((first, change, last), [(1, first), (1, change), (-1, last)]):
                yield "cash", (first, change, last), cash
            break


def _apart(parts: tuple[Amount, ...], weighted: list[tuple[int, Amount]]) -> bool:
    """Whether the weighted amounts cannot sum to zero within their rounding."""
    slack = sum((half_unit(a.decimals) for a in parts), Decimal(0))
    return abs(sum((w * a.value for w, a in weighted), Decimal(0))) > slack
