"""Calculations 1.1 (round-to-nearest) and the statement identities, over the facts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from converter import identities as ids
from converter.rounding import half_unit
from converter.validator.dts import Dts
from converter.validator.findings import INCONSISTENCY, Finding
from converter.validator.rules import Fact, Instance, common, interval, number as _number

_USGAAP = "http://fasb.org/us-gaap/"


def check_calculations(inst: Instance, dts: Dts, name: str, findings: list[Finding]) -> None:
    if not dts.summations:
        return
    wanted = {s.parent for s in dts.summations} | {c for s in dts.summations for c, _ in s.children}
    index: dict[tuple[str, str, str], list[Fact]] = {}
    keys_of: dict[str, list[tuple[str, str, str]]] = {}  # concept -> its (concept, context, unit) keys
    for f in inst.facts:
        if f.concept not in wanted:
            continue
        key = (f.concept, f.context, f.unit)
        if key not in index:
            keys_of.setdefault(f.concept, []).append(key)
        index.setdefault(key, []).append(f)

    def one(key) -> tuple[Decimal, Decimal] | None | bool:
        """The fact's interval; None when absent; False when duplicates disagree (then skipped)."""
        spans = [span for f in index.get(key, []) if (span := interval(f)) is not None]
        if not spans:
            return None
        return common(spans) or False

    for s in dts.summations:
        for concept, context, unit in keys_of.get(s.parent, []):
            totals = index[(concept, context, unit)]
            total = one((concept, context, unit))
            if not total:
                continue
            low = high = Decimal(0)
            found, skip = False, False
            for child, weight in s.children:
                span = one((child, context, unit))
                if span is False:
                    skip = True
                    break
                if span is None:
                    continue
                found = True
                a, b = weight * span[0], weight * span[1]
                low, high = low + min(a, b), high + max(a, b)
            if skip or not found:
                continue
            if high < total[0] or low > total[1]:
                findings.append(Finding(
                    "calc:inconsistent", INCONSISTENCY,
                    f"{concept.rpartition('}')[2]} in {context}: reported {totals[0].value}, its children in "
                    f"{s.role} sum to {_mid(low, high)}", name, totals[0].line))


def _mid(low: Decimal, high: Decimal) -> str:
    return format(((low + high) / 2).normalize(), "f")


def check_identities(inst: Instance, name: str, findings: list[Finding]) -> None:
    by_local: dict[tuple[str, str, str, str | None, str | None], Fact] = {}
    prefix = "{" + _USGAAP
    for f in inst.facts:
        if not f.concept.startswith(prefix):
            continue
        ns, _, local = f.concept[1:].partition("}")
        if local not in ids.ALL:
            continue
        ctx = inst.contexts.get(f.context)
        if ctx is not None and not ctx.dimensional and _number(f) is not None:
            by_local[(local, ctx.entity, f.unit, ctx.start, ctx.end)] = f
    for (local, entity, unit, start, end), assets in by_local.items():
        if local != ids.ASSETS:
            continue
        other = by_local.get((ids.LIABILITIES_AND_EQUITY, entity, unit, start, end))
        if other is not None and _apart(assets, other):
            findings.append(Finding("identity:balanceSheet", INCONSISTENCY,
                                    f"Assets {assets.value} (line {assets.line}) differ from LiabilitiesAndStockholdersEquity "
                                    f"{other.value} (line {other.line}) at {end}", name, assets.line))
    for (local, entity, unit, start, end), change in by_local.items():
        if local not in ids.CASH_CHANGE or start is None or end is None:
            continue
        try:
            before = (dt.date.fromisoformat(start[:10]) - dt.timedelta(days=1)).isoformat()
        except ValueError:
            continue
        for name_ in ids.CASH:
            first = by_local.get((name_, entity, unit, None, before))
            last = by_local.get((name_, entity, unit, None, end[:10]))
            if first is None or last is None:
                continue
            slack = sum((half_unit(f.decimals) for f in (first, change, last)), Decimal(0))
            if abs(_number(first) + _number(change) - _number(last)) > slack:
                findings.append(Finding("identity:cashRollForward", INCONSISTENCY,
                                        f"{name_} {first.value} at {before} plus {local} {change.value} is not "
                                        f"{last.value} at {end}", name, last.line))
            break


def _apart(a: Fact, b: Fact) -> bool:
    return abs(_number(a) - _number(b)) > half_unit(a.decimals) + half_unit(b.decimals)
