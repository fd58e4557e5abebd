"""The concept a table row takes: the rules of concepts.toml and the label map, read with the row's
headings, its statement, its side of the balance sheet (from the "Total assets" line or the
totals that hold it), its period and the concepts other industries' statements use, and turned
to the whole or the net where the row's numbers say so."""
from __future__ import annotations

import dataclasses
import re

from converter.mapping.arithmetic import enclosing_totals, holding_totals
from converter.mapping.labels import lookup, match, names_pro_forma
from converter.identities import ASSETS, LIABILITIES_AND_EQUITY
from converter.mapping.taxonomy import Rule, Taxonomy
from converter.model import Concept, Period, Row, StatementKind, Table
from converter.mapping.units import MONETARY, PER_SHARE, SHARES, eps_of, unit_of
from converter.mapping.state import MapState
from converter.mapping.edges import row_edge
from converter.mapping.emit import TOTAL_LABEL, section_member
from converter.mapping.vetoes import DIRECTION

_TOTAL_ASSETS = re.compile(r"^\W*total\s+assets\W*$", re.I)
_OTHER_SIDE = {"debit": re.compile(r"Liabilit"), "credit": re.compile(r"Assets?(?:Net)?(?:Current|Noncurrent)?$")}
# a cash-flow statement's schedule of transactions that moved no cash
_NONCASH = re.compile(r"\bnon-?cash\b|\bissued (?:for|in)\b|\bnot involving cash\b", re.I)
# headings that name a part by place ("Domestic offices:", "Foreign:"): the lines under them are
# that part's, not the whole's a concept of the bare words would be
_PART_HEADING = re.compile(r"^\s*(?:domestic|foreign|u\.?\s?s\.?|united states|international|non-?u\.?\s?s\.?|overseas)"
                           r"(?:\s+(?:offices?|operations|subsidiaries|companies))?\s*:?\s*$", re.I)
_PART_CONCEPT = re.compile(r"Domestic|Foreign", re.I)
_INTEREST = re.compile(r"\binterest\b", re.I)
_AS_REPORTED = re.compile(r"\bas reported\b", re.I)
_RETAINED_ONLY = re.compile(r"\bretained earnings|\bearnings (?:retained|reinvested)|\breinvested earnings|"
                            r"\baccumulated deficit", re.I)
_BALANCE_ROW = re.compile(r"balances?\b", re.I)
_OTHER_COMPONENTS = re.compile(r"\b(?:stockholders|shareholders|shareowners|equity|capital|investment)", re.I)


def net_when_negative(tax: Taxonomy, rule: Rule | None, row: Row) -> Rule | None:
    """A payment printed negative in one column and positive in another, outside the totals (a
    supplemental disclosure), is a net amount: "Income taxes paid  (132)  3,251" was a refund
    (concepts.toml [negative_printed]). Printed negative throughout, it is a cash effect."""
    values = [c.value for c in row.cells if c is not None and c.value]
    if rule is None or len(rule.names) != 1 or rule.names[0] not in tax.negative_printed \
            or not (any(v < 0 for v in values) and any(v > 0 for v in values)):
        return rule
    name = tax.negative_printed[rule.names[0]]
    return dataclasses.replace(rule, names=(name,), origin=f"{rule.origin}; printed negative in a column: {name}")


def instead_by_title(rule: Rule | None, instead: dict[str, str]) -> Rule | None:
    """The concept a statement of this title prints for the rule's (concepts.toml [[by_title]])."""
    if rule is None or len(rule.names) != 1 or rule.names[0] not in instead:
        return rule
    name = instead[rule.names[0]]
    return dataclasses.replace(rule, names=(name,), origin=f"{rule.origin}; the statement's title makes it {name}")


def whole_of(tax: Taxonomy, rule: Rule | None) -> Rule | None:
    """A balance sheet without a current section: the concept of the whole item (concepts.toml [unclassified])."""
    if rule is None or len(rule.names) != 1 or rule.names[0] not in tax.unclassified:
        return rule
    whole = tax.unclassified[rule.names[0]]
    return dataclasses.replace(rule, names=(whole,), origin=f"{rule.origin}; the balance sheet has no current section: {whole}")


def balance_sides(table: Table) -> list[str | None]:
    """Which side of a balance sheet each row is printed on: 'debit' above its "Total assets",
    'credit' below it; None where the table is no balance sheet or prints no such total."""
    if table.kind is not StatementKind.BALANCE:
        return [None] * len(table.rows)
    at = next((k for k, r in enumerate(table.rows) if _TOTAL_ASSETS.match(r.label)), None)
    if at is None:
        return [None] * len(table.rows)
    return ["debit" if k < at else None if k == at else "credit" for k in range(len(table.rows))]


def sides_by_totals(st: MapState, table: Table, rules: list[Rule | None], sides: list[str | None]) -> list[str | None]:
    """A balance sheet printed as two tables, the liabilities and equity on a page of their own
    (no "Total assets" between them to divide the sides): each row's side from the named totals
    that hold it, when they all say the same."""
    if table.kind is not StatementKind.BALANCE or any(side is not None for side in sides):
        return sides
    def side_of(rule: Rule | None) -> str | None:
        if rule is None or len(rule.names) != 1:
            return None
        whole = st.tax.ancestors.get(rule.names[0], frozenset()) | {rule.names[0]}
        return "credit" if LIABILITIES_AND_EQUITY in whole else "debit" if ASSETS in whole else None

    holders, memo = holding_totals(table.rows), {}
    out = list(sides)
    for i in range(len(table.rows)):
        said = {side_of(rules[t]) for t in enclosing_totals(holders, i, memo)} - {None}
        if len(said) == 1:
            out[i] = said.pop()
    return out


def _wrong_side(concept: Concept, side: str | None) -> bool:
    """A concept that names the other side of the balance sheet: a liability among the assets,
    an asset among the liabilities and equity. (Contra accounts, an allowance or treasury
    stock, take the other balance on purpose, so the balance type alone does not tell.)"""
    return side is not None and bool(_OTHER_SIDE[side].search(concept.name))


def may_take(st: MapState, table: Table, row: Row, name: str, side: str | None) -> bool:
    """Whether a row may take a concept the label map offers: its period type, the unit the row
    is printed in, the filer's industry and the row's side of the balance sheet allow it."""
    period = _row_period(table, row)
    concept = st.tax.concepts.get(name)
    if period is None or concept is None or name in st.excluded or _wrong_side(concept, side):
        return False
    cells = tuple(c for c in row.cells if c is not None and c.value is not None)
    if (direction := DIRECTION.match(name)) and any((c.value < 0) == (direction.group(1) == "Proceeds")
                                                    for c in cells if c.value):
        return False  # "Long-term debt (500)" among financing flows is no proceeds from debt
    return (concept.period_type == ("instant" if period.is_instant else "duration")
            and concept.type == unit_of(table, row, cells))


def rule_for(st: MapState, table: Table, row: Row, pro_forma_table: bool, side: str | None = None,
              sectioned: bool = False) -> Rule | None:
    """The row's rule: concepts.toml's, else the label map's; None where the row's place says the
    concept is not its (sectioned: an equity statement printed with a section per component)."""
    if (pro_forma_table or names_pro_forma(row.context)) and not _AS_REPORTED.search(row.label):
        return None  # also the lines under "Pro forma data (unaudited):" in a statement or summary
    period = _row_period(table, row)
    if period is None:
        return None
    if any(c.measure for c in table.columns):
        return None  # columns are measures of one item: no standard concept names each of them
    ptype = "instant" if period.is_instant or row_edge(table, row) else "duration"
    # a dated balance of a roll-forward is the statement's own line, whatever heading is above it
    context = "" if row.period is not None and row.period.is_instant else row.context
    if not context and _BALANCE_ROW.match(row.label) and _RETAINED_ONLY.search(table.title) \
            and not _OTHER_COMPONENTS.search(table.title):
        # "Statements of (Income and) Retained Earnings": its unheaded balances are retained earnings'
        context = "Retained earnings"
    rule = match(st.tax, row.label, context, table.kind.value, ptype, st.excluded)
    if rule is not None and all(st.tax.concept(n).type == MONETARY for n in rule.names):
        unit = unit_of(table, row, tuple(c for c in row.cells if c is not None))
        if unit == PER_SHARE and rule.names[0] in ("DividendsCommonStockCash", "Dividends"):
            return Rule.naming("CommonStockDividendsPerShareDeclared", "a dividends line printed per share")
        if unit == PER_SHARE and rule.names == ("NetIncomeLoss",):
            # "Net income  $1.42" under "Earnings per share:" (or its "Diluted" block): that EPS
            names = eps_of(f"{row.context} {row.label}")
            return dataclasses.replace(Rule.naming(names[0], "a net income line of a per-share block: its EPS"), names=names)
        if unit in (PER_SHARE, SHARES):
            # "Discontinued operations (.16)" under "Earnings (loss) per share:": no dollars
            st.rejected[row.line] = f"extension: {'an amount per share' if unit == PER_SHARE else 'a count of shares'}, not money"
            return None
    if rule is not None and rule.needs_member and section_member(st, table, row) is None:
        return None  # "Balance at beginning of year" of no component: not the statement's equity
    if rule is not None and row.context and sectioned and section_member(st, table, row) is None \
            and not rule.names[0].startswith("OtherComprehensiveIncome") \
            and not (rule.names == ("StockholdersEquity",) and TOTAL_LABEL.match(row.label)):
        # (only that component moves; "Total stockholders' equity" under the last section is the whole)
        # an equity statement with a section per component: a line of a section that names no
        # component ("Class B common stock: Conversion ...") is no movement of the whole equity
        st.rejected[row.line] = "extension: a line of an equity section that names no component"
        return None
    if rule is not None and table.kind is StatementKind.CASHFLOW and _NONCASH.search(row.context) \
            and any(DIRECTION.match(n) for n in rule.names):
        # "Supplemental schedule of noncash investing and financing activities", "Common stock
        # issued for:": no cash was paid or received
        st.rejected[row.line] = "extension: a noncash transaction, no cash proceeds or payment"
        return None
    if rule is None and (rule := lookup(st.tax, row.label, row.context, table.kind.value, ptype, st.excluded)) is not None:
        # filers' most frequent concept for the words, taken only in the unit the row is printed in
        # ("dividends declared" is per share in most income statements, money in this one)
        cells = tuple(c for c in row.cells if c is not None and c.value is not None)
        if st.tax.concept(rule.names[0]).type != unit_of(table, row, cells):
            return None
        if rule.names[0].startswith("InterestExpense") and not _INTEREST.search(f"{row.context} {row.label}") \
                and not _interest_above(table, row):
            # filers' "Long-term debt" of an income statement sits under "Interest expense:"; a
            # line that no word of ties to interest (selected data's "Long-term debt") is not it
            st.rejected[row.line] = f"extension: nothing printed names interest, as {rule.names[0]} would"
            return None
    if rule is not None and len(rule.names) == 1 and _wrong_side(st.tax.concept(rule.names[0]), side):
        # "Deferred income taxes noncurrent" among the assets is no liability; "Deposits in other
        # banks: / Interest-bearing" no deposit liability
        whose = "the label map's " if rule.origin.startswith("label map:") else ""
        st.rejected[row.line] = f"extension: {whose}{rule.names[0]} is of the other side of the balance sheet"
        return None
    if rule is not None and _PART_HEADING.search(row.context.split(" / ")[-1]) and not re.match(r"total\b", row.label, re.I) \
            and not any(_PART_CONCEPT.search(n) for n in rule.names):
        # "Deposits: / Domestic offices: / Interest-bearing": a part of the whole the words name
        st.rejected[row.line] = f"extension: printed under {row.context.split(' / ')[-1]!r}, a part of {rule.names[0]}"
        return None
    if rule is not None and row.context and not row.after_rule:  # (the total under the rule closes the section)
        for heading, kind in st.tax.apart:
            if any(heading.search(h.strip()) for h in row.context.split(" / ")) \
                    and not any(kind.search(n) for n in rule.names):
                # "Discontinued operations (Note 3): / Income from operations, net of income taxes"
                st.rejected[row.line] = (f"extension: printed under {row.context.split(' / ')[-1]!r}: "
                                         f"not the continuing business's {rule.names[0]}")
                return None
    return rule


def _interest_above(table: Table, row: Row, reach: int = 3) -> bool:
    """One of the few lines above names interest ("INTEREST EXPENSE ON Deposits" printed as the
    first line's label, its heading run into it): the lines under it are its parts."""
    k = next((i for i, r in enumerate(table.rows) if r is row), None)
    return k is not None and any(_INTEREST.search(f"{r.context} {r.label}") for r in table.rows[max(0, k - reach):k])


def _row_period(table: Table, row: Row | None = None) -> Period | None:
    if row is not None and table.roll_forward:
        return row.period
    for c in table.columns:
        if c.period is not None:
            return c.period
    return None


