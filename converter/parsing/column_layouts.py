"""The column layouts of the era, each read as its filers meant it: a duration printed once over
several dates, quarters under years, a quarter beside its year-to-date, since inception, one
date over measure columns, a balance between two flow periods, adjustments dated by their
neighbours, column spans by the underlines over them. Each is a function of the columns."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from converter.model import Column, Period, StatementKind
from converter.parsing.column_headings import RULE_RUN
from converter.dates import (
    MONTH_DAY, ordinal_quarter_span, YEAR, YEAR_TO_DATE, duration_months, find_dates, make_date,
    parse_month_day, start_of,
)
from converter.parsing.periods import own_start
from converter.parsing.column_groups import CONSOLIDATING_PART, member_name

_CHANGE = re.compile(r"\bchange\b|%", re.I)  # "Three Month Change": a comparison column, not a period
_GROUP_WORDS = re.compile(r"\b(?:pro ?forma|historical|adjust\w*|combined|consolidat\w*|eliminat\w*|restated|"
                          r"as reported|parent|subsidiar\w*|guarantors?|company|corporation|inc)\b", re.I)
_DATE_FIRST = re.compile(r"^(?:(?:at|as of)\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}\s+(?=\S)", re.I)
_CUMULATIVE = re.compile(r"\bcumulative\b|\bsince inception\b|\binception to date\b", re.I)
_ADJUSTMENTS = re.compile(r"\badjustments?\b|\beliminations?\b|\bpro ?-?forma\b|\b(?:as )?adjusted\b", re.I)


def shared_duration(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A dated flow column without duration words takes the one duration all its neighbours share
    ("Three Months Ended" printed over the first two of three quarter columns)."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW):
        return cols
    spans = {(c.period.end - c.period.start).days // 28 for c in cols if c.period and c.period.start}
    if len(spans) != 1:
        return cols
    months = min(12, max(1, round(next(iter(spans)) * 28 / 30.4)))
    out = []
    for c in cols:
        if c.period is None and find_dates(c.heading) and not duration_months(c.heading):
            end = find_dates(c.heading)[-1][1]
            c = dataclasses.replace(c, period=Period(end, start_of(end, months)))
        out.append(c)
    return out


def quarters_under_years(cols: list[Column], fye: tuple[int, int] | None) -> list[Column]:
    """The quarter ends of a quarterly-data table ("Dec. 31  Sept. 30  June 30  Mar. 31 ..."):
    each column is the three months to its date (a quarter end without duration words was read
    as a year or, in a note, as a balance date). The year is the column's own, else that of its
    run: "1994" and "1993" centred over four columns each reach the middle ones only, and a run
    of quarter ends stops where the months turn back."""
    if len(cols) < 2 or any(MONTH_DAY.search(c.heading) is None or duration_months(c.heading) not in (None, 3)
                            for c in cols):
        return cols
    fye = fye or (12, 31)
    days = [parse_month_day(c.heading) for c in cols]
    own = [{int(m.group("year")) for m in YEAR.finditer(c.heading)} for c in cols]
    if any(d is None for d in days) or any(len(y) > 1 for y in own):
        return cols
    years: list[int | None] = [next(iter(y)) if y else None for y in own]
    if None in years:
        printed: list[int] = []
        for y in years:
            if y is not None and (not printed or printed[-1] != y):
                printed.append(y)
        # the quarters' places in the fiscal year ("1997" over June 30 ... Sept. 30 of a June year)
        place = [((d[0] - fye[0] - 1) % 12, d[1]) for d in days]
        runs, step = [[0]], None
        for k in range(1, len(cols)):
            going = (place[k] > place[k - 1]) - (place[k] < place[k - 1])
            if step is None:
                step = going
            if going == step:
                runs[-1].append(k)
            else:
                runs.append([k])
        if len(cols) < 4 or step == 0 or len(runs) != len(printed) or len(set(printed)) != len(printed):
            return cols
        # each in its fiscal year: the months after the year end fall in the calendar year before
        years = [year - (day > fye) for year, run in zip(printed, runs) for day in (days[k] for k in run)]
    ends = [make_date(year, *day) for year, day in zip(years, days)]
    if None in ends or len(ends) < 3 or any(not 80 <= abs((b - a).days) <= 100 for a, b in zip(ends, ends[1:])):
        return cols  # (consecutive quarter ends only: "June 30 | December 31" are no quarters)
    return [dataclasses.replace(c, period=Period(end, start_of(end, 3))) for c, end in zip(cols, ends)]


def quarters_of_a_year(cols: list[Column]) -> list[Column]:
    """"Fourth Quarter  Third Quarter ..." under a year the sentence above names ("quarterly
    results for the year ended June 30, 1996"): each the three months of that quarter of the
    year, not the year."""
    if not cols or any(c.period is None or c.period.start is None for c in cols) or len({c.period for c in cols}) != 1:
        return cols
    year = cols[0].period
    out = []
    for c in cols:
        quarter = ordinal_quarter_span(c.heading, year.start, year.end)
        if quarter is None:
            return cols
        out.append(dataclasses.replace(c, period=Period(quarter[1], quarter[0]), measure=""))
    return out


def date_over_measures(cols: list[Column]) -> list[Column]:
    """"December 31, 2000" centred over "Amortized Cost  Gross Unrealized Gains ... Fair Value":
    the date reached the first columns' headings only; it is every column's, and the headings
    are the measures of one item (the columns after them were left without a period, or the
    table taken for groups repeating one period)."""
    dated = [c for c in cols if c.period is not None]
    if len(cols) < 2 or not dated or len({c.period for c in dated}) != 1 or not dated[0].period.is_instant:
        return cols
    starts = [_DATE_FIRST.match(c.heading) for c in dated]
    if any(m is None for m in starts) or len({m.group(0).strip().lower() for m in starts}) != 1:
        return cols
    if any(not c.heading or find_dates(c.heading) or YEAR.search(c.heading) for c in cols if c.period is None) \
            or any(_GROUP_WORDS.search(c.heading) for c in cols):
        return cols  # (entities' or presentations' columns are groups: "Historical", "Pro Forma Adjustments")
    period, cut = dated[0].period, len(starts[0].group(0))
    measures = [c.heading[cut:].strip() if c.period is not None else c.heading for c in cols]
    if len({" ".join(m.lower().split()) for m in measures}) < len(cols):
        return cols  # the same measures again: another date's columns, whose date was not read
    return [dataclasses.replace(c, period=period, measure=m) for c, m in zip(cols, measures)]


def ending_on(period: Period, end: dt.date) -> Period:
    """The period moved to end on the day the filing prints for it, its length kept."""
    if period.start is None:
        return Period(end)
    months = round(((period.end - period.start).days + 1) / 30.44)
    return Period(end, start_of(end, months))


def dates_in_column_order(dates: tuple[dt.date, ...], headings: list[str]) -> tuple[dt.date, ...]:
    """"AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000" over "2000  1999": one date per bare-year
    column, in the columns' order, each within a year of its column's year (fiscal 1999 ended
    January 2, 2000); else none."""
    years = [[int(m.group("year")) for m in YEAR.finditer(h)] for h in headings]
    if len(dates) < 2 or len(dates) != len(headings) or any(len(y) != 1 or find_dates(h) for y, h in zip(years, headings)):
        return ()
    if all(0 <= d.year - y[0] <= 1 for d, y in zip(dates, years)) and any(d.year != y[0] for d, y in zip(dates, years)):
        return dates
    return ()


def quarter_of_year_to_date(cols: list[Column], kind: StatementKind) -> list[Column]:
    """"Three Months" over a bare year that no date places, beside "Six Months" of the same year
    that the fiscal year places: the quarter ends where the year to date does."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW):
        return cols
    ends = {c.period.end.year: c.period.end for c in cols
            if c.period is not None and c.period.start is not None and (duration_months(c.heading) or 0) > 3}
    out = []
    for c in cols:
        years = [int(m.group("year")) for m in YEAR.finditer(c.heading)]
        if (c.period is None and duration_months(c.heading) == 3 and not find_dates(c.heading) and len(years) == 1
                and years[0] in ends):
            end = ends[years[0]]
            c = dataclasses.replace(c, period=Period(end, start_of(end, 3)))
        out.append(c)
    return out


def year_to_date(cols: list[Column], kind: StatementKind, fye: tuple[int, int] | None) -> list[Column]:
    """"Year to Date 2004" beside "Fourth Quarter 2004": from the fiscal year's start to the end
    of that year's quarter column (one end for the year: else the column stays unplaced)."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW) or fye is None:
        return cols
    ends: dict[int, set] = {}
    for c in cols:
        if c.period is not None and c.period.start is not None and not YEAR_TO_DATE.search(c.heading):
            ends.setdefault(c.period.end.year, set()).add(c.period.end)
    out = []
    for c in cols:
        years = {int(m.group("year")) for m in YEAR.finditer(c.heading)}
        if c.period is None and YEAR_TO_DATE.search(c.heading) and len(years) == 1 and len(ends.get(min(years), ())) == 1:
            end = next(iter(ends[min(years)]))
            months = (end.month - fye[0]) % 12 or 12
            c = dataclasses.replace(c, period=Period(end, start_of(end, months)))
        elif c.period is not None and c.period.start is not None and YEAR_TO_DATE.search(c.heading) \
                and find_dates(c.heading) and not duration_months(c.heading):
            # "Year-to-Date / June 30, 1999" beside "Quarter Ended / June 30, 1999": from the fiscal
            # year's start to the date it prints
            end = c.period.end
            c = dataclasses.replace(c, period=Period(end, start_of(end, (end.month - fye[0]) % 12 or 12)))
        out.append(c)
    return out


def since_inception(cols: list[Column], head) -> list[Column]:
    """A development stage company's "Cumulative Since Inception" column that prints no date: from
    the inception the title or the sentence above dates ("... and for the Period from March 3, 1994
    (Inception) to December 31, 1998") to the latest end of the columns beside it."""
    ends = [c.period.end for c in cols if c.period is not None and c.period.start is not None]
    if head.kind is StatementKind.BALANCE or not ends:
        return cols
    end = max(ends)
    out = []
    for c in cols:
        if c.period is None and _CUMULATIVE.search(c.heading) and not find_dates(c.heading):
            since = own_start(" ".join([head.title_text, head.period_text, head.intro[-300:]]), end)
            if since is not None:
                c = dataclasses.replace(c, period=Period(end, since))
        out.append(c)
    return out


def paired_duration(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A year column without duration words right of a column that has them ("Six Months Ended
    June 30," printed over 2000 only, 1999 beside it) takes that column's duration: a group
    heading's pair of years, when the heading did not reach the second."""
    if kind is StatementKind.BALANCE or not any(duration_months(c.heading) for c in cols):
        return cols
    out: list[Column] = []
    for c in cols:
        left = next((o for o in reversed(out) if names_duration(o.heading)), None)
        if (c.period is not None and left is not None and left.period is not None and not left.period.is_instant
                and not duration_months(c.heading) and not _CHANGE.search(c.heading) and c.period.end < left.period.end
                and not (c.period.start is not None and own_start(c.heading, c.period.end) == c.period.start)):
            # (a column that prints its own start keeps it: "For the Period from April 1, 1997
            # (Inception) through December 31, 1997" beside "Year Ended December 31, 1998")
            months = duration_months(left.heading)
            c = dataclasses.replace(c, period=Period(c.period.end, start_of(c.period.end, months)))
        out.append(c)
    return out


def one_date_for_all(cols: list[Column]) -> list[Column]:
    """"Year Ended December 31, 1997" centred over a consolidating statement's five columns
    reaches the first two headings only: where the dated columns come first and share one
    period, and the rest name their group and no date, every column is of that period."""
    dated = [c for c in cols if c.period is not None]
    if not dated or len(dated) == len(cols) or len({c.period for c in dated}) != 1 \
            or not any(CONSOLIDATING_PART.search(c.heading) for c in cols):
        return cols  # (a pro forma combination's adjusted columns stay without a period)
    first_undated = next(k for k, c in enumerate(cols) if c.period is None)
    if any(c.period is not None for c in cols[first_undated:]) or not all(
            c.heading.strip() and not find_dates(c.heading) and not YEAR.search(c.heading) for c in cols[first_undated:]):
        return cols
    return [c if c.period is not None else dataclasses.replace(c, period=dated[0].period) for c in cols]


def dated_adjustments(cols: list[Column]) -> list[Column]:
    """"July 31, 1999 | Total Pro Forma Adjustments | Adjusted July 31, 1999": a pro forma
    presentation of one period, whose adjustments or adjusted column names no date, adjusts
    the figures of that period: it takes it, as a group of its own (the mapper places an
    adjustment only where the columns add up with it)."""
    periods = {c.period for c in cols if c.period is not None}
    if len(periods) != 1:
        return cols
    period = next(iter(periods))
    return [dataclasses.replace(c, period=period, member=member_name(c))
            if c.period is None and _ADJUSTMENTS.search(c.heading) and not find_dates(c.heading)
            and not YEAR.search(c.heading) else c for c in cols]


def between_balances(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A note's roll-forward: a balance at one date, movements without dates ('Spending',
    'Adjustments'), a balance at a later date. Each movement is a measure of the span between."""
    if kind is not StatementKind.NOTE or len(cols) < 3:
        return cols
    first, last, middle = cols[0].period, cols[-1].period, cols[1:-1]
    if (first is None or last is None or not first.is_instant or not last.is_instant or first.end >= last.end
            or any(c.period is not None or not c.heading.strip() for c in middle)):
        return cols
    span = Period(last.end, first.end + dt.timedelta(days=1))
    return [cols[0]] + [dataclasses.replace(c, period=span, measure=c.heading) for c in middle] + [cols[-1]]


def spanned_by_rules(cols: list[Column]) -> list[Column]:
    """"Common Shares" over a rule that spans "Number of Shares" and "Amount": the rule's pieces
    came into both headings ("Common Shares ----- Number of Shares", "----- Amount"); the words
    above the rule head every column it spans."""
    out, group = [], None
    for c in cols:
        m = RULE_RUN.search(c.heading)
        if m is None:
            out.append(c)
            group = None
            continue
        above, below = c.heading[:m.start()].strip(), c.heading[m.end():].strip()
        if above:
            group = above
        elif group is None:
            return cols  # a rule with nothing above it: not told apart
        out.append(dataclasses.replace(c, heading=f"{group} {below}".strip()))
    return out


def names_duration(heading: str) -> bool:
    return bool(duration_months(heading)) and not _CHANGE.search(heading)
