"""Render and validate: golden instances, round trip, escaping, invalid output never written."""
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from conftest import GOLDEN, ROOT, SEED_NAMES, SEEDS, compare_golden
from converter.errors import ValidationFailure
from converter.mapping.mapper import map_filing

from converter.parsing.parser import parse_filing
from converter.pipeline import convert, convert_to_folder
from converter.reading.reader import read_filing
from converter.rendering.render import lexical, render
from converter.validator.schemas import validate_documents

XBRLI = "{http://www.xbrl.org/2003/instance}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_golden_instance(seed_output, name):
    text = (seed_output / name / f"{name}.xml").read_text()
    compare_golden(GOLDEN / f"{name}.xml", text)


def test_example_output_is_current(tmp_path):
    """examples/ holds the seed 10-QSB and what it converts to; keep it true."""
    name = "002_827b01e1209febb2"
    r = convert_to_folder(ROOT / "examples" / f"{name}.txt", tmp_path)
    assert r.ok, r.error
    for f in (ROOT / "examples" / name).iterdir():
        assert (tmp_path / name / f.name).read_text() == f.read_text(), f.name


def read_facts(path: Path) -> dict:
    """(concept, context, unit) -> value text, read back from a written instance."""
    root = etree.parse(str(path)).getroot()
    out = {}
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        qname = etree.QName(el)
        out[(qname.namespace, qname.localname, el.get("contextRef"), el.get("unitRef"))] = (el.text, el.get("decimals"))
    return out


@pytest.mark.parametrize("name", SEED_NAMES)
def test_round_trip(seed_output, name):
    model, _, _ = convert(SEEDS / f"{name}.txt")
    written = read_facts(seed_output / name / f"{name}.xml")
    expected = {}
    for f in model.facts:
        key = (f.concept.namespace, f.concept.name, f.context.id, f.unit.id if f.unit else None)
        expected[key] = (lexical(f.value), None if f.decimals is None else str(f.decimals))
    assert written == expected
    for (ns, name_, ctx, unit), (text, _) in written.items():
        if unit:
            assert Decimal(text) == next(f.value for f in model.facts if f.concept.name == name_ and f.context.id == ctx)


def test_lexical_form():
    assert lexical(Decimal("0.10")) == "0.1"
    assert lexical(Decimal("-0.00")) == "0"
    assert lexical(Decimal("1500.0")) == "1500"
    assert lexical(Decimal("-3544")) == "-3544"
    assert lexical(Decimal("16681.1") * 1000000) == "16681100000"


def _model(name="002_827b01e1209febb2"):
    return map_filing(parse_filing(read_filing(SEEDS / f"{name}.txt")))


def test_labels_with_markup_characters_are_escaped_and_read_back():
    model = _model()
    ext = next(c for c in model.concepts if c.extension)
    odd = dataclasses.replace(ext, label='Gains & "losses" <net> — café')
    concepts = tuple(odd if c is ext else c for c in model.concepts)
    labels = tuple(dataclasses.replace(lab, concept=odd, text=odd.label) if lab.concept.qname == ext.qname else lab
                   for lab in model.labels)
    assert len(labels) > len({lab.concept.qname for lab in labels if lab.concept.qname == ext.qname}) > 0
    model = dataclasses.replace(model, concepts=concepts, labels=labels)
    rendered = render(model, "x&y.txt")
    assert validate_documents(rendered.files, rendered.instance_name, model.schema_file, model.namespace) == []
    lab = next(t for n, t in rendered.files.items() if n.endswith("_lab.xml"))
    texts = [el.text for el in etree.fromstring(lab.encode()).iter("{http://www.xbrl.org/2003/linkbase}label")]
    assert 'Gains & "losses" <net> — café' in texts


def test_invalid_instance_is_reported_with_fact_and_source_line(tmp_path, monkeypatch):
    import converter.pipeline as pipeline

    real_map = pipeline.map_filing

    def broken(parsed, cik=None, narrative=True, zeros=False):
        m = real_map(parsed, cik, narrative, zeros)
        bad = next(f for f in m.facts if f.concept.name == "Revenues")
        facts = tuple(dataclasses.replace(f, value="12abc") if f is bad else f for f in m.facts)
        return dataclasses.replace(m, facts=facts)

    monkeypatch.setattr(pipeline, "map_filing", broken)
    r = pipeline.convert_to_folder(SEEDS / "002_827b01e1209febb2.txt", tmp_path)
    assert not r.ok and r.exit_code == ValidationFailure.exit_code
    assert "us-gaap:Revenues" in r.error and "source line 117" in r.error
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary folder left


def test_period_type_mismatch_in_schema_is_caught():
    model = _model()
    files = dict(render(model, "x.txt").files)
    schema = files[model.schema_file]
    files[model.schema_file] = schema.replace('type="xbrli:monetaryItemType"', 'type="xbrli:noSuchType"', 1)
    findings = validate_documents(files, f"{model.name}.xml", model.schema_file, model.namespace)
    assert findings and findings[0].file == model.schema_file


def test_remote_schema_location_is_refused_not_fetched():
    model = _model()
    files = dict(render(model, "x.txt").files)
    files[model.schema_file] = files[model.schema_file].replace(
        "</xs:schema>", '<xs:import namespace="urn:x" schemaLocation="http://example.com/x.xsd"/></xs:schema>')
    findings = validate_documents(files, f"{model.name}.xml", model.schema_file, model.namespace)
    assert any("not bundled" in f.message for f in findings)
