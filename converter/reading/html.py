"""HTML documents (EDGAR 2001-2010) laid out as the printed text the rest of the pipeline reads.

A statement in HTML is a <table>: a row per <tr>, cells in <td>/<th> with colspans, a "$" in
one cell and its number in the next (and ")" or "%" in a third), labels indented by &nbsp; or
padding, titles and scale phrases in paragraphs or rows above the numbers. Each table becomes
fixed-width lines: the label at the left, every column's cells right-aligned in a column of its
own, the columns two blanks apart or more, so that the text reader finds its blocks, headings and
rows as in a typed filing. Text outside tables becomes a line per paragraph. Every line keeps the
source line of its element, so facts still point at the filing.
"""
from __future__ import annotations

import re

from lxml import etree, html

from converter.errors import InputError

_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "pre", "title", "tr", "hr"}
_SKIP = {"script", "style", "head", "xml"}
_SPACES = re.compile(r"[ \t\r\n\u00a0\u2002\u2003\u2009\u200b]+")
_LEAD = re.compile(r"^[\u00a0 ]+")
_DOLLAR = re.compile(r"^\(?\$\(?$")  # "$", "($", "$(": joins the number after it
_CLOSER = re.compile(r"^(?:\)|%|\)%|%\))$")  # ")", "%": joins the number before it
_PAD = re.compile(r"(?:padding-left|margin-left|text-indent)\s*:\s*([\d.]+)\s*(pt|px|em|in|%)?", re.I)
# the filing agents' navigation printed on every page ("Table of Contents" links back to the
# index, Merrill's "QuickLinks"): no title of the statement under it
_FURNITURE = re.compile(r"^(?:table of contents|back to (?:table of )?contents|return to (?:table of contents|index)|"
                        r"index to financial statements|quicklinks\b.*|click here to rapidly navigate.*)$", re.I)
_TITLE_AND_SCALE = re.compile(r"^([A-Z0-9][A-Z0-9 ,.'&\u2019-]{8,}?)\s+(\((?i:(?:dollars |amounts )?in (?:thousands|millions|"
                              r"billions)\b)[^)]*\))$")
# a scale and "Unaudited" in one paragraph, in either order: "(In millions of dollars except per
# share amounts) Unaudited" is two lines of a typed title block
_SCALE_AND_MARK = re.compile(r"^(\((?i:(?:dollars |amounts )?in (?:thousands|millions|billions)\b)[^)]*\))\s+(\(?(?i:unaudited)\)?)$"
                             r"|^(\(?(?i:unaudited)\)?)\s+(\((?i:(?:dollars |amounts )?in (?:thousands|millions|billions)\b)[^)]*\))$")
MAX_CELLS = 60  # columns of one table: more is a layout grid, read as text
LABEL_WIDTH = 60
GAP = 3


def html_lines(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(source line, text line) of an HTML document: tables laid out in columns, paragraphs as lines."""
    try:
        root = html.document_fromstring(text.encode("utf-8", "replace"),
                                        parser=html.HTMLParser(encoding="utf-8", remove_comments=True,
                                                               recover=True, huge_tree=False))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"an HTML document that cannot be read: {exc}") from None
    out: list[tuple[int, str]] = []
    words: list[str] = []
    where = [first_line]

    def flush() -> None:
        line = " ".join("".join(words).split()) if words else ""
        if line and not _FURNITURE.match(line):
            # a title and its scale, or the scale and "Unaudited", run together in one paragraph:
            # two lines, as typed
            m = _TITLE_AND_SCALE.match(line) or _SCALE_AND_MARK.match(line)
            out.extend([(where[0], part) for part in m.groups() if part] if m else [(where[0], line)])
        words.clear()

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "table":
            flush()
            out.extend(_table_lines(el, first_line))
            if el.tail:
                words.append(el.tail)
            return
        if tag in _BLOCKS:
            flush()
        if not words:
            where[0] = first_line + (el.sourceline or 1) - 1
        if el.text and tag:
            words.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            flush()
        if el.tail:
            words.append(el.tail)

    walk(root)
    flush()
    return out


def _cell_parts(td) -> list[str]:
    """A cell's lines as its <br>s and paragraphs break them ("Accumulated<br>Other<br>
    Comprehensive<br>Income"): a heading stacked over its column, as typed."""
    parts: list[str] = [""]

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _BLOCKS and parts[-1].strip():
            parts.append("")
        if el.text and tag:
            parts[-1] += el.text
        for child in el:
            walk(child)
            if child.tail:
                parts[-1] += child.tail
        if tag in _BLOCKS and tag != "br" and parts[-1].strip():
            parts.append("")

    walk(td)
    return [" ".join(_SPACES.sub(" ", part).split()) for part in parts if part.strip()]


def _cell_text(td) -> tuple[str, int]:
    """A cell's text, whitespace collapsed, and its indent in blanks (leading &nbsp;, padding)."""
    raw = td.text_content()
    lead = _LEAD.match(raw)
    indent = len(lead.group(0)) if lead else 0
    style = td.get("style", "") + "".join(child.get("style", "") for child in td.iterchildren() if isinstance(child.tag, str))
    m = _PAD.search(style)
    if m:
        size = float(m.group(1))
        unit = (m.group(2) or "px").lower()
        indent += int(size / {"pt": 5, "px": 7, "em": 1, "in": 0.08, "%": 2}.get(unit, 7))
    return " ".join(_SPACES.sub(" ", raw).split()), min(indent, 20)


def _table_lines(table, first_line: int) -> list[tuple[int, str]]:
    """A table's rows as fixed-width lines."""
    rows = []
    below: dict[int, int] = {}  # grid column -> rows under this one that a rowspan above still fills
    for tr in table.iter("tr"):
        if tr.getparent() is not None and _owner(tr) is not table:
            continue  # a row of a table inside a cell: read with that table
        cells = []
        col = 0
        filled = {c for c, n in below.items() if n > 0}
        below = {c: n - 1 for c, n in below.items() if n > 1}
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while col in filled:
                col += 1  # a cell of a row above, ROWSPAN="2", stands here: this one is to its right
            text, indent = _cell_text(td)
            span, down = (_count(td.get(attr)) for attr in ("colspan", "rowspan"))
            cells.append([col, span, text, indent, td])
            for c in range(col, col + span) if down > 1 else ():
                below[c] = max(below.get(c, 0), down - 1)
            col += span
        rows.extend(_stacked(first_line + (tr.sourceline or 1) - 1, _merged(cells)))
    if not rows:
        return []
    width = max((c[0] + c[1] for _, cells in rows for c in cells), default=0)
    if width > MAX_CELLS:
        return [(line, "  ".join(c[2] for c in cells if c[2])) for line, cells in rows]
    # each row: a label (its first text that is no value, indented by the empty cells before it
    # and its own indent) and values placed in the grid columns they start in
    # text in the value columns is a heading ("September 26, 2009" over its numbers), not a label
    first_value = min((c[0] for _, cells in rows for c in cells if c[2] and _VALUE.match(c[2])), default=width)
    laid = []
    for line, cells in rows:
        label, level, values = "", 0, []
        texts = [c for c in cells if c[2]]
        # a row of column headings: several texts, none a number, none in the label column
        headings = len(texts) >= 2 and texts[0][0] > 0 and not any(_VALUE.match(c[2]) for c in texts)
        for k, (start, span, text, indent) in enumerate(cells):
            if not text:
                continue
            spans_values = start > 0 and span > 1 and start + span > first_value
            if not label and not values and not headings and not spans_values and not _VALUE.match(text) \
                    and start < first_value:
                label = text
                level = indent + 2 * sum(1 for c in cells[:k] if not c[2] and c[0] < start)
            else:
                values.append((start, span, text))
        laid.append((line, label, level, values))
    used = sorted({start for _, _, _, values in laid for start, _, _ in values})
    numeric = {start for _, _, _, values in laid for start, _, text in values if _VALUE.match(text)}
    # (the labels of rows with values set the label column, as wide as a typed page's: a longer
    # label wraps onto lines of its own above, as typed labels did)
    label_width = min(max((len(label) + level for _, label, level, values in laid if values), default=0), LABEL_WIDTH)
    widths = {k: 1 for k in used}
    for _, _, _, values in laid:
        for start, span, text in values:
            if span == 1 or not any(k in widths for k in range(start + 1, start + span)):
                widths[start] = max(widths[start], len(text))
    for _, _, _, values in laid:
        for start, span, text in values:
            # a heading wider than the columns it spans ("Accumulated Other Comprehensive Income"
            # over a "$" cell and its number): its last column widens, so that headings stand
            # three blanks apart and are not read as one
            ends = [k for k in used if start <= k < start + span]
            room = sum(widths[k] for k in ends) + GAP * (len(ends) - 1)
            if len(ends) > 1 and len(text) > room:
                widths[ends[-1]] += len(text) - room
    pos, at = {}, label_width + GAP
    for k in used:
        pos[k] = at
        at += widths[k] + GAP
    out = []
    for line, label, level, values in laid:
        while values and len(label) + level > label_width and " " in label[:label_width - level]:
            cut = label.rfind(" ", 0, label_width - level)
            out.append((line, " " * level + label[:cut]))
            label = label[cut + 1:]
        buf = list(" " * level + label)
        rule: list[str] = []
        for start, span, text in values:
            ends = [k for k in used if start <= k < start + span]
            right = pos[ends[-1]] + widths[ends[-1]]
            if sum(k in numeric for k in ends) > 1 and not _VALUE.match(text):
                # a heading over several columns ("36 Weeks Ended" over both years): centred
                # over them and underlined across them, as typed, so that it heads each of them
                rule.extend(" " * (pos[ends[0]] - len(rule)))
                rule.extend("-" * (right - pos[ends[0]]))
                right = max(right - (right - pos[ends[0]] - len(text)) // 2, pos[ends[0]] + len(text))
            s = max(right - len(text), len(buf) + 2 if buf and any(ch != " " for ch in buf) else 0)
            buf.extend(" " * (s - len(buf)))
            buf[s:s + len(text)] = list(text)
        out.append((line, "".join(buf).rstrip()))
        if rule:
            out.append((line, "".join(rule)))
    return out


_VALUE = re.compile(r"^[\(\$\s-]*(?:[\d,]+(?:\.\d+)?|\.\d+|[-\u2013\u2014]+)[\)%\s]*$")


def _stacked(line: int, cells: list[list]) -> list[tuple[int, list[list]]]:
    """A row of column headings whose cells break into lines (<br>, paragraphs) becomes as many
    rows, each cell's lines at the bottom, as a typed heading stands over its column; any other
    row stays one."""
    texts = [c for c in cells if c[2]]
    if not texts or texts[0][0] == 0 or any(_VALUE.match(c[2]) for c in texts):
        return [(line, [c[:4] for c in cells])]
    parts = [_cell_parts(c[4]) if c[2] else [] for c in cells]
    height = max(len(p) for p in parts)
    if height <= 1:
        return [(line, [c[:4] for c in cells])]
    return [(line, [[c[0], c[1], p[k - (height - len(p))] if k >= height - len(p) else "", c[3]]
                     for c, p in zip(cells, parts)]) for k in range(height)]


def _count(value: str | None) -> int:
    """A colspan or rowspan: 1 where absent or unreadable, at most MAX_CELLS."""
    try:
        return max(1, min(int(value or 1), MAX_CELLS))
    except ValueError:
        return 1


def _owner(tr):
    """The table a row belongs to."""
    el = tr.getparent()
    while el is not None and (not isinstance(el.tag, str) or el.tag.lower() != "table"):
        el = el.getparent()
    return el


def _merged(cells: list[list]) -> list[list]:
    """"$" cells joined to the number after them, ")" and "%" cells to the one before: a printed
    value is one cell, in the column of its number."""
    out: list[list] = []
    pending = ""
    for cell in cells:
        text = cell[2]
        if _DOLLAR.match(text):
            pending += text
            continue
        if _CLOSER.match(text) and out:
            prev = next((c for c in reversed(out) if c[2]), None)
            if prev is not None:
                prev[2] += text
                continue
        if pending and text:
            cell = [cell[0], cell[1], pending + text, *cell[3:]]
            pending = ""
        out.append(cell)
    return out
