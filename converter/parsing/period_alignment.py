"""Periods set against each other across a filing's tables: a year-only column takes the end the
filing prints for that year, a duration starts the day after the period end printed before it,
and fiscal years named by the calendar year they start in are moved to the year they end in."""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from converter.model import Period
from converter.dates import (
    YEAR, duration_weeks, find_dates, fiscal_year_of, is_month_end, make_date, start_of,
)
from converter.parsing.periods import PeriodContext, weekday_like


def align_periods(columns_by_table: list[list], printed: set[dt.date]) -> list[list]:
    """Snap periods to the period ends the filing prints elsewhere.

    A year-only column whose end was guessed from the fiscal year end takes the printed end of
    that year when one lies within a week ("1993" -> September 24, 1993, printed over the
    balance sheet), and a duration whose previous period end is printed starts the day after
    it (52/53-week years).
    """
    def near(d: dt.date, days: int = 7) -> dt.date | None:
        close = [p for p in printed if abs((p - d).days) <= days]
        return min(close, key=lambda p: abs((p - d).days)) if close else None

    # a period whose weeks the filing counts ("Fiscal Year Ended February 3, 1996 (53 weeks)"):
    # another column ending that day without the count ("Fiscal Year Ended February 3, 1996" over
    # the cash flows) is the same period
    # (one end may close several counted periods: "Thirteen Weeks" and "Thirty-nine Weeks Ended
    # October 31, 1998"; "Three Months Ended Oct. 31, 1998" is the one that starts within a week)
    counted: dict[dt.date, set[dt.date]] = {}
    for columns in columns_by_table:
        for c in columns:
            if c.period is not None and c.period.start is not None and duration_weeks(c.heading):
                counted.setdefault(c.period.end, set()).add(c.period.start)

    def counted_start(c) -> dt.date | None:
        if c.period is None or c.period.start is None or duration_weeks(c.heading):
            return None
        near_starts = [s for s in counted.get(c.period.end, ()) if abs((s - c.period.start).days) <= 7]
        return near_starts[0] if len(near_starts) == 1 else None

    out = []
    for columns in columns_by_table:
        columns = [dataclasses.replace(c, period=Period(c.period.end, start)) if (start := counted_start(c)) else c
                   for c in columns]
        fixed = []
        for c in columns:
            p = c.period
            if p is None:
                fixed.append(c)
                continue
            end = p.end
            if not find_dates(c.heading):
                end = near(p.end) or p.end
            start = p.start
            if start is not None:
                months = round(((p.end - p.start).days + 1) / 30.44)
                # an end moved to a printed 52/53-week date counts weeks back from it
                start = start_of(end, months) if end != p.end and not is_month_end(end) and months in (3, 6, 9, 12) \
                    else start + (end - p.end)
                # within a week: a 14-week quarter after a 53-week year starts 7 days before 13 weeks
                prev = near(start - dt.timedelta(days=1), 7)
                if prev and prev < end and not duration_weeks(c.heading):  # (weeks it counts itself are exact)
                    start = prev + dt.timedelta(days=1)
            fixed.append(dataclasses.replace(c, period=Period(end, start)))
        out.append(fixed)
    return out


def fiscal_years_named_by_start(cols: list, ctx: PeriodContext) -> list:
    """A fiscal year that ends early in January or February is often named for the year it began
    in: a retailer's "Fiscal 2000" ends February 3, 2001. Columns headed by such years alone (no
    date printed) are moved a year on when the latest of them would otherwise end a year before
    the fiscal year the filing reports: the period of an annual report, or the last year end
    before a release's date."""
    fye = ctx.fiscal_year_end
    # (a 52-53 week year "ending December 31" in the header may end January 1, 2000: the report's own end says so)
    early = ctx.annual and ctx.period_end is not None and ctx.period_end.month <= 2
    if (fye is None or fye[0] > 2) and not early:
        return cols
    bare = [c for c in cols if c.period is not None and not find_dates(c.heading)
            and (YEAR.search(c.heading) or fiscal_year_of(c.heading))]
    if not bare:
        return cols
    if ctx.annual and ctx.period_end is not None:
        expected = ctx.period_end
    elif not ctx.annual and ctx.period_end is None and ctx.report_date is not None:
        this_year = make_date(ctx.report_date.year, *fye)
        expected = this_year if this_year is not None and this_year <= ctx.report_date else make_date(ctx.report_date.year - 1, *fye)
    else:
        return cols
    latest = max(c.period.end for c in bare)
    if expected is None or not 350 <= (expected - latest).days <= 380:
        return cols
    moved = {id(c) for c in bare}
    out = []
    for c in cols:
        if id(c) in moved:
            end = _a_year_on(c.period.end, expected)
            start = None if c.period.start is None else _a_year_on(c.period.start - dt.timedelta(days=1), expected) + dt.timedelta(days=1)
            c = dataclasses.replace(c, period=Period(end, start))
        out.append(c)
    return out


def _a_year_on(day: dt.date, anchor: dt.date) -> dt.date:
    """The same point of the next fiscal year: in a calendar of weeks (the anchor not at a month
    end) the day of the anchor's weekday nearest a year on, else the same month and day."""
    return _next_year(day) if is_month_end(anchor) else weekday_like(_next_year(day), anchor)


def _next_year(day: dt.date) -> dt.date:
    return make_date(day.year + 1, day.month, min(day.day, calendar.monthrange(day.year + 1, day.month)[1])) or day
