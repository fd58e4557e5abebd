"""Validate files and folders of instances; report findings as text or JSON; exit 0/1/2."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.namespaces import XBRLI
from converter.validator.arithmetic import check_calculations, check_identities
from converter.validator.dimensions import check_dimensions
from converter.validator.dts import discover
from converter.validator.findings import ERROR, UNUSABLE, Finding
from converter.validator.inline import is_inline, target_instance
from converter.validator.loading import DEFAULT_MAX_BYTES, load_xml
from converter.validator.rules import check_facts, read_instance
from converter.validator.sources import Sources
from converter.validator.xsd import check_instance, check_local_files

_XBRL_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?xbrl[\s>/]")


@dataclass
class Result:
    file: str
    findings: list[Finding] = field(default_factory=list)
    facts: int = 0

    @property
    def unusable(self) -> bool:
        return any(f.code in UNUSABLE for f in self.findings)

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)


def validate_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, sources: Sources | None = None) -> Result:
    """All findings for one instance, its schemas read from SOURCES (the bundled copies by default);
    a bug of ours is one finding, never a traceback."""
    try:
        return _validate(path, max_bytes, sources)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return Result(str(path), [Finding("internal:error", ERROR, f"{type(exc).__name__}: {exc}; please report it "
                                          f"with this file", str(path))])


def _validate(path: Path, max_bytes: int, sources: Sources | None) -> Result:
    name = str(path)
    result = Result(name)
    root, problems = load_xml(path, max_bytes)
    result.findings += problems
    if root is None:
        return result
    if is_inline(root):  # an Inline XBRL document: its target instance, on the document's lines
        root = target_instance(root, name, result.findings)
    if root.tag != f"{{{XBRLI}}}xbrl":
        result.findings.append(Finding("input:notXbrl", ERROR, f"the root element is {root.tag}, not xbrli:xbrl", name, 1))
        return result
    dts = discover(root, name, max_bytes, sources)
    result.findings += dts.findings
    inst = read_instance(root, name, result.findings)
    result.facts = len(inst.facts)
    check_facts(inst, dts, name, result.findings)
    check_calculations(inst, dts, name, result.findings)
    check_identities(inst, name, result.findings)
    check_dimensions(root, inst, dts, name, result.findings)
    check_local_files(dts, result.findings)
    check_instance(root, inst, dts, name, result.findings)  # last: it renames fact elements in place
    result.findings.sort(key=lambda f: (f.file != name, f.file, f.line, f.code))
    return result


def instances_under(paths: list[Path]) -> tuple[list[Path], list[Result]]:
    """The instance files named or found in folders (by their root element), and the paths that do not exist."""
    found: list[Path] = []
    missing: list[Result] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in (".xml", ".xbrl", ".htm", ".html", ".xhtml") \
                        and _looks_like_instance(f):
                    found.append(f)
        elif p.is_file():
            found.append(p)
        else:
            missing.append(Result(str(p), [Finding("input:unreadable", ERROR, "no such file or folder", str(p))]))
    return found, missing


def _looks_like_instance(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return bool(_XBRL_ROOT.search(head)) or b"http://www.xbrl.org/2013/inlineXBRL" in head


def exit_status(results: list[Result]) -> int:
    if any(r.unusable for r in results):
        return 2
    return 1 if any(r.errors for r in results) else 0


def format_text(results: list[Result]) -> str:
    lines = [f.text() for r in results for f in r.findings]
    errors = sum(r.errors for r in results)
    others = sum(len(r.findings) for r in results) - errors
    lines.append(f"{len(results)} instance(s), {sum(r.facts for r in results)} facts: {errors} error(s), "
                 f"{others} other finding(s)")
    return "\n".join(lines) + "\n"


def format_json(results: list[Result]) -> str:
    return json.dumps({
        "instances": [{"file": r.file, "facts": r.facts, "findings": [f.as_dict() for f in r.findings]} for r in results],
        "exit_status": exit_status(results),
    }, indent=1) + "\n"
