"""The bundled concept list, calculation relations and label rules, loaded once per process."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field

from converter.model import Concept
from converter.resources import load_toml, taxonomy_dir
from converter.rule_files import check_rule_file


@dataclass(frozen=True)
class Rule:
    names: tuple[str, ...]
    labels: frozenset[str]
    pattern: re.Pattern | None
    statements: frozenset[str]
    context: re.Pattern | None
    negate: bool
    at: str | None
    magnitude: bool = False
    unless: re.Pattern | None = None  # the row's own label names a part, not the whole ("extraordinary loss")
    sources: tuple[str, ...] = ()  # the patterns as written, joined into `pattern`
    unless_printed: re.Pattern | None = None  # the same, searched in the label as printed: "Income tax (benefit)"
    needs_member: bool = False  # only for a row of a component's section of an equity statement
    origin: str = ""  # why it names the row, for the report: the rule's place, the label map's counts, the arithmetic

    @classmethod
    def naming(cls, name: str, origin: str, negate: bool = False, at: str | None = None) -> "Rule":
        """A rule for one row, found by evidence (the label map, the table's arithmetic) rather
        than written in concepts.toml."""
        return cls((name,), frozenset(), None, frozenset(), None, negate, at, origin=origin)


# Numbers printed in a label, each perhaps with its year: "11,284 in 1999 and 11,684 in 1998"
_ITEM = r"\d{1,3}(?:,\d{3})+(?:\s+(?:common\s+)?shares)?(?:\s+(?:in|at)\s+(?:19|20)\d\d)?"
NUMBER_LIST = rf"({_ITEM}(?:\s*(?:,\s*and|,|;|and)\s*{_ITEM})*)"
ITEM = re.compile(r"(\d{1,3}(?:,\d{3})+)(?:\s+(?:common\s+)?shares)?(?:\s+(?:in|at)\s+((?:19|20)\d\d))?", re.I)


@dataclass(frozen=True)
class ParentheticalRule:
    row: frozenset[str]
    name: str
    unit: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class TotalRule:
    name: str
    statements: frozenset[str]
    contains: frozenset[str]
    excludes: frozenset[str]
    outermost: bool = False
    requires: frozenset[str] = frozenset()
    labelled: bool = False  # also a total whose printed words name no concept
    closes: str = ""  # the balance the total carries from the first line of it to the last


_LOSS_FIRST = re.compile(r"\blosse?s?\s*\((?:income|earnings|gains?|profits?)\)", re.I)


@dataclass(frozen=True)
class Taxonomy:
    concepts: dict[str, Concept]  # by local name, us-gaap and dei
    signed: frozenset[str]
    calculations: dict[str, tuple[tuple[str, float], ...]]
    rules: tuple[Rule, ...]
    parentheticals: tuple[ParentheticalRule, ...]
    totals: tuple[TotalRule, ...] = ()
    differences: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = ()  # minuends in order of preference
    standard_names: frozenset[str] = frozenset()
    labelmap: dict = field(default_factory=dict)  # statement -> normalised label -> (concept, share, lines, negated)
    labelmap_words: dict = field(default_factory=dict)  # statement -> word_key of the label -> the same
    # statement -> normalised label -> (lines, ((concept, lines, negated), ...), {class: lines without a 2024 name})
    sections: dict = field(default_factory=dict)
    ancestors: dict = field(default_factory=dict)  # concept -> frozenset of its US-GAAP calculation ancestors
    direct_method: frozenset = frozenset()  # operating cash flows of the direct method only
    cash_weights: dict = field(default_factory=dict)  # concept -> its weight in its cash-flow section's total
    loss_words: tuple[re.Pattern, re.Pattern] | None = None  # a label that names a loss only, and the words that undo it
    expense_first: re.Pattern | None = None  # "Other (income) expense": a positive number is the expense (signs.toml)
    # (net, gross or "" when no concept names it, deductions, deduction words): concepts.toml [[net_of]]
    net_of: tuple[tuple[str, str, frozenset[str], re.Pattern | None], ...] = ()
    unclassified: dict = field(default_factory=dict)  # a current or noncurrent concept -> the whole's (concepts.toml)
    # (title pattern, {concept -> the concept a statement of that title prints instead}): a
    # partnership's equity is partners' capital (concepts.toml [[by_title]])
    by_title: tuple = ()
    # (heading pattern, concept-name pattern): a line under such a heading takes only a concept
    # of that kind (concepts.toml [[apart]]: discontinued operations, cumulative effects)
    apart: tuple = ()
    negative_printed: dict = field(default_factory=dict)  # a payment concept -> its net one (concepts.toml)
    _by_statement: dict = field(default_factory=dict, repr=False, compare=False)  # memo of rules_for
    _screens: dict = field(default_factory=dict, repr=False, compare=False)  # memo of screen_for
    # memo of labels.match and labels.lookup: a filing asks of the same label in several tables,
    # a batch of filings of the same lines many times over (their answers depend on the words only)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def concept(self, name: str) -> Concept:
        return self.concepts[name]

    @staticmethod
    def loss_first(label: str) -> bool:
        """'Net loss (income)', 'Loss (gain) on sale': the loss named first, its opposite in
        parentheses: a positive number is the loss, a negative one the income."""
        return bool(_LOSS_FIRST.search(label))

    def names_expense_first(self, label: str) -> bool:
        """'Other (income) expense', 'Interest expense (income)': the expense named first, its
        opposite in parentheses: a positive number is the expense (signs.toml [expense_first])."""
        return self.expense_first is not None and bool(self.expense_first.search(label))

    def names_a_loss(self, label: str) -> bool:
        """A label that names a loss and nothing else: its positive number is a loss (signs.toml)."""
        if self.loss_words is None:
            return False
        loss, undo = self.loss_words
        # "(loss) per share", "Net (loss)": a loss in parentheses is the other half of "earnings
        # (loss)" (a label broken over lines): the row prints its own sign
        bare = re.sub(r"\(\s*loss(?:es)?\s*\)", " ", label, flags=re.I)
        return bool(loss.search(bare)) and not undo.search(label)

    def rules_for(self, statement: str, excluded: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
        """The rules that apply to one kind of statement, in their order, without those naming an
        excluded concept (another industry's: mapping/dialects.py)."""
        key = (statement, excluded)
        rules = self._by_statement.get(key)
        if rules is None:
            rules = self._by_statement[key] = tuple(
                r for r in self.rules if (not r.statements or statement in r.statements) and not excluded & set(r.names))
        return rules

    def screen_for(self, statement: str, excluded: frozenset[str] = frozenset()
                   ) -> tuple[frozenset[str], re.Pattern | None, re.Pattern | None]:
        """Every label of the statement's rules, their patterns anchored at the start joined into
        one (tried at the start only) and the others joined into another: a text none of the
        three names can match no rule, so the rules need not be tried one by one."""
        screen = self._screens.get((statement, excluded))
        if screen is None:
            rules = self.rules_for(statement, excluded)
            pats = [p for r in rules for p in r.sources]
            anchored = [p[1:] for p in pats if _anchored(p)]
            floating = [p for p in pats if not _anchored(p)]
            screen = self._screens[(statement, excluded)] = (
                frozenset().union(*(r.labels for r in rules)),
                re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None,
                re.compile("|".join(f"(?:{p})" for p in floating)) if floating else None)
        return screen


def _anchored(pattern: str) -> bool:
    """Whether every match of a pattern starts at the beginning: '^' first and no alternative
    outside parentheses that could start elsewhere."""
    if not pattern.startswith("^"):
        return False
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class: its "|" and parentheses are literal
            i = pattern.index("]", i + 2) + 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            return False
        i += 1
    return True


@functools.cache
def load_taxonomy() -> Taxonomy:
    root = taxonomy_dir()
    data = json.loads((root / "concepts.json").read_text())
    concepts: dict[str, Concept] = {}
    signed = set()
    for prefix, ns in data["namespaces"].items():
        for name, a in data[prefix].items():
            concepts[name] = Concept(name, prefix, ns, a["type"], a["periodType"], a.get("balance"), a["label"])
            if a.get("signed"):
                signed.add(name)
    calcs = {p: tuple((c, w) for c, w in kids)
             for p, kids in json.loads((root / "calculations.json").read_text()).items()}
    raw = check_rule_file("concepts.toml")
    rules = []
    for number, r in enumerate(raw["rule"], start=1):
        pats = r.get("patterns", [])
        rules.append(Rule(
            names=tuple(r.get("names", [r.get("name")])),
            labels=frozenset(r.get("labels", [])),
            pattern=re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None,
            statements=frozenset(r.get("statements", [])),
            context=re.compile(r["context"], re.I) if r.get("context") else None,
            negate=bool(r.get("negate")),
            at=r.get("at"),
            magnitude=bool(r.get("magnitude")),
            unless=re.compile(r["unless"]) if r.get("unless") else None,
            sources=tuple(pats),
            unless_printed=re.compile(r["unless_printed"], re.I) if r.get("unless_printed") else None,
            needs_member=bool(r.get("needs_member")),
            origin=f"concepts.toml rule {number} ({'/'.join(r.get('names', [r.get('name')]))})",
        ))
    parens = tuple(
        ParentheticalRule(frozenset(p["row"]), p["name"], p["unit"],
                          tuple(re.compile(x.replace("{list}", NUMBER_LIST), re.I) for x in p["patterns"]))
        for p in raw.get("parenthetical", [])
    )
    totals = tuple(TotalRule(t["name"], frozenset(t.get("statements", [])), frozenset(t.get("contains", [])),
                             frozenset(t.get("excludes", [])), bool(t.get("outermost")),
                             frozenset(t.get("requires", [])), bool(t.get("labelled")), t.get("closes", ""))
                   for t in raw.get("total", []))
    signs = load_toml("signs.toml")
    differences = tuple((d["name"], tuple(d["minuend"]), frozenset(d["subtrahend"]))
                        for d in signs.get("difference", []))
    expense_first = re.compile(signs["expense_first"]["pattern"], re.I) if "expense_first" in signs else None
    words = signs.get("loss_words")
    loss_words = (re.compile(words["loss"], re.I), re.compile(words["not"], re.I)) if words else None
    names = frozenset(line.strip() for line in (root / "standard-names.txt").read_text().splitlines()
                      if line.strip() and not line.startswith("#"))
    labelmap_path = root / "labelmap.json"
    raw_map = json.loads(labelmap_path.read_text()) if labelmap_path.exists() else {}
    labelmap = {k: {label: tuple(e) for label, e in raw_map.get(k, {}).items() if e[0] in concepts}
                for k in ("balance", "income", "cashflow", "equity")}
    labelmap_words = {k: {key: tuple(e) for key, e in raw_map.get("words", {}).get(k, {}).items() if e[0] in concepts}
                      for k in ("balance", "income", "cashflow", "equity")}
    net_of = tuple((n["net"], n.get("gross", ""), frozenset(n.get("less", ())),
                    re.compile(n["less_words"]) if n.get("less_words") else None) for n in raw.get("net_of", []))
    sections_path = root / "sections.json"
    raw_sections = json.loads(sections_path.read_text()) if sections_path.exists() else {}
    sections = {k: {label: (lines, tuple(tuple(c) for c in choices if c[0] in concepts), unplaced)
                    for label, (lines, choices, unplaced) in raw_sections.get(k, {}).items()}
                for k in ("balance", "income", "cashflow", "equity")}
    ancestors = {n: frozenset(up) for n, up in raw_sections.get("ancestors", {}).items()}
    return Taxonomy(concepts, frozenset(signed), calcs, tuple(rules), parens, totals, differences, names, labelmap,
                    labelmap_words=labelmap_words, loss_words=loss_words, expense_first=expense_first, net_of=net_of, sections=sections, ancestors=ancestors,
                    direct_method=frozenset(raw_sections.get("direct_method", ())),
                    unclassified={k: v for k, v in raw.get("unclassified", {}).items() if v in concepts},
                    negative_printed={k: v for k, v in raw.get("negative_printed", {}).items() if v in concepts},
                    apart=tuple((re.compile(a["heading"], re.I), re.compile(a["concepts"]))
                                for a in raw.get("apart", [])),
                    by_title=tuple((re.compile(b["title"], re.I),
                                    {k: v for k, v in b["instead"].items() if v in concepts})
                                   for b in raw.get("by_title", [])),
                    cash_weights=raw_sections.get("cash_weights", {}))
