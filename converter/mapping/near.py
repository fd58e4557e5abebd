"""A label no rule and no label-map entry names, by its near neighbours among real filers' lines.

taxonomy/labelmap_near.json holds, per statement, the words of every label two or more filers'
lines printed (labels.word_key) with the concepts they chose. A row's words are compared with
each key holding all of them: the label's share of the key's words (each word weighted by its
rarity on that statement, so "deferred" counts more than "net") is the similarity. The keys at
least `similarity` alike vote with their lines; the concept that wins `share` of the weight, with
`lines` or more behind it, is the answer, unless its name starts with one of `never` (per-share
figures and share counts, whose era wording meant another figure). Thresholds are data (the
file's "vote"): below them the row stays an extension concept.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from converter.resources import taxonomy_dir

STATEMENTS = ("balance", "income", "cashflow", "equity")


@dataclass(frozen=True)
class Vote:
    name: str  # the winning concept ("" when most lines took a name without a 2024 successor)
    share: float  # its part of the neighbours' weight
    lines: float  # the neighbours' weight (lines times similarity)
    negated: bool  # whether most of the winner's lines were shown negated


class _Statement:
    def __init__(self, entries: dict[str, list]):
        self.keys = [(frozenset(key.split()), tuple(tuple(v) for v in votes)) for key, votes in entries.items()]
        self.by_word: dict[str, list[int]] = {}
        for i, (words, _) in enumerate(self.keys):
            for w in words:
                self.by_word.setdefault(w, []).append(i)
        total = len(self.keys)
        self.weight = {w: math.log((total + 1) / (len(ix) + 1)) + 1 for w, ix in self.by_word.items()}
        self.size = [sum(self.weight[w] for w in words) for words, _ in self.keys]

    def vote(self, words: frozenset[str], similarity: float) -> Vote | None:
        weight = self.weight
        # only keys holding every word of the label: one word more may narrow it ("net"), one
        # less would drop what tells it apart ("common" in a line naming preferred and common stock)
        postings = sorted((self.by_word.get(w, ()) for w in words), key=len)
        if not postings or not postings[0]:
            return None
        ids = set(postings[0]).intersection(*postings[1:])
        whole = sum(weight[w] for w in words)
        tally: dict[str, float] = {}
        negated: dict[str, float] = {}
        total = 0.0
        for i in ids:
            s = whole / self.size[i]
            if s >= similarity:
                for name, n, neg in self.keys[i][1]:
                    tally[name] = tally.get(name, 0.0) + n * s
                    negated[name] = negated.get(name, 0.0) + (n * s if neg else -n * s)
                    total += n * s
        if not total:
            return None
        name = max(tally, key=lambda k: (tally[k], k))
        return Vote(name, tally[name] / total, total, negated[name] > 0)


@functools.cache
def _table() -> tuple[dict, dict[str, _Statement]]:
    path = taxonomy_dir() / "labelmap_near.json"
    raw = json.loads(path.read_text()) if path.exists() else {}
    return raw.get("vote", {}), {k: _Statement(raw.get(k, {})) for k in STATEMENTS}


def nearest(statement: str, key: str) -> Vote | None:
    """The concept a label's words (labels.word_key) take by their neighbours' vote, when it
    clears the thresholds; None otherwise."""
    if not key or statement not in STATEMENTS:
        return None
    vote_rules, tables = _table()
    found = tables[statement].vote(frozenset(key.split()), vote_rules.get("similarity", 1.0))
    if found is None or not found.name or found.share < vote_rules.get("share", 1.0) \
            or found.lines < vote_rules.get("lines", math.inf) or found.name.startswith(tuple(vote_rules.get("never", ()))):
        return None
    return found
