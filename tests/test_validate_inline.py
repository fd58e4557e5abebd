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
        target = target_instance(load_xml(inline)[0], str(inline), findings)
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
