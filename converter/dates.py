"""Dates and periods as filings print them: "May 31, 2004", "3/31/05", "Six Months Ended" (shared by the stages)."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from converter.resources import load_toml

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# (the lookahead lets the engine pass over letters no month starts with: twice as fast a search)
_MONTH = (r"(?=[ADFJMNOSadfjmnos])(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
MONTH_NAME = re.compile(_MONTH, re.I)
FULL_DATE = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})\b", re.I)
# a balance dated by its label ("Balance at January 1", "Net balance, December 31"): placed by each
# column's dates (the day before a period that starts on it, or the period's end)
DATED_BALANCE = re.compile(r"^(?:(?:net|gross)\s+)?balances?,?\s+(?:at\s+)?" + MONTH_DAY.pattern + r"\s*[,.:]?\s*$", re.I)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# 3/31/05, 12-31-2000, 12.31.99 (one separator between all three parts, not "1-2" of a range)
NUMERIC_DATE = re.compile(r"\b(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{2}|\d{4})\b")
YEAR = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?![\d,])")


def _alternatives(words: list[str]) -> str:
    """Words as one regex alternative, longest first, each abbreviation with its optional dot."""
    return "|".join(re.escape(w) + r"\.?" for w in sorted(set(words), key=len, reverse=True))


_G = load_toml("headings.toml")  # the heading notation of the era, as data
_NUMBERS = {k.lower(): v for k, v in _G["duration"]["numbers"].items()}
DURATION = re.compile(
    r"\b(?<!-)(?P<n>" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r"|\d{1,2})[\s-]+"
    r"(?:(?P<months>" + _alternatives(_G["duration"]["month_units"]) + r")|(?P<weeks>"
    + _alternatives(_G["duration"]["week_units"]) + r"))(?![a-z])", re.I)
_YEAR_WORD = _alternatives(_G["duration"]["year_words"])
_QUARTER_WORD = _alternatives(_G["duration"]["quarter_words"])
YEAR_WORDS = re.compile(r"\b(?:fiscal\s+)?(?:" + _YEAR_WORD + r")\s+(?:ended|ending)\b", re.I)
QUARTER_WORDS = re.compile(r"\b(?:" + _QUARTER_WORD + r")(?![a-z])", re.I)
FIRST_HALF = re.compile(r"\b(?:" + _alternatives(_G["duration"]["first_half"]) + r")(?![a-z])", re.I)
YEAR_TO_DATE = re.compile(r"\b(?:" + _alternatives(_G["duration"]["year_to_date"]) + r")(?![a-z])", re.I)
SECOND_HALF = re.compile(r"\b(?:" + _alternatives(_G["duration"]["second_half"]) + r")(?![a-z])", re.I)
_ORDINALS = {k.lower(): v for k, v in _G["quarter"]["ordinals"].items()}
_SHORT_YEAR = r"(?:(?:19|20)\d\d|'?\d\d)"
# "4Q94", "Q4 1994", "1st Qtr. 1998", "Fourth Quarter 1997", "4th Qtr. FY99", "Q2 '03"
QUARTER_OF_YEAR = re.compile(
    r"\b(?:(?P<a>[1-4])q[\s-]?(?P<ya>" + _SHORT_YEAR + r")|q(?P<b>[1-4])[\s,-]*(?:(?:fy|fiscal)\s*)?(?P<yb>" + _SHORT_YEAR
    + r")|(?P<c>" + "|".join(map(re.escape, _ORDINALS)) + r")\s+(?:" + _QUARTER_WORD + r")[\s,]*(?:(?:of\s+)?(?:fy|fiscal(?:\s+year)?)\s*)?(?P<yc>"
    + _SHORT_YEAR + r"))(?![\d])", re.I)
# "Fiscal 1997", "FY 1997", "FY97", "Fiscal '97"
FISCAL_YEAR = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _G["fiscal"]["prefixes"]) + r")\s*(?P<y>" + _SHORT_YEAR
                         + r")(?![\d])", re.I)


def full_year(text: str) -> int:
    """'94, 94 or 1994 as 1994 (two-digit years from 50 are 19xx, below 50 20xx)."""
    y = int(text.lstrip("'"))
    return y if y >= 100 else y + (1900 if y >= 50 else 2000)


def quarter_of_year(text: str) -> tuple[int, int] | None:
    """(quarter, fiscal year) a heading names: "4Q94" -> (4, 1994), "1st Qtr. 1998" -> (1, 1998)."""
    m = QUARTER_OF_YEAR.search(text)
    if m is None:
        return None
    if m.group("a"):
        return int(m.group("a")), full_year(m.group("ya"))
    if m.group("b"):
        return int(m.group("b")), full_year(m.group("yb"))
    return _ORDINALS[m.group("c").lower()], full_year(m.group("yc"))


def fiscal_year_of(text: str) -> int | None:
    """The fiscal year a heading names by a prefix: "Fiscal 1997", "FY97"."""
    m = FISCAL_YEAR.search(text)
    return full_year(m.group("y")) if m else None


def quarter_end(quarter: int, fiscal_year: int, fye: tuple[int, int]) -> dt.date | None:
    """The last day of quarter n of the fiscal year that ends on month/day fye of fiscal_year."""
    month, day = fye
    months_back = 3 * (4 - quarter)
    m, y = month - months_back, fiscal_year
    while m <= 0:
        m += 12
        y -= 1
    if day >= calendar.monthrange(2001, month)[1]:  # a fiscal year ending at a month end: quarters do too
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    return make_date(y, m, min(day, calendar.monthrange(y, m)[1]))


def year_end(fiscal_year_end: str | None) -> tuple[int, int] | None:
    """(month, day) of a fiscal year end written "--MM-DD"."""
    if not fiscal_year_end:
        return None
    return int(fiscal_year_end[2:4]), int(fiscal_year_end[5:7])


def month_number(name: str) -> int:
    return MONTHS[name.lower()[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full date in the text, with its offset: `May 31, 2004`, `3/31/05`."""
    return list(_dates_in(text))


@functools.lru_cache(maxsize=8192)  # a heading is asked for its dates by several passes
def _dates_in(text: str) -> tuple[tuple[int, dt.date], ...]:
    found = []
    if not any(d in text for d in "0123456789"):
        return ()
    for m in FULL_DATE.finditer(text):
        d = make_date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
        if d:
            found.append((m.start(), d))
    for m in NUMERIC_DATE.finditer(text):
        y = int(m.group("y"))
        if y < 100:
            y += 1900 if y >= 50 else 2000
        d = make_date(y, int(m.group("m")), int(m.group("d")))
        if d:
            found.append((m.start(), d))
    found.sort(key=lambda x: x[0])
    return tuple(found)


@functools.lru_cache(maxsize=8192)  # each heading is asked by several passes
def duration_months(text: str) -> int | None:
    """Months (weeks counted as months: 13 -> 3, 52 -> 12) that a heading names; None when it names none."""
    m = DURATION.search(text)
    if m:
        n = _number(m.group("n"))
        if n is None:
            return None
        if m.group("weeks"):
            return {13: 3, 14: 3, 16: 4, 24: 6, 26: 6, 27: 6, 28: 6, 39: 9, 40: 9, 52: 12, 53: 12}.get(n)
        return n if 1 <= n <= 12 else None
    if YEAR_WORDS.search(text):
        return 12
    if FIRST_HALF.search(text) or SECOND_HALF.search(text):
        return 6
    if QUARTER_WORDS.search(text):
        return 3
    return None


@functools.lru_cache(maxsize=8192)
def duration_weeks(text: str) -> int | None:
    """The weeks a heading names ("Fourteen Weeks Ended", "13 Wks. Ended"), None for months or none."""
    m = DURATION.search(text)
    return _number(m.group("n")) if m and m.group("weeks") else None


def _number(word: str) -> int | None:
    return _NUMBERS.get(word.lower()) or (int(word) if word.isdigit() else None)


def is_month_end(d: dt.date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def start_of(end: dt.date, months: int, previous_end: dt.date | None = None) -> dt.date:
    """First day of a period of `months` ending on `end` (both days inclusive).

    Calendar month ends count months; other ends (52/53-week years) count 13 weeks a quarter,
    unless the filing printed the end of the period before, which is then the better anchor.
    """
    if previous_end is not None and previous_end < end:
        return previous_end + dt.timedelta(days=1)
    if is_month_end(end):
        month = end.month - months + 1
        year = end.year
        while month <= 0:
            month += 12
            year -= 1
        return dt.date(year, month, 1)
    weeks = {3: 13, 6: 26, 9: 39, 12: 52}.get(months)
    if weeks is None:
        return start_of(_near_month_end(end), months)
    return end - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)


def _near_month_end(d: dt.date) -> dt.date:
    last = calendar.monthrange(d.year, d.month)[1]
    return dt.date(d.year, d.month, last)


def parse_month_day(text: str) -> tuple[int, int] | None:
    """The last month and day the text names ("... and the period from June 4 to December 31")."""
    found = list(MONTH_DAY.finditer(text))
    if not found:
        return None
    m = found[-1]
    month = month_number(m.group("month"))
    day = int(m.group("day"))
    if make_date(2000, month, day) is None:
        return None
    return month, day


# "Third quarter" as a column heading or a row of a year's column: that quarter of the year
ORDINAL_QUARTER = re.compile(r"^(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter|"
                             r"quarter\s+(first|second|third|fourth|1st|2nd|3rd|4th))$", re.I)  # ("Quarter" over "First")
_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def ordinal_quarter_span(name: str, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """(start, end) of the quarter a name ordinals ("Third quarter") of the year from start to
    end: counted in months back from a calendar-month year's end, in 13 weeks of a 52-week year;
    None for another name, another span, or a 53-week year."""
    m = ORDINAL_QUARTER.match(" ".join(name.split()))
    days = (end - start).days + 1
    if m is None:
        return None
    q = _QUARTER_NUMBER[(m.group(1) or m.group(2)).lower()]
    if days == 364:
        # a 52-week year: four quarters of 13 weeks (of a 53-week year, which one has 14 is
        # not known: None)
        last = end - dt.timedelta(weeks=13 * (4 - q))
        return last - dt.timedelta(weeks=13) + dt.timedelta(days=1), last
    if days not in (365, 366) or not is_month_end(end):
        return None
    last = end if q == 4 else start_of(end, (4 - q) * 3) - dt.timedelta(days=1)
    return start_of(last, 3), last
