"""Column headings to periods: instants for balance sheets, durations (both days inclusive) for flows."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.model import Period, StatementKind
from converter.parsing.dates import (
    FULL_DATE, YEAR, duration_months, find_dates, make_date, parse_month_day, start_of,
)

_AT = re.compile(r"\b(?:at|as of|as at)\s*$", re.I)


@dataclass(frozen=True)
class PeriodContext:
    """What the rest of the filing says about periods: used when a heading is incomplete."""

    fiscal_year_end: tuple[int, int] | None = None  # month, day
    annual: bool = False  # a 10-K: flow columns without words are years
    period_end: dt.date | None = None


def column_period(heading: str, kind: StatementKind, title: str, ctx: PeriodContext) -> Period | None:
    """The period of one column, or None when the heading names none."""
    text = " ".join(heading.split())
    dates = find_dates(text)
    if dates:
        end = dates[-1][1]
    else:
        years = [int(m.group("year")) for m in YEAR.finditer(text)]
        if not years:
            return None
        year = years[-1]
        md = parse_month_day(text) or parse_month_day(title) or ctx.fiscal_year_end
        if md is None:
            return None
        end = make_date(year, *md)
        if end is None:
            return None
    if kind is StatementKind.BALANCE:
        return Period(end)
    months = duration_months(text) or duration_months(title)
    if months is None:
        if kind is StatementKind.NOTE:
            return Period(end)
        if ctx.annual or not dates:
            months = 12
        else:
            return None
    return Period(end, start_of(end, months))


def intro_period(intro: str) -> Period | None:
    """The period a note table is about, from the sentence introducing it.

    "For the six months ended May 31, 2004, ... as follows:" gives a duration; "at May 31,
    2004 are as follows:" an instant. The date nearest the end of the introduction wins.
    """
    text = " ".join(intro.split())
    dates = find_dates(text)
    if not dates:
        return None
    offset, end = dates[-1]
    before = text[max(0, offset - 60):offset]
    months = duration_months(before)
    if months is not None and not _AT.search(before):
        return Period(end, start_of(end, months))
    if _AT.search(before) or re.search(r"\b(?:at|as of)\b", before[-12:], re.I):
        return Period(end)
    return None


def has_period_words(heading: str) -> bool:
    return bool(FULL_DATE.search(heading) or YEAR.search(heading))
