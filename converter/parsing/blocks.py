"""Table finding: runs of value rows, their column boundaries, and the heading zone above them.

Pure functions over classified lines, so each intermediate result can be printed
(`txt2xbrl debug FILE` shows them).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from converter.dates import FISCAL_YEAR, FULL_DATE, MONTH_DAY, NUMERIC_DATE, QUARTER_OF_YEAR
from converter.parsing.lines import (
    Line, is_prose, BLANK_LINE, RULE_LINE, VALUES_LINE, YEARS_LINE, TEXT_LINE, PAGE_LINE,
)
from converter.parsing.titles import (
    is_caption, is_item_heading, is_note_heading, is_numbered_heading, is_title_line, scale_of,
)

_LONE_YEAR = re.compile(r"(?:19|20)\d\d")
_WIDE = re.compile(r"\s{3,}")
# a scale phrase printed further right, under underlined column headings, starts a table's second
# part ("(DOLLARS IN THOUSANDS)" under "PRO FORMA ADJUSTMENTS"); not a label's last line, not a
# page's running head
_LABEL_ZONE = 20
MAX_GAP = 14  # non-value lines a table may hold between two value rows (wrapped labels, headings)


@dataclass(frozen=True, slots=True)
class Block:
    first: int  # index of the first value row
    last: int  # index of the last value row
    rows: tuple[int, ...]  # indexes of the value rows


def find_blocks(lines: list[Line]) -> list[Block]:
    """Group value rows into blocks; a heading line, a title or prose between two rows splits them."""
    value_rows = [ln.index for ln in lines if ln.kind is VALUES_LINE and not _in_paragraph(lines, ln.index)]
    blocks: list[Block] = []
    current: list[int] = []
    for idx in value_rows:
        if current and _breaks(lines, current[-1] + 1, idx):
            blocks.append(Block(current[0], current[-1], tuple(current)))
            current = []
        current.append(idx)
    if current:
        blocks.append(Block(current[0], current[-1], tuple(current)))
    return blocks


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    i += step
    while 0 <= i < len(lines):
        if lines[i].kind is not BLANK_LINE:
            return lines[i]
        i += step
    return None


def _in_paragraph(lines: list[Line], i: int) -> bool:
    """A prose line that happens to end in a number ('...out of Chapter  11', '...million from  1,364')."""
    label = lines[i].label
    if len(label.split()) < 6 or len(lines[i].tokens) >= 2:
        return False  # (amounts in two columns or more are a table's row, whatever the text below it)
    before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
    if any(n is not None and is_prose(n) for n in (before, after)):
        return True
    return len(label.split()) >= 8 and bool(re.search(r"\$\s?\d|\d%|\bmillion\b|\bbillion\b", label))


def _breaks(lines: list[Line], start: int, end: int) -> bool:
    filled = 0
    for k in range(start, end):  # (the text between two tables: counted only until it is too long)
        if lines[k].kind is not BLANK_LINE and lines[k].kind is not PAGE_LINE:
            filled += 1
            if filled > MAX_GAP:
                return True
    gap = lines[start:end]
    prose = 0
    blanks = 0
    above = ""  # the text line just above: a title may be broken over two lines
    underlined = False  # text then an underline: column headings printed anew
    paged = False  # a page mark: a scale stated on the new page opens a table of its own
    for ln in gap:
        paged = paged or ln.kind is PAGE_LINE
        if ln.kind is YEARS_LINE:
            return True
        if ln.kind is RULE_LINE and any(g.kind is TEXT_LINE for g in gap[:gap.index(ln)]):
            underlined = True
        if ln.kind is TEXT_LINE:
            caption = is_caption(ln.stripped)
            if (is_title_line(ln.stripped) and not caption) or _is_heading_text(ln.text) \
                    or (is_title_line(_WIDE.split(ln.stripped)[0]) and not caption) \
                    or (ln.indent < 4 and _begins_a_part(ln.stripped)) \
                    or ((underlined and ln.indent > _LABEL_ZONE or paged) and ln.stripped.startswith("(")
                        and scale_of(ln.stripped)) \
                    or (above and ln.stripped[:1].isupper() and not ln.stripped.endswith(":")
                        and is_title_line(f"{above} {ln.stripped}")):
                return True
            if is_prose(ln):
                prose += 1
                if prose >= 2:
                    return True
        above = ln.stripped if ln.kind is TEXT_LINE else ""
        if ln.kind is BLANK_LINE:
            blanks += 1
            if blanks >= 8:
                return True
        else:
            blanks = 0
    return False


_DOTTED = re.compile(r"^\d{1,2}\.\s")
_LONE_DATE = re.compile(r"(?:(?:at|as of)\s+)?[a-z]{3,9}\.?\s+\d{1,2},\s*\d{4}")


def _begins_a_part(text: str) -> bool:
    """'Note 6. Income Taxes', 'Item 8. ...', '11.  QUARTERLY FINANCIAL DATA': a new part of the
    report ("(2) Additional shares deemed" is a table's row)."""
    return is_note_heading(text, titled=True) or is_item_heading(text, titled=True) \
        or (is_numbered_heading(text) and bool(_DOTTED.match(text)))


def _is_heading_text(text: str) -> bool:
    """Column headings between two runs of rows start a new table: 'May 31, 2004   May 31, 2003',
    or years standing apart over the columns beside other headings ('2006   Change   2005')."""
    pieces = _WIDE.split(text.strip())
    if sum(bool(_LONE_YEAR.fullmatch(piece)) for piece in pieces) >= 2:
        return True
    # "Fiscal 2007    Fiscal 2006", "4Q01   1Q02   2Q02": a period notation heading each of two columns
    if sum(bool(FISCAL_YEAR.fullmatch(p) or QUARTER_OF_YEAR.fullmatch(p)) for p in pieces) >= 2:
        return True
    text = text.strip()
    dates = len(FULL_DATE.findall(text)) + len(NUMERIC_DATE.findall(text))
    if dates >= 2 or len(MONTH_DAY.findall(text)) >= 3:
        return True  # ("Mar. 31   June 30   Sept. 30   Dec. 31": a quarterly table's headings)
    low = text.lower()
    if dates == 1 and _LONE_DATE.fullmatch(low) and len(text) < 40 and FULL_DATE.search(text):
        return True  # "December 31, 1999" centred over a table printed again for the earlier date
    return dates >= 1 and ("ended" in low or "months" in low) and len(text) < 90


def find_columns(lines: list[Line], block: Block) -> list[tuple[int, int]]:
    """Column spans [left, right) from the union of the value cells' spans in the block."""
    spans = sorted((t.start, t.end) for i in block.rows for t in lines[i].tokens)
    columns: list[list[int]] = []
    for s, e in spans:
        if columns and s < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], e)
        else:
            columns.append([s, e])
    return [(s, e) for s, e in columns]


def drop_label_zone_columns(lines: list[Line], block: Block, columns: list[tuple[int, int]]):
    """Numbers printed inside wrapped labels ('10,000,000' / 'shares authorized;') are no column.

    A column that ends before most labels of the block end is label text: its lines become
    text lines again. Returns the block and columns without them.
    """
    block, columns = _drop_label_numbers(lines, block, columns)
    ends = sorted(lines[i].indent + len(lines[i].label) for i in block.rows if lines[i].label)
    if len(ends) < 3 or len(columns) < 2:
        return block, columns
    median_end = ends[(len(ends) * 4) // 5]  # most labels end before this
    kept = [c for c in columns if c[1] > median_end + 1]
    if len(kept) == len(columns) or not kept:
        return block, columns
    left = kept[0][0]
    rows = []
    for i in block.rows:
        ln = lines[i]
        if all(t.end <= left for t in ln.tokens):
            lines[i] = Line(ln.index, ln.number, ln.text, TEXT_LINE, ln.text.strip(), len(ln.text) - len(ln.text.lstrip()))
        else:
            rows.append(i)
    if not rows:
        return block, columns
    return Block(rows[0], rows[-1], tuple(rows)), kept


def _drop_label_numbers(lines: list[Line], block: Block, columns: list[tuple[int, int]]):
    """A share count or year of a wrapped label standing apart ('issued 2,192,970,504 in 1998,
    2,188,316,808   219   219') makes a first column of a few rows: plain numbers, each in a row
    that has values of its own further right. They are label text again."""
    if len(columns) < 3 or len(block.rows) < 6:
        return block, columns
    first = columns[0]
    held = [i for i in block.rows if any(first[0] <= t.start < first[1] for t in lines[i].tokens)]
    if not held or len(held) > max(2, len(block.rows) // 8):
        return block, columns
    for i in held:
        toks = lines[i].tokens
        before = lines[i].text[:toks[0].start] if toks else ""
        if len(toks) < 2 or toks[0].start >= first[1] or any(ch in toks[0].text for ch in "$(.%") \
                or not (_LONE_YEAR.fullmatch(toks[0].text) or "," in toks[0].text) \
                or len(before) - len(before.rstrip()) > 2:
            return block, columns  # a number two blanks from its words at most: the label's own
    for i in held:
        ln = lines[i]
        keep = ln.tokens[1:]
        label = ln.text[:keep[0].start].strip()
        lines[i] = ln._replace(label=label, tokens=keep)
    return block, columns[1:]



def assign(tokens, columns: list[tuple[int, int]]) -> list[int | None]:
    """Column index of each token, by overlap with the column spans (nearest within 4 characters
    when none overlaps). Spans are sorted and disjoint: each token looks only at its neighbours,
    so a line of thousands of numbers costs no more than it is long."""
    starts = [s for s, _ in columns]
    ends = [e for _, e in columns]
    out = []
    for t in tokens:
        lo = bisect.bisect_right(ends, t.start)  # the first column that ends after the token starts
        hi = bisect.bisect_left(starts, t.end)  # columns before hi start before the token ends
        best, best_overlap = None, 0
        for k in range(lo, hi):
            overlap = min(ends[k], t.end) - max(starts[k], t.start)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            best_dist = 10**9
            for k in sorted({lo - 1, lo, hi - 1, hi}):
                if 0 <= k < len(columns):
                    dist = min(abs(t.end - ends[k]), abs(t.start - starts[k]))
                    if dist < best_dist and dist <= 4:
                        best, best_dist = k, dist
        out.append(best)
    return out
