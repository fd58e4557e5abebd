"""Columns that are not the consolidated figures (issue 13, item 2; issue 22's segment-only
statements): facts in contexts with an explicit member, declared so that XBRL Dimensions
validates them. Inputs in tests/dims/ are written for these tests in the style of the era."""
from pathlib import Path

import pytest
from lxml import etree

from arelle_util import run_arelle
from converter.mapping.mapper import map_filing
from converter.parsing.parser import parse_filing
from converter.pipeline import convert_to_folder
from converter.reading.reader import read_filing

HERE = Path(__file__).parent / "dims"
CASES = Path(__file__).parent / "cases"
XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"


def _model(path: Path):
    return map_filing(parse_filing(read_filing(path)), cik="1")


def _facts(model, concept: str) -> dict[tuple[str, str], str]:
    """(period key, member qname or '') -> value, for one concept."""
    return {(f.context.period.key(), "".join(m.qname for _, m in f.context.dims)): str(f.value)
            for f in model.facts if f.concept.qname == concept}


def test_a_statement_printed_only_for_its_segments_keeps_every_column():
    """Automotive / Financial Services style: no consolidated column, every figure a segment's."""
    model = _model(HERE / "segment_columns_cash_flows.txt")
    got = _facts(model, "us-gaap:NetCashProvidedByUsedInOperatingActivities")
    assert got == {
        ("D1996-01-01_1996-12-31", "filer:ManufacturingMember"): "243000000",
        ("D1996-01-01_1996-12-31", "filer:CreditOperationsMember"): "50000000",
        ("D1995-01-01_1995-12-31", "filer:ManufacturingMember"): "211000000",
        ("D1995-01-01_1995-12-31", "filer:CreditOperationsMember"): "46000000",
    }
    # no figure of a part is ever a plain (consolidated) fact
    assert all(f.context.dims for f in model.facts if f.table >= 0)
    axes = {a.qname for f in model.facts for a, _ in f.context.dims}
    assert axes == {"us-gaap:StatementBusinessSegmentsAxis"}


def test_consolidating_columns_parent_and_guarantors_are_entities_eliminations_consolidation_items():
    """A guarantor note: Parent / Guarantor Subsidiaries / Eliminations / Consolidated. The
    eliminations are consolidation items, placed where the line adds up to the consolidated
    column (a dash there is a printed zero)."""
    model = _model(HERE / "consolidating_balance_sheet.txt")
    got = _facts(model, "us-gaap:CashAndCashEquivalentsAtCarryingValue")
    assert got == {
        ("I1998-12-31", ""): "4600000",  # the consolidated column stays plain
        # us-gaap:ParentMember is an equity component, not this: the filer's own member
        ("I1998-12-31", "kestrel:ParentMemberAsPrinted"): "1200000",
        ("I1998-12-31", "kestrel:GuarantorSubsidiariesMember"): "3400000",
    }
    assert _facts(model, "kestrel:Receivables")[("I1998-12-31", "srt:ConsolidationEliminationsMember")] == "-1100000"
    assert _facts(model, "kestrel:InvestmentInSubsidiaries")[("I1998-12-31", "srt:ConsolidationEliminationsMember")] == "-9000000"
    axes = {a.qname for f in model.facts for a, _ in f.context.dims}
    # DEI's legal-entity axis, SRT's consolidation items axis (bundled subsets)
    assert axes == {"dei:LegalEntityAxis", "srt:ConsolidationItemsAxis"}
    assert not [u.reason for u in model.unmapped if "Eliminations" in u.reason]


def test_a_pro_forma_presentation_of_one_company_adjustments_by_their_arithmetic():
    """Historical | Pro Forma Adjustments | Adjusted, of a sale of a division: the adjustments
    take the table's one period (their heading prints none); each is the change it makes, signed
    by the sum the adjusted column shows (a deduction printed positive is a negative change)."""
    model = _model(HERE / "pro_forma_disposition.txt")
    assert _facts(model, "us-gaap:Revenues") == {
        ("D1999-01-01_1999-06-30", ""): "52400000",
        ("D1999-01-01_1999-06-30", "marlowe:ProFormaAdjustmentsMember"): "-14800000",  # printed 14,800: taken away
        ("D1999-01-01_1999-06-30", "marlowe:AdjustedMember"): "37600000"}
    assert _facts(model, "us-gaap:CashAndCashEquivalentsAtCarryingValue") == {
        ("I1999-06-30", ""): "4210000",
        ("I1999-06-30", "marlowe:ProFormaAdjustmentsMember"): "12500000",  # the balance sheet's add
        ("I1999-06-30", "marlowe:AdjustedMember"): "16710000"}
    axes = {(a.qname, m.qname) for f in model.facts for a, m in f.context.dims}
    assert axes == {("srt:ConsolidationItemsAxis", "marlowe:ProFormaAdjustmentsMember"),
                    ("srt:StatementScenarioAxis", "marlowe:AdjustedMember")}


def test_a_pro_forma_combination_entities_adjustments_and_restated_columns():
    """Registrant | acquired company | adjustments | pro forma: the acquired company's figures
    are a legal entity's, the adjustments consolidation items, the pro forma a scenario; the
    registrant's stay plain. A restated statement keeps 'As Previously Reported' as a scenario."""
    model = _model(HERE / "pro_forma_combination.txt")
    year = "D1999-01-01_1999-12-31"
    assert _facts(model, "us-gaap:InterestExpense") == {
        (year, ""): "1100000", (year, "talbot:PrescottFastenerMember"): "300000",
        (year, "talbot:ProFormaAdjustmentsMember"): "1900000", (year, "srt:ProFormaMember"): "3300000"}
    assert _facts(model, "us-gaap:NetIncomeLoss")[(year, "talbot:ProFormaAdjustmentsMember")] == "-1900000"
    assert _facts(model, "us-gaap:Revenues")[("D1999-07-01_1999-09-30", "srt:ScenarioPreviouslyReportedMember")] == "22900000"
    assert _facts(model, "us-gaap:Revenues")[("D1999-07-01_1999-09-30", "")] == "21700000"
    axes = {a.qname: set() for f in model.facts for a, _ in f.context.dims}
    for f in model.facts:
        for a, m in f.context.dims:
            axes[a.qname].add(m.qname)
    assert axes == {"dei:LegalEntityAxis": {"talbot:PrescottFastenerMember"},
                    "srt:ConsolidationItemsAxis": {"talbot:ProFormaAdjustmentsMember"},
                    "srt:StatementScenarioAxis": {"srt:ProFormaMember", "srt:ScenarioPreviouslyReportedMember"}}


def test_adjustments_that_do_not_add_up_give_no_fact(tmp_path):
    """With the pro forma column's figures not the sum of the others, whether an adjustment adds
    or takes away cannot be told: its member context gets no fact, and the report says why."""
    text = (HERE / "pro_forma_combination.txt").read_text()
    for good, bad in (("105,800", "104,800"), ("77,200", "76,900"), ("16,700", "15,500"), ("11,900", "12,600"),
                      ("3,300\n", "1,400\n"), ("8,600", "11,200"), ("5,300", "6,700")):
        text = text.replace(good, bad, 1)
    broken = tmp_path / "broken.txt"
    broken.write_text(text)
    model = _model(broken)
    assert not [f for f in model.facts if any(m.qname.endswith("ProFormaAdjustmentsMember") for _, m in f.context.dims)]
    assert [u for u in model.unmapped if "cannot be told" in u.reason]
    # the figures that need no arithmetic keep their members
    assert _facts(model, "us-gaap:Revenues")[("D1999-01-01_1999-12-31", "talbot:PrescottFastenerMember")] == "21600000"


def test_a_note_keeps_measure_groups_out_of_members(tmp_path):
    """In a note, groups are measures as often as parts ('Carrying Amount', 'Fair Value'):
    without words an axis names, they are left out, not made segments."""
    note = tmp_path / "fair_value_note.txt"
    note.write_text("""<SEC-HEADER>
CONFORMED SUBMISSION TYPE:	10-K
CONFORMED PERIOD OF REPORT:	19971231
</SEC-HEADER>
NOTE 6 - FINANCIAL INSTRUMENTS

The carrying amounts and fair values of the Company's financial instruments were:

                               Carrying       Fair       Carrying       Fair
                                Amount        Value       Amount        Value
                                 1997         1997         1996         1996
                               --------     --------     --------     --------
Long-term debt                 $  4,100     $  4,350     $  3,900     $  4,020
Interest rate swaps                  12           15           10           11
""")
    model = _model(note)
    assert model.facts and not any(f.context.dims for f in model.facts)


def test_equity_roll_forward_components_and_periods():
    """Issue 12, item 3: columns are equity components (standard members by their words), rows
    the roll-forward, balances instants ("January 1, 1995" is the close of 1994-12-31) and every
    movement in the span between the balances around it."""
    model = _model(HERE / "equity_roll_forward.txt")
    assert _facts(model, "us-gaap:StockholdersEquity") == {
        ("I1994-12-31", "us-gaap:CommonStockMember"): "4000000",
        ("I1994-12-31", "us-gaap:AdditionalPaidInCapitalMember"): "21500000",
        ("I1994-12-31", "us-gaap:RetainedEarningsMember"): "60250000",
        ("I1994-12-31", "us-gaap:TreasuryStockCommonMember"): "-1200000",
        ("I1994-12-31", ""): "84550000",
        ("I1995-12-31", "us-gaap:CommonStockMember"): "4050000",
        ("I1995-12-31", "us-gaap:AdditionalPaidInCapitalMember"): "22200000",
        ("I1995-12-31", "us-gaap:RetainedEarningsMember"): "71050000",
        ("I1995-12-31", "us-gaap:TreasuryStockCommonMember"): "-2100000",
        ("I1995-12-31", ""): "95200000",
        ("I1996-12-31", "us-gaap:CommonStockMember"): "4455000",
        ("I1996-12-31", "us-gaap:AdditionalPaidInCapitalMember"): "27870000",
        ("I1996-12-31", "us-gaap:RetainedEarningsMember"): "77295000",
        ("I1996-12-31", "us-gaap:TreasuryStockCommonMember"): "-2100000",
        ("I1996-12-31", ""): "107520000",
    }
    # a stock dividend moves par value and paid-in capital up and retained earnings down: printed signs
    assert _facts(model, "us-gaap:StockIssuedDuringPeriodValueStockDividend") == {
        ("D1996-01-01_1996-12-31", "us-gaap:CommonStockMember"): "405000",
        ("D1996-01-01_1996-12-31", "us-gaap:AdditionalPaidInCapitalMember"): "5670000",
        ("D1996-01-01_1996-12-31", "us-gaap:RetainedEarningsMember"): "-6075000",
    }
    # dividends are the amounts paid, in money (not "per share" for the words in the label)
    assert _facts(model, "us-gaap:DividendsCommonStockCash") == {
        ("D1995-01-01_1995-12-31", "us-gaap:RetainedEarningsMember"): "1600000", ("D1995-01-01_1995-12-31", ""): "1600000",
        ("D1996-01-01_1996-12-31", "us-gaap:RetainedEarningsMember"): "1780000", ("D1996-01-01_1996-12-31", ""): "1780000",
    }
    assert {a.qname for f in model.facts for a, _ in f.context.dims} == {"us-gaap:StatementEquityComponentsAxis"}


def test_equity_statement_with_a_section_per_component():
    """Year columns, a section per component: each section's balances are the component's
    (its member), at the start and end of each year; the plain total is never a component's."""
    model = _model(Path(__file__).parent / "stress" / "equity_sections.txt")
    got = _facts(model, "us-gaap:StockholdersEquity")
    assert got[("I1994-12-31", "us-gaap:AdditionalPaidInCapitalMember")] == "412000000"
    assert got[("I1995-12-31", "us-gaap:AdditionalPaidInCapitalMember")] == "428000000"
    assert got[("I1992-12-31", "us-gaap:RetainedEarningsMember")] == "1640000000"
    assert got[("I1995-12-31", "us-gaap:RetainedEarningsMember")] == "2074000000"
    # no component balance as the statement's equity: the plain equity is the printed total's
    assert {k: v for k, v in got.items() if k[1] == ""} == {
        ("I1995-12-31", ""): "2502000000", ("I1994-12-31", ""): "2317000000", ("I1993-12-31", ""): "2158000000"}
    assert _facts(model, "us-gaap:NetIncomeLoss") == {
        ("D1995-01-01_1995-12-31", "us-gaap:RetainedEarningsMember"): "260000000",
        ("D1994-01-01_1994-12-31", "us-gaap:RetainedEarningsMember"): "231000000",
        ("D1993-01-01_1993-12-31", "us-gaap:RetainedEarningsMember"): "204000000"}
    totals = [f for f in model.facts if f.source and f.source.line == 22]
    assert totals and not any(f.context.dims for f in totals)


def test_dimensional_output_is_valid_and_declared(tmp_path):
    result = convert_to_folder(HERE / "segment_columns_cash_flows.txt", tmp_path, cik="1")
    assert result.ok, result.error
    folder = Path(result.output)
    name = folder.name
    inst = etree.parse(str(folder / f"{name}.xml")).getroot()
    members = [m.text for m in inst.iter(f"{XBRLDI}explicitMember")]
    assert sorted(set(members)) == ["filer:CreditOperationsMember", "filer:ManufacturingMember"]
    definition = next(folder.glob("*_def.xml")).read_text()
    for arcrole in ("all", "hypercube-dimension", "dimension-domain", "domain-member", "dimension-default"):
        assert f"http://xbrl.org/int/dim/arcrole/{arcrole}" in definition
    schema = next(folder.glob("*.xsd")).read_text()
    assert 'name="ManufacturingMember" type="dtr-types:domainItemType"' in schema


@pytest.mark.slow
def test_arelle_validates_the_dimensions(tmp_path):
    """Arelle (XBRL Dimensions 1.0) finds nothing; with one member taken out of its domain it
    finds the facts dimensionally invalid (the check can fail)."""
    for case in (HERE / "segment_columns_cash_flows.txt", HERE / "consolidating_balance_sheet.txt",
                 HERE / "equity_roll_forward.txt", CASES / "repeated_periods_groups.txt",
                 HERE / "pro_forma_disposition.txt", HERE / "pro_forma_combination.txt"):
        out = tmp_path / case.stem
        result = convert_to_folder(case, out, cik="1")
        assert result.ok, result.error
        inst = Path(result.output) / f"{Path(result.output).name}.xml"
        problems = run_arelle(inst, tmp_path)
        assert problems == [], [(p["code"], p["message"]["text"][:200]) for p in problems]
    folder = Path(convert_to_folder(HERE / "segment_columns_cash_flows.txt", tmp_path / "broken", cik="1").output)
    definition = next(folder.glob("*_def.xml"))
    text = definition.read_text()
    broken = "\n".join(line for line in text.split("\n")
                       if not ("domain-member" in line and "ManufacturingMember" in line))
    assert broken != text
    definition.write_text(broken)
    problems = run_arelle(folder / f"{folder.name}.xml", tmp_path)
    assert any("DimensionallyInvalid" in (p.get("code") or "") for p in problems)
