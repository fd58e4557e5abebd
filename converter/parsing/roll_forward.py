"""Equity statements printed as a roll-forward: a column per equity component, a row per
movement, and dated balance rows between the periods.

    Balance, January 1, 1990           $62,483   $ 9,929,197   $12,933,200   $22,643,937
    Net income                              --            --     6,259,141     6,259,141
    Balance, December 31, 1990         104,055    15,869,138    19,192,341    34,939,453
    Net income                              --            --     8,941,792     8,941,792

The periods are the rows' own: a balance row is an instant (a balance "January 1" is the
previous day's close), and each movement belongs to the span from the balance above it to the
balance below it. Each column becomes the component it is headed with (its member), a "Total"
column the plain figures.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from converter.dates import find_dates
from converter.model import Column, Period, Row

_BALANCE = re.compile(r"^\s*balances?\b", re.I)
_TOTAL = re.compile(r"^\s*total\b", re.I)


def balance_date(label: str) -> dt.date | None:
    """The instant of a dated balance row: 'Balance, December 31, 1990'; 'BALANCE, JANUARY 1,
    1991' is the close of December 31, 1990."""
    if not _BALANCE.match(label):
        return None
    dates = find_dates(" ".join(label.split()))
    if len(dates) != 1:
        return None
    day = dates[0][1]
    return day - dt.timedelta(days=1) if day.day == 1 else day


def roll_forward(columns: list[Column], rows: list[Row]) -> tuple[list[Column], list[Row]] | None:
    """Columns as components and rows with their own periods, or None when the table is not a
    dated roll-forward (fewer than two dated balances, or balances out of order)."""
    dates = [(i, d) for i, r in enumerate(rows) if (d := balance_date(r.label)) is not None]
    if len(dates) < 2 or any(b <= a for (_, a), (_, b) in zip(dates, dates[1:])):
        return None
    out_rows = list(rows)
    for (i, start), (j, end) in zip(dates, dates[1:]):
        span = Period(end, start + dt.timedelta(days=1))
        for k in range(i + 1, j):
            out_rows[k] = dataclasses.replace(rows[k], period=span)
    for i, d in dates:
        out_rows[i] = dataclasses.replace(rows[i], period=Period(d))
    # rows above the first balance or below the last have no period of their own: left out
    cols = [dataclasses.replace(c, period=None, measure="",
                                member="" if _TOTAL.match(c.heading) else " ".join(c.heading.split()))
            for c in columns]
    return cols, out_rows
