"""Equity statements printed as a roll-forward: a column per equity component, a row per
movement, and dated balance rows between the periods.

    Balance, January 1, 1990           $62,483   $ 9,929,197   $12,933,200   $22,643,937
    Net income                              --            --     6,259,141     6,259,141
    Balance, December 31, 1990         104,055    15,869,138    19,192,341    34,939,453
    Net income                              --            --     8,941,792     8,941,792

The periods are the rows' own: a balance row is an instant (a balance "January 1" is the
previous day's close where the table's other balances fall on month ends; a retailer's 52-week
year may end on "February 1"), and each movement belongs to the span from the balance above it to the
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
# the column of the whole: "Total", "Total Stockholders' Equity" (its apostrophe typeset or not),
# "Total Members' Equity"; not "Total Retained Earnings"
_TOTAL = re.compile(r"^\s*total(?:\s+(?:(?:(?:stock|share)(?:holders|owners)|members|partners)['\u2019]?\s+)?"
                    r"(?:equity|investment|deficit|capital|\(deficit\)|equity \(deficit\)))?\s*$", re.I)


def balance_date(label: str) -> dt.date | None:
    """The date of a dated balance row: 'Balance, December 31, 1990', 'BALANCE, JANUARY 1, 1991'."""
    if not _BALANCE.match(label):
        return None
    dates = find_dates(" ".join(label.split()))
    return dates[0][1] if len(dates) == 1 else None


def _closes(dates: list[dt.date]) -> list[dt.date]:
    """The instants the balances stand for: a balance on the 1st is the previous day's close
    when the others fall on month ends ('December 31, 1990' then 'January 1, 1992'), not in a
    table of 52-53 week years ('February 2, 2002', 'February 1, 2003', 'January 31, 2004')."""
    if not all((d + dt.timedelta(days=1)).day == 1 for d in dates if d.day != 1):
        return dates
    return [d - dt.timedelta(days=1) if d.day == 1 else d for d in dates]


def roll_forward(columns: list[Column], rows: list[Row], inception=None) -> tuple[list[Column], list[Row]] | None:
    """Columns as components and rows with their own periods, or None when the table is not a
    dated roll-forward (fewer than two dated balances, or balances out of order). inception: the
    day the title says the company began ("Period from inception (May 14, 1991) to ..."): the
    movements above the first balance run from it."""
    dated = [(i, d) for i, r in enumerate(rows) if (d := balance_date(r.label)) is not None]
    dates = list(zip([i for i, _ in dated], _closes([d for _, d in dated])))
    if len(dates) < 2 or any(b <= a for (_, a), (_, b) in zip(dates, dates[1:])):
        return None
    out_rows = list(rows)
    if inception is not None and dates[0][0] > 0 and inception < dates[0][1]:
        # a development-stage company's statement from its inception, without an opening balance
        for k in range(dates[0][0]):
            out_rows[k] = dataclasses.replace(rows[k], period=Period(dates[0][1], inception))
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


def periods_as_rows(columns: list[Column], rows: list[Row], period_of) -> tuple[list[Column], list[Row]] | None:
    """A schedule whose rows are periods and whose columns are one account's movements (Schedule
    II, valuation and qualifying accounts):

        RESERVE FOR DOUBTFUL ACCOUNTS        Balance at Beginning   Provisions   ...   Balance at End
        Year Ended January 3, 1999                 $ 4,710            $ 1,084             $ 4,400

    each row's period is the one its label names (period_of(label), a duration), each column a
    measure of it; None when a row with amounts names no period."""
    out, previous = [], None
    for r in rows:
        if any(c is not None and c.value is not None for c in r.cells):
            period = period_of(r.label) if find_dates(" ".join(r.label.split())) else None
            if period is None or period.start is None:
                return None
            if previous is not None and abs(period.start - previous.end - dt.timedelta(days=1)) <= dt.timedelta(days=7):
                # the year after a 52/53-week year starts the day after the one printed above it
                period = Period(period.end, previous.end + dt.timedelta(days=1))
            previous = period
            r = dataclasses.replace(r, period=period)
        out.append(r)
    if sum(r.period is not None for r in out) < 2:
        return None
    return [dataclasses.replace(c, period=None, measure=" ".join(c.heading.split()), member="") for c in columns], out
