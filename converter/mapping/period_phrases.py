"""Period phrases of running text and the periods they name.

"six months ended May 31, 2004", "the quarter ended May 31, 2004", "fiscal 2004", "the second
fiscal quarter of 2004", "the first quarter of fiscal 2004", "Q2 2003", "at May 31, 2004".
Fiscal quarters and years need the fiscal year end; a phrase that cannot be resolved without a
guess (no year, a fiscal year whose naming is ambiguous) resolves to None.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from converter.dates import FULL_DATE, make_date, month_number, start_of
from converter.model import Period
from converter.resources import load_toml

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}
_DATE = FULL_DATE.pattern
_Q = r"(?P<q>" + "|".join(_ORDINAL) + ")"


class _Kind(NamedTuple):
    name: str
    pattern: re.Pattern
    needs: tuple[str, ...]  # a word the sentence must hold (any of them; "" for none)
    dated: bool  # needs a full date in the sentence


@functools.cache
def _kinds() -> tuple[_Kind, ...]:
    """The period phrases of taxonomy/narrative.toml, in order, their patterns compiled."""
    return tuple(_Kind(k["kind"], re.compile(k["pattern"].replace("{date}", _DATE).replace("{quarter}", _Q), re.I),
                       tuple(k["needs"]), bool(k.get("dated"))) for k in load_toml("narrative.toml")["period_phrase"])


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    kind: str
    text: str
    months: int = 0
    date: dt.date | None = None
    quarter: int = 0
    year: int = 0


def find_phrases(text: str) -> list[Phrase]:
    """Period phrases in the text, longest first where they overlap, in order of position."""
    found: list[Phrase] = []
    lower = text.lower()
    dated = FULL_DATE.search(text) is not None
    for kind, pattern, needs, needs_date in _kinds():
        if needs_date and not dated or not any(word in lower for word in needs):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < p.end and p.start < m.end() for p in found):
                continue
            g = m.groupdict()
            date = None
            if g.get("month"):
                date = make_date(int(g["year"]), month_number(g["month"]), int(g["day"]))
            if kind == "months":
                found.append(Phrase(m.start(), m.end(), "months", m.group(), _MONTHS[g["n"].lower()], date))
            elif kind == "quarter-ended":
                found.append(Phrase(m.start(), m.end(), "months", m.group(), 3, date))
            elif kind == "year-ended":
                found.append(Phrase(m.start(), m.end(), "months", m.group(), 12, date))
            elif kind in ("quarter", "q-quarter"):
                q = _ORDINAL[g["q"].lower()] if g.get("q") else int(g["qn"])
                found.append(Phrase(m.start(), m.end(), "quarter", m.group(), quarter=q,
                                    year=int(g["year"]) if g.get("year") else 0))
            elif kind == "relative":
                found.append(Phrase(m.start(), m.end(), "relative", m.group()))
            elif kind == "fiscal-year":
                found.append(Phrase(m.start(), m.end(), "fiscal-year", m.group(), year=int(g["year"])))
            else:
                found.append(Phrase(m.start(), m.end(), "instant", m.group(), date=date))
    found = [p for p in found if p.kind not in ("months", "instant") or p.date is not None]
    return sorted(found, key=lambda p: p.start)


def fiscal_year_end_in(texts: list[str]) -> tuple[int, int] | None:
    """(month, day) from "for the (fiscal) year ended November 30, 2003" in the text."""
    pattern = re.compile(r"\b(?:fiscal\s+)?year\s+ended\s+" + _DATE, re.I)
    for text in texts:
        m = pattern.search(text)
        if m:
            return month_number(m.group("month")), int(m.group("day"))
    return None


def resolve(p: Phrase, fye: tuple[int, int] | None, dated: dt.date | None = None) -> Period | None:
    """The period a phrase names; a quarter without a year in a release dated `dated` is the last
    such quarter ended before that date (within four months: a release reports a recent quarter)."""
    if p.kind == "relative":
        return None
    if p.kind == "instant":
        return Period(p.date)
    if p.kind == "months":
        return Period(p.date, start_of(p.date, p.months))
    if fye is None:
        return None
    if not p.year:
        if p.kind != "quarter" or dated is None:
            return None  # "2nd Quarter" in a report: which year is not said
        for year in (dated.year + 1, dated.year, dated.year - 1):
            period = resolve(Phrase(p.start, p.end, p.kind, p.text, quarter=p.quarter, year=year), fye)
            if period is not None and period.end <= dated and (dated - period.end).days <= 122:
                return period
        return None
    month, day = fye
    if month <= 2:
        return None  # a year ending in January or February: "fiscal 2004" may end in 2004 or 2005
    year_end = make_date(p.year, month, min(day, calendar.monthrange(p.year, month)[1]))
    if year_end is None or year_end.day != calendar.monthrange(p.year, month)[1]:
        return None  # 52/53-week years: quarter ends are not month ends
    year_start = start_of(year_end, 12)
    if p.kind == "fiscal-year":
        return Period(year_end, year_start)
    end_month = (year_start.month - 1 + 3 * p.quarter - 1) % 12 + 1
    end_year = year_start.year + (year_start.month - 1 + 3 * p.quarter - 1) // 12
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Period(end, start_of(end, 3))
