"""A statement over more than one block: the last statement of a document (a "(Continued)" page
without headings of its own takes its columns), a table printed in two parts whose lines are
joined by label, and an equity statement whose columns are its components (a roll-forward)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from converter.model import Column, Row, StatementKind, Table
from converter.parsing.periods import own_start
from converter.parsing.roll_forward import roll_forward
from converter.parsing.column_groups import group_name
from converter.parsing.column_layouts import spanned_by_rules

_RULED = re.compile(r"--|__|==")
_TOTAL_WORD = re.compile(r"\btotal\b", re.I)


class LastStatement(NamedTuple):
    """The last statement table of a document: an untitled table right under it may continue it."""
    kind: StatementKind
    last_line: int
    title: str
    own: bool  # the filer's own figures, not a pro forma or consolidating presentation
    columns: tuple = ()  # its columns: a "(Continued)" page printed without headings takes them


def second_part(table: Table, part: list[Column], rows: list[Row]) -> Table | None:
    """The combination with the second part's columns after its own, each of its lines taking the
    cells of the part's line of the same label (in order); None where the parts' lines differ."""
    def key(label: str) -> str:
        return " ".join(re.sub(r"[^a-z0-9]+", " ", label.lower()).split())
    waiting: dict[str, list[Row]] = {}
    for r in rows:
        waiting.setdefault(key(r.label), []).append(r)
    valued = [r for r in rows if any(c is not None and c.value is not None for c in r.cells)]
    width, added = len(table.columns), len(part)
    merged, matched = [], 0
    for r in table.rows:
        twin = waiting.get(key(r.label)) if r.label else None
        other = twin.pop(0) if twin else None
        matched += other is not None and other in valued
        cells = tuple(other.cells) if other is not None else (None,) * added
        merged.append(dataclasses.replace(r, cells=tuple(r.cells) + cells[:added] + (None,) * (added - len(cells))))
    if not valued or matched * 10 < len(valued) * 9:
        return None
    columns = tuple(table.columns) + tuple(dataclasses.replace(c, index=c.index + width) for c in part)
    return dataclasses.replace(table, columns=columns, rows=tuple(merged))


def carried_columns(head, spans, statement: LastStatement | None) -> list[Column] | None:
    """The columns of the statement a "(Continued)" page goes on with, where the page prints no
    column headings of its own and its value columns stand under the statement's."""
    if statement is None or not statement.own or not head.continued or any(h.strip() for h in head.headings) \
            or head.kind is not statement.kind or len(spans) != len(statement.columns):
        return None
    if any(min(r, c.right) - max(left, c.left) <= 0 for (left, r), c in zip(spans, statement.columns)):
        return None
    return [dataclasses.replace(c, index=k, left=left, right=r)
            for k, ((left, r), c) in enumerate(zip(spans, statement.columns))]


def component_columns(head, spans, rows):
    """An equity statement whose every column is headed by a component ("Common Stock",
    "Retained Earnings", "Total"), or a table of one unheaded column, whose rows hold dated
    balances: its roll-forward."""
    cols = [Column(k, left, right, head.headings[k]) for k, (left, right) in enumerate(spans)]
    if len(cols) == 1 and not cols[0].heading.strip():
        # one unheaded column, of an equity statement or a note: the whole, from "Balance,
        # December 31, 2000" to "Balance, June 30, 2001"
        return roll_forward(cols, rows)
    if head.kind is not StatementKind.EQUITY:
        return None
    cols = spanned_by_rules(cols)
    if not cols or not all(group_name(c) for c in cols) or any(_RULED.search(c.heading) for c in cols) \
            or sum(bool(_TOTAL_WORD.search(c.heading)) for c in cols) > 1:
        # a heading that took in a rule, or two that name the total (words of one heading spread
        # over its neighbours': "Notes Receivable Total from ..."), were not told apart
        return None
    inception = own_start(head.title_text, dt.date(2100, 1, 1)) if "inception" in head.title_text.lower() else None
    return roll_forward(cols, rows, inception)


