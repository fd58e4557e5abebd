"""Balances at the edges of a period: a balance printed in a flow column ("Balance at beginning of
year", "Cash at end of period") is an instant at the period's start (the day before) or end, the
row's own date where its label states one, and a column of quarters' figures is placed on its quarter.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import datetime as dt
import re

from converter.dates import (
    DATED_BALANCE, find_dates, is_month_end, ordinal_quarter_span, parse_month_day, start_of,
)
from converter.mapping.labels import edge_of
from converter.memo import last_answer
from converter.model import Column, Period, Row, StatementKind, Table

_BALANCE_BLOCK = re.compile(r"^(?:balance sheet|financial position|financial condition) data\b", re.I)
_AVERAGE = re.compile(r"\baverages?\b", re.I)  # "BALANCE SHEET AVERAGES: Total Assets": over the period
# a note's line of what is held at the year's end among its years' flows: "Identifiable assets"
# beside segment revenues, "Assets at December 31" (a return on or a sale of assets is a flow)
_HELD_AT_END = re.compile(r"^(?:(?:total|identifiable|corporate|other|segment|geographic|long[- ]lived)\s+)*assets\b"
                          r"(?!.*\b(?:sold|sales?|dispos\w*|acqui\w*|purchase\w*|return|written|impair\w*))|"
                          # selected data: "Working capital", "Long-term debt", "Stockholders' equity",
                          # the lines under "Balance sheet data:"
                          r"^(?:total )?(?:liabilities|working capital|long[- ]term (?:debt|obligations)|"
                          r"(?:stockholders|shareholders|share ?owners)'? equity|capitalization)\s*$|"
                          r"^balance sheet data\b|\bfinancial (?:position|condition) data\b|"
                          r"\bat (?:december|january|february|march|april|may|june|july|august|september|october|"
                          r"november) \d{1,2}\b|\bat (?:the )?(?:year|fiscal year|period|quarter)[- ]end\b|"
                          r"\bat (?:the )?end of (?:the )?(?:year|period|quarter)\b", re.I)


def balance_edge(label: str, period: Period) -> str | None:
    """"Balance at January 1" over a year's column: its start; "Balance, December 31": its end."""
    md = parse_month_day(label) if DATED_BALANCE.match(label) else None
    start = period.start
    if md is None or start is None:
        return None
    return "start" if md == (start.month, start.day) else "end" if md == (period.end.month, period.end.day) else None


def row_edge(table: Table, row: Row) -> str | None:
    """'start' or 'end' for a row that states a balance among flows ("Balance at beginning of
    year", a note's "Identifiable assets"); None for a flow or a dated balance ("Balance at
    January 1", placed by each column's dates)."""
    return edge_by_words(row.label, row.context, table.kind)


@functools.lru_cache(maxsize=8192)  # (asked of a row by several passes; labels recur in every period's table)
def edge_by_words(label: str, context: str, kind: StatementKind) -> str | None:
    edge = edge_of(label)
    heading = context.split(" / ")[-1] if context else ""
    if edge is None and kind is StatementKind.NOTE and not DATED_BALANCE.match(label) \
            and not _AVERAGE.search(f"{context} {label}") \
            and (_HELD_AT_END.search(label) or _HELD_AT_END.search(heading)):
        edge = "end"
    elif edge is None and kind is not StatementKind.BALANCE and _BALANCE_BLOCK.search(heading) \
            and not _AVERAGE.search(f"{context} {label}"):
        edge = "end"  # selected data read as an income statement: its "Balance Sheet Data:" lines
    return edge


def measure_at_edge(col: Column, period: Period | None) -> Column:
    """A column of a row's own period; a measure naming the period's start or end balance
    ("Balance at Beginning of Year") is the instant at that edge."""
    edge = edge_of(col.measure) if col.measure and period is not None and period.start is not None else None
    if edge == "start":
        return dataclasses.replace(col, period=Period(period.start - dt.timedelta(days=1)))
    if edge == "end":
        return dataclasses.replace(col, period=Period(period.end))
    return dataclasses.replace(col, period=period)


def quarter_column(label: str, col: Column) -> Column:
    """A row "Third quarter" under a year's column (quarterly data printed with the quarters as
    rows): the column's period is that quarter of the year, counted in months where the year
    ends at a month's end; of a year of weeks the quarter is not known, and is left out."""
    period = col.period
    if period is None or period.start is None:
        return col
    start = period.start
    if round(((period.end - start).days + 1) / 30.44) == 3 and not find_dates(col.heading):
        start = start_of(period.end, 12)  # a bare year's column read as its last quarter: the year
    quarter = ordinal_quarter_span(label, start, period.end) if is_month_end(period.end) else None
    return dataclasses.replace(col, period=Period(quarter[1], quarter[0]) if quarter else None)


def edge_label(table: Table, row: Row) -> str:
    """The label whose date places a row: its own, or, for a line printed between two balances
    of one date ("Less reinsurance recoverables" between "Balance at January 1" and "Net balance
    at January 1"), theirs: a part of a balance is held at its date."""
    if DATED_BALANCE.match(row.label):
        return row.label
    return between_balances(table.rows).get(id(row), row.label)


@last_answer  # (asked once per row of the table)
def between_balances(rows: tuple[Row, ...]) -> dict[int, str]:
    """id(row) -> the label of the dated balance above it, for each row printed between two
    balances of one date (the nearest rows with a number above and below it)."""
    valued = [k for k, r in enumerate(rows) if any(c is not None and c.value is not None for c in r.cells)]
    out: dict[int, str] = {}
    for k, row in enumerate(rows):
        j = bisect.bisect_left(valued, k)  # valued[j - 1] < k; valued[j] >= k
        above = valued[j - 1] if j > 0 else None
        if j < len(valued) and valued[j] == k:
            j += 1  # (the row's own number is neither)
        below = valued[j] if j < len(valued) else None
        if above is None or below is None:
            continue
        a, b = rows[above].label, rows[below].label
        if DATED_BALANCE.match(a) and DATED_BALANCE.match(b) and parse_month_day(a) == parse_month_day(b):
            out.setdefault(id(row), a)
    return out


def at_edge(label: str, col: Column, edge: str | None) -> Column:
    """The column of a balance printed among flows, dated at the edge of the column's period:
    the day before it for its start, its last day for its end (a dated label: by its date)."""
    period = col.period
    if period is None or period.start is None:
        return col
    edge = edge or balance_edge(label, period)
    if edge is None:
        return col
    return dataclasses.replace(col, period=Period(period.start - dt.timedelta(days=1)) if edge == "start"
                               else Period(period.end))


def dated_instant(label: str, period: Period) -> Period | None:
    """'Cash ... at January 1' in a column of 2001: the instant before the period starts; 'at
    December 31': its end, or else the day before the start ('Retained earnings, December 31'
    opening a half year to June 30); a day that is none of these gives no fact (a 52-53 week
    year's 'December 31' neither opens nor closes the column ended December 28)."""
    md = parse_month_day(label)
    if md is None or period.start is None:
        return None
    if md == (period.end.month, period.end.day):
        return Period(period.end)
    before = period.start - dt.timedelta(days=1)
    if md == (before.month, before.day) or md == (period.start.month, period.start.day) == (period.start.month, 1):
        return Period(before)
    return None


