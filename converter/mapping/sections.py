"""Concepts for labels that filers give several concepts, chosen by the totals a row is printed
under (issue 12: the table's arithmetic as evidence).

"Other, net" is other investing in one cash-flow statement, other financing or other operating in
the next; "Other" is a current asset, a noncurrent liability, an other nonoperating item. The
label map (labelmap.json) names only labels one concept dominates. For the others,
taxonomy/sections.json lists every concept filers chose with its count and its ancestors in
the US-GAAP calculation linkbase. A row keeps the candidates whose ancestors include a total
the row is printed under (the printed arithmetic: the totals whose components hold it) and
none of the table's totals it is not under; the survivor that holds at least half of the
label's lines that fit or name no candidate, 15% of all its lines, and twice the runner-up's
names the row; failing that, the whole of which the survivors are parts by term (current,
noncurrent), counting their lines. No total, no choice: the row stays an extension concept.
"""
from __future__ import annotations

from converter.mapping.arithmetic import enclosing_totals, holding_totals
from converter.mapping.labels import candidates
from converter.mapping.taxonomy import Rule, Taxonomy
from converter.model import Table

MIN_SHARE = 0.5  # of the lines of the candidates that fit and of lines no candidate names
MIN_OF_ALL = 0.15  # of all the label's lines, whatever their concept
MIN_LINES = 5
_NET_INCOME = {"NetIncomeLoss", "ProfitLoss", "IncomeLossFromContinuingOperations"}
_OPERATING = "NetCashProvidedByUsedInOperatingActivities"


def by_section(tax: Taxonomy, table: Table, rules: list[Rule | None], sides: list[str | None],
               allowed) -> dict[int, Rule]:
    """Rules for rows that no rule or label-map entry named, from the totals they sit under.
    `sides` gives each row's side of a balance sheet (its total when the table's own totals do
    not say); `allowed(r, name)` says whether row r may take a concept (period, unit, dialect)."""
    table_kind = table.kind.value
    entries = tax.sections.get(table_kind)
    if not entries:
        return {}
    rows = table.rows
    named = {i: rules[i].names[0] for i in range(len(rows)) if rules[i] is not None and len(rules[i].names) == 1}
    totals = {i for i, row in enumerate(rows) if row.components and i in named}
    holders, enclosing = holding_totals(rows), {}

    def under(i: int) -> set[int]:
        return enclosing_totals(holders, i, enclosing)

    inside: dict[int, set[int]] = {}

    def under_set(t: int) -> set[int]:
        """Every row a total holds, directly or through its subtotals."""
        if t not in inside:
            inside[t] = set(rows[t].components)
            for c in rows[t].components:
                inside[t] |= under_set(c)
        return inside[t]

    table_totals = {named[t] for t in totals}
    # a cash-flow statement whose operating section starts from net income (the indirect method)
    # prints no receipts and payments of the direct method: "Income taxes" there is a change in
    # taxes payable (a direct statement's reconciliation below its total does not make it indirect)
    indirect = any(name in _NET_INCOME and any(named.get(t) == _OPERATING for t in under(i))
                   for i, name in named.items())
    out: dict[int, Rule] = {}
    for i, row in enumerate(rows):
        if rules[i] is not None or row.components and not row.label:
            continue
        entry = next((entries[text] for text in candidates(row.label, row.context) if text in entries), None)
        if entry is None:
            continue
        # the innermost total the row is printed under: "Other" under "Total current
        # liabilities", not under "Total liabilities and equity" as well
        inner = min((t for t in under(i) if t in named), key=lambda t: len(under_set(t)), default=None)
        over = {named[inner]} if inner is not None else set()
        if not over and sides[i]:
            over = {"Assets" if sides[i] == "debit" else "LiabilitiesAndStockholdersEquity"}
        if not over:
            continue
        # the table's other totals, but not those standing above the row's own (net change in cash)
        beside = {c for c in table_totals - over if not any(c in tax.ancestors.get(o, ()) for o in over)}
        lines, choices, unplaced = entry
        fitting = [(name, n, neg) for name, n, neg in choices
                   if name in tax.concepts and tax.ancestors.get(name, frozenset()) & over
                   and not tax.ancestors.get(name, frozenset()) & beside and name not in beside and allowed(i, name)
                   and not (indirect and name in tax.direct_method)]
        if not fitting:
            continue
        # lines that name no candidate here: tags without a 2024 name, concepts of too few lines,
        # without calculation ancestors or outside the bundled subset; they count against each
        unknown = lines - sum(n for _, n, _ in choices) - _elsewhere(unplaced, sides[i], over, table_totals)
        choice = _choose(tax, fitting, unknown, lines)
        if choice is not None:
            name, n, neg = choice
            out[i] = Rule.naming(name, f"label map by section: {n} of {lines} filers' lines, under {' / '.join(sorted(over))}",
                                 bool(neg))
    return out


_CURRENT = {"D": "AssetsCurrent", "C": "LiabilitiesCurrent"}


def _elsewhere(unplaced: dict[str, int], side: str | None, over: set[str], table_totals: set[str]) -> int:
    """Lines of names without a 2024 successor that cannot be this row's: of the other balance
    than the side of the balance sheet the row is printed on, or current items when the row is
    outside the table's current section ("Deferred income taxes" among the noncurrent
    liabilities is no DeferredTaxAssetsNetCurrent)."""
    balance = {"debit": "D", "credit": "C"}.get(side or "")
    if balance is None:
        return 0
    current = _CURRENT[balance]
    noncurrent = current in table_totals and current not in over
    return sum(n for cls, n in unplaced.items()
               if cls[0] in "DC" and cls[0] != balance or noncurrent and cls.endswith("c"))


def _choose(tax: Taxonomy, fitting: list, unknown: int, lines: int) -> tuple[str, int, int] | None:
    """The most specific candidate that holds half the lines and twice any unrelated runner-up;
    else the whole of which the candidates are parts by term ("available for sale": the current,
    the noncurrent or the whole), counting its parts' lines for it. None when neither holds."""
    def part_of(part: str, whole: str) -> bool:
        """The same item by term: AvailableForSaleSecuritiesDebtSecuritiesCurrent of ...Securities."""
        return part != whole and part.startswith(whole) and whole in tax.ancestors.get(part, ())

    def related(a: str, b: str) -> bool:
        return part_of(a, b) or part_of(b, a)

    total = sum(c[1] for c in fitting) + unknown
    parts = {c[0]: c[1] + sum(d[1] for d in fitting if part_of(d[0], c[0])) for c in fitting}
    for weight in ({c[0]: c[1] for c in fitting}, parts):
        name, _, neg = max(fitting, key=lambda c: (weight[c[0]], c[1]))
        n = weight[name]
        runner_up = max((weight[c[0]] for c in fitting if c[0] != name and not related(name, c[0])), default=0)
        if n >= MIN_LINES and n >= 2 * runner_up and n / total >= MIN_SHARE and n / lines >= MIN_OF_ALL:
            return name, n, neg
    return None
