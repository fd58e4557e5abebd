"""The read stage's model: a submission's header fields and its text documents."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
