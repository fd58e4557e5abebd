"""A table's columns and the periods they mean: its headings read to periods (parsing/periods.py),
years listed in the text around it, then the era's column layouts (column_layouts.py) and the
groups the columns are printed for (column_groups.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from converter.model import Column, Period, StatementKind
from converter.dates import (
    FULL_DATE, MONTH_DAY, ORDINAL_QUARTER, YEAR, duration_months, find_dates, make_date, month_number, start_of,
)
from converter.parsing.heading_grammar import names_attribute
from converter.parsing.periods import (
    PeriodContext, column_period, names_comparison, intro_period, rejoin_months,
)
from converter.parsing.column_groups import column_groups, group_name, member_name, percent_beside_amounts
from converter.parsing.column_layouts import (
    between_balances, date_over_measures, dates_in_column_order, ending_on, one_date_for_all, paired_duration,
    quarter_of_year_to_date, quarters_of_a_year, quarters_under_years, shared_duration, since_inception, year_to_date,
)
from converter.parsing.period_alignment import fiscal_years_named_by_start

_QUARTERLY = re.compile(r"\bquarterly\b|\bquarters?\b", re.I)
# (pro forma columns are read apart already: their lines become pro forma extension concepts)
_PRESENTATION = re.compile(r"\bexcluding\b|\bbefore (?:special|unusual|nonrecurring|non-recurring|one-time)\b|"
                           r"\bnon-?gaap\b", re.I)
_NAMED_YEAR = re.compile(r"\b(?:fiscal\s+)?year\s+(?:19|20)\d\d\b(?!\s*-?\s*end)", re.I)
# "December 31, 1996 and 1995", "June 30, 1998, 1997 and 1996": one month and day for every year listed
_LISTED = re.compile(FULL_DATE.pattern + r"(?P<more>(?:\s*,\s*(?:and\s+)?(?:19|20)\d\d\b|\s+and\s+(?:19|20)\d\d\b)+)", re.I)


def _listed_years(text: str) -> tuple[dt.date, ...]:
    out = []
    for m in _LISTED.finditer(text):
        month, day = month_number(m.group("month")), int(m.group("day"))
        for y in YEAR.finditer(m.group("more")):
            d = make_date(int(y.group("year")), month, day)
            if d is not None:
                out.append(d)
    return tuple(out)


def _sibling_dates(headings: list[str]) -> tuple[dt.date, ...]:
    """A bare year beside columns that all print one month and day ("JULY 31," centred over the
    1999 column only) ends on that day: the table's own date, not the fiscal year end."""
    dated = [(h, find_dates(rejoin_months(h))) for h in headings]
    days = {(d.month, d.day) for _, found in dated for _, d in found}
    if len(days) != 1:
        return ()
    month, day = next(iter(days))
    years = {int(m.group("year")) for h, found in dated if not found for m in YEAR.finditer(h)}
    return tuple(d for y in sorted(years) if (d := make_date(y, month, day)) is not None)


def columns_of(head, spans, ctx: PeriodContext, flows: bool = False, all_members: bool = False) -> tuple[list[Column], str]:
    """The table's columns with their periods. flows: a note table of an annual report whose
    lines are those of an income or cash-flow statement ("Net sales", "Research and
    development"): a bare year heads the year's flows, not its closing balances. all_members:
    every group is another column of a combination printed above (its second part)."""
    cols = []
    if YEAR.fullmatch(head.stub_text.strip()) and head.headings and all(
            MONTH_DAY.search(h) and not YEAR.search(h) for h in head.headings):
        # quarter ends over a year printed as the rows' section heading: each quarter of that year
        head = dataclasses.replace(head, headings=[f"{h} {head.stub_text.strip()}" for h in head.headings])
    stub = " ".join(f"{head.title_text} {head.stub_text}".split())
    stub_dates = tuple(d for _, d in find_dates(stub)) + _listed_years(stub)
    stub_dates += _sibling_dates(head.headings)
    # one line of the title zone listing a full date per column: "AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000"
    listed = [dates for t in [*head.title_lines, head.stub_text] if len(dates := tuple(d for _, d in find_dates(t))) > 1
              and len(FULL_DATE.findall(t)) == len(dates)]
    in_order = dates_in_column_order(listed[-1], head.headings) if len(listed) == 1 else ()
    # a line of the title zone that the chosen title left out may be the one that dates the
    # columns: "TWELVE MONTHS ENDED JUNE 30" over bare years, "(Unaudited)" and the scale
    spans_named = " ".join(t for t in head.title_lines if t not in head.title and duration_months(t) and MONTH_DAY.search(t))
    titled = f"{head.title} {spans_named} {head.stub_text}" if spans_named else f"{head.title} {head.stub_text}"
    for k, (left, right) in enumerate(spans):
        heading = head.headings[k]
        dates = find_dates(heading)
        if len(dates) > 2:
            # one column under the dates of several: the columns do not line up (or were merged)
            return [], f"the heading of one column names {len(dates)} dates ({heading[:80]!r}): columns do not line up"
        # (a note's "Fiscal Year 1998" beside its quarters is the year's flows, not its closing balance)
        kind = StatementKind.INCOME if (flows or head.kind is StatementKind.NOTE and _NAMED_YEAR.search(heading)) \
            and not dates else head.kind
        period = None if names_attribute(heading) else column_period(heading, kind, titled, ctx, stub_dates,
                                                                    head.period_text)
        if in_order and period is not None:
            period = ending_on(period, in_order[k])
        cols.append(Column(k, left, right, heading, period))
    said = " ".join([head.title_text, head.intro[-200:], *head.headings])
    quarterly = "quarter" in said.lower() and _QUARTERLY.search(said) is not None  # (the substring first: cheap)
    if head.kind is not StatementKind.BALANCE and quarterly:
        cols = quarters_under_years(cols, ctx.fiscal_year_end)
    if head.scale is not None and not head.not_own:
        # (a note table that states no scale is not read at all rather than read in dollars)
        cols = date_over_measures(cols)
    cols = fiscal_years_named_by_start(cols, ctx)
    cols = shared_duration(cols, head.kind)
    cols = paired_duration(cols, head.kind)
    cols = quarter_of_year_to_date(cols, head.kind)
    cols = year_to_date(cols, head.kind, ctx.fiscal_year_end)
    cols = percent_beside_amounts(cols)
    # "Fourth Quarter / Change vs 1998": a comparison of the periods beside it, however its
    # heading's words dated it
    cols = [dataclasses.replace(c, period=None) if c.period is not None and names_comparison(c.heading) else c
            for c in cols]
    if head.not_own:
        cols = one_date_for_all(cols)
    # only a statement titled as not the filer's own (pro forma) can hold its own column by name
    if all_members:
        return [dataclasses.replace(c, member=member_name(c)) if c.period is not None
                else c for c in cols], ""
    cols, reason = column_groups(cols, head.kind, ctx.registrant if head.not_own else "")
    if reason:
        return [], reason
    cols = between_balances(cols, head.kind)
    cols = since_inception(cols, head)
    # "Excluding Special Charges" beside "As Reported" under one centred year: a presentation, never
    # the plain figures, even where the year reached it alone
    cols = [dataclasses.replace(c, member=group_name(c) or c.heading) if c.period is not None and not c.member
            and _PRESENTATION.search(c.heading) else c for c in cols]
    if all(c.period is None for c in cols) and len(cols) == 1 and head.title_text and head.kind is not StatementKind.NOTE:
        # a single column whose date is printed under the title: "BALANCE SHEET / December 31, 2007"
        period = column_period(head.title_text, head.kind, head.title, ctx)
        if period is not None:
            return [dataclasses.replace(cols[0], period=period)], ""
    if all(c.period is None for c in cols) and head.not_own and head.title_kind is not None and head.title_text:
        # "Historical / Pro Forma" under "JUNE 30, 1997": the title's date is every column's, the
        # headings name the presentations (or the date printed at the left of the headings:
        # "December 31, 1997" beside a consolidating balance sheet's "Parent ... Consolidated")
        dated_by = head.stub_text if FULL_DATE.search(head.stub_text) and not FULL_DATE.search(head.title_text) \
            else head.title_text
        period = column_period(dated_by, head.title_kind, head.title, ctx)
        if period is not None:
            return column_groups([dataclasses.replace(c, period=period) for c in cols], head.kind, ctx.registrant)
    if all(c.period is None for c in cols):
        period = intro_period(head.intro)
        if YEAR.fullmatch(head.stub_text.strip()) and ctx.fiscal_year_end == (12, 31) and all(
                ORDINAL_QUARTER.match(" ".join(c.heading.split())) for c in cols):
            # "First  Second  Third  Fourth" under "Quarter", the year printed as the rows' section
            # heading ("1999" over its rows, then "1998"): that year's quarters, not the sentence's year
            # (of a calendar year only: a 52/53-week year's quarters end on other days)
            period = column_period(head.stub_text.strip(), StatementKind.INCOME, "", ctx) or period
        elif YEAR.fullmatch(head.stub_text.strip()) and period is not None and all(
                ORDINAL_QUARTER.match(" ".join(c.heading.split())) for c in cols):
            # the same over a 52/53-week year: the year-end the sentence names in the heading's year
            # ("the years ended September 25, 2010 and September 26, 2009" over "2010"), where the
            # year is named for the day it ends (a January year-end's "2009" may end in 2010): the
            # sentence's other year would date these quarters a year early
            year = int(head.stub_text.strip())
            ends = {d for _, d in find_dates(" ".join(head.intro.split())) if d.year == year}
            # (the year, whichever span the sentence gives: "each of the four quarters ended
            # September 25, 2010 and September 26, 2009" names quarters' ends, not a quarter)
            if not ctx.fiscal_year_end or ctx.fiscal_year_end[0] < 6 or len(ends) != 1:
                period = None
            else:
                period = Period(min(ends), start_of(min(ends), 12))
        if period is None:
            return [], "no period in the column headings or the sentence above the table"
        if head.kind is StatementKind.BALANCE and not period.is_instant:
            period = Period(period.end)
        cols = [dataclasses.replace(c, period=period, measure=c.heading) for c in cols]
        if len(cols) > 1 and len({c.heading for c in cols}) < len(cols):
            return [], "columns without periods and without distinct headings"
        cols = quarters_of_a_year(cols)
    return cols, ""


