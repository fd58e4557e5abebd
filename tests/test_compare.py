"""txt2xbrl compare: a conversion held against another instance (a filer's own XBRL), fact by fact."""
import json
import re

from conftest import ROOT
from converter.cli import main

OURS = ROOT / "examples" / "002_827b01e1209febb2" / "002_827b01e1209febb2.xml"


def _theirs(tmp_path) -> str:
    """Our instance as a filer of 2010 might have tagged it: a 2009 name for revenues, total assets
    under another name, a cash figure that differs, a fact we do not have, a dimensional fact."""
    text = OURS.read_text()
    text = text.replace('<us-gaap:Revenues id="f38"', '<us-gaap:SalesRevenueNet id="f38"', 1)
    text = re.sub(r'(id="f38"[^>]*>[^<]*</us-gaap:)Revenues>', r"\1SalesRevenueNet>", text, count=1)
    text = text.replace('<us-gaap:Assets id="f20"', '<us-gaap:AssetsTotalAsTagged id="f20"', 1)
    text = re.sub(r'(id="f20"[^>]*>[^<]*</us-gaap:)Assets>', r"\1AssetsTotalAsTagged>", text, count=1)
    text = text.replace("</xbrli:xbrl>", '  <us-gaap:Goodwill id="gx" contextRef="I20040531" unitRef="USD" '
                                          'decimals="0">12345</us-gaap:Goodwill>\n</xbrli:xbrl>')
    path = tmp_path / "theirs.xml"
    path.write_text(text)
    return str(path)


def test_compare_counts_each_kind(tmp_path, capsys):
    theirs = _theirs(tmp_path)
    assert main(["compare", str(OURS), theirs, "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    by = {(f["concept"], f["period"]): f for f in result["facts"]}
    assert by[("SalesRevenueNet", "2003-12-01..2004-05-31")]["status"] == "same"  # its 2024 name is Revenues
    assert by[("AssetsTotalAsTagged", "2004-05-31")]["status"] == "concept"
    assert by[("AssetsTotalAsTagged", "2004-05-31")]["ours"] == "Assets"
    assert by[("Goodwill", "2004-05-31")]["status"] == "missing"
    counts = result["counts"]
    assert counts["concept"] == 1 and counts["missing"] == 1 and counts["value"] == 0
    assert counts["same"] == sum(1 for f in result["facts"]) - 2


def test_compare_reports_another_value(tmp_path, capsys):
    text = OURS.read_text().replace(">1518639</us-gaap:Assets>", ">1518640</us-gaap:Assets>", 1)
    theirs = tmp_path / "theirs.xml"
    theirs.write_text(text)
    assert main(["compare", str(OURS), str(theirs)]) == 0
    out = capsys.readouterr().out
    assert "1 with another value" in out and "value    Assets 2004-05-31 1518640" in out and "ours Assets 1518639" in out


def test_compare_refuses_what_is_not_an_instance(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text("<not-xbrl/>")
    assert main(["compare", str(OURS), str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


def test_two_filers_extensions_are_two_concepts_whatever_their_names(tmp_path, capsys):
    """A filer's own extension with the local name of ours ("DueToBankruptcyCreditors") in its own
    namespace is another concept: a different value is no 'value' difference (two filers'
    ContributionsFromNoncontrollingInterestHolder were compared as one), the same value is found
    'under another concept'; in our namespace it is the same concept."""
    text = OURS.read_text().replace(">258924</elec:DueToBankruptcyCreditors>", ">258925</elec:DueToBankruptcyCreditors>", 1)
    theirs = tmp_path / "theirs.xml"
    theirs.write_text(text.replace('xmlns:elec="http://txt2xbrl.invalid/elec/20040531"',
                                   'xmlns:elec="http://www.elec.example/20040531"', 1))
    assert main(["compare", str(OURS), str(theirs), "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    by = {(f["concept"], f["period"]): f for f in result["facts"]}
    assert by[("DueToBankruptcyCreditors", "2004-05-31")]["status"] == "missing"
    assert by[("GainOnDebtReductionInBankruptcy", "2003-12-01..2004-05-31")]["status"] == "concept"
    theirs.write_text(text)
    assert main(["compare", str(OURS), str(theirs), "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    by = {(f["concept"], f["period"]): f for f in result["facts"]}
    assert by[("DueToBankruptcyCreditors", "2004-05-31")]["status"] == "value"
    assert by[("GainOnDebtReductionInBankruptcy", "2003-12-01..2004-05-31")]["status"] == "same"


_PRE = """<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
 <link:presentationLink xlink:type="extended" xlink:role="http://www.example.com/role/BalanceSheet">
  <link:loc xlink:type="locator" xlink:href="us-gaap.xsd#us-gaap_Assets" xlink:label="a"/>
 </link:presentationLink>
 <link:presentationLink xlink:type="extended" xlink:role="http://www.example.com/role/ComponentsOfTotalComprehensiveIncome">
  <link:loc xlink:type="locator" xlink:href="us-gaap.xsd#us-gaap_Revenues" xlink:label="r"/>
 </link:presentationLink>
</link:linkbase>
"""
_ROLES = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase">
 <xs:annotation><xs:appinfo>
  <link:roleType roleURI="http://www.example.com/role/BalanceSheet" id="BalanceSheet">
   <link:definition>0020 - Statement - Consolidated Balance Sheets</link:definition>
  </link:roleType>
  <link:roleType roleURI="http://www.example.com/role/ComponentsOfTotalComprehensiveIncome" id="Oci">
   <link:definition>0170 - Disclosure - Components of Total Comprehensive Income</link:definition>
  </link:roleType>
 </xs:appinfo></xs:annotation>
</xs:schema>
"""


def test_statement_roles_are_those_the_filers_schema_defines_as_statements(tmp_path, capsys):
    """--statements: a role the filer's schema defines '- Statement -' is a statement, one it
    defines '- Disclosure -' is not, whatever its name says ('ComponentsOfTotalComprehensiveIncome'
    was taken for an income statement, so Apple's notes counted as statement facts); without
    such a schema the role names decide."""
    theirs = tmp_path / "theirs.xml"
    theirs.write_text(OURS.read_text())
    (tmp_path / "theirs_pre.xml").write_text(_PRE)
    assert main(["compare", str(OURS), str(theirs), "--statements", "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert {f["concept"] for f in result["facts"]} == {"Assets", "Revenues"}
    (tmp_path / "theirs.xsd").write_text(_ROLES)
    assert main(["compare", str(OURS), str(theirs), "--statements", "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert {f["concept"] for f in result["facts"]} == {"Assets"}
