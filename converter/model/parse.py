"""The parse stage's model: tables of rows and cells in columns with periods, the cover, the
running text and the EX-27 schedules."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from converter.model.read import Filing


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
    line: int  # of its first line (after <TEXT>)
    article: str  # 5, 7, 9, BD, UT, 6, ...
    multiplier: int
    columns: tuple[ScheduleColumn, ...]
    values: tuple[ScheduleValue, ...]
    currency: str = ""  # as written (<CURRENCY> U.S. DOLLARS); "" when not stated
    restated: bool = False
    subsidiary: str = ""  # the subsidiary or series a schedule is of (<SUBSIDIARY>, <SERIES> <NAME>), not the registrant
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
