"""The zone above a table: title lines, scale phrase, column headings, and the prose that introduces it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import StatementKind
from converter.parsing.blocks import Block
from converter.parsing.column_headings import assign_headings
from converter.dates import find_dates
from converter.parsing.lines import Kind, Line, is_prose
from converter.parsing.titles import (
    company_of, is_company_line, is_supplementary, is_title_line, scale_of, statement_kind,
)
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
    title_text: str = ""  # every line of the title zone, for a period printed under the title
    scale_text: str = ""  # the line that states the scale
    stub_text: str = ""  # heading-zone text left of the columns ("SEPTEMBER 26, 1997 AND ...")
    company: str = ""
    continued: bool = False


def read_head(lines: list[Line], block: Block, columns: list[tuple[int, int]], floor: int) -> Head:
    head = Head(headings=[""] * len(columns))
    value_left = columns[0][0]
    i = block.first - 1
    # 1. label-zone lines above the first row belong to the body (section headings), also
    #    across a blank line; a date, a scale phrase or a title ends them
    body_start = block.first
    k, blanks = i, 0
    while k >= floor and blanks < 4:
        ln = lines[k]
        if ln.kind in (Kind.BLANK, Kind.PAGE):
            blanks += 1
            k -= 1
            continue
        if not _body_heading(ln, value_left):
            break
        blanks = 0
        body_start = k
        i = k - 1
        k -= 1
    head.body_start = body_start
    # 2. column headings: text over the value columns, rule lines, bare years
    heading_rows: list[Line] = []
    blank_run = 0
    while i >= floor:
        ln = lines[i]
        if ln.kind in (Kind.BLANK, Kind.PAGE):
            blank_run += 1
            if blank_run >= 4:
                break
            i -= 1
            continue
        blank_run = 0
        if ln.kind in (Kind.RULE, Kind.YEARS):
            heading_rows.append(ln)
            i -= 1
            continue
        if ln.kind is not Kind.TEXT or is_prose(ln):
            break
        # a stub text at the left ("(in 000s,", a title) may share a heading line with the headings
        every = chunks(ln.text)
        parts = [p for p in every if p[1] > value_left - 2]
        if (is_title_line(ln.stripped) or is_company_line(ln.stripped)) and (len(every) == 1 or not parts
                                                                             or len(parts) == len(every)):
            break
        if not parts or any(_sentence(t) for _, _, t in parts):
            if _headings_above(lines, i, floor, value_left):
                i -= 1  # a caption between the column headings and the body
                continue
            break
        heading_rows.append(ln)
        i -= 1
    heading_rows.reverse()
    head.headings = assign_headings(heading_rows, columns, value_left)
    head.stub_text = " ".join(t for ln in heading_rows if ln.kind is not Kind.RULE
                              for _, e, t in chunks(ln.text) if e <= value_left - 2)
    # 3. title zone: a few short lines above the headings
    title_lines: list[str] = []
    seen = 0
    j = i
    blanks = 0
    while j >= floor and seen < 6 and blanks < 10:
        ln = lines[j]
        if ln.kind in (Kind.VALUES, Kind.YEARS) or is_prose(ln):
            break
        if ln.kind is Kind.TEXT:
            title_lines.insert(0, ln.stripped)
            seen += 1
            blanks = 0
        else:
            blanks += 1
        j -= 1
    head.head_start = j + 1
    head.title_text = " ".join(title_lines)
    head.company = company_of(title_lines)
    # every line between the title and the first row: the scale may sit under the headings
    between = [ln.stripped for ln in lines[j + 1:body_start] if ln.kind in (Kind.TEXT, Kind.YEARS)]
    zone = title_lines + [" ".join(between)]
    for text in zone:
        if head.scale is None:
            head.scale = scale_of(text)
            head.scale_text = text if head.scale else ""
        if re.search(r"\(continued\)|\bcontinued\b", text, re.I):
            head.continued = True
    # a title printed at the left of the column headings ("CONSOLIDATED STATEMENTS OF INCOME  Quarter Ended")
    stub_titles = [t for ln in heading_rows if ln.kind is not Kind.RULE
                   for _, e, t in chunks(ln.text) if e <= value_left - 2 and is_title_line(t)]
    title_lines = title_lines + stub_titles
    kinds = [statement_kind(t) for t in title_lines if is_title_line(t)]
    kinds = [k for k in kinds if k is not None]
    if kinds and not is_supplementary(" ".join(t for t in title_lines if is_title_line(t))):
        head.kind = kinds[-1]
        head.title = " ".join(t for t in title_lines if is_title_line(t) or is_company_line(t))
    else:
        head.title = _note_heading(lines, i) or (title_lines[-1] if title_lines else "")
    head.intro = _intro(lines, i, floor)
    return head


def _headings_above(lines: list[Line], i: int, floor: int, value_left: int) -> bool:
    """Column headings (bare years, an underline, text over the columns) within a few lines above."""
    seen = 0
    for k in range(i - 1, max(floor - 1, i - 8), -1):
        ln = lines[k]
        if ln.kind in (Kind.YEARS, Kind.RULE):
            return True
        if ln.kind is Kind.VALUES or is_prose(ln) or is_title_line(ln.stripped):
            return False
        if ln.kind is Kind.TEXT:
            parts = chunks(ln.text)
            if any(e > value_left - 2 for _, e, _ in parts) and not any(_sentence(t) for _, _, t in parts):
                return True
            seen += 1
            if seen > 3:
                return False
    return False


def _body_heading(ln: Line, value_left: int) -> bool:
    """A section heading printed in the label zone ('Current assets:', 'CASH FLOWS FROM ...')."""
    if ln.kind is not Kind.TEXT or is_prose(ln):
        return False
    text = ln.stripped
    if is_title_line(text) or is_company_line(text) or scale_of(text) or find_dates(text) or not text[0].isupper():
        return False
    return all(e <= value_left - 1 for _, e, _ in chunks(ln.text))


def _sentence(text: str) -> bool:
    """A piece of running text rather than a column heading."""
    words = text.split()
    return len(words) > 7 or (len(words) > 3 and text.rstrip().endswith((":", ";")))


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
