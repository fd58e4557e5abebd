"""Small golden cases, one per hard layout: each input in tests/cases/ with what it parses and
maps to (tests/cases/NAME.golden.json, checked by hand; TXT2XBRL_REGEN_GOLDEN=1 rewrites)."""
import json
from pathlib import Path

import pytest

from conftest import HERE, compare_golden
from converter.inspect import model_dict
from converter.mapping.labels import normalise
from converter.mapping.mapper import map_filing
from converter.parsing.parser import parse_filing
from converter.reading.reader import read_filing
from converter.rendering.render import lexical

CASES = sorted((HERE / "cases").glob("*.txt"))


def case_output(path: Path) -> str:
    parsed = parse_filing(read_filing(path))
    model = map_filing(parsed, cik="1")
    facts = [[f.concept.qname, f.context.id, lexical(f.value), f.unit.id if f.unit else None]
             for f in model.facts if f.concept.prefix != "dei"]
    return json.dumps({"model": model_dict(parsed), "facts": facts}, indent=1) + "\n"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_layout_case(path):
    compare_golden(path.with_suffix(".golden.json"), case_output(path))


def test_tabs_line_up_after_expansion():
    parsed = parse_filing(read_filing(HERE / "cases" / "tabs_mixed.txt"))
    (table,) = parsed.tables
    assert [r.label for r in table.rows][:2] == ["Net sales", "Cost of sales"]
    assert all(c is not None for r in table.rows for c in r.cells)


def test_continuation_printed_after_the_value_line():
    (table,) = parse_filing(read_filing(HERE / "cases" / "continuation_after_value.txt")).tables
    labels = [r.label for r in table.rows]
    assert "Marketing,selling, administrative and other" in labels
    assert "Advertising and product promotion" in labels


def test_narrow_stub_and_percent_columns():
    (table,) = parse_filing(read_filing(HERE / "cases" / "narrow_stub_percent_columns.txt")).tables
    assert [r.label for r in table.rows][:2] == ["Interest on loans", "Interest and dividends on securities"]
    assert [c.period is None for c in table.columns] == [False, True, False]  # % change is no period


def test_unlabelled_totals_get_their_concepts():
    model = map_filing(parse_filing(read_filing(HERE / "cases" / "unlabelled_totals.txt")), cik="1")
    by = {(f.concept.name, f.context.id): f.value for f in model.facts}
    assert by[("Assets", "I19980626")] == 2557000000
    assert by[("LiabilitiesAndStockholdersEquity", "I19970926")] == 2792000000


def test_repeated_periods_without_a_consolidated_group_become_members(tmp_path):
    """A statement printed for its parent and its finance subsidiary only: every column is kept,
    each in its entity's member; no figure becomes a plain (consolidated) fact."""
    parsed = parse_filing(read_filing(HERE / "cases" / "repeated_periods_groups.txt"))
    (table,) = parsed.tables
    assert [c.member for c in table.columns] == ["Parent Company", "Parent Company", "Finance Subsidiary",
                                                 "Finance Subsidiary"]
    model = map_filing(parsed, cik="1")
    statement_facts = [f for f in model.facts if f.table >= 0]
    assert statement_facts and all(f.context.dims for f in statement_facts)
    # the same layout in a note, where groups are measures as often as parts: skipped
    note = tmp_path / "note.txt"
    note.write_text("NOTE 3 - SEGMENTS\n\n" + "\n".join(
        line for line in (HERE / "cases" / "repeated_periods_groups.txt").read_text().splitlines()
        if "STATEMENT OF" not in line and "ACME" not in line))
    parsed = parse_filing(read_filing(note))
    assert parsed.tables == () and "several entities" in parsed.skipped_tables[0].reason


def test_normalise_share_owners():
    assert normalise("Total share-owners' equity") == "total shareowners equity"
