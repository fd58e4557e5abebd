"""The filer's EX-27 Financial Data Schedule (issue 14): read as written, its values taken as facts
where the statements give none, and held against the statements' facts where they do. Inputs
are written here in the style of the era (tests/stress/schedule_*.txt and the schedules below),
one per article of Regulation S-X."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import HERE
from converter.mapping.mapper import map_filing
from converter.model import TextDocument
from converter.parsing.parser import parse_filing
from converter.parsing.schedule import parse_value, read_schedule
from converter.reading.reader import read_filing
from converter.resources import load_toml

STRESS = HERE / "stress"
INDUSTRIAL = STRESS / "schedule_article5_industrial.txt"
BANK = STRESS / "schedule_article9_bank_two_periods.txt"


def model_of(path):
    return map_filing(parse_filing(read_filing(path)), cik="1")


def schedule_doc(text: str, first: int = 100) -> TextDocument:
    lines = tuple(text.splitlines())
    return TextDocument("EX-27", "", lines, tuple(range(first, first + len(lines))))


def with_schedule(tmp_path, schedule: str, name: str = "f.txt"):
    """The industrial 10-K with its EX-27 replaced by another schedule."""
    text = INDUSTRIAL.read_text()
    start = text.index("<TABLE> <S> <C>\n\n<ARTICLE>")
    end = text.index("</TABLE>", start)
    path = tmp_path / name
    path.write_text(text[:start] + "<TABLE> <S> <C>\n" + schedule + "\n" + text[end:])
    return model_of(path)


def checks(model) -> dict[str, str]:
    return {f"{c.tag} {c.period}": c.status for c in model.schedule.checks}


def taken(model) -> dict[tuple[str, str], Decimal]:
    return {(f.concept.qname, f.context.id): f.value for f in model.schedule.facts}


# ---------------------------------------------------------------- reading


def test_a_schedule_is_read_as_written():
    """Tabs, a multiplier glued to its tag, dates in mixed case, a footnote mark after a value
    and its note in the <FN> block, a legend over several lines."""
    sch = read_schedule(schedule_doc(
        "<ARTICLE>\t5\n<LEGEND>\nTHIS SCHEDULE CONTAINS SUMMARY\n<NOT-A-TAG> 12\n</LEGEND>\n<MULTIPLIER>1,000\n"
        "<PERIOD-TYPE>\t\tYEAR\n<FISCAL-YEAR-END>  Dec-31-1998\n<PERIOD-END>  Dec-31-1998<F1>\n"
        "<CASH>\t\t4,210\n<NET-INCOME>   (1,045)<F2>\n<EPS-PRIMARY>  (.42)\n"
        "<FN>\n<F1> Audited.\n<F2> After a charge of $310\nfor a plant closing.\n</FN>"))
    assert (sch.article, sch.multiplier, sch.problems) == ("5", 1000, ())
    assert [(c.period_type, str(c.end)) for c in sch.columns] == [("YEAR", "1998-12-31")]
    values = {v.tag: (v.values, v.line, v.footnote) for v in sch.values}
    assert values["CASH"] == ((Decimal(4210),), 109, "")
    assert values["NET-INCOME"][0] == (Decimal(-1045),)
    assert values["NET-INCOME"][2] == "After a charge of $310 for a plant closing."
    assert values["EPS-PRIMARY"][0] == (Decimal("-0.42"),)
    assert "NOT-A-TAG" not in values  # inside the legend


def test_a_legend_left_open_ends_where_the_head_goes_on():
    sch = read_schedule(schedule_doc("<ARTICLE> 5\n<LEGEND>\nEXHIBIT 27 FOR THE PERIOD ENDED 6/30/99\n"
                                     "<MULTIPLIER> 1000000\n<PERIOD-TYPE> 6-MOS\n<PERIOD-END> JUN-30-1999\n<CASH> 2081"))
    assert (sch.multiplier, [v.tag for v in sch.values]) == (1000000, ["CASH"])
    assert any("not closed" in p for p in sch.problems)


@pytest.mark.parametrize("text, value", [("1,203,488", Decimal(1203488)), ("(8.29)", Decimal("-8.29")),
                                         ("-45", Decimal(-45)), (".68", Decimal("0.68")), ("$12", Decimal(12)),
                                         ("1000000", Decimal(1000000)), ("N/A", None), ("(12", None),
                                         ("1,23", None), ("", None), ("1" * 40, None)])
def test_values_are_numbers_or_nothing(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize("text, problem", [
    ("<ARTICLE> 5\n<MULTIPLIER> 1,500\n<PERIOD-TYPE> YEAR\n<PERIOD-END> DEC-31-1998\n<CASH> 5", "not a power of ten"),
    ("<ARTICLE> 5\n<PERIOD-TYPE> YEAR\n<CASH> 5", "no <PERIOD-END>"),
    ("<ARTICLE> 5\n<PERIOD-TYPE> YEAR\n<PERIOD-END> FEB-30-1998\n<CASH> 5", "is not a date"),
    ("<ARTICLE> 5\n<PERIOD-TYPE> YEAR\n<PERIOD-END> DEC-31-1998\n<CASH> 5 6", "has 2 values for 1 column"),
    ("<ARTICLE> 5\n<PERIOD-TYPE> YEAR\n<PERIOD-END> JAN-15-0001\n<CASH> 5", "is not a date"),
])
def test_what_cannot_be_read_is_said(text, problem):
    sch = read_schedule(schedule_doc(text))
    assert any(problem in p for p in sch.problems), sch.problems


def test_hostile_schedules_stay_bounded():
    """Thousands of tags, columns and lines, binary bytes: read within the bounds, never a crash."""
    many = "<PERIOD-END> " + " ".join(["DEC-31-1998"] * 50) + "\n" + "".join(
        f"<T{i}> {'9' * 30} \x00\x01\n" for i in range(5000))
    sch = read_schedule(schedule_doc("<ARTICLE> 5\n<PERIOD-TYPE> YEAR\n" + many))
    assert len(sch.columns) == 12 and len(sch.values) <= 400
    assert any("only the first 12" in p for p in sch.problems)
    assert all(v is None for value in sch.values for v in value.values)  # 30 digits: no number


# ---------------------------------------------------------------- facts and cross-check, by article


def test_article_5_agrees_differs_and_adds():
    """The statements win: a schedule's misprinted total is a warning, the printed total stays.
    A schedule figure the statements do not print (gross receivables) becomes a fact; SALES and
    a 0 become the filer's extension concepts; COMMON is compared, never emitted as the concept."""
    model = model_of(INDUSTRIAL)
    got = checks(model)
    assert got["TOTAL-ASSETS I1998-12-31"] == "differs"
    assert got["NET-INCOME D1998-01-01_1998-12-31"] == "agree"
    assert got["EPS-PRIMARY D1998-01-01_1998-12-31"] == "agree"
    assert got["COMMON I1998-12-31"] == "agree"
    stated = {(f.concept.name, f.context.id): f.value for f in model.facts if f.group == "primary"}
    assert stated[("Assets", "I19981231")] == Decimal(44215000)
    assert any("<TOTAL-ASSETS> 44,251 (line 115) differs" in w and "44,215" in w for w in model.warnings)
    added = taken(model)
    assert added[("wrenfield:Ex27Receivables", "I19981231")] == Decimal(12950000)  # gross or net: the filer's
    assert added[("us-gaap:EarningsPerShareDiluted", "D19980101_19981231")] == Decimal("1.37")
    assert added[("wrenfield:Ex27Sales", "D19980101_19981231")] == Decimal(68420000)
    assert added[("wrenfield:Ex27Discontinued", "D19980101_19981231")] == 0
    assert not any(name == "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax" for name, _ in added)
    assert model.schedule.summary() == ("schedule: 14 agree, 1 differs (TOTAL-ASSETS 44,251 vs 44,215, line 115), "
                                        "17 facts from the schedule")
    assert not [f for f in model.facts if f.group == "schedule" and (f.concept.qname, f.context.id) in
                {(g.concept.qname, g.context.id) for g in model.facts if g.group != "schedule"}]


def test_article_9_two_periods_with_their_starts():
    """A bank's schedule of two nine-month columns with PERIOD-START: the current column is
    checked against the statements; the prior year's quarter-end balances, which the 10-Q does
    not print, are facts of the schedule, except those that would break the statements' own
    calculation of total assets there (its parts are not all given); the allowance at the start
    is an instant the day before."""
    model = model_of(BANK)
    got = checks(model)
    assert got["TOTAL-ASSETS I1999-09-30"] == got["INTEREST-LOAN D1999-01-01_1999-09-30"] == "agree"
    assert got["NET-INCOME D1998-01-01_1998-09-30"] == got["EPS-DILUTED D1998-01-01_1998-09-30"] == "agree"
    assert set(got.values()) == {"agree"}
    added = taken(model)
    assert added[("us-gaap:LiabilitiesAndStockholdersEquity", "I19980930")] == Decimal(331450000)
    assert ("us-gaap:Assets", "I19980930") not in added
    assert "would break the statements' calculation of us-gaap:Assets in I19980930" in _reasons(model)["TOTAL-ASSETS"]
    assert added[("holloway:Ex27AllowanceOpen", "I19981231")] == Decimal(3270000)
    yield_fact = next(f for f in model.schedule.facts if f.concept.name == "Ex27YieldActual"
                      and f.context.id == "D19990101_19990930")
    # a percentage as a fraction: 4.21 printed is 0.0421
    assert (yield_fact.value, yield_fact.decimals, yield_fact.unit.id) == (Decimal("0.0421"), 4, "pure")


ARTICLE_7 = """<ARTICLE> 7
<MULTIPLIER> 1,000
<PERIOD-TYPE> YEAR
<FISCAL-YEAR-END> DEC-31-1998
<PERIOD-END> DEC-31-1998
<DEBT-HELD-FOR-SALE> 15,200
<EQUITIES> 1,100
<TOTAL-INVEST> 16,300
<TOTAL-ASSETS> 44,215
<POLICY-LOSSES> 2,410
<RESERVE-OPEN> 2,250
<NET-INCOME> 3,415
<EPS-PRIMARY> 1.37
"""
ARTICLE_BD = """<ARTICLE> BD
<MULTIPLIER> 1,000
<PERIOD-TYPE> 12-MOS
<FISCAL-YEAR-END> DEC-31-1998
<PERIOD-END> DEC-31-1998
<CASH> 4,210
<SECURITIES-RESALE> 3,300
<SHORT-TERM> 1,250
<TOTAL-ASSETS> 44,215
<COMMISSIONS> 9,870
<NET-INCOME> 3,415
"""
ARTICLE_UT = """<ARTICLE> UT
<MULTIPLIER> 1,000
<PERIOD-TYPE> YEAR
<FISCAL-YEAR-END> DEC-31-1998
<PERIOD-END> DEC-31-1998
<TOTAL-NET-UTILITY-PLANT> 18,250
<TOTAL-CURRENT-ASSETS> 25,965
<TOTAL-ASSETS> 44,215
<RETAINED-EARNINGS> 24,250
<TOT-CAPITALIZATION-AND-LIAB> 44,215
<GROSS-OPERATING-REVENUE> 68,420
<NET-INCOME> 3,415
"""
ARTICLE_6 = """<ARTICLE> 6
<MULTIPLIER> 1
<PERIOD-TYPE> YEAR
<FISCAL-YEAR-END> DEC-31-1998
<PERIOD-END> DEC-31-1998
<INVESTMENTS-AT-VALUE> 41,905,000
<TOTAL-ASSETS> 44,215,000
<NET-ASSETS> 26,750,000
<SHARES-COMMON-STOCK> 2,500,000
<PER-SHARE-NAV-END> 10.70
<EXPENSE-RATIO> 1.15
"""


@pytest.mark.parametrize("schedule, agree, added", [
    (ARTICLE_7, {"TOTAL-ASSETS I1998-12-31", "NET-INCOME D1998-01-01_1998-12-31", "EPS-PRIMARY D1998-01-01_1998-12-31"},
     {("us-gaap:AvailableForSaleSecuritiesDebtSecurities", "I19981231"): Decimal(15200000),
      ("wrenfield:Ex27PolicyLosses", "I19981231"): Decimal(2410000),
      ("wrenfield:Ex27ReserveOpen", "I19971231"): Decimal(2250000)}),
    (ARTICLE_BD, {"CASH I1998-12-31", "TOTAL-ASSETS I1998-12-31", "NET-INCOME D1998-01-01_1998-12-31"},
     {("us-gaap:ShortTermBorrowings", "I19981231"): Decimal(1250000),
      ("wrenfield:Ex27Commissions", "D19980101_19981231"): Decimal(9870000)}),
    (ARTICLE_UT, {"TOTAL-CURRENT-ASSETS I1998-12-31", "TOTAL-ASSETS I1998-12-31", "RETAINED-EARNINGS I1998-12-31",
                  "TOT-CAPITALIZATION-AND-LIAB I1998-12-31", "NET-INCOME D1998-01-01_1998-12-31"},
     {("wrenfield:Ex27TotalNetUtilityPlant", "I19981231"): Decimal(18250000),
      ("wrenfield:Ex27GrossOperatingRevenue", "D19980101_19981231"): Decimal(68420000)}),
    (ARTICLE_6, {"TOTAL-ASSETS I1998-12-31"},
     {("wrenfield:Ex27NetAssets", "I19981231"): Decimal(26750000),
      ("wrenfield:Ex27SharesCommonStock", "I19981231"): Decimal(2500000),
      ("wrenfield:Ex27PerShareNavEnd", "I19981231"): Decimal("10.70"),
      ("wrenfield:Ex27ExpenseRatio", "D19980101_19981231"): Decimal("0.0115")}),
], ids=["article-7", "article-BD", "article-UT", "article-6"])
def test_each_article(tmp_path, schedule, agree, added):
    model = with_schedule(tmp_path, schedule)
    got = checks(model)
    assert {k for k, v in got.items() if v == "agree"} == agree
    assert set(got.values()) == {"agree"}
    assert {k: v for k, v in taken(model).items() if k in added} == added
    # every tag is a fact or a cross-check
    tags = {line.split(">")[0][1:] for line in schedule.splitlines()[5:]}
    assert tags == {f.label for f in model.schedule.facts} | {c.tag for c in model.schedule.checks}


def test_restated_schedules_that_disagree_give_no_fact(tmp_path):
    """Two schedules of one period (the original and a restated one) with different values for a
    figure the statements do not print: neither is taken, and the report says why."""
    one = ARTICLE_BD.replace("<SHORT-TERM> 1,250", "<SHORT-TERM> 1,250")
    two = "<RESTATED>\n" + ARTICLE_BD.replace("<SHORT-TERM> 1,250", "<SHORT-TERM> 1,520")
    text = INDUSTRIAL.read_text()
    start = text.index("<DOCUMENT>\n<TYPE>EX-27")
    end = text.index("</SEC-DOCUMENT>")
    docs = "".join(f"<DOCUMENT>\n<TYPE>EX-27{suffix}\n<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n"
                   for suffix, body in (("", one), (".1", two)))
    (tmp_path / "f.txt").write_text(text[:start] + docs + text[end:])
    model = model_of(tmp_path / "f.txt")
    assert ("us-gaap:ShortTermBorrowings", "I19981231") not in taken(model)
    assert any("different values" in why for _, _, why in model.schedule.left_out)
    assert [d["restated"] for d in model.schedule.documents] == [False, True]
    assert ("wrenfield:Ex27Commissions", "D19980101_19981231") in taken(model)  # the same in both: taken once
    assert [why for tag, _, why in model.schedule.left_out if tag == "COMMISSIONS"] == [
        f"the value of line {next(f.source.line for f in model.schedule.facts if f.label == 'COMMISSIONS')} again: "
        "taken once"]


def test_foreign_currency_and_a_bad_multiplier_are_not_converted(tmp_path):
    model = with_schedule(tmp_path, ARTICLE_BD.replace("<MULTIPLIER> 1,000", "<CURRENCY> CANADIAN DOLLARS\n"
                                                                             "<MULTIPLIER> 1,000"))
    assert not model.schedule.facts and not model.schedule.checks
    assert all("CANADIAN DOLLARS" in why for _, _, why in model.schedule.left_out)
    model = with_schedule(tmp_path, ARTICLE_BD.replace("<MULTIPLIER> 1,000", "<MULTIPLIER> 1,024"), "g.txt")
    assert not model.schedule.facts and not model.schedule.checks
    assert any("not a power of ten" in why for _, _, why in model.schedule.left_out)


def test_a_negative_magnitude_is_the_filers_own_concept(tmp_path):
    model = with_schedule(tmp_path, ARTICLE_BD.replace("<SHORT-TERM> 1,250", "<SHORT-TERM> (1,250)"))
    assert taken(model)[("wrenfield:Ex27ShortTerm", "I19981231")] == Decimal(-1250000)


# ---------------------------------------------------------------- output


def test_schedule_facts_are_footnoted_and_reported(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "converter", "convert", str(INDUSTRIAL), str(BANK), "--out", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "     schedule: 14 agree, 1 differs (TOTAL-ASSETS 44,251 vs 44,215, line 115), 17 facts" in r.stdout
    assert ("schedules (EX-27) of 2 filings: 45 values agree with the statements, 1 differ, 80 facts taken "
            "from them") in r.stderr
    name = INDUSTRIAL.stem
    instance = (out / name / f"{name}.xml").read_text()
    assert instance.count('xlink:label="fn1_facts"') == 17
    assert "Financial Data Schedule (EX-27, Article 5, line 93)" in instance
    findings = json.loads((out / name / f"{name}.report.json").read_text())["findings"]
    assert [(f["code"], f["line"], f["file"]) for f in findings if f["code"] == "schedule:differs"] == [
        ("schedule:differs", 115, f"{name}.txt")]
    report = json.loads((out / name / f"{name}.report.json").read_text())["schedule"]
    assert report["key_counts"] == {"agree": 6, "differs": 1}
    differs = [c for c in report["checks"] if c["status"] != "agree"]
    assert differs == [{"tag": "TOTAL-ASSETS", "document": "EX-27", "concept": "us-gaap:Assets", "period": "I1998-12-31",
                        "schedule": "44251000", "schedule_text": "44,251", "schedule_line": 115,
                        "statements": "44215000", "statements_line": 45, "status": "differs", "key": True,
                        "note": ""}]


@pytest.mark.slow
def test_arelle_accepts_schedule_facts_and_footnotes(tmp_path):
    from arelle_util import run_arelle

    for path in (INDUSTRIAL, BANK):
        out = tmp_path / "out"
        subprocess.run([sys.executable, "-m", "converter", "convert", str(path), "--out", str(out), "--quiet"],
                       check=True)
        problems = run_arelle(out / path.stem / f"{path.stem}.xml", tmp_path)
        assert problems == [], [(p["code"], p["message"]["text"][:200]) for p in problems]


def test_every_schedule_concept_is_in_the_bundled_taxonomy():
    from converter.mapping.taxonomy import load_taxonomy

    data = load_toml("schedules.toml")
    concepts = load_taxonomy().concepts
    tables = [data["common"], *data["article"].values()]
    named = {entry[0] for table in tables for entry in table.values() if entry[0]}
    assert named and not named - set(concepts)
    assert {entry[1] for table in tables for entry in table.values()} <= {"instant", "duration", "opening"}
    assert {entry[2] for table in tables for entry in table.values()} <= {"money", "per-share", "percent", "shares"}


_SCHEDULE_WORDS = ["<ARTICLE>", "<MULTIPLIER>", "<PERIOD-END>", "<PERIOD-TYPE>", "<PERIOD-START>", "<LEGEND>",
                   "</LEGEND>", "<FN>", "</FN>", "<F1>", "<CASH>", "<TOTAL-ASSETS>", "DEC-31-1998", "YEAR", "9-MOS",
                   "1,000", "(1,045)", ".68", "\t", " ", "\n", "0", "-", "$", "(", ")", ",", "."]


def test_any_text_reads_without_raising():
    """Whatever a schedule holds (tags, dates and numbers in any order, any characters), reading
    it raises nothing and gives values only where a number and a period are written."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.one_of(st.sampled_from(_SCHEDULE_WORDS), st.text(max_size=8)), max_size=60))
    def read(parts):
        sch = read_schedule(schedule_doc("".join(parts)))
        assert all(len(v.values) == len(sch.columns) for v in sch.values)
        assert sch.multiplier in (0, 1) or str(sch.multiplier).rstrip("0") == "1"

    read()


def _reasons(model) -> dict[str, str]:
    return {tag: why for tag, _, why in model.schedule.left_out if tag}


def test_a_period_the_statements_do_not_confirm_is_not_taken(tmp_path):
    """A 10-K's schedule labelled "6-MOS" (a filer's slip: the figures are the year's): no statement
    prints six months ending on PERIOD-END, so its flows are left out, not dated by a guess."""
    model = with_schedule(tmp_path, ARTICLE_BD.replace("<PERIOD-TYPE> 12-MOS", "<PERIOD-TYPE> 6-MOS"))
    assert not any(c.period.startswith("D") for c in model.schedule.checks)
    assert not any(f.context.id.startswith("D") for f in model.schedule.facts)
    assert "no statement prints a period" in _reasons(model)["NET-INCOME"]
    assert ("us-gaap:ShortTermBorrowings", "I19981231") in taken(model)  # the balances stand


def test_a_subsidiarys_schedule_is_not_the_registrants(tmp_path):
    model = with_schedule(tmp_path, ARTICLE_UT.replace("<ARTICLE> UT", "<ARTICLE> UT\n<SUBSIDIARY>\n<NUMBER> 1\n"
                                                                        "<NAME> WRENFIELD POWER CO"))
    assert not model.schedule.facts and not model.schedule.checks
    assert "WRENFIELD POWER CO" in _reasons(model)["TOTAL-ASSETS"]


def test_two_schedules_in_one_document_are_read_apart(tmp_path):
    later = ARTICLE_BD.replace("DEC-31-1998", "DEC-31-1997").replace("<MULTIPLIER> 1,000", "<MULTIPLIER> 1")
    model = with_schedule(tmp_path, ARTICLE_BD + later)
    assert [d["periods"] for d in model.schedule.documents] == [["12-MOS 1998-12-31"], ["12-MOS 1997-12-31"]]
    added = taken(model)
    assert added[("us-gaap:ShortTermBorrowings", "I19981231")] == Decimal(1250000)
    assert added[("us-gaap:ShortTermBorrowings", "I19971231")] == Decimal(1250)  # its own multiplier


def test_unlisted_tags_dollars_apart_and_notes(tmp_path):
    """A tag the table does not list is left out (its unit and period unknown); "$ 3,300" is one
    value; a value the filer footnotes is compared and kept, but only under the filer's own concept."""
    schedule = ARTICLE_BD.replace("<SECURITIES-RESALE> 3,300", "<SECURITIES-RESALE> $ 3,300\n<AVG-DEBT> 7") \
        .replace("<SHORT-TERM> 1,250", "<SHORT-TERM> 1,250<F1>") + "<FN>\n<F1> Includes commercial paper.\n</FN>\n"
    model = with_schedule(tmp_path, schedule)
    assert "does not list" in _reasons(model)["AVG-DEBT"]
    added = taken(model)
    assert added[("wrenfield:Ex27SecuritiesResale", "I19981231")] == Decimal(3300000)
    assert added[("wrenfield:Ex27ShortTerm", "I19981231")] == Decimal(1250000)
    assert ("us-gaap:ShortTermBorrowings", "I19981231") not in added
    fact = next(f for f in model.schedule.facts if f.label == "SHORT-TERM")
    assert model.schedule.notes[id(fact)] == "Includes commercial paper."
    model = with_schedule(tmp_path, ARTICLE_BD.replace("<COMMISSIONS> 9,870", "<COMMISSIONS> n/a"), "g.txt")
    assert _reasons(model)["COMMISSIONS"] == "'n/a' is not a number"
