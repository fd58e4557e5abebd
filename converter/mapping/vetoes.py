"""The table's arithmetic against the concepts its rows took: a concept whose place in the US-GAAP
calculations contradicts the totals a row is printed under (a current item below the current
total, an inflow where the section's total shows an outflow, a sign the arithmetic refuses) is
taken back, and the row is left to the section choice (sections.py) or to the filer's own concept."""
from __future__ import annotations

import re

from converter.mapping.arithmetic import holding_totals
from converter.mapping.taxonomy import Rule
from converter.printed import component_sign
from converter.model import StatementKind, Table
from converter.mapping.units import MONETARY
from converter.mapping.state import MapState
from converter.mapping.emit import TOTAL_LABEL

# cash-flow concepts of one direction (magnitudes): the printed sign must say the same
DIRECTION = re.compile(r"^(Proceeds|Payments|Repayments)(?!FromPayments|ForProceeds|FromRepayments)")
_CASH_SECTIONS = frozenset({"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
                            "NetCashProvidedByUsedInFinancingActivities"})


def veto_by_totals(st: MapState, table: Table, rules: list[Rule | None]) -> None:
    """Concepts the totals that hold a row contradict: a current item below its side's current
    total, proceeds or payments printed against their direction, a signed concept added as
    printed into a total of the other balance (any rule); and a label-map concept whose balance
    contradicts the total that adds the row: 'Interest' under 'REVENUES' added into 'Total
    revenues' (a credit) is no interest expense (a debit), whatever most filers' 'Interest' lines
    were. The rows are left to the section choice; each veto is recorded in st.rejected."""
    rows = table.rows
    holders = holding_totals(rows)
    currents = {rules[k].names[0]: k for k in range(len(rows)) if rules[k] is not None and len(rules[k].names) == 1
                and rules[k].names[0] in ("AssetsCurrent", "LiabilitiesCurrent")} if table.kind is StatementKind.BALANCE else {}
    for i, rule in enumerate(rules):
        if rule is None or len(rule.names) != 1:
            continue
        if (currents and _below_current_total(st, rows, rules, currents, i) or _against_the_flow(st, rows, rules, holders, i)
                or _signed_against(st, rows, rules, holders, i)):
            rules[i] = None
            continue
        total = _total_of_the_same(table, rows, rules, holders, i)
        if total is not None and TOTAL_LABEL.match(rows[i].label) and not TOTAL_LABEL.match(rows[total].label):
            # "Total revenues" less interest expense is "Net revenues": the printed total is the
            # revenues, the line below it another measure
            st.rejected[rows[total].line] = f"extension: the total above it is {rule.names[0]}"
            rules[total] = None
        elif total is not None:
            # "Net sales" added with "Finance revenues" into "Total revenues": a part, not the revenues
            st.rejected[rows[i].line] = f"extension: a part of the total below it that is {rule.names[0]}"
            rules[i] = None
            continue
        if not rule.origin.startswith("label map:"):
            continue
        total = next((t for t in holders.get(i, ()) if t > i and rules[t] is not None and len(rules[t].names) == 1), None)
        if total is None:
            continue
        mine, theirs = st.tax.concepts.get(rule.names[0]), st.tax.concepts.get(rules[total].names[0])
        sections = st.tax.ancestors.get(mine.name, frozenset()) & _CASH_SECTIONS if mine is not None else frozenset()
        if theirs is not None and theirs.name in _CASH_SECTIONS and sections and theirs.name not in sections:
            # "Other assets" among investing flows is no change in operating assets
            st.rejected[rows[i].line] = f"extension: the label map's {mine.name} is not part of {theirs.name}"
            rules[i] = None
            continue
        if (mine is None or theirs is None or not mine.balance or not theirs.balance or mine.balance == theirs.balance
                or mine.name in st.tax.signed):
            continue  # a two-way concept (proceeds or payments) carries its direction in its sign
        printed = [c.value for c in rows[i].cells if c is not None and c.value]
        # added as printed, and printed as additions: a deduction ("Less accumulated
        # depreciation 2,248.9", "(2,248.9)") may well be of the other balance
        if printed and all(v > 0 for v in printed) and component_sign(rows[total], i, rows[i]) > 0:
            st.rejected[rows[i].line] = (f"extension: the label map's {mine.name} ({mine.balance}) is added into "
                                         f"{theirs.name} ({theirs.balance})")
            rules[i] = None


def _below_current_total(st: MapState, rows, rules: list[Rule | None], currents: dict[str, int], i: int) -> bool:
    """A current item's concept on a row printed below its side's "Total current ..." line:
    "Accrued warranty" after "Total current liabilities" is no current accrual."""
    name = rules[i].names[0]
    concept = st.tax.concepts.get(name)
    if concept is None or not name.endswith("Current") or name.endswith("Noncurrent") or name in currents:
        return False
    total = currents.get({"debit": "AssetsCurrent", "credit": "LiabilitiesCurrent"}.get(concept.balance or "", ""))
    if total is None or i < total:
        return False
    st.rejected[rows[i].line] = f"extension: {name} is a current item, printed below {rows[total].label!r}"
    return True


def _against_the_flow(st: MapState, rows, rules: list[Rule | None], holders: dict, i: int) -> bool:
    """A proceeds or payments concept on a row a net-cash total adds as printed, printed with the
    other direction's sign: "Increase in long-term borrowings (300)" is no proceeds, "Acquisitions,
    net of cash acquired 640" added into the investing total no payment. Recorded in st.rejected."""
    direction = DIRECTION.match(rules[i].names[0])
    if direction is None:
        return False
    for t in holders.get(i, ()):
        if t > i and rules[t] is not None and rules[t].names[0] in _CASH_SECTIONS and component_sign(rows[t], i, rows[i]) > 0:
            printed = [c.value for c in rows[i].cells if c is not None and c.value]
            if any((v < 0) == (direction.group(1) == "Proceeds") for v in printed):
                st.rejected[rows[i].line] = (f"extension: {rules[i].names[0]} printed with the other direction's "
                                             f"sign in {rules[t].names[0]}")
                return True
    return False


def _signed_against(st: MapState, rows, rules: list[Rule | None], holders: dict, i: int) -> bool:
    """A signed income-or-expense concept of one balance ("NonoperatingIncomeExpense", a credit)
    on a row that a total of the other balance (costs and expenses, a debit) adds as printed: its
    printed sign is the total's, not the concept's. Recorded in st.rejected."""
    mine = st.tax.concepts.get(rules[i].names[0])
    if mine is None or mine.name not in st.tax.signed or not mine.balance or mine.type != MONETARY:
        return False
    if rules[i].negate or (mine.balance == "credit" and st.tax.names_expense_first(rows[i].label)):
        # "Other (income) expense, net" names the debit first, "Interest expense, net" names the
        # expense: its fact is the printed number negated
        return False
    for t in holders.get(i, ()):
        if t <= i or rules[t] is None or len(rules[t].names) != 1:
            continue
        theirs = st.tax.concepts.get(rules[t].names[0])
        if theirs is not None and theirs.balance and theirs.balance != mine.balance \
                and theirs.name not in st.tax.signed and component_sign(rows[t], i, rows[i]) > 0:
            st.rejected[rows[i].line] = (f"extension: {mine.name} ({mine.balance}) is added into {theirs.name} "
                                         f"({theirs.balance}) as printed: its sign is the total's")
            return True
    return False


def _total_of_the_same(table: Table, rows, rules: list[Rule | None], holders, i: int) -> int | None:
    """The total below row i that adds it with other rows and takes the same concept (an income
    statement's or balance sheet's own lines; balances of a roll-forward hold the next one)."""
    rule = rules[i]
    if table.kind not in (StatementKind.INCOME, StatementKind.BALANCE) or rule.at is not None or rows[i].period is not None:
        return None
    return next((t for t in holders.get(i, ()) if t > i and rules[t] is not None and rules[t].names == rule.names
                 and sum(t in held for held in holders.values()) > 1), None)


