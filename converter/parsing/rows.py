"""Table body to rows: wrapped labels joined, section headings tracked, unlabelled subtotals found."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from converter.dates import MONTH_DAY, YEAR
from converter.model import Cell, Row, RowKind
from converter.parsing.blocks import assign
from converter.parsing.lines import Line, BLANK_LINE, RULE_LINE, VALUES_LINE, TEXT_LINE, PAGE_LINE
from converter.parsing.titles import scale_of
from converter.parsing.totals import find_totals
from converter.parsing.row_passes import glue, glued_value, joined_label, lower_first, name_by_reach, narrow_body, percent_signs_once, starts_lower, sums_more, unname_inner_subtotals

_TOTAL_WORD = re.compile(r"total\b", re.I)

# A label line that ends with one of these words goes on in the next line.
_INTRODUCES_LIST = re.compile(r"^[A-Z][A-Z ,&'-]*[A-Z] (?:ON|OF|FROM|FOR|IN)$")
_CONNECTOR = re.compile(r"(?:[,&(/-]|\b(?:and|or|of|for|in|to|from|on|the|by|at|with|net|less|plus|before|after|under|over|per|a|an))$", re.I)
_STARTS_CONNECTOR = re.compile(r"^(?:of|and|or|in|for|to|from|on|the|by|at|with|less|plus|before|after|under|over|per|"
                               r"including|excluding|net of)\b", re.I)
_DASHES = "-\u2013\u2014"
_LEFT_MARGIN = 12  # a year printed first on its line within this many characters is a row's label
# A "Notes" column of letters between label and values: "Rentals and financing        Q"
_NOTE_LETTER = re.compile(r"\s{6,}[A-Z]{1,2}\d?$|\s{3,}[A-Z]\d?(?:\s*[&,]\s*[A-Z]\d?)+$")  # "Q"; "G & J", "C, R"
_NOTE_LETTER_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# A heading that names one item, its terms following on the next line: not a section.
_ITEM_HEADING = re.compile(r"[\d$]|(?<!excess of )\bpar value\b|\bseries\b", re.I)  # (not "Capital in excess of par value:")
# a roll-forward's first line: the heading over it is a component's section, not an item's terms
# ("Common stock, $.25 par value:" / "Balance at beginning of year" in an equity statement)
_ROLL_START = re.compile(r"^(?:balances?|beginning of|at beginning)\b", re.I)
# "(000's)", a footnote mark "(1)", a note reference "(Note 5)": a block's heading, not an item's
# digits ("Common stock, $1 par value:")
_SCALE_NOTE = re.compile(r"\((?:in\s+)?\$?000'?s?(?:\s+omitted)?\)|\(\d\)|"
                         r"\((?:see\s+)?notes?\s+\w{1,3}(?:\s*(?:,|and|&)\s*\w{1,3})*\)|"
                         # "At December 31:", "Balance sheet data (at December 31, 1997):": a date's digits
                         # ("Capital ratios at December 31:"; not "Long-term debt at December 31, 1994 was payable:")
                         r"(?:^|\(|\b)at\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
                         r"(?:,?\s+(?:19|20)\d\d)?(?=\)|\s*:?\s*$)",
                         re.I)
# A word alone on its line over a per-share block: "Basic", "Diluted", "Primary", "Fully diluted"
_BLOCK_HEADING = re.compile(r"(?:basic|diluted|primary|fully diluted|assuming (?:full )?dilution|basic and diluted)\s*:?",
                            re.I)
# "Net income per share:  Basic": a block's heading and its first line printed on one line (also
# "Weighted average shares / outstanding:  Basic", the heading's colon before the first line)
_INLINE_BLOCK = re.compile(r"^(.*\bper\b.*?:?|.*\b(?:shares|outstanding)\b[^:]*:)\s+(?:basic|primary)$", re.I)
# "(expense), net" ends a label: the net of a word before it, no connector to the next line
_NET_AT_END = re.compile(r",\s*net$", re.I)
# one or two words, then underlines only: "Activities                    -------    ------"
_TAIL_AND_RULE = re.compile(r"^\s*([A-Za-z][\w'.,()]*(?: [\w'.,()]+)?)\s{3,}[-=_]{3,}(?:\s+[-=_]{3,})*\s*$")
_PERCENT_ROW = re.compile(r"^(?:percentage|percent|as a (?:percentage|percent)) (?:of|to)\b|^%\s+of\b", re.I)
_COMPLETION = re.compile(r"\bpercentage[- ]of[- ]completion\b", re.I)
_CLOSES_SECTION = re.compile(r"^(?:total|net cash|net (?:increase|decrease)|net change)\b", re.I)


@dataclass
class _Section:
    text: str
    indent: int
    first_row: int


@dataclass
class RowBuilder:
    columns: list[tuple[int, int]]
    rows: list[Row] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    pending: list[Line] = field(default_factory=list)
    rule_before: bool = False
    last_total: int = -1
    narrow: bool = False  # labels wrapped in a narrow stub: a deeper indent continues a label
    item: str = ""  # "Common stock, par value of $.10 per share:": the first part of the next label
    item_indent: int = 0
    listed: str = ""  # "Sales and revenues (in millions)" over "- Automotive", "- Financial Services": each one's first part
    last_row_line: int = -10
    problems: list[tuple[int, str]] = field(default_factory=list)

    def feed(self, ln: Line) -> None:
        if ln.kind in (BLANK_LINE, PAGE_LINE):
            self._short_tail()
            return
        if ln.kind is RULE_LINE:
            self._flush_headings()
            self.rule_before = True
            return
        if ln.kind is TEXT_LINE:
            tail = _TAIL_AND_RULE.match(ln.text)
            if tail and self.rows and self.rows[-1].label and ln.number == self.last_row_line + 1 \
                    and not _TOTAL_WORD.match(tail.group(1)):  # "Total current  ----" starts a label
                # "Activities        -------   ------": a label's last word printed on the underline
                self.rows[-1] = dataclasses.replace(self.rows[-1], label=glue(self.rows[-1].label, tail.group(1).strip()))
                self._flush_headings()
                self.rule_before = True
                return
            self._text(ln)
            return
        if ln.kind is VALUES_LINE:
            self._values(ln)

    # -- label-only lines
    def _text(self, ln: Line) -> None:
        text = ln.stripped
        if text.endswith(":"):
            if self.pending and self._continues(text, ln):
                self.pending.append(ln)  # "Non-interest" / "income:"
                joined, indent = joined_label(self.pending), self.pending[0].indent
                self.pending = []
                if _ITEM_HEADING.search(_SCALE_NOTE.sub("", joined)):
                    self.item, self.item_indent = joined[:-1].strip(), indent
                else:
                    self._push(joined[:-1].strip(), indent)
                return
            self._flush_headings()
            if _ITEM_HEADING.search(_SCALE_NOTE.sub("", text)):
                self.item, self.item_indent = text[:-1].strip(), ln.indent
                return
            self._push(text[:-1].strip(), ln.indent)
            return
        if len(self.pending) == 1 and _BLOCK_HEADING.fullmatch(self.pending[0].stripped):
            self._flush_headings()  # "Basic" over the lines of its per-share block: a heading, not a label's start
        caps_heading = self.pending and self.pending[0].stripped.isupper() and not text.isupper()
        if self.pending and (self._continues(text, ln) or ln.number == self.pending[-1].number + 1 and not caps_heading):
            # label lines printed one under the other make one label ("Average Common Shares" /
            # "Outstanding (in millions)")
            self.pending.append(ln)
            return
        if not self.pending and self.rows and self.rows[-1].line >= ln.number - 2 and self.rows[-1].label \
                and not self.rule_before \
                and (starts_lower(text) or (_CONNECTOR.search(self.rows[-1].label) and len(text.split()) <= 3
                                             and self.rows[-1].line == ln.number - 1
                                             and not _NET_AT_END.search(self.rows[-1].label))):
            # the rest of a label printed after its value line (not across the underline below it:
            # "(Decrease) Increase in Cash and" under a rule begins the next label)
            last = self.rows[-1]
            self.rows[-1] = dataclasses.replace(last, label=glue(last.label, text))
            return
        self._flush_headings()
        self.pending = [ln]

    def _short_tail(self) -> None:
        """A word or two right under a value row and before a blank line ends that row's label:
        'Net Cash (Used in) / Provided by Investing' / 'Activities'."""
        if len(self.pending) == 1 and self.rows and self.pending[0].number == self.last_row_line + 1 \
                and len(self.pending[0].stripped.split()) <= 2 and not self.pending[0].stripped.endswith(":") \
                and self.rows[-1].label:
            last = self.rows[-1]
            self.rows[-1] = dataclasses.replace(last, label=glue(last.label, self.pending[0].stripped))
            self.pending = []

    def _deeper(self, ln: Line) -> bool:
        if not self.pending or ln.indent <= self.pending[0].indent:
            return False
        # a narrow stub wraps by indenting; so do labels in capitals, whose case says nothing
        return self.narrow or (self.pending[0].stripped.isupper() and (ln.label or ln.stripped).isupper())

    def _continues(self, text: str, ln: Line) -> bool:
        """Does this line go on with the pending label?"""
        return (starts_lower(text) or bool(_STARTS_CONNECTOR.match(text))
                or bool(_CONNECTOR.search(self.pending[-1].stripped)) or self._deeper(ln))

    def _flush_headings(self) -> None:
        if self.pending:
            self._push(joined_label(self.pending), self.pending[0].indent)
            self.pending = []

    def _push(self, text: str, indent: int) -> None:
        block = bool(_BLOCK_HEADING.fullmatch(text))  # "Basic" nests under "EARNINGS PER SHARE" at its indent
        while self.sections and self.sections[-1].indent >= indent and not (
                block and self.sections[-1].indent == indent and not _BLOCK_HEADING.fullmatch(self.sections[-1].text)):
            self.sections.pop()
        self.sections.append(_Section(text, indent, len(self.rows)))

    # -- value rows
    def _headed_here(self, section: _Section) -> bool:
        """A section opened after the last total, by a heading without amounts."""
        return section.first_row >= self.last_total + 1 and not re.search(r"[\d$]", section.text)

    def _values(self, ln: Line) -> None:
        # (the pattern ends in a capital or a digit: test the last character first)
        label = _NOTE_LETTER.sub("", ln.label) if ln.label[-1:] in _NOTE_LETTER_ENDS else ln.label
        indent = ln.indent
        # "Balance, December 31," / "  1994    $ 8,500 ...": a narrow label column wraps the year
        # onto the amounts' line, left of the first column: it ends the label above
        year_ends_label = (not label and len(ln.tokens) > 1 and bool(self.columns) and bool(self.pending)
                           and YEAR.fullmatch(ln.tokens[0].text) is not None and ln.tokens[0].end <= self.columns[0][0]
                           and _DATE_WITHOUT_YEAR.search(joined_label(self.pending)) is not None)
        if year_ends_label:
            label = ln.tokens[0].text
        if len(self.pending) == 1 and _BLOCK_HEADING.fullmatch(self.pending[0].stripped) and label:
            self._flush_headings()
        # "Current liabilities" / " Debt maturing within one year" / "  Ameritech ... 15.5": lines
        # stepping in one after the other over a row stepped in further are nested headings
        while len(self.pending) >= 2 and self.pending[0].indent < self.pending[1].indent < ln.indent \
                and all(a.indent < b.indent for a, b in zip(self.pending, self.pending[1:])) \
                and not _CONNECTOR.search(self.pending[0].stripped) and not starts_lower(self.pending[1].stripped) \
                and not self.pending[1].stripped[:1].isdigit():  # "30,000,000 shares; issued": a label goes on
            self._push(self.pending[0].stripped.rstrip(":"), self.pending[0].indent)
            self.pending = self.pending[1:]
        if self.pending:
            joined = joined_label(self.pending)
            if not label:
                label, indent = joined, self.pending[0].indent
            elif _INTRODUCES_LIST.search(joined) and label[:1].isupper() and not label.isupper():
                # "INTEREST INCOME ON" over "Loans and leases", "Investment securities", ...: a
                # heading in capitals that ends in a preposition introduces every line below it
                self._push(joined, self.pending[0].indent)
            elif starts_lower(label) or _CONNECTOR.search(joined) or self._deeper(ln) or label[0].isdigit() \
                    or _STARTS_CONNECTOR.match(label) or joined.count("(") > joined.count(")"):
                # (a parenthesis left open goes on: "Securities held to maturity (fair value" /
                # "$6,204,118 and $7,015,402)")
                label, indent = glue(joined, label), self.pending[0].indent
            elif label[0] in _DASHES:  # "Weighted average shares" / "- basic and diluted"
                rest = label.lstrip(_DASHES + " ")
                self.listed = joined
                label, indent = f"{joined} - {rest}", self.pending[0].indent
            else:
                self._push(joined, self.pending[0].indent)
            self.pending = []
        elif label[:1] in _DASHES and self.listed and self.rows and self.rows[-1].line >= ln.number - 2:
            # the next item of that list: "Sales and revenues (in millions)" / "- Automotive" / "- Financial Services"
            label = f"{self.listed} - {label.lstrip(_DASHES + ' ')}"
        else:
            self.listed = ""
        label, tokens = glued_value(ln, label, self.columns)
        if year_ends_label:
            tokens = tokens[1:]
        if not label and tokens and YEAR.fullmatch(tokens[0].text) and (
                tokens[0].end <= self.columns[0][0]
                or (len(tokens) > 1 and tokens[0].start == ln.indent and tokens[0].start < _LEFT_MARGIN)):
            # "  1999    $ 702   $ 3,806" of a schedule by year: the year left of the columns is the
            # label, also where a heading over the stub ("Year Ending December 31,") made a column of it
            label, tokens = tokens[0].text, tokens[1:]
        cells: list[Cell | None] = [None] * len(self.columns)
        crowded: set[int] = set()
        for tok, col in zip(tokens, assign(tokens, self.columns)):
            if col is None:
                self.problems.append((ln.number, f"value {tok.text!r} does not fall in a column"))
                continue
            if cells[col] is not None or col in crowded:
                # two values under one column: which one is its period's cannot be told (the
                # columns do not line up, or two were printed as one): neither is kept
                if cells[col] is not None:
                    self.problems.append((ln.number, f"values {cells[col].text!r} and {tok.text!r} fall in one column"))
                crowded.add(col)
                cells[col] = None
                continue
            cells[col] = Cell(tok.text, tok.value, tok.decimals, ln.number, tok.start, tok.negative, tok.percent)
        label = " ".join(label.rstrip(":").split())
        if _BLOCK_HEADING.fullmatch(label) and self.rows and self.rows[-1].line == ln.number - 1 \
                and (m := _INLINE_BLOCK.match(self.rows[-1].label)):
            # "Net income per share:  Basic  1.41" / "Diluted  1.39" under it: the same line's diluted
            label = f"{m.group(1)} {label}"
        if self.item and _ROLL_START.match(label):
            self._push(self.item, self.item_indent)
            self.item = ""
        if self.item:
            label, self.item = f"{self.item}: {label}" if label else self.item, ""
        kind = RowKind.DATA
        components: tuple[int, ...] = ()
        if not label:
            kind = RowKind.SUBTOTAL
            first = max(self.last_total + 1, self.sections[-1].first_row if self.sections else 0)
            components = tuple(range(first, len(self.rows)))
            if self.sections and self._headed_here(self.sections[-1]):
                # a total of more than the section's lines closes it: it is the total of the
                # section around it ("Special charges:" inside "Costs and expenses:"), or of no
                # section ("Other assets:" / two lines / total assets)
                while sums_more(cells, self.rows[self.sections[-1].first_row:]) and len(self.sections) > 1 \
                        and self._headed_here(self.sections[-2]):
                    self.sections.pop()
                if not sums_more(cells, self.rows[self.sections[-1].first_row:]):
                    label = "Total " + lower_first(self.sections[-1].text)
                self.sections.pop()
        elif _TOTAL_WORD.match(label):
            kind = RowKind.TOTAL
        if _PERCENT_ROW.search(label) and not _COMPLETION.search(label) \
                and not any(c is not None and "$" in c.text for c in cells):
            # "Percentage of net sales   23.4   ---": percents, printed with or without the sign
            cells = [dataclasses.replace(c, percent=True) if c is not None and c.value is not None else c
                     for c in cells]
        while self.sections and label and not self.rule_before and indent <= self.sections[-1].indent < min(
                (r.indent for r in self.rows[self.sections[-1].first_row:]), default=-1):
            # back at the heading's margin after its indented lines ("Orders received" under the
            # "Average shares outstanding:" block's Basic / Diluted), not as their total under a
            # rule: the section has ended
            self.sections.pop()
        context = " / ".join(s.text for s in self.sections)
        own_scale = scale_of(label) or (scale_of(self.sections[-1].text) if self.sections else None)
        self.rows.append(Row(label, context, indent, tuple(cells), ln.number, kind, components, self.rule_before,
                             own_scale))
        self.last_row_line = ln.number
        if kind is not RowKind.DATA:
            self.last_total = len(self.rows) - 1
        if kind is RowKind.TOTAL or _CLOSES_SECTION.match(label):
            # (the first line under a heading closes nothing: "At period end: / Total assets / Loans")
            if self.sections and self.sections[-1].first_row < len(self.rows) - 1:
                self.sections.pop()
        self.rule_before = False


_DATE_WITHOUT_YEAR = re.compile(MONTH_DAY.pattern + r",?\s*$", re.I)


def build_rows(lines: list[Line], start: int, end: int, columns: list[tuple[int, int]]):
    builder = RowBuilder(columns, narrow=narrow_body(lines[start:end + 1]))
    for ln in lines[start:end + 1]:
        builder.feed(ln)
    rows = unname_inner_subtotals(name_by_reach(find_totals(builder.rows)))
    return percent_signs_once(rows), builder.problems


