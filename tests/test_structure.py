"""Presentation and calculation networks, and the arithmetic checks, on a small filing written
for the purpose (tests/data/statements.txt: a balance sheet, a statement of operations printing
its expenses positive under its revenues, and a cash flow statement with an unlabelled subtotal)
and on variants of it with one number misprinted."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import HERE, SEED_NAMES, SEEDS
from converter.mapping.structure import NEGATED, PERIOD_END, PERIOD_START, TOTAL
from converter.pipeline import convert

STATEMENTS = HERE / "data" / "statements.txt"


def _model(text: str | None, tmp_path: Path):
    path = STATEMENTS
    if text is not None:
        path = tmp_path / "statements.txt"
        path.write_text(text)
    model, rendered, _ = convert(path, "1234567")
    return model


def _variant(old: str, new: str) -> str:
    text = STATEMENTS.read_text()
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _calc(model, role_word: str) -> dict[tuple[str, str], int]:
    net = next(n for n in model.networks if role_word in n.role_id)
    return {(a.parent.name, a.child.name): a.weight for a in net.calculation}


def _pres(model, role_word: str):
    return next(n for n in model.networks if role_word in n.role_id).presentation


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return _model(None, tmp_path_factory.mktemp("s"))


def test_expenses_under_revenue_are_subtracted(model):
    calc = _calc(model, "Operations")
    assert calc[("GrossProfit", "Revenues")] == 1
    assert calc[("GrossProfit", "CostOfRevenue")] == -1
    assert calc[("OperatingIncomeLoss", "GrossProfit")] == 1
    assert calc[("OperatingIncomeLoss", "SellingGeneralAndAdministrativeExpense")] == -1
    assert calc[("NetIncomeLoss", "IncomeTaxExpenseBenefit")] == -1


def test_treasury_stock_is_subtracted_from_equity(model):
    calc = _calc(model, "BalanceSheets")
    assert calc[("StockholdersEquity", "TreasuryStockValue")] == -1
    assert calc[("StockholdersEquity", "RetainedEarningsAccumulatedDeficit")] == 1
    treasury = next(f for f in model.facts if f.concept.name == "TreasuryStockValue")
    assert treasury.value == 50000  # positive, as the concept wants; printed (50)
    arc = next(a for a in _pres(model, "BalanceSheets") if a.child.name == "TreasuryStockValue")
    assert arc.preferred_label == NEGATED


def test_a_total_spanning_sections(model):
    calc = _calc(model, "BalanceSheets")
    assert calc[("LiabilitiesAndStockholdersEquity", "Liabilities")] == 1
    assert calc[("LiabilitiesAndStockholdersEquity", "StockholdersEquity")] == 1
    assert calc[("Assets", "AssetsCurrent")] == 1


def test_cash_used_in_investing(model):
    calc = _calc(model, "CashFlows")
    assert calc[("NetCashProvidedByUsedInInvestingActivities", "PaymentsToAcquirePropertyPlantAndEquipment")] == -1
    assert calc[("NetCashProvidedByUsedInInvestingActivities", "ProceedsFromSaleOfPropertyPlantAndEquipment")] == 1
    capex = next(f for f in model.facts if f.concept.name == "PaymentsToAcquirePropertyPlantAndEquipment")
    assert capex.value > 0


def test_unlabelled_subtotal_gets_its_components(model):
    calc = _calc(model, "CashFlows")
    financing = "NetCashProvidedByUsedInFinancingActivities"
    assert calc[(financing, "RepaymentsOfLongTermDebt")] == -1
    assert calc[(financing, "ProceedsFromIssuanceOfCommonStock")] == 1
    change = ("CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
              "PeriodIncreaseDecreaseIncludingExchangeRateEffect")
    assert calc[(change, financing)] == 1
    arc = next(a for a in _pres(model, "CashFlows") if a.child.name == financing)
    assert arc.preferred_label == TOTAL


def test_weights_respect_balance_types(model, seed_output):
    """XBRL 2.1 5.2.5.2: a credit total with a debit child has weight -1, never +1."""
    models = [model] + [convert(SEEDS / f"{n}.txt")[0] for n in SEED_NAMES]
    checked = 0
    for m in models:
        for net in m.networks:
            for a in net.calculation:
                if a.parent.balance and a.child.balance:
                    assert (a.weight > 0) == (a.parent.balance == a.child.balance), (net.role_id, a)
                    checked += 1
    assert checked > 20


def test_presentation_follows_the_printed_order(model):
    names = [a.child.name for a in _pres(model, "Operations")]
    assert names == ["Revenues", "CostOfRevenue", "GrossProfit", "SellingGeneralAndAdministrativeExpense",
                     "OperatingIncomeLoss", "IncomeTaxExpenseBenefit", "NetIncomeLoss"]
    sections = [a.child.label for a in _pres(model, "BalanceSheets") if a.child.abstract]
    assert sections == ["Current assets", "Current liabilities", "Stockholders' equity"]


def test_cash_at_start_and_end_are_both_shown(model):
    cash = [a.preferred_label for a in _pres(model, "CashFlows") if a.child.name == "CashAndCashEquivalentsAtCarryingValue"]
    assert cash == [PERIOD_START, PERIOD_END]


def test_role_definitions(model):
    defs = [n.definition for n in model.networks]
    assert defs == ["0002 - Statement - Consolidated Balance Sheets",
                    "0003 - Statement - Consolidated Statements of Operations",
                    "0004 - Statement - Consolidated Statements of Cash Flows"]


def test_a_correct_filing_has_no_arithmetic_warning(model):
    assert model.inconsistencies == ()
    assert not [w for w in model.warnings if "add up to" in w or "differ" in w or "plus the change" in w]


def test_misprinted_total_is_reported_and_kept(tmp_path):
    text = _variant("equity                                $ 1,500       $ 1,250",
                    "equity                                $ 1,510       $ 1,250")
    m = _model(text, tmp_path)
    warning = next(w for w in m.warnings if w.startswith("line 35:"))
    assert "1,510" in warning and "add up to 1,500" in warning and "26, 32" in warning
    identity = next(w for w in m.warnings if "total assets" in w)
    assert "1,500,000" in identity and "1,510,000" in identity and "line 15" in identity
    kept = [f.value for f in m.facts if f.concept.name == "LiabilitiesAndStockholdersEquity"]
    assert 1510000 in kept  # the printed number, not a corrected one
    assert [(i.concept, i.context, i.reported, i.computed) for i in m.inconsistencies] == [
        ("us-gaap:LiabilitiesAndStockholdersEquity", "I19991231", 1510000, 1500000)]


def test_cash_roll_forward_is_checked(tmp_path):
    text = _variant("  equivalents                               100            50",
                    "  equivalents                               110            50")
    m = _model(text, tmp_path)
    roll = next(w for w in m.warnings if "plus the change in cash" in w)
    assert "500,000" in roll and "110,000" in roll and "510,000" in roll
    assert any(w.startswith("line 86:") and "add up to 100" in w for w in m.warnings)


def test_cash_on_the_balance_sheet_against_the_cash_flows(tmp_path):
    text = _variant("  year                                  $   500       $   400",
                    "  year                                  $   505       $   400")
    m = _model(text, tmp_path)
    clash = next(w for w in m.warnings if "CashAndCashEquivalentsAtCarryingValue" in w)
    assert "505" in clash and "500" in clash and "line 9" in clash and clash.startswith("line 91:")


@pytest.mark.slow
def test_arelle_reports_exactly_the_converters_inconsistencies(tmp_path):
    from arelle_util import run_arelle, split_inconsistencies
    from converter.pipeline import convert_to_folder

    clean = convert_to_folder(STATEMENTS, tmp_path / "clean", "1234567")
    found, other = split_inconsistencies(run_arelle(tmp_path / "clean" / "statements" / "statements.xml", tmp_path))
    assert clean.ok and found == set() and other == []

    src = tmp_path / "statements.txt"
    src.write_text(_variant("equity                                $ 1,500       $ 1,250",
                            "equity                                $ 1,510       $ 1,250"))
    assert convert_to_folder(src, tmp_path / "bad", "1234567").ok
    found, other = split_inconsistencies(run_arelle(tmp_path / "bad" / "statements" / "statements.xml", tmp_path))
    model = convert(src, "1234567")[0]
    assert other == []
    assert found == {(i.role, i.concept, i.context) for i in model.inconsistencies} != set()


def test_roles_name_the_statement_not_the_registrant():
    seed = convert(SEEDS / "002_827b01e1209febb2.txt")[0]
    balance = seed.networks[0]
    assert balance.role_uri.endswith("/role/CondensedConsolidatedBalanceSheet")
    assert balance.definition == "0002 - Statement - Condensed Consolidated Balance Sheet"


def test_another_companys_statements_keep_its_name(tmp_path):
    text = STATEMENTS.read_text().replace("EXAMPLE WIDGET CORPORATION", "OTHER GADGET CORPORATION AND SUBSIDIARIES", 1)
    text = "EXAMPLE WIDGET CORPORATION\nCURRENT REPORT ON FORM 8-K\n\n" + text
    m = _model(text, tmp_path)
    assert m.networks[0].definition == \
        "0002 - Statement - Other Gadget Corporation and Subsidiaries Consolidated Balance Sheets"
    assert m.networks[1].definition == "0003 - Statement - Consolidated Statements of Operations"


def test_a_note_tables_role_says_it_is_a_disclosure(tmp_path):
    """A note table's role is '...Details': a title like 'Results of Operations' or 'Balances
    with Affiliates' alone reads as a statement's to whoever sorts roles by name."""
    note = ("\n\nNOTE 3 - INVENTORIES\n\nInventories at December 31 consisted of the following:\n\n"
            "                                          1996          1995\n"
            "Raw materials                           $   120       $   110\n"
            "Finished goods                              180           170\n"
            "                                         ------        ------\n"
            "Total inventories                       $   300       $   280\n")
    model = _model(STATEMENTS.read_text() + note, tmp_path)
    roles = {n.role_id: n.definition for n in model.networks}
    assert [r for r, d in roles.items() if "Disclosure" in d] == ["TableAtLine100Details"]
    assert all(("Disclosure" in d) == r.endswith("Details") for r, d in roles.items())
