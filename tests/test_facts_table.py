"""--facts-table DIR: every fact of a run in one table (CSV, and Parquet partitioned by year),
exactly the facts of the XML instances, a filing's rows never twice (a resumed batch, --force)."""
import csv
import shutil

import pytest

from conftest import SEEDS, SHARED
from converter.cli import main
from instance_util import read_instance

CORPUS = SHARED / "corpus"


def _instance_facts(path):
    """(concept qname, start, end or instant, value) of each fact of an instance, by lxml alone."""
    root, contexts = read_instance(path)
    out = []
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        ns, local = el.tag[1:].split("}")
        start, end, _, _ = contexts[el.get("contextRef")]
        out.append((f"{el.prefix}:{local}", start, end, el.text or ""))
    return sorted(out)


def _table(folder):
    with open(folder / "facts.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _facts_of(rows, name):
    return sorted((r["concept"], r["start"], r["end"] or r["instant"], r["value"]) for r in rows if r["filing"] == name)


def test_the_table_holds_exactly_the_instances_facts(tmp_path):
    sources = [SEEDS / p.name for p in sorted(SEEDS.glob("*.txt"))]
    sources += [CORPUS / n for n in ("apple-computer_10-Q_1998-06-26.txt", "general-electric_10-K_1993-12-31.txt")
                if (CORPUS / n).exists()]
    assert main(["convert", *map(str, sources), "--out", str(tmp_path / "out"), "--facts-table", str(tmp_path / "t"),
                 "-q"]) == 0
    rows = _table(tmp_path / "t")
    names = [s.stem for s in sources]
    assert sorted({r["filing"] for r in rows}) == sorted(names)
    for name in names:
        assert _facts_of(rows, name) == _instance_facts(tmp_path / "out" / name / f"{name}.xml"), name
    ge = [r for r in rows if r["filing"] == "general-electric_10-K_1993-12-31"]
    if ge:  # a member's fact, its dimensions, statement, label, line and origin
        dim = next(r for r in ge if r["dimensions"])
        assert dim["dimensions"].startswith("{") and dim["origin"] in ("statement", "note") and dim["line"].isdigit()
        assert {r["cik"] for r in ge} == {"0000040545"} and {r["form"] for r in ge} == {"10-K"}


def test_a_resumed_or_forced_batch_adds_no_row_twice(tmp_path):
    seeds = [SEEDS / p.name for p in sorted(SEEDS.glob("*.txt"))]
    out, table = tmp_path / "out", tmp_path / "t"
    assert main(["convert", *map(str, seeds[:2]), "--out", str(out), "--facts-table", str(table), "-q"]) == 0
    first = _table(table)
    # the run stopped there; again over all three: the first two are up to date, not added again
    assert main(["convert", *map(str, seeds), "--out", str(out), "--facts-table", str(table), "-q"]) == 0
    second = _table(table)
    assert len(second) == len(first) + len(_instance_facts(out / seeds[2].stem / f"{seeds[2].stem}.xml"))
    # --force: converted again, each filing's rows replaced, not repeated
    assert main(["convert", *map(str, seeds), "--out", str(out), "--facts-table", str(table), "-q", "--force"]) == 0
    assert sorted(map(tuple, (r.values() for r in _table(table)))) == sorted(map(tuple, (r.values() for r in second)))
    # a table whose run never added a converted filing (killed in between) gets it on the next run
    shutil.rmtree(table)
    assert main(["convert", *map(str, seeds), "--out", str(out), "--facts-table", str(table), "-q"]) == 0
    assert len(_table(table)) == len(second)


def test_the_parquet_dataset_holds_the_same_rows(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    seeds = [SEEDS / p.name for p in sorted(SEEDS.glob("*.txt"))]
    assert main(["convert", *map(str, seeds), "--out", str(tmp_path / "out"), "--facts-table", str(tmp_path / "t"),
                 "-q"]) == 0
    parts = sorted((tmp_path / "t" / "parquet").glob("year=*/*.parquet"))
    assert {p.parent.name for p in parts} == {"year=2004"} and len(parts) == 3
    table = pq.read_table(tmp_path / "t" / "parquet")
    rows = _table(tmp_path / "t")
    assert table.num_rows == len(rows)
    assert sorted(table.column("value").to_pylist()) == sorted(r["value"] for r in rows)
