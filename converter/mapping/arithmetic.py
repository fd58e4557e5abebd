"""What a statement's own arithmetic says about its rows: unlabelled totals, gross and net, parallel
parts, the totals that hold a row (signs and the scale of share counts: arithmetic_signs.py)."""
from __future__ import annotations

import re

from converter.mapping.labels import normalise
from converter.mapping.taxonomy import Rule, Taxonomy, TotalRule
from converter.model import Row, RowKind, StatementKind, Table


def gross_and_net(tax: Taxonomy, table: Table, rules: list[Rule | None]) -> None:
    """A subtotal that is one line less its deduction ("Property, plant and equipment / Less
    accumulated depreciation / [net]"): that line is the gross amount and the subtotal the net
    one (concepts.toml [[net_of]])."""
    rows = table.rows
    for k, row in enumerate(rows):
        if row.kind is RowKind.DATA or len(row.components) != 2 or row.label.strip(" :").lower() not in ("", "net"):
            continue
        first, less = row.components
        for net, gross, deductions, _ in tax.net_of:
            if (gross and rules[first] is not None and rules[first].names == (net,) and rules[less] is not None
                    and set(rules[less].names) <= deductions and rules[k] is None):
                why = "arithmetic: the line a deduction is taken from is gross, the subtotal after it net"
                rules[first] = Rule.naming(gross, why)
                rules[k] = Rule.naming(net, why)


def gross_before_deduction(tax: Taxonomy, table: Table, rules: list[Rule | None]) -> dict[int, str]:
    """A line the next line deducts from, with no net line printed for it ("Property and equipment
    1,412,300 / Less accumulated depreciation (611,204)" straight into total assets; "Loans /
    Less: Unearned income"): the gross amount, never the net concept its words would name. It
    takes the gross concept, or none where no concept names it. Returns the rows it unnamed."""
    rows = table.rows
    unnamed: dict[int, str] = {}
    for i in range(len(rows) - 1):
        rule, after = rules[i], rows[i + 1]
        # (a subtotal too: "Real estate: / Land / Buildings / 611,280 / Less accumulated depreciation")
        if rule is None or len(rule.names) != 1 or (rows[i].kind is RowKind.DATA and rows[i].components) \
                or after.kind is not RowKind.DATA or re.search(r"\bnet\b", normalise(rows[i].label)):
            continue
        for net, gross, deductions, words in tax.net_of:
            deducts = (rules[i + 1] is not None and set(rules[i + 1].names) <= deductions) \
                or (words is not None and bool(words.search(normalise(after.label))))
            if rule.names == (net,) and deducts:
                if gross:
                    rules[i] = Rule.naming(gross, "arithmetic: the next line is deducted from it, the gross amount")
                else:
                    rules[i] = None
                    unnamed[i] = f"extension: the next line is deducted from it: the gross amount, not {net}"
    return unnamed


def infer_totals(tax: Taxonomy, table: Table, rules: list[Rule | None]) -> None:
    """Name the totals printed without a label ("", "TOTAL") from what they add up."""
    rows = table.rows
    bare = [i for i, row in enumerate(rows)
            if rules[i] is None and row.components and row.kind is not RowKind.DATA
            and row.label.strip(" :").lower() in ("", "total", "totals")]
    # totals whose words name no concept ("Total cash generated (used)"): only rules that say so
    worded = [i for i, row in enumerate(rows)
              if rules[i] is None and row.components and i not in bare and not row.subtracted]
    chosen: dict[int, str] = {}

    def leaves(i: int) -> set[str]:
        out: set[str] = set()
        for c in rows[i].components:
            if rules[c] is not None:
                out.update(rules[c].names)
            elif rows[c].components:
                out |= leaves(c)
        return out

    def inside(i: int, j: int) -> bool:
        return i in rows[j].components or any(inside(i, c) for c in rows[j].components)

    def qualifies(t: TotalRule, names: set[str]) -> bool:
        return bool(names & t.contains) and not names & t.excludes and t.requires <= names

    for i in sorted(bare + worded):
        names = leaves(i) | {name for c, name in chosen.items() if inside(c, i)}
        for t in tax.totals:
            if t.statements and table.kind.value not in t.statements or not qualifies(t, names):
                continue
            if i in worded and not t.labelled or t.closes and not _carries(table, rules, i, t.closes):
                continue
            if t.outermost and any(inside(i, j) and (qualifies(t, leaves(j))
                                                     or rules[j] is not None and t.name in rules[j].names)
                                   for j in range(i + 1, len(rows)) if rows[j].components):
                continue  # a total inside a larger one of the same kind: equity before treasury stock
            if any(rules[j] is not None and t.name in rules[j].names and rows[j].label for j in range(len(rows))):
                continue  # a labelled line of the table names that total (equity after treasury stock)
            chosen[i] = t.name
            break
    for i in worded:
        if i in chosen:
            rules[i] = Rule.naming(chosen[i], "arithmetic: a total whose words name no concept, of the rows it adds up")
    for i in bare:
        if i in chosen:
            rules[i] = Rule.naming(chosen[i], "arithmetic: the unlabelled total of the rows it adds up")
        else:
            parent = _calculation_parent(tax, rows[i], rules)
            if parent is not None and any(rules[j] is not None and parent.names == rules[j].names
                                          and (inside(i, j) or rows[j].label) for j in range(len(rows)) if j != i):
                parent = None  # a labelled line names that concept, or a later total of it sums this one
            rules[i] = parent


def _carries(table: Table, rules: list[Rule | None], i: int, balance: str) -> bool:
    """Whether row i is the change between the table's first and last line of `balance` in every
    column that prints all three: the opening balance plus the change is the closing one."""
    at = [k for k, r in enumerate(rules) if r is not None and r.names == (balance,)]
    if len(at) < 2:
        return False
    rows = table.rows
    seen = False
    for c, cell in enumerate(rows[i].cells):
        first, last = rows[at[0]].cells[c], rows[at[-1]].cells[c]
        if cell is None or cell.value is None or first is None or first.value is None \
                or last is None or last.value is None:
            continue
        if first.value + cell.value != last.value:
            return False
        seen = True
    return seen


def parallel_parts(table: Table, rules: list[Rule | None]) -> dict[int, str]:
    """Rows printed in parallel parts of a whole: "Total Automotive assets" and "Total Financial
    Services assets" adding up to "Total assets", each part with its own cash, its own other
    assets. A concept named in two of the parts is the whole's in neither: every row of such
    parts is the part's own, {row: the part's label}. Only parts whose totals no standard
    concept names, and only where two of them name one concept, are taken for parts."""
    rows = table.rows
    out: dict[int, str] = {}

    def held(t: int) -> set[int]:
        inside = set(rows[t].components)
        for c in rows[t].components:
            inside |= held(c)
        return inside

    for t, row in enumerate(rows):
        if rules[t] is None or not row.components:
            continue
        parts = [c for c in row.components if rows[c].components and rules[c] is None and rows[c].label]
        if len(parts) < 2:
            continue
        inside = {p: held(p) for p in parts}
        names = {p: {rules[i].names[0] for i in inside[p] if rules[i] is not None} for p in parts}
        shared = [p for p in parts if any(names[p] & names[q] for q in parts if q != p)]
        for p in shared:
            for i in inside[p]:
                out.setdefault(i, rows[p].label)
    return out


def sibling_claims(table: Table, rules: list[Rule | None]) -> set[int]:
    """Lines added into one total that claim one concept with different numbers ("Cost of
    products sold 480" and "Cost of services 100" in "Total costs and expenses"): each is a part
    of what the concept names, neither the whole. (Income statements only: elsewhere two claims
    are as often one right line and one wrong match, "Less common stock held in treasury".)"""
    out: set[int] = set()
    if table.kind is not StatementKind.INCOME:
        return out
    for row in table.rows:
        by_name: dict[str, list[int]] = {}
        for c in row.components:
            rule = rules[c]
            if rule is not None and len(rule.names) == 1 and rule.at is None and table.rows[c].kind is RowKind.DATA:
                by_name.setdefault(rule.names[0], []).append(c)
        for claims in by_name.values():
            printed = {tuple(cell.value if cell else None for cell in table.rows[c].cells) for c in claims}
            if len(claims) > 1 and len(printed) > 1:
                out.update(claims)
    return out


def holding_totals(rows) -> dict[int, list[int]]:
    """Each row's totals: the rows that list it among their printed components, in order."""
    holders: dict[int, list[int]] = {}
    for t, row in enumerate(rows):
        for c in row.components:
            holders.setdefault(c, []).append(t)
    return holders


def enclosing_totals(holders: dict[int, list[int]], i: int, memo: dict[int, set[int]]) -> set[int]:
    """The totals whose printed components hold row i, directly or through a subtotal (holders:
    holding_totals' answer; memo: the sets found so far, for the rows of one table)."""
    if i not in memo:
        memo[i] = set()
        for t in holders.get(i, ()):
            memo[i] |= {t} | enclosing_totals(holders, t, memo)
    return memo[i]


def assets_by_identity(table: Table, rules: list[Rule | None]) -> None:
    """A balance sheet's unlabelled total that prints, column by column, the numbers of the last
    total (liabilities and equity) is its total assets: the balance sheet identity. The last
    total, unlabelled too, is then liabilities and equity."""
    if table.kind is not StatementKind.BALANCE:
        return
    rows = table.rows
    last = next((k for k in range(len(rows) - 1, -1, -1) if rows[k].kind is not RowKind.DATA), None)
    if last is None:
        return

    def numbers(k: int) -> list:
        return [c.value if c is not None else None for c in rows[k].cells]

    def bare(k: int) -> bool:
        return rows[k].label.strip(" :").lower() in ("", "total")

    closing = numbers(last)
    named = next((k for k, r in enumerate(rules) if r is not None and "Assets" in r.names), None)
    equal = named is not None and numbers(named) == closing
    if named is None:
        for i in range(last):
            if rules[i] is not None or rows[i].kind is RowKind.DATA or not bare(i):
                continue
            pairs = [(a, b) for a, b in zip(numbers(i), closing) if a is not None and b is not None]
            if pairs and all(a == b for a, b in pairs) and any(a for a, _ in pairs):
                rules[i] = Rule.naming("Assets", "arithmetic: an unlabelled total equal to liabilities and equity")
                named, equal = i, True
                break
        else:
            return
    # total assets named; the last total, unlabelled, equal to it: liabilities and equity
    if equal and named < last and rules[last] is None and bare(last):
        rules[last] = Rule.naming("LiabilitiesAndStockholdersEquity", "arithmetic: the last total, equal to total assets")


def _calculation_parent(tax: Taxonomy, row: Row, rules: list[Rule | None]) -> Rule | None:
    """A total whose components are exactly summation items of one US-GAAP concept."""
    parts = [rules[i].names[0] for i in row.components if rules[i] is not None and len(rules[i].names) == 1]
    if len(parts) < 2 or len(parts) != len(row.components):
        return None
    for parent, kids in tax.calculations.items():
        names = {k for k, _ in kids}
        if set(parts) <= names and len(set(parts)) == len(parts):
            return Rule.naming(parent, "arithmetic: its parts are exactly this concept's calculation children")
    return None
