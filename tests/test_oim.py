"""--formats xml,json,csv,ixbrl: the xBRL-JSON and xBRL-CSV reports and the Inline XBRL copy hold
the XML instance's facts, as Arelle (the reference processor, offline with our taxonomy package)
reads all four: the same concepts, entities, periods, dimensions, units, decimals, values and
footnotes, fact by fact, for the seeds and every corpus filing."""
import json
import re

import pytest

from arelle_util import InProcessArelle
from conftest import SEEDS, SHARED
from converter.package import write_package
from converter.pipeline import convert_to_folder

pytestmark = pytest.mark.slow

CORPUS = SHARED / "corpus"
FILINGS = [SEEDS / p.name for p in sorted(SEEDS.glob("*.txt"))] + sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def arelle(tmp_path_factory):
    package = tmp_path_factory.mktemp("package") / "txt2xbrl-taxonomy.zip"
    write_package(package)
    return InProcessArelle(package)


ALL = ("xml", "json", "csv", "ixbrl")


def _three(folder):
    name = folder.name
    return folder / f"{name}.xml", folder / f"{name}.json", folder / f"{name}-csv" / f"{name}-metadata.json"


@pytest.mark.parametrize("source", FILINGS, ids=lambda p: p.stem)
def test_json_csv_and_inline_hold_the_xml_facts(arelle, tmp_path, source):
    if not source.exists():
        pytest.skip("../shared is not beside the project")
    r = convert_to_folder(source, tmp_path, formats=ALL)
    assert r.ok, r.error
    xml, js, csv_meta = _three(tmp_path / r.name)
    facts, errors = arelle.facts(xml)
    assert errors == [] and facts
    for other in (js, csv_meta, tmp_path / r.name / f"{r.name}.ixbrl.xhtml"):
        got, errors = arelle.facts(other)
        assert errors == [], (other.name, errors[:5])
        assert got == facts, (other.name, sorted(got ^ facts)[:5])


def test_a_changed_value_is_a_difference(arelle, tmp_path):
    """A control: the comparison sees one value changed in the xBRL-JSON, and a footnote link to
    no fact is an error in the xBRL-CSV."""
    r = convert_to_folder(CORPUS / "apple-computer_10-Q_1998-06-26.txt", tmp_path, formats=ALL)
    if not r.ok:
        pytest.skip("../shared is not beside the project")
    xml, js, csv_meta = _three(tmp_path / r.name)
    report = json.loads(js.read_text())
    fact = next(f for f in report["facts"].values() if f["dimensions"]["concept"] == "us-gaap:Revenues")
    fact["value"] = str(int(fact["value"]) + 1000000)
    js.write_text(json.dumps(report))
    facts, _ = arelle.facts(xml)
    got, errors = arelle.facts(js)
    assert errors == [] and len(got ^ facts) == 2
    meta = json.loads(csv_meta.read_text())
    meta["links"]["footnote"]["_"]["facts.r_f99999.value"] = ["footnotes.r_fn1.footnote"]
    csv_meta.write_text(json.dumps(meta))
    assert "xbrlce:unknownLinkSource" in arelle.facts(csv_meta)[1]


def test_the_inline_copy_tags_the_printed_numbers_in_place(tmp_path):
    """Most facts are tagged where they are printed, with the scale and sign that make the printed
    digits their value: Apple's '$ 4,041' of total assets under '(In millions)' is Assets
    4041000000, scale 6; the cover's facts are hidden; a mutant whose printed digits no longer
    match the XML's value is a difference Arelle's reading shows."""
    r = convert_to_folder(CORPUS / "apple-computer_10-Q_1998-06-26.txt", tmp_path, formats=ALL)
    if not r.ok:
        pytest.skip("../shared is not beside the project")
    page = (tmp_path / r.name / f"{r.name}.ixbrl.xhtml").read_text()
    body = page.split("<pre>", 1)[1]
    shown = body.count("<ix:nonFraction ")
    hidden = page.split("<ix:hidden>", 1)[1].split("</ix:hidden>", 1)[0].count("<ix:non")
    assert shown >= 9 * hidden and shown + hidden == 309
    assert re.search(r'<ix:nonFraction name="us-gaap:Assets" contextRef="I19980626" id="f\d+" unitRef="USD" '
                     r'decimals="-6" scale="6" format="ixt:num-dot-decimal">4,041</ix:nonFraction>', body)
    assert 'name="dei:EntityRegistrantName"' in page.split("</ix:hidden>", 1)[0]


def test_an_inline_mutant_is_a_difference(arelle, tmp_path):
    r = convert_to_folder(CORPUS / "apple-computer_10-Q_1998-06-26.txt", tmp_path, formats=ALL)
    if not r.ok:
        pytest.skip("../shared is not beside the project")
    inline = tmp_path / r.name / f"{r.name}.ixbrl.xhtml"
    inline.write_text(inline.read_text().replace('format="ixt:num-dot-decimal">4,041<', 'format="ixt:num-dot-decimal">4,014<', 1))
    facts, _ = arelle.facts(tmp_path / r.name / f"{r.name}.xml")
    got, errors = arelle.facts(inline)
    assert errors == [] and len(got ^ facts) == 2
