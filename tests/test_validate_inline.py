"""txt2xbrl validate reads Inline XBRL: the converter's inline copies validate clean and their target
instances hold exactly the facts of the XML instances; broken copies (a format no registry
defines, a value the format cannot read, an id used twice, a continuation that is missing, a
number tagged with a text concept) are caught, with Arelle's codes, and Arelle agrees."""
import re
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SEEDS, SHARED
from converter.pipeline import convert_to_folder
from converter.validator.inline import target_instance
from converter.validator.loading import load_xml
from converter.validator.run import validate_file

CORPUS = SHARED / "corpus"


def _facts(root) -> set[tuple]:
    out = set()
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        text = (el.text or "").strip()
        value = Decimal(text) if el.get("unitRef") else text
        out.add((el.tag, el.get("contextRef"), el.get("unitRef"), el.get("decimals"), value))
    return out


@pytest.fixture(scope="module")
def inline_outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("inline")
    sources = sorted(SEEDS.glob("*.txt")) + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    folders = []
    for source in sources:
        r = convert_to_folder(source, out, formats=("xml", "ixbrl"))
        assert r.ok, r.error
        folders.append(Path(r.output))
    return folders


def test_the_converters_inline_copies_validate_clean_with_the_facts_of_the_xml(inline_outputs):
    assert len(inline_outputs) >= 3
    for folder in inline_outputs:
        inline = next(folder.glob("*.ixbrl.xhtml"))
        xml = folder / f"{folder.name}.xml"
        result = validate_file(inline)
        assert [f.text() for f in result.findings if f.severity == "error"] == [], inline
        findings = []
        target, _ = target_instance([(load_xml(inline)[0], str(inline))], findings)
        assert findings == [] and _facts(target) == _facts(load_xml(xml)[0]), inline
        assert result.facts == validate_file(xml).facts


def _mutant(folder: Path, tmp: Path, change) -> Path:
    """A copy of the folder with the inline document changed."""
    tmp.mkdir(parents=True, exist_ok=True)
    for f in folder.iterdir():
        if f.is_file():
            (tmp / f.name).write_bytes(f.read_bytes())
    inline = next(tmp.glob("*.ixbrl.xhtml"))
    text = inline.read_text()
    changed = change(text)
    assert changed != text
    inline.write_text(changed)
    return inline


MUTANTS = {
    "ix11.10.1.2:invalidTransformation": lambda t: t.replace('format="ixt:num-dot-decimal"', 'format="ixt:num-dotdecimal"', 1),
    "ix11.10.1.1:transformValueError": lambda t: re.sub(r'(format="ixt:num-dot-decimal"[^>]*>)([0-9,]+)', r"\1x\2", t, count=1),
    "xml.3.3.1:idMustBeUnique": lambda t: t.replace('id="f2"', 'id="f1"', 1),
    "ix11.11.1.2:continuationMissing": lambda t: re.sub(r"<ix:nonNumeric ", '<ix:nonNumeric continuedAt="nowhere" ', t, count=1),
    "xbrl:unitOnNonNumeric": lambda t: re.sub(r'(<ix:nonFraction name=")[^"]+', r"\1dei:EntityRegistrantName", t, count=1),
}


@pytest.mark.parametrize("code", list(MUTANTS))
def test_each_kind_of_broken_inline_copy_is_caught(inline_outputs, tmp_path, code):
    folder = next(f for f in inline_outputs if f.name == "002_827b01e1209febb2")
    inline = _mutant(folder, tmp_path / "m", MUTANTS[code])
    codes = {f.code for f in validate_file(inline).findings if f.severity == "error"}
    assert code.strip() in codes


@pytest.mark.slow
def test_arelle_finds_the_same_inline_errors(inline_outputs, tmp_path):
    from arelle_util import run_arelle

    folder = next(f for f in inline_outputs if f.name == "002_827b01e1209febb2")
    clean = next(folder.glob("*.ixbrl.xhtml"))
    assert [p["code"] for p in run_arelle(clean, tmp_path) if p["level"] == "error"] == []
    for i, code in enumerate(c for c in MUTANTS if not c.startswith("xbrl:")):
        inline = _mutant(folder, tmp_path / f"m{i}", MUTANTS[code])
        theirs = {p["code"] for p in run_arelle(inline, tmp_path, require_load=False) if p["level"] == "error"}
        ours = {f.code for f in validate_file(inline).findings if f.severity == "error"}
        assert theirs == ours, (code, theirs, ours)  # the same errors, no more, no fewer


@pytest.mark.parametrize("fmt,text,value", [
    ("numdotdecimal", "1,234.50", "1234.50"), ("num-dot-decimal", "1 234", "1234"), ("numdotdecimal", "12,34", None),
    ("num-dot-decimal", "12,34", "1234"),  # (registry 4 takes any grouping, as Arelle reads it)
    ("num-comma-decimal", "1.234,5", "1234.5"), ("zerodash", "\u2014", "0"), ("zerodash", "-x", None),
    ("fixed-zero", "nil", "0"), ("fixed-empty", "n/a", ""), ("fixed-true", "yes", "true"),
    ("date-month-day-year", "12/31/2020", "2020-12-31"), ("date-month-day-year", "13/31/2020", None),
    ("date-day-month-year", "31.12.20", "2020-12-31"), ("dateyearmonthday", "2020-02-29", "2020-02-29"),
    ("date-monthname-day-year-en", "December 31, 2020", "2020-12-31"),
    ("datemonthdayyearen", "Dec. 31, 2020", "2020-12-31"), ("date-monthname-day-year-en", "Smarch 3, 2020", None),
    ("date-day-monthname-year-en", "31 December 2020", "2020-12-31"),
    ("boolballotbox", "\u2612", "true"), ("boolballotbox", "\u2610", "false"), ("boolballotbox", "x", None),
])
def test_each_implemented_format_reads_what_it_should(fmt, text, value):
    from converter.validator.inline_facts import read_format as _transform
    assert _transform(fmt, text) == value


def test_scale_and_sign():
    from converter.validator.inline_facts import read_number as _number
    assert _number("1234", "3", "-") == "-1234000"
    assert _number("1.5", "-2", None) == "0.015"
    assert _number("12a", None, None) is None


CHAINS = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dei="http://xbrl.sec.gov/dei/2024"><body>
<div style="display:none"><ix:header><ix:references>
<link:schemaRef xlink:type="simple" xlink:href="https://xbrl.sec.gov/dei/2024/dei-2024.xsd"/></ix:references>
<ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier>
</xbrli:entity><xbrli:period><xbrli:startDate>2020-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate></xbrli:period>
</xbrli:context></ix:resources></ix:header></div>
<p><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c" continuedAt="a">Acme</ix:nonNumeric></p>
<p><ix:continuation id="a" continuedAt="b"> Widget</ix:continuation> <ix:continuation id="b" continuedAt="a"> Co</ix:continuation></p>
<p><ix:continuation id="lonely">never read</ix:continuation></p>
</body></html>"""


def test_continuation_chains(tmp_path):
    path = tmp_path / "chains.htm"
    path.write_text(CHAINS)
    findings = validate_file(path).findings
    codes = {f.code for f in findings if f.severity == "error"}
    assert {"ix11.11.1.2:continuationCycle", "ix11.4.1.2:continuationNotReferenced"} <= codes
    cycle = next(f for f in findings if f.code.endswith("continuationCycle"))
    assert cycle.line == 10 and cycle.file == str(path)


def _hidden_continuation(tmp_path) -> Path:
    doc = CHAINS.replace('<ix:continuation id="lonely">never read</ix:continuation>', "")
    doc = doc.replace("</ix:resources></ix:header>",
                      '</ix:resources><ix:hidden><ix:continuation id="h">x</ix:continuation></ix:hidden></ix:header>')
    doc = doc.replace('continuedAt="b"> Widget', "> Widget").replace('<ix:continuation id="b" continuedAt="a"> Co</ix:continuation>', "")
    path = tmp_path / "hidden.htm"
    path.write_text(doc)
    return path


def test_a_continuation_in_ix_hidden_is_disallowed(tmp_path):
    codes = {f.code for f in validate_file(_hidden_continuation(tmp_path)).findings if f.severity == "error"}
    assert codes == {"ix11.4.1.1:ancestorNodeDisallowed", "ix11.4.1.2:continuationNotReferenced"}


@pytest.mark.slow
def test_arelle_finds_the_same_inline_errors_in_a_hand_written_document(tmp_path):
    from arelle_util import run_arelle

    path = _hidden_continuation(tmp_path)
    theirs = {p["code"] for p in run_arelle(path, tmp_path, require_load=False) if p["level"] == "error"}
    ours = {f.code for f in validate_file(path).findings if f.severity == "error"}
    # (Arelle also validates the page against the XHTML schema, which txt2xbrl does not)
    assert ours == {c for c in theirs if not c.startswith("lxml.")}
