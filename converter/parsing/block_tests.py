"""What a block of lines is, by its words and numbers: a statement of flows or of balances, a
table of dollars or of other units, figures in the statements' units or repeated from them,
rates printed as percentages; and the scale its heading or the text above it states."""
from __future__ import annotations

import dataclasses
import functools
import re
from decimal import Decimal

from converter.model import Row, StatementKind
from converter.dates import (
    DATED_BALANCE, MONTH_DAY, ORDINAL_QUARTER, YEAR, duration_months, find_dates, parse_month_day,
)
from converter.parsing.kinds import anchored_kinds, table_scores
from converter.parsing.titles import money_words, names_scale_words
from converter.resources import load_toml, toml_pattern
from converter.parsing.column_groups import heading_group

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_RATE_WORD = re.compile(r"\brates?\b", re.I)
_DOLLARS = re.compile(r"\bdollars?\b|\$", re.I)
# words of rows and headings that are no dollar amounts in a scale: prices, rates, counts
_NOT_DOLLARS = re.compile(r"\bper (?:common )?share\b|\bprice\b|%|\bpercent|\bratio\b|\brate\b|\bnumber of\b|"
                          r"\bunits?\b|\bshares\b|\bemployees\b|\bin dollars\b|\byield\b|\bdays\b|\btimes\b", re.I)
# (lowercase: matched on lowercased text; its first character is "(", "a" or "d")
_TABULAR_SCALE = re.compile(r"(?=[(ad])(?:\(\s*tabular (?:information|amounts|data)\s*:?\s*(?:(?:dollars|amounts) )?in\s+"
                            r"(?:thousands|millions|billions)\b[^)]*\)|"
                            # "All dollar amounts in the attached Schedules A through D are in thousands"
                            # (of several tables: "the following table are in thousands" is one table's)
                            r"\b(?:all )?(?:dollar )?amounts (?:in|on) (?:the )?(?:attached|accompanying|following|enclosed)"
                            r"\s+(?:[\w-]+\s+){0,3}?(?:schedules|statements|tables|exhibits)\b"
                            r"[^.]{0,60}?\bare (?:stated |expressed |presented |shown |reported )?in "
                            r"(?:thousands|millions|billions)\b)")
# the sentence above a note table saying its amounts are a period's results (an acquisition's
# pro forma results of operations under bare years)
_RESULTS = re.compile(r"\bresults of (?:its |their |the combined )?operations\b|\bpro forma (?:results|revenues|net sales)\b",
                      re.I)
_SEGMENT_FLOWS = re.compile(r"\b(?:sales|revenues?|operating (?:income|profit|loss)|earnings|net income)\b", re.I)
_POSITION = re.compile(r"\bfinancial (?:position|condition)\b|\bbalance sheets?\b", re.I)  # (balances too)
_OPENING = re.compile(r"\b(?:beginning|start|opening)\b", re.I)  # a roll-forward's first and last lines
_CLOSING = re.compile(r"\b(?:end|ending|closing)\b", re.I)
_FISCAL_HEADING = re.compile(r"\bfiscal\b|\bFY\s?'?\d\d", re.I)
_EARNINGS_LINE = re.compile(r"^(?:net )?(?:sales|revenues?)\b|\bnet (?:income|earnings|loss)\b|\bper share\b", re.I)
_AT_DATE = re.compile(r"\b(?:at|as of)\s+(?:the end of\s+)?(?:january|february|march|april|may|june|july|august|"
                      r"september|october|november|december|year[- ]end|fiscal year[- ]end)\b", re.I)
# a scale phrase's exception ("in millions, except per share amounts") names no price of the table
_EXCEPT = re.compile(r"\bexcept\b[^)]*", re.I)
_PRICE_HEADINGS = re.compile(r"\b(?:high|low|close|closing|bid|ask)\b", re.I)
_EXCEPT_SHARES = re.compile(r"except\s+(?:for\s+)?(?:the\s+)?(?:number\s+of\s+)?(?:common\s+)?shares?\b|"
                            r"\band\s+shares?\b|\bshares?\s+and\s+per\s+share\b|\bdollars\b", re.I)
SHARES_IN = re.compile(r"\bshares (?:data |amounts )?in (thousands|millions)\b", re.I)
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
_SHARE_WORDS = re.compile(r"\bshares?\b|\boptions?\b|\bper share\b|\bwarrants?\b", re.I)
# "The following table sets forth ... expressed as a percentage of net sales:": the table's
# numbers are percents, printed without the sign
_PERCENT_OF = re.compile(r"\b(?:as a |in )?(?:percentages?|percent) of (?:total |net )?(?:sales|revenues?|income)\b|"
                         r"% of (?:total |net )?(?:sales|revenues?)\b", re.I)


def physical_scale(title_lines, scale_text: str) -> str:
    """The quantity a scale is of when the line stating it names one ("Kilowatt-hour sales
    (millions):" over a utility's statistics): no money scale (statements.toml [statistics])."""
    line = next((t for t in title_lines if scale_text and scale_text in t), scale_text)
    # ("(In thousands, except per share amounts, stores and square feet)": what the scale is not of)
    line = re.split(r"\bexcept\b", line or "", maxsplit=1, flags=re.I)[0]
    if not line or len(line) > 80 or _DOLLARS.search(line):
        return ""
    m = _physical().search(line)
    return f"{m.group(0).lower()} ({' '.join(line.split())})" if m else ""


@functools.cache
def _physical() -> re.Pattern:
    return re.compile(load_toml("statements.toml")["statistics"]["physical"], re.I)


def scale_for_tables(text: str) -> str | None:
    """The sentence stating the scale of several tables, as printed. (The text between tables is
    most of a document: cheap substring tests first, then the pattern, on the lowercased text.)"""
    low = text.lower()
    if not names_scale_words(low) or not ("tabular" in low or "amounts" in low):
        return None
    if len(low) != len(text):  # (a character whose lower case is longer: offsets differ)
        return m.group(0) if (m := re.compile(_TABULAR_SCALE.pattern, re.I).search(text)) else None
    m = _TABULAR_SCALE.search(low)
    return text[m.start():m.end()] if m else None


def names_flows(head, rows) -> bool:
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


def _dated_above(head) -> bool:
    """The sentence right above the table or its title dates its amounts ("... at December 31
    consisted of:"): balances, not flows."""
    lead_in = _SENTENCE_END.split(head.intro.strip())[-1]  # the sentence right above, not the paragraph
    return bool(_AT_DATE.search(" ".join([lead_in, *head.title_lines])))


def groups_named(headings: list[str]) -> bool:
    """Every column heading names a group beside its period ("GE 1993", "GECS 1993"): a page of
    the statement's entities, not another table of its years."""
    return bool(headings) and all(map(heading_group, headings))


def fiscal_highlights(head, rows) -> bool:
    """"Fiscal 1996  Fiscal 1995" over an annual report's highlights of sales and earnings: each
    column is the fiscal year (its balance lines held at the year's end by their words); a note of
    balances only under such headings (inventories, backlog) keeps the year-end dates."""
    dated = [h for h in head.headings if YEAR.search(h)]
    return bool(dated) and all(_FISCAL_HEADING.search(h) and not MONTH_DAY.search(h) for h in dated) \
        and any(_EARNINGS_LINE.search(r.label) for r in rows)


def years_of_flows(head, flow_years: set[int]) -> bool:
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


def dollars_only(head, rows, money_share: int = 2, price_headings: bool = False) -> bool:
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


def shares_scale(scale: int, text: str) -> int:
    """Share counts follow the table's scale unless its phrase excepts them ("except share
    data") or speaks of dollars only ("Dollars in millions")."""
    said = SHARES_IN.search(text)
    if said is not None:
        # "(In millions, except per share amounts; shares in thousands)": the shares' own scale
        return 1000 if said.group(1).lower() == "thousands" else 1000000
    if scale == 1 or _EXCEPT_SHARES.search(" ".join(text.split())):
        return 1
    return scale


def prints_money(rows) -> bool:
    """Whether a table prints dollars or lines of money ("Sales and revenues (in millions)")."""
    return any(c is not None and "$" in c.text for r in rows for c in r.cells) or \
        any(money_words(f"{r.label} {r.context}") for r in rows)


def in_statement_units(head, rows, amounts: set[Decimal]) -> bool:
    """A note table that states no scale, printing dollar amounts only (no prices, rates, counts
    or per-share amounts) of the size the scaled statements above print: in their units ("Note 7
    INVENTORIES ... 1,799" under statements in millions is $1,799 million, not $1,799). A table in
    whole dollars of a company whose statements are in thousands prints numbers a thousand times
    larger than they do."""
    if not amounts or not dollars_only(head, rows, 3, price_headings=True) \
            or _SHARE_WORDS.search(" ".join([head.intro[-200:], *head.title_lines, *head.headings])):
        return False
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None and not c.percent]
    if any(_YEAR_CELL.match(c.text) for c in cells):
        return False  # a schedule by year ("2000  46"): its years are no amounts
    values = [abs(c.value) for c in cells]
    # (none of them larger than the largest the statements print: their assets or revenues)
    return bool(values) and max(values) >= 100 and max(values) <= max(amounts)


def repeats_amounts(rows, amounts: set[Decimal]) -> bool:
    """Whether a table prints amounts of the statements above it: two of its amounts of five
    digits or more (no year, no count of a few) are among them, and it prints no prices or
    amounts per share (cents: "41.56"), which no scale multiplies."""
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None]
    if any(c.decimals == 2 and abs(c.value) < 1000 and not c.percent for c in cells):
        return False
    return len({abs(c.value) for c in cells if abs(c.value) >= 10000} & amounts) >= 2


def percent_of(text: str) -> bool:
    """_PERCENT_OF, after the substring test it needs (it is asked of every table's intro)."""
    return ("%" in text or "percent" in text.lower()) and _PERCENT_OF.search(text) is not None


def statutory_rates(rows: list[Row], words: str) -> bool:
    """A rate reconciliation printed without percent signs: the words above speak of the rate and
    its first line is the statutory federal rate of the era, 34.0 or 35.0, in every column (a
    reconciliation in dollars starts with the tax at that rate, an amount)."""
    first = next((r for r in rows if any(c is not None and c.value is not None for c in r.cells)), None)
    if first is None or not _RATE_WORD.search(words):
        return False
    values = [c.value for c in first.cells if c is not None and c.value is not None]
    return len(values) == len([c for c in first.cells if c is not None]) and all(v in (34, 35) for v in values) \
        and bool(re.search(r"\brate\b", first.label, re.I))


def as_percents(rows: list[Row]) -> list[Row]:
    """Every amount of a table its introduction calls percentages of sales, when none is over
    100 (a table that also prints dollar amounts keeps them)."""
    cells = [c for r in rows for c in r.cells if c is not None and c.value is not None]
    if not cells or any(abs(c.value) > 100 for c in cells):
        return rows
    return [dataclasses.replace(r, cells=tuple(dataclasses.replace(c, percent=True) if c is not None and c.value is not None
                                               else c for c in r.cells)) for r in rows]


def _segment_note() -> re.Pattern:
    return toml_pattern("statements.toml", "segment_note", "words")  # the words of a segment note


