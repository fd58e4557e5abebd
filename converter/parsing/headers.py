"""The zone above a table: title lines, scale phrase, column headings, and the prose that introduces it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import StatementKind
from converter.parsing.blocks import Block
from converter.parsing.column_headings import assign_headings
from converter.parsing.lines import (
    Line, is_prose, BLANK_LINE, RULE_LINE, VALUES_LINE, YEARS_LINE, TEXT_LINE, PAGE_LINE,
)
from converter.parsing.titles import (
    company_of, is_company_line, is_not_own, is_parent_only, is_qualified, is_title_line, names_scale_words, scale_of, statement_kind,
)
from converter.parsing.values import chunks
from converter.parsing.head_lines import body_heading, dated_line, dates_only, headings_above, in_parent_note, intro_above, join_split_title, label_rest, note_heading, prose_end, is_sentence, shifted_headings
from converter.parsing.head_lines import PERIOD_WORD, SCALED_CAPTION

_CONTINUED = re.compile(r"\(continued\)|\bcontinued\b", re.I)


_PERIOD_LINE = re.compile(r"^for\s+the\s+(?:(?:fiscal\s+)?years?|periods?|quarters?|(?:three|six|nine|twelve)\s+months|"
                          r"\d+\s+weeks)\s+(?:ended|ending|from)\b", re.I)
_YEARS_IN = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class Head:
    title: str = ""
    kind: StatementKind = StatementKind.NOTE
    parent_only: bool = False  # the parent company's statements alone (Schedule I)
    scale: int | None = None
    headings: list[str] = field(default_factory=list)  # per column, top to bottom
    body_start: int = 0
    head_start: int = 0
    intro: str = ""
    title_text: str = ""  # every line of the title zone, for a period printed under the title
    scale_text: str = ""  # the line that states the scale
    # a scale the introduction states for everything but money: "(in thousands, except net
    # income (loss) and per share amounts)" over an EPS computation is the share counts' only
    shares_scale: int | None = None
    stub_text: str = ""  # heading-zone text left of the columns ("SEPTEMBER 26, 1997 AND ...")
    company: str = ""
    continued: bool = False
    title_kind: StatementKind | None = None  # the kind the title names, qualified or not
    qualified: bool = False  # the title carries a word that does not decide alone ("supplemental")
    not_own: bool = False  # the title names statements not the filer's own as printed (pro forma)
    title_lines: list[str] = field(default_factory=list)  # the title zone without its scale phrase
    period_text: str = ""  # the title zone's lines under the statement's title (its periods)
    under_note: bool = False  # a "Note 6 - ..." heading is near above: a note's table
    among_notes: bool = False  # such a heading is near above, whatever the title says


def read_head(lines: list[Line], block: Block, columns: list[tuple[int, int]], floor: int) -> Head:
    """The head of a table block: section headings that belong to its body, its column headings,
    its title block (title, company, period line, scale) and what the text above it says."""
    head = Head(headings=[""] * len(columns))
    value_left = columns[0][0]
    head.body_start, i = _body_start(lines, block, floor, value_left)
    heading_rows, captions, i = _column_headings(lines, i, floor, columns)
    head.headings = assign_headings(heading_rows, columns, value_left)
    head.stub_text = " ".join(captions + [t for ln in heading_rows if ln.kind is not RULE_LINE
                                          for _, e, t in chunks(ln.text) if e <= value_left - 2])
    title_lines, j = _title_zone(lines, i, floor)
    head.head_start = j + 1
    title_lines += captions
    head.title_text = " ".join(title_lines)
    head.company = company_of(title_lines)
    _zone_scale(head, lines, title_lines, j)
    title_lines = _titled(head, lines, i, title_lines, heading_rows, value_left)
    head.intro = intro_above(lines, i, floor)
    _intro_scale(head, lines, title_lines, floor)
    return head


def _body_start(lines: list[Line], block: Block, floor: int, value_left: int) -> tuple[int, int]:
    """Label-zone lines above the first row belong to the body (section headings), also across a
    blank line; a date, a scale phrase or a title ends them. (The body's first line, the line the
    head is read up from.)"""
    i = block.first - 1
    body_start = block.first
    k, blanks = i, 0
    while k >= floor and blanks < 4:
        ln = lines[k]
        if ln.kind in (BLANK_LINE, PAGE_LINE):
            blanks += 1
            k -= 1
            continue
        if not body_heading(ln, value_left) and not (blanks == 0 and k == body_start - 1 and label_rest(ln, value_left)):
            break
        blanks = 0
        body_start = k
        i = k - 1
        k -= 1
    return body_start, i


def _column_headings(lines: list[Line], i: int, floor: int, columns: list[tuple[int, int]]
                     ) -> tuple[list[Line], list[str], int]:
    """Column headings read upwards from line i: text over the value columns, rule lines, bare
    years; and the label-zone captions among them ("Years Ended December 31", a title's end).
    (The heading lines top first, the captions, the line above them.)"""
    value_left = columns[0][0]
    heading_rows: list[Line] = []
    captions: list[str] = []
    blank_run = 0
    while i >= floor:
        ln = lines[i]
        if ln.kind is PAGE_LINE and heading_rows:
            break  # a page mark over column headings: what is above it is the page's running head
        if ln.kind in (BLANK_LINE, PAGE_LINE):
            blank_run += 1
            if blank_run >= 4:
                break
            i -= 1
            continue
        gap, blank_run = blank_run, 0
        if ln.kind in (RULE_LINE, YEARS_LINE):
            heading_rows.append(ln)
            i -= 1
            continue
        if ln.kind is not TEXT_LINE or is_prose(ln):
            break
        if gap and len(chunks(ln.text)) == 1 and scale_of(ln.stripped) and any(dated_line(h) for h in heading_rows):
            break  # the scale line of a title block, a blank line above the column headings
        # a stub text at the left ("(in 000s,", a title) may share a heading line with the headings
        every = chunks(ln.text)
        if gap and heading_rows and len(every) == 1 and len(set(_YEARS_IN.findall(ln.stripped))) >= 2 \
                and any(r.kind is TEXT_LINE for r in heading_rows):
            break  # "Years Ended December 31, 1996 and 1995" a blank above the headings: the title's period line
        parts = [p for p in every if p[1] > value_left - 2]
        if (is_title_line(ln.stripped) or is_company_line(ln.stripped)) and (
                len(every) == 1 or not parts or len(parts) == len(every)
                or not any(PERIOD_WORD.search(t) for _, _, t in parts)):
            break  # a title (centred over the columns, its words two blanks apart), not headings
        if not parts and (moved := shifted_headings(ln, heading_rows, columns)) is not None:
            heading_rows.append(moved)
            i -= 1
            continue
        # "October 28, October 30, October 28, October 30," one blank apart: a date per column
        if not parts or any(is_sentence(t) and not dates_only(t) for _, _, t in parts):
            if headings_above(lines, i, floor, value_left):
                captions.insert(0, ln.stripped)  # a caption between the column headings and the body
                i -= 1
                continue
            break
        heading_rows.append(ln)
        i -= 1
    heading_rows.reverse()
    return heading_rows, captions, i


def _title_zone(lines: list[Line], i: int, floor: int) -> tuple[list[str], int]:
    """A few short lines above the headings: the title block (its lines, and the line above it)."""
    title_lines: list[str] = []
    seen = 0
    j = i
    blanks = 0
    run = 0  # lines taken since the last blank: a footnote's own when its marker line comes next
    while j >= floor and seen < 6 and blanks < 10:
        ln = lines[j]
        if ln.kind is TEXT_LINE and _FOOTNOTE.match(ln.text):
            # "(b) ... related to the acquisition of / Meridian RF Ltd.": the lines right under a
            # footnote end it, they are no title
            del title_lines[:run]
            j += run
            break
        if ln.kind in (VALUES_LINE, YEARS_LINE) or (is_prose(ln) and not _PERIOD_LINE.match(ln.stripped)):
            break  # (a title's period line wrapped near the margin reads as prose: "For the years ended ... and for the period")
        if ln.kind is TEXT_LINE and _DATE_ALONE.match(ln.stripped) and any(map(is_title_line, title_lines)):
            break  # "August 21, 1998" above the title: the date of the auditors' report, whose signer is no title
        if ln.kind is TEXT_LINE:
            title_lines.insert(0, ln.stripped)
            seen += 1
            blanks = 0
            run += 1
        else:
            blanks += 1
            run = 0
        j -= 1
    return title_lines, j


def _zone_scale(head: Head, lines: list[Line], title_lines: list[str], j: int) -> None:
    """The scale of the title block, or of any line between it and the first row (the scale may
    sit under the headings); and whether the title says "(Continued)"."""
    between = [ln.stripped for ln in lines[j + 1:head.body_start] if ln.kind in (TEXT_LINE, YEARS_LINE)
               and not SCALED_CAPTION.match(ln.stripped)]
    zone = [t for t in title_lines if not SCALED_CAPTION.match(t)] + [" ".join(between)]
    for text in zone:
        if head.scale is None:
            head.scale = scale_of(text)
            head.scale_text = text if head.scale else ""
        if _CONTINUED.search(text):
            head.continued = True


def _titled(head: Head, lines: list[Line], i: int, title_lines: list[str], heading_rows: list[Line],
            value_left: int) -> list[str]:
    """The title, its statement kind and how it qualifies the table (a parent's, another
    company's), the period line under it; a note's heading where no statement title names it.
    (The title lines, with a title printed at the left of the column headings.)"""
    # a title printed at the left of the column headings ("CONSOLIDATED STATEMENTS OF INCOME  Quarter Ended")
    stub_titles = [t for ln in heading_rows if ln.kind is not RULE_LINE
                   for _, e, t in chunks(ln.text) if e <= value_left - 2 and is_title_line(t)]
    title_lines = join_split_title(title_lines + stub_titles)
    kinds = [statement_kind(t) for t in title_lines if is_title_line(t)]
    kinds = [k for k in kinds if k is not None]
    titled = " ".join(t for t in title_lines if is_title_line(t))
    head.title_kind = kinds[-1] if kinds else None
    head.parent_only = is_parent_only(title_lines) or in_parent_note(lines, head.head_start - 1)
    head.qualified, head.not_own = is_qualified(titled), is_not_own(titled) or head.parent_only
    head.title_lines = [t for t in title_lines if not scale_of(t) and not prose_end(t)]
    # the lines under the statement's title: "SIX MONTH PERIODS ENDED JUNE 30, 1998 AND 1997"
    last = max((k for k, t in enumerate(head.title_lines) if is_title_line(t)), default=None)
    head.period_text = " ".join(head.title_lines[last + 1:]) if last is not None else ""
    if kinds and not head.qualified and not head.not_own:
        head.kind = kinds[-1]
        head.title = " ".join(t for t in title_lines if is_title_line(t) or is_company_line(t))
    else:
        note = note_heading(lines, i)
        # a note's table is a statement only by its title: only where the title leaves the kind to
        # the content does its note heading count
        head.under_note = bool(note) and (not kinds or head.qualified)
        head.among_notes = bool(note)
        named = [t for t in title_lines if is_title_line(t) or is_company_line(t)] if head.not_own else []
        head.title = note or " ".join(named) or (title_lines[-1] if title_lines else "")
    return title_lines


def _intro_scale(head: Head, lines: list[Line], title_lines: list[str], floor: int) -> None:
    """A scale the sentence introducing the table states, where its head states none."""
    scaled_intro = head.scale is None and names_scale_words(head.intro[-400:].lower())  # (both patterns need the words)
    said = _INTRO_SCALE.search(head.intro[-160:]) if scaled_intro else None
    if said is None and scaled_intro:
        # "... are summarized below (in thousands, except per share amounts).  The Company's common
        # stock is traded on ...": the sentence that introduces the table, with another after it
        said = _INTRODUCING_SCALE.search(head.intro[-400:])
    if said is None and head.scale is None and head.head_start - 1 >= floor:
        # "All amounts in the financial statements below are in thousands of dollars." above the
        # statement's title block
        # (its last words may have been taken into the title block: "... in thousands of" / "dollars.")
        lead = next((k for k, t in enumerate(title_lines) if is_title_line(t) or is_company_line(t)), 0)
        above = " ".join([intro_above(lines, head.head_start - 1, floor), *title_lines[:lead]])
        said = _INTRO_SCALE.search(above[-160:])
    if said is not None and (factor := scale_of(said.group(0))):
        if _EXCEPT_MONEY.search(said.group(0)):
            head.shares_scale = factor  # (the money stays in the statements' scale, or in none)
        else:
            # "Below are some financial highlights (in millions):": the sentence that introduces the table
            head.scale, head.scale_text = factor, said.group(0)


_DATE_ALONE = re.compile(r"^[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d\d$")
_FOOTNOTE = re.compile(r"^\s{0,4}(?:\([a-z0-9]{1,2}\)|\*{1,3}|[a-z0-9]\))\s+\S+(?:\s+\S+){3}", re.I)


# "...highlights (in millions):", "...set out below (dollars in thousands).", "All amounts in the
# following statements are stated in thousands of dollars."
# (one parenthesis may nest in it: "(in thousands, except net income (loss) and per share amounts):")
_PAREN_SCALE = r"\((?i:dollars |amounts )?(?i:in) (?i:thousands|millions|billions)[^()]*(?:\([^()]*\)[^()]*)?\)"
_INTRO_SCALE = re.compile(r"(?:" + _PAREN_SCALE + r"|"
                          r"\b(?i:stated|expressed|presented|shown|reported|are|is)\s+(?i:in)\s+(?i:thousands|millions|billions)"
                          r"(?:\s+of\s+(?:u\.\s?s\.\s+)?dollars)?)\s*[.:]\s*[^a-z]*$")  # (and a title in capitals)
_INTRODUCING_SCALE = re.compile(r"\b(?i:below|following|as follows|summarized|presented)\b[^.]{0,80}" + _PAREN_SCALE + r"\s*[.:]")
# (not "except net income per share": the per-share amounts are excepted, the money is in thousands)
_EXCEPT_MONEY = re.compile(r"\bexcept\s+(?:for\s+)?(?:the\s+)?(?:net (?:income|earnings|loss)(?:\s*\((?:loss|income)\))?(?!\s+per\b)"
                           r"|dollar amounts|amounts in dollars)", re.I)


