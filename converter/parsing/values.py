"""Printed numbers: find the value cells at the right of a table line and read them exactly."""
from __future__ import annotations

import re
from typing import NamedTuple
from decimal import Decimal

# One printed amount: optional ( and $ in either order, digits with thousands commas or a
# decimal point, a trailing minus, optional ) and % in either order, and footnote marks glued on the right: 3,000(5), 250(7)(8),
# 3,400(A), (1,690)(B)(J).
_AMOUNT = re.compile(
    r"""^(?P<open>\()?\s*(?P<dollar>\$)?\s*(?P<open2>\()?\s*(?P<minus>-)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<trailing>-)?
        (?P<pct0>%)?\s*(?P<close>\))?(?P<pct>%)?(?P<fn>(?:\([0-9a-zA-Z]\))+|\*+)?$""",
    re.VERBOSE,
)
_DASH = re.compile(r"^\(?\$?\s*(?:-{1,3}|\u2014|\u2013|_{1,3}|-0-)\s*\)?%?$")  # "-0-": nothing, printed as zero
_NA = re.compile(r"^(?:N/?A|n/?a|N/?M|n/?m|N\.M\.|n\.m\.|NMF|nmf|Nil|nil)$")  # not applicable / not meaningful
# Where the label ends: two spaces, a tab's worth of blanks, or a dot leader.
LAST_CHARS = frozenset("0123456789)-%*_\u2014\u2013AaMmLlFf$.")  # ("N.M.", "NMF" end a row too)
_LETTER = re.compile(r"[A-Za-z]")
_NUMBER_MARK = re.compile(r"\(\d\)")  # "(6)": a footnote's number, beside an amount ("(15)" is an amount)
_MARKED_AMOUNT = re.compile(r"\$?\s?(?:\d{1,3}(?:,\d{3})+|\d{3,})")  # an amount such a mark follows
_LETTER_MARK = re.compile(r"(?:\([a-zA-Z]\))+")  # "(a)", "(b)(c)": footnote letters, no amount
_SPACED_MARK = re.compile(r"(?<![^\s$])\([a-zA-Z]\)(?=\s)")  # a letter mark with a blank after it, inside a cell
_FOOTNOTE_TAIL = re.compile(r"(?:\([a-zA-Z]\))+$")  # "(a)", "(B)(J)": footnote marks glued to an amount
_YEAR_RANGE = re.compile(r"\s{2,}((?:19|20)\d\d\s*-\s*(?:19|20)?\d\d)$")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
# (and between a closing parenthesis and the dollar sign typed right after it: "(887,247)$   (802,450)")
_CHUNK_SPLIT = re.compile(r"\s{2,}|(?<=\S)\.{2,}\s*|\s\.{3,}\s*|(?<=\))(?=\$)")
_PLAIN_CELL = re.compile(r"\(?\$?\(?\d[\d,]*(?:\.\d+)?\)?%?|\$?\.\d+|-{1,3}|\u2014|\u2013")  # no blank, letter or mark
_WORD_RUN = re.compile(r"\S+(?:\s\S+)*")  # a chunk where no leader dots nor ")$" are on the line (most lines)


class Token(NamedTuple):
    """A value cell as printed: its text, span [start, end) and parsed amount (None for a dash)."""

    text: str
    start: int
    end: int
    value: Decimal | None
    decimals: int
    negative: bool
    percent: bool = False
    dash: bool = False


def parse_amount(text: str) -> tuple[Decimal, int, bool, bool] | None:
    """Read `(1,234)`, `$.73`, `($450,810)`, `3,000(5)`; return (value, decimals, negative, percent)."""
    m = _AMOUNT.match(text.strip())
    if not m:
        return None
    opened, _, opened2, minus, num, trailing, pct0, closed, pct, _ = m.groups()  # (one call: every cell passes here)
    if bool(opened or opened2) != bool(closed):
        # `(5)` alone is a footnote reference or a note number only when unbalanced; a lone
        # open or close paren means the cell was cut by a column boundary.
        return None
    if minus and trailing:
        return None  # "-0-": a zero marker, read as a dash
    num = num.replace(",", "")
    value = Decimal(num)
    decimals = len(num) - num.index(".") - 1 if "." in num else 0
    negative = bool(opened or opened2 or minus or trailing)  # "1,052,250-": a mainframe's negative
    if negative:
        value = -value
    return value, decimals, negative, bool(pct or pct0)  # "(24)%" and "(24%)"


def ends_not_meaningful(text: str) -> bool:
    """A line's last cell is a mark of no amount ("N/M", "N.M.", "NMF")."""
    return bool(_NA.match(text.rsplit(None, 1)[-1])) if text.strip() else False


def is_dash(text: str) -> bool:
    return bool(_DASH.match(text.strip()))


def chunks(line: str) -> list[tuple[int, int, str]]:
    """Split a line at runs of two or more blanks (and dot leaders): [(start, end, text)]."""
    if ".." not in line and ")$" not in line:  # (most lines: the runs of words one blank apart, found at once)
        return [(m.start(), m.end(), m.group()) for m in _WORD_RUN.finditer(line)]
    result = []
    pos = 0
    for m in _CHUNK_SPLIT.finditer(line):
        start = m.start()
        if start > pos:
            _chunk(result, line[pos:start], pos)
        pos = m.end()
    if pos < len(line):
        _chunk(result, line[pos:], pos)
    return result


def _chunk(out: list, t: str, s: int) -> None:
    # leading and trailing blanks belong to no chunk
    text = t.strip()
    if text:
        lead = t.index(text[0])
        out.append((s + lead, s + lead + len(text), text))


def value_token(start: int, end: int, text: str) -> Token | None:
    parsed = parse_amount(text)  # first: most cells are amounts (no amount is also a dash or "N/A")
    if parsed is not None:
        value, decimals, negative, percent = parsed
        return Token(text, start, end, value, decimals, negative, percent)
    if is_dash(text) or _NA.match(text):
        return Token(text, start, end, None, 0, False, dash=True)
    return None


def split_values(line: str) -> tuple[str, int, list[Token]]:
    """Return (label, label indent, value tokens) of a table line.

    The values are the trailing chunks that read as amounts or dashes; a lone `$` joins the
    amount after it. Everything before them is the label.
    """
    end = line.rstrip()
    if not end or end[-1] not in LAST_CHARS:
        return end.strip(), len(end) - len(end.lstrip()), []
    if "-" in end[-12:] and end[-1].isdigit() and (years := _YEAR_RANGE.search(end)) is not None:
        # "$ 5,000   $ 40   1997-2001": a maturity printed as years ends a row of amounts; a cell,
        # never an amount (alone on its line, "1996-97" is a heading)
        label, indent, tokens = split_values(end[:years.start()])
        if any(t.value is not None and not _BARE_YEAR.fullmatch(t.text) for t in tokens):
            return label, indent, tokens + [Token(years.group(1), years.start(1), years.end(1), None, 0, False)]
    if ".." not in end and "\t" not in end:
        # a sentence ending in a digit or ")": its last chunk has words, so it holds no values;
        # the same test the loop below makes first, without chunking the whole line
        tail = end[end.rfind("  ") + 2:].strip() if "  " in end.strip() else end.strip()
        if _LETTER.search(_FOOTNOTE_TAIL.sub("", tail) if ")" in tail else tail) and not _NA.match(tail):
            return end.strip(), len(end) - len(end.lstrip()), []
    parts = chunks(line)
    tokens: list[Token] = []
    label_end = None  # where the label ends inside its chunk, when amounts follow it one blank apart
    i = len(parts) - 1
    while i >= 0:
        s, e, t = parts[i]
        if _PLAIN_CELL.fullmatch(t) and (tok := value_token(s, e, t)) is not None:
            tokens.insert(0, tok)  # (most cells: an amount or a dash alone, which the rules below keep as it is)
            i -= 1
            continue
        # "(A) (624)", "$ (B) 38,200": an adjustment's letter printed before its amount
        t = _SPACED_MARK.sub(lambda m: " " * len(m.group()), t) if "(" in t else t
        marked = "(" in parts[i][2]  # (footnote letters are parenthesised: most chunks need no pattern)
        if _LETTER.search(_FOOTNOTE_TAIL.sub("", t) if marked else t) and not _NA.match(t):
            if tokens and (glued := _GLUED_AMOUNTS.search(t)) is not None and not _STATED_IN_LABEL.search(t[:glued.start(1)]):
                # "Purchases of fixed maturities available for sale (118,450) (104,216)  (96,805)":
                # a long label one blank from the line's first amounts; they are amounts
                # (thousands-grouped), the words before them the label
                start = s + glued.start(1)
                tokens[:0] = [tok for ps, pe, pt in _single_space_pieces(start, t[glued.start(1):])
                              if (tok := value_token(ps, pe, pt)) is not None]
                label_end = s + glued.start(1)
            break
        if ((marked and _LETTER_MARK.fullmatch(parts[i][2])) or not t.strip()) and i > 0:
            i -= 1  # "890 (a)", "$ 1,000   (b)": an adjustment's footnote letter printed apart from it
            continue
        pieces = _single_space_pieces(s, t)
        if marked:
            pieces = [p for p in pieces if not _LETTER_MARK.fullmatch(p[2])]
            if len(pieces) > 1 and _NUMBER_MARK.fullmatch(pieces[-1][2]) and _MARKED_AMOUNT.fullmatch(pieces[-2][2]):
                # "1,000 (6)", "$ 850 (2)": a footnote's number one blank after an amount in
                # thousands (a negative amount of its own stands two blanks or more apart)
                pieces.pop()
        if not pieces:
            break
        if len(pieces) > 1 and pieces[-1][2] in ("$", "($", "$(") and tokens:
            # "(8.29) $" + "(6.59)": the dollar sign two blanks before its amount, one after the last
            _, _, pt = pieces.pop()
            first = tokens[0]  # its span stays the amount's: a dollar sign far left of it widens no column
            tokens[0] = Token(pt + first.text, first.start, first.end, first.value, first.decimals,
                              first.negative, first.percent, first.dash)
        toks = [value_token(ps, pe, pt) for ps, pe, pt in pieces]
        if any(t is not None and t.text.endswith("-") and t.value is not None for t in toks[:-1]):
            break  # "$ 7.50- $ 68.00": a range of prices, not a negative beside an amount
        if any(tok is None for tok in toks):
            # `$ 1,234` split as `$` + `1,234`: glue a trailing dollar chunk to what follows
            # (not onto an amount with a dollar sign of its own: "$        $ 39,843" is an empty
            # cell's sign, then the next column's amount)
            if t in ("$", "($", "$(") and tokens and not tokens[0].text.lstrip("(").startswith("$"):
                first = tokens[0]
                tokens[0] = Token(t + first.text, s, first.end, first.value, first.decimals,
                                  first.negative, first.percent, first.dash)
                i -= 1
                continue
            break
        tokens[:0] = toks
        i -= 1
    label_parts = parts[: i + 1]
    if label_parts:
        label = line[label_parts[0][0]:label_end if label_end is not None else label_parts[-1][1]].strip()
        indent = label_parts[0][0]
    else:
        label, indent = "", (tokens[0].start if tokens else 0)
    # A "label" that is only a dollar sign belongs to the first value.
    if label in ("$", "($") and tokens:
        first = tokens[0]
        tokens[0] = Token(label + first.text, indent, first.end, first.value, first.decimals,
                          first.negative, first.percent, first.dash)
        label = ""
    return label, indent, tokens


# one or more thousands-grouped amounts ending a chunk of words, each one blank apart
_GROUPED = r"\$?\(?\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?"
_GLUED_AMOUNTS = re.compile(r"(?:[A-Za-z.,:)]|\b(?:19|20)\d\d) ((?:" + _GROUPED + r" )*" + _GROUPED + r")$")
# (not an amount the label itself states: "authorized 10,000,000", "net of allowance of 1,234")
_STATED_IN_LABEL = re.compile(r"\b(?:shares?|authori[sz]ed|issued|outstanding|par|units|warrants|options)\b|"
                              r"\b(?:of|at|to|from|and|or|value|price|preference|approximately|totaling|aggregating|under|over|above|"
                              r"below|exceeding|than|in excess of)\s*\$?\s*$",
                              re.I)


def _single_space_pieces(start: int, text: str) -> list[tuple[int, int, str]]:
    """`(135,655) (1,681,198)` or `$ 1,234` inside one chunk: split at single blanks."""
    if " " not in text:
        return [(start, start + len(text), text)]
    out = []
    pos = 0
    for piece in text.split(" "):
        if piece:
            out.append((start + pos, start + pos + len(piece), piece))
        pos += len(piece) + 1
    # merge `$` / `(` / `($` pieces into the amount after them
    merged: list[tuple[int, int, str]] = []
    for s, e, t in out:
        if merged and merged[-1][2] in ("$", "(", "($", "$("):
            ps, pe, pt = merged.pop()
            merged.append((ps, e, pt + t))
        else:
            merged.append((s, e, t))
    # `1,234 )` -> glue a lone closing paren back
    final: list[tuple[int, int, str]] = []
    for s, e, t in merged:
        if t == ")" and final:
            ps, pe, pt = final.pop()
            final.append((ps, e, pt + t))
        else:
            final.append((s, e, t))
    return final
