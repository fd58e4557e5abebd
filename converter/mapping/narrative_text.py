"""The words of running text: amounts and counts found in a sentence (mentions), the words before
them, clause bounds, the metric a phrase names, and the companies a text names (another
company's amounts are not the registrant's, a subsidiary's may be)."""
from __future__ import annotations

import re
from decimal import Decimal

from converter.dates import FULL_DATE
from converter.companies import same_company
from converter.mapping.extension import ExtensionSet
from converter.mapping.labels import match
from converter.mapping.period_phrases import Phrase
from converter.mapping.taxonomy import Taxonomy
from converter.model import Concept, Sentence
from converter.mapping.narrative_rules import DIGIT, MONETARY, MONEY, NUMBER, SCALES, WORDS, Mention, Rules, rules

_PREPOSITION = re.compile(r"(?:\b(?:for|in|during|of|at|as\s+of|on|through)\s+)?(?:the\s+)?$", re.I)


def excerpt(text: str, m: Mention, width: int = 70) -> str:
    start = max(0, m.start - width)
    return ("..." if start else "") + text[start:m.end] + ("..." if m.end < len(text) else "")


def mentions(text: str) -> list[Mention]:
    """Amounts, per-share amounts and counts in a sentence (percentages and bare numbers are not)."""
    found: list[Mention] = []
    if not DIGIT.search(text):
        return found
    for m in MONEY.finditer(text) if "$" in text else ():
        num = m.group("num").replace(",", "")
        scale = SCALES.get((m.group("scale") or m.group("scale2") or "").lower(), 0)
        value = Decimal(num).scaleb(scale)
        frac = len(num.partition(".")[2])
        negative = bool(m.group("open") and m.group("close"))
        end = m.end() if negative or m.group("scale2") else m.end("scale") if m.group("scale") else m.end("num")
        per = rules().per_share_tail.match(text, end)
        if per:
            kind = " ".join((per.group("kind") or "").lower().split())
            found.append(Mention(m.start(), per.end(), text[m.start():per.end()], -value if negative else value,
                                 frac, "per_share", negative=negative, detail=kind))
        else:
            found.append(Mention(m.start(), end, text[m.start():end], -value if negative else value, frac - scale,
                                 "money", negative=negative))
    R = rules()
    lower = text.lower()
    if not any(noun in lower for noun in R.nouns):  # substring tests first: a regex per sentence costs more
        return sorted(found, key=lambda f: f.start)
    count_tail = R.count_tail
    for m in NUMBER.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        tail = count_tail.match(text, m.end())  # (from there: no copy of the sentence's rest)
        if tail and not set(tail.group(1).split()) & rules().not_in_count:
            value = Decimal(m.group("num").replace(",", ""))
            found.append(Mention(m.start(), tail.end(), text[m.start():tail.end()], value, 0,
                                 "count", detail=tail.group(1)))
    return sorted(found, key=lambda f: f.start)


def words_of(text: str) -> list[str]:
    return WORDS.findall(text.lower().replace("\u2019", "'"))


def blank_phrases(text: str, phrases: list[Phrase], offset: int) -> str:
    """The text with the period phrases in it taken out."""
    for p in sorted(phrases, key=lambda p: -p.start):
        head = _PREPOSITION.sub("", text[:p.start - offset])
        text = head + " " + text[p.end - offset:]
    return text


def ends_with(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    """The phrase of the list (indexed by last word) that the words end with."""
    if not words:
        return None
    return next((p for p in phrases.get(words[-1], ()) if tuple(words[-len(p):]) == p), None)


def strip_words(words: list[str], phrases) -> bool:
    p = ends_with(words, phrases)
    if p:
        del words[-len(p):]
    return bool(p)


def metric_of(lead: list[str], R: Rules, tax: Taxonomy, ext: ExtensionSet) -> tuple[str, Concept, int] | None:
    """The metric phrase the words end with, its concept and sign."""
    tail = tuple(lead[-4:])
    for words, label, statement, sign in R.metrics:
        if tail[-len(words):] == words:
            rule = match(tax, label, "", statement, "instant" if statement == "balance" else "duration")
            return (" ".join(words), tax.concept(rule.names[0]), sign) if rule is not None else None
    for words, name, label in R.events:
        if tail[-len(words):] == words:
            return " ".join(words), ext.get(name, MONETARY, "instant", label), 1
    return None


def position_of(text: str, phrase: str, start: int, end: int) -> int:
    found = [m.start() for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b",
                                             text[start:end], re.I)]
    return start + found[-1] if found else start


def clause_bounds(text: str, R: Rules) -> list[tuple[int, int]]:
    cuts = [0]
    for m in R.clauses.finditer(text):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(text) + 1)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def related_companies(sentences: tuple[Sentence, ...], registrant: str) -> dict[str, str]:
    """Short name -> full name of the companies the text calls a subsidiary or an acquisition."""
    names: dict[str, str] = {}
    for s in sentences:
        if "Inc" not in s.text and "Co" not in s.text and "Ltd" not in s.text and "LLC" not in s.text:
            continue  # (the pattern needs one of them: most sentences name no company)
        for m in rules().company.finditer(s.text):
            full = m.group(0)
            short = m.group(1).split()[0]
            if not same_company(full, registrant) and short.lower() not in rules().generic_names:
                names.setdefault(short, full)
    if not names:
        return {}
    relating = [s.text for s in sentences if rules().related.search(s.text)]  # sentences that say how a company is related
    return {short: full for short, full in names.items()
            if any(re.search(rf"\b{re.escape(short)}\b", text) for text in relating)}


def company_of(text: str, reg_words: frozenset[str], related: dict[str, str]) -> str | None:
    """Whose number: "" for the registrant, a related company's full name, None when another name stands there."""
    company = ""
    tokens = re.findall(r"[A-Za-z][\w'-]*", FULL_DATE.sub(" ", text))
    metric_words, plain = rules().metric_words, rules().plain_capitals
    for tok in tokens:
        if not tok[0].isupper():
            continue
        bare = re.sub(r"'s$", "", tok)
        if bare.lower() in reg_words or bare.lower() in plain or bare.lower() in metric_words:
            continue
        if bare in related:
            company = related[bare]
            continue
        return None
    return company


