"""The map stage: concepts, signs, periods, units, parentheticals, extensions."""
import datetime as dt
from decimal import Decimal

import pytest

from conftest import SEEDS
from converter.mapping.labels import lookup, normalise, word_key
from converter.mapping.taxonomy import load_taxonomy
from converter.mapping.mapper import map_filing
from converter.parsing.parser import parse_filing
from converter.reading.reader import read_filing


@pytest.fixture(scope="module")
def model():
    return map_filing(parse_filing(read_filing(SEEDS / "002_827b01e1209febb2.txt")))


def facts(model, name, context=None):
    return [f for f in model.facts if f.concept.name == name and (context is None or f.context.id == context)]


def value(model, name, context):
    found = facts(model, name, context)
    assert len(found) == 1, (name, context, found)
    return found[0].value


SIX = "D20031201_20040531"
SIX_PRIOR = "D20021201_20030531"


def test_signs_follow_the_concept(model):
    assert value(model, "InterestExpense", SIX) == Decimal(3544)  # printed (3,544)
    assert value(model, "IncomeTaxExpenseBenefit", SIX) == Decimal(-47937)  # a benefit printed 47,937
    assert value(model, "TreasuryStockValue", "I20040531") == Decimal(13750)  # printed (13,750)
    assert value(model, "RetainedEarningsAccumulatedDeficit", "I20040531") == Decimal(-28249499)
    assert value(model, "OperatingIncomeLoss", SIX) == Decimal(-135655)
    assert value(model, "PaymentsToAcquirePropertyPlantAndEquipment", SIX) == Decimal(3319)
    assert value(model, "NetCashProvidedByUsedInOperatingActivities", SIX) == Decimal(-450810)


def test_cash_at_beginning_and_end_are_instants(model):
    cash = {f.context.id: f.value for f in facts(model, "CashAndCashEquivalentsAtCarryingValue")}
    assert cash["I20031130"] == Decimal(669022)  # the day before the period starts
    assert cash["I20021130"] == Decimal(938528)
    assert cash["I20030531"] == Decimal(333289)
    assert cash["I20040531"] == Decimal(206695)  # balance sheet and cash flow agree: one fact


def test_basic_and_diluted_line_gives_two_concepts(model):
    assert value(model, "EarningsPerShareBasic", SIX) == Decimal("0.05")
    assert value(model, "EarningsPerShareDiluted", SIX) == Decimal("0.05")
    f = facts(model, "EarningsPerShareDiluted", SIX)[0]
    assert f.unit.id == "USD_per_share" and f.decimals == 2


def test_units_and_decimals(model):
    f = facts(model, "WeightedAverageNumberOfSharesOutstandingBasic", SIX)[0]
    assert f.unit.id == "shares" and f.decimals == 0
    f = facts(model, "Revenues", SIX)[0]
    assert f.unit.id == "USD" and f.decimals == 0 and f.source.line == 117


def test_numbers_inside_labels(model):
    assert value(model, "CommonStockParOrStatedValuePerShare", "I20040531") == Decimal("0.10")
    assert value(model, "CommonStockSharesAuthorized", "I20040531") == Decimal(50000000)
    assert value(model, "CommonStockSharesIssued", "I20040531") == Decimal(16265282)
    assert value(model, "TreasuryStockCommonShares", "I20040531") == Decimal(5500)


def test_unlabelled_subtotals(model):
    assert value(model, "NonoperatingIncomeExpense", SIX) == Decimal(952322)
    # the EPS note's unlabelled total is inferred from its components' calculation parent
    assert value(model, "WeightedAverageNumberOfDilutedSharesOutstanding", SIX_PRIOR) == Decimal(15629293)


def test_pro_forma_rows_are_extensions_not_statement_concepts(model):
    ext = {f.concept.name: f for f in model.facts if f.concept.extension}
    assert "ProFormaRevenues" in ext and "ProFormaNetIncomeLoss" in ext
    assert value(model, "Revenues", SIX_PRIOR) == Decimal(2500445)  # not the pro forma 1,607,249


def test_measure_columns_from_the_introduction(model):
    names = {f.concept.name: f for f in model.facts if f.context.id == "I20040531" and f.concept.extension}
    assert names["EquitySecuritiesCost"].value == Decimal(4546)
    assert names["EquitySecuritiesFairValue"].value == Decimal(2250)


def test_no_conflicting_facts(model):
    seen = {}
    for f in model.facts:
        key = (f.concept.qname, f.context.id, f.unit.id if f.unit else "")
        assert seen.setdefault(key, f.value) == f.value, key


def test_cover_facts(model):
    dei = {f.concept.name: f for f in model.facts if f.concept.prefix == "dei"}
    assert dei["DocumentType"].value == "10-QSB"
    assert dei["DocumentFiscalPeriodFocus"].value == "Q2" and dei["DocumentFiscalYearFocus"].value == "2004"
    assert dei["CurrentFiscalYearEndDate"].value == "--11-30"
    assert dei["EntityCommonStockSharesOutstanding"].context.period.end == dt.date(2004, 6, 30)
    assert dei["EntityCommonStockSharesOutstanding"].context.period.is_instant


def test_cik_option_sets_the_entity():
    m = map_filing(parse_filing(read_filing(SEEDS / "002_827b01e1209febb2.txt")), cik="1234")
    assert m.entity.scheme == "http://www.sec.gov/CIK" and m.entity.identifier == "0000001234"
    assert any(f.concept.name == "EntityCentralIndexKey" and f.value == "0000001234" for f in m.facts)
    assert not any("CIK" in w for w in m.warnings)


def test_without_cik_a_named_fallback_and_a_warning(model):
    assert "no-cik" in model.entity.scheme and model.entity.identifier == "eLEC-Communications-Corp"
    assert any("CIK" in w for w in model.warnings)


@pytest.mark.parametrize("label, norm", [
    ("Net cash (used in) provided by investing activities", "net cash used in provided by investing activities"),
    ("Stockholders' equity (Note 4)", "stockholders equity"),
    ("Less: Treasury stock", "treasury stock"),
    ("Research & development", "research and development"),
])
def test_normalise(label, norm):
    assert normalise(label) == norm


def test_word_key():
    keys = {"Purchases of stock for treasury": "purchase stock treasury",
            "Purchase of treasury stock": "purchase stock treasury",
            "Net change in borrowings (maturities 90 days or less)": "borrowing change net",
            "Intangibles and other assets": "intangible other-asset",
            "Other intangible assets": "asset other-intangible"}
    assert {label: word_key(label) for label in keys} == keys


def test_the_label_map_by_words():
    """The words of filers' lines in another order or number take their concept; 'and other
    assets' is no intangible asset, and 'net' interest is not interest expense."""
    tax = load_taxonomy()
    cases = {("Purchases of stock for treasury", "cashflow", "duration"): "PaymentsForRepurchaseOfCommonStock",
             ("Amortization of debt discount and issuance cost", "cashflow", "duration"): "AmortizationOfFinancingCostsAndDiscounts",
             ("Short-term and current portion of long-term debt", "balance", "instant"): "DebtCurrent",
             ("Intangibles and other assets", "balance", "instant"): None,
             # amounts of a deduction printed in the label: the net item, or the item itself
             ("Accounts receivable, less allowance for doubtful accounts of $1,200 and $1,100", "balance", "instant"):
                 "AccountsReceivableNetCurrent",
             ("Interest expense, net of amounts capitalized of $1,250", "income", "duration"): "InterestExpense",
             ("Interest expense, net", "income", "duration"): None}
    got = {case: (rule.names[0] if (rule := lookup(tax, case[0], "", case[1], case[2])) else None) for case in cases}
    assert got == cases


def test_a_gas_utilitys_purchases():
    """'Gas purchased' and 'Purchased gas' of a gas distributor are its cost of gas (the label map
    names 'Cost of gas' only)."""
    from converter.mapping.labels import match

    tax = load_taxonomy()
    for label in ("Gas purchased", "Purchased gas", "Natural gas purchased"):
        rule = match(tax, label, "", "income", "duration")
        assert rule is not None and rule.names == ("UtilitiesOperatingExpenseGasAndPetroleumPurchased",), label
