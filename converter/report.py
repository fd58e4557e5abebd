"""The report of one conversion (NAME.report.json) as typed models: what crosses the public API.

The models are the report's definition: `txt2xbrl` writes them, `converter.convert_file`
returns them, and docs/report.schema.json (their JSON Schema, written by
tools/gen_report_schema.py and held to them by a test) tells other programs what to expect.
Optional sections are left out of the JSON when they do not apply (`members`, `schedule`).
"""
from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityInfo(_Model):
    scheme: str
    identifier: str
    name: str


class TableInfo(_Model):
    title: str
    kind: str = Field(description="balance, income, cashflow, equity or note")
    kind_by: str = Field(description="what decided the kind: the title, the content, or content over title")
    kind_score: float
    runner_up: str
    lines: list[int] = Field(description="first and last source line")
    columns: list[str | None] = Field(description="each column's period: I2001-12-31 or D2001-01-01_2001-12-31")
    rows: int
    members: list[str] | None = Field(None, description="the group each column is printed for, where not consolidated")


class Inconsistency(_Model):
    role: str
    concept: str
    context: str
    reported: str
    computed: str
    line: int


class FindingRecord(_Model):
    """One finding, in the shape of every check of txt2xbrl (converter/validator/findings.py)."""

    code: str = Field(description="convert:warning, convert:unplaced, calc:inconsistent, schedule:differs")
    severity: str = Field(description="warning or inconsistency: a conversion that is written has no error")
    message: str
    file: str = Field(description="the source filing")
    line: int = Field(description="its line (0 when the finding has none)")
    column: int = 0


class ConceptChoice(_Model):
    line: int
    label: str
    concepts: list[str]
    by: str = Field(description="a rule of taxonomy/concepts.toml, the label map, the arithmetic, or why an extension")


class NarrativeFact(_Model):
    line: int
    concept: str
    context: str
    value: str
    decimals: int | None
    text: str


class LeftOut(_Model):
    line: int
    amount: str
    reason: str


class Narrative(_Model):
    facts: list[NarrativeFact]
    left_out: list[LeftOut]


class ScheduleDocument(_Model):
    document: str = Field(description="EX-27, EX-27.1, ...")
    line: int
    article: str
    multiplier: int = Field(description="0 when the schedule's multiplier is not a power of ten")
    currency: str
    restated: bool
    periods: list[str]
    problems: list[str]


class ScheduleCheck(_Model):
    tag: str
    document: str
    concept: str
    period: str
    schedule: str
    schedule_text: str
    schedule_line: int
    statements: str
    statements_line: int
    status: str = Field(description="agree, differs, or differs in sign")
    key: bool
    note: str = Field(description="the filer's footnote to the value (<FN>), if any")


class ScheduleFact(_Model):
    tag: str
    concept: str
    context: str
    value: str
    line: int
    note: str = Field(description="the filer's footnote to the value (<FN>), if any")


class ScheduleLeftOut(_Model):
    tag: str
    line: int
    reason: str


class Schedule(_Model):
    documents: list[ScheduleDocument]
    summary: str
    counts: dict[str, int]
    key_counts: dict[str, int]
    checks: list[ScheduleCheck]
    facts: list[ScheduleFact]
    left_out: list[ScheduleLeftOut]


class SourceStamp(_Model):
    file: str
    bytes: int
    sha256: str
    converter: str
    options: dict[str, str | bool | list[str] | None]


class Report(_Model):
    """What one conversion did, with the line of every number, choice and problem."""

    filing: str
    entity: EntityInfo
    period_end: str
    tables: list[TableInfo]
    statements_found: list[str]
    facts: int
    extension_concepts: list[str]
    findings: list[FindingRecord] = Field(description="warnings, rows left out, calculation inconsistencies and "
                                                      "schedule differences, each with its code and source line")
    calculation_inconsistencies: list[Inconsistency]
    concepts_by: list[ConceptChoice]
    narrative: Narrative
    skipped_documents: list[str]
    schedule: Schedule | None = None
    source: SourceStamp | None = None

    def to_json(self) -> str:
        """The report file's text: the optional sections only where they apply."""
        data = self.model_dump(mode="json")
        for key in ("schedule", "source"):
            if data[key] is None:
                del data[key]
        for table in data["tables"]:
            if table["members"] is None:
                del table["members"]
        return json.dumps(data, indent=1) + "\n"
