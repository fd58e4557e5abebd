"""The rule files of taxonomy/ read with their schema (pydantic models), so that a rule someone
edits wrongly is refused with its file and line instead of misleading the converter quietly:
`taxonomy/concepts.toml:412: rule 58, statements: Input should be 'balance', 'income', ...`.

Checked: concepts.toml (the concept rules), schedules.toml (the EX-27 tags) and units.toml (the
unit patterns); every pattern must compile. The converter reads each file once and checks it
then (a wrong file stops every conversion with the message, exit 1); tests check them all.
"""
from __future__ import annotations

import re
import tomllib
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from converter.resources import taxonomy_dir

Statement = Literal["balance", "income", "cashflow", "equity", "note"]


class RuleFileError(Exception):
    """A rule file that is not valid TOML or whose entries do not fit their model."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _compiles(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
    return value


class ConceptRule(_Strict):
    name: str | None = None
    names: list[str] | None = None
    labels: list[str] = []
    patterns: list[str] = []
    statements: list[Statement]
    context: str | None = None
    negate: bool = False
    at: Literal["start", "end", "dated"] | None = None
    magnitude: bool = False
    unless: str | None = None
    unless_printed: str | None = None
    needs_member: bool = False

    _patterns = field_validator("context", "unless", "unless_printed")(_compiles)

    @field_validator("patterns")
    @classmethod
    def _each_compiles(cls, value: list[str]) -> list[str]:
        for p in value:
            _compiles(p)
        return value

    @model_validator(mode="after")
    def _named(self) -> "ConceptRule":
        if (self.name is None) == (self.names is None):
            raise ValueError("a rule names its concept with exactly one of 'name' or 'names'")
        if not self.patterns and not self.labels:
            raise ValueError("a rule needs 'patterns' or 'labels' to match a row")
        return self


class ParentheticalRule(_Strict):
    row: list[str]
    name: str
    unit: str
    patterns: list[str]


class TotalRule(_Strict):
    name: str
    statements: list[Statement]
    contains: list[str]
    excludes: list[str] = []
    requires: list[str] = []
    labelled: bool = False
    closes: str = ""
    outermost: bool = False


class NetOf(_Strict):
    net: str
    gross: str = ""
    less: list[str] = []
    less_words: str | None = None

    _words = field_validator("less_words")(_compiles)


class ByTitle(_Strict):
    title: str
    instead: dict[str, str]

    _title = field_validator("title")(_compiles)


class Apart(_Strict):
    heading: str
    concepts: str

    _patterns = field_validator("heading", "concepts")(_compiles)


class ConceptsFile(_Strict):
    rule: list[ConceptRule]
    parenthetical: list[ParentheticalRule] = []
    net_of: list[NetOf] = []
    total: list[TotalRule] = []
    negative_printed: dict[str, str] = {}
    by_title: list[ByTitle] = []
    unclassified: dict[str, str] = {}
    apart: list[Apart] = []


Tag = tuple[str, Literal["instant", "duration", "opening"], Literal["money", "per-share", "percent", "shares"]]


class TagList(_Strict):
    tags: list[str]


class SchedulesFile(_Strict):
    key: TagList
    check_only: TagList
    common: dict[str, Tag]
    article: dict[str, dict[str, Tag]]


def _pieces_compile(value: str | list[str]) -> str | list[str]:
    _compiles("".join(value) if isinstance(value, list) else value)
    return value


class UnitsFile(_Strict):
    patterns: dict[str, Annotated[str | list[str], AfterValidator(_pieces_compile)]]


MODELS: dict[str, type[BaseModel]] = {"concepts.toml": ConceptsFile, "schedules.toml": SchedulesFile,
                                      "units.toml": UnitsFile}


def check_rule_file(name: str, text: str | None = None) -> dict:
    """The rule file's data, after its model has checked it; RuleFileError names the file and
    line of the first entry that does not fit (TOML's own errors give theirs)."""
    path = taxonomy_dir() / name
    text = path.read_text(encoding="utf-8") if text is None else text
    where = f"taxonomy/{name}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise RuleFileError(f"{where}:{m.group(1) if m else 0}: not valid TOML: {exc}") from None
    model = MODELS.get(name)
    if model is not None:
        try:
            model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = first["loc"]
            what = ", ".join(_entry(loc))
            raise RuleFileError(f"{where}:{_line_of(text, loc)}: {what}: {first['msg']}") from None
    return data


def _entry(loc: tuple) -> list[str]:
    """("rule", 57, "statements", 0) -> ["rule 58", "statements"]: entries counted from 1."""
    out: list[str] = []
    for part in loc:
        if isinstance(part, int) and out:
            out[-1] = f"{out[-1]} {part + 1}"
        else:
            out.append(str(part))
    return out


def _line_of(text: str, loc: tuple) -> int:
    """The line of the entry an error's location names: the n-th [[table]] of an array of tables
    (or the [table]), then the key inside it; the table's line when the key is not written."""
    lines = text.split("\n")
    start, end = 0, len(lines)
    parts = list(loc)
    if parts and isinstance(parts[0], str):
        head = parts.pop(0)
        # a table of a dotted name ([article.9]) where one is written
        while parts and isinstance(parts[0], str) and any(
                re.match(rf"^\s*\[{re.escape(head)}\.{re.escape(parts[0])}\]", line) for line in lines):
            head = f"{head}.{parts.pop(0)}"
        index = parts.pop(0) if parts and isinstance(parts[0], int) else None
        marks = [i for i, line in enumerate(lines)
                 if re.match(rf"^\s*\[\[?{re.escape(head)}\]\]?\s*(?:#.*)?$", line)]
        if marks:
            start = marks[index] if index is not None and index < len(marks) else marks[0]
            end = next((i for i in range(start + 1, len(lines)) if re.match(r"^\s*\[", lines[i])), len(lines))
        else:  # a key of the top level or of a table named by its section: the key itself
            parts.insert(0, head)
    for part in parts:
        if isinstance(part, str):
            key = next((i for i in range(start, end)
                        if re.match(rf'^\s*"?{re.escape(part)}"?\s*=', lines[i])), None)
            if key is not None:
                return key + 1
    return start + 1
