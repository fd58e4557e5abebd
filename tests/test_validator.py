"""`txt2xbrl validate`: each case is the clean instance of tests/data/statements.txt broken in one
known way, and the code the validator must report for it."""
from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from conftest import HERE
from converter.cli import main
from converter.pipeline import convert_to_folder
from arelle_util import ARELLE_KIND
from converter.validator.findings import CODES
from converter.validator.run import validate_file

NAME = "statements"
CASH = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
F5 = f'<{CASH} id="f5" contextRef="I19991231" unitRef="USD" decimals="-3">500000</{CASH}>'
ASSETS = '<us-gaap:Assets id="f13" contextRef="I19991231" unitRef="USD" decimals="-3">1500000</us-gaap:Assets>'
DOCTYPE = '<dei:DocumentType id="f1" contextRef="D19990101_19991231">Other</dei:DocumentType>'
USD_UNIT = '<xbrli:unit id="USD">\n    <xbrli:measure>iso4217:USD</xbrli:measure>\n  </xbrli:unit>'
INSTANT_1999 = '<xbrli:context id="I19991231">'
DEPRECIATION = ('<us-gaap:Depreciation id="f49" contextRef="D19990101_19991231" unitRef="USD" '
                'decimals="-3">100000</us-gaap:Depreciation>')
HEADER = '<?xml version="1.0" encoding="UTF-8"?>'


def _context(cid: str, instant: str) -> str:
    """An instant context of the test filer, laid out on one line (the instance indents its own)."""
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001234567'
            f'</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>{instant}</xbrli:instant></xbrli:period>'
            f'</xbrli:context>\n  ')


# name: (replacements in the instance, the code the validator must report)
CASES = {
    "context_missing": ([(F5, F5.replace('contextRef="I19991231"', 'contextRef="I20001231"'))], "xbrl:contextMissing"),
    "unit_missing": ([(F5, F5.replace('unitRef="USD"', 'unitRef="EUR"'))], "xbrl:unitMissing"),
    "unitref_absent": ([(F5, F5.replace(' unitRef="USD"', ''))], "xbrl:unitMissing"),
    "period_type_instant_in_duration": ([(F5, F5.replace("I19991231", "D19990101_19991231"))], "xbrl:periodType"),
    "period_type_duration_in_instant": ([(DEPRECIATION, DEPRECIATION.replace("D19990101_19991231", "I19991231"))],
                                        "xbrl:periodType"),
    "monetary_in_shares": ([(USD_UNIT, USD_UNIT + '\n  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares'
                                       '</xbrli:measure></xbrli:unit>'),
                            (F5, F5.replace('unitRef="USD"', 'unitRef="shares"'))], "xbrl:monetaryUnit"),
    "decimals_missing": ([(F5, F5.replace(' decimals="-3"', ''))], "xbrl:decimalsMissing"),
    "decimals_and_precision": ([(F5, F5.replace('decimals="-3"', 'decimals="-3" precision="4"'))],
                               "xbrl:decimalsAndPrecision"),
    "decimals_on_text": ([(DOCTYPE, DOCTYPE.replace('contextRef', 'decimals="0" contextRef'))],
                         "xbrl:decimalsOnNonNumeric"),
    "unit_on_text": ([(DOCTYPE, DOCTYPE.replace('contextRef', 'unitRef="USD" contextRef'))], "xbrl:unitOnNonNumeric"),
    "start_after_end": ([("<xbrli:startDate>1999-01-01</xbrli:startDate>",
                          "<xbrli:startDate>2000-01-01</xbrli:startDate>")], "xbrl:periodStartAfterEnd"),
    "inconsistent_duplicate": ([(F5, F5 + "\n  " + F5.replace('id="f5"', 'id="f5b"').replace("500000", "510000"))],
                               "xbrl:inconsistentDuplicate"),
    "duplicate_context": ([(INSTANT_1999, _context("again", "1999-12-31") + INSTANT_1999)], "xbrl:duplicateContext"),
    "unused_unit": ([(USD_UNIT, USD_UNIT + '\n  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure>'
                                '</xbrli:unit>')], "xbrl:unusedUnit"),
    "undeclared_concept": ([(F5, F5 + '\n  <filer:NoSuchThing contextRef="I19991231" unitRef="USD" decimals="0">1'
                                      '</filer:NoSuchThing>')], "xbrl:undeclaredConcept"),
    "not_a_number": ([(F5, F5.replace(">500000<", ">five hundred<"))], "xsd:invalid"),
    "calculation_inconsistent": ([(ASSETS, ASSETS.replace("1500000", "1600000"))], "calc:inconsistent"),
    "remote_schema": ([('xlink:href="filer-19991231.xsd"', 'xlink:href="https://example.com/other.xsd"')],
                      "dts:notAvailable"),
    "missing_local_schema": ([('xlink:href="filer-19991231.xsd"', 'xlink:href="nowhere.xsd"')], "dts:notAvailable"),
    "no_schema_ref": ([('<link:schemaRef xlink:type="simple" xlink:href="filer-19991231.xsd"/>', "")],
                      "dts:schemaRefMissing"),
    "doctype": ([(HEADER, HEADER + '\n<!DOCTYPE xbrli:xbrl [<!ENTITY a "aaaaaaaa">]>')], "security:dtd"),
    "external_entity": ([(HEADER, HEADER + '\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
                         (">Other<", ">&e;<")], "security:dtd"),
    "entity_bomb": ([(HEADER, HEADER + '\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
                              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>'), (">Other<", ">&c;<")], "security:dtd"),
    "not_well_formed": ([("</xbrli:xbrl>", "</xbrli:xbr>")], "xml:notWellFormed"),
    "shares_in_dollars": ([(F5, F5 + '\n  <us-gaap:WeightedAverageNumberOfSharesOutstandingBasic contextRef='
                                      '"D19990101_19991231" unitRef="USD" decimals="0">100'
                                      '</us-gaap:WeightedAverageNumberOfSharesOutstandingBasic>')], "xbrl:sharesUnit"),
    "precision_on_text": ([(DOCTYPE, DOCTYPE.replace('contextRef', 'precision="2" contextRef'))],
                          "xbrl:decimalsOnNonNumeric"),
    "unused_context": ([(INSTANT_1999, _context("spare", "2001-12-31") + INSTANT_1999)], "xbrl:unusedContext"),
    "duplicate_unit": ([(USD_UNIT, USD_UNIT + '\n  <xbrli:unit id="USD2"><xbrli:measure>iso4217:USD'
                                   '</xbrli:measure></xbrli:unit>')], "xbrl:duplicateUnit"),
    "assets_differ_from_liabilities_and_equity": (
        [('decimals="-3">1500000</us-gaap:LiabilitiesAndStockholdersEquity>',
          'decimals="-3">1600000</us-gaap:LiabilitiesAndStockholdersEquity>')], "identity:balanceSheet"),
    "cash_roll_forward": ([('decimals="-3">100000</us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCash'
                            'EquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect>',
                            'decimals="-3">110000</us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCash'
                            'EquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect>')],
                          "identity:cashRollForward"),
}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    result = convert_to_folder(HERE / "data" / "statements.txt", out, "1234567")
    assert result.ok, result.error
    return out / NAME


def _broken(clean: Path, tmp_path: Path, replacements) -> Path:
    folder = tmp_path / NAME
    shutil.copytree(clean, folder)
    inst = folder / f"{NAME}.xml"
    text = inst.read_text()
    for old, new, *count in replacements:  # (a third item: how many to replace, -1 for all)
        assert old in text, old
        text = text.replace(old, new, *(count or [1]))
    inst.write_text(text)
    return inst


def test_the_clean_instance_has_no_finding(clean):
    result = validate_file(clean / f"{NAME}.xml")
    assert result.findings == [] and result.facts > 60


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_instance_is_reported(clean, tmp_path, case):
    replacements, code = CASES[case]
    result = validate_file(_broken(clean, tmp_path, replacements))
    codes = {f.code for f in result.findings}
    assert code in codes, (case, [f.text() for f in result.findings])
    assert code in CODES
    lines = [f.line for f in result.findings if f.code == code]
    assert any(lines) or code == "dts:schemaRefMissing", lines  # the finding says where


# Facts the plain-fact path must hand to libxml2 (or leave out only where libxml2 would find them valid).
PLAIN_EDGES = {
    "fact_id_repeated": [(F5, F5 + "\n  " + ASSETS.replace('id="f13"', 'id="f5"').replace("Assets", "Liabilities"))],
    "fact_id_is_a_context_id": [(F5, F5.replace('id="f5"', 'id="I19991231"'))],
    "fact_id_not_an_ncname": [(F5, F5.replace('id="f5"', 'id="5f"'))],
    "foreign_attribute": [(F5, F5.replace('id="f5"', 'id="f5" xmlns:x="urn:x" x:note="y"'))],
    "comment_inside": [(F5, F5.replace(">500000<", "><!-- c -->500000<"))],
    "decimals_inf": [(F5, F5.replace('decimals="-3"', 'decimals="INF"'))],
    "decimals_spaced": [(F5, F5.replace('decimals="-3"', 'decimals=" -3 "'))],
    "decimals_inf_spaced": [(F5, F5.replace('decimals="-3"', 'decimals=" INF"'))],
    "decimals_word": [(F5, F5.replace('decimals="-3"', 'decimals="three"'))],
    "value_spaced": [(F5, F5.replace(">500000<", ">\n  500000 <"))],
    "value_exponent": [(F5, F5.replace(">500000<", ">5e5<"))],
    "value_empty": [(F5, F5.replace(">500000<", "><"))],
    "value_signed": [(F5, F5.replace(">500000<", ">+500000.<"))],
    "abstract_concept": [(F5, F5 + "\n  " + F5.replace(CASH, "us-gaap:AssetsAbstract").replace('id="f5"', 'id="fa"'))],
    "context_id_not_an_ncname": [('"I19991231"', '"1999-12-31"', -1)],  # (the context's id and every contextRef)
    "fact_id_is_the_root_id": [("<xbrli:xbrl ", '<xbrli:xbrl id="f5" ')],
}


@pytest.mark.parametrize("case", sorted(CASES) + sorted(PLAIN_EDGES))
def test_plain_facts_left_out_of_libxml2_change_no_finding(clean, tmp_path, monkeypatch, case):
    """What validate reports is the same whether plain facts are checked in Python and left out of
    the document libxml2 validates, or all validated by libxml2."""
    from converter.validator import xsd

    path = _broken(clean, tmp_path, CASES[case][0] if case in CASES else PLAIN_EDGES[case])
    quick = validate_file(path).findings
    monkeypatch.setattr(xsd, "_plain_value", lambda *args: None)
    assert quick == validate_file(path).findings


def test_the_plain_path_is_taken(clean, monkeypatch):
    from converter.validator import xsd

    seen = []
    real = xsd._plain_with_ids
    monkeypatch.setattr(xsd, "_plain_with_ids", lambda root, facts, ids: (seen.extend(facts), real(root, facts, ids)))
    assert validate_file(clean / f"{NAME}.xml").findings == [] and len(seen) > 40


def test_outputs_of_the_seeds_are_clean(seed_output):
    for inst in sorted(seed_output.glob("*/*.xml")):
        if inst.stem == inst.parent.name:
            assert validate_file(inst).findings == [], inst.name


def test_exit_status_and_formats(clean, tmp_path, capsys):
    assert main(["validate", str(clean)]) == 0
    assert "0 error(s)" in capsys.readouterr().out
    bad = _broken(clean, tmp_path, CASES["context_missing"][0])
    assert main(["validate", str(bad), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["exit_status"] == 1
    assert report["instances"][0]["findings"][0]["code"] == "xbrl:contextMissing"
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2
    capsys.readouterr()


def test_dtds_and_oversized_files_are_refused_as_unusable(clean, tmp_path, capsys):
    bomb = _broken(clean, tmp_path, CASES["entity_bomb"][0])
    assert main(["validate", str(bomb)]) == 2
    assert "security:dtd" in capsys.readouterr().out
    assert main(["validate", str(clean), "--max-size", "0.001"]) == 2
    assert "input:tooLarge" in capsys.readouterr().out


def test_no_socket_is_opened(clean, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the validator opened a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = validate_file(_broken(clean, tmp_path, CASES["remote_schema"][0]))
    assert "dts:notAvailable" in {f.code for f in result.findings}


# Where the two cannot agree, and why.
ARELLE_DISAGREES = {
    "doctype": "Arelle loads a document with an internal DTD; txt2xbrl refuses every DOCTYPE as hostile input",
}
ARELLE_OTHER_KIND = {
    "external_entity": "Arelle leaves the entity unexpanded and finds the value invalid; txt2xbrl refuses the DOCTYPE",
    "entity_bomb": "Arelle leaves the entities unexpanded and finds the value invalid; txt2xbrl refuses the DOCTYPE",
}
ARELLE_DOES_NOT_CHECK = {"duplicate_context", "unused_context", "duplicate_unit", "unused_unit",
                         "inconsistent_duplicate"}  # (warnings and inconsistencies of ours; both pass)


@pytest.fixture(scope="module")
def arelle_results(clean, tmp_path_factory):
    from concurrent.futures import ThreadPoolExecutor

    from arelle_util import run_arelle

    def one(case):
        work = tmp_path_factory.mktemp(case)
        inst = _broken(clean, work, CASES[case][0])
        return case, inst, run_arelle(inst, work, require_load=False)

    with ThreadPoolExecutor(4) as pool:
        return {case: (inst, problems) for case, inst, problems in pool.map(one, sorted(CASES))}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_arelle_agrees(arelle_results, case):
    from converter.validator.run import exit_status

    inst, problems = arelle_results[case]
    ours = validate_file(inst)
    arelle_fails = any(p["level"] in ("error", "fatal", "critical") for p in problems)
    arelle_codes = {p["code"] for p in problems}
    code = CASES[case][1]
    if case in ARELLE_DISAGREES:
        assert exit_status([ours]) != 0 and not arelle_fails, ARELLE_DISAGREES[case]
        return
    assert (exit_status([ours]) != 0) == arelle_fails, (case, arelle_codes, [f.text() for f in ours.findings])
    if case in ARELLE_DOES_NOT_CHECK:
        assert not arelle_codes, arelle_codes
    elif case in ARELLE_OTHER_KIND:
        assert arelle_codes == {"xmlSchema:valueError"}, arelle_codes
    else:
        assert any(c.startswith(ARELLE_KIND[code]) for c in arelle_codes), (case, arelle_codes)


def test_a_fault_of_ours_is_a_finding_not_a_traceback(clean, monkeypatch, capsys):
    import converter.validator.run as run

    def broken(*args, **kwargs):
        raise KeyError("boom")
    monkeypatch.setattr(run, "check_facts", broken)
    assert main(["validate", str(clean)]) == 2
    out = capsys.readouterr().out
    assert "internal:error" in out and "KeyError" in out


def test_every_code_is_documented_in_the_readme():
    readme = (HERE.parent / "README.md").read_text()
    assert [code for code in CODES if f"`{code}`" not in readme] == []


def _local_heavy(folder: Path, facts: str) -> Path:
    """An instance whose facts are all of a local schema's concepts (the validator checks those itself)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "loc.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'targetNamespace="http://example.com/loc" elementFormDefault="qualified">'
        '<xs:import namespace="http://www.xbrl.org/2003/instance" '
        'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>'
        '<xs:element name="Amount" id="loc_Amount" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" '
        'nillable="true" xbrli:periodType="instant"/>'
        '<xs:element name="Note" id="loc_Note" type="xbrli:stringItemType" substitutionGroup="xbrli:item" '
        'nillable="true" xbrli:periodType="instant"/></xs:schema>')
    (folder / "loc.xml").write_text(
        '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
        'xmlns:loc="http://example.com/loc">\n<link:schemaRef xlink:type="simple" xlink:href="loc.xsd"/>\n'
        '<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">e</xbrli:identifier>'
        '</xbrli:entity><xbrli:period><xbrli:instant>2001-12-31</xbrli:instant></xbrli:period></xbrli:context>\n'
        '<xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n'
        + '<loc:Amount contextRef="c" unitRef="u" decimals="0">1</loc:Amount>\n' * 6
        + '<loc:Note contextRef="c">text</loc:Note>\n' + facts + '</xbrli:xbrl>\n')
    return folder / "loc.xml"


LOCAL_BREAKS = {
    "clean": "",
    "not_a_number": '<loc:Amount contextRef="c" unitRef="u" decimals="0">1,000</loc:Amount>\n',
    "bad_decimals": '<loc:Amount contextRef="c" unitRef="u" decimals="two">1</loc:Amount>\n',
    "unknown_attribute": '<loc:Amount contextRef="c" unitRef="u" decimals="0" scale="3">1</loc:Amount>\n',
    "child_element": '<loc:Note contextRef="c"><loc:Note contextRef="c">x</loc:Note></loc:Note>\n',
    "duplicate_id": '<loc:Amount id="x" contextRef="c" unitRef="u" decimals="0">1</loc:Amount>\n'
                    '<loc:Note id="x" contextRef="c">t</loc:Note>\n',
    "nil_with_content": '<loc:Note xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                        'contextRef="c">t</loc:Note>\n',
}


@pytest.mark.parametrize("case", sorted(LOCAL_BREAKS))
def test_facts_of_local_concepts_are_schema_checked(tmp_path, case):
    codes = {f.code for f in validate_file(_local_heavy(tmp_path, LOCAL_BREAKS[case])).findings}
    assert ("xsd:invalid" in codes) == (case != "clean"), codes


def test_an_invalid_linkbase_is_reported_with_the_path_of_its_element(seed_output, tmp_path):
    """libxml2 finds a local linkbase invalid; xmlschema says where, by the element's path."""
    import shutil

    name = "002_827b01e1209febb2"
    folder = tmp_path / name
    shutil.copytree(seed_output / name, folder)
    pre = next(folder.glob("*_pre.xml"))
    text = pre.read_text()
    broken = text.replace(' xlink:href="', ' xlink:nohref="', 1)
    pre.write_text(broken)
    line = broken[:broken.index("xlink:nohref")].count("\n") + 1
    found = [f for f in validate_file(folder / f"{name}.xml").findings if f.code == "xsd:invalid"]
    assert found and found[0].file.endswith("_pre.xml") and found[0].line == line
    assert found[0].message.endswith("(at /link:linkbase/link:roleRef[1])") and "xlink}href" in found[0].message
