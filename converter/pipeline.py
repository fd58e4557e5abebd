"""One filing through every stage, and the write of its output folder (converter/output_store.py)."""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from converter import __version__
from converter.errors import FAILURE_CODES, INTERNAL_ERROR, ConversionError, MemoryLimit, NoStatementsError, OutputError, ValidationFailure
from converter.mapping.mapper import map_filing
from converter.mapping.schedule import differences
from converter.model import StatementKind, XbrlModel
from converter.parsing.parser import parse_filing
from converter.reading.reader import MAX_BYTES, read_filing, read_source
from converter.facts_table import slice_name, slice_text
from converter.output_store import store_of
from converter.fsds import slice_files as fsds_files
from converter.rendering.inline import inline_xbrl
from converter.rendering.oim import xbrl_csv, xbrl_json
from converter.rendering.render import Rendered, render
from converter.validator.findings import ERROR, INCONSISTENCY, WARNING, Finding
from converter.report import (
    ConceptChoice, EntityInfo, FindingRecord, Inconsistency, LeftOut, Narrative, NarrativeFact, Report, Schedule,
    SourceStamp, TableInfo,
)
from converter.validator.schemas import validate_documents

# what a conversion writes beside its instance, as --formats names them: the XML instance is always
# written (its schema and linkbases are the taxonomy of the other two as well)
FORMATS = ("xml", "json", "csv", "ixbrl")  # (and "table", "fsds": a filing's rows of --facts-table and --fsds)
DEFAULT_FORMATS = ("xml",)


def formats_of(text: str) -> tuple[str, ...]:
    """--formats xml,json,csv as a tuple in FORMATS order (xml always in it); ValueError names
    a format that is not one."""
    asked = {f.strip().lower() for f in text.split(",") if f.strip()}
    unknown = sorted(asked - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)} (the formats: {', '.join(FORMATS)})")
    return tuple(f for f in (*FORMATS, "table", "fsds") if f in asked | {"xml"})


@dataclass
class Result:
    path: str
    name: str
    ok: bool
    statements: int = 0
    tables: int = 0
    facts: int = 0
    warnings: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    error: str = ""
    exit_code: int = 0
    output: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    skipped: bool = False  # the output was already complete and up to date
    code: str = ""  # the finding code of a failure, where its exit status does not say it
    schedule: str = ""  # the EX-27 cross-check's summary line, when the filing has a schedule
    schedule_counts: dict[str, int] = field(default_factory=dict)

    def finding(self) -> Finding | None:
        """A failed filing as a finding: its code (by its exit status), the message, the file, the line."""
        if self.ok:
            return None
        text = self.error[len(self.path):] if self.error.startswith(self.path) else f": {self.error}"
        m = _AT_LINE.match(text)
        return Finding(self.code or FAILURE_CODES.get(self.exit_code, "convert:failed"), ERROR,
                       text[m.end():] if m else text[2:],
                       self.path, int(m.group(1)) if m else 0)

    def summary(self) -> str:
        if not self.ok:
            return f"FAIL {self.error if self.error.startswith(self.path) else f'{self.path}: {self.error}'}" \
                   f" [{self.finding().code}]"
        if self.skipped:
            return f"skip {self.name}: up to date ({self.output})"
        extra = f", {len(self.unmapped)} unplaced" if self.unmapped else ""
        return (f"ok   {self.name}: {self.statements} statements, {self.tables - self.statements} note tables, "
                f"{self.facts} facts, {len(self.warnings)} warnings{extra}")


def warm_up() -> None:
    """Load what every conversion reads (the taxonomy, the label map's neighbours, the compiled
    schemas, the templates) once, in a parent about to fork its workers: they share it."""
    from converter.mapping.near import nearest
    from converter.mapping.taxonomy import load_taxonomy
    from converter.rendering.render import _env
    from converter.validator.schemas import linkbase_schema, standard_schema, usgaap_shapes

    load_taxonomy()
    nearest("balance", "cash")
    standard_schema()
    linkbase_schema()
    usgaap_shapes()
    _env()


@contextlib.contextmanager
def _fewer_collections(young: int = 50_000):
    """A conversion allocates millions of short-lived, acyclic objects (lines, tokens, cells):
    the cyclic collector's default (a pass every 700 allocations, each surviving object looked
    at again and again) costs about 8% of it. Collect less often while it runs; restore after."""
    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def convert(path: str | Path, cik: str | None = None, narrative: bool = True, max_bytes: int = MAX_BYTES,
            data: bytes | None = None, *, zeros: bool = False) -> tuple[XbrlModel, Rendered, dict[str, float]]:
    """Read, parse, map, render and validate one filing; raise ConversionError on failure.
    narrative=False leaves out the facts stated in running text; data: the file's bytes, when read;
    zeros=True makes a statement's dashes facts of 0."""
    with _fewer_collections():
        return _convert(path, cik, narrative, max_bytes, data, zeros)


def _convert(path, cik, narrative, max_bytes, data, zeros=False):
    t0 = time.perf_counter()
    filing = read_filing(path, data, max_bytes)
    t1 = time.perf_counter()
    parsed = parse_filing(filing, prose=narrative)
    t2 = time.perf_counter()
    model = map_filing(parsed, cik, narrative, zeros)
    # the document type, amendment flag and period end are stated for any filing: alone they are nothing
    if all(f.concept.name in _ALWAYS for f in model.facts):
        skipped = f" ({len(parsed.skipped_tables)} table(s) skipped, see why with txt2xbrl inspect)" \
            if parsed.skipped_tables else ""
        raise NoStatementsError(f"nothing to convert: no statement table with numbers and periods, and no "
                                f"amount stated in the text{skipped}", str(path))
    t3 = time.perf_counter()
    if model.name != (name := output_name(path)):
        model = dataclasses.replace(model, name=name)  # NAME.xml in OUT/NAME/: "full-submission" names no filing
    rendered = render(model, Path(path).name)
    t4 = time.perf_counter()
    findings = validate_documents(rendered.files, rendered.instance_name, model.schema_file, model.namespace)
    t5 = time.perf_counter()
    if findings:
        first = findings[0]
        where = f"{first.file}:{first.line}"
        fact = rendered.fact_lines.get(first.line) if first.file == rendered.instance_name else None
        origin = f" (fact {fact.concept.qname}, source line {fact.source.line})" if fact and fact.source else ""
        more = f" and {len(findings) - 1} more" if len(findings) > 1 else ""
        raise ValidationFailure(f"invalid output, nothing written: {where}{origin}: {first.message}{more}", str(path))
    timings = {"read": t1 - t0, "parse": t2 - t1, "map": t3 - t2, "render": t4 - t3, "validate": t5 - t4}
    return model, rendered, timings


_ALWAYS = {"DocumentType", "AmendmentFlag", "DocumentPeriodEndDate"}


def write_atomically(out_dir, name: str, files: dict[str, str]) -> str:
    """Write OUT/NAME complete or not at all (converter/output_store.py); OUT a folder or a URL."""
    return store_of(out_dir).write(name, files)


def recover(out_dir, name: str) -> None:
    """Undo what a killed write of OUT/NAME left."""
    store_of(out_dir).recover(name)


def stamp_options(cik: str | None, narrative: bool, zeros: bool = False,
                  formats: tuple[str, ...] = DEFAULT_FORMATS) -> dict:
    """The options an output is stamped with (zeros and formats only when asked for: the outputs
    made before they existed stay up to date)."""
    return {"cik": cik, "narrative": narrative, **({"zeros": True} if zeros else {}),
            **({"formats": list(formats)} if tuple(formats) != DEFAULT_FORMATS else {})}


def source_stamp(path: str | Path, data: bytes, cik: str | None, narrative: bool, zeros: bool = False,
                 formats: tuple[str, ...] = DEFAULT_FORMATS) -> dict:
    """What an output was made from: the input's bytes, the converter and its options. A
    re-run skips an output whose stamp is the same. (zeros and formats are stamped only when
    asked for: the outputs made before they existed stay up to date.)"""
    options = stamp_options(cik, narrative, zeros, formats)
    return {"file": Path(path).name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "converter": __version__, "options": options}


def up_to_date(path: str | Path, out_dir, cik: str | None, narrative: bool, zeros: bool = False,
               formats: tuple[str, ...] = DEFAULT_FORMATS) -> str | None:
    """Where the output of path is when it is complete and made from the same input and options."""
    name = output_name(path)
    store = store_of(out_dir)
    try:
        stamp = json.loads(store.read_text(f"{name}/{name}.report.json")).get("source")
        if stamp and store.is_file(f"{name}/{name}.xml") \
                and stamp == source_stamp(path, Path(path).read_bytes(), cik, narrative, zeros, formats):
            return store.location(name)
    except (OSError, ValueError, AttributeError):
        pass
    return None


# file stems that say nothing of the filing (sec-edgar-downloader's full-submission.txt, an
# agent's filing.htm): the output is named after the folder (its accession number) instead
_SAYS_NOTHING = {"full-submission", "filing", "primary-document", "submission", "document", "index", "report"}


def output_name(path: str | Path) -> str:
    path = Path(path)
    name = path.name
    stem = name[:-4] if name.lower().endswith(".txt") else Path(name).stem
    if stem.lower() in _SAYS_NOTHING and path.parent.name not in ("", ".", ".."):
        return path.parent.name
    return stem


_LINE_FIRST = re.compile(r"line (\d+): ")
_AT_LINE = re.compile(r":(\d+): ")
def findings_of(model: XbrlModel, source: str) -> list[Finding]:
    """A conversion's warnings, rows left out and calculation inconsistencies as findings, the shape
    every check of txt2xbrl reports in, each with the source file and line it is about."""
    differing = dict((text, line) for line, text in differences(model.schedule)) if model.schedule else {}
    out = []
    for w in model.warnings:
        if w in differing:
            out.append(Finding("schedule:differs", WARNING, w, source, differing[w]))
            continue
        m = _LINE_FIRST.match(w)
        out.append(Finding("convert:warning", WARNING, w[m.end():] if m else w, source, int(m.group(1)) if m else 0))
    out += [Finding("convert:unplaced", WARNING, f"{u.label!r}: {u.reason}" if u.label else u.reason, source, u.line)
            for u in model.unmapped]
    out += [Finding("calc:inconsistent", INCONSISTENCY, f"{i.concept} in {i.context}: reported {i.reported}, its "
                    f"children in {i.role} sum to {i.computed}", source, i.line) for i in model.inconsistencies]
    return out


def report_of(model: XbrlModel, source: dict | None = None) -> Report:
    return Report(
        filing=model.name,
        entity=EntityInfo(scheme=model.entity.scheme, identifier=model.entity.identifier, name=model.entity.name),
        period_end=model.period_end.isoformat(),
        tables=[TableInfo(title=t.title, kind=t.kind.value, kind_by=t.kind_evidence[0], kind_score=t.kind_evidence[1],
                          runner_up=t.kind_evidence[2], lines=[t.first_line, t.last_line],
                          columns=[c.period.key() if c.period else None for c in t.columns], rows=len(t.rows),
                          # the group each column is printed for, where it is not the consolidated figures
                          members=[c.member for c in t.columns] if any(c.member for c in t.columns) else None)
                for t in model.tables],
        statements_found=sorted({t.kind.value for t in model.tables} - {"note"}),
        facts=len(model.facts),
        extension_concepts=sorted(c.name for c in model.concepts if c.extension),
        findings=[FindingRecord.model_validate(asdict(f)) for f in findings_of(model, source["file"] if source else model.name)],
        # where the filing's misprints make its calculation network fail: what any XBRL
        # processor's calculation check will report, and nothing else
        calculation_inconsistencies=[
            Inconsistency(role=i.role, concept=i.concept, context=i.context, reported=str(i.reported),
                          computed=str(i.computed), line=i.line) for i in model.inconsistencies],
        # why each table row has its concepts: a rule of concepts.toml by number, the label map
        # (how many filers printed the words), the table's arithmetic, or why it is an extension
        concepts_by=[ConceptChoice(line=line, label=label, concepts=list(names), by=why)
                     for line, label, names, why in model.evidence],
        # facts stated in running text, and the amounts found there and left out, with why
        narrative=Narrative(
            facts=[NarrativeFact(line=f.source.line if f.source else 0, concept=f.concept.qname, context=f.context.id,
                                 value=str(f.value), decimals=f.decimals, text=f.label)
                   for f in model.facts if f.group == "narrative"],
            left_out=[LeftOut(line=u.line, amount=u.label, reason=u.reason) for u in model.left_out]),
        skipped_documents=list(model.skipped),
        # the filer's EX-27 schedules: the facts taken from them, and each value held against the statements
        schedule=Schedule.model_validate(model.schedule.as_json())
        if model.schedule is not None and model.schedule.documents else None,
        source=SourceStamp.model_validate(source) if source else None,
    )


def extra_writers() -> dict[str, Callable[[str | Path, XbrlModel], dict[str, str]]]:
    """The formats written beside the instance as asked, each (source, model) -> its files (for
    benchmarks/bench_formats.py, which times each against the conversion)."""
    return {"json": lambda path, model: {f"{model.name}.json": xbrl_json(model)},
            "csv": lambda path, model: {f"{model.name}-csv/{n}": text for n, text in xbrl_csv(model, model.name).items()},
            "table": lambda path, model: {slice_name(model.name): slice_text(model, model.name)},
            "fsds": lambda path, model: fsds_files(model, model.name),
            "ixbrl": lambda path, model: {f"{model.name}.ixbrl.xhtml": inline_xbrl(model, Path(path).name)}}


def output_files(path: str | Path, model: XbrlModel, rendered: Rendered, data: bytes, cik: str | None,
                 narrative: bool, zeros: bool = False,
                 formats: tuple[str, ...] = DEFAULT_FORMATS) -> tuple[Report, dict[str, str]]:
    """The report of a conversion, stamped with its source, and the files of OUT/NAME/: the XML
    instance and its taxonomy always, NAME.json (xBRL-JSON) and NAME-csv/ (xBRL-CSV) as asked."""
    name = output_name(path)
    report = report_of(model, source_stamp(path, data, cik, narrative, zeros, formats))
    files = {**rendered.files, f"{name}.report.json": report.to_json()}
    for fmt, write in extra_writers().items():
        if fmt in formats:
            files.update(write(path, model))
    return report, files


def convert_to_folder(path: str | Path, out_dir, cik: str | None = None, narrative: bool = True,
                      max_bytes: int = MAX_BYTES, zeros: bool = False, formats: tuple[str, ...] = DEFAULT_FORMATS) -> Result:
    name = output_name(path)
    result = Result(str(path), name, ok=False)
    try:
        data = read_source(path, max_bytes)  # once: converted and stamped
        model, rendered, timings = convert(path, cik, narrative, max_bytes, data, zeros=zeros)
        final = write_atomically(out_dir, name, output_files(path, model, rendered, data, cik, narrative, zeros,
                                                             formats)[1])
    except ConversionError as exc:
        result.error = str(exc)
        result.exit_code = exc.exit_code
        return result
    except MemoryError:
        result.error = f"{path}: the conversion needed more memory than its ceiling"
        result.exit_code = MemoryLimit.exit_code
        return result
    except OSError as exc:  # the output folder cannot be written (full disk, permissions)
        result.error = f"{path}: cannot write the output: {exc.strerror or exc}"
        result.exit_code = OutputError.exit_code
        return result
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug of ours: one filing fails, the batch goes on
        if os.environ.get("TXT2XBRL_DEBUG"):
            raise
        result.error = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
        result.exit_code = INTERNAL_ERROR
        return result
    result.ok = True
    result.output = final
    result.statements = sum(1 for t in model.tables if t.kind is not StatementKind.NOTE)
    result.tables = len(model.tables)
    result.facts = len(model.facts)
    result.warnings = list(model.warnings)
    result.unmapped = [f"line {u.line}: {u.reason}" for u in model.unmapped]
    result.timings = timings
    if model.schedule is not None and model.schedule.documents:
        result.schedule = model.schedule.summary()
        result.schedule_counts = model.schedule.counts()
    return result
