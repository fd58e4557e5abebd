#!/usr/bin/env python3
"""Generate taxonomy/labelmap.json: (statement, printed label) -> the US-GAAP 2024 concept real filers chose.

    python tools/gen_labelmap.py [--sources ../shared/labelmap-sources] [--taxonomy ../shared/taxonomy-sources]

Reads the SEC's Financial Statement Data Sets `pre` tables in place: every primary-statement line
(balance sheet, income statement, cash flows, equity; parenthetical lines left out) with a standard
us-gaap tag, its printed label normalised as the converter normalises labels, and whether the
filer showed it negated. Names deprecated by 2024 are translated to their replacements (the
FASB's deprecation arcs and taxonomy/replacements.toml); names without one are left out. A label is kept when at least
MIN_COUNT lines (MIN_COUNT_ONE_WORD for a one-word label) print it and one concept has at least MIN_SHARE of them; the entry records that
concept, its share, the count and whether the line is usually shown negated. The output is
committed; tools/gen_taxonomy.py then declares its concepts in the bundled subset.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from converter.mapping.labels import normalise, word_key  # noqa: E402
from fsds import deprecated_names, pre_rows  # noqa: E402

STMT = {"BS": "balance", "IS": "income", "CF": "cashflow", "EQ": "equity"}
TYPES = {"monetary", "perShare", "shares"}
MIN_COUNT, MIN_SHARE, MIN_COUNT_ONE_WORD = 5, 0.6, 20
MIN_COUNT_WORDS, MIN_SHARE_WORDS = 5, 0.8
MIN_CANDIDATE = 2  # lines a concept needs to be a candidate in sections.json
NEAR_MIN_LINES, NEAR_TOP = 2, 4
# a label no table names takes the concept its near neighbours' lines (words alike by at least
# `similarity`, weighted by rarity) chose, when `share` of their weight agrees and they weigh
# `lines` or more: below that it stays an extension concept. Per-share figures and share counts
# never: the era's words for them ("common and common equivalent shares": APB 15's primary,
# the basic figure of its day) meant another figure to the 2009-2010 filers
NEAR_VOTE = {"similarity": 0.75, "share": 0.85, "lines": 5, "declare": 3,
             "never": ["EarningsPerShare", "WeightedAverage", "IncomeLossFromContinuingOperationsPerBasic",
                       "IncomeLossFromContinuingOperationsPerDiluted", "IncomeLossFromDiscontinuedOperationsNetOfTaxPer"]}
XLINK = "{http://www.w3.org/1999/xlink}"


def replacements(src: Path) -> dict[str, str]:
    """Deprecated name -> its replacement, from the deprecation linkbase."""
    root = ET.parse(src / "us-gaap-depcon-def-2025.xml").getroot()
    out = {}
    for link in root:
        locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href", "").split("#us-gaap_")[-1]
                for loc in link if loc.tag.endswith("}loc")}
        for arc in link:
            if arc.tag.endswith("Arc") and arc.get(f"{XLINK}arcrole", "").endswith("dep-concept-deprecatedConcept"):
                out[locs[arc.get(f"{XLINK}to")]] = locs[arc.get(f"{XLINK}from")]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "labelmap-sources")
    ap.add_argument("--taxonomy", type=Path, default=ROOT.parent / "shared" / "taxonomy-sources")
    args = ap.parse_args(argv)
    deprecated = deprecated_names(args.taxonomy)
    replaced = {**tomllib.loads((ROOT / "taxonomy" / "replacements.toml").read_text())["replaced"],
                **replacements(args.taxonomy)}
    with open(args.taxonomy / "fsds-2010q1-tag.txt", encoding="latin-1", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["custom"] == "0" and r["abstract"] == "0"]
    tags = {r["tag"]: r["datatype"] for r in rows}
    balances = {r["tag"]: r["crdr"] for r in rows}
    # names added after 2010 (declared with their 2024 attributes in taxonomy/post2010.toml)
    tags.update({n: a["type"] for n, a in tomllib.loads((ROOT / "taxonomy" / "post2010.toml").read_text())["concept"].items()})

    def current(name: str) -> str | None:
        for _ in range(3):  # a replacement may itself have been replaced
            year = deprecated.get(name)
            if not year or int(str(year)[:4]) > 2024:
                return name if tags.get(name) in TYPES else None
            name = replaced.get(name, "")
            if not name:
                return None
        return None

    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    unplaced: dict[tuple[str, str], Counter] = defaultdict(Counter)  # lines without a 2024 name, by class
    negated: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    by_words: dict[tuple[str, str], Counter] = defaultdict(Counter)  # the same, by labels.word_key
    negated_words: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for r in pre_rows(args.sources):
        kind = STMT.get(r["stmt"])
        if kind is None or r["inpth"] not in ("0", "False", "false") or not r["version"].startswith("us-gaap/"):
            continue
        label = normalise(r["plabel"] or "")
        name = current(r["tag"])
        if not label:
            continue
        # a line whose tag has no 2024 name still counts against the label's share: "Deferred
        # income taxes" was a current asset as often as a noncurrent liability
        counts[(kind, label)][name or ""] += 1
        if (key := word_key(r["plabel"] or "")):
            by_words[(kind, key)][name or ""] += 1
            negated_words[(kind, key, name)][r["negating"] in ("1", "True", "true")] += 1
        if not name:
            unplaced[(kind, label)][unplaced_class(r["tag"], balances.get(r["tag"], ""))] += 1
        negated[(kind, label, name)][r["negating"] in ("1", "True", "true")] += 1
    write_near(by_words, negated_words)
    out = dominant(counts, negated, MIN_COUNT, MIN_SHARE)
    # keyed by a label's words (labels.word_key) as well: stricter, since more wordings meet under one key
    words = dominant(by_words, negated_words, MIN_COUNT_WORDS, MIN_SHARE_WORDS)
    path = ROOT / "taxonomy" / "labelmap.json"
    path.write_text(json.dumps({"source": "SEC Financial Statement Data Sets, pre tables 2009q3, 2010q2, 2010q4",
                                "columns": ["concept", "share", "lines", "negated"], **out, "words": words},
                               indent=0) + "\n")
    print(f"{path.name}: " + ", ".join(f"{k} {len(v)} labels" for k, v in out.items())
          + f", {len({e[0] for v in out.values() for e in v.values()})} concepts")
    write_sections(counts, negated, unplaced, out, ancestors(args.taxonomy), direct_method(args.taxonomy),
                   cash_weights(args.taxonomy))
    return 0


def write_near(by_words, negated_words) -> None:
    """taxonomy/labelmap_near.json: every label's words that at least NEAR_MIN_LINES filers' lines
    print, with the concepts they chose (at most NEAR_TOP, "" for a name without a 2024
    successor): the neighbours converter/mapping/near.py votes among for a label no table names."""
    out: dict[str, dict[str, list]] = {k: {} for k in STMT.values()}
    for (kind, key), c in sorted(by_words.items()):
        if sum(c.values()) >= NEAR_MIN_LINES:
            out[kind][key] = [[name, n, int(negated_words[(kind, key, name)][True] > negated_words[(kind, key, name)][False])]
                              for name, n in c.most_common(NEAR_TOP)]
    path = ROOT / "taxonomy" / "labelmap_near.json"
    path.write_text(json.dumps({"source": "SEC Financial Statement Data Sets, pre tables 2009q3, 2010q2, 2010q4",
                                "columns": [["concept", "lines", "negated"]], "vote": NEAR_VOTE, **out},
                               separators=(",", ":")) + "\n")
    print(f"{path.name}: " + ", ".join(f"{k} {len(v)} keys" for k, v in out.items()))


def dominant(counts, negated, min_count: int, min_share: float) -> dict[str, dict[str, list]]:
    """Per statement, the keys (labels, or their words) that at least min_count lines print
    (MIN_COUNT_ONE_WORD for one word) and one concept has min_share of: that concept, its share,
    the count and whether the line is usually shown negated."""
    out: dict[str, dict[str, list]] = {k: {} for k in STMT.values()}
    for (kind, key), c in sorted(counts.items()):
        total = sum(c.values())
        name, n = next(((k, v) for k, v in c.most_common() if k), ("", 0))
        if total >= (min_count if " " in key else MIN_COUNT_ONE_WORD) and n / total >= min_share:
            neg = negated[(kind, key, name)]
            out[kind][key] = [name, round(n / total, 3), total, int(neg[True] > neg[False])]
    return out


def unplaced_class(tag: str, balance: str) -> str:
    """What a line's name without a 2024 successor still says of where it sits: its balance
    (D, C) and whether it is a current item ("DeferredTaxAssetsNetCurrent": Dc). A row on the
    other side of the balance sheet, or outside the current sections, cannot be such a line."""
    return (balance or "-") + ("c" if tag.endswith("Current") and not tag.endswith("Noncurrent") else "")


def calculation_arcs(path: Path):
    """(parent, child) of every calculation arc of a linkbase, by US-GAAP local name."""
    root = ET.parse(path).getroot()
    for link in root.iter("{http://www.xbrl.org/2003/linkbase}calculationLink"):
        locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href", "").split("#us-gaap_")[-1]
                for loc in link.iter("{http://www.xbrl.org/2003/linkbase}loc")}
        for arc in link.iter("{http://www.xbrl.org/2003/linkbase}calculationArc"):
            parent, child = locs.get(arc.get(f"{XLINK}from")), locs.get(arc.get(f"{XLINK}to"))
            if parent and child:
                yield parent, child


CASH_TOTALS = ("NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
               "NetCashProvidedByUsedInFinancingActivities")


def cash_weights(src: Path) -> dict[str, int]:
    """Each concept's weight in the cash-flow section total it adds into, through the totals
    between (the 2025 statement calculation linkbases): -1 for an increase in receivables or a
    gain on a sale, whose printed cash effect is the fact negated. A concept with two weights
    (in two networks or sections) is left out."""
    weights: dict[str, set[int]] = defaultdict(set)
    for path in sorted((src / "fasb-2025-stm").glob("us-gaap-stm-scf-*-cal-2025.xml")):
        children: dict[str, list[tuple[str, int]]] = defaultdict(list)
        root = ET.parse(path).getroot()
        for link in root.iter("{http://www.xbrl.org/2003/linkbase}calculationLink"):
            locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href", "").split("#us-gaap_")[-1]
                    for loc in link.iter("{http://www.xbrl.org/2003/linkbase}loc")}
            for arc in link.iter("{http://www.xbrl.org/2003/linkbase}calculationArc"):
                children[locs[arc.get(f"{XLINK}from")]].append((locs[arc.get(f"{XLINK}to")], round(float(arc.get("weight")))))
        todo = [(total, 1) for total in CASH_TOTALS]
        while todo:
            name, weight = todo.pop()
            for child, w in children.get(name, ()):
                weights[child].add(weight * w)
                todo.append((child, weight * w))
    return {name: ws.pop() for name, ws in sorted(weights.items()) if len(ws) == 1}


def direct_method(src: Path) -> list[str]:
    """Concepts of the direct method's operating cash flows (receipts from customers, payments to
    suppliers, income taxes paid) that the indirect method's statement never holds: a statement
    that starts its operating section from net income does not print them there."""
    stm = src / "fasb-2025-stm"
    children: dict[str, set[str]] = defaultdict(set)
    for parent, child in calculation_arcs(stm / "us-gaap-stm-scf-dir-cal-2025.xml"):
        children[parent].add(child)
    below, todo = set(), ["NetCashProvidedByUsedInOperatingActivities"]
    while todo:
        for c in children.get(todo.pop(), ()):
            if c not in below:
                below.add(c)
                todo.append(c)
    indirect = set()
    for name in ("us-gaap-stm-scf-indir-cal-2025.xml", "us-gaap-stm-scf-indir-pre-2025.xml"):
        indirect |= set(re.findall(r"#us-gaap_(\w+)", (stm / name).read_text()))
    return sorted(below - indirect)


def ancestors(src: Path) -> dict[str, set[str]]:
    """Each concept's summation ancestors in the 2024 calculation linkbase, over every network."""
    parents: dict[str, set[str]] = defaultdict(set)
    for parent, child in calculation_arcs(src / "us-gaap-cal-2024-all.xsd"):
        parents[child].add(parent)
    out: dict[str, set[str]] = {}

    def up(name: str, seen: frozenset = frozenset()) -> set[str]:
        if name not in out:
            found: set[str] = set()
            for p in parents.get(name, ()):
                if p not in seen:
                    found |= {p} | up(p, seen | {name})
            out[name] = found
        return out[name]

    for name in list(parents):
        up(name)
    return out


def write_sections(counts, negated, unplaced, decided, up: dict[str, set[str]], direct: list[str],
                   weights: dict[str, int]) -> None:
    """taxonomy/sections.json: for labels filers tagged with several concepts ("Other, net" is
    other investing, other financing or other operating), every concept of at least
    MIN_CANDIDATE lines with its count, whether shown negated, and its calculation ancestors;
    the converter keeps the candidates whose ancestors include the total the row is printed
    under (converter/mapping/sections.py)."""
    out: dict[str, dict[str, list]] = {k: {} for k in STMT.values()}
    used: set[str] = set()
    for (kind, label), c in sorted(counts.items()):
        total = sum(c.values())
        if label in decided[kind] or total < MIN_COUNT:
            continue
        kept = [[name, n, int(negated[(kind, label, name)][True] > negated[(kind, label, name)][False])]
                for name, n in c.most_common() if name and n >= MIN_CANDIDATE and up.get(name)]
        if kept:
            out[kind][label] = [total, kept, dict(sorted(unplaced[(kind, label)].items()))]
            used.update(name for name, _, _ in kept)
    # the totals a row sits under are named by the label map or by concepts.toml's rules: their
    # ancestors tell which of the table's totals stand above them
    rules = tomllib.loads((ROOT / "taxonomy" / "concepts.toml").read_text())
    named = {e[0] for v in decided.values() for e in v.values()}
    named |= {n for r in rules.get("rule", []) for n in r.get("names", [r.get("name")]) if n}
    used |= {n for n in named if up.get(n)}
    path = ROOT / "taxonomy" / "sections.json"
    path.write_text(json.dumps({"source": "SEC Financial Statement Data Sets, pre tables 2009q3, 2010q2, 2010q4; "
                                          "US-GAAP 2024 calculation linkbase",
                                "columns": ["lines", [["concept", "lines", "negated"]],
                                            {"balance (D, C) and c for current, of lines without a 2024 name": "lines"}],
                                "ancestors": {n: sorted(up[n]) for n in sorted(used)},
                                "direct_method": direct, "cash_weights": weights, **out}, indent=0) + "\n")
    print(f"{path.name}: " + ", ".join(f"{k} {len(v)} labels" for k, v in out.items()) + f", {len(used)} concepts")


if __name__ == "__main__":
    sys.exit(main())
