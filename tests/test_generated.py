"""The generated taxonomy data are what the generators make of their sources and of the
hand-written rules: a rule added to taxonomy/concepts.toml without running tools/gen_taxonomy.py,
or a generator that no longer runs, fails here."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

SOURCES = [SHARED / "taxonomy-sources", SHARED / "labelmap-sources"]


@pytest.mark.skipif(not all(p.is_dir() for p in SOURCES), reason="../shared sources not present")
def test_generated_taxonomy_files_are_current(tmp_path):
    repo = tmp_path / "repo"
    for part in ("converter", "tools", "taxonomy"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    for tool, sources in (("gen_labelmap.py", ["--sources", str(SOURCES[1]), "--taxonomy", str(SOURCES[0])]),
                          ("gen_taxonomy.py", ["--sources", str(SOURCES[0])])):
        done = subprocess.run([sys.executable, str(repo / "tools" / tool), *sources], capture_output=True, text=True)
        assert done.returncode == 0, f"{tool}: {done.stderr[-2000:]}"
    stale = [str(p.relative_to(ROOT / "taxonomy")) for p in sorted((ROOT / "taxonomy").rglob("*")) if p.is_file()
             and "__pycache__" not in p.parts
             and p.read_bytes() != (repo / "taxonomy" / p.relative_to(ROOT / "taxonomy")).read_bytes()]
    assert stale == [], f"regenerate with tools/gen_labelmap.py and tools/gen_taxonomy.py: {stale}"


def test_no_concept_the_converter_may_emit_was_removed_from_us_gaap_before_2024():
    """A name deprecated in 2009-2015 (the SEC's tag table labels it '(Deprecated 2012-01-31)')
    is gone from the 2024 taxonomy: a fact of it is undeclared for anyone validating against
    the real one. Neither the rules nor the label map may name one."""
    import json

    concepts = json.loads((ROOT / "taxonomy" / "concepts.json").read_text())["us-gaap"]
    removed = sorted(n for n, c in concepts.items() if "(Deprecated" in (c.get("label") or ""))
    assert removed == []
    labelmap = json.loads((ROOT / "taxonomy" / "labelmap.json").read_text())
    named = {e[0] for table in labelmap.values() if isinstance(table, dict)
             for e in table.values() if isinstance(e, list) and e and isinstance(e[0], str)}
    assert "OtherComprehensiveIncomeLossNetOfTaxPeriodIncreaseDecrease" not in named
    assert "OtherComprehensiveIncomeLossNetOfTax" in named
