"""The frozen models that the pipeline stages hand to each other.

read -> Filing, parse -> ParsedFiling, map -> XbrlModel. Stages import this module (and their
own helpers), never each other. Every number keeps the source position it was read from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


# ---------------------------------------------------------------- read


@dataclass(frozen=True, slots=True)
class FilingHeader:
    """Fields of an EDGAR header (SEC-HEADER, IMS-HEADER or .nc SUBMISSION); all optional."""

    cik: str | None = None
    form_type: str | None = None
    period: dt.date | None = None
    company: str | None = None
    fiscal_year_end: str | None = None  # "MMDD"
    file_number: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None
    accession: str | None = None
    filed: dt.date | None = None
    sic: int | None = None  # STANDARD INDUSTRIAL CLASSIFICATION: "STATE COMMERCIAL BANKS [6022]"


@dataclass(frozen=True, slots=True)
class TextDocument:
    """One document of a submission, as text lines with their 1-based line numbers in the file."""

    type: str
    description: str
    lines: tuple[str, ...]
    line_numbers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SkippedDocument:
    type: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Filing:
    path: str
    name: str
    header: FilingHeader
    documents: tuple[TextDocument, ...]
    skipped: tuple[SkippedDocument, ...] = ()
    notes: tuple[str, ...] = ()
    schedules: tuple[TextDocument, ...] = ()  # EX-27 documents as written, lines not cleaned


# ---------------------------------------------------------------- parse


@dataclass(frozen=True, slots=True)
class Period:
    """An instant (start is None) or a duration with both days inclusive."""

    end: dt.date
    start: dt.date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def key(self) -> str:
        if self.start is None:
            return f"I{self.end.isoformat()}"
        return f"D{self.start.isoformat()}_{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Cell:
    """A printed value. value is None for a dash (nothing printed as a number)."""

    text: str
    value: Decimal | None
    decimals: int
    line: int
    col: int
    negative: bool = False
    percent: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    left: int
    right: int
    heading: str
    period: Period | None = None
    measure: str = ""  # a non-period heading ("Cost", "Fair Value") when the period comes from elsewhere
    member: str = ""  # the printed name of the column's group when it is not the consolidated one ("Automotive")


class RowKind(str, Enum):
    DATA = "data"
    TOTAL = "total"
    SUBTOTAL = "subtotal"  # an unlabelled sum line


@dataclass(frozen=True, slots=True)
class Row:
    label: str  # as printed (wrapped lines joined)
    context: str  # section heading(s) it sits under
    indent: int
    cells: tuple[Cell | None, ...]
    line: int
    kind: RowKind = RowKind.DATA
    components: tuple[int, ...] = ()  # for a total: indexes of the rows it sums, as printed
    after_rule: bool = False  # printed under an underline
    scale: int | None = None  # a scale the row's own label or heading states: "shares (in millions)"
    misprints: tuple[int, ...] = ()  # columns where the printed total is not the sum of its components
    subtracted: tuple[int, ...] = ()  # components taken away, as printed: "Gross profit" = sales - cost of sales
    period: Period | None = None  # the row's own period, in a roll-forward whose columns are components


class StatementKind(str, Enum):
    BALANCE = "balance"
    INCOME = "income"
    CASHFLOW = "cashflow"
    EQUITY = "equity"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    kind: StatementKind
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    scale: int
    first_line: int
    last_line: int
    intro: str = ""  # the prose just above a note table: its subject and period
    per_share_scale: int = 1
    shares_scale: int = 1
    company: str = ""  # the company its title names ("NEW LINE CINEMA CORPORATION AND SUBSIDIARIES")
    kind_evidence: tuple[str, float, str] = ("title", 0.0, "")  # decided by, vocabulary score, runner-up
    roll_forward: bool = False  # the periods are the rows' own (an equity statement's components as columns)
    combination: bool = False  # a pro forma combination: its plain column is the registrant's own figures
    scale_stated: bool = True  # a scale phrase governs it (its own or a statement's above it)


@dataclass(frozen=True, slots=True)
class CoverInfo:
    registrant: str | None = None
    form_type: str | None = None
    period_end: dt.date | None = None
    fiscal_year_end: str | None = None  # "--MM-DD"
    file_number: str | None = None
    tax_id: str | None = None
    state: str | None = None
    amendment: bool = False
    shares_outstanding: tuple[Decimal, dt.date, int] | None = None  # value, date, source line
    cik: str | None = None
    dateline: dt.date | None = None  # a press release's date line


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of running text, whitespace collapsed, and where its lines start in it."""

    text: str
    lines: tuple[tuple[int, int], ...]  # (offset in text, source line number), in order

    def line_at(self, offset: int) -> int:
        line = self.lines[0][1] if self.lines else 0
        for at, number in self.lines:
            if at > offset:
                break
            line = number
        return line


@dataclass(frozen=True, slots=True)
class SkippedTable:
    first_line: int
    last_line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ScheduleColumn:
    """One column of a Financial Data Schedule: its PERIOD-TYPE and dates as the filer wrote them."""

    period_type: str  # "YEAR", "3-MOS", ... ("" when not given)
    end: dt.date
    start: dt.date | None = None  # PERIOD-START, when given
    fiscal_year_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ScheduleValue:
    """One tag of a schedule: its text and value in each column (None where unreadable or absent)."""

    tag: str
    texts: tuple[str, ...]
    values: tuple[Decimal | None, ...]
    line: int
    footnote: str = ""  # the <Fn> note its value is marked with


@dataclass(frozen=True, slots=True)
class Schedule:
    """An EX-27 Financial Data Schedule (1993-2001): the filer's own tagging of its key figures."""

    document: str  # EX-27, EX-27.1, ...
    line: int  # of its <TYPE> line
    article: str  # 5, 7, 9, BD, UT, 6, ...
    multiplier: int
    columns: tuple[ScheduleColumn, ...]
    values: tuple[ScheduleValue, ...]
    currency: str = ""  # as written (<CURRENCY> U.S. DOLLARS); "" when not stated
    restated: bool = False
    problems: tuple[str, ...] = ()  # what was not read, with its line


@dataclass(frozen=True, slots=True)
class ParsedFiling:
    filing: Filing
    cover: CoverInfo
    tables: tuple[Table, ...]
    skipped_tables: tuple[SkippedTable, ...] = ()
    sentences: tuple[Sentence, ...] = ()  # the running text outside the tables
    # every number printed in a table block, placed or not, with its line: what the text repeats
    table_numbers: tuple[tuple[Decimal, int], ...] = ()
    schedules: tuple[Schedule, ...] = ()  # the EX-27 Financial Data Schedules


# ---------------------------------------------------------------- map


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
