"""The frozen models that the pipeline stages hand to each other.

read -> Filing (read.py), parse -> ParsedFiling (parse.py), map -> XbrlModel (map.py). Stages
import this package (and their own helpers), never each other. Every number keeps the source
position it was read from.
"""
from converter.model.read import FilingHeader, TextDocument, SkippedDocument, Filing
from converter.model.parse import (
    Period, Cell, Column, RowKind, Row, StatementKind, Table, CoverInfo, Sentence, SkippedTable,
    ScheduleColumn, ScheduleValue, Schedule, ParsedFiling,
)
from converter.model.map import (
    Concept, Entity, Context, Unit, SourceRef, Fact, Arc, Network, Label, Unmapped, XbrlModel,
    NUMERIC_TYPES,
)

__all__ = [
    "FilingHeader", "TextDocument", "SkippedDocument", "Filing", "Period", "Cell", "Column", "RowKind",
    "Row", "StatementKind", "Table", "CoverInfo", "Sentence", "SkippedTable", "ScheduleColumn",
    "ScheduleValue", "Schedule", "ParsedFiling", "Concept", "Entity", "Context", "Unit", "SourceRef",
    "Fact", "Arc", "Network", "Label", "Unmapped", "XbrlModel", "NUMERIC_TYPES",
]
