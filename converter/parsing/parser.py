"""The parse stage: a Filing to its tables (statements and note tables) and cover information."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from decimal import Decimal
from typing import NamedTuple

from converter.model import (
    Column, Filing, ParsedFiling, Period, Row, Sentence, SkippedTable, StatementKind, Table, TextDocument,
)
from converter.parsing.blocks import drop_label_zone_columns, find_blocks, find_columns
from converter.parsing.column_headings import RULE_RUN
from converter.parsing.cover import read_cover
from converter.dates import (
    DATED_BALANCE, FULL_DATE, MONTH_DAY, ORDINAL_QUARTER, ordinal_quarter_span, YEAR, YEAR_TO_DATE, duration_months, find_dates, make_date, month_number, parse_month_day, start_of,
    year_end,
)
from converter.parsing.heading_grammar import names_attribute, unread
from converter.parsing.headers import read_head
from converter.parsing.kinds import anchored_kinds, decide_kind, table_scores
from converter.parsing.lines import TEXT_LINE, classify_all
from converter.parsing.listed_below import listed_below
from converter.parsing.periods import (
    PeriodContext, align_periods, column_period, names_comparison, fiscal_years_named_by_start, intro_period, own_start, rejoin_months,
)
from converter.parsing.prose import sentences
from converter.parsing.roll_forward import periods_as_rows, roll_forward
from converter.parsing.rows import build_rows
from converter.parsing.schedule import read_schedule
from converter.companies import names_registrant, names_registrant_briefly, same_company
from converter.parsing.titles import goods_of, is_title_line, money_words, names_scale_words, quantity_of, scale_of
from converter.resources import load_toml, toml_pattern

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_RATE_WORD = re.compile(r"\brates?\b", re.I)


def parse_filing(filing: Filing, prose: bool = True) -> ParsedFiling:
    """The filing's tables and cover; prose=False skips reading its running text (no narrative facts)."""
    cover = read_cover(filing)
    fye = year_end(cover.fiscal_year_end)
    ctx = PeriodContext(
        fiscal_year_end=fye,
        annual=bool(cover.form_type and cover.form_type.startswith("10-K")),
        # an 8-K's date is an event, not the end of a fiscal period
        period_end=cover.period_end if cover.form_type and cover.form_type.startswith(("10-", "20-")) else None,
        registrant=cover.registrant or "",
        report_date=cover.period_end,
    )
    tables: list[Table] = []
    skipped: list[SkippedTable] = []
    said_all: list[Sentence] = []
    numbers: list[tuple[Decimal, int]] = []
    for doc in filing.documents:
        found, dropped, said, printed_numbers = parse_document(doc, ctx, prose)
        tables.extend(found)
        skipped.extend(dropped)
        said_all.extend(said)
        numbers.extend(printed_numbers)
    printed = {c.period.end for t in tables for c in t.columns if c.period and find_dates(c.heading)}
    if cover.period_end:
        printed.add(cover.period_end)
    # period ends the running text states: "the fiscal year ended September 27, 1991"
    printed |= {d for s in said_all if " ended " in s.text for d in _ended_dates(s.text)}
    aligned = align_periods([list(t.columns) for t in tables], printed)
    tables = [dataclasses.replace(t, columns=tuple(cols)) for t, cols in zip(tables, aligned)]
    schedules = tuple(read_schedule(doc) for doc in filing.schedules)
    return ParsedFiling(filing, cover, tuple(tables), tuple(skipped), tuple(said_all), tuple(numbers), schedules)


def _ended_dates(text: str):
    """The dates of "years ended September 27, 1991" in a sentence. ("ended" first, a plain word
    found fast, then the period word before it: the sentences of a report say "ended" often.)"""
    for m in _ENDED.finditer(text):
        if _PERIOD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield from (d for _, d in find_dates(m.group(1)))


_ENDED = re.compile(r"ended\s+((?:[A-Z][a-z]+\.?)\s+\d{1,2},\s+(?:19|20)\d\d)")
_PERIOD_BEFORE = re.compile(r"\b(?:years?|quarters?|periods?|months|weeks)\s+$")
_CHANGE = re.compile(r"\bchange\b|%", re.I)  # "Three Month Change": a comparison column, not a period


@functools.cache
def _cover_captions() -> re.Pattern:
    # (the captions are lowercase, matched on lowercased text: cheaper than re.I over every table's labels)
    return re.compile("|".join(load_toml("statements.toml")["cover"]["captions"]))


def _segment_note() -> re.Pattern:
    return toml_pattern("statements.toml", "segment_note", "words")  # the words of a segment note


def _physical_scale(title_lines, scale_text: str) -> str:
    """The quantity a scale is of when the line stating it names one ("Kilowatt-hour sales
    (millions):" over a utility's statistics): no money scale (statements.toml [statistics])."""
    line = next((t for t in title_lines if scale_text and scale_text in t), scale_text)
    # ("(In thousands, except per share amounts, stores and square feet)": what the scale is not of)
    line = re.split(r"\bexcept\b", line or "", maxsplit=1, flags=re.I)[0]
    if not line or len(line) > 80 or _DOLLARS.search(line):
        return ""
    m = _physical().search(line)
    return f"{m.group(0).lower()} ({' '.join(line.split())})" if m else ""


_DOLLARS = re.compile(r"\bdollars?\b|\$", re.I)


@functools.cache
def _physical() -> re.Pattern:
    return re.compile(load_toml("statements.toml")["statistics"]["physical"], re.I)


def _names_duration(heading: str) -> bool:
    return bool(duration_months(heading)) and not _CHANGE.search(heading)


class _Statement(NamedTuple):
    """The last statement table of a document: an untitled table right under it may continue it."""
    kind: StatementKind
    last_line: int
    title: str
    own: bool  # the filer's own figures, not a pro forma or consolidating presentation
    columns: tuple = ()  # its columns: a "(Continued)" page printed without headings takes them


def _read_blocks(lines, tabular: set[int], skipped: list[SkippedTable]):
    """Each table block with numbers: its head, column spans, rows, row problems and lines."""
    floor = 0
    prev_intro, prev_last, prev_scale = "", -100, (None, "")
    tabular_scale: tuple[int, str] | None = None
    for block in find_blocks(lines):
        block, columns = drop_label_zone_columns(lines, block, find_columns(lines, block))
        before = " ".join([ln.label for ln in lines[floor:block.first] if ln.kind is TEXT_LINE])  # (a text line's label: its stripped text)
        if (declared := _tabular_scale(before)) is not None and (factor := scale_of(declared)):
            tabular_scale = (factor, declared)
        head = read_head(lines, block, columns, floor)
        tabular.update(range(min(head.head_start, block.first), block.last + 1))
        floor = block.last + 1
        rows, problems = build_rows(lines, head.body_start, block.last, columns)
        below, below_last = listed_below(lines, block.last, head.headings)
        if below is not None:
            rows.append(below)
            tabular.update(range(block.last + 1, below_last + 1))
            floor = below_last + 1
        if head.head_start - prev_last <= 8:
            # a second table right under the first shares its introduction; untitled, and printing
            # dollar amounts only (no prices, rates or counts), its money scale
            if not head.intro and head.kind is StatementKind.NOTE:
                head.intro = prev_intro
            if (head.scale is None and prev_scale[0] is not None and not quantity_of(prev_scale[1])
                    and not any(map(is_title_line, head.title_lines)) and _dollars_only(head, rows)):
                head.scale, head.scale_text = prev_scale
        if head.scale is None and tabular_scale is not None and _dollars_only(head, rows, 3, price_headings=True):
            # "(Tabular information: Dollars in millions, except per share amounts)" in the text:
            # the scale of every table of dollars after it
            head.scale, head.scale_text = tabular_scale
        first_line, last_line = lines[head.body_start].number, lines[block.last].number
        if not any(c is not None and c.value is not None for r in rows for c in r.cells):
            skipped.append(SkippedTable(first_line, last_line, "no numbers in the table"))
            continue
        prev_intro, prev_last, prev_scale = head.intro, block.last, (head.scale, head.scale_text)
        yield head, columns, rows, problems, first_line, last_line


# words of rows and headings that are no dollar amounts in a scale: prices, rates, counts
_NOT_DOLLARS = re.compile(r"\bper (?:common )?share\b|\bprice\b|%|\bpercent|\bratio\b|\brate\b|\bnumber of\b|"
                          r"\bunits?\b|\bshares\b|\bemployees\b|\bin dollars\b|\byield\b|\bdays\b|\btimes\b", re.I)


def _tabular_scale(text: str) -> str | None:
    """The sentence stating the scale of several tables, as printed. (The text between tables is
    most of a document: cheap substring tests first, then the pattern, on the lowercased text.)"""
    low = text.lower()
    if not names_scale_words(low) or not ("tabular" in low or "amounts" in low):
        return None
    if len(low) != len(text):  # (a character whose lower case is longer: offsets differ)
        return m.group(0) if (m := re.compile(_TABULAR_SCALE.pattern, re.I).search(text)) else None
    m = _TABULAR_SCALE.search(low)
    return text[m.start():m.end()] if m else None


# (lowercase: matched on lowercased text; its first character is "(", "a" or "d")
_TABULAR_SCALE = re.compile(r"(?=[(ad])(?:\(\s*tabular (?:information|amounts|data)\s*:?\s*(?:(?:dollars|amounts) )?in\s+"
                            r"(?:thousands|millions|billions)\b[^)]*\)|"
                            # "All dollar amounts in the attached Schedules A through D are in thousands"
                            # (of several tables: "the following table are in thousands" is one table's)
                            r"\b(?:all )?(?:dollar )?amounts (?:in|on) (?:the )?(?:attached|accompanying|following|enclosed)"
                            r"\s+(?:[\w-]+\s+){0,3}?(?:schedules|statements|tables|exhibits)\b"
                            r"[^.]{0,60}?\bare (?:stated |expressed |presented |shown |reported )?in "
                            r"(?:thousands|millions|billions)\b)")


def _flows(head, rows) -> bool:
    """The lines of an income or cash-flow statement: its vocabulary the best, and its anchor lines
    printed (sales, costs and net income), and no date the amounts are "at" in the words above."""
    if _dated_above(head):
        return False  # "Accrued liabilities at December 31 consisted of:"
    lead_in = _SENTENCE_END.split(head.intro.strip())[-1]
    if _RESULTS.search(lead_in) and not _POSITION.search(lead_in):
        return True  # "... the following pro forma information presents the results of operations ..."
    labels = [r.label for r in rows if r.label]
    if _segment_note().search(f"{head.title_text} {head.intro[-400:]}") and any(
            _SEGMENT_FLOWS.search(r.context) for r in rows if r.context):
        return True  # a segment note under "Net sales:" and "Operating income:": the years' flows
    if sum(bool(ORDINAL_QUARTER.match(" ".join(label.split()))) for label in labels) >= 2:
        return True  # "First quarter ... Fourth quarter / Year" under each year: the years' flows
    if len(labels) >= 3 and _OPENING.search(labels[0]) and _CLOSING.search(labels[-1]):
        return True  # a roll-forward: "Balance at beginning of year" ... "Balance at end of year"
    if len(labels) >= 3 and DATED_BALANCE.match(labels[0]) and DATED_BALANCE.match(labels[-1]) \
            and parse_month_day(labels[0]) != parse_month_day(labels[-1]):
        return True  # and by dates: "Balance at January 1" ... "Balance at December 31"
    scores = table_scores(labels)
    best = StatementKind(max(scores, key=scores.get))
    return (best in (StatementKind.INCOME, StatementKind.CASHFLOW) and scores[best.value] > 0.5
            and best in anchored_kinds(rows, (best,)))


# the sentence above a note table saying its amounts are a period's results (an acquisition's
# pro forma results of operations under bare years)
_RESULTS = re.compile(r"\bresults of (?:its |their |the combined )?operations\b|\bpro forma (?:results|revenues|net sales)\b",
                      re.I)
_SEGMENT_FLOWS = re.compile(r"\b(?:sales|revenues?|operating (?:income|profit|loss)|earnings|net income)\b", re.I)
_POSITION = re.compile(r"\bfinancial (?:position|condition)\b|\bbalance sheets?\b", re.I)  # (balances too)
_OPENING = re.compile(r"\b(?:beginning|start|opening)\b", re.I)  # a roll-forward's first and last lines
_CLOSING = re.compile(r"\b(?:end|ending|closing)\b", re.I)


def _dated_above(head) -> bool:
    """The sentence right above the table or its title dates its amounts ("... at December 31
    consisted of:"): balances, not flows."""
    lead_in = _SENTENCE_END.split(head.intro.strip())[-1]  # the sentence right above, not the paragraph
    return bool(_AT_DATE.search(" ".join([lead_in, *head.title_lines])))


def _groups_named(headings: list[str]) -> bool:
    """Every column heading names a group beside its period ("GE 1993", "GECS 1993"): a page of
    the statement's entities, not another table of its years."""
    return bool(headings) and all(map(_heading_group, headings))


# "Had the acquisition ... occurred on January 1, 1996, the results would have been": not the
# statement's own figures
_AS_HAD = re.compile(r"\bhad (?:the |this )?[\w ,-]{0,60}\b(?:occurred|been (?:completed|consummated))\b|\bas if\b", re.I)


def _fiscal_highlights(head, rows) -> bool:
    """"Fiscal 1996  Fiscal 1995" over an annual report's highlights of sales and earnings: each
    column is the fiscal year (its balance lines held at the year's end by their words); a note of
    balances only under such headings (inventories, backlog) keeps the year-end dates."""
    dated = [h for h in head.headings if YEAR.search(h)]
    return bool(dated) and all(_FISCAL_HEADING.search(h) and not MONTH_DAY.search(h) for h in dated) \
        and any(_EARNINGS_LINE.search(r.label) for r in rows)


_FISCAL_HEADING = re.compile(r"\bfiscal\b|\bFY\s?'?\d\d", re.I)
_EARNINGS_LINE = re.compile(r"^(?:net )?(?:sales|revenues?)\b|\bnet (?:income|earnings|loss)\b|\bper share\b", re.I)


def _years_of_flows(head, flow_years: set[int]) -> bool:
    """A note under three bare years or more, the years the statements of income cover ("1998
    1997  1996" over the components of the tax provision): the years' flows, not balances at
    their ends (a balance sheet prints two), unless the words above say "at December 31"."""
    # (a heading may have taken a line above in: "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS 1998")
    years = [{int(y) for y in YEAR.findall(h)} if not find_dates(h) and not duration_months(h) else set() for h in head.headings]
    if len(years) < 3 or any(len(y) != 1 for y in years) or not set().union(*years) <= flow_years:
        return False
    # ("December 31," over the years: balances at those dates)
    return head.title_kind is not StatementKind.BALANCE and not _dated_above(head) \
        and not MONTH_DAY.search(" ".join([*head.title_lines[-3:], head.period_text, head.stub_text]))


_AT_DATE = re.compile(r"\b(?:at|as of)\s+(?:the end of\s+)?(?:january|february|march|april|may|june|july|august|"
                      r"september|october|november|december|year[- ]end|fiscal year[- ]end)\b", re.I)


def _dollars_only(head, rows, money_share: int = 2, price_headings: bool = False) -> bool:
    """A table of dollar amounts: headings that name no price, rate or count (nor, with
    price_headings, "High  Low"); 1/money_share of the rows or more money (per-share and
    percentage lines keep their own units), printing dollar signs, mostly without cents (a table
    in thousands prints none: "$ 23.50  $ 25.25" are prices)."""
    words = _EXCEPT.sub("", " ".join([*head.title_lines, head.stub_text, *head.headings]))
    if _NOT_DOLLARS.search(words.replace("%", "")):
        return False  # ("% Change" beside the amounts is no price)
    if price_headings and _PRICE_HEADINGS.search(" ".join(head.headings)):
        return False
    money = [r for r in rows if not _NOT_DOLLARS.search(r.label)]
    cells = [c for r in money for c in r.cells if c is not None and c.value is not None and not c.percent]
    cents = sum(c.decimals >= 2 for c in cells)
    return len(money) * money_share >= len(rows) and any(c.text.startswith(("$", "($")) for c in cells) \
        and cents * 2 < len(cells)


# a scale phrase's exception ("in millions, except per share amounts") names no price of the table
_EXCEPT = re.compile(r"\bexcept\b[^)]*", re.I)
_PRICE_HEADINGS = re.compile(r"\b(?:high|low|close|closing|bid|ask)\b", re.I)


def parse_document(doc: TextDocument, ctx: PeriodContext, prose: bool = True) -> tuple[
        list[Table], list[SkippedTable], list[Sentence], list[tuple[Decimal, int]]]:
    """The document's tables, the blocks skipped with their reasons, its running text, and the
    numbers printed in its table blocks."""
    lines = classify_all(doc.lines, doc.line_numbers)
    tabular: set[int] = set()  # line indexes of table blocks and their heads: not prose
    tables: list[Table] = []
    skipped: list[SkippedTable] = []
    found = list(_read_blocks(lines, tabular, skipped))
    # kinds the document's own titles name plainly: content alone never adds a second one
    titled = frozenset(head.kind for head, *_ in found if head.kind is not StatementKind.NOTE)
    company = ""  # the company of the last statement: its notes follow it
    scope = (None, "")  # the scale last stated in this document and its phrase: it holds until replaced
    scope_company = ""  # the company of the statement that stated it
    statement: _Statement | None = None  # the last statement table
    scaled: set[Decimal] = set()  # the amounts printed in statements under a scale
    flow_years: set[int] = set()  # the years the income and cash-flow statements cover
    report_years = {ctx.period_end.year - k for k in range(5)} if ctx.period_end is not None else set()
    section_years: tuple[list[str], tuple] | None = None  # the last quarterly table's headings, under a year row
    for head, columns, rows, problems, first_line, last_line in found:
        if YEAR.fullmatch(head.stub_text.strip()):
            # quarterly data with the year as a section row ("1996" over the quarters' rows, then
            # "1995" and its rows): the next year's block carries the first's quarter headings
            if section_years is not None and not any(head.headings) and section_years[1] == tuple(columns):
                head.headings = list(section_years[0])
            if any(MONTH_DAY.search(h) or ORDINAL_QUARTER.match(" ".join(h.split())) for h in head.headings):
                section_years = (list(head.headings), tuple(columns))
        for heading in head.headings:
            if (tokens := unread(heading)):
                skipped.append(SkippedTable(first_line, first_line, f"column heading {heading[:80]!r}: period notation "
                                                                     f"not read: {' '.join(tokens)}"))
        durations = any(map(_names_duration, head.headings))
        evidence = decide_kind(head.title_kind, head.qualified, rows, titled, durations, head.under_note)
        if head.not_own:
            evidence = dataclasses.replace(evidence, kind=StatementKind.NOTE, by="title")
        elif (evidence.kind is StatementKind.NOTE and statement is not None and statement.own
              and (first_line - statement.last_line <= 15
                   or first_line - statement.last_line <= 25 and _groups_named(head.headings))
              and not _PRO_FORMA.search(head.intro[-300:]) and not _AS_HAD.search(head.intro[-300:])
              and not any(map(is_title_line, head.title_lines)) and not head.under_note
              and decide_kind(None, False, rows, frozenset(), durations).kind is statement.kind):
            # an untitled table right under a statement (also across its footnote and a page
            # break), with that statement's lines over other periods ("Fiscal 2007  Fiscal 2006"
            # under the quarter's columns) or for its entities ("GE | GECS"): the statement goes on
            evidence = dataclasses.replace(evidence, kind=statement.kind, by="content under the statement")
            head.title = statement.title
        if evidence.kind is not head.kind:
            if head.kind is StatementKind.NOTE:  # a statement by its content: its whole title zone names it
                head.title = " ".join(head.title_lines) or head.title
            head.kind = evidence.kind
        # "(In Millions of KWHs)", "VEHICLE FACTORY SALES": not money (a title only where no row is)
        lead_in = head.intro[-300:] if head.intro.rstrip().endswith(":") else ""  # "... follow (net sales in millions ...):"
        goods = goods_of(head.title_text, lead_in)
        counted = (quantity_of(head.scale_text) or (goods if goods and not _prints_money(rows) else "")
                   or _physical_scale(head.title_lines, head.scale_text))
        if head.scale is not None and not counted:
            # a statement's scale holds for the statements after it; a note's (selected data "in
            # thousands" above statements printed in whole dollars) for none, nor does it end one
            if head.kind is not StatementKind.NOTE:
                scope, scope_company = (head.scale, head.scale_text), head.company or company
        elif scope[0] is not None and (head.kind is not StatementKind.NOTE or _repeats(rows, scaled)
                                       or _in_statement_units(head, rows, scaled) or head.shares_scale) \
                and not (head.company and scope_company and not same_company(head.company, scope_company)):
            # (another company's statements, under their own company line, state their own scale)
            # a release's schedules under one "(In thousands, except per share data)"; a note
            # table's counts and prices are not read in a statement's scale, unless it prints the
            # statements' own amounts ("Total net sales 104,215" of segments: the net sales line);
            # nor is a table whose introduction excepts its money from the scale it states
            # ("in thousands, except net income (loss)": the net income in the statements' units)
            head.scale, head.scale_text = scope
        # (the years of the statements of income, or, before them, the report's year and those before it)
        flows = head.kind is StatementKind.NOTE and ctx.annual and (_flows(head, rows)
                                                                    or _years_of_flows(head, flow_years or report_years)
                                                                    or _fiscal_highlights(head, rows))
        cols, reason = _columns(head, columns, ctx, flows)
        if reason and (carried := _carried_columns(head, columns, statement)) is not None:
            cols, reason = carried, ""  # "CONSOLIDATED BALANCE SHEETS (Continued)" without its column headings
        combination = head.not_own and head.title_kind is not None and not reason and _own_column(cols, ctx.registrant)
        if combination:
            # a pro forma combination that prints the registrant's own column under its name: a
            # statement of its kind for that column, its periods read as that kind's
            head.kind = head.title_kind
            head.title = " ".join(t for t in head.title_lines if is_title_line(t)) or head.title
            cols, reason = _columns(head, columns, ctx)
            combination = not reason
            cols = _dated_adjustments(cols) if combination else cols
        rolled = _components(head, columns, rows) if head.kind in (StatementKind.EQUITY, StatementKind.NOTE) else None
        if rolled is None and not reason and head.kind is StatementKind.NOTE and cols and all(c.measure for c in cols):
            # a schedule of one account's movements by year: its rows are the periods
            rolled = periods_as_rows(columns=cols, rows=rows, period_of=lambda label: column_period(
                label, StatementKind.INCOME, "", ctx))
        if rolled is not None:
            (cols, rows), reason = rolled, ""
        # (its rows and headings, not the title zone: a statement printed right under the cover page
        # has the cover's last captions above its title)
        if not reason and _cover_captions().search(" ".join([*head.headings, *(r.label for r in rows)]).lower()):
            reason = "the form's cover page (its fields: state, I.R.S. number, address), no amounts"
        if not reason and (_INDEX.search(head.title_text)
                           or (any(head.headings) and all(_PAGE.match(h) for h in head.headings if h))):
            reason = "an index of the report's pages, no amounts"
        if not reason and head.kind is not StatementKind.NOTE and \
                sum(any(c is not None and c.value is not None for c in r.cells) for r in rows) < 2:
            reason = "one line under a statement's title (an index entry, a page reference): no statement"
        if not reason and counted:
            reason = f"amounts in {counted}, not money: no unit is declared for them"
        parted = reason.startswith("columns repeat periods") or (
            not reason and any(c.period is not None for c in cols) and all(c.member for c in cols if c.period is not None))
        if parted and tables and tables[-1].combination \
                and first_line - tables[-1].last_line <= 15 and not any(map(is_title_line, head.title_lines)):
            # a pro forma combination too wide for the page, printed in two parts one under the
            # other: the second part's columns are the combination's other columns, of its lines
            part, why = _columns(head, columns, ctx, all_members=True)
            # (of the same dates: a six months' combination under a year's is a table of its own)
            same = {c.period for c in part if c.period is not None} <= {c.period for c in tables[-1].columns}
            joined = None if why or not any(c.period is not None for c in part) or not same \
                else _second_part(tables[-1], part, rows)
            if joined is not None:
                tables[-1] = dataclasses.replace(joined, last_line=last_line)
                continue
        if reason:
            skipped.append(SkippedTable(first_line, last_line, reason))
            continue
        if _percent_of(head.intro[-200:]) or _percent_of(head.title_text) \
                or _statutory_rates(rows, f"{head.intro[-200:]} {head.title_text}"):
            rows = _as_percents(rows)
        if head.parent_only:
            # Schedule I, the parent company alone: its figures in the parent's member, never the
            # consolidated plain facts
            cols = [dataclasses.replace(c, member=c.member or "Parent company only") for c in cols]
        # a table without a company line is the last statement's company's (an acquired business's
        # notes follow its statements, the pro forma data printed among them too); pro forma
        # statements after them, read as statements or as a combination of the companies'
        # columns, are the registrant's
        inherited = "" if (head.kind is not StatementKind.NOTE or head.not_own) and not head.among_notes \
            and _PRO_FORMA.search(head.title_text) else company
        if head.kind in (StatementKind.INCOME, StatementKind.CASHFLOW):
            flow_years |= {c.period.end.year for c in cols if c.period is not None and not c.period.is_instant}
        tables.append(Table(
            title=head.title, kind=head.kind, columns=tuple(cols), rows=tuple(rows),
            scale=head.scale or 1, scale_stated=head.scale is not None, first_line=first_line, last_line=last_line, intro=head.intro,
            shares_scale=head.shares_scale or shares_scale(head.scale or 1, f"{head.scale_text} {lead_in}"
                                                           if _SHARES_IN.search(lead_in) else head.scale_text),
            company=head.company or inherited,
            kind_evidence=(evidence.by, evidence.score, evidence.runner_up), roll_forward=rolled is not None,
            combination=combination,
        ))
        if head.kind is not StatementKind.NOTE and head.company:
            company = head.company
        if head.kind is not StatementKind.NOTE and (head.scale or 1) > 1:
            scaled.update(abs(c.value) for r in rows for c in r.cells if c is not None and c.value is not None)
        if head.kind is not StatementKind.NOTE:
            statement = _Statement(head.kind, last_line, head.title, own=not (head.not_own or combination),
                                   columns=tuple(cols))
        for line, message in problems:
            skipped.append(SkippedTable(line, line, message))
    if not prose:
        return tables, skipped, [], []
    numbers = [(t.value, lines[i].number) for i in sorted(tabular) for t in lines[i].tokens if t.value is not None]
    return tables, skipped, sentences(lines, tabular), numbers


_PAGE = re.compile(r"^\s*pages?(?:\s+no\.?|\s+number)?\s*$", re.I)
_INDEX = re.compile(r"\bindex to (?:the )?(?:consolidated )?financial statements\b|\btable of contents\b", re.I)
_EXCEPT_SHARES = re.compile(r"except\s+(?:for\s+)?(?:the\s+)?(?:number\s+of\s+)?(?:common\s+)?shares?\b|"
                            r"\band\s+shares?\b|\bshares?\s+and\s+per\s+share\b|\bdollars\b", re.I)


def shares_scale(scale: int, text: str) -> int:
    """Share counts follow the table's scale unless its phrase excepts them ("except share
    data") or speaks of dollars only ("Dollars in millions")."""
    said = _SHARES_IN.search(text)
    if said is not None:
        # "(In millions, except per share amounts; shares in thousands)": the shares' own scale
        return 1000 if said.group(1).lower() == "thousands" else 1000000
    if scale == 1 or _EXCEPT_SHARES.search(" ".join(text.split())):
        return 1
    return scale


_SHARES_IN = re.compile(r"\bshares (?:data |amounts )?in (thousands|millions)\b", re.I)


_PERIOD_WORDS = re.compile(r"\b(?:(?:three|six|nine|twelve|\d+)\s+months?|years?|quarters?|weeks?|ended|ending|"
                           r"fiscal|for the|as of|at|unaudited|audited)\b|\([^)]*\)|[\d,]+", re.I)
# the group that holds the company's figures as now reported: "Consolidated", "Total", and
# "As Restated" beside "As Previously Reported"
_PRO_FORMA = re.compile(r"\bpro\s*-?\s*forma\b", re.I)
_COMBINING = re.compile(_PRO_FORMA.pattern + r"|\badjust|\bcombined\b", re.I)  # a pro forma combination's groups
_NOT_ACTUAL = re.compile(_COMBINING.pattern + r"|\beliminat", re.I)  # groups that are no company's own figures
# "GAAP" and "As Reported" beside "Adjustments" and "Non-GAAP (Pro Forma)": the figures as reported
_AS_REPORTED_GROUP = re.compile(r"gaap|reported", re.I)
# the parts of a consolidating statement ("Parent Company", "Combined Guarantor Subsidiaries",
# "Eliminations") beside its "Consolidated" column: the parent's column, even under the
# registrant's own name, is not the registrant's consolidated figures
_CONSOLIDATING_PART = re.compile(r"\bsubsidiar|\bguarantor|\beliminat|\bparent\b|\bissuer\b", re.I)
_PRIMARY_GROUP = re.compile(r"\bconsolidated\b|\btotal\b|^(?:as )?restated$|^(?:u\.?s\.? )?gaap(?: basis)?$|"
                            r"^(?:gaap )?(?:as )?reported(?: basis)?$|^actual$", re.I)


def _shared_duration(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A dated flow column without duration words takes the one duration all its neighbours share
    ("Three Months Ended" printed over the first two of three quarter columns)."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW):
        return cols
    spans = {(c.period.end - c.period.start).days // 28 for c in cols if c.period and c.period.start}
    if len(spans) != 1:
        return cols
    months = min(12, max(1, round(next(iter(spans)) * 28 / 30.4)))
    out = []
    for c in cols:
        if c.period is None and find_dates(c.heading) and not duration_months(c.heading):
            end = find_dates(c.heading)[-1][1]
            c = dataclasses.replace(c, period=Period(end, start_of(end, months)))
        out.append(c)
    return out


_QUARTERLY = re.compile(r"\bquarterly\b|\bquarters?\b", re.I)


def _quarters_under_years(cols: list[Column], fye: tuple[int, int] | None) -> list[Column]:
    """The quarter ends of a quarterly-data table ("Dec. 31  Sept. 30  June 30  Mar. 31 ..."):
    each column is the three months to its date (a quarter end without duration words was read
    as a year or, in a note, as a balance date). The year is the column's own, else that of its
    run: "1994" and "1993" centred over four columns each reach the middle ones only, and a run
    of quarter ends stops where the months turn back."""
    if len(cols) < 2 or any(MONTH_DAY.search(c.heading) is None or duration_months(c.heading) not in (None, 3)
                            for c in cols):
        return cols
    fye = fye or (12, 31)
    days = [parse_month_day(c.heading) for c in cols]
    own = [{int(m.group("year")) for m in YEAR.finditer(c.heading)} for c in cols]
    if any(d is None for d in days) or any(len(y) > 1 for y in own):
        return cols
    years: list[int | None] = [next(iter(y)) if y else None for y in own]
    if None in years:
        printed: list[int] = []
        for y in years:
            if y is not None and (not printed or printed[-1] != y):
                printed.append(y)
        # the quarters' places in the fiscal year ("1997" over June 30 ... Sept. 30 of a June year)
        place = [((d[0] - fye[0] - 1) % 12, d[1]) for d in days]
        runs, step = [[0]], None
        for k in range(1, len(cols)):
            going = (place[k] > place[k - 1]) - (place[k] < place[k - 1])
            if step is None:
                step = going
            if going == step:
                runs[-1].append(k)
            else:
                runs.append([k])
        if len(cols) < 4 or step == 0 or len(runs) != len(printed) or len(set(printed)) != len(printed):
            return cols
        # each in its fiscal year: the months after the year end fall in the calendar year before
        years = [year - (day > fye) for year, run in zip(printed, runs) for day in (days[k] for k in run)]
    ends = [make_date(year, *day) for year, day in zip(years, days)]
    if None in ends or len(ends) < 3 or any(not 80 <= abs((b - a).days) <= 100 for a, b in zip(ends, ends[1:])):
        return cols  # (consecutive quarter ends only: "June 30 | December 31" are no quarters)
    return [dataclasses.replace(c, period=Period(end, start_of(end, 3))) for c, end in zip(cols, ends)]




def _quarters_of_a_year(cols: list[Column]) -> list[Column]:
    """"Fourth Quarter  Third Quarter ..." under a year the sentence above names ("quarterly
    results for the year ended June 30, 1996"): each the three months of that quarter of the
    year, not the year."""
    if not cols or any(c.period is None or c.period.start is None for c in cols) or len({c.period for c in cols}) != 1:
        return cols
    year = cols[0].period
    out = []
    for c in cols:
        quarter = ordinal_quarter_span(c.heading, year.start, year.end)
        if quarter is None:
            return cols
        out.append(dataclasses.replace(c, period=Period(quarter[1], quarter[0]), measure=""))
    return out


_GROUP_WORDS = re.compile(r"\b(?:pro ?forma|historical|adjust\w*|combined|consolidat\w*|eliminat\w*|restated|"
                          r"as reported|parent|subsidiar\w*|guarantors?|company|corporation|inc)\b", re.I)
_DATE_FIRST = re.compile(r"^(?:(?:at|as of)\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}\s+(?=\S)", re.I)


def _date_over_measures(cols: list[Column]) -> list[Column]:
    """"December 31, 2000" centred over "Amortized Cost  Gross Unrealized Gains ... Fair Value":
    the date reached the first columns' headings only; it is every column's, and the headings
    are the measures of one item (the columns after them were left without a period, or the
    table taken for groups repeating one period)."""
    dated = [c for c in cols if c.period is not None]
    if len(cols) < 2 or not dated or len({c.period for c in dated}) != 1 or not dated[0].period.is_instant:
        return cols
    starts = [_DATE_FIRST.match(c.heading) for c in dated]
    if any(m is None for m in starts) or len({m.group(0).strip().lower() for m in starts}) != 1:
        return cols
    if any(not c.heading or find_dates(c.heading) or YEAR.search(c.heading) for c in cols if c.period is None) \
            or any(_GROUP_WORDS.search(c.heading) for c in cols):
        return cols  # (entities' or presentations' columns are groups: "Historical", "Pro Forma Adjustments")
    period, cut = dated[0].period, len(starts[0].group(0))
    measures = [c.heading[cut:].strip() if c.period is not None else c.heading for c in cols]
    if len({" ".join(m.lower().split()) for m in measures}) < len(cols):
        return cols  # the same measures again: another date's columns, whose date was not read
    return [dataclasses.replace(c, period=period, measure=m) for c, m in zip(cols, measures)]


def _ending(period: Period, end: dt.date) -> Period:
    """The period moved to end on the day the filing prints for it, its length kept."""
    if period.start is None:
        return Period(end)
    months = round(((period.end - period.start).days + 1) / 30.44)
    return Period(end, start_of(end, months))


def _dates_in_column_order(dates: tuple[dt.date, ...], headings: list[str]) -> tuple[dt.date, ...]:
    """"AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000" over "2000  1999": one date per bare-year
    column, in the columns' order, each within a year of its column's year (fiscal 1999 ended
    January 2, 2000); else none."""
    years = [[int(m.group("year")) for m in YEAR.finditer(h)] for h in headings]
    if len(dates) < 2 or len(dates) != len(headings) or any(len(y) != 1 or find_dates(h) for y, h in zip(years, headings)):
        return ()
    if all(0 <= d.year - y[0] <= 1 for d, y in zip(dates, years)) and any(d.year != y[0] for d, y in zip(dates, years)):
        return dates
    return ()


def _quarter_of_year_to_date(cols: list[Column], kind: StatementKind) -> list[Column]:
    """"Three Months" over a bare year that no date places, beside "Six Months" of the same year
    that the fiscal year places: the quarter ends where the year to date does."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW):
        return cols
    ends = {c.period.end.year: c.period.end for c in cols
            if c.period is not None and c.period.start is not None and (duration_months(c.heading) or 0) > 3}
    out = []
    for c in cols:
        years = [int(m.group("year")) for m in YEAR.finditer(c.heading)]
        if (c.period is None and duration_months(c.heading) == 3 and not find_dates(c.heading) and len(years) == 1
                and years[0] in ends):
            end = ends[years[0]]
            c = dataclasses.replace(c, period=Period(end, start_of(end, 3)))
        out.append(c)
    return out


def _year_to_date(cols: list[Column], kind: StatementKind, fye: tuple[int, int] | None) -> list[Column]:
    """"Year to Date 2004" beside "Fourth Quarter 2004": from the fiscal year's start to the end
    of that year's quarter column (one end for the year: else the column stays unplaced)."""
    if kind not in (StatementKind.INCOME, StatementKind.CASHFLOW) or fye is None:
        return cols
    ends: dict[int, set] = {}
    for c in cols:
        if c.period is not None and c.period.start is not None and not YEAR_TO_DATE.search(c.heading):
            ends.setdefault(c.period.end.year, set()).add(c.period.end)
    out = []
    for c in cols:
        years = {int(m.group("year")) for m in YEAR.finditer(c.heading)}
        if c.period is None and YEAR_TO_DATE.search(c.heading) and len(years) == 1 and len(ends.get(min(years), ())) == 1:
            end = next(iter(ends[min(years)]))
            months = (end.month - fye[0]) % 12 or 12
            c = dataclasses.replace(c, period=Period(end, start_of(end, months)))
        elif c.period is not None and c.period.start is not None and YEAR_TO_DATE.search(c.heading) \
                and find_dates(c.heading) and not duration_months(c.heading):
            # "Year-to-Date / June 30, 1999" beside "Quarter Ended / June 30, 1999": from the fiscal
            # year's start to the date it prints
            end = c.period.end
            c = dataclasses.replace(c, period=Period(end, start_of(end, (end.month - fye[0]) % 12 or 12)))
        out.append(c)
    return out


_CUMULATIVE = re.compile(r"\bcumulative\b|\bsince inception\b|\binception to date\b", re.I)


def _since_inception(cols: list[Column], head) -> list[Column]:
    """A development stage company's "Cumulative Since Inception" column that prints no date: from
    the inception the title or the sentence above dates ("... and for the Period from March 3, 1994
    (Inception) to December 31, 1998") to the latest end of the columns beside it."""
    ends = [c.period.end for c in cols if c.period is not None and c.period.start is not None]
    if head.kind is StatementKind.BALANCE or not ends:
        return cols
    end = max(ends)
    out = []
    for c in cols:
        if c.period is None and _CUMULATIVE.search(c.heading) and not find_dates(c.heading):
            since = own_start(" ".join([head.title_text, head.period_text, head.intro[-300:]]), end)
            if since is not None:
                c = dataclasses.replace(c, period=Period(end, since))
        out.append(c)
    return out


def _paired_duration(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A year column without duration words right of a column that has them ("Six Months Ended
    June 30," printed over 2000 only, 1999 beside it) takes that column's duration: a group
    heading's pair of years, when the heading did not reach the second."""
    if kind is StatementKind.BALANCE or not any(duration_months(c.heading) for c in cols):
        return cols
    out: list[Column] = []
    for c in cols:
        left = next((o for o in reversed(out) if _names_duration(o.heading)), None)
        if (c.period is not None and left is not None and left.period is not None and not left.period.is_instant
                and not duration_months(c.heading) and not _CHANGE.search(c.heading) and c.period.end < left.period.end
                and not (c.period.start is not None and own_start(c.heading, c.period.end) == c.period.start)):
            # (a column that prints its own start keeps it: "For the Period from April 1, 1997
            # (Inception) through December 31, 1997" beside "Year Ended December 31, 1998")
            months = duration_months(left.heading)
            c = dataclasses.replace(c, period=Period(c.period.end, start_of(c.period.end, months)))
        out.append(c)
    return out


def _column_groups(cols: list[Column], kind: StatementKind, registrant: str = "") -> tuple[list[Column], str]:
    """Columns that repeat a period belong to groups (entities, segments, presentations).

    The group headed "consolidated" or "total", or by the registrant's own name (its historical
    column in a pro forma combination), keeps its plain periods; every other group's
    columns keep their periods and carry the group's printed name as their member, for the
    mapper to place in a dimensional context or leave out. A note without a consolidated group
    is skipped: its groups are measures as often as parts of the company ("Carrying Amount",
    "Fair Value"). Groups without a name are not told apart: the table is skipped, no guess at
    whose numbers they are.
    """
    periods = [c.period for c in cols if c.period is not None]
    names = {_group_key(c): _group_name(c) for c in cols if c.period is not None}
    # a pro forma combination's companies may each print their own fiscal year ("Pinnacle Year
    # Ended December 31, 1999 / Cobalt Year Ended June 30, 2000 / Pro Forma Adjustments"): groups
    # all the same, though no period repeats
    combining = bool(registrant) and any(_COMBINING.search(c.heading) for c in cols) and len([g for g in names if g]) > 1
    if (len(periods) == len(set(periods)) and not combining) or all(c.measure for c in cols if c.period is not None):
        return cols, ""  # (measures of one item at one date are no groups)
    # "Pro Forma Consolidated", "Combined Total": a presentation, never the company's own figures
    primary = [g for g in names if _PRIMARY_GROUP.search(g) and not _NOT_ACTUAL.search(g)
               and (kind is not StatementKind.NOTE or not _AS_REPORTED_GROUP.search(g))]  # a note's "As Reported" beside its pro forma: both left out
    consolidating = primary and any(_CONSOLIDATING_PART.search(g) for g in names)
    if registrant and not consolidating and (not primary or any(_COMBINING.search(g) for g in names)):
        # a pro forma combination: only the column under the registrant's own name is its own
        # figures ("TOTAL SIX MONTHS" beside "TOTAL ADJUSTED" may be either company's)
        primary = ([g for g in names if names_registrant(names[g], registrant)]
                   or [g for g in names if names_registrant_briefly(names[g], registrant)] or _sole_historical(cols))
        primary = primary if len(primary) == 1 else []
    repeated = {p for p in periods if periods.count(p) > 1}
    dates = sorted(p.end for p in periods if p.is_instant and p not in repeated)
    if (not primary and len(dates) >= 2 and all(not p.is_instant for p in repeated)
            and all(dates[0] < p.start and p.end <= dates[-1] for p in repeated)):
        # a roll-forward: balances at two dates and the movements between them ("Spending During
        # Q1'98", "Adjustments During Q1'98"); the balances keep their dates, the movements,
        # several measures of one period, are left out
        return [dataclasses.replace(c, period=None) if c.period in repeated else c for c in cols], ""
    # an unnamed column of a period printed once ("Three Months Ended September 30, 2002" beside
    # "GAAP / Adjustments / Non-GAAP" of 2003) is the company's own figures, as the named one is
    if len(primary) == 1 and "" in names and all(c.period not in repeated for c in cols
                                                    if c.period is not None and _group_key(c) == ""):
        primary = primary + [""]
    unnamed = [c.period for c in cols if c.period is not None and _group_key(c) == ""]
    if not primary and unnamed and len(unnamed) == len(set(unnamed)) \
            and all(_NOT_ACTUAL.search(g) for g in names if g):
        # "December 31, 1997 | March 31, 1998 | Pro Forma March 31, 1998": the unheaded columns
        # are the company's own figures, the pro forma one a presentation beside them
        primary = [""]
    others = [g for g in names if g not in primary]
    statement = kind is not StatementKind.NOTE
    if len([g for g in primary if g]) > 1 or not others or not all(others) or not (primary or statement):
        listed = ", ".join(sorted(repr(g) for g in names if g)) or "unnamed groups"
        return [], f"columns repeat periods for several entities or presentations ({listed}); none is the consolidated one"
    return [c if c.period is None or _group_key(c) in primary else dataclasses.replace(c, member=names[_group_key(c)])
            for c in cols], ""


# (pro forma columns are read apart already: their lines become pro forma extension concepts)
_PRESENTATION = re.compile(r"\bexcluding\b|\bbefore (?:special|unusual|nonrecurring|non-recurring|one-time)\b|"
                           r"\bnon-?gaap\b", re.I)
_NAMED_YEAR = re.compile(r"\b(?:fiscal\s+)?year\s+(?:19|20)\d\d\b(?!\s*-?\s*end)", re.I)


def _percent_beside_amounts(cols: list[Column]) -> list[Column]:
    """"Amount  %" under each period of a release: the percent-of-revenue column beside the
    amounts is no amount of its own and no group (it was a member holding 6.6 as 6,600 dollars);
    it is left without a period, and the amounts keep the plain periods."""
    percent = [c for c in cols if c.period is not None and _PERCENT_HEADING.fullmatch(_group_name(c).lower())]
    if not percent:
        return cols
    by_index = {c.index: c for c in cols}
    moved = {}
    for c in percent:
        left = by_index.get(c.index - 1)
        if left is not None and left.period is None and _AMOUNT_ONLY.fullmatch(left.heading.strip()):
            # "1998" printed right of centre over "Amount  Percent" landed on the percent column:
            # the year is the pair's, its amount the period's figure
            moved[left.index], moved[c.index] = c.period, None
    if moved:
        return [dataclasses.replace(c, period=moved[c.index]) if c.index in moved else c for c in cols]
    amounts = {c.period for c in cols if c.period is not None and c not in percent}
    dropped = {c.index for c in percent if c.period in amounts}
    return [dataclasses.replace(c, period=None) if c.index in dropped
            else dataclasses.replace(c, heading=_AMOUNT_WORD.sub(" ", c.heading)) if dropped and c.period is not None else c
            for c in cols]


_PERCENT_HEADING = re.compile(r"(?:[\w-]+ )?(?:%|percent|pct\.?)(?: of (?:net |total )?(?:sales|revenues?))?"
                              r"|(?:[\w-]+ )?(?:%|percent) to (?:net )?(?:sales|revenues?)")
_AMOUNT_WORDS = r"(?:amount|dollars|\$)"
_AMOUNT_ONLY = re.compile(_AMOUNT_WORDS, re.I)  # (fullmatch: the amount column's whole heading)
_AMOUNT_WORD = re.compile(r"\b" + _AMOUNT_WORDS + r"$", re.I)


def _one_date_for_all(cols: list[Column]) -> list[Column]:
    """"Year Ended December 31, 1997" centred over a consolidating statement's five columns
    reaches the first two headings only: where the dated columns come first and share one
    period, and the rest name their group and no date, every column is of that period."""
    dated = [c for c in cols if c.period is not None]
    if not dated or len(dated) == len(cols) or len({c.period for c in dated}) != 1 \
            or not any(_CONSOLIDATING_PART.search(c.heading) for c in cols):
        return cols  # (a pro forma combination's adjusted columns stay without a period)
    first_undated = next(k for k, c in enumerate(cols) if c.period is None)
    if any(c.period is not None for c in cols[first_undated:]) or not all(
            c.heading.strip() and not find_dates(c.heading) and not YEAR.search(c.heading) for c in cols[first_undated:]):
        return cols
    return [c if c.period is not None else dataclasses.replace(c, period=dated[0].period) for c in cols]


def _second_part(table: Table, part: list[Column], rows: list[Row]) -> Table | None:
    """The combination with the second part's columns after its own, each of its lines taking the
    cells of the part's line of the same label (in order); None where the parts' lines differ."""
    def key(label: str) -> str:
        return " ".join(re.sub(r"[^a-z0-9]+", " ", label.lower()).split())
    waiting: dict[str, list[Row]] = {}
    for r in rows:
        waiting.setdefault(key(r.label), []).append(r)
    valued = [r for r in rows if any(c is not None and c.value is not None for c in r.cells)]
    width, added = len(table.columns), len(part)
    merged, matched = [], 0
    for r in table.rows:
        twin = waiting.get(key(r.label)) if r.label else None
        other = twin.pop(0) if twin else None
        matched += other is not None and other in valued
        cells = tuple(other.cells) if other is not None else (None,) * added
        merged.append(dataclasses.replace(r, cells=tuple(r.cells) + cells[:added] + (None,) * (added - len(cells))))
    if not valued or matched * 10 < len(valued) * 9:
        return None
    columns = tuple(table.columns) + tuple(dataclasses.replace(c, index=c.index + width) for c in part)
    return dataclasses.replace(table, columns=columns, rows=tuple(merged))


def _dated_adjustments(cols: list[Column]) -> list[Column]:
    """"July 31, 1999 | Total Pro Forma Adjustments | Adjusted July 31, 1999": a pro forma
    presentation of one period, whose adjustments or adjusted column names no date, adjusts
    the figures of that period: it takes it, as a group of its own (the mapper places an
    adjustment only where the columns add up with it)."""
    periods = {c.period for c in cols if c.period is not None}
    if len(periods) != 1:
        return cols
    period = next(iter(periods))
    return [dataclasses.replace(c, period=period, member=_member_name(c))
            if c.period is None and _ADJUSTMENTS.search(c.heading) and not find_dates(c.heading)
            and not YEAR.search(c.heading) else c for c in cols]


_ADJUSTMENTS = re.compile(r"\badjustments?\b|\beliminations?\b|\bpro ?-?forma\b|\b(?:as )?adjusted\b", re.I)


def _own_column(cols: list[Column], registrant: str) -> bool:
    """A pro forma combination prints the registrant's own figures in a column: the sole
    historical one, or one under its name beside only other groups' columns and columns without
    a period (the adjustments' and the combined, dated by the title only)."""
    if any(_CONSOLIDATING_PART.search(c.heading) for c in cols):
        return False  # a consolidating statement's parts: its "Consolidated" column is the registrant's
    named = [c for c in cols if not c.member and c.period is not None and names_registrant(_group_name(c), registrant)]
    return bool(_sole_historical(cols)) or bool(named) and all(c.member or c.period is None or c in named for c in cols)


def _sole_historical(cols: list[Column]) -> list[str]:
    """A pro forma presentation of one company in two or three columns: its historical figures,
    the adjustments and the adjusted figures ("July 31, 1999 / Pro Forma Adjustments / Adjusted
    July 31, 1999", a disposition's; "Historical / Pro Forma"). The first, no adjustment and no
    pro forma, is the registrant's own. Beside a second company's column (an acquisition's: four
    columns or more) it may be either, and a heading split across columns may put "adjustments"
    over it: none."""
    if len(cols) not in (2, 3) or cols[0].period is None:
        return []
    own = _group_key(cols[0])
    return [own] if not _COMBINING.search(own) and all(_COMBINING.search(c.heading) for c in cols[1:]) else []


def _prints_money(rows) -> bool:
    """Whether a table prints dollars or lines of money ("Sales and revenues (in millions)")."""
    return any(c is not None and "$" in c.text for r in rows for c in r.cells) or \
        any(money_words(f"{r.label} {r.context}") for r in rows)


def _in_statement_units(head, rows, amounts: set[Decimal]) -> bool:
    """A note table that states no scale, printing dollar amounts only (no prices, rates, counts
    or per-share amounts) of the size the scaled statements above print: in their units ("Note 7
    INVENTORIES ... 1,799" under statements in millions is $1,799 million, not $1,799). A table in
    whole dollars of a company whose statements are in thousands prints numbers a thousand times
    larger than they do."""
    if not amounts or not _dollars_only(head, rows, 3, price_headings=True) \
            or _SHARE_WORDS.search(" ".join([head.intro[-200:], *head.title_lines, *head.headings])):
        return False
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None and not c.percent]
    if any(_YEAR_CELL.match(c.text) for c in cells):
        return False  # a schedule by year ("2000  46"): its years are no amounts
    values = [abs(c.value) for c in cells]
    # (none of them larger than the largest the statements print: their assets or revenues)
    return bool(values) and max(values) >= 100 and max(values) <= max(amounts)


_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
_SHARE_WORDS = re.compile(r"\bshares?\b|\boptions?\b|\bper share\b|\bwarrants?\b", re.I)


def _repeats(rows, amounts: set[Decimal]) -> bool:
    """Whether a table prints amounts of the statements above it: two of its amounts of five
    digits or more (no year, no count of a few) are among them, and it prints no prices or
    amounts per share (cents: "41.56"), which no scale multiplies."""
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None]
    if any(c.decimals == 2 and abs(c.value) < 1000 and not c.percent for c in cells):
        return False
    return len({abs(c.value) for c in cells if abs(c.value) >= 10000} & amounts) >= 2


def _between_balances(cols: list[Column], kind: StatementKind) -> list[Column]:
    """A note's roll-forward: a balance at one date, movements without dates ('Spending',
    'Adjustments'), a balance at a later date. Each movement is a measure of the span between."""
    if kind is not StatementKind.NOTE or len(cols) < 3:
        return cols
    first, last, middle = cols[0].period, cols[-1].period, cols[1:-1]
    if (first is None or last is None or not first.is_instant or not last.is_instant or first.end >= last.end
            or any(c.period is not None or not c.heading.strip() for c in middle)):
        return cols
    span = Period(last.end, first.end + dt.timedelta(days=1))
    return [cols[0]] + [dataclasses.replace(c, period=span, measure=c.heading) for c in middle] + [cols[-1]]


_RULED = re.compile(r"--|__|==")


def _carried_columns(head, spans, statement: _Statement | None) -> list[Column] | None:
    """The columns of the statement a "(Continued)" page goes on with, where the page prints no
    column headings of its own and its value columns stand under the statement's."""
    if statement is None or not statement.own or not head.continued or any(h.strip() for h in head.headings) \
            or head.kind is not statement.kind or len(spans) != len(statement.columns):
        return None
    if any(min(r, c.right) - max(left, c.left) <= 0 for (left, r), c in zip(spans, statement.columns)):
        return None
    return [dataclasses.replace(c, index=k, left=left, right=r)
            for k, ((left, r), c) in enumerate(zip(spans, statement.columns))]


def _components(head, spans, rows):
    """An equity statement whose every column is headed by a component ("Common Stock",
    "Retained Earnings", "Total"), or a table of one unheaded column, whose rows hold dated
    balances: its roll-forward."""
    cols = [Column(k, left, right, head.headings[k]) for k, (left, right) in enumerate(spans)]
    if len(cols) == 1 and not cols[0].heading.strip():
        # one unheaded column, of an equity statement or a note: the whole, from "Balance,
        # December 31, 2000" to "Balance, June 30, 2001"
        return roll_forward(cols, rows)
    if head.kind is not StatementKind.EQUITY:
        return None
    cols = _spanned_by_rules(cols)
    if not cols or not all(_group_name(c) for c in cols) or any(_RULED.search(c.heading) for c in cols) \
            or sum(bool(_TOTAL_WORD.search(c.heading)) for c in cols) > 1:
        # a heading that took in a rule, or two that name the total (words of one heading spread
        # over its neighbours': "Notes Receivable Total from ..."), were not told apart
        return None
    inception = own_start(head.title_text, dt.date(2100, 1, 1)) if "inception" in head.title_text.lower() else None
    return roll_forward(cols, rows, inception)


_TOTAL_WORD = re.compile(r"\btotal\b", re.I)


def _spanned_by_rules(cols: list[Column]) -> list[Column]:
    """"Common Shares" over a rule that spans "Number of Shares" and "Amount": the rule's pieces
    came into both headings ("Common Shares ----- Number of Shares", "----- Amount"); the words
    above the rule head every column it spans."""
    out, group = [], None
    for c in cols:
        m = RULE_RUN.search(c.heading)
        if m is None:
            out.append(c)
            group = None
            continue
        above, below = c.heading[:m.start()].strip(), c.heading[m.end():].strip()
        if above:
            group = above
        elif group is None:
            return cols  # a rule with nothing above it: not told apart
        out.append(dataclasses.replace(c, heading=f"{group} {below}".strip()))
    return out


def _group_name(c: Column) -> str:
    """A column's heading without its period words: the name of the group it belongs to."""
    return _heading_group(c.heading)


def _member_name(c: Column) -> str:
    """The printed name of a column's group, else its whole heading (a group of its own)."""
    return _group_name(c) or " ".join(c.heading.split())


@functools.lru_cache(maxsize=4096)  # (asked of each column several times)
def _heading_group(heading: str) -> str:
    return " ".join(_PERIOD_WORDS.sub(" ", FULL_DATE.sub(" ", heading)).replace("*", " ").split())


# "The following table sets forth ... expressed as a percentage of net sales:": the table's
# numbers are percents, printed without the sign
_PERCENT_OF = re.compile(r"\b(?:as a |in )?(?:percentages?|percent) of (?:total |net )?(?:sales|revenues?|income)\b|"
                         r"% of (?:total |net )?(?:sales|revenues?)\b", re.I)


def _percent_of(text: str) -> bool:
    """_PERCENT_OF, after the substring test it needs (it is asked of every table's intro)."""
    return ("%" in text or "percent" in text.lower()) and _PERCENT_OF.search(text) is not None


def _statutory_rates(rows: list[Row], words: str) -> bool:
    """A rate reconciliation printed without percent signs: the words above speak of the rate and
    its first line is the statutory federal rate of the era, 34.0 or 35.0, in every column (a
    reconciliation in dollars starts with the tax at that rate, an amount)."""
    first = next((r for r in rows if any(c is not None and c.value is not None for c in r.cells)), None)
    if first is None or not _RATE_WORD.search(words):
        return False
    values = [c.value for c in first.cells if c is not None and c.value is not None]
    return len(values) == len([c for c in first.cells if c is not None]) and all(v in (34, 35) for v in values) \
        and bool(re.search(r"\brate\b", first.label, re.I))


def _as_percents(rows: list[Row]) -> list[Row]:
    """Every amount of a table its introduction calls percentages of sales, when none is over
    100 (a table that also prints dollar amounts keeps them)."""
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None]
    if not cells or any(abs(c.value) > 100 for c in cells):
        return rows
    return [dataclasses.replace(r, cells=tuple(dataclasses.replace(c, percent=True) if c is not None and c.value is not None
                                               else c for c in r.cells)) for r in rows]


def _group_key(c: Column) -> str:
    return _group_name(c).lower()


# "December 31, 1996 and 1995", "June 30, 1998, 1997 and 1996": one month and day for every year listed
_LISTED = re.compile(FULL_DATE.pattern + r"(?P<more>(?:\s*,\s*(?:and\s+)?(?:19|20)\d\d\b|\s+and\s+(?:19|20)\d\d\b)+)", re.I)


def _listed_years(text: str) -> tuple[dt.date, ...]:
    out = []
    for m in _LISTED.finditer(text):
        month, day = month_number(m.group("month")), int(m.group("day"))
        for y in YEAR.finditer(m.group("more")):
            d = make_date(int(y.group("year")), month, day)
            if d is not None:
                out.append(d)
    return tuple(out)


def _sibling_dates(headings: list[str]) -> tuple[dt.date, ...]:
    """A bare year beside columns that all print one month and day ("JULY 31," centred over the
    1999 column only) ends on that day: the table's own date, not the fiscal year end."""
    dated = [(h, find_dates(rejoin_months(h))) for h in headings]
    days = {(d.month, d.day) for _, found in dated for _, d in found}
    if len(days) != 1:
        return ()
    month, day = next(iter(days))
    years = {int(m.group("year")) for h, found in dated if not found for m in YEAR.finditer(h)}
    return tuple(d for y in sorted(years) if (d := make_date(y, month, day)) is not None)


def _columns(head, spans, ctx: PeriodContext, flows: bool = False, all_members: bool = False) -> tuple[list[Column], str]:
    """The table's columns with their periods. flows: a note table of an annual report whose
    lines are those of an income or cash-flow statement ("Net sales", "Research and
    development"): a bare year heads the year's flows, not its closing balances. all_members:
    every group is another column of a combination printed above (its second part)."""
    cols = []
    if YEAR.fullmatch(head.stub_text.strip()) and head.headings and all(
            MONTH_DAY.search(h) and not YEAR.search(h) for h in head.headings):
        # quarter ends over a year printed as the rows' section heading: each quarter of that year
        head = dataclasses.replace(head, headings=[f"{h} {head.stub_text.strip()}" for h in head.headings])
    stub = " ".join(f"{head.title_text} {head.stub_text}".split())
    stub_dates = tuple(d for _, d in find_dates(stub)) + _listed_years(stub)
    stub_dates += _sibling_dates(head.headings)
    # one line of the title zone listing a full date per column: "AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000"
    listed = [dates for t in [*head.title_lines, head.stub_text] if len(dates := tuple(d for _, d in find_dates(t))) > 1
              and len(FULL_DATE.findall(t)) == len(dates)]
    in_order = _dates_in_column_order(listed[-1], head.headings) if len(listed) == 1 else ()
    # a line of the title zone that the chosen title left out may be the one that dates the
    # columns: "TWELVE MONTHS ENDED JUNE 30" over bare years, "(Unaudited)" and the scale
    spans_named = " ".join(t for t in head.title_lines if t not in head.title and duration_months(t) and MONTH_DAY.search(t))
    titled = f"{head.title} {spans_named} {head.stub_text}" if spans_named else f"{head.title} {head.stub_text}"
    for k, (left, right) in enumerate(spans):
        heading = head.headings[k]
        dates = find_dates(heading)
        if len(dates) > 2:
            # one column under the dates of several: the columns do not line up (or were merged)
            return [], f"the heading of one column names {len(dates)} dates ({heading[:80]!r}): columns do not line up"
        # (a note's "Fiscal Year 1998" beside its quarters is the year's flows, not its closing balance)
        kind = StatementKind.INCOME if (flows or head.kind is StatementKind.NOTE and _NAMED_YEAR.search(heading)) \
            and not dates else head.kind
        period = None if names_attribute(heading) else column_period(heading, kind, titled, ctx, stub_dates,
                                                                    head.period_text)
        if in_order and period is not None:
            period = _ending(period, in_order[k])
        cols.append(Column(k, left, right, heading, period))
    said = " ".join([head.title_text, head.intro[-200:], *head.headings])
    quarterly = "quarter" in said.lower() and _QUARTERLY.search(said) is not None  # (the substring first: cheap)
    if head.kind is not StatementKind.BALANCE and quarterly:
        cols = _quarters_under_years(cols, ctx.fiscal_year_end)
    if head.scale is not None and not head.not_own:
        # (a note table that states no scale is not read at all rather than read in dollars)
        cols = _date_over_measures(cols)
    cols = fiscal_years_named_by_start(cols, ctx)
    cols = _shared_duration(cols, head.kind)
    cols = _paired_duration(cols, head.kind)
    cols = _quarter_of_year_to_date(cols, head.kind)
    cols = _year_to_date(cols, head.kind, ctx.fiscal_year_end)
    cols = _percent_beside_amounts(cols)
    # "Fourth Quarter / Change vs 1998": a comparison of the periods beside it, however its
    # heading's words dated it
    cols = [dataclasses.replace(c, period=None) if c.period is not None and names_comparison(c.heading) else c
            for c in cols]
    if head.not_own:
        cols = _one_date_for_all(cols)
    # only a statement titled as not the filer's own (pro forma) can hold its own column by name
    if all_members:
        return [dataclasses.replace(c, member=_member_name(c)) if c.period is not None
                else c for c in cols], ""
    cols, reason = _column_groups(cols, head.kind, ctx.registrant if head.not_own else "")
    if reason:
        return [], reason
    cols = _between_balances(cols, head.kind)
    cols = _since_inception(cols, head)
    # "Excluding Special Charges" beside "As Reported" under one centred year: a presentation, never
    # the plain figures, even where the year reached it alone
    cols = [dataclasses.replace(c, member=_group_name(c) or c.heading) if c.period is not None and not c.member
            and _PRESENTATION.search(c.heading) else c for c in cols]
    if all(c.period is None for c in cols) and len(cols) == 1 and head.title_text and head.kind is not StatementKind.NOTE:
        # a single column whose date is printed under the title: "BALANCE SHEET / December 31, 2007"
        period = column_period(head.title_text, head.kind, head.title, ctx)
        if period is not None:
            return [dataclasses.replace(cols[0], period=period)], ""
    if all(c.period is None for c in cols) and head.not_own and head.title_kind is not None and head.title_text:
        # "Historical / Pro Forma" under "JUNE 30, 1997": the title's date is every column's, the
        # headings name the presentations (or the date printed at the left of the headings:
        # "December 31, 1997" beside a consolidating balance sheet's "Parent ... Consolidated")
        dated_by = head.stub_text if FULL_DATE.search(head.stub_text) and not FULL_DATE.search(head.title_text) \
            else head.title_text
        period = column_period(dated_by, head.title_kind, head.title, ctx)
        if period is not None:
            return _column_groups([dataclasses.replace(c, period=period) for c in cols], head.kind, ctx.registrant)
    if all(c.period is None for c in cols):
        period = intro_period(head.intro)
        if YEAR.fullmatch(head.stub_text.strip()) and ctx.fiscal_year_end == (12, 31) and all(
                ORDINAL_QUARTER.match(" ".join(c.heading.split())) for c in cols):
            # "First  Second  Third  Fourth" under "Quarter", the year printed as the rows' section
            # heading ("1999" over its rows, then "1998"): that year's quarters, not the sentence's year
            # (of a calendar year only: a 52/53-week year's quarters end on other days)
            period = column_period(head.stub_text.strip(), StatementKind.INCOME, "", ctx) or period
        if period is None:
            return [], "no period in the column headings or the sentence above the table"
        if head.kind is StatementKind.BALANCE and not period.is_instant:
            period = Period(period.end)
        cols = [dataclasses.replace(c, period=period, measure=c.heading) for c in cols]
        if len(cols) > 1 and len({c.heading for c in cols}) < len(cols):
            return [], "columns without periods and without distinct headings"
        cols = _quarters_of_a_year(cols)
    return cols, ""
