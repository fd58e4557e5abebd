"""Signs and scales the table's own arithmetic proves: a row's sign from the difference it makes
(gross profit = sales - cost), from its cash effect (the lines a net-cash total adds) and from
the cash balances it joins; the share counts' scale from earnings per share (net income / shares)."""
from __future__ import annotations

from decimal import Decimal

from converter.mapping.taxonomy import Rule, Taxonomy
from converter.printed import component_sign
from converter.model import Row, StatementKind, Table
from converter.mapping.arithmetic import holding_totals

_CASH_TOTALS = frozenset({"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
                          "NetCashProvidedByUsedInFinancingActivities"})
_CASH_CHANGE = ("CashAndCashEquivalentsPeriodIncreaseDecrease", "CashCashEquivalentsRestrictedCashAndRestrictedCash",
                "CashPeriodIncreaseDecrease")
# (EPS, weighted shares) printed together: basic with basic, diluted with diluted
EPS_PAIRS = ((("EarningsPerShareBasic", "EarningsPerShareBasicAndDiluted"),
              ("WeightedAverageNumberOfSharesOutstandingBasic", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted")),
             (("EarningsPerShareDiluted", "EarningsPerShareBasicAndDiluted"),
              ("WeightedAverageNumberOfDilutedSharesOutstanding", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted")))


def signs_by_difference(tax: Taxonomy, table: Table, rules: list[Rule | None]) -> dict[int, list[int | None]]:
    """Per row and column, the sign the statement's arithmetic gives (see signs.toml)."""
    out: dict[int, list[int | None]] = {}
    for name, minuend, subtrahend in tax.differences:
        rows = [i for i, r in enumerate(rules) if r is not None and name in r.names]
        s = next((i for i, r in enumerate(rules) if r is not None and subtrahend & set(r.names)), None)
        if s is None:
            continue
        for i in rows:
            # the first minuend the table prints above the row: pre-tax income, else (a release
            # that goes from operating income straight to tax and net) operating income
            m = next((j for name in minuend for j, r in enumerate(rules[:i]) if r is not None and name in r.names), None)
            if m is None:
                continue
            factors: list[int | None] = []
            for k, cell in enumerate(table.rows[i].cells):
                mc, sc = table.rows[m].cells[k], table.rows[s].cells[k]
                if cell is None or cell.value is None or mc is None or sc is None:
                    factors.append(None)
                    continue
                # "Loss before income taxes 3,200" less "Net loss 3,160": the losses as negatives
                mv, sv = (-(c.value or 0) if tax.loss_first(table.rows[j].label)
                          else -abs(c.value or 0) if tax.names_a_loss(table.rows[j].label) else (c.value or 0)
                          for c, j in ((mc, m), (sc, s)))
                diff = mv - sv
                factor = 1 if diff == cell.value else -1 if diff == -cell.value else None
                if factor is None and m < i < s:
                    # lines printed between as their effects ("Minority interest (9.8)"): the
                    # difference less them; the row printed as its effect is the concept negated
                    others = [table.rows[j].cells[k] for j in range(m + 1, s) if j != i]
                    effect = (sv - mv) - sum((c.value for c in others if c is not None and c.value is not None), Decimal(0))
                    factor = -1 if effect == cell.value else 1 if effect == -cell.value else None
                factors.append(factor)
            out[i] = factors
    return out


def signs_by_cash_effect(tax: Taxonomy, table: Table, rules: list[Rule | None]) -> dict[int, list[int | None]]:
    """A cash-flow line printed as its cash effect and added as printed, through the totals
    between, into its section's net cash: its fact is the printed number times the concept's
    weight in that total (sections.json cash_weights). "Increase in accounts receivable (4,494)"
    is an increase of 4,494; "Gain on sale of equipment (500)" a gain of 500."""
    if table.kind is not StatementKind.CASHFLOW:
        return {}
    rows = table.rows
    holders = holding_totals(rows)
    out: dict[int, list[int | None]] = {}
    for i, rule in enumerate(rules):
        weight = tax.cash_weights.get(rule.names[0]) if rule is not None and len(rule.names) == 1 else None
        if weight is None or rule.at is not None or rule.names[0] not in tax.signed:
            continue
        k, sign = i, 1
        while (t := next((t for t in holders.get(k, ()) if t > k), None)) is not None:
            sign *= component_sign(rows[t], k, rows[k])
            if rules[t] is not None and set(rules[t].names) & _CASH_TOTALS:
                if sign > 0:
                    out[i] = [weight] * len(table.columns)
                break
            k = t
    return out


def signs_by_cash_balances(table: Table, rules: list[Rule | None]) -> dict[int, list[int | None]]:
    """The net change in cash takes the sign of its balances' difference, column by column: an
    unsigned 412 under "Net increase (decrease) in cash" between cash of 2,930 at the beginning
    and 2,518 at the end is a decrease (-412); so is "Net decrease in cash  412"."""
    if table.kind is not StatementKind.CASHFLOW:
        return {}
    change = [i for i, r in enumerate(rules) if r is not None and len(r.names) == 1 and r.at is None
              and r.names[0].startswith(_CASH_CHANGE)]
    start = next((i for i, r in enumerate(rules) if r is not None and r.at == "start" and _is_cash(r)), None)
    end = next((i for i, r in enumerate(rules) if r is not None and r.at == "end" and _is_cash(r)), None)
    if not change or start is None or end is None:
        return {}
    out: dict[int, list[int | None]] = {}
    for i in change:  # (a "Net increase" and a "Net decrease" line, each printing its years)
        factors: list[int | None] = []
        for cell, first, last in zip(table.rows[i].cells, table.rows[start].cells, table.rows[end].cells):
            if cell is None or cell.value is None or first is None or last is None or first.value is None \
                    or last.value is None:
                factors.append(None)
                continue
            diff = last.value - first.value
            factors.append(1 if diff == cell.value else -1 if diff == -cell.value else None)
        out[i] = factors
    return out


def _is_cash(rule: Rule) -> bool:
    return len(rule.names) == 1 and rule.names[0] in ("CashAndCashEquivalentsAtCarryingValue", "Cash",
                                                      "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")


def eps_columns(table: Table, rules) -> list[tuple]:
    """(net income, EPS, weighted shares) cells of each column that prints the three, basic or
    diluted (a line "basic and diluted" serves both)."""
    def row_of(names: tuple[str, ...]) -> Row | None:
        i = next((i for i, r in enumerate(rules) if r is not None and any(n in names for n in r.names)), None)
        return table.rows[i] if i is not None else None

    income = row_of(("NetIncomeLoss",))
    out = []
    for eps_names, share_names in EPS_PAIRS:
        eps, shares = row_of(eps_names), row_of(share_names)
        if income is None or eps is None or shares is None:
            continue
        out += [(ni, e, sh) for ni, e, sh in zip(income.cells, eps.cells, shares.cells)
                if ni and e and sh and ni.value and e.value and sh.value and not (ni.percent or e.percent or sh.percent)]
    return out


def share_scale_by_eps(table: Table, rules: list[Rule | None]) -> int | None:
    """The scale of the share counts that makes net income / shares give the printed EPS.

    A table "in thousands, except per share data" may still print whole share counts; the
    statement's own numbers tell which it is.
    """
    for ni, e, sh in eps_columns(table, rules):
        candidates = sorted({1, 1000, 1000000, table.shares_scale})
        errors = {s_: abs(ni.value * table.scale / (sh.value * s_) - e.value) / abs(e.value) for s_ in candidates}
        best = min(errors, key=errors.get)
        return best if errors[best] < Decimal("0.15") else None
    return None


