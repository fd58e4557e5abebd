"""Running text: the paragraphs outside the tables, cut into sentences that remember their lines.

A line is prose when it reads as words with single (or justified, double) spaces between them;
table rows, headings and rules are not. Bullets ("o  2nd Quarter Net Income of ...") start a
sentence of their own.
"""
from __future__ import annotations

import bisect
import re

from converter.model import Sentence
from converter.parsing.lines import Kind, Line

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^\s*(?:o|\*|-|\u2022|\d{1,2}\.)\s{1,4}(?=\S)")
# a full stop ends a sentence unless it ends an abbreviation or sits inside a number ($1.9)
# (its match starts at the stop itself, not after it: a pattern that begins with a character set is scanned faster)
_END = re.compile(r"[.!?][\"')]?\s+(?=[\"'(]?[A-Z0-9$])")
_ABBREVIATION = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|No|Nos|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
                           r"Sept|Oct|Nov|Dec|U\.S|U\.K|L\.P|N\.A|approx|e\.g|i\.e)|\b[A-Z])\.$")


def is_prose(text: str) -> bool:
    """Words with single (or justified, double) spaces, mostly letters. String methods only: it
    is asked of every line of a filing."""
    stripped = text.strip()
    if len(stripped) < 20 or "     " in stripped or len(stripped.split(None, 3)) < 4:  # (four words at least)
        return False
    raw = stripped.encode("latin-1", "replace")
    letters = len(raw) - len(raw.translate(None, _LETTERS))
    return letters >= 0.5 * (len(raw) - raw.count(b" "))


_LETTERS = bytes(c for c in range(128) if chr(c).isalpha())


def _continues(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and "     " not in stripped and bool(_WORD.search(stripped))


def sentences(lines: list[Line], tabular: set[int]) -> list[Sentence]:
    """The sentences of the prose lines whose index is not in tabular (table blocks and their heads)."""
    out: list[Sentence] = []
    para: list[Line] = []
    for ln in lines:
        # a paragraph starts with a line of prose; its short last line ("price was $325,000.") goes on it
        if ln.kind in _NEVER or ln.index in tabular or not (is_prose(ln.text) or para and _continues(ln.text)):
            if para:
                out += _split(para)
                para = []
            continue
        if para and _BULLET.match(ln.text):
            out += _split(para)
            para = []
        para.append(ln)
    if para:
        out += _split(para)
    return out


_NEVER = {Kind.BLANK, Kind.RULE, Kind.PAGE, Kind.YEARS}


def _split(para: list[Line]) -> list[Sentence]:
    if not para:
        return []
    pieces: list[str] = []
    starts: list[tuple[int, int]] = []
    size = 0
    for ln in para:
        piece = " ".join(_BULLET.sub("", ln.text, count=1).split()) if ln is para[0] else " ".join(ln.text.split())
        if pieces:
            last = pieces[-1]
            if last.endswith("-") and not last.endswith(" -") and piece[:1].islower():
                pieces[-1] = last[:-1]  # a word hyphenated across the line break
                size -= 1
            else:
                pieces.append(" ")
                size += 1
        starts.append((size, ln.number))
        pieces.append(piece)
        size += len(piece)
    text = "".join(pieces)
    if not _DIGIT.search(text):  # states no amount: kept whole, for the companies it names
        return [Sentence(text, tuple(starts))]
    out: list[Sentence] = []
    begin = 0
    for m in _END.finditer(text):
        stop = m.start() + 1
        if _ABBREVIATION.search(text[max(0, stop - 8):stop]):
            continue
        out.append(_sentence(text, begin, stop, starts))
        begin = m.end()
    out.append(_sentence(text, begin, len(text), starts))
    return [s for s in out if s.text]


def _sentence(text: str, begin: int, end: int, starts: list[tuple[int, int]]) -> Sentence:
    # the line the sentence starts on, and those it continues onto
    first = max(0, bisect.bisect_right(starts, (begin, float("inf"))) - 1)
    last = bisect.bisect_left(starts, (end, 0))
    lines = tuple((max(0, at - begin), number) for at, number in starts[first:last])
    return Sentence(text[begin:end].strip(), lines)
