"""The narrative reader's rules, read once from taxonomy/narrative.toml: metric and event phrases,
the word lists, per-share kinds and count nouns; and the grammar of amounts in running text."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from converter.resources import load_toml

MONETARY = "xbrli:monetaryItemType"
PER_SHARE = "dtr-types:perShareItemType"
COUNT = "xbrli:integerItemType"
SCALES = {"thousand": 3, "million": 6, "billion": 9}
MONEY = re.compile(r"(?P<open>\(\s*)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
                   r"(?:\s+(?P<scale>thousand|million|billion)\b)?(?P<close>\s*\))?"
                   r"(?:(?<=\))\s+(?P<scale2>thousand|million|billion)\b)?")  # "($14) million"
NUMBER = re.compile(r"(?<![\w$.,/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|\s*%|\s+percent)")
DIGIT = re.compile(r"\d")
WORDS = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*%?|%")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: Decimal  # signed as printed: parentheses make it negative
    decimals: int
    kind: str  # money | per_share | count
    negative: bool = False
    detail: str = ""  # per share: diluted / basic / both; count: its noun phrase


@dataclass(frozen=True)
class Rules:
    metrics: tuple[tuple[tuple[str, ...], str, str, int], ...]  # (phrase words, label, statement, sign), longest first
    events: tuple[tuple[tuple[str, ...], str, str], ...]  # (phrase words, name, label)
    per_share: dict[str, tuple[str, ...]]
    count_tail: re.Pattern  # the words after a number that make it a count
    nouns: tuple[str, ...]
    words: dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # list name -> last word -> phrases, longest first
    clauses: re.Pattern
    metric_words: frozenset[str]
    forward_words: frozenset[str]  # forward-looking words ("expects")
    forward_phrases: tuple[str, ...]  # and phrases of several words (" pro forma "), padded with blanks
    concept_words: frozenset[str]  # the first words of metric and event phrases, the count nouns, "per"
    per_share_tail: re.Pattern  # " per diluted share" after an amount: its kind in group "kind"
    not_in_count: frozenset[str]  # words that, before a count noun, make the number no count
    company: re.Pattern  # another company's name ("Sun Microsystems, Inc.")
    generic_names: frozenset[str]
    plain_capitals: frozenset[str]
    related: re.Pattern  # a sentence that says how a company is related


@functools.cache
def rules() -> Rules:
    data = load_toml("narrative.toml")
    companies = data["companies"]
    metrics = sorted(((tuple(p.split()), m["label"], m["statement"], m.get("sign", 1))
                      for m in data["metric"] for p in m["phrases"]), key=lambda m: -len(m[0]))
    events = tuple((tuple(p.split()), e["name"], e["label"]) for e in data.get("event", []) for p in e["phrases"])
    words: dict = {}
    for k, v in data["words"].items():
        index: dict[str, list] = {}
        for p in sorted((tuple(p.split()) for p in v if p), key=len, reverse=True):
            index.setdefault(p[-1], []).append(p)
        words[k] = {last: tuple(ps) for last, ps in index.items()}
    nouns = "|".join(re.escape(n) for n in data["counts"]["nouns"])
    clauses = sorted(data["words"]["clauses"], key=len, reverse=True)
    return Rules(tuple(metrics), events, {k: tuple(v) for k, v in data["per_share"].items()},
                 re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,2}?(?:" + nouns + r"))\b"), tuple(data["counts"]["nouns"]),
                 words,
                 re.compile(r";|,?\s\b(?:" + "|".join(re.escape(w) for w in clauses) + r")\b", re.I),
                 frozenset(w for m in metrics for w in m[0]),
                 frozenset(p for p in data["words"]["forward"] if " " not in p),
                 tuple(f" {p} " for p in data["words"]["forward"] if " " in p),
                 frozenset([m[0][0] for m in (*metrics, *events)] + [n.split()[0] for n in data["counts"]["nouns"]]
                           + ["per"]),
                 re.compile(r"\s+(?:per|a)\s+(?:(?P<kind>" + _phrases(p for ps in data["per_share"].values() for p in ps)
                            + r")\s+)?(?:common\s+)?share\b", re.I),
                 frozenset(data["words"]["not_in_count"]),
                 re.compile(r"\b((?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*),?\s+(?:"
                            + "|".join(map(re.escape, companies["suffixes"])) + r")\b"),
                 frozenset(companies["generic"]), frozenset(companies["plain_capitals"]),
                 re.compile(r"\b(?:" + _phrases(companies["related"]) + r")\b", re.I))


def _phrases(phrases) -> str:
    """Phrases as one alternative, longest first, their blanks any blanks."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(set(phrases), key=len, reverse=True))


