"""Calculations 1.1 (round-to-nearest) and the statement identities, over the facts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from converter import identities as ids
from converter.consistency import Amount, identity_breaks, summation_break
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
        if f.concept not in wanted or f.element in inst.tuple_of:
            continue  # (a fact inside a tuple is summed only with its siblings: not judged here)
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
            children = []
            for child, weight in s.children:
                part = one((child, context, unit))
                if part is False:
                    break
                if part is not None:
                    children.append((weight, part))
            else:
                broken = summation_break(total, children) if children else None
                if broken is not None:
                    findings.append(Finding(
                        "calc:inconsistent", INCONSISTENCY,
                        f"{concept.rpartition('}')[2]} in {context}: reported {totals[0].value}, its children in "
                        f"{s.role} sum to {_mid(*broken)}", name, totals[0].line))


def _mid(low: Decimal, high: Decimal) -> str:
    return format(((low + high) / 2).normalize(), "f")


def check_identities(inst: Instance, name: str, findings: list[Finding]) -> None:
    amounts = {}
    prefix = "{" + _USGAAP
    for f in inst.facts:
        if not f.concept.startswith(prefix) or inst.tuple_of and f.element in inst.tuple_of:
            continue
        local = f.concept.rpartition("}")[2]
        ctx = inst.contexts.get(f.context) if local in ids.ALL else None
        value = _number(f) if ctx is not None and not ctx.dimensional else None
        if value is not None and (period := _period(ctx)) is not None:
            amounts[(local, (ctx.entity, f.unit), *period)] = Amount(value, f.decimals, f)
    for kind, parts, cash in identity_breaks(amounts):
        if kind == "balance":
            assets, other = (a.fact for a in parts)
            findings.append(Finding("identity:balanceSheet", INCONSISTENCY,
                                    f"Assets {assets.value} ({inst.where(assets)}) differ from LiabilitiesAndStockholdersEquity "
                                    f"{other.value} ({inst.where(other)}) at {_period(inst.contexts[assets.context])[1]}",
                                    name, assets.line))
        else:
            first, change, last = (a.fact for a in parts)
            start, end = _period(inst.contexts[change.context])
            findings.append(Finding("identity:cashRollForward", INCONSISTENCY,
                                    f"{cash} {first.value} at {start - dt.timedelta(days=1)} plus "
                                    f"{change.concept.rpartition('}')[2]} {change.value} is not {last.value} at {end}",
                                    name, last.line))


def _period(ctx) -> tuple[dt.date | None, dt.date] | None:
    """A context's start (None for an instant) and end as dates; None when they are not dates."""
    try:
        start = dt.date.fromisoformat(ctx.start[:10]) if ctx.start else None
        return start, dt.date.fromisoformat((ctx.end or "")[:10])
    except ValueError:
        return None
