"""Tuples and fraction items, in XBRL instances and in Inline XBRL (ix:tuple, ix:fraction): the
facts inside a tuple are read and checked like any other, a tuple is not a fact without a context,
a fraction item needs no decimals; the tuples' content models are reported not checked. Arelle
reads the same inputs with the same errors. The inputs are hand-written: a filer's schedule of
officers (a tuple of name and pay, an older XBRL 2.1 style) and a split ratio as a fraction."""
from pathlib import Path

import pytest

from converter.validator.run import validate_file

SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  targetNamespace="http://example.com/acme" xmlns:acme="http://example.com/acme" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="Officer" id="acme_Officer" substitutionGroup="xbrli:tuple" nillable="false">
    <xs:complexType><xs:complexContent><xs:restriction base="xs:anyType"><xs:sequence>
      <xs:element ref="acme:OfficerName"/><xs:element ref="acme:OfficerPay"/></xs:sequence>
      <xs:attribute name="id" type="xs:ID"/></xs:restriction></xs:complexContent></xs:complexType>
  </xs:element>
  <xs:element name="OfficerName" id="acme_OfficerName" type="xbrli:stringItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration"/>
  <xs:element name="OfficerPay" id="acme_OfficerPay" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" xbrli:balance="debit"/>
  <xs:element name="SplitRatio" id="acme_SplitRatio" type="xbrli:fractionItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration"/>
</xs:schema>
"""
CONTEXT_UNITS = """<xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>1996-01-01</xbrli:startDate><xbrli:endDate>1996-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
<xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>"""
NS = ('xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
      'xmlns:acme="http://example.com/acme"')
XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl {NS}>
<link:schemaRef xlink:type="simple" xlink:href="acme.xsd"/>
{CONTEXT_UNITS}
<acme:Officer id="o1"><acme:OfficerName contextRef="fy">Jane Roe</acme:OfficerName>
<acme:OfficerPay contextRef="fy" unitRef="usd" decimals="0">250000</acme:OfficerPay></acme:Officer>
<acme:Officer id="o2"><acme:OfficerName contextRef="fy">John Doe</acme:OfficerName>
<acme:OfficerPay contextRef="fy" unitRef="usd" decimals="0">180000</acme:OfficerPay></acme:Officer>
<acme:SplitRatio contextRef="fy" unitRef="pure"><xbrli:numerator>3</xbrli:numerator><xbrli:denominator>2</xbrli:denominator></acme:SplitRatio>
</xbrli:xbrl>
"""
INLINE = f"""<?xml version="1.0" encoding="utf-8"?>
<html xml:lang="en-US" xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" {NS}>
<head><title>Acme officers</title></head><body>
<div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="acme.xsd"/></ix:references>
<ix:resources>{CONTEXT_UNITS}</ix:resources></ix:header></div>
<div><ix:tuple name="acme:Officer" id="o1"><table>
<tr><td><ix:nonNumeric name="acme:OfficerName" contextRef="fy" order="1">Jane Roe</ix:nonNumeric></td>
<td><ix:nonFraction name="acme:OfficerPay" contextRef="fy" unitRef="usd" decimals="0" order="2" format="ixt:num-dot-decimal">250,000</ix:nonFraction></td></tr>
</table></ix:tuple></div>
<table><tr><td><ix:nonFraction name="acme:OfficerPay" contextRef="fy" unitRef="usd" decimals="0" tupleRef="t2" order="2" format="ixt:num-dot-decimal">180,000</ix:nonFraction></td>
<td><ix:nonNumeric name="acme:OfficerName" contextRef="fy" tupleRef="t2" order="1">John Doe</ix:nonNumeric></td></tr>
</table>
<div style="display:none"><ix:tuple name="acme:Officer" id="o2" tupleID="t2"/></div>
<p>A <ix:fraction name="acme:SplitRatio" contextRef="fy" unitRef="pure"><ix:numerator>3</ix:numerator>-for-<ix:denominator>2</ix:denominator></ix:fraction> split.</p>
</body></html>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "acme.xsd").write_text(SCHEMA)
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("name,text", [("acme.xml", XML), ("acme.htm", INLINE)])
def test_tuples_and_fractions_are_read_and_their_facts_checked(tmp_path, name, text):
    result = validate_file(_write(tmp_path, name, text))
    assert result.facts == 5  # two names, two pays, one ratio
    assert [(f.code, f.severity) for f in result.findings] == [("dts:notChecked", "warning")]
    assert "2 tuples" in result.findings[0].message


def test_the_inline_tuples_hold_their_facts_in_order(tmp_path):
    from converter.validator.inline import target_instance
    from converter.validator.loading import load_xml

    path = _write(tmp_path, "acme.htm", INLINE)
    findings = []
    target, _ = target_instance([(load_xml(path)[0], str(path))], findings)
    officers = target.findall("{http://example.com/acme}Officer")
    assert findings == [] and [[(c.tag.rpartition("}")[2], c.text) for c in o] for o in officers] == [
        [("OfficerName", "Jane Roe"), ("OfficerPay", "250000")], [("OfficerName", "John Doe"), ("OfficerPay", "180000")]]
    ratio = target.find("{http://example.com/acme}SplitRatio")
    assert [c.text for c in ratio] == ["3", "2"]


MUTANTS = {  # (the change, the error each validator reports)
    "pay_not_a_number": (lambda t: t.replace(">250000<", ">a lot<").replace(">250,000<", ">a lot<"), None),
    "pay_without_unit": (lambda t: t.replace('contextRef="fy" unitRef="usd" decimals="0">250000',
                                             'contextRef="fy" decimals="0">250000').replace(
        'unitRef="usd" decimals="0" order="2"', 'decimals="0" order="2"'), "xbrl:unitMissing"),
    "name_in_no_context": (lambda t: t.replace('OfficerName contextRef="fy">Jane', 'OfficerName contextRef="fx">Jane')
                           .replace('contextRef="fy" order="1">Jane', 'contextRef="fx" order="1">Jane'),
                           "xbrl:contextMissing"),
}


@pytest.mark.parametrize("case", sorted(MUTANTS))
@pytest.mark.parametrize("name,text", [("acme.xml", XML), ("acme.htm", INLINE)])
def test_a_broken_fact_inside_a_tuple_is_caught(tmp_path, name, text, case):
    change, code = MUTANTS[case]
    changed = change(text)
    assert changed != text
    codes = {f.code for f in validate_file(_write(tmp_path, name, changed)).findings if f.severity == "error"}
    assert code in codes if code else codes  # (a value that is no number: xsd:invalid, or transformValueError inline)


def test_inline_tuple_rules(tmp_path):
    broken = INLINE.replace('tupleRef="t2" order="2"', 'tupleRef="t9" order="2"').replace(
        'tupleRef="t2" order="1"', 'tupleRef="t2"')
    codes = {f.code for f in validate_file(_write(tmp_path, "acme.htm", broken)).findings if f.severity == "error"}
    assert {"ix11.10.1.2:tupleRefMissing", "ix11.11.1.2:tupleMemberOrderMissing"} <= codes


@pytest.mark.slow
@pytest.mark.parametrize("name,text", [("acme.xml", XML), ("acme.htm", INLINE)])
def test_arelle_agrees(tmp_path, name, text):
    from arelle_util import arelle_kind, run_arelle

    path = _write(tmp_path, name, text)
    assert [p["code"] for p in run_arelle(path, tmp_path, require_load=False) if p["level"] == "error"] == []
    for case, (change, _) in sorted(MUTANTS.items()):
        broken = _write(tmp_path / case, name, change(text)) if (tmp_path / case).mkdir() is None else None
        theirs = {p["code"] for p in run_arelle(broken, tmp_path / case, require_load=False) if p["level"] == "error"}
        ours = {f.code for f in validate_file(broken).findings if f.severity == "error"}
        # (Arelle also validates an inline page against the XHTML and ix schemas, which validate does not)
        theirs = {c for c in theirs if not c.startswith("lxml.")}
        assert {arelle_kind(c, theirs) for c in ours} == theirs, (case, ours, theirs)


def _inline_errors(tmp_path, text) -> set[str]:
    result = validate_file(_write(tmp_path, "acme.htm", text))
    assert not any(f.code == "internal:error" for f in result.findings), [f.text() for f in result.findings]
    return {f.code for f in result.findings if f.severity == "error"}


def test_a_tuple_that_would_contain_itself_is_reported_not_a_crash(tmp_path):
    cyclic = INLINE.replace('<ix:tuple name="acme:Officer" id="o2" tupleID="t2"/>',
                            '<ix:tuple name="acme:Officer" id="o2" tupleID="t2" tupleRef="t2" order="1"/>')
    assert "inline:tupleCycle" in _inline_errors(tmp_path, cyclic)


def test_a_large_scale_is_read_exactly(tmp_path):
    from converter.validator.inline_facts import read_number as _number
    assert _number("1", "30", None) == "1" + "0" * 30
    big = INLINE.replace('<ix:numerator>3</ix:numerator>', '<ix:numerator scale="30">3</ix:numerator>')
    assert _inline_errors(tmp_path, big) == set()


def test_an_empty_tuple_is_a_tuple_by_its_declaration(tmp_path):
    empty = XML.replace("</xbrli:xbrl>", '<acme:Officer id="o3"/>\n</xbrli:xbrl>')
    result = validate_file(_write(tmp_path, "acme.xml", empty))
    assert "xbrl:contextMissing" not in {f.code for f in result.findings}
    assert "3 tuples" in next(f.message for f in result.findings if f.code == "dts:notChecked")


def test_the_fraction_rules(tmp_path):
    nil_with_terms = INLINE.replace('<ix:fraction name="acme:SplitRatio"',
                                    '<ix:fraction xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true" '
                                    'name="acme:SplitRatio"')
    assert {"ix11.7.1.2:nilFractionChildren", "ix11.7.1.3:fractionNilTerms"} <= _inline_errors(tmp_path, nil_with_terms)
    negative = INLINE.replace("<ix:numerator>3</ix:numerator>", "<ix:numerator>-3</ix:numerator>")
    assert "ix11.7.1.3:fractionTermNegative" in _inline_errors(tmp_path, negative)
    no_denominator = INLINE.replace("-for-<ix:denominator>2</ix:denominator>", "")
    assert {"ix11.7.1.2:fractionChildren", "ix11.7.1.3:fractionTerms"} <= _inline_errors(tmp_path, no_denominator)


def test_a_tuple_member_of_another_target(tmp_path):
    other = INLINE.replace('<ix:tuple name="acme:Officer" id="o2" tupleID="t2"/>',
                           '<ix:tuple name="acme:Officer" id="o2" tupleID="t2" target="statutory"/>')
    assert "ix11.10.1.2:tupleMemberDifferentTarget" in _inline_errors(tmp_path, other)


@pytest.mark.slow
def test_arelle_names_the_fraction_and_target_errors_alike(tmp_path):
    from arelle_util import run_arelle

    cases = {
        "negative": INLINE.replace("<ix:numerator>3</ix:numerator>", "<ix:numerator>-3</ix:numerator>"),
        "other_target": INLINE.replace('<ix:tuple name="acme:Officer" id="o2" tupleID="t2"/>',
                                       '<ix:tuple name="acme:Officer" id="o2" tupleID="t2" target="statutory"/>'),
    }
    for case, text in cases.items():
        folder = tmp_path / case
        folder.mkdir()
        path = _write(folder, "acme.htm", text)
        theirs = {p["code"] for p in run_arelle(path, folder, require_load=False) if p["level"] == "error"
                  and p["code"].startswith("ix11")}
        ours = {c for c in _inline_errors(folder, text) if c.startswith("ix11")}
        assert ours == theirs, (case, ours, theirs)


CALC = """<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
<link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
<link:loc xlink:type="locator" xlink:href="acme.xsd#acme_TotalPay" xlink:label="total"/>
<link:loc xlink:type="locator" xlink:href="acme.xsd#acme_OfficerPay" xlink:label="pay"/>
<link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="total"
 xlink:to="pay" weight="1"/>
</link:calculationLink></link:linkbase>
"""


def test_facts_inside_tuples_are_summed_only_with_their_siblings(tmp_path):
    """A total at the top level and a child inside a tuple are no calculation (as Arelle reads it)."""
    schema = SCHEMA.replace('  <xs:element name="SplitRatio"', '  <xs:element name="TotalPay" id="acme_TotalPay" '
                            'type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" '
                            'xbrli:balance="debit"/>\n  <xs:element name="SplitRatio"')
    schema = schema.replace('elementFormDefault="qualified">', 'elementFormDefault="qualified">\n  <xs:annotation>'
                            '<xs:appinfo><link:linkbaseRef xmlns:link="http://www.xbrl.org/2003/linkbase" '
                            'xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" xlink:href="acme_cal.xml" '
                            'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>')
    (tmp_path / "acme_cal.xml").write_text(CALC)
    one_officer = XML[:XML.index('<acme:Officer id="o2">')] + XML[XML.index("<acme:SplitRatio"):]
    text = one_officer.replace("</xbrli:xbrl>", '<acme:TotalPay contextRef="fy" unitRef="usd" decimals="0">100'
                                                "</acme:TotalPay>\n</xbrli:xbrl>")
    path = _write(tmp_path, "acme.xml", text)
    (tmp_path / "acme.xsd").write_text(schema)
    codes = {f.code for f in validate_file(path).findings}
    assert "calc:inconsistent" not in codes and "xsd:invalid" not in codes, codes


def test_a_utf16_instance_is_read_as_well(tmp_path):
    nil = ('<acme:TotalPay xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" contextRef="fy" unitRef="usd" '
           'xsi:nil="true"/>\n</xbrli:xbrl>')
    schema = SCHEMA.replace('  <xs:element name="SplitRatio"', '  <xs:element name="TotalPay" id="acme_TotalPay" '
                            'type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" '
                            'nillable="true"/>\n  <xs:element name="SplitRatio"')
    text = XML.replace("</xbrli:xbrl>", nil).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    (tmp_path / "acme.xsd").write_text(schema)
    path = tmp_path / "acme.xml"
    path.write_bytes(text.encode("utf-16"))
    assert [f.code for f in validate_file(path).findings if f.severity == "error"] == []  # (no decimalsMissing)


def test_decimals_and_precision_inside_a_tuple(tmp_path):
    both = XML.replace('unitRef="usd" decimals="0">250000', 'unitRef="usd" decimals="0" precision="6">250000')
    codes = {f.code for f in validate_file(_write(tmp_path, "acme.xml", both)).findings}
    assert "xbrl:decimalsAndPrecision" in codes


def test_a_fact_inside_a_tuple_of_another_target(tmp_path):
    other = INLINE.replace('<ix:tuple name="acme:Officer" id="o1">', '<ix:tuple name="acme:Officer" id="o1" target="x">')
    assert "ix11.11.1.2:tupleMemberDifferentTarget" in _inline_errors(tmp_path, other)
