"""The score ratchet fails on every way a score can get worse, and records only improvements."""
import json

import score_ratchet
from score_ratchet import check, flatten, regressions

SUMMARY = {"primary": {"cells": 10, "cells_hit": 8, "concepts": 5, "concepts_hit": 4, "sign": 1},
           "notes": {"cells": 4, "cells_hit": 4}, "conflicts": 0, "untraceable": 0, "facts": 40,
           "dei": {"total": 3, "hit": 2}, "problems": []}


def test_flatten_reads_every_group_and_ignores_fact_counts():
    flat = flatten(SUMMARY)
    assert flat == {"primary.cells": 10, "primary.cells_hit": 8, "primary.concepts": 5, "primary.concepts_hit": 4,
                    "primary.sign": 1, "notes.cells": 4, "notes.cells_hit": 4, "conflicts": 0, "untraceable": 0,
                    "dei_total": 3, "dei_hit": 2, "problems": 0}


def test_lowered_hits_and_raised_errors_are_regressions():
    old = {"f": flatten(SUMMARY)}
    better = {"f": dict(old["f"], **{"primary.cells_hit": 9, "primary.sign": 0})}
    assert regressions(old, better) == []
    worse = {"f": dict(old["f"], **{"primary.concepts_hit": 3, "primary.wrong": 1, "conflicts": 2})}
    assert regressions(old, worse) == ["f: conflicts 0 -> 2", "f: primary.concepts_hit 4 -> 3",
                                       "f: primary.wrong 0 -> 1"]


def test_changed_labels_and_unrecorded_files_are_reported():
    old = {"f": flatten(SUMMARY)}
    changed = {"f": dict(old["f"], **{"primary.cells": 11}), "g": flatten(SUMMARY)}
    lines = regressions(old, changed)
    assert len(lines) == 2 and "label total primary.cells 10 -> 11" in lines[0] and "g: no recorded" in lines[1]
    assert regressions(old, {}) == ["f: recorded but not scored (label file or instance missing)"]


def test_record_mode_writes_improvements_only(tmp_path, monkeypatch):
    path = tmp_path / "scores.json"
    path.write_text(json.dumps({"f": flatten(SUMMARY)}))
    monkeypatch.setattr(score_ratchet, "RECORD", True)
    lower = {"f": dict(flatten(SUMMARY), **{"primary.cells_hit": 7})}
    assert check(path, lower) == ["f: primary.cells_hit 8 -> 7"]
    assert json.loads(path.read_text())["f"]["primary.cells_hit"] == 8
    higher = {"f": dict(flatten(SUMMARY), **{"primary.cells_hit": 9})}
    assert check(path, higher) == []
    assert json.loads(path.read_text())["f"]["primary.cells_hit"] == 9
