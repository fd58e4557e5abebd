"""One sentence of running text read for facts: each amount's metric (the words before it, cut
at the clause), its period (the phrases of the sentence, resolved by the fiscal year), its
company and its precision, or the reason it is left out (forward-looking, a bound, a change)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter.mapping.extension import ExtensionSet, camel
from converter.mapping.labels import match
from converter.mapping.period_phrases import Phrase, find_phrases, resolve
from converter.mapping.taxonomy import Taxonomy
from converter.model import Fact, Period, Sentence
from converter.mapping.narrative_rules import COUNT, Mention, Rules, rules
from converter.mapping.narrative_text import (
    blank_phrases, clause_bounds, company_of, ends_with, metric_of, position_of, strip_words, words_of, mentions,
)

MAY_DAY = re.compile(r"\bmay\s+\d", re.I)
_SEGMENT_END = re.compile(r"[,;]|\.(?:\s|$)")
_APPOSITIVE = re.compile(r"\s*(?:including|includ(?:es|ed)|which|who|of\s+which|that\s+is)\b", re.I)
# "$1,574,000 in sales reported by NRTC": the words after an amount say what it measures
_QUALIFIER = re.compile(r"\s+(?:in|of|from)\s+((?:the\s+)?)([a-z][\w-]*)", re.I)
_AFTER = re.compile(r"\s*,?\s*(?:in|for|during|at|as\s+of|on|through)?\s*(?:the\s+)?")
_OPENING = re.compile(r"\W*(?:(?:in|during|for|at|as\s+of|on)\s+)?(?:the\s+)?", re.I)


@dataclass(frozen=True)
class Setting:
    """What every sentence of one filing is read against."""

    tax: Taxonomy
    ext: ExtensionSet
    registrant: frozenset[str]  # the words of the registrant's name, lower case
    related: dict  # short name -> full name of subsidiaries and acquired companies
    fye: tuple[int, int] | None  # fiscal year end (month, day)
    release_date: object  # a press release's date, else None
    reference: object  # the latest date a stated period may end
    printed: frozenset  # the periods the tables print


@dataclass
class Candidate:
    fact: Fact
    mention: Mention
    line: int


def read_sentence(s: Sentence, cfg: Setting):
    """(mention, (concept, period, company or "") or the reason it is left out) for each amount."""
    text = s.text
    found = mentions(text)
    if not found:
        return []
    if text[:1].islower() and text.split()[0].islower():  # begun on an earlier page or above a table
        return [(m, "the sentence begins elsewhere (its subject is not in it)") for m in found]
    R = rules()
    if not R.concept_words.intersection(words_of(text)):  # the common case in a report: no concept named
        return [(m, "no concept named in its sentence") for m in found]
    phrases = find_phrases(text)
    bounds = clause_bounds(text, R)
    out = []
    previous: dict[int, tuple[Mention, object]] = {}  # clause -> its last mention and what it became
    for m in found:
        clause = next(i for i, (a, b) in enumerate(bounds) if a <= m.start < b or i == len(bounds) - 1)
        start = max(bounds[clause][0], previous[clause][0].end if clause in previous else 0)
        if _forward(text, m, bounds[clause], R):
            result = "forward-looking or conditional"
        else:
            result = _read_mention(text, m, start, bounds[clause], phrases, cfg, previous.get(clause), found)
        previous[clause] = (m, result)
        out.append((m, result))
    return out


def _forward(text: str, m: Mention, clause_span, R: Rules) -> bool:
    """Whether the words around the amount (back to the last comma, on to the next) look ahead."""
    before = text[clause_span[0]:m.start]
    segment = before[max(before.rfind(","), before.rfind(";")) + 1:]
    if not _APPOSITIVE.match(segment):
        segment = before  # the amount continues its clause: all of it counts
    end = _SEGMENT_END.search(text, m.end)  # (from there: no copy of the sentence's rest)
    after = text[m.end:end.start()] if end else text[m.end:]
    words = words_of(MAY_DAY.sub(" ", f"{segment} {after}"))  # "May 31" is a date, "may" a hope
    if R.forward_words.intersection(words):
        return True
    joined = f" {' '.join(words)} "
    return any(p in joined for p in R.forward_phrases)


def _read_mention(text: str, m: Mention, start: int, clause_span, phrases: list[Phrase], cfg: Setting, before,
                  others: list[Mention]):
    """(concept, period, company, value, decimals), a list of them, or the reason to leave m out."""
    R = rules()
    lead_text = text[start:m.start]
    lead = words_of(blank_phrases(lead_text, [p for p in phrases if start <= p.start and p.end <= m.start], start))
    if m.kind == "per_share":
        return _per_share(m, lead, before, cfg.tax)
    approx = strip_words(lead, R.words["approximate"])
    if ends_with(lead, R.words["bounds"]):
        return "a bound, not an amount"
    strip_words(lead, R.words["linking"])
    approx = strip_words(lead, R.words["approximate"]) or approx
    if m.kind == "count":
        if not ends_with(lead, R.words["count_lead"]):
            return "a count that no verb states (" + (repr(" ".join(lead[-3:])) if lead else "no words before it") + ")"
        concept = cfg.ext.get(f"NumberOf{camel(m.detail)}", COUNT, "instant", f"Number of {m.detail}")
        metric_at, sign, company = m.start, 1, company_of(text[clause_span[0]:m.start], cfg.registrant, cfg.related)
    else:
        if ends_with(lead, R.words["changes"]):
            return "a change, not a level"
        hit = metric_of(lead, R, cfg.tax, cfg.ext)
        if hit is None:
            return "no concept for " + (repr(" ".join(lead[-4:])) if lead else "an amount without words before it")
        phrase, concept, sign = hit
        del lead[len(lead) - len(phrase.split()):]
        if lead and not ends_with(lead, R.words["lead"]):
            return f"{lead[-1]!r} qualifies {phrase!r}: another number than the statement's"
        metric_at = position_of(text, phrase, start, m.start)
        company = company_of(text[clause_span[0]:metric_at], cfg.registrant, cfg.related)
    if company is None:
        return "it is not clear whose number it is"
    tail = _QUALIFIER.match(text, m.end)
    if tail and not any(p.start in (tail.start(1), tail.start(2)) for p in phrases):
        return f"{tail.group(0).strip()!r} after it says it is a part of {concept.label or concept.name}"
    period = _period(text, m, metric_at, clause_span, phrases, concept.period_type, cfg, others)
    if isinstance(period, str):
        return period
    value = -abs(m.value) if sign < 0 else m.value
    decimals = m.decimals
    if approx and decimals <= 0:
        digits = str(abs(int(value)))
        decimals = min(decimals, -(len(digits) - len(digits.rstrip("0")))) if int(value) else decimals
    return concept, period, company, value, decimals


def _per_share(m: Mention, lead: list[str], before, tax: Taxonomy):
    """"..., or $0.05 per fully diluted share": the earnings per share of the amount before it."""
    if lead not in (["or"], ["and"], []) or before is None:
        return "a per-share amount that follows no net income or loss"
    if isinstance(before[1], str):
        return f"the amount it is per share of was left out ({before[1]})"
    concept, period, company, value, _ = before[1]
    if concept.name != "NetIncomeLoss":
        return "a per-share amount that follows no net income or loss"
    R = rules()
    kind = next((k for k, words in R.per_share.items() if m.detail in words), None)
    if kind is None:
        return "per share, basic or diluted not stated"
    label = {"diluted": "diluted earnings per share", "basic": "basic earnings per share",
             "both": "basic and diluted earnings per share"}[kind]
    rule = match(tax, label, "", "income", "duration")
    if rule is None:
        return "no concept for earnings per share"
    amount = -abs(m.value) if value < 0 else m.value
    return [(tax.concept(n), period, company, amount, m.decimals) for n in rule.names]


def _as_printed(period: Period, printed: frozenset) -> Period | None:
    """A quarter or year computed from the fiscal year end, as the tables date it: a 52/53-week
    calendar ends a few days off the month end. None when the tables print a period close to it
    but of another length or end (then the computed one is not the filer's)."""
    if not printed or period in printed:
        return period
    near = [p for p in printed if p.start is not None and abs((p.end - period.end).days) <= 6
            and abs((p.start - period.start).days) <= 6]
    return near[0] if len(near) == 1 else period


def _period(text: str, m: Mention, metric_at: int, clause_span, phrases: list[Phrase], period_type: str,
            cfg: Setting, others: list[Mention]) -> Period | str:
    a, b = clause_span
    between = [p for p in phrases if metric_at <= p.start and p.end <= m.start]
    after_m = _AFTER.match(text, m.end)
    after = [p for p in phrases if p.start == after_m.end() and p.end <= b]
    amounts = [o for o in others if o.kind != "per_share" and o is not m]
    # a phrase before the metric dates it when no other amount of the clause comes first; one
    # opening the clause ("During the first quarter of fiscal 2004, ...") dates all its amounts
    first = not any(a <= o.start < metric_at for o in amounts)
    earlier = [p for p in phrases if first and a <= p.start and p.end <= metric_at]
    nxt = next((o for o in amounts if o.start > m.start), None)
    later = [p for p in phrases if p.start >= m.end and p.end <= b and (nxt is None or p.end <= nxt.start)]
    opening = [p for p in phrases if a <= p.start < metric_at and _OPENING.fullmatch(text[a:p.start])
               and text[p.end:p.end + 2].startswith(",")]
    for tier in (between, after, earlier, later, opening):
        if len(tier) > 1:
            return "several periods in its clause: " + ", ".join(repr(p.text) for p in tier)
        if tier:
            if any(0 <= p.start - tier[0].end <= 6 for p in phrases):
                return f"the period {tier[0].text!r} is followed by another one"
            period = resolve(tier[0], cfg.fye, cfg.release_date)
            if period is None:
                return f"the period {tier[0].text!r} cannot be dated (no year, or no fiscal year end)"
            if tier[0].kind in ("quarter", "fiscal-year"):
                period = _as_printed(period, cfg.printed)
                if period is None:
                    return f"the period {tier[0].text!r} is not one the tables print"
            if period.is_instant != (period_type == "instant"):
                return f"the period {tier[0].text!r} does not fit a{'n instant' if period_type == 'instant' else ' duration'}"
            if cfg.reference is not None and period.end > cfg.reference:
                return f"the period {tier[0].text!r} has not ended by the document's date"
            return period
    if period_type == "instant" and cfg.release_date is not None and not phrases:
        return Period(cfg.release_date)  # a press release states a present amount as of its date
    return "no period stated"


