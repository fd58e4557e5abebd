"""One filing through every stage, and the atomic write of its output folder."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import ConversionError, NoStatementsError, ValidationFailure
from converter.mapping.mapper import map_filing
from converter.model import StatementKind, XbrlModel
from converter.parsing.parser import parse_filing
from converter.reading.reader import read_filing
from converter.rendering.render import Rendered, render
from converter.validation.schemas import validate_documents


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

    def summary(self) -> str:
        if not self.ok:
            return f"FAIL {self.path}: {self.error}"
        extra = f", {len(self.unmapped)} unplaced" if self.unmapped else ""
        return (f"ok   {self.name}: {self.statements} statements, {self.tables - self.statements} note tables, "
                f"{self.facts} facts, {len(self.warnings)} warnings{extra}")


def convert(path: str | Path, cik: str | None = None,
            narrative: bool = True) -> tuple[XbrlModel, Rendered, dict[str, float]]:
    """Read, parse, map, render and validate one filing; raise ConversionError on failure.
    narrative=False leaves out the facts stated in running text."""
    t0 = time.perf_counter()
    filing = read_filing(path)
    t1 = time.perf_counter()
    parsed = parse_filing(filing)
    t2 = time.perf_counter()
    model = map_filing(parsed, cik, narrative)
    if not model.facts:
        raise NoStatementsError("nothing to convert: no statement table and no cover information", str(path))
    t3 = time.perf_counter()
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


def write_atomically(out_dir: Path, name: str, files: dict[str, str]) -> Path:
    """Write the folder OUT/NAME so that it appears complete or not at all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / name
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.tmp-", dir=out_dir))
    try:
        for fname, text in files.items():
            with open(tmp / fname, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
        old = None
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=out_dir))
            os.replace(final, old / name)
        os.replace(tmp, final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def report_of(model: XbrlModel) -> dict:
    return {
        "filing": model.name,
        "entity": {"scheme": model.entity.scheme, "identifier": model.entity.identifier, "name": model.entity.name},
        "period_end": model.period_end.isoformat(),
        "tables": [{"title": t.title, "kind": t.kind.value, "lines": [t.first_line, t.last_line],
                    "columns": [c.period.key() if c.period else None for c in t.columns], "rows": len(t.rows)}
                   for t in model.tables],
        "facts": len(model.facts),
        "extension_concepts": sorted(c.name for c in model.concepts if c.extension),
        "warnings": list(model.warnings),
        # where the filing's misprints make its calculation network fail: what any XBRL
        # processor's calculation check will report, and nothing else
        "calculation_inconsistencies": [
            {"role": i.role, "concept": i.concept, "context": i.context, "reported": str(i.reported),
             "computed": str(i.computed), "line": i.line} for i in model.inconsistencies],
        "unplaced": [{"line": u.line, "label": u.label, "reason": u.reason} for u in model.unmapped],
        # facts stated in running text, and the amounts found there and left out, with why
        "narrative": {
            "facts": [{"line": f.source.line if f.source else 0, "concept": f.concept.qname, "context": f.context.id,
                       "value": str(f.value), "decimals": f.decimals, "text": f.label}
                      for f in model.facts if f.group == "narrative"],
            "left_out": [{"line": u.line, "amount": u.label, "reason": u.reason} for u in model.left_out],
        },
        "skipped_documents": list(model.skipped),
    }


def convert_to_folder(path: str | Path, out_dir: Path, cik: str | None = None, narrative: bool = True) -> Result:
    name = Path(path).name
    name = name[:-4] if name.lower().endswith(".txt") else Path(name).stem
    result = Result(str(path), name, ok=False)
    try:
        model, rendered, timings = convert(path, cik, narrative)
        files = dict(rendered.files)
        files[f"{name}.report.json"] = json.dumps(report_of(model), indent=1) + "\n"
        final = write_atomically(out_dir, name, files)
    except ConversionError as exc:
        result.error = str(exc)
        result.exit_code = exc.exit_code
        return result
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug of ours: one filing fails, the batch goes on
        if os.environ.get("TXT2XBRL_DEBUG"):
            raise
        result.error = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
        result.exit_code = 70
        return result
    result.ok = True
    result.output = str(final)
    result.statements = sum(1 for t in model.tables if t.kind is not StatementKind.NOTE)
    result.tables = len(model.tables)
    result.facts = len(model.facts)
    result.warnings = list(model.warnings)
    result.unmapped = [f"line {u.line}: {u.reason}" for u in model.unmapped]
    result.timings = timings
    return result
