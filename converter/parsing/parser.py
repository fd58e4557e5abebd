"""The parse stage: a Filing to its tables (statements and note tables) and cover information."""
from __future__ import annotations

import dataclasses
import functools
import re
from decimal import Decimal

from converter.model import Filing, ParsedFiling, Sentence, SkippedTable, StatementKind, Table, TextDocument
from converter.parsing.blocks import drop_label_zone_columns, find_blocks, find_columns
from converter.parsing.cover import read_cover
from converter.dates import MONTH_DAY, ORDINAL_QUARTER, YEAR, find_dates, year_end
from converter.parsing.heading_grammar import unread
from converter.parsing.headers import read_head
from converter.parsing.kinds import decide_kind
from converter.parsing.lines import TEXT_LINE, classify_all
from converter.parsing.listed_below import listed_below
from converter.parsing.period_alignment import align_periods
from converter.parsing.periods import PeriodContext, column_period
from converter.parsing.prose import sentences
from converter.parsing.roll_forward import periods_as_rows
from converter.parsing.rows import build_rows
from converter.parsing.schedule import read_schedules
from converter.companies import same_company
from converter.parsing.titles import goods_of, is_title_line, quantity_of, scale_of
from converter.resources import load_toml
from converter.parsing.column_groups import PRO_FORMA_WORDS, own_column
from converter.parsing.column_layouts import dated_adjustments, names_duration
from converter.parsing.column_periods import columns_of
from converter.parsing.block_tests import (
    SHARES_IN, as_percents, dollars_only, fiscal_highlights, groups_named, in_statement_units, names_flows, percent_of,
    physical_scale, prints_money, repeats_amounts, scale_for_tables, shares_scale, statutory_rates, years_of_flows,
)
from converter.parsing.statement_parts import LastStatement, carried_columns, component_columns, second_part


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
    schedules = tuple(s for doc in filing.schedules for s in read_schedules(doc))
    return ParsedFiling(filing, cover, tuple(tables), tuple(skipped), tuple(said_all), tuple(numbers), schedules)


def _ended_dates(text: str):
    """The dates of "years ended September 27, 1991" in a sentence. ("ended" first, a plain word
    found fast, then the period word before it: the sentences of a report say "ended" often.)"""
    for m in _ENDED.finditer(text):
        if _PERIOD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield from (d for _, d in find_dates(m.group(1)))


_ENDED = re.compile(r"ended\s+((?:[A-Z][a-z]+\.?)\s+\d{1,2},\s+(?:19|20)\d\d)")
_PERIOD_BEFORE = re.compile(r"\b(?:years?|quarters?|periods?|months|weeks)\s+$")


@functools.cache
def _cover_captions() -> re.Pattern:
    # (the captions are lowercase, matched on lowercased text: cheaper than re.I over every table's labels)
    return re.compile("|".join(load_toml("statements.toml")["cover"]["captions"]))


def _read_blocks(lines, tabular: set[int], skipped: list[SkippedTable]):
    """Each table block with numbers: its head, column spans, rows, row problems and lines."""
    floor = 0
    prev_intro, prev_last, prev_scale = "", -100, (None, "")
    tabular_scale: tuple[int, str] | None = None
    for block in find_blocks(lines):
        block, columns = drop_label_zone_columns(lines, block, find_columns(lines, block))
        before = " ".join([ln.label for ln in lines[floor:block.first] if ln.kind is TEXT_LINE])  # (a text line's label: its stripped text)
        if (declared := scale_for_tables(before)) is not None and (factor := scale_of(declared)):
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
                    and not any(map(is_title_line, head.title_lines)) and dollars_only(head, rows)):
                head.scale, head.scale_text = prev_scale
        if head.scale is None and tabular_scale is not None and dollars_only(head, rows, 3, price_headings=True):
            # "(Tabular information: Dollars in millions, except per share amounts)" in the text:
            # the scale of every table of dollars after it
            head.scale, head.scale_text = tabular_scale
        first_line, last_line = lines[head.body_start].number, lines[block.last].number
        if not any(c is not None and c.value is not None for r in rows for c in r.cells):
            skipped.append(SkippedTable(first_line, last_line, "no numbers in the table"))
            continue
        prev_intro, prev_last, prev_scale = head.intro, block.last, (head.scale, head.scale_text)
        yield head, columns, rows, problems, first_line, last_line


# "Had the acquisition ... occurred on January 1, 1996, the results would have been": not the
# statement's own figures
_AS_HAD = re.compile(r"\bhad (?:the |this )?[\w ,-]{0,60}\b(?:occurred|been (?:completed|consummated))\b|\bas if\b", re.I)


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
    statement: LastStatement | None = None  # the last statement table
    scaled: set[Decimal] = set()  # the amounts printed in statements under a scale
    flow_years: set[int] = set()  # the years the income and cash-flow statements cover
    report_years = {ctx.period_end.year - k for k in range(5)} if ctx.period_end is not None else set()
    section_years: tuple[list[str], tuple, str] | None = None  # the last quarterly table's headings, under a year row
    for head, columns, rows, problems, first_line, last_line in found:
        if YEAR.fullmatch(head.stub_text.strip()):
            # quarterly data with the year as a section row ("1996" over the quarters' rows, then
            # "1995" and its rows): the next year's block carries the first's quarter headings
            # (its columns under the first's: amounts of other widths stand a little apart, and
            # the sentence that dated the first, "the years ended September 25, 2010 and
            # September 26, 2009", dates it too)
            if section_years is not None and not any(head.headings) and _under(columns, section_years[1]):
                head.headings = list(section_years[0])
                if not find_dates(head.intro):
                    head.intro = section_years[2]
            if any(MONTH_DAY.search(h) or ORDINAL_QUARTER.match(" ".join(h.split())) for h in head.headings):
                section_years = (list(head.headings), tuple(columns), head.intro)
        for heading in head.headings:
            if (tokens := unread(heading)):
                skipped.append(SkippedTable(first_line, first_line, f"column heading {heading[:80]!r}: period notation "
                                                                     f"not read: {' '.join(tokens)}"))
        durations = any(map(names_duration, head.headings))
        evidence = decide_kind(head.title_kind, head.qualified, rows, titled, durations, head.under_note)
        if head.not_own:
            evidence = dataclasses.replace(evidence, kind=StatementKind.NOTE, by="title")
        elif (evidence.kind is StatementKind.NOTE and statement is not None and statement.own
              and (first_line - statement.last_line <= 15
                   or first_line - statement.last_line <= 25 and groups_named(head.headings))
              and not PRO_FORMA_WORDS.search(head.intro[-300:]) and not _AS_HAD.search(head.intro[-300:])
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
        counted = (quantity_of(head.scale_text) or (goods if goods and not prints_money(rows) else "")
                   or physical_scale(head.title_lines, head.scale_text))
        if head.scale is not None and not counted:
            # a statement's scale holds for the statements after it; a note's (selected data "in
            # thousands" above statements printed in whole dollars) for none, nor does it end one
            if head.kind is not StatementKind.NOTE:
                scope, scope_company = (head.scale, head.scale_text), head.company or company
        elif scope[0] is not None and (head.kind is not StatementKind.NOTE or repeats_amounts(rows, scaled)
                                       or in_statement_units(head, rows, scaled) or head.shares_scale) \
                and not (head.company and scope_company and not same_company(head.company, scope_company)):
            # (another company's statements, under their own company line, state their own scale)
            # a release's schedules under one "(In thousands, except per share data)"; a note
            # table's counts and prices are not read in a statement's scale, unless it prints the
            # statements' own amounts ("Total net sales 104,215" of segments: the net sales line);
            # nor is a table whose introduction excepts its money from the scale it states
            # ("in thousands, except net income (loss)": the net income in the statements' units)
            head.scale, head.scale_text = scope
        # (the years of the statements of income, or, before them, the report's year and those before it)
        flows = head.kind is StatementKind.NOTE and ctx.annual and (names_flows(head, rows)
                                                                    or years_of_flows(head, flow_years or report_years)
                                                                    or fiscal_highlights(head, rows))
        cols, reason = columns_of(head, columns, ctx, flows)
        if reason and (carried := carried_columns(head, columns, statement)) is not None:
            cols, reason = carried, ""  # "CONSOLIDATED BALANCE SHEETS (Continued)" without its column headings
        combination = head.not_own and head.title_kind is not None and not reason and own_column(cols, ctx.registrant)
        if combination:
            # a pro forma combination that prints the registrant's own column under its name: a
            # statement of its kind for that column, its periods read as that kind's
            head.kind = head.title_kind
            head.title = " ".join(t for t in head.title_lines if is_title_line(t)) or head.title
            cols, reason = columns_of(head, columns, ctx)
            combination = not reason
            cols = dated_adjustments(cols) if combination else cols
        rolled = component_columns(head, columns, rows) if head.kind in (StatementKind.EQUITY, StatementKind.NOTE) else None
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
            part, why = columns_of(head, columns, ctx, all_members=True)
            # (of the same dates: a six months' combination under a year's is a table of its own)
            same = {c.period for c in part if c.period is not None} <= {c.period for c in tables[-1].columns}
            joined = None if why or not any(c.period is not None for c in part) or not same \
                else second_part(tables[-1], part, rows)
            if joined is not None:
                tables[-1] = dataclasses.replace(joined, last_line=last_line)
                continue
        if reason:
            skipped.append(SkippedTable(first_line, last_line, reason))
            continue
        if percent_of(head.intro[-200:]) or percent_of(head.title_text) \
                or statutory_rates(rows, f"{head.intro[-200:]} {head.title_text}"):
            rows = as_percents(rows)
        if head.parent_only:
            # Schedule I, the parent company alone: its figures in the parent's member, never the
            # consolidated plain facts
            cols = [dataclasses.replace(c, member=c.member or "Parent company only") for c in cols]
        # a table without a company line is the last statement's company's (an acquired business's
        # notes follow its statements, the pro forma data printed among them too); pro forma
        # statements after them, read as statements or as a combination of the companies'
        # columns, are the registrant's
        inherited = "" if (head.kind is not StatementKind.NOTE or head.not_own) and not head.among_notes \
            and PRO_FORMA_WORDS.search(head.title_text) else company
        if head.kind in (StatementKind.INCOME, StatementKind.CASHFLOW):
            flow_years |= {c.period.end.year for c in cols if c.period is not None and not c.period.is_instant}
        tables.append(Table(
            title=head.title, kind=head.kind, columns=tuple(cols), rows=tuple(rows),
            scale=head.scale or 1, scale_stated=head.scale is not None, first_line=first_line, last_line=last_line, intro=head.intro,
            shares_scale=head.shares_scale or shares_scale(head.scale or 1, f"{head.scale_text} {lead_in}"
                                                           if SHARES_IN.search(lead_in) else head.scale_text),
            company=head.company or inherited,
            kind_evidence=(evidence.by, evidence.score, evidence.runner_up), roll_forward=rolled is not None,
            combination=combination,
        ))
        if head.kind is not StatementKind.NOTE and head.company:
            company = head.company
        if head.kind is not StatementKind.NOTE and (head.scale or 1) > 1:
            scaled.update(abs(c.value) for r in rows for c in r.cells if c is not None and c.value is not None)
        if head.kind is not StatementKind.NOTE:
            statement = LastStatement(head.kind, last_line, head.title, own=not (head.not_own or combination),
                                   columns=tuple(cols))
        for line, message in problems:
            skipped.append(SkippedTable(line, line, message))
    if not prose:
        return tables, skipped, [], []
    numbers = [(t.value, lines[i].number) for i in sorted(tabular) for t in lines[i].tokens if t.value is not None]
    return tables, skipped, sentences(lines, tabular), numbers


def _under(columns, above) -> bool:
    """Value columns that stand under another table's, one under each."""
    return len(columns) == len(above) and all(min(r, r2) > max(left, l2) for (left, r), (l2, r2) in zip(columns, above))


_PAGE = re.compile(r"^\s*pages?(?:\s+no\.?|\s+number)?\s*$", re.I)
_INDEX = re.compile(r"\bindex to (?:the )?(?:consolidated )?financial statements\b|\btable of contents\b", re.I)


