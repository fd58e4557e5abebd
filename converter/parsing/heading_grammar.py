"""Which parts of a column heading the period grammar reads, and which it leaves unread.

The grammar is that of converter/dates.py, built from taxonomy/headings.toml: full and numeric
dates, month-day and month-year, bare and two-digit years, durations in months or weeks and
their abbreviations ("3 Mos.", "13 Wks."), quarters by number ("4Q94", "1st Qtr. 1998"),
fiscal years ("FY97", "Fiscal 1997"), and the words that connect them or mark a column that is
no period (% change, increase, variance). What is left that still looks like period notation
(digits of a date or year, a quarter or unit abbreviation) is reported, with its line, so that a
heading the converter cannot date is seen rather than silently dropped.
"""
from __future__ import annotations

import functools
import re

from converter.dates import (
    DURATION, FISCAL_YEAR, FULL_DATE, MONTH_DAY, MONTH_NAME, MONTH_YEAR, NUMERIC_DATE, QUARTER_OF_YEAR, QUARTER_WORDS,
    YEAR, YEAR_WORDS, find_dates,
)
from converter.parsing.periods import rejoin_months
from converter.resources import load_toml

_READ = (FULL_DATE, QUARTER_OF_YEAR, FISCAL_YEAR, DURATION, MONTH_YEAR, MONTH_DAY, YEAR_WORDS,
         re.compile(r"\b\d+\s*(?:-\s*)?years?\b", re.I),  # "5 Years" of a growth-rate column
         re.compile(r"(?<![\d,.$])(?:19|20)\d\d\s*(?:-|to|through|and)\s*(?:(?:19|20)?\d\d)\b", re.I),  # "1996-97"
         YEAR, QUARTER_WORDS, re.compile(r"\b" + MONTH_NAME.pattern + r"(?![a-z])", re.I))
# what still looks like period notation once the grammar has read its part: a date of three
# numbers that is no valid date, a month and two-digit year ("12/99", not a price's "7/8"), an
# apostrophe year, a quarter by number, a unit abbreviation left alone
_NOTATION = re.compile(r"^\d{1,2}([/.-])\d{1,2}\1\d{2,4}$|^(?:0?[1-9]|1[0-2])/(?!(?:2|4|8|16|32|64)$)\d{2}$|'\d\d\b|"
                       r"^\d{1,2}q$|^q\d$|^(?:mos?|wks?|qtrs?|yrs?|fy|mths?)\.?$", re.I)
_SUSPECT = re.compile(r"\d|\b(?:mos?|wks?|qtrs?|yrs?|fy|mths?)\b", re.I)
_FOOTNOTE = re.compile(r"^[(\[]?\w{1,2}[)\]]$|^\*+$")


@functools.cache
def _words() -> frozenset[str]:
    data = load_toml("headings.toml")["words"]
    return frozenset(w.lower() for w in data["filler"] + data["not_period"])


def unread(heading: str) -> list[str]:
    """The tokens of a heading that look like period notation and that the grammar did not read."""
    if not _SUSPECT.search(heading):
        return []  # no digit and no unit abbreviation: nothing that could be notation
    return list(_unread(heading))


@functools.lru_cache(maxsize=4096)  # the same headings head table after table
def _unread(heading: str) -> tuple[str, ...]:
    text = rejoin_months(" ".join(heading.split()))
    text = NUMERIC_DATE.sub(lambda m: " " if find_dates(m.group(0)) else m.group(0), text)  # "13/45/99" is no date
    for pattern in _READ:
        text = pattern.sub(" ", text)
    out = []
    for token in text.split():
        bare = token.strip(".,:;*")
        if not bare or bare.lower() in _words() or _FOOTNOTE.match(bare) or "$" in token or "," in bare:
            continue
        if _NOTATION.search(bare):
            out.append(token)
    return tuple(out)


@functools.cache
def _attribute() -> re.Pattern:
    words = load_toml("headings.toml")["words"]["attribute"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b", re.I)


def names_attribute(heading: str) -> bool:
    """A column of an attribute of each row ("Maturity 1997-2003", "Expiration"): its years are
    no period and its numbers no amounts."""
    return bool(_attribute().search(heading))
