"""Column headings to periods: instants for balance sheets, durations (both days inclusive) for flows."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from converter.model import Period, StatementKind
from converter.dates import (
    FULL_DATE, MONTH_NAME, YEAR, duration_months, duration_weeks, find_dates, fiscal_year_of, is_month_end, make_date,
    MONTH_YEAR, SECOND_HALF, YEAR_TO_DATE, month_number, parse_month_day, quarter_end, quarter_of_year, start_of,
)

_AT = re.compile(r"\b(?:at|as of|as at)\s*$", re.I)


@dataclass(frozen=True)
class PeriodContext:
    """What the rest of the filing says about periods: used when a heading is incomplete."""

    fiscal_year_end: tuple[int, int] | None = None  # month, day
    annual: bool = False  # a 10-K: flow columns without words are years
    period_end: dt.date | None = None
    registrant: str = ""  # the filer's name: its column in a pro forma combination holds its own figures
    report_date: dt.date | None = None  # the cover's date, an 8-K's too: the quarter a release reports ended before it


# a column comparing two periods: its amounts are differences (or percents), not a period's figures
_COMPARISON = re.compile(r"(?:\b(?:19|20)?'?\d\d\s*(?:vs\.?|versus|over|compared\s+(?:to|with))\s*(?:19|20)?'?\d\d\b)|"
                         r"\bincrease\s*\(decrease\)|\(decrease\)\s*increase|\bfavorable\s*\(unfavorable\)|"
                         r"\bchange\s+(?:since|from|vs\.?|over)\b|'\d\d\s*/\s*'\d\d", re.I)
_YEARS_APART = re.compile(r"\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b")  # "1999-1998" (descending): a change


@functools.lru_cache(maxsize=4096)
def names_comparison(heading: str) -> bool:
    """A column heading comparing two periods ("1999 vs. 1998", "Change vs 1998", "1999-1998")."""
    text = " ".join(heading.split())
    return bool(_COMPARISON.search(text)) or bool((m := _YEARS_APART.search(text)) and int(m.group(1)) > int(m.group(2)))


def column_period(heading: str, kind: StatementKind, title: str, ctx: PeriodContext,
                  stub_dates: tuple[dt.date, ...] = (), period_text: str = "") -> Period | None:
    """The period of one column, or None when the heading names none.

    A column headed by a bare year takes its month and day from the heading, from a full date
    of that year printed in the title or the stub ("SEPTEMBER 26, 1997 AND SEPTEMBER 27, 1996"),
    from the title's month and day, or from the fiscal year end.
    """
    text = rejoin_months(" ".join(heading.split()))
    if names_comparison(text):
        return None  # "Increase (Decrease) 1999 vs. 1998", "Change since December 31, 1997": no period
    dates = find_dates(text)
    designated = None if dates else _designated(text, title, ctx)
    if designated is not None:
        end, months = designated
        return Period(end) if kind is StatementKind.BALANCE else Period(end, start_of(end, months))
    if dates:
        end = dates[-1][1]
        if len(dates) > 1:
            # "July 3, 2004 and June 28, 2003 ... 2004": the column's own year picks the date
            bare = [int(m.group("year")) for m in YEAR.finditer(FULL_DATE.sub(" ", text))]
            chosen = [d for _, d in dates if bare and d.year == bare[-1]]
            if chosen:
                end = chosen[-1]
    else:
        years = [int(m.group("year")) for m in YEAR.finditer(text)]
        if not years and fiscal_year_of(text):
            years = [fiscal_year_of(text)]  # "FY97", "Fiscal '97"
        if not years:
            return None
        year = years[-1]
        same_year = [d for d in stub_dates if d.year == year]
        md = parse_month_day(text) or ((same_year[-1].month, same_year[-1].day) if same_year else None)
        flows = kind is not StatementKind.BALANCE
        within = _within_year(text) if flows else None
        month = MONTH_YEAR.search(text) if flows and duration_months(text) else None
        if md is None and flows and YEAR_TO_DATE.search(text) and not duration_months(text):
            return None  # "Year to Date 2004": it ends with the quarter beside it (parser._year_to_date)
        if md is None and month is not None and int(month.group("year")) == year:
            md = (month_number(month.group("month")), 31)  # "3 Months Ended December 2004": that month's end
            end = make_date(year, md[0], calendar.monthrange(year, md[0])[1])
            if ctx.period_end is not None and not is_month_end(ctx.period_end):
                end = weekday_like(end, ctx.period_end)  # a 52/53-week calendar's day near the month's end
        elif md is None and within == 6 and SECOND_HALF.search(text) and ctx.fiscal_year_end is not None:
            end = make_date(year, *ctx.fiscal_year_end)  # "Second Half 1997": the six months to the year end
            if end is None:
                return None
        elif md is None and within is not None and parse_month_day(title) is None:
            # "Six Months / 1997" with no day printed: the months count from the fiscal year's start
            end = _part_of_year_end(year, within, ctx)
            if end is None:
                return None  # a quarter of the year that no date of the filing places: not guessed
        elif md is None and ctx.period_end is not None and not is_month_end(ctx.period_end):
            end = same_weekday_near(year, ctx.period_end)  # a 52/53-week year: "last Friday of September"
        else:
            md = md or parse_month_day(title) or ctx.fiscal_year_end
            if md is None:
                return None
            end = make_date(year, *md)
        if end is None:
            return None
    if kind is StatementKind.BALANCE:
        return Period(end)
    # the lines under the title say how long the columns' periods are, not which day they end:
    # "SIX MONTH PERIODS ENDED JUNE 30, 1998 AND 1997", "PERIOD FROM JUNE 3, 1996 (INCEPTION)"
    title = f"{title} {period_text}" if period_text else title
    # the column's own heading may reach back to an inception years before; the title, shared by
    # all columns, only within the year ("YEAR ENDED ... 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION)")
    since = _from_date(text, end, inception=True) or _from_date(f"{text} {title}", end)
    if since is not None:
        return Period(end, since)  # "the period from June 4, 1996 (inception) to December 31, 1996"
    weeks = duration_weeks(text) or (None if duration_months(text) else duration_weeks(title))
    if weeks:
        return Period(end, end - dt.timedelta(weeks=weeks) + dt.timedelta(days=1))  # "Fourteen Weeks Ended"
    months = duration_months(text) or duration_months(title)
    if months is None:
        if kind is StatementKind.NOTE:
            return Period(end)
        if ctx.annual or not dates:
            months = 12
        elif _first_quarter(end, ctx):
            months = 3  # a quarterly report's first quarter: the quarter and the year to date are one
        else:
            return None  # a later quarter's date alone does not say quarter or year to date
    return Period(end, start_of(end, months))


def _within_year(text: str) -> int | None:
    """Months of a flow column shorter than a year, by its heading: "Six Months"."""
    months = duration_months(text)
    return months if months is not None and months < 12 and not duration_weeks(text) else None


def _part_of_year_end(year: int, months: int, ctx: PeriodContext) -> dt.date | None:
    """The end, in calendar year `year`, of the first `months` of a fiscal year (a year to date
    ends one of its quarters); a lone quarter ("Three Months") is the quarter the filing reports:
    the last quarter end on or before the report's date, no more than four months before it,
    and the same quarter in other years. None when no date of the filing says which."""
    fye = ctx.fiscal_year_end
    if fye is None or months % 3:
        return None
    quarter = months // 3
    if months == 3:
        if ctx.report_date is None:
            return None
        reported = [(q, e) for fy in range(ctx.report_date.year - 1, ctx.report_date.year + 2) for q in range(1, 5)
                    if (e := quarter_end(q, fy, fye)) is not None
                    and dt.timedelta(days=-7) <= ctx.report_date - e <= dt.timedelta(days=125)]
        if not reported:
            return None
        quarter = max(reported, key=lambda qe: qe[1])[0]
    end = next((e for fy in (year, year + 1) if (e := quarter_end(quarter, fy, fye)) is not None and e.year == year), None)
    if end is not None and ctx.period_end is not None and not is_month_end(ctx.period_end):
        end = weekday_like(end, ctx.period_end)
    return end


def weekday_like(end: dt.date, anchor: dt.date) -> dt.date:
    """A 52/53-week calendar: the day nearest `end` on the weekday its periods end on."""
    shift = (anchor.weekday() - end.weekday()) % 7
    return end + dt.timedelta(days=shift if shift <= 3 else shift - 7)


def _first_quarter(end: dt.date, ctx: PeriodContext) -> bool:
    """A date that ends the first quarter of a fiscal year, in a quarterly report (its period end
    known): three months after the fiscal year end, or a 52/53-week quarter's first days after."""
    if ctx.annual or ctx.period_end is None or ctx.fiscal_year_end is None:
        return False
    months = (end.month - ctx.fiscal_year_end[0]) % 12
    return months == 3 or (months == 4 and end.day <= 7)


_SPLIT_MONTH = re.compile(r"\b([A-Za-z]{2,})-\s+([a-z]{2,})\b")


def rejoin_months(text: str) -> str:
    """A month name hyphenated over two heading lines ("Septem- ber 30") made whole again."""
    def join(m: re.Match) -> str:
        word = m.group(1) + m.group(2)
        return word if MONTH_NAME.fullmatch(word) else m.group(0)
    return _SPLIT_MONTH.sub(join, text)


def _designated(text: str, title: str, ctx: PeriodContext) -> tuple[dt.date, int] | None:
    """The end and months of a quarter named by its number ("4Q94", "1st Qtr. 1998"), from the
    fiscal year end the filing states or the title's month and day."""
    q = quarter_of_year(text)
    fye = ctx.fiscal_year_end or parse_month_day(title)
    if q is None or fye is None:
        return None
    end = quarter_end(q[0], q[1], fye)
    if end is not None and ctx.period_end is not None and abs((ctx.period_end - end).days) <= 7:
        end = ctx.period_end  # the quarter the filing reports: its own end date
    elif end is not None and ctx.period_end is not None and not is_month_end(ctx.period_end):
        # a 52/53-week year: a quarter of the year reported ends 13 weeks (or a multiple) before the
        # report's own end ("Second Quarter 1998" of a report to June 26, 1998: March 27, not April 3);
        # else on the weekday its periods end on, near that date
        steps = round((ctx.period_end - end).days / 91)
        back = ctx.period_end - dt.timedelta(weeks=13 * steps)
        if 0 < steps <= 3 and abs((back - end).days) <= 7:
            end = back
        else:
            shift = (ctx.period_end.weekday() - end.weekday()) % 7
            end = end + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return (end, 3) if end is not None else None


_FROM = re.compile(r"\bfrom\s+$", re.I)
_INCEPTION = re.compile(r"\binception\)?\s*\(?\s*$", re.I)
# "May 2, 2005 (Inception) to September 30, 2007": the date first, then the word
_INCEPTION_AFTER = re.compile(r"[^()]{4,20}?\((?:date of )?inception\)", re.I)


def own_start(heading: str, end: dt.date) -> dt.date | None:
    """The start a column's own heading prints ("from April 1, 1997 (Inception) through ...")."""
    return _from_date(heading, end, inception=True)


def _from_date(text: str, end: dt.date, inception: bool = False) -> dt.date | None:
    """A start printed as 'from <date>' less than a year before the end."""
    text = " ".join(text.split())
    # "period from inception (March 3, 1988) to December 31, 1996": a development stage
    # company's cumulative column runs from its inception, years before the end
    since_inception = inception and "inception" in text.lower()
    for offset, d in find_dates(text):
        before = text[max(0, offset - 8):offset]
        if (_FROM.search(before) or (since_inception and (_INCEPTION.search(text[max(0, offset - 24):offset])
                                                          or _INCEPTION_AFTER.match(text, offset)))) \
                and (since_inception or end - dt.timedelta(days=366) < d) and d < end:
            return d
    return None


def same_weekday_near(year: int, anchor: dt.date) -> dt.date | None:
    """The day of `year` nearest the anchor's month and day that falls on the anchor's weekday."""
    base = make_date(year, anchor.month, min(anchor.day, 28))
    if base is None:
        return None
    return weekday_like(base + dt.timedelta(days=anchor.day - base.day), anchor)


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


