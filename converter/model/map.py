"""The map stage's model: concepts, contexts, units, facts, networks and labels: all the render
stage needs."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from converter.model.parse import Period, Table
from converter.model.read import FilingHeader, TextDocument


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    prefix: str  # us-gaap, dei, or the filer's extension prefix
    namespace: str
    type: str  # qualified item type, e.g. xbrli:monetaryItemType
    period_type: str  # instant | duration
    balance: str | None = None
    label: str = ""
    extension: bool = False
    abstract: bool = False
    substitution_group: str = "xbrli:item"  # xbrldt:dimensionItem for an axis
    qname: str = field(init=False, repr=False, compare=False)  # prefix:name, computed once: looked up often

    def __post_init__(self) -> None:
        object.__setattr__(self, "qname", f"{self.prefix}:{self.name}")

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES


NUMERIC_TYPES = frozenset({
    "xbrli:monetaryItemType", "xbrli:sharesItemType", "xbrli:pureItemType",
    "xbrli:decimalItemType", "xbrli:integerItemType", "dtr-types:perShareItemType",
    "dtr-types:percentItemType",
})


@dataclass(frozen=True, slots=True)
class Entity:
    scheme: str
    identifier: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    id: str
    entity: Entity
    period: Period
    dims: tuple[tuple[Concept, Concept], ...] = ()  # (axis, explicit member), in the segment


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    numerator: str  # e.g. iso4217:USD
    denominator: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    line: int
    col: int = 0
    text: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    concept: Concept
    context: Context
    value: Decimal | str
    unit: Unit | None = None
    decimals: int | None = None
    source: SourceRef | None = None
    label: str = ""  # the printed row label
    table: int = -1  # index of the table, -1 for cover facts
    group: str = "primary"  # primary | parenthetical | notes | cover | narrative | schedule


@dataclass(frozen=True, slots=True)
class Arc:
    """A presentation or calculation relationship of one network."""

    parent: Concept
    child: Concept
    order: int
    preferred_label: str = ""  # presentation: the label role that shows the row as printed
    weight: int = 0  # calculation: +1 or -1
    arcrole: str = ""  # definition: all, hypercube-dimension, dimension-domain, domain-member, dimension-default


@dataclass(frozen=True, slots=True)
class Network:
    """One statement or note table as an extended link role."""

    role_id: str
    role_uri: str
    definition: str  # "0002 - Statement - Condensed Consolidated Balance Sheet"
    presentation: tuple[Arc, ...]
    calculation: tuple[Arc, ...]
    table: int = -1  # index of the table it shows
    dimensional: tuple[Arc, ...] = ()  # definition linkbase: the dimensional relationships of its facts


@dataclass(frozen=True, slots=True)
class Label:
    concept: Concept
    role: str  # a label role URI
    text: str


@dataclass(frozen=True, slots=True)
class Unmapped:
    line: int
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class XbrlModel:
    name: str
    entity: Entity
    prefix: str
    namespace: str
    schema_file: str
    period_end: dt.date
    concepts: tuple[Concept, ...]  # every concept the facts use (standard and extension)
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    unmapped: tuple[Unmapped, ...] = ()
    skipped: tuple[str, ...] = field(default=())
    networks: tuple[Network, ...] = ()
    labels: tuple[Label, ...] = ()
    # summations that fail in a context because the filing misprints (mapping/checks.py)
    inconsistencies: tuple = ()
    left_out: tuple[Unmapped, ...] = ()  # amounts found in running text and not taken, with the reason
    evidence: tuple[tuple[int, str, tuple[str, ...], str], ...] = ()  # per table row: line, label, concepts, why
    schedule: object = None  # mapping/schedule.py's ScheduleReport: the EX-27's facts and cross-check
    footnotes: tuple[tuple[str, tuple[int, ...]], ...] = ()  # footnote text, the indexes of the facts it notes
    header: FilingHeader | None = None  # the filing's EDGAR header: accession, form, filed, SIC
    documents: tuple[TextDocument, ...] = ()  # the text read, lines numbered (for the inline XBRL copy)

    def cover(self) -> dict[str, str]:
        """The cover's DEI values by local name ("DocumentType": "10-Q", "EntityCentralIndexKey": ...)."""
        return {f.concept.name: str(f.value) for f in self.facts if f.concept.prefix == "dei" and not f.context.dims}

    def notes_of_facts(self) -> dict[int, list[int]]:
        """Fact index -> the indexes (in self.footnotes) of the footnotes on it."""
        out: dict[int, list[int]] = {}
        for k, (_, indexes) in enumerate(self.footnotes):
            for i in indexes:
                out.setdefault(i, []).append(k)
        return out
