"""Run Arelle (the reference XBRL processor) offline on an instance and read its JSON log."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from converter.package import write_package

PROBLEM_LEVELS = {"warning", "error", "inconsistency", "critical", "fatal"}


def run_arelle(instance: Path, workdir: Path, calc: str = "c11r", require_load: bool = True) -> list[dict]:
    """Validate with --calc c11r, offline, our taxonomy package loaded; return the problem entries."""
    package = workdir / "txt2xbrl-taxonomy.zip"
    if not package.exists():
        write_package(package)
    log = workdir / f"{instance.stem}.arelle.json"
    log.unlink(missing_ok=True)  # Arelle appends to an existing log
    cmd = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate", f"--calc={calc}",
           "--internetConnectivity=offline", "--packages", str(package), "--logFile", str(log),
           "--logLevel", "info"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=workdir)
    assert log.exists(), f"Arelle wrote no log (exit {r.returncode}): {r.stderr[-2000:]}"
    entries = json.loads(log.read_text())["log"]
    loaded = any("loaded in" in e["message"]["text"] for e in entries)
    assert loaded or not require_load, f"Arelle did not load {instance}: {entries[:3]}"
    return [e for e in entries if e["level"].lower() in PROBLEM_LEVELS]


_INCONSISTENT = re.compile(r"Calculation inconsistent from (\S+) in link role (\S+) reported sum .*? context (\S+) unit")


def split_inconsistencies(problems: list[dict]) -> tuple[set[tuple[str, str, str]], list[dict]]:
    """((role, concept, context) of each calculation inconsistency, the other problems)."""
    found, other = set(), []
    for p in problems:
        m = _INCONSISTENT.search(p["message"]["text"]) if p["level"] == "inconsistency" else None
        if m:
            found.add((m.group(2), m.group(1), m.group(3)))
        else:
            other.append(p)
    return found, other
