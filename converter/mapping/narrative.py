"""Facts stated in running text ("2nd Quarter Net Income of $808,464, or $0.05 per fully diluted
share"), taken only when the sentence says what, whose and when without a guess.

For each amount: the words before it must end in a metric phrase (after "of", "was",
"approximately" ...) that nothing qualifies; the clause must date it (a period phrase between
the metric and the amount, right after the amount, or elsewhere in its clause), or, for an
instant in a press release, the release date; the subject is the registrant or a subsidiary or
acquired company the text names. Forward-looking sentences, bounds ("more than"), changes
("an increase of"), percentages and per-share amounts that do not say basic or diluted are
left out. A number the tables already state is not repeated; one they contradict is reported.
The rules and words are data: taxonomy/narrative.toml.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from converter.mapping.extension import ExtensionSet
from converter.mapping.contexts import ContextSet
from converter.mapping.period_phrases import fiscal_year_end_in
from converter.mapping.taxonomy import Taxonomy
from converter.model import Entity, Fact, Sentence, SourceRef, Unmapped
from converter.rounding import half_unit
from converter.mapping.narrative_text import excerpt, related_companies
from converter.mapping.narrative_read import Candidate, Setting, read_sentence


@dataclass
class Narrative:
    facts: list[Fact] = field(default_factory=list)
    left_out: list[Unmapped] = field(default_factory=list)  # amounts found and not taken, with the reason
    warnings: list[str] = field(default_factory=list)


def narrative_facts(sentences: tuple[Sentence, ...], tax: Taxonomy, contexts: ContextSet, ext: ExtensionSet,
                    registrant: str, table_facts: list[Fact], release_date, fiscal_year_end: tuple[int, int] | None,
                    entity_named: Callable[[str], Entity], reference=None,
                    table_numbers: tuple[tuple[Decimal, int], ...] = ()) -> Narrative:
    """release_date: a press release's date (its present amounts are as of it); reference: the
    latest date a stated period may end (the release date or the report's period end)."""
    out = Narrative()
    # a subsidiary's or acquired company's amounts are taken from press releases only: a report
    # speaks of many companies by short names that cannot be told apart reliably
    related = related_companies(sentences, registrant) if release_date is not None else {}
    cfg = Setting(tax, ext, frozenset(w.lower().removesuffix("'s") for w in re.findall(r"[A-Za-z][\w'-]*", registrant)),
                   related,
                   fiscal_year_end or fiscal_year_end_in([s.text for s in sentences]), release_date,
                   reference or release_date, frozenset(f.context.period for f in table_facts))
    printed = {}  # magnitude -> a table fact printing it: a left-out amount the tables state says so
    for f in table_facts:
        if isinstance(f.value, Decimal):
            printed.setdefault(abs(f.value), f)
    candidates: list[Candidate] = []
    for s in sentences:
        for mention, found in read_sentence(s, cfg):
            line = s.line_at(mention.start)
            if isinstance(found, str):
                same = printed.get(abs(mention.value))
                reason = f"stated in the table at line {_line(same)}" if same is not None and mention.kind != "count" \
                    else f"{found}: {excerpt(s.text, mention)}"
                out.left_out.append(Unmapped(line, mention.text, reason))
                continue
            for concept, period, company, value, decimals in (found if isinstance(found, list) else [found]):
                ctx = contexts.context(period, entity_named(company) if company else None, register=False)
                fact = Fact(concept, ctx, value, contexts.unit_for(concept.type, register=False), decimals,
                            SourceRef(line, 0, mention.text), excerpt(s.text, mention), -1, "narrative")
                candidates.append(Candidate(fact, mention, line))
    _keep(candidates, table_facts, _Numbers(table_numbers), out)
    for f in out.facts:  # only the facts kept add their contexts and units to the instance
        contexts.context(f.context.period, f.context.entity)
        contexts.unit_for(f.concept.type)
    return out


class _Numbers:
    """The numbers printed in table blocks, to find one a text amount repeats at any scale."""

    def __init__(self, numbers: tuple[tuple[Decimal, int], ...]):
        self.numbers = numbers
        self.values: list[Decimal] | None = None  # sorted when first asked (most filings never ask)

    def line_of(self, value: Decimal, tolerance: Decimal) -> int | None:
        if self.values is None:
            pairs = sorted((abs(v), line) for v, line in self.numbers)
            self.values = [v for v, _ in pairs]
            self.lines = [line for _, line in pairs]
        for scale in (1, 1000, 1000000, 1000000000):
            low, high = (abs(value) - tolerance) / scale, (abs(value) + tolerance) / scale
            i = bisect.bisect_left(self.values, low)
            if i < len(self.values) and self.values[i] <= high and self.values[i] != 0:
                return self.lines[i]
        return None


def _keep(candidates: list[Candidate], table_facts: list[Fact], numbers: _Numbers, out: Narrative) -> None:
    """Leave out what the tables state (or contradict) and what the text states twice differently."""
    by_key = {(f.concept.qname, f.context.id): f for f in table_facts}
    by_period: dict[tuple, list[Fact]] = {}
    for f in table_facts:
        if isinstance(f.value, Decimal):
            by_period.setdefault((f.context.entity, f.context.period), []).append(f)
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        f = c.fact
        table = by_key.get((f.concept.qname, f.context.id))
        if table is not None:
            if _agree(f, table):
                out.left_out.append(Unmapped(c.line, c.mention.text, f"stated in the table at line {_line(table)}"))
            else:
                out.left_out.append(Unmapped(c.line, c.mention.text, f"the table at line {_line(table)} prints "
                                             f"{table.value} for {f.concept.name} in {f.context.id}"))
                out.warnings.append(f"line {c.line}: the text states {f.concept.name} {c.mention.text} for "
                                    f"{f.context.id}; the table at line {_line(table)} prints {table.value}")
            continue
        same = next((t for t in by_period.get((f.context.entity, f.context.period), []) if _agree(f, t, absolute=True)),
                    None)
        if same is not None:
            out.left_out.append(Unmapped(c.line, c.mention.text, f"stated in the table at line {_line(same)}"))
            continue
        # a table the converter could not place may print it exactly: the text's figure is not the better one
        at = numbers.line_of(f.value, half_unit(str(f.decimals)))
        if at is not None:
            out.left_out.append(Unmapped(c.line, c.mention.text, f"a table prints it at line {at}"))
            continue
        groups.setdefault((f.concept.qname, f.context.id), []).append(c)
    for group in groups.values():
        if all(_agree(a.fact, b.fact) for a in group for b in group):
            best = max(group, key=lambda c: c.fact.decimals)
            out.facts.append(best.fact)
            for c in group:
                if c is not best:
                    out.left_out.append(Unmapped(c.line, c.mention.text, f"stated again at line {best.line}"))
        else:
            lines = ", ".join(str(c.line) for c in group)
            for c in group:
                out.left_out.append(Unmapped(c.line, c.mention.text, f"the text states {c.fact.concept.name} "
                                             f"differently at lines {lines}"))


def _agree(a: Fact, b: Fact, absolute: bool = False) -> bool:
    """Whether b's value is within a's stated precision of a's."""
    va, vb = (abs(a.value), abs(b.value)) if absolute else (a.value, b.value)
    if not isinstance(vb, Decimal):
        return False
    return abs(va - vb) <= half_unit(str(a.decimals)) + (half_unit(str(b.decimals)) if b.decimals is not None else 0)


def _line(f: Fact) -> int:
    return f.source.line if f.source else 0


# ---------------------------------------------------------------- one sentence


# ---------------------------------------------------------------- words


# ---------------------------------------------------------------- companies


