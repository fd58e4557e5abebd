"""The parse stage on the seeds: golden models (checked by hand once) and targeted checks."""
import json

import pytest

from conftest import GOLDEN, SEED_NAMES, SEEDS, compare_golden
from converter.inspect import model_dict
from converter.model import RowKind, StatementKind
from converter.parsing.parser import parse_filing
from converter.reading.reader import read_filing


def parse(name):
    return parse_filing(read_filing(SEEDS / f"{name}.txt"))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_golden_model(name):
    actual = json.dumps(model_dict(parse(name)), indent=1) + "\n"
    compare_golden(GOLDEN / f"{name}.model.json", actual)


def test_statements_of_the_10qsb():
    p = parse("002_827b01e1209febb2")
    kinds = [t.kind for t in p.tables if t.kind is not StatementKind.NOTE]
    assert kinds == [StatementKind.BALANCE, StatementKind.INCOME, StatementKind.CASHFLOW]
    notes = [t for t in p.tables if t.kind is StatementKind.NOTE]
    assert len(notes) == 7  # investments, EPS x2, gain on debt reduction, pro forma x2, stock compensation


def test_wrapped_labels_and_sections():
    p = parse("002_827b01e1209febb2")
    bs = p.tables[0]
    labels = [r.label for r in bs.rows]
    assert "Common stock $.10 par value, 50,000,000 shares authorized, 16,265,282 shares issued" in labels
    income = p.tables[1]
    row = next(r for r in income.rows if r.label.startswith("Other comprehensive"))
    assert row.label == "Other comprehensive income (loss) - unrealized gain (loss) on marketable securities"
    basic = next(r for r in income.rows if r.label == "Basic")
    assert basic.context == "Weighted average number of common shares outstanding"
    interest = next(r for r in income.rows if r.label == "Interest expense")
    assert interest.context == "Other income (expense)"


def test_unlabelled_subtotal_named_after_its_section():
    income = parse("002_827b01e1209febb2").tables[1]
    sub = next(r for r in income.rows if r.kind is RowKind.SUBTOTAL)
    assert sub.label == "Total other income (expense)"
    assert [income.rows[i].label for i in sub.components][0] == "Interest expense"
    assert len(sub.components) == 5


def test_cover_of_the_10qsb():
    c = parse("002_827b01e1209febb2").cover
    assert (c.registrant, c.form_type, c.file_number, c.tax_id, c.state) == \
        ("eLEC Communications Corp.", "10-QSB", "0-4465", "13-2511270", "NY")
    assert c.fiscal_year_end == "--11-30"
    assert str(c.shares_outstanding[0]) == "16259782" and c.shares_outstanding[1].isoformat() == "2004-06-30"


def test_press_release_registrant_from_ticker_line():
    assert parse("000_fbd7507244f679c5").cover.registrant == "eLEC Communications Corp."
    assert parse("000_fbd7507244f679c5").tables == ()


def test_vote_tally_is_not_a_table():
    p = parse("002_827b01e1209febb2")
    assert not any("Votes" in r.label for t in p.tables for r in t.rows)
    assert any("no period" in s.reason for s in p.skipped_tables)


def test_every_title_and_scale_pattern_contains_a_prefilter_word():
    """titles.py skips lines with none of the prefilter words: each pattern must contain one literally."""
    from converter.resources import load_toml

    data = load_toml("statements.toml")
    for section, words in (("kind", data["prefilter"]["kind"]), ("scale", data["prefilter"]["scale"])):
        for entry in data[section]:
            for pattern in entry["patterns"]:
                assert any(w in pattern for w in words), (section, pattern)


def test_parent_only_titles_of_schedule_i():
    from converter.parsing.titles import is_parent_only

    assert is_parent_only(["CONDENSED FINANCIAL INFORMATION", "(Holding Company Only)", "BALANCE SHEETS"])
    assert is_parent_only(["ACME CORP. (PARENT COMPANY)"])
    assert not is_parent_only(["CONSOLIDATED BALANCE SHEETS", "ACME HOLDING COMPANY AND SUBSIDIARIES"])


def test_patterns_matched_on_lowercased_text_are_lowercase():
    """The dialects' words and the cover captions are matched on lowercased text without
    re.I (cheaper over every table's labels): a capital letter in one would never match."""
    import re as _re
    from converter.resources import load_toml as _load
    patterns = [w for d in _load("dialects.toml").values() for w in d["words"]]
    patterns += _load("statements.toml")["cover"]["captions"]
    for p in patterns:
        assert not _re.search(r"[A-Z]", _re.sub(r"\\[A-Za-z]", "", p)), p


def test_content_anchors_cannot_reach_across_rows():
    """kinds.anchored_kinds searches the rows' texts joined by line breaks (re.M): an anchor with
    \\s, \\S, \\W, \\D or a negated class could match across two rows, which the rows themselves
    never print."""
    from converter.resources import load_toml as _load
    for anchor in _load("statements.toml")["content"]["anchor"]:
        for p in anchor["all_of"]:
            assert not any(bad in p for bad in ("\\s", "\\S", "\\W", "\\D", "[^")), p
