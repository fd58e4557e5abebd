"""Line classification: blank, rule, value row, column-heading years, page mark, or text.

An ordered list of small rules, each a function of the line; the first that answers wins.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from enum import Enum

from converter.parsing.values import LAST_CHARS, Token, chunks, ends_not_meaningful, split_values

_RULE = re.compile(r"^[\s\-=_$]*[-=_]{3,}[\s\-=_$]*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:[A-Za-z]-)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:page\s+\d+|[ivxlc]{1,5})\s*$", re.I)


_DASHED_PAGE = re.compile(r"^\s*[-\u2013]\s*(?:[A-Za-z]-)?\d{1,3}\s*[-\u2013]\s*$|^\s*page\s+\d+(?:\s+of\s+\d+)?\s*$", re.I)


class Kind(str, Enum):
    BLANK = "blank"
    RULE = "rule"
    VALUES = "values"
    YEARS = "years"  # a column-heading line of bare years: 1994   1993   1992
    TEXT = "text"
    PAGE = "page"  # a page number or page mark


# (an Enum member is slow to look up on Python 3.11, its metaclass having __getattr__: the
# per-line code uses these)
BLANK_LINE = Kind.BLANK
RULE_LINE = Kind.RULE
VALUES_LINE = Kind.VALUES
YEARS_LINE = Kind.YEARS
TEXT_LINE = Kind.TEXT
PAGE_LINE = Kind.PAGE


class Line(NamedTuple):
    index: int  # position in the document
    number: int  # 1-based line number in the file
    text: str
    kind: Kind
    label: str = ""
    indent: int = 0
    tokens: tuple[Token, ...] = ()

    @property
    def stripped(self) -> str:
        return self.label if self.kind is TEXT_LINE else self.text.strip()  # a text line's label is its stripped text


def _is_years(label: str, tokens: list[Token]) -> bool:
    if not tokens:
        return False
    for t in tokens:
        if not _YEAR.fullmatch(_YEAR_MARK.sub("", t.text.strip())):
            return False
    label = _IN_000S.sub("", label).strip()
    if not label:
        return True
    # a stub that is itself a date line: "SEPTEMBER 26, 1997 AND SEPTEMBER 27, 1996   1997   1996"
    if not re.search(r"\d", _DATES.sub("", label)):
        return True
    return len(label) < 40 and not re.search(r"\d", label)


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_TOKEN = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
_WIDE_GAP = re.compile(r"\S {4,}\S")
_DATES = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?:,?\s+(?:19|20)\d\d\b)?"
                    r"|\d{1,2}/\d{1,2}/\d{2,4}", re.I)
# a scale beside the years: "(in 000s)", "(000's omitted)", "(in 000s, except share data)"
_IN_000S = re.compile(r"\((?:dollars\s+)?(?:in\s+)?\$?000'?s\b[^()]*\)", re.I)
_STRAY_BLANK = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d{3})*) ,(\d{3}(?:,\d{3})*)(?![\d,])")  # ("4 ,114,845" too)
_YEAR_MARK = re.compile(r"(?<=\d)(?:\*+|\([0-9a-zA-Z]\))$")  # "1998*", "1998(1)", "1998(a)": a year with its footnote mark
_SCALE_ALONE = re.compile(r"^\(\$?\s?000'?s?\)$")  # "($000)" under a title: the scale, not a zero amount
_MARK = re.compile(r"(?<=[A-Za-z])\(\d{1,2}\)")  # a footnote mark glued to a heading word: "Adjustments(1)"
# the rest of a scale phrase wrapped into the stub beside the years: "(dollars" / "in 000s)  2007  2007"
_SCALE_STUB = re.compile(r"^\(?(?:dollars\s+)?in\s+(?:\$?000'?s|thousands|millions)\)?$", re.I)
_MARKED_HEADING = re.compile(r"^\(?(?:unaudited|audited|restated|as restated|note \d{1,2}|see note \d{1,2})\)?$", re.I)
_MARK_ONLY = re.compile(r"^\(\d\)$")  # "(1)": a footnote's number (beside a heading word, never an amount)
_SHORT_WORDS = re.compile(r"^[A-Za-z%().,&' -]{1,30}$")


def _years_line(text: str) -> bool:
    """'  data)      2008     Change       2008': bare years among short words, no amounts."""
    if text.count("19") + text.count("20") < 2 or len(_YEAR_TOKEN.findall(text)) < 2:  # (the count: cheap)
        return False
    parts = [t for _, _, t in chunks(_IN_000S.sub(" ", text))]
    parts = [_YEAR_MARK.sub("", t) for t in parts]
    years = sum(1 for t in parts if _YEAR.fullmatch(t))
    return years >= 2 and all(_YEAR.fullmatch(t) or _SHORT_WORDS.match(_MARK.sub("", t)) or _SCALE_STUB.match(t)
                              for t in parts)


def classify(index: int, number: int, text: str) -> Line:
    stripped = text.strip()
    if not stripped:
        return Line(index, number, text, BLANK_LINE)
    last = stripped[-1]
    if last in "-=_" and _RULE.match(text):
        return Line(index, number, text, RULE_LINE)
    short = len(stripped) < 24
    if short and _DASHED_PAGE.match(text):
        return Line(index, number, text, PAGE_LINE)
    if last in LAST_CHARS and not _SCALE_ALONE.match(stripped) \
            and (last not in ".Ff" or ends_not_meaningful(stripped)):  # (a sentence's "." is no cell)
        while " ," in text and _STRAY_BLANK.search(text):
            # "4,180 ,000": a blank typed before a thousands comma, moved before the amount
            text = _STRAY_BLANK.sub(lambda m: f" {m.group(1)},{m.group(2)}", text)
        label, indent, tokens = split_values(text)
        if tokens and all(_MARK_ONLY.match(t.text) for t in tokens) and (
                _MARKED_HEADING.match(label) or _spread_with_marks(label)):
            # "(UNAUDITED)           (1)" under the dates, "Basis        (1)       Basis        (1)"
            # under "Reported  Pro forma": headings and their footnote marks, no amount
            return Line(index, number, text, TEXT_LINE, stripped, len(text) - len(text.lstrip()))
        if tokens:
            if _is_years(label, tokens) or _years_line(text):
                return Line(index, number, text, YEARS_LINE, label, indent, tuple(tokens))
            if short and not label and len(tokens) == 1 and _PAGE_NUMBER.match(text) and _plain_small(tokens[0]):
                return Line(index, number, text, PAGE_LINE)
            return Line(index, number, text, VALUES_LINE, label, indent, tuple(tokens))
    if short and _PAGE_NUMBER.match(text):
        return Line(index, number, text, PAGE_LINE)
    return Line(index, number, text, TEXT_LINE, stripped, len(text) - len(text.lstrip()))


def _spread_with_marks(label: str) -> bool:
    """A 'label' of words spread over the columns with footnote marks among them ("Basis   (1)
    Basis"): a heading line, not a row's label."""
    parts = [t for _, _, t in chunks(label)]
    return len(parts) >= 3 and any(_MARK_ONLY.match(t) for t in parts) \
        and all(_MARK_ONLY.match(t) or _HEADING_WORDS.match(t) for t in parts)


_HEADING_WORDS = re.compile(r"^[A-Za-z][A-Za-z.'&-]*(?: [A-Za-z][A-Za-z.'&-]*){0,3}$")


def _plain_small(token: Token) -> bool:
    """A bare number like a page number: no $, no comma, no decimals, not negative."""
    t = token.text
    return not t.startswith("$") and "," not in t and "." not in t and not token.negative


def classify_all(lines: tuple[str, ...], numbers: tuple[int, ...]) -> list[Line]:
    out = [classify(i, n, t) for i, (t, n) in enumerate(zip(lines, numbers))]
    # a lone year that ends a wrapped label ("2,188,316,808 in" / "1998") is label text
    prev = None
    for i, ln in enumerate(out):
        if ln.kind is YEARS_LINE and len(ln.tokens) == 1 and prev is not None \
                and prev.kind in (TEXT_LINE, VALUES_LINE) and re.search(r"(?:\b(?:in|and|of|to|for)|,)$", prev.label or prev.stripped):
            out[i] = Line(ln.index, ln.number, ln.text, TEXT_LINE, ln.stripped, ln.indent)
        if ln.kind is not BLANK_LINE:
            prev = out[i]
    return out


_STOCK_TERMS = re.compile(r"\bpar value\b|\bshares? (?:authorized|designated|issued|outstanding)\b|"
                          r"\bliquidation (?:preference|value)\b", re.I)


def is_prose(line: Line) -> bool:
    """A line of running text: long, many words, starting near the left margin."""
    if line.kind is not TEXT_LINE:
        return False
    s = line.stripped
    if len(s) < 55 or line.indent >= 12 or (s.startswith("(") and s.endswith(")")):
        return False
    if _WIDE_GAP.search(s):
        return False  # columns, not running text (justified text stretches blanks to two or three)
    if line.indent >= 2 and not s.endswith(".") and _STOCK_TERMS.search(s):
        return False  # a stock line's terms wrapped under its caption ("Series B: 2,000,000 shares designated;")
    words = s.split()
    if len(words) < 8:
        return False
    # Titles and headings capitalise most words; running text does not.
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised < 0.6 * len(long_words)
