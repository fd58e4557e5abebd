"""txt2xbrl validate reads an Inline XBRL document set (one target instance from several
documents, as an EDGAR submission's inline documents are): from a zip, or with --document-set
from files or a folder. References, resources, continuations, footnotes and ids are taken across
the set; each finding names the document and line it concerns. The set here is hand-written in
the style of a 2020s 10-Q: a cover page and balance sheet, and a statement of operations."""
import json
import zipfile
from pathlib import Path

import pytest

from converter.cli import main
from converter.validator.docset import unpacked
from converter.validator.findings import Finding
from converter.validator.inline import target_instance
from converter.validator.loading import load_xml
from converter.validator.run import Job, jobs_for, run_job, validate_set

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<html xml:lang="en-US" xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
 xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
 xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:us-gaap="http://fasb.org/us-gaap/2024">
<head><title>{title}</title></head>
<body>
"""
COVER = HEAD.format(title="Acme Widget Co. Form 10-Q") + """<div style="display:none"><ix:header>
<ix:references>
<link:schemaRef xlink:type="simple" xlink:href="https://xbrl.sec.gov/dei/2024/dei-2024.xsd"/>
<link:schemaRef xlink:type="simple" xlink:href="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>
</ix:references>
<ix:resources>
<xbrli:context id="i2020"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2020-12-31</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:context id="d2020"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2020-10-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
</ix:resources>
</ix:header></div>
<p>Exact name of registrant: <ix:nonNumeric id="name" name="dei:EntityRegistrantName" contextRef="d2020" continuedAt="name2">Acme</ix:nonNumeric></p>
<table>
<tr><td>Total assets</td><td>$<ix:nonFraction id="assets" name="us-gaap:Assets" contextRef="i2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">1,234</ix:nonFraction></td></tr>
<tr><td>Total liabilities</td><td><ix:nonFraction id="liabilities" name="us-gaap:Liabilities" contextRef="i2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">456</ix:nonFraction></td></tr>
</table>
</body></html>
"""
OPERATIONS = HEAD.format(title="Acme Widget Co. Statement of Operations") + """<div style="display:none"><ix:header>
<ix:resources>
<xbrli:context id="d2019"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2019-10-01</xbrli:startDate><xbrli:endDate>2019-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<ix:relationship fromRefs="rev2020" toRefs="fn1"/>
</ix:resources>
</ix:header></div>
<p><ix:continuation id="name2"> Widget Co.</ix:continuation></p>
<table>
<tr><td>Revenues</td><td><ix:nonFraction id="rev2020" name="us-gaap:Revenues" contextRef="d2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">789</ix:nonFraction></td>
<td><ix:nonFraction id="rev2019" name="us-gaap:Revenues" contextRef="d2019" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">701</ix:nonFraction></td></tr>
<tr><td>Net loss</td><td>(<ix:nonFraction id="loss2020" name="us-gaap:NetIncomeLoss" contextRef="d2020" unitRef="usd" decimals="-3" scale="3" sign="-" format="ixt:num-dot-decimal">12</ix:nonFraction>)</td><td>-</td></tr>
</table>
<p><ix:footnote id="fn1">Revenues include one customer's order.</ix:footnote></p>
</body></html>
"""
FACTS = {  # the target instance's facts, worked out by hand from the two documents
    ("{http://xbrl.sec.gov/dei/2024}EntityRegistrantName", "d2020", None, "Acme Widget Co."),
    ("{http://fasb.org/us-gaap/2024}Assets", "i2020", "usd", "1234000"),
    ("{http://fasb.org/us-gaap/2024}Liabilities", "i2020", "usd", "456000"),
    ("{http://fasb.org/us-gaap/2024}Revenues", "d2020", "usd", "789000"),
    ("{http://fasb.org/us-gaap/2024}Revenues", "d2019", "usd", "701000"),
    ("{http://fasb.org/us-gaap/2024}NetIncomeLoss", "d2020", "usd", "-12000"),
}


def _set(folder: Path, cover: str = COVER, operations: str = OPERATIONS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "acme-10q.htm", folder / "acme-ops.htm"]
    paths[0].write_text(cover)
    paths[1].write_text(operations)
    return paths


def _zip(paths: list[Path], zip_path: Path) -> Path:
    with zipfile.ZipFile(zip_path, "w") as zf:
        for p in paths:
            zf.write(p, p.name)
    return zip_path


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def test_the_target_instance_holds_the_facts_of_both_documents(tmp_path):
    paths = _set(tmp_path)
    findings = []
    target, _ = target_instance([(load_xml(p)[0], str(p)) for p in paths], findings)
    facts = {(el.tag, el.get("contextRef"), el.get("unitRef"), el.text) for el in target if el.get("contextRef")}
    assert findings == [] and facts == FACTS
    assert len(target.findall("{http://www.xbrl.org/2003/linkbase}footnoteLink")) == 1


def test_a_set_validates_clean_from_a_folder_and_from_a_zip(tmp_path, capsys):
    paths = _set(tmp_path / "set")
    assert main(["validate", "--document-set", str(tmp_path / "set")]) == 0
    assert "6 facts: 0 error(s)" in capsys.readouterr().out
    archive = _zip(paths, tmp_path / "acme.zip")
    assert main(["validate", str(archive), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["facts"]) for r in report["instances"]] == [(str(archive), 6)]
    # without --document-set each document is its own target: the continuation is missing from
    # the first, and the second names no schema
    assert main(["validate", str(tmp_path / "set")]) == 1
    out = capsys.readouterr().out
    assert "continuationMissing" in out and "missingReferences" in out


def test_findings_name_the_document_and_line_they_concern(tmp_path):
    ops = OPERATIONS.replace('contextRef="d2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">789',
                             'contextRef="i2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">789')
    ops = ops.replace("<xbrli:startDate>2019-10-01", "<xbrli:startDate>2020-10-01")
    ops = ops.replace('id="loss2020"', 'id="assets"')
    paths = _set(tmp_path, operations=ops)
    archive = _zip(paths, tmp_path / "acme.zip")
    [result] = run_job(Job(str(archive), [archive], zipped=True))
    where = {(f.code, f.file, f.line) for f in _errors(result.findings)}
    ops_name = f"{archive}/acme-ops.htm"
    assert where == {
        ("xbrl:periodType", ops_name, _line(ops, 'id="rev2020"')),  # a duration concept in an instant context
        ("xbrl:periodStartAfterEnd", ops_name, _line(ops, '<xbrli:context id="d2019">')),
        ("ix11.10.1.2:uniqueIxId", ops_name, _line(ops, 'name="us-gaap:NetIncomeLoss"')),  # first in the cover
    }
    assert not any("txt2xbrl-ixds-" in f.file or "txt2xbrl-ixds-" in f.message for f in result.findings)


def test_a_line_past_65535_is_reported_on_its_line(tmp_path):
    padded = OPERATIONS.replace("<table>", "\n" * 70_000 + "<table>")
    padded = padded.replace('contextRef="d2019" unitRef="usd"', 'contextRef="i2020" unitRef="usd"')
    paths = _set(tmp_path, operations=padded)
    result = validate_set(paths, str(tmp_path))
    [wrong] = _errors(result.findings)
    assert (wrong.code, wrong.file, wrong.line) == ("xbrl:periodType", str(paths[1]), _line(padded, 'id="rev2019"'))
    assert wrong.line > 70_000


def test_facts_of_another_target_are_read_only_when_asked(tmp_path):
    ops = OPERATIONS.replace('<ix:nonFraction id="rev2019"', '<ix:nonFraction target="statutory" id="rev2019"')
    paths = _set(tmp_path, operations=ops)
    default = validate_set(paths, str(tmp_path))
    # (the context of the fact left out is then unused in the default target)
    assert default.facts == 5 and {f.code for f in default.findings} == {
        "inline:otherTarget", "xbrl:unusedContext", "ix11.12.1.2:missingReferenceTargets"}
    statutory = validate_set(paths, str(tmp_path), target="statutory")
    assert statutory.facts == 1  # (its target has no references: missingReferenceTargets, read or not, as Arelle says)
    assert "ix11.12.1.2:missingReferenceTargets" in {f.code for f in statutory.findings}
    assert "ix11.12.1.2:missingReferenceTargets" in {f.code for f in default.findings}


@pytest.mark.parametrize("member", ["../evil.htm", "/etc/evil.htm"])
def test_a_zip_member_that_would_land_outside_is_refused(tmp_path, member, capsys):
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("acme-10q.htm", COVER)
        zf.writestr(member, "x")
    assert main(["validate", str(archive)]) == 2
    assert "input:unsafeZip" in capsys.readouterr().out
    assert not (tmp_path.parent / "evil.htm").exists()


def test_a_zip_larger_than_the_limit_is_refused_before_unpacking(tmp_path):
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("acme-10q.htm", COVER + " " * 2_000_000)
    with pytest.raises(Exception) as caught:
        with unpacked(archive, 1_000_000):
            pass
    assert caught.value.finding.code == "input:tooLarge"


@pytest.mark.slow
def test_arelle_reads_the_same_set_and_finds_the_same_errors(tmp_path):
    from arelle_util import arelle_kind, run_arelle

    clean = _zip(_set(tmp_path / "clean"), tmp_path / "clean.zip")
    assert [p["code"] for p in run_arelle(clean, tmp_path, plugins="inlineXbrlDocumentSet")
            if p["level"] == "error"] == []
    ops = OPERATIONS.replace('contextRef="d2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">789',
                             'contextRef="i2020" unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">789')
    ops = ops.replace('id="loss2020"', 'id="assets"').replace(' Widget Co.</ix:continuation>', " Widget Co.</ix:continuation>"
                                                             '<ix:continuation id="spare">x</ix:continuation>')
    ops = ops.replace('xml:lang="en-US" ', "")
    broken = _zip(_set(tmp_path / "broken", operations=ops), tmp_path / "broken.zip")
    theirs = {p["code"] for p in run_arelle(broken, tmp_path, plugins="inlineXbrlDocumentSet", require_load=False)
              if p["level"] == "error"}
    [result] = run_job(Job(str(broken), [broken], zipped=True))
    ours = {f.code for f in _errors(result.findings)}
    assert ours == {"xbrl:periodType", "ix11.10.1.2:uniqueIxId", "ix11.4.1.2:continuationNotReferenced",
                    "ix11.6.1.2:footnoteLang"}
    assert {arelle_kind(c, theirs) for c in ours} == theirs  # the same errors (Arelle's names), no more, no fewer


def test_a_format_name_unknown_to_a_registry_known_in_part_is_not_checked(tmp_path):
    """Our copy of the SEC's registry comes from secondary sources: a name of its namespace that the
    copy lacks leaves its fact not checked; a name the XII registry 4 does not define is an error."""
    sec = COVER.replace('xmlns:ixt="', 'xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"\n xmlns:ixt="')
    unknown_sec = sec.replace('format="ixt:num-dot-decimal">1,234', 'format="ixt-sec:num-word-en">one thousand')
    paths = _set(tmp_path / "sec", cover=unknown_sec)
    result = validate_set(paths, str(tmp_path / "sec"))
    assert _errors(result.findings) == [] and result.facts == 5
    assert any(f.code == "dts:notChecked" and "1 inline facts" in f.message for f in result.findings)
    unknown_xii = COVER.replace('format="ixt:num-dot-decimal">1,234', 'format="ixt:num-word-en">one thousand')
    paths = _set(tmp_path / "xii", cover=unknown_xii)
    assert [f.code for f in _errors(validate_set(paths, str(tmp_path / "xii")).findings)] == [
        "ix11.10.1.2:invalidTransformation"]


def test_a_text_an_sec_format_here_cannot_read_is_not_checked_and_one_it_reads_is(tmp_path):
    sec = COVER.replace('xmlns:ixt="', 'xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"\n xmlns:ixt="')
    words = sec.replace('format="ixt:num-dot-decimal">1,234', 'format="ixt-sec:numwordsen">one thousand two hundred '
                                                                'thirty-four')
    findings = []
    target, _ = target_instance([(load_xml(p)[0], str(p)) for p in _set(tmp_path / "read", cover=words)], findings)
    assert findings == [] and target.find("{http://fasb.org/us-gaap/2024}Assets").text == "1234000"
    odd = sec.replace('format="ixt:num-dot-decimal">1,234', 'format="ixt-sec:numwordsen">one and one-half')
    result = validate_set(_set(tmp_path / "odd", cover=odd), str(tmp_path / "odd"))
    assert _errors(result.findings) == [] and result.facts == 5
    assert any(f.code == "dts:notChecked" for f in result.findings)


def test_a_zipped_set_is_read_without_a_socket(tmp_path, monkeypatch):
    import socket

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise AssertionError("validate opened a socket")
    monkeypatch.setattr(socket, "socket", NoSocket)
    archive = _zip(_set(tmp_path / "set"), tmp_path / "acme.zip")
    [result] = run_job(Job(str(archive), [archive], zipped=True))
    assert result.facts == 6 and _errors(result.findings) == []


@pytest.mark.parametrize("members", [
    {"x": "a", "x/y.htm": COVER},  # a file where a folder must go
    {"n" * 300 + ".htm": COVER},  # a name longer than the file system takes
])
def test_a_zip_that_cannot_be_unpacked_is_one_clear_finding(tmp_path, capsys, members):
    archive = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for member, text in members.items():
            zf.writestr(member, text)
    assert main(["validate", str(archive)]) == 2
    out = capsys.readouterr().out
    assert "input:unreadable" in out and "Traceback" not in out


def test_a_corrupt_member_is_one_clear_finding(tmp_path, capsys):
    archive = tmp_path / "corrupt.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("acme-10q.htm", COVER)
    data = bytearray(archive.read_bytes())
    at = data.index(b"Acme Widget")  # (stored, not compressed: the member's bytes are in the zip as they are)
    data[at] ^= 0xFF
    archive.write_bytes(bytes(data))
    assert main(["validate", str(archive)]) == 2
    assert "input:unreadable" in capsys.readouterr().out


def test_each_document_names_its_schema_from_its_own_folder(tmp_path):
    """The documents of a set may lie in different folders: a relative schemaRef is read from its own."""
    (tmp_path / "ex").mkdir()
    (tmp_path / "acme.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"/>')
    extra = '<link:schemaRef xlink:type="simple" xlink:href="acme.xsd"/>\n'
    cover = COVER.replace("</ix:references>", extra + "</ix:references>")
    ops = OPERATIONS.replace("<ix:header>", "<ix:header><ix:references>" + extra.replace("acme.xsd", "../acme.xsd")
                             + "</ix:references>")
    (tmp_path / "a.htm").write_text(cover)
    (tmp_path / "ex" / "b.htm").write_text(ops)
    result = validate_set([tmp_path / "ex" / "b.htm", tmp_path / "a.htm"], str(tmp_path))
    assert _errors(result.findings) == [], [f.text() for f in result.findings]


def test_messages_name_the_documents_lines(tmp_path):
    ops = OPERATIONS.replace("</table>", '<tr><td><ix:nonFraction id="rev2020b" name="us-gaap:Revenues" contextRef="d2020" '
                             'unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">795</ix:nonFraction>'
                             "</td></tr></table>")
    paths = _set(tmp_path, operations=ops)
    [duplicate] = [f for f in validate_set(paths, str(tmp_path)).findings if f.code == "xbrl:inconsistentDuplicate"]
    lines = (_line(ops, 'id="rev2020"'), _line(ops, 'id="rev2020b"'))
    assert f"line {lines[0]} of {paths[1]}, line {lines[1]} of {paths[1]}" in duplicate.message


def test_a_context_repeated_across_the_set_is_reported_once_per_rule(tmp_path):
    ops = OPERATIONS.replace('<xbrli:context id="d2019">', '<xbrli:context id="d2020">').replace('contextRef="d2019"',
                                                                                                 'contextRef="d2020"')
    codes = [f.code for f in validate_set(_set(tmp_path, operations=ops), str(tmp_path)).findings]
    assert "ix11.14.1.2:uniqueIxId" in codes
    assert not any("urn:txt2xbrl" in f.message for f in validate_set(_set(tmp_path, operations=ops), str(tmp_path)).findings)


def test_a_file_named_beside_its_folder_is_read_once(tmp_path):
    paths = _set(tmp_path / "set")
    [job], missing = jobs_for([tmp_path / "set", paths[0]], document_set=True)
    [result] = run_job(job)
    assert missing == [] and _errors(result.findings) == [] and result.facts == 6
