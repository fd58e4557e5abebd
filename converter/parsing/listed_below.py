"""A line of the statement printed under it as a list of years and amounts.

Some filers print a statement's share count below the table instead of as its last row:

    Average number of common shares outstanding:
    1997 - 983,286,361; 1996 - 1,056,704,188*; 1995 - 1,138,768,058*

The caption and its list become one more row of the table, each amount in the column headed by
its year: the row then gets its concept, unit and period as any printed row does.
"""
from __future__ import annotations

import re

from converter.model import Cell, Row
from converter.parsing.lines import Kind, Line
from converter.parsing.values import parse_amount

_PAIR = re.compile(r"((?:19|20)\d\d)\s*[-\u2013\u2014:=]\s*(\(?\$?\s*[\d,.]+\)?\**)")
_LIST = re.compile(r"^\s*(?:" + _PAIR.pattern + r"\s*[;,]?\s*)+$")
_SHARES = re.compile(r"\bshares\b", re.I)
_MAX_AWAY = 4  # lines between the table's last row and the caption (a rule, "</TABLE>", blanks)


def listed_below(lines: list[Line], last: int, headings: list[str]) -> tuple[Row | None, int]:
    """The row printed as "Caption:" over "YEAR - AMOUNT; ..." right under the table whose last
    row is lines[last], and the index of its last line (last when there is none)."""
    k, away = last + 1, 0
    while k < len(lines) and away <= _MAX_AWAY and (lines[k].kind in (Kind.BLANK, Kind.RULE, Kind.PAGE)
                                                      or lines[k].stripped.lower() in ("</table>", "</s>")):
        k, away = k + 1, away + 1
    if k + 1 >= len(lines) or lines[k].kind is not Kind.TEXT or not lines[k].stripped.endswith(":"):
        return None, last
    caption, listed = lines[k], lines[k + 1]
    if listed.kind is not Kind.TEXT or not _LIST.match(listed.text):
        return None, last
    cells: list[Cell | None] = [None] * len(headings)
    for m in _PAIR.finditer(listed.text):
        year, text = m.group(1), m.group(2)
        owners = [i for i, h in enumerate(headings) if re.search(rf"(?<!\d){year}(?!\d)", h)]
        parsed = parse_amount(text)
        if len(owners) != 1 or parsed is None or cells[owners[0]] is not None:
            return None, last  # a year no column (or several) is headed by: not this table's line
        value, decimals, negative, percent = parsed
        cells[owners[0]] = Cell(text, value, decimals, listed.number, m.start(2), negative, percent)
    label = caption.stripped.rstrip(":").strip()
    # a count of shares listed so is printed whole, whatever the table's scale
    scale = 1 if _SHARES.search(label) else None
    return Row(label, "", caption.indent, tuple(cells), listed.number, scale=scale), k + 1
