"""The zone above a table: title lines, scale phrase, column headings, and the prose that introduces it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import StatementKind
from converter.parsing.blocks import Block
from converter.parsing.lines import Kind, Line, is_prose
from converter.parsing.titles import is_company_line, is_title_line, scale_of, statement_kind
from converter.parsing.values import chunks


@dataclass
class Head:
    title: str = ""
    kind: StatementKind = StatementKind.NOTE
    scale: int | None = None
    headings: list[str] = field(default_factory=list)  # per column, top to bottom
    body_start: int = 0
    head_start: int = 0
    intro: str = ""
    continued: bool = False


def read_head(lines: list[Line], block: Block, columns: list[tuple[int, int]], floor: int) -> Head:
    head = Head(headings=[""] * len(columns))
    value_left = columns[0][0]
    i = block.first - 1
    # 1. label-zone lines right above the first row belong to the body (section headings)
    body_start = block.first
    while i >= floor:
        ln = lines[i]
        if ln.kind is not Kind.TEXT or is_prose(ln) or is_title_line(ln.stripped) or is_company_line(ln.stripped):
            break
        if not all(e <= value_left - 1 for _, e, _ in chunks(ln.text)):
            break
        body_start = i
        i -= 1
    head.body_start = body_start
    # 2. column headings: text over the value columns, rule lines, bare years
    heading_rows: list[Line] = []
    blank_run = 0
    while i >= floor:
        ln = lines[i]
        if ln.kind in (Kind.BLANK, Kind.PAGE):
            blank_run += 1
            if blank_run >= 3:
                break
            i -= 1
            continue
        blank_run = 0
        if ln.kind in (Kind.RULE, Kind.YEARS):
            heading_rows.append(ln)
            i -= 1
            continue
        if ln.kind is not Kind.TEXT or is_prose(ln) or is_title_line(ln.stripped) or is_company_line(ln.stripped):
            break
        parts = chunks(ln.text)
        if not parts or any(e <= value_left - 2 or _sentence(t) for _, e, t in parts):
            break
        heading_rows.append(ln)
        i -= 1
    heading_rows.reverse()
    _assign_headings(head, heading_rows, columns)
    # 3. title zone: a few short lines above the headings
    title_lines: list[str] = []
    seen = 0
    j = i
    while j >= floor and seen < 8:
        ln = lines[j]
        if ln.kind in (Kind.VALUES, Kind.YEARS) or is_prose(ln):
            break
        if ln.kind is Kind.TEXT:
            title_lines.insert(0, ln.stripped)
        seen += 1
        j -= 1
    head.head_start = j + 1
    zone = title_lines + [ln.stripped for ln in heading_rows if ln.kind is Kind.TEXT]
    for text in zone:
        if head.scale is None:
            head.scale = scale_of(text)
        if re.search(r"\(continued\)|\bcontinued\b", text, re.I):
            head.continued = True
    kinds = [statement_kind(t) for t in title_lines if is_title_line(t)]
    kinds = [k for k in kinds if k is not None]
    if kinds:
        head.kind = kinds[-1]
        head.title = " ".join(t for t in title_lines if is_title_line(t) or is_company_line(t))
    else:
        head.title = _note_heading(lines, i) or (title_lines[-1] if title_lines else "")
    head.intro = _intro(lines, i, floor)
    return head


def _sentence(text: str) -> bool:
    """A piece of running text rather than a column heading."""
    words = text.split()
    return len(words) > 7 or (len(words) > 3 and text.rstrip().endswith((":", ";")))


def _assign_headings(head: Head, rows: list[Line], columns: list[tuple[int, int]]) -> None:
    for r, ln in enumerate(rows):
        if ln.kind is Kind.RULE:
            continue
        if ln.kind is Kind.YEARS:
            parts = [(t.start, t.end, t.text) for t in ln.tokens]
        else:
            parts = chunks(ln.text)
        below = rows[r + 1] if r + 1 < len(rows) and rows[r + 1].kind is Kind.RULE else None
        for s, e, text in parts:
            s, e = _widen_by_rule(s, e, below)
            hit = [k for k, (cs, ce) in enumerate(columns) if min(e, ce) - max(s, cs) > 0]
            if not hit:
                near = min(range(len(columns)), key=lambda k: min(abs(columns[k][0] - e), abs(columns[k][1] - s)))
                cs, ce = columns[near]
                if min(abs(cs - e), abs(ce - s)) <= 6:
                    hit = [near]
            for k in hit:
                head.headings[k] = (head.headings[k] + " " + text).strip()


def _widen_by_rule(s: int, e: int, rule: Line | None) -> tuple[int, int]:
    """A heading over a long dash underline spans every column under that underline."""
    if rule is None:
        return s, e
    for m in re.finditer(r"[-=_]{3,}", rule.text):
        if min(e, m.end()) - max(s, m.start()) > 0:
            return min(s, m.start()), max(e, m.end())
    return s, e


_NOTE_HEADING = re.compile(r"^\s*(?:note|notes)\s+\d+[a-z]?\b", re.I)


def _note_heading(lines: list[Line], i: int, reach: int = 120) -> str:
    """The 'Note 6 - Earnings Per Share' heading a note table sits under, if one is near above."""
    for k in range(i, max(-1, i - reach), -1):
        ln = lines[k]
        if ln.kind is Kind.TEXT and len(ln.stripped) < 90 and _NOTE_HEADING.match(ln.stripped):
            return ln.stripped
    return ""


def _intro(lines: list[Line], j: int, floor: int) -> str:
    """The paragraph just above a table (crossing a page break when it continues from there)."""
    out: list[str] = []
    k = j
    while k >= floor and lines[k].kind in (Kind.BLANK, Kind.PAGE):
        k -= 1
    while k >= floor:
        paragraph: list[str] = []
        while k >= floor and lines[k].kind is Kind.TEXT:
            paragraph.insert(0, lines[k].stripped)
            k -= 1
        if not paragraph:
            break
        out[:0] = paragraph
        if paragraph[0][:1].isupper() or len(out) > 20:
            break
        while k >= floor and lines[k].kind in (Kind.BLANK, Kind.PAGE):
            k -= 1
    return " ".join(out)
