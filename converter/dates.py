"""Dates and periods as filings print them: "May 31, 2004", "3/31/05", "Six Months Ended" (shared by the stages)."""
from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
FULL_DATE = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})\b", re.I)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})\b")
YEAR = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?![\d,])")
_WORD_MONTHS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12,
                "thirteen": 13, "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53,
                "13": 13, "26": 26, "39": 39, "52": 52, "53": 53}
DURATION = re.compile(
    r"\b(?P<n>one|three|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|\d{1,2})"
    r"[\s-]+(?P<unit>months?|weeks?)\b", re.I)
YEAR_WORDS = re.compile(r"\b(?:years?|fiscal\s+years?|twelve\s+months|annual)\s+(?:ended|ending)\b|\byears?\s+ended\b", re.I)
QUARTER_WORDS = re.compile(r"\b(?:quarters?|three[\s-]+months?)\s+(?:ended|ending)\b|\bquarter\b", re.I)


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
    found = []
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
    return found


def duration_months(text: str) -> int | None:
    """Months (or weeks, as 13/26/39/52) that a heading names; None when it names none."""
    m = DURATION.search(text)
    if m:
        n = _WORD_MONTHS.get(m.group("n").lower())
        if n is None:
            try:
                n = int(m.group("n"))
            except ValueError:
                return None
        if m.group("unit").lower().startswith("week"):
            return {13: 3, 26: 6, 39: 9, 52: 12, 53: 12}.get(n)
        return n if 1 <= n <= 12 else None
    if YEAR_WORDS.search(text):
        return 12
    if re.search(r"\bquarter\b", text, re.I):
        return 3
    return None


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
