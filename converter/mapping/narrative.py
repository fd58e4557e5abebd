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
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from converter.dates import FULL_DATE
from converter.companies import same_company
from converter.mapping.extension import ExtensionSet, camel
from converter.mapping.contexts import ContextSet
from converter.mapping.labels import match
from converter.mapping.period_phrases import Phrase, find_phrases, fiscal_year_end_in, resolve
from converter.mapping.taxonomy import Taxonomy
from converter.model import Concept, Entity, Fact, Period, Sentence, SourceRef, Unmapped
from converter.resources import load_toml
from converter.rounding import half_unit

MONETARY, PER_SHARE, COUNT = "xbrli:monetaryItemType", "dtr-types:perShareItemType", "xbrli:integerItemType"
_SCALES = {"thousand": 3, "million": 6, "billion": 9}
MONEY = re.compile(r"(?P<open>\(\s*)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
                   r"(?:\s+(?P<scale>thousand|million|billion)\b)?(?P<close>\s*\))?"
                   r"(?:(?<=\))\s+(?P<scale2>thousand|million|billion)\b)?")  # "($14) million"
NUMBER = re.compile(r"(?<![\w$.,/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|\s*%|\s+percent)")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*%?|%")


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


@dataclass
class Narrative:
    facts: list[Fact] = field(default_factory=list)
    left_out: list[Unmapped] = field(default_factory=list)  # amounts found and not taken, with the reason
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Setting:
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
class _Candidate:
    fact: Fact
    mention: Mention
    line: int


def narrative_facts(sentences: tuple[Sentence, ...], tax: Taxonomy, contexts: ContextSet, ext: ExtensionSet,
                    registrant: str, table_facts: list[Fact], release_date, fiscal_year_end: tuple[int, int] | None,
                    entity_named: Callable[[str], Entity], reference=None,
                    table_numbers: tuple[tuple[Decimal, int], ...] = ()) -> Narrative:
    """release_date: a press release's date (its present amounts are as of it); reference: the
    latest date a stated period may end (the release date or the report's period end)."""
    out = Narrative()
    # a subsidiary's or acquired company's amounts are taken from press releases only: a report
    # speaks of many companies by short names that cannot be told apart reliably
    related = _related_companies(sentences, registrant) if release_date is not None else {}
    cfg = _Setting(tax, ext, frozenset(w.lower().removesuffix("'s") for w in re.findall(r"[A-Za-z][\w'-]*", registrant)),
                   related,
                   fiscal_year_end or fiscal_year_end_in([s.text for s in sentences]), release_date,
                   reference or release_date, frozenset(f.context.period for f in table_facts))
    printed = {}  # magnitude -> a table fact printing it: a left-out amount the tables state says so
    for f in table_facts:
        if isinstance(f.value, Decimal):
            printed.setdefault(abs(f.value), f)
    candidates: list[_Candidate] = []
    for s in sentences:
        for mention, found in _read_sentence(s, cfg):
            line = s.line_at(mention.start)
            if isinstance(found, str):
                same = printed.get(abs(mention.value))
                reason = f"stated in the table at line {_line(same)}" if same is not None and mention.kind != "count" \
                    else f"{found}: {_excerpt(s.text, mention)}"
                out.left_out.append(Unmapped(line, mention.text, reason))
                continue
            for concept, period, company, value, decimals in (found if isinstance(found, list) else [found]):
                ctx = contexts.context(period, entity_named(company) if company else None, register=False)
                fact = Fact(concept, ctx, value, contexts.unit_for(concept.type, register=False), decimals,
                            SourceRef(line, 0, mention.text), _excerpt(s.text, mention), -1, "narrative")
                candidates.append(_Candidate(fact, mention, line))
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


def _keep(candidates: list[_Candidate], table_facts: list[Fact], numbers: _Numbers, out: Narrative) -> None:
    """Leave out what the tables state (or contradict) and what the text states twice differently."""
    by_key = {(f.concept.qname, f.context.id): f for f in table_facts}
    by_period: dict[tuple, list[Fact]] = {}
    for f in table_facts:
        if isinstance(f.value, Decimal):
            by_period.setdefault((f.context.entity, f.context.period), []).append(f)
    groups: dict[tuple[str, str], list[_Candidate]] = {}
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


def _excerpt(text: str, m: Mention, width: int = 70) -> str:
    start = max(0, m.start - width)
    return ("..." if start else "") + text[start:m.end] + ("..." if m.end < len(text) else "")


# ---------------------------------------------------------------- one sentence


def mentions(text: str) -> list[Mention]:
    """Amounts, per-share amounts and counts in a sentence (percentages and bare numbers are not)."""
    found: list[Mention] = []
    if not _DIGIT.search(text):
        return found
    for m in MONEY.finditer(text) if "$" in text else ():
        num = m.group("num").replace(",", "")
        scale = _SCALES.get((m.group("scale") or m.group("scale2") or "").lower(), 0)
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


def _read_sentence(s: Sentence, cfg: _Setting):
    """(mention, (concept, period, company or "") or the reason it is left out) for each amount."""
    text = s.text
    found = mentions(text)
    if not found:
        return []
    if text[:1].islower() and text.split()[0].islower():  # begun on an earlier page or above a table
        return [(m, "the sentence begins elsewhere (its subject is not in it)") for m in found]
    R = rules()
    if not R.concept_words.intersection(_words(text)):  # the common case in a report: no concept named
        return [(m, "no concept named in its sentence") for m in found]
    phrases = find_phrases(text)
    bounds = _clause_bounds(text, R)
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


MAY_DAY = re.compile(r"\bmay\s+\d", re.I)
_SEGMENT_END = re.compile(r"[,;]|\.(?:\s|$)")
_APPOSITIVE = re.compile(r"\s*(?:including|includ(?:es|ed)|which|who|of\s+which|that\s+is)\b", re.I)


def _forward(text: str, m: Mention, clause_span, R: Rules) -> bool:
    """Whether the words around the amount (back to the last comma, on to the next) look ahead."""
    before = text[clause_span[0]:m.start]
    segment = before[max(before.rfind(","), before.rfind(";")) + 1:]
    if not _APPOSITIVE.match(segment):
        segment = before  # the amount continues its clause: all of it counts
    end = _SEGMENT_END.search(text, m.end)  # (from there: no copy of the sentence's rest)
    after = text[m.end:end.start()] if end else text[m.end:]
    words = _words(MAY_DAY.sub(" ", f"{segment} {after}"))  # "May 31" is a date, "may" a hope
    if R.forward_words.intersection(words):
        return True
    joined = f" {' '.join(words)} "
    return any(p in joined for p in R.forward_phrases)


def _read_mention(text: str, m: Mention, start: int, clause_span, phrases: list[Phrase], cfg: _Setting, before,
                  others: list[Mention]):
    """(concept, period, company, value, decimals), a list of them, or the reason to leave m out."""
    R = rules()
    lead_text = text[start:m.start]
    lead = _words(_blank(lead_text, [p for p in phrases if start <= p.start and p.end <= m.start], start))
    if m.kind == "per_share":
        return _per_share(m, lead, before, cfg.tax)
    approx = _strip(lead, R.words["approximate"])
    if _ends(lead, R.words["bounds"]):
        return "a bound, not an amount"
    _strip(lead, R.words["linking"])
    approx = _strip(lead, R.words["approximate"]) or approx
    if m.kind == "count":
        if not _ends(lead, R.words["count_lead"]):
            return "a count that no verb states (" + (repr(" ".join(lead[-3:])) if lead else "no words before it") + ")"
        concept = cfg.ext.get(f"NumberOf{camel(m.detail)}", COUNT, "instant", f"Number of {m.detail}")
        metric_at, sign, company = m.start, 1, _company(text[clause_span[0]:m.start], cfg.registrant, cfg.related)
    else:
        if _ends(lead, R.words["changes"]):
            return "a change, not a level"
        hit = _metric(lead, R, cfg.tax, cfg.ext)
        if hit is None:
            return "no concept for " + (repr(" ".join(lead[-4:])) if lead else "an amount without words before it")
        phrase, concept, sign = hit
        del lead[len(lead) - len(phrase.split()):]
        if lead and not _ends(lead, R.words["lead"]):
            return f"{lead[-1]!r} qualifies {phrase!r}: another number than the statement's"
        metric_at = _position_of(text, phrase, start, m.start)
        company = _company(text[clause_span[0]:metric_at], cfg.registrant, cfg.related)
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


# "$1,574,000 in sales reported by NRTC": the words after an amount say what it measures
_QUALIFIER = re.compile(r"\s+(?:in|of|from)\s+((?:the\s+)?)([a-z][\w-]*)", re.I)
_AFTER = re.compile(r"\s*,?\s*(?:in|for|during|at|as\s+of|on|through)?\s*(?:the\s+)?")
_OPENING = re.compile(r"\W*(?:(?:in|during|for|at|as\s+of|on)\s+)?(?:the\s+)?", re.I)


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
            cfg: _Setting, others: list[Mention]) -> Period | str:
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


# ---------------------------------------------------------------- words


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower().replace("\u2019", "'"))


def _blank(text: str, phrases: list[Phrase], offset: int) -> str:
    """The text with the period phrases in it taken out."""
    for p in sorted(phrases, key=lambda p: -p.start):
        head = _PREPOSITION.sub("", text[:p.start - offset])
        text = head + " " + text[p.end - offset:]
    return text


_PREPOSITION = re.compile(r"(?:\b(?:for|in|during|of|at|as\s+of|on|through)\s+)?(?:the\s+)?$", re.I)


def _ends(words: list[str], phrases: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    """The phrase of the list (indexed by last word) that the words end with."""
    if not words:
        return None
    return next((p for p in phrases.get(words[-1], ()) if tuple(words[-len(p):]) == p), None)


def _strip(words: list[str], phrases) -> bool:
    p = _ends(words, phrases)
    if p:
        del words[-len(p):]
    return bool(p)


def _metric(lead: list[str], R: Rules, tax: Taxonomy, ext: ExtensionSet) -> tuple[str, Concept, int] | None:
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


def _position_of(text: str, phrase: str, start: int, end: int) -> int:
    found = [m.start() for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b",
                                             text[start:end], re.I)]
    return start + found[-1] if found else start


def _clause_bounds(text: str, R: Rules) -> list[tuple[int, int]]:
    cuts = [0]
    for m in R.clauses.finditer(text):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(text) + 1)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


# ---------------------------------------------------------------- companies


def _related_companies(sentences: tuple[Sentence, ...], registrant: str) -> dict[str, str]:
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


def _company(text: str, reg_words: frozenset[str], related: dict[str, str]) -> str | None:
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
