"""Facts stated in running text: each period phrase, each kind of amount, and each refusal."""
from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from conftest import SEEDS
from converter.mapping.contexts import ContextSet
from converter.mapping.extension import ExtensionSet
from converter.mapping.narrative import narrative_facts
from converter.mapping.narrative_text import mentions
from converter.mapping.period_phrases import find_phrases, resolve
from converter.mapping.taxonomy import load_taxonomy
from converter.model import Entity, Fact, Period, Sentence, SourceRef
from converter.parsing.lines import classify_all
from converter.parsing.prose import sentences
from converter.pipeline import convert_to_folder

NOV = (11, 30)  # the seeds' fiscal year end
D = dt.date


@pytest.mark.parametrize("text, fye, dated, period", [
    ("six months ended May 31, 2004", NOV, None, Period(D(2004, 5, 31), D(2003, 12, 1))),
    ("the quarter ended May 31, 2004", NOV, None, Period(D(2004, 5, 31), D(2004, 3, 1))),
    ("the three-month period ended May 31, 2004", NOV, None, Period(D(2004, 5, 31), D(2004, 3, 1))),
    ("the nine-month period ending March 31, 2007", (6, 30), None, Period(D(2007, 3, 31), D(2006, 7, 1))),
    ("the year ended November 30, 2003", None, None, Period(D(2003, 11, 30), D(2002, 12, 1))),
    ("the second fiscal quarter of 2004", NOV, None, Period(D(2004, 5, 31), D(2004, 3, 1))),
    ("the first quarter of fiscal 2004", NOV, None, Period(D(2004, 2, 29), D(2003, 12, 1))),
    ("the second quarter of fiscal 2003", NOV, None, Period(D(2003, 5, 31), D(2003, 3, 1))),
    ("Q2 2003", NOV, None, Period(D(2003, 5, 31), D(2003, 3, 1))),
    ("fiscal 2004", NOV, None, Period(D(2004, 11, 30), D(2003, 12, 1))),
    ("fiscal year 2006", (3, 31), None, Period(D(2006, 3, 31), D(2005, 4, 1))),
    ("at May 31, 2004", None, None, Period(D(2004, 5, 31))),
    ("as of December 31, 1999", None, None, Period(D(1999, 12, 31))),
    # a quarter without a year: the last one ended before a release's date, never in a report
    ("2nd Quarter", NOV, D(2004, 7, 1), Period(D(2004, 5, 31), D(2004, 3, 1))),
    ("2nd Quarter", NOV, None, None),
    # not resolvable without a guess
    ("the first quarter of fiscal 2004", None, None, None),  # no fiscal year end known
    ("fiscal 2004", (1, 31), None, None),  # a January year end: fiscal 2004 may end in 2004 or 2005
    ("fiscal 2004", (9, 27), None, None),  # a 52/53-week year
    ("the first half of fiscal 2009", (3, 31), None, None),
    ("the fiscal second quarter a year ago", (3, 31), None, None),
    ("the previous fiscal year", (6, 30), None, None),
])
def test_period_phrases(text, fye, dated, period):
    phrases = find_phrases(text)
    assert phrases, text
    resolved = [resolve(p, fye, dated) for p in phrases]
    assert resolved[-1] == period if period is None else period in resolved


@pytest.mark.parametrize("text, value, decimals, kind", [
    ("revenues of $1,895,932", Decimal("1895932"), 0, "money"),
    ("revenues of $1.9 million", Decimal("1900000"), -5, "money"),
    ("sales of $23.7 billion", Decimal("23700000000"), -8, "money"),
    ("a net loss of ($14) million", Decimal("-14000000"), -6, "money"),
    ("amounted to ($69,002)", Decimal("-69002"), 0, "money"),
    ("or $0.05 per fully diluted share", Decimal("0.05"), 2, "per_share"),
    ("approximately 4,300 local access lines", Decimal("4300"), 0, "count"),
])
def test_amounts_in_a_sentence(text, value, decimals, kind):
    m = mentions(text)
    assert [(x.value, x.decimals, x.kind) for x in m] == [(value, decimals, kind)]


def test_percentages_years_and_bare_numbers_are_not_amounts():
    assert mentions("up 64% over Q2 2003, or 12 percent, in 1998 and 2,000 times") == []


def _read(*texts: str, tables: list[Fact] = (), release=D(2004, 7, 1), registrant="eLEC Communications Corp.",
          numbers=(), fye=NOV):
    tax = load_taxonomy()
    entity = Entity("http://www.sec.gov/CIK", "0000000001", registrant)
    contexts = ContextSet(entity)
    ext = ExtensionSet("elec", "http://example.com/elec", tax.standard_names)
    said = tuple(Sentence(t, ((0, i + 1),)) for i, t in enumerate(texts))
    return narrative_facts(said, tax, contexts, ext, registrant, list(tables), release, fye,
                           lambda name: Entity("http://example.com/name", re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-"),
                                               name),
                           table_numbers=tuple(numbers)), contexts


def _facts(result):
    return [(f.concept.name, f.context.id, f.value, f.decimals) for f in result.facts]


def _reasons(result):
    return [u.reason for u in result.left_out]


def test_net_income_and_diluted_eps_for_a_quarter():
    r, _ = _read("eLEC today announced net income for the second fiscal quarter of 2004 of $808,464, or $0.05 "
                 "per fully diluted share.")
    assert _facts(r) == [("NetIncomeLoss", "D20040301_20040531", Decimal("808464"), 0),
                         ("EarningsPerShareDiluted", "D20040301_20040531", Decimal("0.05"), 2)]
    assert all(f.group == "narrative" for f in r.facts)


def test_each_clause_takes_its_own_period():
    r, _ = _read("Net income was $808,464 for the second fiscal quarter of 2004, as compared to net income of "
                 "$48,855 for the second fiscal quarter of 2003.")
    assert _facts(r) == [("NetIncomeLoss", "D20040301_20040531", Decimal("808464"), 0),
                         ("NetIncomeLoss", "D20030301_20030531", Decimal("48855"), 0)]


def test_approximately_and_millions_state_their_precision():
    r, _ = _read("During the first quarter of fiscal 2004, revenues were approximately $576,000 and net income "
                 "was $1.2 million.")
    assert _facts(r) == [("Revenues", "D20031201_20040229", Decimal("576000"), -3),
                         ("NetIncomeLoss", "D20031201_20040229", Decimal("1200000"), -5)]


def test_a_loss_is_negative():
    r, _ = _read("For fiscal 2003, the Company had a net loss of $2.6 million.", release=D(2004, 2, 1))
    assert _facts(r) == [("NetIncomeLoss", "D20021201_20031130", Decimal("-2600000"), -5)]


def test_a_count_and_a_price_are_as_of_a_release_date():
    r, _ = _read("eLEC had approximately 4,300 local access lines.", "The purchase price was $325,000.",
                 release=D(2004, 4, 15))
    assert _facts(r) == [("NumberOfLocalAccessLines", "I20040415", Decimal("4300"), -2),
                         ("PurchasePrice", "I20040415", Decimal("325000"), 0)]


def test_a_report_dates_nothing_by_itself():
    r, _ = _read("The purchase price was $325,000.", release=None)
    assert r.facts == [] and _reasons(r) == ["no period stated: The purchase price was $325,000..."]


def test_a_subsidiary_named_in_a_release_is_its_own_entity():
    r, _ = _read("eLEC will purchase Telecarrier Services, Inc., a wholly-owned subsidiary.",
                 "During the first quarter of fiscal 2004, Telecarrier contributed revenues of $576,000.")
    assert _facts(r) == [("Revenues", "D20031201_20040229_Telecarrier-Services-Inc", Decimal("576000"), 0)]


@pytest.mark.parametrize("text, reason", [
    ("Revenues for the second quarter of 2004 increased by $742,516.", "a change"),
    ("Revenues were $1,895,932 for fiscal 2004, an increase of $742,516.", "a change"),
    ("At May 31, 2004, the Company had more than 1,000 customers.", "a bound"),
    ("We expect revenues of $10 million for fiscal 2004.", "forward-looking"),
    ("Revenues for fiscal 2004 will be approximately $10 million.", "forward-looking"),
    ("Verizon reported revenues of $5 million for fiscal 2004.", "not clear whose"),
    ("Net income was $48,855.", "no period stated"),
    ("Net income for fiscal 2003 was $808,464, or $0.05 per share.", "basic or diluted not stated"),
    ("Segment revenues for fiscal 2004 were $5,000,000.", "qualifies"),
    ("Revenues for fiscal 2003 were $1,574,000 in sales reported by NRTC.", "part of"),
    ("Net income for the first half of fiscal 2004 was $5,000,000.", "cannot be dated"),
    ("Net income for fiscal 2005 was $5,000,000.", "has not ended"),
    ("Gain on debt reduction in fiscal 2004 was $852,553.", "no concept"),
    ("averaged approximately $350,000 per month in fiscal 2004.", "begins elsewhere"),
])
def test_what_is_left_out_and_why(text, reason):
    r, contexts = _read(text)
    refused = [u for u in r.left_out if reason in u.reason]
    assert refused, _reasons(r)
    assert not any(f.source.text == u.label for f in r.facts for u in refused)
    if not r.facts:
        assert contexts.all() == () and contexts.units() == ()  # nothing left out leaves a context behind


def _table_fact(name: str, context_period: Period, value: str, contexts: ContextSet, line: int = 85) -> Fact:
    tax = load_taxonomy()
    concept = tax.concept(name)
    return Fact(concept, contexts.context(context_period), Decimal(value), contexts.unit_for(concept.type), 0,
                SourceRef(line, 0, value))


def test_a_number_the_tables_state_appears_once():
    q2 = Period(D(2004, 5, 31), D(2004, 3, 1))
    contexts = ContextSet(Entity("http://www.sec.gov/CIK", "0000000001", "eLEC"))
    table = [_table_fact("Revenues", q2, "1895932", contexts), _table_fact("NetIncomeLoss", q2, "808464", contexts, 123)]
    r, _ = _read("2nd Quarter Revenues of $1.9 million, up 64% over Q2 2003.",
                 "Net income for the second fiscal quarter of 2004 was $800,000.", tables=table)
    assert r.facts == []
    assert _reasons(r)[0] == "stated in the table at line 85"  # the same number, rounded
    assert "the table at line 123 prints 808464" in _reasons(r)[1]  # a contradiction: reported, never emitted
    assert any("808464" in w for w in r.warnings)


def test_a_number_an_unplaced_table_prints_is_not_taken_from_the_text():
    r, _ = _read("For the quarter ended December 31, 1997, the company had revenue of $23.7 billion.",
                 numbers=[(Decimal("23723"), 5578)], release=None, fye=(12, 31))
    assert r.facts == [] and _reasons(r) == ["a table prints it at line 5578"]


def test_the_text_stating_one_number_two_ways_gives_neither():
    r, _ = _read("Net income for fiscal 2003 was $1,000,000.", "Net income for fiscal 2003 was $1,200,000.",
                 release=D(2004, 2, 1))
    assert r.facts == [] and all("differently" in why for why in _reasons(r))


def test_prose_lines_make_sentences_with_their_lines():
    text = ["Bankruptcy Court Approves the Purchase", "", "The purchase will allow the entire customer base of",
            "Telecarrier, including approximately 4,300 local access lines, to remain a part of eLEC. The purchase",
            "price was $325,000.", "", "Revenues                       $  1,895,932    $  1,153,416"]
    lines = classify_all(tuple(text), tuple(range(1, len(text) + 1)))
    said = sentences(lines, tabular=set())
    assert [s.text for s in said] == [
        "Bankruptcy Court Approves the Purchase",
        "The purchase will allow the entire customer base of Telecarrier, including approximately 4,300 local "
        "access lines, to remain a part of eLEC.",
        "The purchase price was $325,000."]
    assert said[2].line_at(said[2].text.index("$325,000")) == 5 and said[1].lines[0] == (0, 3)


def test_seed_release_end_to_end_and_no_narrative(tmp_path):
    on = convert_to_folder(SEEDS / "000_fbd7507244f679c5.txt", tmp_path / "on")
    off = convert_to_folder(SEEDS / "000_fbd7507244f679c5.txt", tmp_path / "off", narrative=False)
    assert on.ok and off.ok and on.facts == off.facts + 4
    name = "000_fbd7507244f679c5"
    report = json.loads((tmp_path / "on" / name / f"{name}.report.json").read_text())
    assert [(f["concept"], f["value"]) for f in report["narrative"]["facts"]] == [
        ("elec:NumberOfLocalAccessLines", "4300"), ("elec:PurchasePrice", "325000"), ("us-gaap:Revenues", "576000"),
        ("us-gaap:NetIncomeLoss", "42000")]
    assert report["narrative"]["left_out"][0]["amount"] == "$923,000"  # "we estimate that we will record a gain"
    pre = next((tmp_path / "on" / name).glob("*_pre.xml")).read_text()
    assert "role/FactsStatedInTheText" in pre
    off_report = json.loads((tmp_path / "off" / name / f"{name}.report.json").read_text())
    assert off_report["narrative"] == {"facts": [], "left_out": []}
    assert not list((tmp_path / "off" / name).glob("*_pre.xml"))
