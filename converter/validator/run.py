"""Validate files and folders of instances; report findings as text or JSON; exit 0/1/2."""
from __future__ import annotations

import dataclasses
import gc
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.namespaces import XBRLI
from converter.validator.arithmetic import check_calculations, check_identities
from converter.validator.dimensions import check_dimensions
from converter.validator.docset import (
    DOCUMENT_SUFFIXES, INLINE_MARK, ZipProblem, documents_in, head, is_inline_file, renamed, renamed_file, unpacked,
)
from converter.validator.dts import discover
from converter.validator.findings import ERROR, UNUSABLE, Finding
from converter.validator.inline import is_inline, target_instance
from converter.validator.loading import DEFAULT_MAX_BYTES, parse_bytes, read_limited
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


def validate_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, sources: Sources | None = None,
                  target: str | None = None) -> Result:
    """All findings for one instance (XBRL or Inline XBRL), its schemas read from SOURCES (the
    bundled copies by default); a bug of ours is one finding, never a traceback."""
    return _guarded(str(path), lambda: _validate([path], str(path), max_bytes, sources, target))


def validate_set(paths: list[Path], label: str, max_bytes: int = DEFAULT_MAX_BYTES, sources: Sources | None = None,
                 target: str | None = None) -> Result:
    """All findings for the Inline XBRL document set of PATHS (its result named LABEL: the zip or
    folder it came from), each on the line of the document it concerns."""
    if not paths:
        return Result(label, [Finding("input:notXbrl", ERROR, "no Inline XBRL document in it", label)])
    return _guarded(label, lambda: _validate(paths, label, max_bytes, sources, target))


def _guarded(label: str, validate) -> Result:
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of objects and no cycles among them: the collector would only walk them
    try:
        return validate()
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return Result(label, [Finding("internal:error", ERROR, f"{type(exc).__name__}: {exc}; please report it "
                                      f"with this file", label)])
    finally:
        if enabled:
            gc.enable()


def _validate(paths: list[Path], label: str, max_bytes: int, sources: Sources | None, target: str | None) -> Result:
    result = Result(label)
    docs = []
    for path in paths:
        data, problems = read_limited(path, max_bytes)
        # the whitespace between an XBRL instance's elements says nothing, and a tenth of the time
        # goes to carrying it through; in an Inline XBRL document it is part of the facts' text
        root, parse_problems = parse_bytes(data, str(path), keep_blanks=INLINE_MARK in data) if data is not None \
            else (None, [])
        result.findings += problems + parse_problems
        if root is None:
            return result  # (one unreadable document makes its set unusable)
        docs.append((root, str(path)))
    root, name = docs[0]
    origins = None
    if len(docs) > 1 or is_inline(root):  # Inline XBRL: its target instance, each element's origin kept
        if any(not is_inline(r) for r, _ in docs):
            result.findings += [Finding("input:notXbrl", ERROR, "not an Inline XBRL document (an ix:header is "
                                        "missing), so not part of a document set", n, 1) for r, n in docs if not is_inline(r)]
            return result
        before = len(result.findings)
        root, origins = target_instance(docs, result.findings, target)
        result.findings[before:] = [dataclasses.replace(f, file=label) if f.file == name and not f.line else f
                                    for f in result.findings[before:]]
        data = None
    elif root.tag != f"{{{XBRLI}}}xbrl":
        result.findings.append(Finding("input:notXbrl", ERROR, f"the root element is {root.tag}, not xbrli:xbrl", name, 1))
        return result
    placed = len(result.findings)  # findings from here on are on the target instance's elements
    dts = discover(root, name, max_bytes, sources)
    result.findings += dts.findings
    inst = read_instance(root, name, result.findings, data, dts)
    if origins is not None:
        inst.place = origins.place
    result.facts = len(inst.facts)
    check_facts(inst, dts, name, result.findings)
    check_calculations(inst, dts, name, result.findings)
    check_identities(inst, name, result.findings)
    check_dimensions(root, inst, dts, name, result.findings)
    check_local_files(dts, result.findings)
    check_instance(root, inst, dts, name, result.findings)  # last: it renames fact elements in place
    if origins is not None:
        result.findings[placed:] = [_placed(f, name, label, origins) for f in result.findings[placed:]]
    result.findings.sort(key=lambda f: (f.file != label, f.file, f.line, f.code))
    return result


def _placed(f: Finding, name: str, label: str, origins) -> Finding:
    """A finding on the target instance, moved to the document and line its element came from."""
    if f.file != name:
        return f
    doc, line = origins.place(f.line)
    return dataclasses.replace(f, file=doc or label, line=line, column=0)


def instances_under(paths: list[Path]) -> tuple[list[Path], list[Result]]:
    """The instance files named or found in folders (by their root element), and the paths that do not exist."""
    found: list[Path] = []
    missing: list[Result] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in (".xml", ".xbrl", *DOCUMENT_SUFFIXES) \
                        and _looks_like_instance(f):
                    found.append(f)
        elif p.is_file():
            found.append(p)
        else:
            missing.append(Result(str(p), [Finding("input:unreadable", ERROR, "no such file or folder", str(p))]))
    return found, missing


@dataclass
class Job:
    """What one validation reads: an instance, an Inline XBRL document set, or a zip of either."""

    label: str
    paths: list[Path]
    zipped: bool = False  # paths[0] is a zip: the inline documents in it are one set


def jobs_for(paths: list[Path], document_set: bool = False) -> tuple[list[Job], list[Result]]:
    """A zip named is one job; with DOCUMENT_SET the inline documents named or found are one set,
    else each file is validated on its own."""
    found, missing = instances_under(paths)
    found = list({p.resolve(): p for p in reversed(found)}.values())[::-1]  # (a file named and found in its folder: once)
    jobs = [Job(str(p), [p], zipped=True) for p in found if p.suffix.lower() == ".zip"]
    rest = [p for p in found if p.suffix.lower() != ".zip"]
    if document_set:
        inline = [p for p in rest if is_inline_file(p)]
        if inline:
            label = str(paths[0]) if len(paths) == 1 else "|".join(str(p) for p in paths)
            jobs.append(Job(label, inline))
        rest = [p for p in rest if p not in inline]
    return [Job(str(p), [p]) for p in rest] + jobs, missing


def run_job(job: Job, max_bytes: int = DEFAULT_MAX_BYTES, sources: Sources | None = None,
            target: str | None = None) -> list[Result]:
    if not job.zipped:
        return [validate_set(job.paths, job.label, max_bytes, sources, target) if len(job.paths) > 1
                else validate_file(job.paths[0], max_bytes, sources, target)]
    try:
        with unpacked(job.paths[0], max_bytes) as folder:
            documents = documents_in(folder)
            if documents:
                results = [validate_set(documents, job.label, max_bytes, sources, target)]
            else:  # a zip of XBRL instances (an EX-101 attachment): each on its own
                inside, _ = instances_under([folder])
                results = [validate_file(p, max_bytes, sources) for p in inside] or \
                    [Result(job.label, [Finding("input:notXbrl", ERROR, "no XBRL instance or Inline XBRL document "
                                                "in the zip", job.label)])]
            for r in results:
                r.file = renamed_file(r.file, folder, job.label)
                r.findings = renamed(r.findings, folder, job.label)
            return results
    except ZipProblem as exc:
        return [Result(job.label, [exc.finding])]


def _looks_like_instance(path: Path) -> bool:
    start = head(path)
    return bool(_XBRL_ROOT.search(start)) or INLINE_MARK in start


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
