"""The lines around a table's head, one question each: is it dated, a heading shifted off its
column, a title split over lines, prose, a heading of the body, a note's heading (and which
note a table sits in), the introduction above the table."""
from __future__ import annotations

import bisect
import re

from converter.memo import last_answer
from converter.parsing.column_headings import RULE_RUN, heading_chunks, split_dates
from converter.dates import MONTH_DAY, find_dates
from converter.parsing.lines import (
    Line, is_prose, BLANK_LINE, RULE_LINE, VALUES_LINE, YEARS_LINE, TEXT_LINE, PAGE_LINE,
)
from converter.parsing.titles import (
    company_of, is_caption, is_company_line, is_item_heading, is_note_heading, is_numbered_heading, is_parent_note, is_title_line, scale_of,
)
from converter.parsing.values import chunks

_FURNITURE = re.compile(r"\(.*\)|page \d+|-.*-|exhibit [\w.()-]+|.*(?:https?://|www\.).*", re.I)
_MONTH_DAY_ONLY = re.compile(MONTH_DAY.pattern + r"\s*,?(?:\s*(?:19|20)\d\d)?\s*,?", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
# one period: "twelve months ended", "13 weeks ended", "quarter ended", "year ended" (not "years")
_ANOTHER_PERIOD = re.compile(r"\b(?:and|from|through|to)\b", re.I)  # "YEAR ENDED ... 1997 AND PERIOD FROM"
_ONE_PERIOD = re.compile(r"\b(?:months?|weeks?|quarter|year)\s+(?:ended|ending)\b", re.I)
# "Numerator (in millions):" over the first rows: their heading, with the scale of its lines only
SCALED_CAPTION = re.compile(r"^[A-Za-z][\w ,'-]*\((?:dollars |amounts )?in (?:thousands|millions|billions)\)\s*:$", re.I)
PERIOD_WORD = re.compile(r"\b(?:ended|ending|months?|weeks?|quarters?|years?|(?:19|20)\d\d)\b", re.I)
_HEADING_STARTS = frozenset("NnIi(0123456789")


def dated_line(ln: Line) -> bool:
    """A heading line that names periods: bare years, dates, or duration words."""
    return ln.kind is YEARS_LINE or (ln.kind is TEXT_LINE and bool(PERIOD_WORD.search(ln.text)))


def shifted_headings(ln: Line, below: list[Line], columns: list[tuple[int, int]]) -> Line | None:
    """Column headings typed at the left margin instead of over their columns ("SEPTEMBER 25,1999
    SEPTEMBER 25,1998" above an underline that does sit over them): one dated piece per column,
    directly over an underline with one dash run per column, moved over those runs."""
    if not below or below[-1].kind is not RULE_LINE or below[-1].number != ln.number + 1:
        return None
    runs = [(m.start(), m.end()) for m in RULE_RUN.finditer(below[-1].text)]
    pieces = [p for part in heading_chunks(ln.text) for p in split_dates(part)]
    if not (len(pieces) == len(runs) == len(columns)) or not all(find_dates(t) for _, _, t in pieces):
        return None
    if any(min(re_, ce) - max(rs, cs) <= 0 for (rs, re_), (cs, ce) in zip(runs, columns)):
        return None
    text = ""
    for (rs, re_), (_, _, piece) in zip(runs, pieces):
        at = max(rs + (re_ - rs - len(piece)) // 2, len(text) + 2 if text else rs)
        text = text.ljust(at) + piece
    return ln._replace(text=text, label=text.strip())


def join_split_title(title_lines: list[str]) -> list[str]:
    """A title broken over two lines ("CONSOLIDATED STATEMENT OF CHANGES" / "IN STOCKHOLDERS'
    EQUITY") as one line, when neither half names a statement alone."""
    if any(is_title_line(t) for t in title_lines):
        return title_lines
    for k in range(len(title_lines) - 1):
        # the first half may share its line with the company name: "CONSOLIDATED STATEMENT   Acme Co."
        parts = [t for _, _, t in chunks(title_lines[k])] or [title_lines[k]]
        for n, part in enumerate(parts):
            joined = f"{part} {title_lines[k + 1]}"
            if is_title_line(joined):
                rest = [" ".join(parts[:n] + parts[n + 1:])] if len(parts) > 1 else []
                return title_lines[:k] + rest + [joined] + title_lines[k + 2:]
    return title_lines


def prose_end(text: str) -> bool:
    """Not part of a title: the last line of a paragraph or footnote above the title zone ("...
    stockholders' equity."), page furniture ("(more)", "Page 7", "- FINANCIAL TABLE FOLLOWS -"),
    a release's date line."""
    sentence_end = text.endswith(".") and len(text.split()) > 3 and not company_of([text])  # not "... TOOL & DIE CO."
    return (text[:1].islower() or sentence_end or bool(_FURNITURE.fullmatch(text))
            or (bool(find_dates(text)) and len(text.split()) <= 4))


def headings_above(lines: list[Line], i: int, floor: int, value_left: int) -> bool:
    """Column headings (bare years, an underline, text over the columns) within a few lines above."""
    seen = 0
    for k in range(i - 1, max(floor - 1, i - 8), -1):
        ln = lines[k]
        if ln.kind in (YEARS_LINE, RULE_LINE):
            return True
        if ln.kind is VALUES_LINE or is_prose(ln) or is_title_line(ln.stripped):
            return False
        if ln.kind is TEXT_LINE:
            parts = chunks(ln.text)
            if any(e > value_left - 2 for _, e, _ in parts) and not any(is_sentence(t) for _, _, t in parts):
                return True
            seen += 1
            if seen > 3:
                return False
    return False


def label_rest(ln: Line, value_left: int) -> bool:
    """A label's middle line right above the first row's values ("Issuance of common stock to
    founders" / "for cash at $.01 per share in" / "May 1991   2,000,000"): in the label zone, in
    lower case, no sentence."""
    text = ln.stripped
    return ln.kind is TEXT_LINE and not is_prose(ln) and text[:1].islower() \
        and all(e <= value_left - 1 for _, e, _ in chunks(ln.text))


def body_heading(ln: Line, value_left: int) -> bool:
    """A section heading printed in the label zone ('Current assets:', 'CASH FLOWS FROM ...')."""
    if ln.kind is not TEXT_LINE or is_prose(ln):
        return False
    text = ln.stripped
    # ("Statement of income data:", "Balance sheet data:": captions of a selected-data table's rows)
    titled = is_title_line(text) and not is_caption(text)
    if titled or is_company_line(text) or (scale_of(text) and not SCALED_CAPTION.match(text)) or find_dates(text) \
            or not text[0].isupper():
        return False  # ("Numerator (in millions):" is a heading, its scale the lines' under it)
    return all(e <= value_left - 1 for _, e, _ in chunks(ln.text))


def dates_only(text: str) -> bool:
    """'October 28, October 30, October 28, October 30,': dates and nothing else."""
    pieces = split_dates((0, len(text), text))
    return len(pieces) > 1 and all(_MONTH_DAY_ONLY.fullmatch(t) for _, _, t in pieces)


def is_sentence(text: str) -> bool:
    """A piece of running text rather than a column heading ("FOR THE TWELVE MONTHS ENDED MARCH
    31, 2000" over every column is a heading however many words it has)."""
    words = text.split()
    if len(words) <= 12 and len(_YEARS.findall(text)) == 1 and find_dates(text) and _ONE_PERIOD.search(text) \
            and not _ANOTHER_PERIOD.search(text):
        return False  # one period over the columns; "For the three years ended ..." is the stub's
    return len(words) > 7 or (len(words) > 3 and text.rstrip().endswith((":", ";")))


def in_parent_note(lines: list[Line], i: int, reach: int = 200) -> bool:
    """Whether the table starting below line i is printed in a note on the parent company's
    statements: the nearest note heading above names them ("12. PARENT COMPANY FINANCIAL
    INFORMATION" over "BALANCE SHEETS", then "STATEMENTS OF INCOME" on the next page)."""
    if i < 0:
        return False
    headings = note_headings(lines)
    at = bisect.bisect_right(headings, i) - 1  # the nearest at or above line i
    return at >= 0 and headings[at] > i - reach and is_parent_note(lines[headings[at]].stripped)


@last_answer  # (asked once per table of the document)
def note_headings(lines: list[Line]) -> list[int]:
    """The indexes of the note, numbered and item headings of the document, in order."""
    # (a heading is short and starts with "Note", "Item", a number or its parenthesis: most lines fail here)
    return [k for k, ln in enumerate(lines)
            if ln.kind is TEXT_LINE and ln.label[:1] in _HEADING_STARTS and len(ln.label) < 90
            and (is_note_heading(ln.label) or is_numbered_heading(ln.label) or is_item_heading(ln.label))]


def note_heading(lines: list[Line], i: int, reach: int = 120) -> str:
    """The 'Note 6 - Earnings Per Share' heading a note table sits under, if one is near above."""
    for k in range(i, max(-1, i - reach), -1):
        ln = lines[k]
        if ln.kind is not TEXT_LINE or ln.label[:1] not in "NnIi":  # (most lines: cheap; a text line's label is its stripped text)
            continue
        if len(ln.label) < 90 and is_note_heading(ln.label):
            return ln.label
        if is_item_heading(ln.label):
            return ""  # "Item 7. Management's Discussion": the notes ended above
    return ""


def intro_above(lines: list[Line], j: int, floor: int) -> str:
    """The paragraph just above a table (crossing a page break when it continues from there)."""
    out: list[str] = []
    k = j
    while k >= floor and lines[k].kind in (BLANK_LINE, PAGE_LINE):
        k -= 1
    while k >= floor:
        paragraph: list[str] = []
        while k >= floor and lines[k].kind is TEXT_LINE:
            paragraph.insert(0, lines[k].stripped)
            k -= 1
        if not paragraph:
            break
        out[:0] = paragraph
        if paragraph[0][:1].isupper() or len(out) > 20:
            break
        while k >= floor and lines[k].kind in (BLANK_LINE, PAGE_LINE):
            k -= 1
    return " ".join(out)


