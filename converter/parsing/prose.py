"""Running text: the paragraphs outside the tables, cut into sentences that remember their lines.

A line is prose when it reads as words with single (or justified, double) spaces between them;
table rows, headings and rules are not. Bullets ("o  2nd Quarter Net Income of ...") start a
sentence of their own.
"""
from __future__ import annotations

import re

from converter.model import Sentence
from converter.parsing.lines import Line

_GAP = re.compile(r"\S {5,}\S")  # columns, not justified text
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_BULLET = re.compile(r"^\s*(?:o|\*|-|\u2022|\d{1,2}\.)\s{1,4}(?=\S)")
# a full stop ends a sentence unless it ends an abbreviation or sits inside a number ($1.9)
_END = re.compile(r"(?<=[.!?])[\"')]?\s+(?=[\"'(]?[A-Z0-9$])")
_ABBREVIATION = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|No|Nos|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
                           r"Sept|Oct|Nov|Dec|U\.S|U\.K|L\.P|N\.A|approx|e\.g|i\.e)|\b[A-Z])\.$")


def is_prose(text: str) -> bool:
    stripped = text.strip()
    if len(stripped) < 20 or _GAP.search(stripped):
        return False
    words = _WORD.findall(stripped)
    letters = sum(len(w) for w in words)
    return len(words) >= 4 and letters >= 0.5 * len(stripped.replace(" ", ""))


def _continues(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not _GAP.search(stripped) and bool(_WORD.search(stripped))


def sentences(lines: list[Line], tabular: set[int]) -> list[Sentence]:
    """The sentences of the prose lines whose index is not in tabular (table blocks and their heads)."""
    out: list[Sentence] = []
    para: list[Line] = []
    for ln in lines:
        # a paragraph starts with a line of prose; its short last line ("price was $325,000.") goes on it
        if ln.index in tabular or not (is_prose(ln.text) or para and _continues(ln.text)):
            out += _split(para)
            para = []
            continue
        if para and _BULLET.match(ln.text):
            out += _split(para)
            para = []
        para.append(ln)
    out += _split(para)
    return out


def _split(para: list[Line]) -> list[Sentence]:
    if not para:
        return []
    text, starts = "", []
    for ln in para:
        piece = " ".join(_BULLET.sub("", ln.text, count=1).split()) if ln is para[0] else " ".join(ln.text.split())
        if text.endswith("-") and not text.endswith(" -") and piece[:1].islower():
            text = text[:-1]  # a word hyphenated across the line break
        elif text:
            text += " "
        starts.append((len(text), ln.number))
        text += piece
    out: list[Sentence] = []
    begin = 0
    for m in _END.finditer(text):
        if _ABBREVIATION.search(text[max(0, m.start() - 8):m.start()]):
            continue
        out.append(_sentence(text, begin, m.start(), starts))
        begin = m.end()
    out.append(_sentence(text, begin, len(text), starts))
    return [s for s in out if s.text]


def _sentence(text: str, begin: int, end: int, starts: list[tuple[int, int]]) -> Sentence:
    lines = [(max(0, at - begin), number) for at, number in starts if at < end]
    # keep only the line the sentence starts on and those it continues onto
    first = max((i for i, (at, _) in enumerate(lines) if at == 0), default=0)
    return Sentence(text[begin:end].strip(), tuple(lines[first:]))
