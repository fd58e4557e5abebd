"""XBRL Dimensions 1.0 in txt2xbrl validate: the converter's dimensional outputs (segment columns,
consolidating statements, pro forma and equity roll-forwards) are valid; contexts broken in each
way (a member outside the domain, the default given, a non-dimension as dimension, a dimension
twice) are caught with Arelle's codes, and Arelle finds exactly the same errors."""
from pathlib import Path

import pytest

from converter.pipeline import convert_to_folder
from converter.validator.run import validate_file

DIMS = Path(__file__).parent / "dims"
AXIS = '<xbrldi:explicitMember dimension="us-gaap:StatementBusinessSegmentsAxis">filer:ManufacturingMember</xbrldi:explicitMember>'
MUTANTS = {
    "xbrldie:PrimaryItemDimensionallyInvalidError":
        AXIS.replace("filer:ManufacturingMember", "us-gaap:StatementLineItems"),
    "xbrldie:DefaultValueUsedInInstanceError": AXIS.replace("filer:ManufacturingMember", "us-gaap:SegmentDomain"),
    "xbrldie:ExplicitMemberNotExplicitDimensionError":
        AXIS.replace("us-gaap:StatementBusinessSegmentsAxis", "us-gaap:StatementLineItems"),
    "xbrldie:RepeatedDimensionInInstanceError": AXIS + AXIS.replace("filer:ManufacturingMember", "filer:CreditOperationsMember"),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("dims")
    results = [convert_to_folder(case, out, cik="1") for case in sorted(DIMS.glob("*.txt"))]
    assert all(r.ok for r in results)
    return [Path(r.output) for r in results]


def test_the_converters_dimensional_outputs_are_valid(outputs):
    assert len(outputs) == 5
    for folder in outputs:
        result = validate_file(folder / f"{folder.name}.xml")
        assert [f.text() for f in result.findings if f.severity == "error"] == []


def _mutant(outputs, tmp: Path, replacement: str) -> Path:
    folder = next(f for f in outputs if f.name == "segment_columns_cash_flows")
    tmp.mkdir(parents=True, exist_ok=True)
    for f in folder.iterdir():
        (tmp / f.name).write_bytes(f.read_bytes())
    instance = tmp / f"{folder.name}.xml"
    text = instance.read_text()
    assert AXIS in text
    instance.write_text(text.replace(AXIS, replacement, 1))
    return instance


@pytest.mark.parametrize("code", list(MUTANTS))
def test_each_kind_of_broken_context_is_caught(outputs, tmp_path, code):
    instance = _mutant(outputs, tmp_path / "m", MUTANTS[code])
    assert code in {f.code for f in validate_file(instance).findings if f.severity == "error"}


@pytest.mark.slow
def test_arelle_finds_the_same_dimensional_errors(outputs, tmp_path):
    from arelle_util import run_arelle

    for i, code in enumerate(MUTANTS):
        instance = _mutant(outputs, tmp_path / f"m{i}", MUTANTS[code])
        theirs = {p["code"] for p in run_arelle(instance, tmp_path, require_load=False) if p["level"] == "error"}
        ours = {f.code for f in validate_file(instance).findings if f.severity == "error"}
        assert theirs == ours, (code, theirs, ours)


def test_a_member_the_bundled_subset_lacks_leaves_dimensional_validity_unjudged(outputs, tmp_path):
    # the filer's member renamed to a real US-GAAP member the subset does not declare: its
    # domain cannot be known without the taxonomy, so no fact is called dimensionally invalid
    folder = next(f for f in outputs if f.name == "segment_columns_cash_flows")
    for f in folder.iterdir():
        text = f.read_text().replace("filer-19961231.xsd#filer_ManufacturingMember",
                                     "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd#us-gaap_CorporateNonSegmentMember")
        (tmp_path / f.name).write_text(text.replace("filer:ManufacturingMember", "us-gaap:CorporateNonSegmentMember"))
    result = validate_file(tmp_path / f"{folder.name}.xml")
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert any(f.code == "dts:notChecked" and "dimensional" in f.message for f in result.findings)
