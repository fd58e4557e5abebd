"""The unit of a row's numbers: money, shares, per share, a percentage, or a count or statistic
that is none of them, read from the row's words, its headings, its cells and the column's own
heading (an option table's "Exercise Price"), and the statistics that are no money at all.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from converter.dates import ORDINAL_QUARTER
from converter.memo import last_answer
from converter.resources import load_toml
from converter.model import Cell, Row, StatementKind, Table
from converter.rule_files import check_rule_file


_P = check_rule_file("units.toml")["patterns"]


def _pattern(name: str) -> re.Pattern:
    """A pattern of taxonomy/units.toml (a list is one pattern written in pieces)."""
    value = _P[name]
    return re.compile("".join(value) if isinstance(value, list) else value, re.I)


PER_SHARE_WORDS = _pattern("per_share")
_SHARE_COUNT = _pattern("share_count")
_RATE = _pattern("rate")
_SHARES_NUMBERED = _pattern("shares_numbered")
_BOOK_VALUE = _pattern("book_value")
_PRICE_ROW = _pattern("price_row")
_PRICE_HEADING = _pattern("price_heading")
_STOCK_CAPTION = _pattern("stock_caption")
_DILUTED = _pattern("diluted")
_BASIC = _pattern("basic")
_DIVIDENDS = _pattern("dividends")
_NUMERATOR = _pattern("numerator")
_RATIO = _pattern("ratio")
_UNIT_COUNT = _pattern("unit_count")
_COUNT_WORDS = _pattern("count_words")
_RATE_COLUMN = _pattern("rate_column")
_YEARS_COLUMN = _pattern("years_column")
_PRICE_COLUMN = _pattern("price_column")
_SHARES_COLUMN = _pattern("shares_column")


MONETARY = "xbrli:monetaryItemType"
SHARES = "xbrli:sharesItemType"
PER_SHARE = "dtr-types:perShareItemType"
PERCENT = "dtr-types:percentItemType"

# rows that name only a part of the year the figure is of: "First quarter", "Year"
_TOTAL_OF_QUARTERS = re.compile(r"^total$", re.I)  # the "Total" under "First quarter ... Fourth quarter"
_PRO_FORMA_WORD = re.compile(r"^\s*pro\s*-?\s*forma\s+", re.I)
_NAMES_A_PERIOD = re.compile(r"^(?:" + ORDINAL_QUARTER.pattern[1:-1] + r"|(?:total )?(?:fiscal )?year)$", re.I)
_DIGIT = re.compile(r"\d")
# first match wins: a rate column's "per share" heading is still a rate
_COLUMN_UNITS = ((_RATE_COLUMN, PERCENT), (_YEARS_COLUMN, None), (_PRICE_COLUMN, PER_SHARE), (_SHARES_COLUMN, SHARES))


def unit_context(table: Table, row: Row) -> str:
    """The words a row's unit is read with: its heading, or, for a note table's row that names
    only a part of the year and has no heading, the sentence right above the table ("Cash
    dividends declared per common share were as follows:" over "First quarter  $ .12")."""
    if row.context or table.kind is not StatementKind.NOTE:
        return row.context
    if PER_SHARE_WORDS.search(table.title) and all(
            c.decimals >= 2 for c in row.cells if c is not None and c.value is not None):
        return table.title  # "Significant Factors Impacting EPS": its lines in cents are amounts per share
    label = " ".join(row.label.split())
    if not table.intro.rstrip().endswith(":") or not (
            _NAMES_A_PERIOD.match(label)
            or (_TOTAL_OF_QUARTERS.match(label) and any(names_a_quarter(r.label) for r in table.rows))):
        return row.context  # (a row naming an item of its own says what it is: "Net income 601")
    return re.split(r"(?<=[.!?])\s+", table.intro.strip())[-1]


def unit_of(table: Table, row: Row, cells: tuple[Cell | None, ...]) -> str:
    """The unit of a row's numbers: as printed (_row_unit_type), or shares where the table adds
    the row into a count of shares together with another count ("Weighted average shares
    (basic)" + "Dilutive effect of employee stock options" = "... (diluted)")."""
    if row.line in _counted_with_shares(table):
        return SHARES
    return _row_unit_type(row.label, unit_context(table, row), cells, table.kind)


@last_answer  # (asked for every row of the table)
def _counted_with_shares(table: Table) -> frozenset[int]:
    """Lines of the rows a total of shares adds up with another row of shares, printed without
    dollar signs: their numbers count shares too."""
    rows = table.rows
    if not any("share" in r.label.lower() or "share" in r.context.lower() for r in rows if r.components):
        return frozenset()  # (no total of shares: most tables)
    unit = [_row_unit_type(r.label, unit_context(table, r), r.cells, table.kind) for r in rows]
    printed = list(unit)
    plain = [not any(c is not None and "$" in c.text for c in r.cells) for r in rows]
    for _ in range(2):  # (a total of such totals: "Dilutive potential common shares" in the diluted count)
        for t, total in enumerate(rows):
            parts = [k for k in total.components if k < len(rows)]
            if len(parts) < 2:
                continue
            if unit[t] == SHARES and any(unit[k] == SHARES for k in parts):
                for k in parts:
                    if unit[k] == MONETARY and plain[k]:
                        unit[k] = SHARES
            elif unit[t] == MONETARY and plain[t] and all(unit[k] == SHARES for k in parts):
                unit[t] = SHARES  # the sum of counts of shares
    return frozenset(r.line for r, u, was in zip(rows, unit, printed) if u == SHARES and was != SHARES)


def _row_unit_type(label: str, context: str, cells: tuple[Cell | None, ...], kind: StatementKind) -> str:
    """The unit a row's numbers are in, from how it is printed."""
    if cells and all(c is not None and c.percent for c in cells):
        return PERCENT
    words = _unit_words(label, context)
    if kind in (StatementKind.BALANCE, StatementKind.CASHFLOW):
        # a statement's share counts are printed inside its stock captions ("Common stock, $1 par
        # value; 6,112,840 shares outstanding  6,113"); a release's selected balance sheet data
        # prints them, and the book value per share, as rows of their own
        # (a caption stating a count or a rate is the stock's or the dividends' money: "Common
        # shares outstanding - 2,415,000 shares", "Cash dividends paid, $1.20 per share")
        if words.money_caption:
            return MONETARY
        values = [c for c in cells if c is not None and c.value is not None]
        if words.share_count and values and all(c.decimals == 0 and "$" not in c.text for c in values):
            return SHARES
        if words.book_value and any(c.decimals > 0 for c in values) and _sized_per_share(cells):
            return PER_SHARE
        return MONETARY
    if words.numerator:
        return MONETARY  # "Numerator for basic earnings per share -- net income": the income
    if words.counted_shares:
        return SHARES
    # "Cash dividends ($.20 per share)", "Cash dividends declared, $.52 per share": the rate in
    # parentheses or after its dollar sign describes an amount of money
    if words.per_share or (words.short_under_per_share and _sized_per_share(cells)):
        return PER_SHARE
    if words.in_per_share_block and _sized_per_share(cells):
        return PER_SHARE  # every line of a per-share block: "Earnings before extraordinary loss" under it
    if words.shares_numbered:
        return SHARES
    if words.price and _sized_per_share(cells):
        return PER_SHARE  # "Market price range: / High  25.75": a share's price, in no table's scale
    values = [c for c in cells if c is not None and c.value is not None]
    if kind is StatementKind.INCOME and words.dividends and values \
            and all(c.decimals >= 2 and abs(c.value) < 100 for c in values):
        return PER_SHARE  # "Cash dividends  $1.05  $1.80" under an income statement's per-share lines
    return MONETARY


class _UnitWords(NamedTuple):
    """What a row's label and headings say of its unit (_row_unit_type), whatever its numbers."""
    money_caption: bool  # a stock caption, a label stating a figure, or dividends: money on a balance sheet
    share_count: bool
    book_value: bool
    numerator: bool
    counted_shares: bool  # a count of shares by its words, or a short line under such a heading
    per_share: bool
    short_under_per_share: bool
    in_per_share_block: bool
    shares_numbered: bool
    price: bool
    dividends: bool


@functools.lru_cache(maxsize=8192)  # (the same labels under the same headings in every period's table)
def _unit_words(label: str, context: str) -> _UnitWords:
    short = len(label.split()) <= 3  # "Basic", "Diluted": read with their heading
    # (the nearest heading, pro forma or not: "Pro forma data: / Pro forma weighted average shares")
    heading = _PRO_FORMA_WORD.sub("", context.split(" / ")[-1])
    share_count = bool(_SHARE_COUNT.match(label))
    return _UnitWords(
        money_caption=bool(_STOCK_CAPTION.search(label) or _DIGIT.search(label) or _DIVIDENDS.search(label)),
        share_count=share_count,
        book_value=bool(_BOOK_VALUE.search(label)),
        numerator=bool(_NUMERATOR.match(label)),
        counted_shares=share_count or (short and bool(_SHARE_COUNT.match(context) or _SHARE_COUNT.match(heading))
                                       and not PER_SHARE_WORDS.search(label)),
        per_share=bool(PER_SHARE_WORDS.search(_RATE.sub(" ", _PARENTHESISED.sub(" ", label)))),
        short_under_per_share=short and bool(PER_SHARE_WORDS.search(context)),
        in_per_share_block=bool(PER_SHARE_WORDS.search(context)) and not _COUNT_WORDS.search(label),
        shares_numbered=bool(_SHARES_NUMBERED.search(label)),
        price=bool(_PRICE_ROW.match(label)) and bool(_PRICE_HEADING.search(context) or _PRICE_HEADING.search(label)),
        dividends=bool(_DIVIDENDS.search(label)))


_PARENTHESISED = re.compile(r"\([^)]*\)")


def eps_of(words: str) -> tuple[str, ...]:
    """The EPS a per-share block's words name: diluted, basic, or both ("basic and diluted")."""
    diluted, basic = bool(_DILUTED.search(words)), bool(_BASIC.search(words))
    return (("EarningsPerShareBasic",) if basic or not diluted else ()) + (("EarningsPerShareDiluted",) if diluted else ())


def _sized_per_share(cells) -> bool:
    """Amounts a share's: cents printed, or all under a thousand ("Total assets 194,013" printed
    on under a "Per share:" block is money, not a figure of the block)."""
    values = [c for c in cells if c is not None and c.value is not None]
    return not values or any(c.decimals > 0 for c in values) or all(abs(c.value) < 1000 for c in values)


@functools.cache
def _statistics() -> dict[str, re.Pattern]:
    return {k: re.compile(v, re.I) for k, v in load_toml("statements.toml")["statistics"].items()}


_SHARES_WORD = re.compile(r"\bshares?\b", re.I)


def statistic_of(label: str, heading: str) -> str:
    """Why a line of operating statistics is no money ("Oil production (MBbls)", "Basic
    subscribers", "Average oil price (per Bbl)", the lines under "Kilowatt-hour sales
    (millions):"), or "" (statements.toml [statistics])."""
    own, over = _statistic_words(label), _statistic_words(heading)
    if own.shares or over.shares:
        return ""  # shares and amounts per share have units of their own
    # an amount per unit or a physical quantity, in the line's words or its heading's ("Lease
    # operating" under "Production costs per BOE:")
    for words in (own, over):
        if words.per_unit:
            return "is an amount per unit"
        if words.physical:
            return "measures a physical quantity"
    for words in (own, over):
        if words.counted and not words.money:
            return "counts things"
        if words.money:
            return ""  # the line names money: its heading's words do not make it a count
    return ""


class _StatisticWords(NamedTuple):
    shares: bool
    per_unit: bool
    physical: bool
    counted: bool
    money: bool


@functools.lru_cache(maxsize=8192)  # (per text, not per pair: a heading stands over many lines)
def _statistic_words(text: str) -> _StatisticWords:
    words = _statistics()
    return _StatisticWords(bool(_SHARES_WORD.search(text)), bool(words["per_unit"].search(text)),
                           bool(words["physical"].search(text)), bool(words["counted"].search(text)),
                           bool(words["money"].search(text)))


@functools.lru_cache(maxsize=8192)  # (asked of every row)
def names_a_ratio(label: str) -> bool:
    return _RATIO.search(label) is not None


@functools.lru_cache(maxsize=8192)  # (asked of every row)
def names_a_quarter(label: str) -> bool:
    return ORDINAL_QUARTER.match(" ".join(label.split())) is not None


@functools.lru_cache(maxsize=4096)  # asked of every cell's column heading
def counts_units(text: str) -> bool:
    return bool(_UNIT_COUNT.search(text))


def measure_unit(measure: str, row_unit: str) -> str | None:
    """The unit type of a measure column: a column of rates ("Weighted Average Interest Rate",
    "% of sales") holds percentages even where only its first cell prints the % sign; one of
    "Shares" or "Number of Options" counts shares, one of "Exercise Price" is per share (an
    option table's columns); one of "Life (in years)" is a span of time and one of a currency's
    "Strike Price" an exchange rate (None: no unit)."""
    if measure:
        for pattern, unit in _COLUMN_UNITS:
            if pattern.search(measure):
                return unit
    return row_unit

