"""Dates, column headings and introductions to periods."""
import datetime as dt

import pytest

from converter.model import Period, StatementKind
from converter.dates import duration_months, find_dates, start_of
from converter.parsing.periods import PeriodContext, column_period, intro_period

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("May 31, 2004", D(2004, 5, 31)),
    ("Sept. 30, 1994", D(1994, 9, 30)),
    ("3/31/05", D(2005, 3, 31)),
    ("December 31 1996", D(1996, 12, 31)),
])
def test_find_dates(text, expected):
    assert find_dates(text)[0][1] == expected


@pytest.mark.parametrize("end, months, start", [
    (D(2004, 5, 31), 6, D(2003, 12, 1)),  # fiscal year ending November 30
    (D(2004, 5, 31), 3, D(2004, 3, 1)),
    (D(2004, 2, 29), 3, D(2003, 12, 1)),
    (D(1994, 12, 31), 12, D(1994, 1, 1)),
    (D(1997, 3, 28), 3, D(1996, 12, 28)),  # 13 weeks back from a Friday
])
def test_start_of(end, months, start):
    assert start_of(end, months) == start


def test_start_of_prefers_printed_previous_end():
    assert start_of(D(1998, 6, 26), 9, previous_end=D(1997, 9, 26)) == D(1997, 9, 27)


@pytest.mark.parametrize("text, months", [
    ("For the Six Months Ended", 6), ("Three months ended", 3), ("Nine-Months Ended", 9),
    ("Years Ended December 31", 12), ("Thirteen weeks ended", 3), ("Quarter ended", 3), ("May 31, 2004", None),
])
def test_duration_months(text, months):
    assert duration_months(text) == months


CTX = PeriodContext(fiscal_year_end=(11, 30))


def test_duration_column():
    p = column_period("For the Six Months Ended May 31, 2004", StatementKind.INCOME, "", CTX)
    assert p == Period(D(2004, 5, 31), D(2003, 12, 1))


def test_balance_sheet_column_is_instant():
    p = column_period("May 31, 2004 (Unaudited)", StatementKind.BALANCE, "", CTX)
    assert p == Period(D(2004, 5, 31))


def test_year_column_takes_month_from_title():
    p = column_period("1993", StatementKind.INCOME, "Years ended September 30, 1994, 1993 and 1992", CTX)
    assert p == Period(D(1993, 9, 30), D(1992, 10, 1))


def test_flow_column_without_duration_is_refused_outside_annual_reports():
    assert column_period("May 31, 2004", StatementKind.INCOME, "", CTX) is None


def test_heading_without_date_has_no_period():
    assert column_period("Fair Value", StatementKind.NOTE, "", CTX) is None


def test_intro_period_duration_and_instant():
    assert intro_period("For the six months ended May 31, 2004, Telecarrier reported a gain of $904,027 "
                        "resulting from the disposition of liabilities and claims as follows:") == \
        Period(D(2004, 5, 31), D(2003, 12, 1))
    assert intro_period("investment securities included in prepaid expenses and other current assets at "
                        "May 31, 2004 are as follows:") == Period(D(2004, 5, 31))
    assert intro_period("The results of the vote were as follows:") is None
