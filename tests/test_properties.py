"""Property tests (hypothesis): number parsing, column detection and period parsing never raise on
arbitrary text, and well-formed generated tables and headings read back to what made them."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from converter.errors import ConversionError
from converter.mapping.narrative_text import mentions
from converter.mapping.period_phrases import find_phrases, resolve
from converter.model import Period, StatementKind
from converter.parsing.parser import parse_filing
from converter.parsing.periods import PeriodContext, column_period
from converter.parsing.values import parse_amount, split_values
from converter.reading.reader import read_filing

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PRINTABLE = st.text(st.characters(min_codepoint=9, max_codepoint=0x2FF, blacklist_categories=("Cs",)), max_size=200)
LINES = st.lists(st.text(st.sampled_from(list("0123456789,.$()-% \tabcDEC:")), max_size=90), max_size=30)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# ---------------------------------------------------------------- numbers


@SETTINGS
@given(PRINTABLE)
def test_amount_parsing_never_raises(text):
    parsed = parse_amount(text)
    assert parsed is None or isinstance(parsed[0], Decimal)
    label, indent, tokens = split_values(text)
    assert all(t.value is None or isinstance(t.value, Decimal) for t in tokens)
    mentions(text)


def _printed(value: Decimal, style: int) -> str:
    digits = f"{abs(value):,}"
    if value < 0:
        return [f"({digits})", f"-{digits}", f"$({digits})", f"(${digits})"][style % 4]
    return [digits, f"${digits}", f"$ {digits}", f"$   {digits}"][style % 4]


@SETTINGS
@given(st.decimals(min_value=-10**12, max_value=10**12, places=0, allow_nan=False, allow_infinity=False),
       st.integers(0, 3))
def test_printed_amounts_read_back(value, style):
    text = _printed(value, style)
    got = parse_amount(text)
    assert got is not None, text
    assert got[0] == value and got[1] == 0 and got[2] == (value < 0)


@SETTINGS
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_per_share_and_cents_read_back(value):
    got = parse_amount(f"${value:.2f}")
    assert got is not None and got[0] == value and got[1] == 2


# ---------------------------------------------------------------- columns


ROW_LABELS = ["Cash and cash equivalents", "Accounts receivable", "Inventories", "Prepaid expenses",
              "Property and equipment, net", "Other assets", "Goodwill", "Deferred taxes"]


@st.composite
def tables(draw):
    """A balance sheet of 1-4 year columns, right-aligned at a generated width, with its numbers."""
    years = sorted(draw(st.lists(st.integers(1990, 2008), min_size=1, max_size=4, unique=True)), reverse=True)
    stub = draw(st.integers(36, 44))
    rows = draw(st.lists(st.lists(st.integers(-10**9, 10**9), min_size=len(years), max_size=len(years)),
                         min_size=2, max_size=len(ROW_LABELS)))
    # columns at least two blanks apart, as printed tables are
    width = max(4, *(len(_printed(Decimal(v), 0)) for r in rows for v in r)) + draw(st.integers(2, 6))
    span = width * len(years)
    # the date over all the year columns, underlined across them, as filings print it
    lines = ["CONSOLIDATED BALANCE SHEETS", "", " " * stub + "December 31,".center(span).rstrip(),
             " " * (stub + 2) + "-" * (span - 2), " " * stub + "".join(str(y).rjust(width) for y in years), ""]
    for label, values in zip(ROW_LABELS, rows):
        lines.append(label.ljust(stub) + "".join(_printed(Decimal(v), 0).rjust(width) for v in values))
    return "\n".join(lines) + "\n", years, rows


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_generated_tables_read_back_to_their_numbers(table):
    text, years, rows = table
    parsed = parse_filing(read_filing("generated.txt", data=text.encode()))
    assert len(parsed.tables) == 1
    t = parsed.tables[0]
    assert [c.period for c in t.columns] == [Period(dt.date(y, 12, 31)) for y in years]
    got = [[c.value if c is not None else None for c in r.cells] for r in t.rows]
    assert got == [[Decimal(v) for v in values] for values in rows]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_arbitrary_text_parses_or_is_refused_by_our_own_errors(lines):
    data = "\n".join(lines).encode()
    try:
        parse_filing(read_filing("arbitrary.txt", data=data))
    except ConversionError:
        pass  # refused with the converter's own error: fine


# ---------------------------------------------------------------- periods


@SETTINGS
@given(PRINTABLE)
def test_period_parsing_never_raises(text):
    ctx = PeriodContext(fiscal_year_end=(12, 31), annual=True, period_end=dt.date(2004, 12, 31))
    for kind in (StatementKind.BALANCE, StatementKind.INCOME):
        column_period(text, kind, text, ctx)
    for phrase in find_phrases(text):
        resolve(phrase, (11, 30), dt.date(2004, 7, 1))


@SETTINGS
@given(st.sampled_from([3, 6, 9, 12]), st.dates(dt.date(1990, 1, 1), dt.date(2010, 12, 31)))
def test_generated_headings_read_back(months, day):
    # month ends: a filing's periods end on them or on a printed date
    end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    words = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}[months]
    heading = f"{words} Months Ended {MONTHS[end.month - 1]} {end.day}, {end.year}"
    period = column_period(heading, StatementKind.INCOME, "", PeriodContext())
    assert period is not None and period.end == end
    start_month = (end.month - months) % 12 + 1
    start_year = end.year - (1 if end.month - months < 0 else 0)
    assert period.start == dt.date(start_year, start_month, 1)
    balance = column_period(f"{MONTHS[end.month - 1]} {end.day}, {end.year}", StatementKind.BALANCE, "",
                            PeriodContext())
    assert balance == Period(end)


@SETTINGS
@given(st.sampled_from(["first", "second", "third", "fourth"]), st.integers(1995, 2008),
       st.sampled_from([(12, 31), (3, 31), (6, 30), (9, 30), (11, 30)]))
def test_fiscal_quarters_tile_their_year(quarter, year, fye):
    q = ["first", "second", "third", "fourth"].index(quarter) + 1
    period = resolve(find_phrases(f"the {quarter} quarter of fiscal {year}")[0], fye)
    whole = resolve(find_phrases(f"fiscal {year}")[0], fye)
    assume(period is not None and whole is not None)
    assert whole.start <= period.start < period.end <= whole.end
    assert (q == 4) == (period.end == whole.end) and (q == 1) == (period.start == whole.start)
