"""A table's statement kind from its content, with its title as one signal among others.

Class of filings served: statements whose titles do not say what they are (earnings releases'
"Schedule A - Quarterly Analysis", "Analysis of Consolidated Earnings", "Operations Data"),
whose titles qualify them ("Supplemental Consolidated Balance Sheets" restated after a pooling,
"Summary Balance Sheet") or name the wrong statement (a typing slip in the title). A kind is
taken from content only when the rows carry the kind's anchors (taxonomy/statements.toml
[content]: the lines every such statement prints) and the vocabulary of real filers' statements
(parsing/vocabulary.py) favours that kind over every other.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from converter.model import Row, StatementKind
from converter.parsing.vocabulary import table_scores
from converter.resources import load_toml


@dataclass(frozen=True)
class KindEvidence:
    kind: StatementKind
    by: str  # "title", "content", "title+content", "content over title" (a statement mistitled)
    score: float  # the vocabulary score of the chosen kind (0 for a note)
    runner_up: str  # the next kind by vocabulary, with its score: "income 0.21"


@dataclass(frozen=True)
class _Anchor:
    kind: StatementKind
    all_of: tuple[re.Pattern, ...]  # each must match some row (label or section)
    min_rows: int


@functools.cache
def _anchors() -> tuple[_Anchor, ...]:
    data = load_toml("statements.toml")["content"]
    # (searched in the row texts joined by line breaks, ^ and $ at each: statements.toml's anchors
    # use no \s and no negated class, which could reach across them)
    return tuple(_Anchor(StatementKind(a["kind"]), tuple(re.compile(p, re.I | re.M) for p in a["all_of"]), a["min_rows"])
                 for a in data["anchor"])


def anchored_kinds(rows: list[Row] | tuple[Row, ...], only: tuple[StatementKind, ...] = ()) -> tuple[StatementKind, ...]:
    """The kinds (of `only`, when given) whose anchor lines all appear among the rows (labels and
    section headings)."""
    texts = "\n".join({" ".join(t.split()) for r in rows for t in (r.label, r.context) if t})
    out = []
    for a in _anchors():
        if (not only or a.kind in only) and len(rows) >= a.min_rows and all(p.search(texts) for p in a.all_of):
            out.append(a.kind)
    return tuple(out)


_BALANCE_LINE = re.compile(r"^(?:balances?\b|(?:retained earnings|reinvested earnings|earnings (?:retained|reinvested)|"
                           r"accumulated deficit)\b.*\b(?:beginning|end|january|february|march|april|may|june|july|"
                           r"august|september|october|november|december)\b)", re.I)


def _rolls_a_balance(rows) -> bool:
    """The first and the last line a balance: 'Retained Earnings, January 1' ... 'Retained
    Earnings, December 31' (a table that only prints balances among other lines is no roll-forward)."""
    labelled = [r.label for r in rows if r.label]
    return len(labelled) >= 3 and bool(_BALANCE_LINE.match(labelled[0])) and bool(_BALANCE_LINE.match(labelled[-1]))


def _repeats(rows) -> bool:
    """The same lines printed for several entities or segments ("Alabama Power - / Operating
    Revenues / Net Income ..." under each subsidiary): a segment table, not a statement."""
    seen: dict[str, int] = {}
    for r in rows:
        key = " ".join(r.label.lower().split())
        if key and not key.startswith(("total", "other", "less")):
            seen[key] = seen.get(key, 0) + 1
    return sum(n >= 3 for n in seen.values()) >= 2  # a group of lines, not "Net loss" again in each EPS block


def decide_kind(title_kind: StatementKind | None, qualified: bool, rows: list[Row] | tuple[Row, ...],
                titled_elsewhere: frozenset[StatementKind] = frozenset(), durations: bool = False,
                under_note: bool = False) -> KindEvidence:
    """The kind of one table.

    title_kind: the kind its title names (None when it names none); qualified: the title carries a
    word that does not decide alone ("supplemental", "summary", "selected"); titled_elsewhere:
    kinds that tables of the same document are plainly titled with. Content alone never adds a
    second statement of such a kind: the selected data of a 10-K print statement lines in rounder
    numbers, and they must not take the statements' concepts. durations: the column headings name
    durations (a balance sheet's columns are dates); under_note: the table sits under a "Note 6 -
    ..." heading (a note's table is a statement only by its title).
    """
    scores = table_scores([r.label for r in rows if r.label])
    ranked = sorted(scores, key=scores.get, reverse=True)
    # The kind of the best vocabulary, if the rows print all its anchor lines. "Average balances"
    # over quarters are amounts over periods, not at dates: no balance sheet. An untitled table in
    # a balance sheet's words over years, opened and closed by the balance it rolls forward, is a
    # statement of retained earnings.
    balance_over_periods = durations and ranked[0] == StatementKind.BALANCE.value
    if durations:
        ranked.remove(StatementKind.BALANCE.value)
    best = StatementKind(ranked[0]) if scores[ranked[0]] > 0 else None
    if title_kind is None and balance_over_periods and _rolls_a_balance(rows):
        best = StatementKind.EQUITY
    anchored = anchored_kinds(rows, tuple(dict.fromkeys(k for k in (best, title_kind) if k is not None)))
    content = best if best in anchored and not _repeats(rows) else None

    def evidence(kind: StatementKind, by: str) -> KindEvidence:
        other = next((k for k in ranked if k != kind.value), ranked[1])
        return KindEvidence(kind, by, round(scores.get(kind.value, 0.0), 3), f"{other} {scores[other]:.2f}")

    if title_kind is not None and not qualified:
        if content is not None and content != title_kind and title_kind not in anchored:
            return evidence(content, "content over title")  # the title names a statement the rows are not
        return evidence(title_kind, "title+content" if content == title_kind else "title")
    if content is not None and content not in titled_elsewhere and not under_note:
        return evidence(content, "title+content" if content == title_kind else "content")
    return evidence(StatementKind.NOTE, "title" if qualified else "content")
