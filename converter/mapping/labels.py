"""Row labels to concepts: normalise the printed label, then try the rules of concepts.toml in order."""
from __future__ import annotations

import functools
import re

from converter.mapping.near import nearest
from converter.resources import load_toml
from converter.mapping.taxonomy import Rule, Taxonomy

_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")

NOTE_REF = re.compile(r"\((?:note|notes|see note)s?\s*[\w ,&-]*\)|\bnotes?\s+\d+[a-z]?\b", re.I)
_AS_REPORTED = re.compile(r"\bas reported\b|\((?:in )?(?:thousands|millions|billions)\)|\bin (?:thousands|millions)\b|"
                          r"\((?:in )?\$?000'?s?(?: omitted)?\)", re.I)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING = re.compile(r"^(?:less|add|deduct|plus)\s+")
# words printed apart or hyphenated: "share-owners", "stock holders"
_SPLIT_WORDS = re.compile(r"\b(share|stock)\s+(owners|holders)\b")
PRO_FORMA = re.compile(r"\bpro\s*-?\s*forma\b", re.I)
# "As previously reported" under "Diluted net income per share:" of a restatement: the figure
# before it, never the company's figure now (no standard concept, as pro forma figures)
PREVIOUSLY_REPORTED = re.compile(r"\b(?:previously|originally)\s+(?:reported|stated|presented)\b", re.I)
# the era's names of the share earnings are divided by: "per common and common equivalent
# share" (APB 15's primary), "per average common share" (utilities): per common share
_PER_SHARE_WORDS = re.compile(r"\bper (?:average )?(common )?(?:and common equivalent )?(?:average )?share\b")
_AT_EDGE = re.compile(r"\b(beginning|start|opening|end|ending|closing) of (?:the )?(?:period|year|quarter)\b")
_EDGE = {"beginning": "start", "start": "start", "opening": "start", "end": "end", "ending": "end", "closing": "end"}


# "net of allowance for loan losses of $5,118 and $4,806", "less allowances of $6.1 and $5.8":
# the deduction's amounts say what is net, not what the line is
_NET_OF_AMOUNTS = re.compile(r",?\s*\(?\b(?:net of|less)\b[^()$]*\$\s?[\d,.]+"
                             r"(?:\s*(?:and|,|;|in \d{4}(?:,| and)?)\s*\$?\s?[\d,.]+)*[^()]*\)?", re.I)


def names_pro_forma(text: str) -> bool:
    """PRO_FORMA found in the text, after the substring test it needs (asked of every row's headings)."""
    return "forma" in text.lower() and PRO_FORMA.search(text) is not None


def edge_of(label: str) -> str | None:
    """'start' or 'end' for a balance printed in a flow column ("Balance at beginning of year")."""
    m = _AT_EDGE.search(text := normalise(label)) or _BALANCE_EDGE.search(text)
    return _EDGE.get(next(g for g in m.groups() if g)) if m else None


_BALANCE_EDGE = re.compile(r"^(beginning|opening|ending|closing) balances?\b|"
                           r"^balances? (?:at )?(?:the )?(beginning|end)\b")


def _net_of(m: re.Match) -> str:
    """An allowance or depreciation taken off leaves the net item ("receivables net"); anything
    else taken off ("net of amounts capitalized of $1.2") leaves the item itself."""
    return " net" if _VALUATION.search(m.group(0)) else " "


_VALUATION = re.compile(r"\b(?:allowances?|reserves?|accumulated|depreciation|amortization)\b", re.I)


@functools.lru_cache(maxsize=16384)  # asked of each label by the rules, the label map and the structure
def normalise(label: str) -> str:
    text = _NET_OF_AMOUNTS.sub(_net_of, label) if "$" in label else label
    text = NOTE_REF.sub(" ", text)
    text = _AS_REPORTED.sub(" ", text)
    text = text.lower().replace("&", " and ").replace("'", "")
    text = _NON_WORD.sub(" ", text).strip()
    words = _abbreviations()
    text = " ".join(words.get(w, w) for w in text.split())  # "avg" -> "average"
    text = _SPLIT_WORDS.sub(lambda m: m.group(1) + m.group(2), text)
    text = _PER_SHARE_WORDS.sub(lambda m: f"per {m.group(1) or ''}share", text)
    return _LEADING.sub("", text)


@functools.cache
def _abbreviations() -> dict[str, str]:
    return dict(load_toml("abbreviations.toml")["words"])  # (taxonomy/abbreviations.toml)


# words that do not tell one line from another: "Purchases of stock for treasury" and "Purchase of
# treasury stock" are one line; "net", "total", "all" and the direction words do tell
_GLUE = frozenset("a an and at by for from in its of on our the to with less".split())
_ASIDE = re.compile(r"\((?:[^()\s]+\s+){2,}[^()]*\)")  # "(maturities 90 days or less)": three words or more


@functools.lru_cache(maxsize=16384)
def word_key(label: str) -> str:
    """A printed label as the set of its words: glue words and asides of three words or more left
    out, plurals singular, in alphabetical order (the label map's second key). "Other" stays with
    the word it qualifies: "Intangibles and other assets" are not "Other intangible assets"."""
    words, other = set(), False
    for w in normalise(_ASIDE.sub(" ", label)).split():
        if w in _GLUE or w.isdigit():
            continue
        if w == "other":
            other = True
            continue
        words.add(("other-" if other else "") + _singular(w))
        other = False
    return " ".join(sorted(words | ({"other"} if other else set())))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def candidates(label: str, context: str) -> list[str]:
    """The texts to match, most specific first: a short label is read with its heading."""
    if _INNER_HYPHEN.search(label):
        # a word broken at a line end ("liabili-ties") reads whole; a compound keeps its parts
        joined = candidates(_INNER_HYPHEN.sub("", label), context)
        return candidates_plain(label, context) + [c for c in joined if c not in candidates_plain(label, context)]
    return candidates_plain(label, context)


def candidates_plain(label: str, context: str) -> list[str]:
    own = normalise(label)
    heading = normalise(context.split(" / ")[-1]) if context else ""
    combined = f"{heading} {own}".strip() if heading else own
    if heading and (len(own.split()) <= 3 or len(heading.split()) <= 2 or _AT_EDGE.fullmatch(own)):
        return [combined, own]  # ("Beginning of the year" under "Cash and temporary investments")
    return [own]


_MEMO_SIZE = 100_000  # answers kept per taxonomy (a batch of an archive would grow it without end)


def _remembered(tax: Taxonomy, func, *args):
    key = (func, *args)
    found = tax.memo.get(key, tax)
    if found is tax:
        if len(tax.memo) >= _MEMO_SIZE:
            tax.memo.clear()
        found = tax.memo[key] = func(tax, *args)
    return found


def match(tax: Taxonomy, label: str, context: str, statement: str, period_type: str,
          excluded: frozenset[str] = frozenset()) -> Rule | None:
    """The first rule whose label or pattern fits and whose concepts take this period type."""
    return _remembered(tax, _match, label, context, statement, period_type, excluded)


def _match(tax: Taxonomy, label: str, context: str, statement: str, period_type: str,
           excluded: frozenset[str]) -> Rule | None:
    if PRO_FORMA.search(label) or PREVIOUSLY_REPORTED.search(label):
        return None
    texts = candidates(label, context)
    own = texts[-1]  # the label alone, normalised: the last candidate
    rules = tax.rules_for(statement, excluded)
    labels, anchored, floating = tax.screen_for(statement, excluded)
    for text in texts:
        if text not in labels and not (anchored is not None and anchored.match(text)) \
                and not (floating is not None and floating.search(text)):
            continue
        for rule in rules:
            # (its words first: most rules do not name the text, and that test is the cheapest)
            if _names(rule, text) and _heading_fits(rule, context) and not _kept_out(rule, own, label) \
                    and _takes(tax, rule, period_type):
                return rule
    return None


def _heading_fits(rule: Rule, context: str) -> bool:
    return rule.context is None or bool(rule.context.search(context or ""))


def _kept_out(rule: Rule, own: str, label: str) -> bool:
    """The row's own words name a part, not the rule's whole ("unless", "unless_printed")."""
    return ((rule.unless is not None and bool(rule.unless.search(own)))
            or (rule.unless_printed is not None and bool(rule.unless_printed.search(label))))


def _names(rule: Rule, text: str) -> bool:
    return text in rule.labels or bool(rule.pattern and rule.pattern.search(text))


def _takes(tax: Taxonomy, rule: Rule, period_type: str) -> bool:
    """Whether the rule's concepts take the row's period type (an instant for at start/end)."""
    wanted = "instant" if rule.at else period_type
    return all(tax.concepts[n].period_type == wanted for n in rule.names)



def lookup(tax: Taxonomy, label: str, context: str, statement: str, period_type: str,
           excluded: frozenset[str] = frozenset()) -> Rule | None:
    """The concept real filers most often gave this printed label on this statement
    (taxonomy/labelmap.json, from the SEC's statement data): a row no rule names takes it when
    the label, alone or read with its heading, is there and the concept takes this period type.
    A line filers showed negated ("(Increase) decrease in receivables") keeps that sign."""
    return _remembered(tax, _lookup, label, context, statement, period_type, excluded)


def _lookup(tax: Taxonomy, label: str, context: str, statement: str, period_type: str,
            excluded: frozenset[str]) -> Rule | None:
    table = tax.labelmap.get(statement)
    if not table or PRO_FORMA.search(label) or PREVIOUSLY_REPORTED.search(label):
        return None
    texts = candidates(label, context)
    for text in texts:
        entry = table.get(text)
        if entry is None:
            continue
        name, share, lines, negated = entry
        if name in excluded:
            return None
        at = None
        if tax.concepts[name].period_type != period_type:
            # a balance printed in a flow column: "Balance at beginning of year" under cash
            at = _EDGE.get(m.group(1)) if period_type == "duration" and (m := _AT_EDGE.search(text)) else None
            if at is None:
                return None
        return Rule.naming(name, f"label map: {share:.0%} of {lines} filers' lines {text!r}", bool(negated), at)
    if any(text in tax.sections.get(statement, {}) for text in texts):
        return None  # filers gave the label several concepts: the section it is printed in chooses
    return (_lookup_words(tax, label, statement, period_type, excluded)
            or _lookup_change(tax, texts[-1], statement, excluded)
            or _lookup_near(tax, label, statement, period_type, excluded))


_CHANGE_IN = re.compile(r"^(?:net )?(?:increase decrease|decrease increase|increase|decrease|changes?) in (.+)$")


def _lookup_change(tax: Taxonomy, text: str, statement: str, excluded: frozenset[str]) -> Rule | None:
    """A cash-flow line naming its direction before the item ("Increase in accrued expenses"):
    the change filers print as the bare item ("Accrued expenses"), when that is a change concept."""
    m = _CHANGE_IN.match(text) if statement == "cashflow" else None
    entry = tax.labelmap.get(statement, {}).get(m.group(1)) if m else None
    if entry is None or not entry[0].startswith("IncreaseDecrease") or entry[0] in excluded:
        return None
    name, share, lines, _ = entry
    return Rule.naming(name, f"label map: {share:.0%} of {lines} filers' lines {m.group(1)!r}, with its direction")


def _lookup_words(tax: Taxonomy, label: str, statement: str, period_type: str, excluded: frozenset[str]) -> Rule | None:
    """The label map by words: the same words as filers' lines in another order or number
    ("Purchases of stock for treasury", "Dividends paid to share owners", "(note 7)" left out)."""
    key = word_key(label)
    entry = tax.labelmap_words.get(statement, {}).get(key) if key else None
    if entry is None:
        return None
    name, share, lines, negated = entry
    if name in excluded or tax.concepts[name].period_type != period_type:
        return None
    return Rule.naming(name, f"label map by words: {share:.0%} of {lines} filers' lines of the words {key!r}", bool(negated))


def _lookup_near(tax: Taxonomy, label: str, statement: str, period_type: str,
                 excluded: frozenset[str]) -> Rule | None:
    """The concept filers' lines of nearly the same words took ("Equity in income of affiliated
    company" beside "Equity in income of affiliates"), by their vote (near.py)."""
    vote = nearest(statement, word_key(label))
    if vote is None or vote.name not in tax.concepts or vote.name in excluded \
            or tax.concepts[vote.name].period_type != period_type:
        return None
    return Rule.naming(vote.name, f"label map by near words: {vote.share:.0%} of {vote.lines:.0f} "
                                  f"filers' lines of words like {word_key(label)!r}", vote.negated)


def explain(tax: Taxonomy, label: str, context: str, statement: str, period_type: str) -> list[str]:
    """Every candidate for a row, in the order they are tried: each rule that fits its words
    (with whether its concepts take the row's period type) and the label map's entry."""
    out = []
    texts = candidates(label, context)
    own = texts[-1]
    for rule in tax.rules_for(statement):
        if not _heading_fits(rule, context) or not any(_names(rule, t) for t in texts):
            continue
        out.append(rule.origin + (" - its words exclude this label" if _kept_out(rule, own, label) else
                                  "" if _takes(tax, rule, period_type) else f" - not a {period_type} concept"))
    for text in texts:
        entry = tax.labelmap.get(statement, {}).get(text)
        if entry is not None:
            name, share, lines, _ = entry
            out.append(f"label map: {name}, {share:.0%} of {lines} filers' lines {text!r}")
        several = tax.sections.get(statement, {}).get(text)
        if several is not None:
            lines, choices, _ = several
            out.append(f"label map by section ({lines} filers' lines {text!r}): "
                       + ", ".join(f"{name} {n}" for name, n, _ in choices[:5]))
    vote = nearest(statement, word_key(label))
    if vote is not None:
        out.append(f"label map by near words: {vote.name}, {vote.share:.0%} of {vote.lines:.0f} filers' lines")
    return out
