"""The Python API: one filing in, typed facts, its report and the files written out.

    from converter import convert_file
    result = convert_file("0000950109-98-001234.txt", out="xbrl")
    for fact in result.facts:
        print(fact.concept, fact.end, fact.value, fact.unit, fact.line)

It runs the same stages as `txt2xbrl convert` (read, parse, map, render, validate) and writes the
same folder, atomically, when `out` is given. A filing that cannot be converted raises
ConversionError (or one of its kinds: InputError, NoStatementsError, ValidationFailure), whose
`path`, `line`, `message` and `exit_code` say why; nothing is written then. (A rule file of
taxonomy/ edited wrongly raises converter.rule_files.RuleFileError, naming its file and line.)
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pydantic import Field

from converter.errors import OutputError
from converter.model import Fact
from converter.pipeline import DEFAULT_FORMATS, convert, formats_of, output_files, output_name, write_atomically
from converter.reading.reader import MAX_BYTES, read_source
from converter.report import Report, _Model


class FactRecord(_Model):
    """One fact of the instance, with where it came from."""

    concept: str = Field(description="prefixed name: us-gaap:Assets, dei:DocumentType, or the filer's extension")
    namespace: str
    extension: bool = Field(description="the filer's own concept, not a US-GAAP or DEI one")
    value: Decimal | str = Field(description="a Decimal for numbers (never a float), text otherwise")
    unit: str | None = Field(description="iso4217:USD, xbrli:shares, iso4217:USD/xbrli:shares, xbrli:pure")
    decimals: int | None
    start: dt.date | None = Field(description="first day of a duration (both days inclusive); None for an instant")
    end: dt.date = Field(description="the instant, or the last day of the duration")
    entity: str = Field(description="the entity identifier (a 10-digit CIK where known)")
    dimensions: dict[str, str] = Field(description="axis -> member, both prefixed, for a fact of a component")
    line: int | None = Field(description="the source line the number was printed on")
    label: str = Field(description="the row label as printed (or the schedule tag, the sentence)")
    origin: str = Field(description="primary, parenthetical, notes, cover, narrative or schedule")


class Conversion(_Model):
    """What convert_file returns."""

    name: str = Field(description="the output name: the file name without .txt")
    facts: list[FactRecord]
    report: Report
    files: list[Path] = Field(description="the files written (none when no output folder was given)")


def convert_file(path: str | Path, out: str | Path | None = None, *, cik: str | None = None,
                 narrative: bool = True, max_bytes: int = MAX_BYTES, zeros: bool = False,
                 formats: tuple[str, ...] = DEFAULT_FORMATS) -> Conversion:
    """Convert one filing; with `out`, write OUT/NAME/ as the command does. `cik` sets the
    entity when the filing's header lacks one; narrative=False leaves out the facts stated in
    running text; zeros=True makes a statement's dashes facts of 0 (as filers' XBRL tags them);
    formats adds "json" (xBRL-JSON) and "csv" (xBRL-CSV) to the files; files over max_bytes are refused."""
    data = read_source(path, max_bytes)
    model, rendered, _ = convert(path, cik, narrative, max_bytes, data, zeros=zeros)
    report, files = output_files(path, model, rendered, data, cik, narrative, zeros, formats_of(",".join(formats)))
    name = output_name(path)
    written: list[Path] = []
    if out is not None:
        try:
            folder = Path(write_atomically(Path(out), name, files))
        except OSError as exc:  # (as the command reports it: exit 8)
            raise OutputError(f"cannot write the output: {exc.strerror or exc}", str(path)) from None
        written = [folder / f for f in files]
    return Conversion(name=name, facts=[_record(f) for f in model.facts], report=report, files=written)


def _record(f: Fact) -> FactRecord:
    unit = None
    if f.unit is not None:
        unit = f.unit.numerator + (f"/{f.unit.denominator}" if f.unit.denominator else "")
    period = f.context.period
    return FactRecord(concept=f.concept.qname, namespace=f.concept.namespace, extension=f.concept.extension,
                      value=f.value, unit=unit, decimals=f.decimals, start=period.start, end=period.end,
                      entity=f.context.entity.identifier,
                      dimensions={axis.qname: member.qname for axis, member in f.context.dims},
                      line=f.source.line if f.source else None, label=f.label, origin=f.group)
