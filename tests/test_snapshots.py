"""The regression net (issue 12, item 6): a snapshot of every fact of every filing of
../shared/corpus and ../shared/corpus-extra - concept, entity, period, unit, value, source line -
one small file per filing in tests/snapshots/. Any change in any filing's facts shows as a diff
to review; TXT2XBRL_REGEN_GOLDEN=1 rewrites the snapshots after a deliberate change.
Skipped when ../shared is not beside the project."""
import pytest

from conftest import HERE, SHARED, compare_golden
from converter.pipeline import convert
from converter.rendering.render import lexical

FOLDERS = ("corpus", "corpus-extra")
FILINGS = sorted(p for f in FOLDERS if (SHARED / f).is_dir() for p in (SHARED / f).glob("*.txt"))
SNAPSHOTS = HERE / "snapshots"


def snapshot(path) -> str:
    """One line per fact, sorted: concept, entity (when not the registrant) and [members], period, unit,
    value, line."""
    model, _, _ = convert(path)
    lines = set()
    for f in model.facts:
        entity = "" if f.context.entity == model.entity else f.context.entity.identifier
        entity += "".join(f"[{member.qname}]" for _, member in f.context.dims)
        value = lexical(f.value) if not isinstance(f.value, str) else f.value[:60]
        lines.add("\t".join((f.concept.qname, entity, f.context.period.key(), f.unit.id if f.unit else "",
                             value, str(f.source.line) if f.source else "")))
    return "concept\tentity\tperiod\tunit\tvalue\tline\n" + "\n".join(sorted(lines)) + "\n"


@pytest.mark.skipif(not FILINGS, reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize("path", FILINGS, ids=[p.stem for p in FILINGS])
def test_facts_match_their_snapshot(path):
    compare_golden(SNAPSHOTS / f"{path.stem}.tsv", snapshot(path))


def test_a_changed_fact_fails_the_snapshot(tmp_path, monkeypatch):
    """The comparison sees one changed value (the net can fail)."""
    import conftest

    monkeypatch.setattr(conftest, "REGENERATE", False)
    text = snapshot(sorted(conftest.SEEDS.glob("*.txt"))[-1])
    golden = tmp_path / "seed.tsv"
    golden.write_text(text)
    compare_golden(golden, text)
    lines = text.splitlines()
    concept, entity, period, unit, value, line = lines[1].split("\t")
    lines[1] = "\t".join((concept, entity, period, unit, value + "1", line))
    golden.write_text("\n".join(lines) + "\n")
    with pytest.raises(AssertionError):
        compare_golden(golden, text)
