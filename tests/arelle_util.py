"""Run Arelle (the reference XBRL processor) offline on an instance and read its JSON log."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from converter.package import write_package

PROBLEM_LEVELS = {"warning", "error", "inconsistency", "critical", "fatal"}


def run_arelle(instance: Path, workdir: Path, calc: str = "c11r") -> list[dict]:
    """Validate with --calc c11r, offline, our taxonomy package loaded; return the problem entries."""
    package = workdir / "txt2xbrl-taxonomy.zip"
    if not package.exists():
        write_package(package)
    log = workdir / f"{instance.stem}.arelle.json"
    cmd = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate", f"--calc={calc}",
           "--internetConnectivity=offline", "--packages", str(package), "--logFile", str(log),
           "--logLevel", "info"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=workdir)
    assert log.exists(), f"Arelle wrote no log (exit {r.returncode}): {r.stderr[-2000:]}"
    entries = json.loads(log.read_text())["log"]
    loaded = any("loaded in" in e["message"]["text"] for e in entries)
    assert loaded, f"Arelle did not load {instance}: {entries[:3]}"
    return [e for e in entries if e["level"].lower() in PROBLEM_LEVELS]
