"""Run Arelle (the reference XBRL processor) offline on an instance and read its JSON log."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from converter.package import write_package

# Arelle's codes for the kind of problem each of ours is (prefixes).
ARELLE_KIND = {
    "xbrl:contextMissing": ("xbrl.4.6.1",),
    "xbrl:unitMissing": ("xbrl.4.6.2",),
    "xbrl:periodType": ("xbrl.4.7.2:contextPeriodType",),
    "xbrl:periodStartAfterEnd": ("xbrl.4.7.2:periodStartBeforeEnd",),
    "xbrl:decimalsMissing": ("xbrl.4.6.3",),
    "xbrl:decimalsAndPrecision": ("xbrl.4.6.3",),
    "xbrl:decimalsOnNonNumeric": ("xbrl.4.6.3",),
    "xbrl:unitOnNonNumeric": ("xmlSchema:attributesExtraneous",),  # Arelle sees it as a schema error
    "xbrl:monetaryUnit": ("xbrl.4.8.2:monetaryFactUnit",),
    "xbrl:sharesUnit": ("xbrl.4.8.2:sharesFactUnit",),
    "xbrl:undeclaredConcept": ("xmlSchema:elementUnexpected", "xbrl:schemaImportMissing"),
    "xsd:invalid": ("xmlSchema:",),
    "xml:notWellFormed": ("xmlSchema:syntax",),
    "dts:notAvailable": ("IOerror", "xbrl:schemaImportMissing"),
    "dts:schemaRefMissing": ("xbrl:schemaImportMissing",),
    "calc:inconsistent": ("calc11e:",),
    "identity:balanceSheet": ("calc11e:",),  # Arelle has no identity check; the calculation through it fails
    "identity:cashRollForward": ("calc11e:",),
}


def arelle_kind(ours: str, theirs: set[str]) -> str | None:
    """The one of THEIRS that is Arelle's code for the kind of problem our code OURS names."""
    return next((c for c in sorted(theirs) if c.startswith(ARELLE_KIND.get(ours, (ours,)))), None)


PROBLEM_LEVELS = {"warning", "error", "inconsistency", "critical", "fatal"}


def run_arelle(instance: Path, workdir: Path, calc: str = "c11r", require_load: bool = True,
               plugins: str | None = None) -> list[dict]:
    """Validate with --calc c11r, offline, our taxonomy package loaded; return the problem entries."""
    package = workdir / "txt2xbrl-taxonomy.zip"
    if not package.exists():
        write_package(package)
    log = workdir / f"{instance.stem}.arelle.json"
    log.unlink(missing_ok=True)  # Arelle appends to an existing log
    cmd = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate", f"--calc={calc}",
           "--internetConnectivity=offline", "--packages", str(package), "--logFile", str(log),
           "--logLevel", "info"] + (["--plugins", plugins] if plugins else [])
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


class InProcessArelle:
    """Arelle loaded once in this process, offline with our taxonomy package, to load many
    instances (XML, xBRL-JSON, xBRL-CSV) and read their facts as comparable tuples."""

    FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"

    def __init__(self, package: Path):
        from arelle import Cntlr, PackageManager
        self.cntlr = Cntlr.Cntlr(logFileName="logToBuffer")
        self.cntlr.webCache.workOffline = True
        PackageManager.init(self.cntlr, loadPackagesConfig=False)
        PackageManager.addPackage(self.cntlr, str(package))
        PackageManager.rebuildRemappings(self.cntlr)

    def facts(self, path: Path) -> tuple[set[tuple], list[str]]:
        """(the facts, each (concept, entity, period, dimensions, unit, decimals, value, its
        footnotes' texts), the codes of the errors Arelle logged loading it)."""
        model = self.cntlr.modelManager.load(str(path))
        try:
            notes = model.relationshipSet(self.FOOTNOTE)
            out = set()
            for f in model.facts:
                if f.qname.localName == "note" and f.qname.namespaceURI == "https://xbrl.org/2021":
                    continue  # (an xBRL-JSON or -CSV footnote: a fact of its own there, a resource in XML)
                c = f.context
                out.add((str(f.qname), c.entityIdentifier, (str(c.startDatetime), str(c.endDatetime)),
                         tuple(sorted((str(d.dimensionQname), str(d.memberQname)) for d in c.qnameDims.values())),
                         tuple(tuple(str(q) for q in ms) for ms in f.unit.measures) if f.unit is not None else None,
                         f.decimals if f.isNumeric else None, _canonical(f.xValue) if f.isNumeric else f.value,
                         tuple(sorted(r.toModelObject.textValue for r in notes.fromModelObject(f)))))
            return out, [str(e) for e in model.errors]
        finally:
            self.cntlr.modelManager.close(model)


def _canonical(value) -> str:
    """A number as one text whatever its trailing zeros (an inline fact's 20.0% x 10^-2 is 0.200)."""
    from decimal import Decimal
    d = Decimal(str(value)).normalize()
    return format(d, "f") if d else "0"
