"""HTML statements (2001-2010) read as the typed text the rest of the pipeline reads: headings
stacked by <br>, headings over several columns, title blocks run together in one paragraph."""
import re

from conftest import ROOT
from converter.model import StatementKind
from converter.parsing.parser import parse_filing
from converter.reading.html import html_lines
from converter.reading.reader import read_filing

STACKED = ROOT / "tests" / "stress" / "html_quarter_stacked_headings.htm"


def _tables():
    return {t.kind: t for t in parse_filing(read_filing(STACKED)).tables}


def test_a_scale_and_unaudited_in_one_paragraph_are_two_lines_of_the_title_block():
    """'(In millions of dollars) Unaudited' under 'STATEMENT OF CONSOLIDATED INCOME': the title
    and the scale are read (the statement was a note table in units)."""
    income = _tables()[StatementKind.INCOME]
    assert income.title == "STATEMENT OF CONSOLIDATED INCOME" and income.scale == 1000000


def test_a_heading_over_several_columns_heads_each_of_them():
    """'36 Weeks Ended' in one cell over both years' dates: both columns are 36 weeks (the first
    was taken as six months ending September 5, 2009)."""
    cash = _tables()[StatementKind.CASHFLOW]
    assert [c.period.key() for c in cash.columns] == ["D2008-12-28_2009-09-05", "D2007-12-30_2008-09-06"]
    lines = [t for _, t in html_lines(STACKED.read_text())]
    heading = next(k for k, t in enumerate(lines) if t.strip() == "36 Weeks Ended")
    assert set(lines[heading + 1].strip()) == {"-"}  # underlined across the columns, as typed


def test_heading_cells_broken_by_br_stand_stacked_over_their_columns():
    """'Accum-<br>ulated<br>Other<br>Compre-<br>hensive<br>Income' and 'Member Units' over 'Units'
    and 'Amount', the other headings ROWSPAN="2" beside them: each column is headed by its own
    words (the cells' words ran together, 'Accum-ulatedOtherCompre-hensiveIncome', and all five
    headings fell on one column; the second row's cells were placed in the columns the rowspans
    fill, so 'Units' headed no column and 'Amount' the units). A
    'MEMBERS\u2019 EQUITY' title, typeset apostrophe and all, names the statement of equity."""
    equity = _tables()[StatementKind.EQUITY]
    assert [c.member for c in equity.columns] == [
        "Member Units Units", "Member Units Amount", "Retained Earnings",
        "Accumulated Other Comprehensive Income", ""]  # (the total: the whole, in plain contexts)


def test_a_total_column_with_a_typeset_apostrophe_is_the_whole_equity(tmp_path):
    """'Total Members’ Equity' is the column of the whole: its balances are the plain
    StockholdersEquity (Apple's 'Total Shareholders’ Equity' was a member of its own, and the
    filer's equity and comprehensive income were not found)."""
    from converter.mapping.mapper import map_filing

    model = map_filing(parse_filing(read_filing(STACKED)), cik="1")
    plain = {(f.concept.name, f.context.id): f.value for f in model.facts if not f.context.dims}
    assert plain[("StockholdersEquity", "I20090905")] == 7415000000
    assert plain[("StockholdersEquity", "I20081227")] == 6606000000


def test_a_heading_wider_than_its_columns_widens_them():
    """'Accumulated Other Comprehensive Income (Loss)' over a '$' cell and a one-digit number, next
    to 'Retained Earnings': the column widens so the headings stand three blanks apart (they stood
    two apart and read as one heading; Amazon's 2009 equity statement had no period or component)."""
    page = ("<html><body><table>"
            "<tr><td></td><td colspan=3>Accumulated Other Comprehensive Income (Loss)</td>"
            "<td colspan=3>Retained Earnings</td></tr>"
            "<tr><td>Balance at December 31, 2006</td><td>$</td><td>(1</td><td>)</td><td>$</td><td>7</td><td></td></tr>"
            "</table></body></html>")
    heading, row = [t for _, t in html_lines(page)]
    assert re.split(r"\s{3,}", heading.strip()) == ["Accumulated Other Comprehensive Income (Loss)", "Retained Earnings"]
    assert heading.index("(Loss)") + len("(Loss)") == row.index("$(1)") + len("$(1)")  # over its column
