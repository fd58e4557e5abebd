"""Column headings in every notation of the era (issue 22): the grammar of taxonomy/headings.toml
reads them to periods, and what it cannot read is reported with its line."""
import re

import pytest

from conftest import HERE, SHARED
from converter.model import StatementKind
from converter.parsing.heading_grammar import unread
from converter.parsing.parser import parse_filing
from converter.parsing.periods import PeriodContext, column_period
from converter.reading.reader import read_filing

DEC = PeriodContext(fiscal_year_end=(12, 31))
JUNE = PeriodContext(fiscal_year_end=(6, 30))


@pytest.mark.parametrize("heading, ctx, expected", [
    ("3 Mos. Ended 12/31/00", DEC, "D2000-10-01_2000-12-31"),
    ("12 Mos. Ended 12/31/99", DEC, "D1999-01-01_1999-12-31"),
    ("Six Mo. Ended 6-30-2001", DEC, "D2001-01-01_2001-06-30"),
    ("Qtr. Ended 12.31.99", DEC, "D1999-10-01_1999-12-31"),
    ("Yr. Ended Dec. 31, 1996", DEC, "D1996-01-01_1996-12-31"),
    ("4Q94", DEC, "D1994-10-01_1994-12-31"),
    ("Q4 1994", DEC, "D1994-10-01_1994-12-31"),
    ("Q2 '03", DEC, "D2003-04-01_2003-06-30"),
    ("1st Qtr. 1998", JUNE, "D1997-07-01_1997-09-30"),  # fiscal 1998 began in July 1997
    ("Fourth Quarter 1997", JUNE, "D1997-04-01_1997-06-30"),
    ("Fiscal 1997", JUNE, "D1996-07-01_1997-06-30"),
    ("FY97", DEC, "D1997-01-01_1997-12-31"),
    ("Fiscal '99", DEC, "D1999-01-01_1999-12-31"),
    ("Thirteen Weeks Ended Dec. 30, 2000", DEC, "D2000-10-01_2000-12-30"),
    ("Fourteen Weeks Ended January 1, 2000", DEC, "D1999-09-26_2000-01-01"),
    ("13 Wks. Ended 3/27/99", DEC, "D1998-12-27_1999-03-27"),
    ("Quarter Ended Septem- ber 30, 2006", DEC, "D2006-07-01_2006-09-30"),
])
def test_heading_notations_read_to_periods(heading, ctx, expected):
    period = column_period(heading, StatementKind.INCOME, "", ctx)
    assert period is not None and period.key() == expected
    assert unread(heading) == []


def test_balance_sheet_columns_are_instants_in_any_notation():
    assert column_period("12/31/00", StatementKind.BALANCE, "", DEC).key() == "I2000-12-31"
    assert column_period("4Q94", StatementKind.BALANCE, "", DEC).key() == "I1994-12-31"


@pytest.mark.parametrize("heading, left", [
    ("Dec. 31, '99", ["'99"]),  # a month and day with an apostrophe year the date grammar does not take
    ("Balance 12/99", ["12/99"]),  # month and two-digit year
    ("Period ended 13/45/99", ["13/45/99"]),  # three numbers that are no date
    ("Mos. ended", ["Mos."]),  # a unit without its number
])
def test_notation_left_unread_is_named(heading, left):
    assert unread(heading) == left


@pytest.mark.parametrize("heading", ["% Change", "Increase (Decrease)", "Wtd. Avg. Exercise Price", "$40 7/8",
                                     "Commission File Number 1-1136", "Note 17", "YR-TO-YR CHANGE", "5 Years"])
def test_words_and_numbers_that_are_no_period_notation_are_not_reported(heading):
    assert unread(heading) == []


def test_an_unread_heading_is_reported_with_its_line(tmp_path):
    src = tmp_path / "release.txt"
    src.write_text("""                 ACME CORP.
        CONSOLIDATED STATEMENTS OF INCOME
               (In thousands)

                            Quarter ended       Quarter ended
                            Dec. 31, '99        Dec. 31, '98
Revenues                       $ 1,200            $ 1,100
Costs and expenses               1,000                950
Net income                     $   200            $   150
""")
    parsed = parse_filing(read_filing(src))
    notes = [s for s in parsed.skipped_tables if "notation not read" in s.reason]
    assert [(s.first_line, s.reason.split(": ")[-1]) for s in notes] == [(7, "'99"), (7, "'98")]


def _text_headings(folder):
    for path in sorted(folder.glob("*.txt")):
        parsed = parse_filing(read_filing(path), prose=False)
        for t in parsed.tables:
            for c in t.columns:
                yield path.name, t.first_line, c.heading, c.period is not None
        for s in parsed.skipped_tables:
            if "notation not read" in s.reason:
                yield path.name, s.first_line, s.reason, None


_DOC = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_NUMBER = re.compile(r"\d[\d,]{2,}|\$")


def _html_headings(folder):
    """The header cells of every HTML table (the rows above its first row of amounts)."""
    from lxml import html

    for path in sorted(folder.glob("*/*.txt")):
        raw = path.read_text(encoding="latin-1")
        for m in _DOC.finditer(raw):
            if "<table" not in m.group(1).lower():
                continue
            first = raw.count("\n", 0, m.start(1))
            for table in html.fromstring(m.group(1)).iter("table"):
                for tr in table.iter("tr"):
                    cells = [" ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")]
                    cells = [c for c in cells if c]
                    if any(_NUMBER.search(c) and not re.fullmatch(r"(?:19|20)\d\d", c) for c in cells):
                        break
                    for c in cells:
                        yield path.parent.name, first + (tr.sourceline or 1), c


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside the project")
def test_every_column_heading_of_the_text_corpora_is_read():
    """No heading of corpus or corpus-extra keeps period notation the grammar cannot read; and
    the grammar dates most of them (the check is not vacuous)."""
    seen, dated, left = 0, 0, []
    for folder in ("corpus", "corpus-extra"):
        for name, line, heading, has_period in _text_headings(SHARED / folder):
            if has_period is None:
                left.append((name, line, heading))
                continue
            seen += 1
            dated += has_period
    assert left == []
    assert seen > 2000 and dated / seen > 0.75, (seen, dated)


@pytest.mark.skipif(not (SHARED / "corpus-html").is_dir(), reason="../shared/corpus-html is not beside the project")
def test_every_column_heading_of_the_html_corpus_is_read():
    cells = list(_html_headings(SHARED / "corpus-html"))
    left = [(name, line, c, unread(c)) for name, line, c in cells if unread(c)]
    assert left == []
    periods = [c for _, _, c in cells if re.search(r"(?:19|20)\d\d|months|weeks|quarter|year", c, re.I)]
    assert len(cells) > 1000 and len(periods) > 250, (len(cells), len(periods))
