"""Regression tests over the thirty corpus filings (read from ../shared/corpus, never copied).

Each filing converts and validates, keeps its statement count, and keeps its key totals (total
assets, liabilities and equity, net income at the latest period; checked against the filings
by hand once, in tests/corpus_expectations.json). Arelle loads every output with nothing to
report. Skipped when ../shared is not beside the project.
"""
import json
import subprocess
import sys

import pytest
from lxml import etree

from conftest import HERE, SHARED

CORPUS = SHARED / "corpus"
EXPECTED = json.loads((HERE / "corpus_expectations.json").read_text())
XBRLI = "{http://www.xbrl.org/2003/instance}"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")


@pytest.fixture(scope="module")
def corpus_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-out")
    r = subprocess.run([sys.executable, "-m", "converter", "convert", str(CORPUS), "--out", str(out), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


def _facts(path):
    root = etree.parse(str(path)).getroot()
    periods = {}
    for c in root.iter(XBRLI + "context"):
        inst = c.findtext(f".//{XBRLI}instant")
        periods[c.get("id")] = inst or f"{c.findtext(f'.//{XBRLI}startDate')}/{c.findtext(f'.//{XBRLI}endDate')}"
    return root, periods


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_filing(corpus_output, name):
    folder = corpus_output / name
    report = json.loads((folder / f"{name}.report.json").read_text())
    kinds: dict[str, int] = {}
    for t in report["tables"]:
        if t["kind"] != "note":
            kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    assert kinds == EXPECTED[name]["statements"]
    root, periods = _facts(folder / f"{name}.xml")
    for concept, values in EXPECTED[name]["totals"].items():
        for period, value in values.items():
            found = [el.text for el in root.iter("{http://fasb.org/us-gaap/2024}" + concept)
                     if periods[el.get("contextRef")] == period]
            assert value in found, (concept, period, found)


def test_every_corpus_filing_is_expected(corpus_output):
    assert sorted(p.name for p in corpus_output.iterdir()) == sorted(EXPECTED)


@pytest.mark.slow
def test_arelle_on_the_corpus(corpus_output, tmp_path):
    """Arelle (offline, c11r) finds no error or warning, and its calculation inconsistencies are
    exactly the misprints the converter reported, filing by filing."""
    from arelle_util import run_arelle, split_inconsistencies

    misprinted = 0
    for name in sorted(EXPECTED):
        found, other = split_inconsistencies(run_arelle(corpus_output / name / f"{name}.xml", tmp_path))
        assert other == [], (name, [(p["code"], p["message"]["text"][:160]) for p in other])
        report = json.loads((corpus_output / name / f"{name}.report.json").read_text())
        reported = {(i["role"], i["concept"], i["context"]) for i in report["calculation_inconsistencies"]}
        assert found == reported, name
        misprinted += bool(found)
    assert misprinted >= 1  # the corpus has misprints (Turner's New Line statements): the comparison is not vacuous


def test_labelled_corpus_scores(corpus_output):
    """Each labelled corpus filing keeps the scores recorded in corpus_scores.json (a ratchet:
    cells and concepts found may rise, wrong values, signs, conflicts and untraceable facts may
    fall, never the other way). TXT2XBRL_RECORD_SCORES=1 records a measurement that lowers none."""
    from score_ratchet import check, flatten

    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--labels", str(SHARED / "labels" / "corpus"),
           "--instances", str(corpus_output), "--sources", str(CORPUS), "--start-slack", "3", "--json"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    measured = {name: flatten(summary) for name, summary in json.loads(r.stdout)["files"].items()}
    worse = check(HERE / "corpus_scores.json", measured)
    assert worse == [], "\n".join(worse)


def test_no_conflicting_or_untraceable_fact_in_any_corpus_output(corpus_output):
    """score.py's own checks on every corpus output, labelled or not, narrative facts included:
    no two facts of one concept and context differ, and every number is printed in the source."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    narrative = 0
    for name in sorted(EXPECTED):
        facts, problems = score.read_instance(corpus_output / name / f"{name}.xml")
        source = next(CORPUS.glob(f"{name}.*")).read_text(errors="replace")
        summary, details = score.score_one({"statements": []}, facts, source)
        assert (summary["conflicts"], summary["untraceable"], problems) == (0, 0, []), (name, details)
        report = json.loads((corpus_output / name / f"{name}.report.json").read_text())
        narrative += len(report["narrative"]["facts"])
    assert narrative >= 3  # the corpus does state facts in its text: the check covers some


def test_validator_finds_only_the_reported_misprints(corpus_output):
    """txt2xbrl validate on every corpus output: no error or warning; its calculation
    inconsistencies are the misprints the converter reported, and its statement-identity
    findings the disagreements between statements the converter warned of (Indiana Bell's cash
    flows count its funding-pool investment as cash, its balance sheet does not)."""
    from converter.validator.run import validate_file

    identities = 0
    for name in sorted(EXPECTED):
        result = validate_file(corpus_output / name / f"{name}.xml")
        report = json.loads((corpus_output / name / f"{name}.report.json").read_text())
        calc = [f for f in result.findings if f.code == "calc:inconsistent"]
        identity = [f for f in result.findings if f.code.startswith("identity:")]
        assert [f for f in result.findings if f not in calc and f not in identity] == [], name
        assert len(calc) == len(report["calculation_inconsistencies"]), name
        warned = [f for f in report["findings"] if f["code"] == "convert:warning" and (
            "plus the change in cash" in f["message"] or "differ from total liabilities and equity" in f["message"])]
        assert len(identity) <= len(warned), name
        identities += len(identity)
    assert identities <= 1


def test_every_corpus_report_fits_the_published_model(corpus_output):
    """docs/report.schema.json's models read every report of the corpus back as written."""
    from converter.report import Report

    for path in sorted(corpus_output.glob("*/*.report.json")):
        text = path.read_text()
        assert Report.model_validate_json(text).to_json() == text, path.name
