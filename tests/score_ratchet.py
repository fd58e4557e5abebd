"""A ratchet over score.py's per-file results: each label file's scores as last measured are
recorded in a JSON file beside the tests; a change may raise them and never lower them.

Counts of labelled things found (cells, concepts, dei) may only rise; counts of errors (wrong
values, signs, units, conflicts, untraceable facts, instance problems) may only fall. The
labels' own totals must match the record, so a changed label file asks to be recorded again
rather than passing on a new denominator. TXT2XBRL_RECORD_SCORES=1 writes what was measured,
and only when nothing got worse.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

RECORD = os.environ.get("TXT2XBRL_RECORD_SCORES") == "1"
HIGHER = ("cells_hit", "concepts_hit", "dei_hit")
LOWER = ("wrong", "sign", "unit_errors", "conflicts", "untraceable", "problems")
TOTALS = ("cells", "concepts", "dei_total")


def flatten(summary: dict) -> dict[str, int]:
    """One score.py file summary as {metric: count}, e.g. 'primary.cells_hit', 'conflicts'."""
    flat: dict[str, int] = {}
    for group, value in summary.items():
        if group == "dei":
            flat["dei_total"], flat["dei_hit"] = value["total"], value["hit"]
        elif group == "problems":
            flat["problems"] = len(value)
        elif isinstance(value, dict):
            for key, count in value.items():
                flat[f"{group}.{key}"] = count
        elif group in LOWER:
            flat[group] = value
    return flat


def _kind(metric: str) -> str | None:
    last = metric.rsplit(".", 1)[-1]
    return "higher" if last in HIGHER else "lower" if last in LOWER else "total" if last in TOTALS else None


def regressions(recorded: dict[str, dict[str, int]], measured: dict[str, dict[str, int]]) -> list[str]:
    """What got worse, one line each; a label file without a record is a regression too."""
    lines = []
    for name in sorted(measured):
        if name not in recorded:
            lines.append(f"{name}: no recorded scores (TXT2XBRL_RECORD_SCORES=1 records them)")
            continue
        old, new = recorded[name], measured[name]
        for metric in sorted(set(old) | set(new)):
            kind, a, b = _kind(metric), old.get(metric, 0), new.get(metric, 0)
            if (kind == "higher" and b < a) or (kind == "lower" and b > a):
                lines.append(f"{name}: {metric} {a} -> {b}")
            elif kind == "total" and a != b:
                lines.append(f"{name}: label total {metric} {a} -> {b}: the label file changed, record again")
    for name in sorted(set(recorded) - set(measured)):
        lines.append(f"{name}: recorded but not scored (label file or instance missing)")
    return lines


def _recordable(line: str) -> bool:
    """New label files and changed label totals may be recorded; lowered scores never."""
    return "no recorded scores" in line or "label total" in line or "recorded but not scored" in line


def check(record_path: Path, measured: dict[str, dict[str, int]]) -> list[str]:
    """Compare with the record; in record mode write the measurement when nothing got worse."""
    recorded = json.loads(record_path.read_text()) if record_path.exists() else {}
    worse = regressions(recorded, measured)
    if RECORD and all(_recordable(w) for w in worse):
        record_path.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n")
        return []
    return worse
