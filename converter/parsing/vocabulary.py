"""Which statement a table's rows belong to, by the words real filers printed on each statement.

taxonomy/statement_vocabulary.json (made by tools/gen_vocabulary.py from the SEC's Financial
Statement Data Sets `pre` tables: some 270,000 statement lines as filers printed them) counts
each word per statement kind. A row's words give, by naive Bayes with add-one smoothing, how
likely each kind is; a table's score for a kind is the mean over its labelled rows. The title
is not read here: the rows alone speak.
"""
from __future__ import annotations

import functools
import json
import math
import re

from converter.resources import taxonomy_dir

KINDS = ("balance", "income", "cashflow", "equity")
_WORD = re.compile(r"[a-z]+")
# words that say nothing about the statement: articles, prepositions, and the era's filler
_STOP = frozenset("a an and the of in on for to from at by as or with its per other net total less".split())


def words(label: str) -> list[str]:
    """A printed label's words: lower case, letters only, plural s dropped, filler words out."""
    out = []
    for w in _WORD.findall(label.lower()):
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if len(w) > 1 and w not in _STOP:
            out.append(w)
    return out


@functools.cache
def _model() -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
    """Per word, log P(word | kind) for each kind; and each kind's log prior (its share of lines)."""
    data = json.loads((taxonomy_dir() / "statement_vocabulary.json").read_text())
    totals = [data["totals"][k] for k in KINDS]
    size = len(data["words"])
    lines = [data["lines"][k] for k in KINDS]
    prior = tuple(math.log(n / sum(lines)) for n in lines)
    table = {w: tuple(math.log((counts[i] + 1) / (totals[i] + size)) for i in range(len(KINDS)))
             for w, counts in data["words"].items()}
    return table, prior


@functools.lru_cache(maxsize=65536)
def row_scores(label: str) -> tuple[float, ...] | None:
    """How likely each kind is for one row (sums to 1), or None when no word of it is known."""
    table, prior = _model()
    known = [table[w] for w in words(label) if w in table]
    if not known:
        return None
    logs = [prior[i] + sum(k[i] for k in known) for i in range(len(KINDS))]
    top = max(logs)
    exp = [math.exp(x - top) for x in logs]
    total = sum(exp)
    return tuple(e / total for e in exp)


def table_scores(labels: list[str]) -> dict[str, float]:
    """Each kind's mean likelihood over the rows with known words (0 for every kind without any)."""
    rows = [s for s in map(row_scores, labels) if s is not None]
    if not rows:
        return {k: 0.0 for k in KINDS}
    return {k: sum(r[i] for r in rows) / len(rows) for i, k in enumerate(KINDS)}
