#!/usr/bin/env python3
"""Generate the bundled US-GAAP 2024 / DEI 2024 subset from the facts in shared/taxonomy-sources.

Run once after changing taxonomy/concepts.toml (or post2010.toml); the outputs are committed:

    python tools/gen_taxonomy.py [--sources ../shared/taxonomy-sources] [--arelle-cache DIR]

Writes taxonomy/concepts.json (the concept list as data), taxonomy/calculations.json (US-GAAP
summation-item relations among those concepts), and under taxonomy/cache/ the subset schemas
at the paths of their official locations, plus the XBRL 2.1 base schemas and the DTR types
schema copied unchanged from arelle-release's resource cache.

The source files are read in place and never copied into the project. Concept attributes
(type, period type, balance) come from the SEC's 2010 tag table; names added after 2010 come
from taxonomy/post2010.toml. A name deprecated in or before 2024 is refused.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from fsds import deprecated_names  # noqa: E402

TAX = ROOT / "taxonomy"
USGAAP_NS = "http://fasb.org/us-gaap/2024"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
DTR_NS = "http://www.xbrl.org/dtr/type/2022-03-31"
USGAAP_PATH = "xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
DEI_PATH = "xbrl.sec.gov/dei/2024/dei-2024.xsd"
SRT_NS = "http://fasb.org/srt/2024"
SRT_PATH = "xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"
BASE_FILES = {
    "http/www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd": "www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    "http/www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd": "www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    "http/www.xbrl.org/2003/xl-2003-12-31.xsd": "www.xbrl.org/2003/xl-2003-12-31.xsd",
    "http/www.xbrl.org/2003/xlink-2003-12-31.xsd": "www.xbrl.org/2003/xlink-2003-12-31.xsd",
    "https/www.xbrl.org/dtr/type/2022-03-31/types.xsd": "www.xbrl.org/dtr/type/2022-03-31/types.xsd",
    "http/www.xbrl.org/lrr/role/negated-2009-12-16.xsd": "www.xbrl.org/lrr/role/negated-2009-12-16.xsd",
    # XBRL Dimensions 1.0: the substitution groups of axes and hypercubes, and explicitMember
    "http/www.xbrl.org/2005/xbrldt-2005.xsd": "www.xbrl.org/2005/xbrldt-2005.xsd",
    "http/www.xbrl.org/2006/xbrldi-2006.xsd": "www.xbrl.org/2006/xbrldi-2006.xsd",
    # what filers' schemas of 2009-2024 import besides (issue 21): references, the data type
    # registry of each year, the link role registry
    "http/www.xbrl.org/2004/ref-2004-08-10.xsd": "www.xbrl.org/2004/ref-2004-08-10.xsd",
    "http/www.xbrl.org/2006/ref-2006-02-27.xsd": "www.xbrl.org/2006/ref-2006-02-27.xsd",
    "http/www.xbrl.org/dtr/type/numeric-2009-12-16.xsd": "www.xbrl.org/dtr/type/numeric-2009-12-16.xsd",
    "http/www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd": "www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd",
    "https/www.xbrl.org/dtr/type/2020-01-21/types.xsd": "www.xbrl.org/dtr/type/2020-01-21/types.xsd",
    "https/www.xbrl.org/dtr/type/2024-01-31/types.xsd": "www.xbrl.org/dtr/type/2024-01-31/types.xsd",
    **{f"http/www.xbrl.org/lrr/{kind}/{name}.xsd": f"www.xbrl.org/lrr/{kind}/{name}.xsd" for kind, name in (
        ("role", "negated-2008-03-31"), ("role", "negative-2009-12-16"), ("role", "net-2009-12-16"),
        ("role", "positive-2009-12-16"), ("role", "reference-2009-12-16"), ("role", "restated-2006-02-21"),
        ("role", "deprecated-2009-12-16"), ("arcrole", "deprecated-2009-12-16"),
        ("arcrole", "factExplanatory-2009-12-16"), ("arcrole", "parent-child-2013-09-19"))},
}
XBRLDT_NS = "http://xbrl.org/2005/xbrldt"
TYPE_OF = {
    "monetary": "xbrli:monetaryItemType", "shares": "xbrli:sharesItemType", "perShare": "dtr-types:perShareItemType",
    "pure": "xbrli:pureItemType", "percent": "dtr-types:percentItemType", "integer": "xbrli:integerItemType",
    "decimal": "xbrli:decimalItemType", "string": "xbrli:stringItemType", "date": "xbrli:dateItemType",
}
DEI_ELEMENTS = [
    "EntityRegistrantName", "DocumentType", "DocumentPeriodEndDate", "EntityCentralIndexKey",
    "CurrentFiscalYearEndDate", "DocumentFiscalYearFocus", "DocumentFiscalPeriodFocus", "AmendmentFlag",
    "EntityCommonStockSharesOutstanding", "EntityFileNumber", "EntityTaxIdentificationNumber",
    "EntityIncorporationStateCountryCode",
]
DEI_XBRLI_TYPES = {"normalizedStringItemType", "dateItemType", "gMonthDayItemType", "gYearItemType",
                   "booleanItemType", "sharesItemType", "stringItemType"}
# DEI's own item types. centralIndexKey, fiscalPeriod and submissionType are as in the DEI
# schema among the sources; the other three are written here with the patterns EDGAR applies,
# simplified (the state code is a two-character code rather than DEI's enumeration).
DEI_TYPES = {
    "centralIndexKeyItemType": ('xbrli:tokenItemType', '<xs:pattern value="[0-9]{10}"/>'),
    "fiscalPeriodItemType": ('xbrli:tokenItemType', "".join(
        f'<xs:enumeration value="{v}"/>' for v in ("FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "M9", "T1", "T2", "T3", "M8", "CY"))),
    "submissionTypeItemType": ('xbrli:stringItemType', '<xs:pattern value="((Other)|([A-Z0-9]+([/A-Z0-9 \\-]*[A-Z0-9])?))"/>'),
    "fileNumberItemType": ('xbrli:normalizedStringItemType', '<xs:pattern value="[0-9A-Za-z]{1,4}-[0-9]{1,8}(-[0-9A-Za-z]{1,4})?"/>'),
    "employerIdItemType": ('xbrli:normalizedStringItemType', '<xs:pattern value="[0-9]{2}-[0-9]{7}"/>'),
    "edgarStateCountryItemType": ('xbrli:tokenItemType', '<xs:pattern value="[A-Z][A-Z0-9]"/>'),
}


def rule_concepts(rules: dict) -> list[str]:
    names: list[str] = []
    for r in rules.get("rule", []) + rules.get("parenthetical", []):
        for n in r.get("names", [r.get("name")]):
            if n and n not in names:
                names.append(n)
    for n in [*rules.get("extra", {}).get("names", []), *rules.get("unclassified", {}).values()]:
        if n not in names:
            names.append(n)
    return names


def load_fsds(src: Path) -> dict[str, dict]:
    out = {}
    with open(src / "fsds-2010q1-tag.txt", encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["custom"] == "0" and row["abstract"] == "0":
                out[row["tag"]] = row
    return out


def concept_attrs(names, fsds, post2010, deprecated, signs) -> dict[str, dict]:
    out = {}
    problems = []
    for n in names:
        year = deprecated.get(n)
        if year and int(str(year)[:4]) <= 2024:
            problems.append(f"{n} is deprecated ({year}): not in US-GAAP 2024")
            continue
        if n in fsds:
            r = fsds[n]
            dtype = r["datatype"]
            if dtype not in TYPE_OF:
                problems.append(f"{n}: unsupported data type {dtype}")
                continue
            attrs = {"type": TYPE_OF[dtype], "periodType": "instant" if r["iord"] == "I" else "duration",
                     "balance": {"C": "credit", "D": "debit"}.get(r["crdr"]), "label": r["tlabel"]}
        elif n in post2010:
            p = post2010[n]
            attrs = {"type": TYPE_OF[p["type"]], "periodType": p["periodType"], "balance": p.get("balance"),
                     "label": p["label"]}
        else:
            problems.append(f"{n}: not in the 2010 tag table nor in post2010.toml")
            continue
        attrs["signed"] = is_signed(n, attrs, signs)
        out[n] = attrs
    if problems:
        sys.exit("taxonomy generation refused:\n  " + "\n  ".join(problems))
    return out


def is_signed(name: str, attrs: dict, signs: dict) -> bool:
    """Whether a concept takes the printed sign (net amounts) or is a magnitude (expenses, assets)."""
    if name in signs.get("signed", {}).get("names", []):
        return True
    if name in signs.get("magnitude", {}).get("names", []):
        return False
    if attrs["type"] not in ("xbrli:monetaryItemType", "dtr-types:perShareItemType"):
        return attrs["type"] == "dtr-types:perShareItemType"
    return any(re.search(p, name) for p in signs["signed"]["patterns"]) \
        or any(re.search(p, attrs.get("label", "")) for p in signs["signed"].get("label_patterns", []))


def load_calculations(src: Path, names: set[str]) -> dict[str, list]:
    tree = ET.parse(src / "us-gaap-cal-2024-all.xsd")
    XL = "{http://www.w3.org/1999/xlink}"
    rels: dict[str, dict[str, float]] = {}
    for link in tree.iter("{http://www.xbrl.org/2003/linkbase}calculationLink"):
        locs = {}
        for loc in link.iter("{http://www.xbrl.org/2003/linkbase}loc"):
            locs[loc.get(XL + "label")] = loc.get(XL + "href").split("#us-gaap_")[-1]
        for arc in link.iter("{http://www.xbrl.org/2003/linkbase}calculationArc"):
            parent, child = locs.get(arc.get(XL + "from")), locs.get(arc.get(XL + "to"))
            if parent in names and child in names:
                rels.setdefault(parent, {})[child] = float(arc.get("weight"))
    return {p: sorted([c, w] for c, w in kids.items()) for p, kids in sorted(rels.items())}


def standard_names(src: Path) -> list[str]:
    """Every US-GAAP element name the sources mention, so extension concepts never reuse one."""
    names: set[str] = set()
    with open(src / "fsds-2010q1-tag.txt", encoding="latin-1", newline="") as fh:
        names.update(r["tag"] for r in csv.DictReader(fh, delimiter="\t") if r["custom"] == "0")
    names.update(json.loads((src / "us-gaap-deprecated-concepts.json").read_text()))
    pattern = re.compile(r"#us-gaap_([A-Za-z0-9_]+)")
    for path in [src / "us-gaap-cal-2024-all.xsd", *sorted((src / "fasb-2025-stm").glob("*.xml"))]:
        names.update(pattern.findall(path.read_text()))
    return sorted(names)


def dei_attrs(src: Path) -> dict[str, dict]:
    meta = json.loads((src / "dei-2022-metalinks.json").read_text())
    tags = next(iter(meta["instance"].values()))["tag"]
    xsd = (src / "dei-2014-01-31.xsd").read_text()
    out = {}
    for n in DEI_ELEMENTS:
        t = tags[f"dei_{n}"]
        xtype = t["xbrltype"]
        qtype = f"xbrli:{xtype}" if xtype in DEI_XBRLI_TYPES else f"dei:{xtype}"
        m = re.search(rf'name="{n}"[^>]*xbrli:periodType="(\w+)"', xsd, re.S)
        period = m.group(1) if m else ("instant" if n == "EntityCommonStockSharesOutstanding" else "duration")
        out[n] = {"type": qtype, "periodType": period, "balance": None,
                  "label": t["lang"]["en-us"]["role"]["label"], "signed": False}
    return out


def element(prefix: str, name: str, a: dict) -> str:
    bal = f' xbrli:balance="{a["balance"]}"' if a.get("balance") else ""
    return (f'  <xs:element id="{prefix}_{name}" name="{name}" type="{a["type"]}" substitutionGroup="xbrli:item"'
            f' nillable="true" xbrli:periodType="{a["periodType"]}"{bal}/>\n')


def dimensional_elements(prefix: str, dims: dict) -> str:
    """The hypercube, line-items, axis and domain elements of taxonomy/dimensions.toml, declared
    as US-GAAP 2024 declares them (abstract, duration; axes and hypercubes in XBRL Dimensions'
    substitution groups, domains and members of the DTR's domain item type)."""
    std = dims["standard"]
    shapes = ([(n, "xbrldt:hypercubeItem", "xbrli:stringItemType") for n in std["hypercubes"]]
              + [(n, "xbrli:item", "xbrli:stringItemType") for n in std["line_items"]]
              + [(n, "xbrldt:dimensionItem", "xbrli:stringItemType") for n in std["axes"]]
              + [(n, "xbrli:item", "dtr-types:domainItemType") for n in std["domains"] + std.get("members", [])])
    return "".join(f'  <xs:element id="{prefix}_{n}" name="{n}" type="{t}" substitutionGroup="{g}" abstract="true"'
                   f' nillable="true" xbrli:periodType="duration"/>\n' for n, g, t in sorted(shapes))


def schema(target_ns: str, prefix: str, concepts: dict, extra_types: str, imports_dtr: bool, note: str,
           dims: dict | None = None) -> str:
    dtr = (f'  <xs:import namespace="{DTR_NS}" schemaLocation="https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"/>\n'
           if imports_dtr else "")
    if dims:
        dtr += f'  <xs:import namespace="{XBRLDT_NS}" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>\n'
    body = "".join(element(prefix, n, a) for n, a in sorted(concepts.items()))
    body += dimensional_elements(prefix, dims) if dims else ""
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- {escape(note)} -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:dtr-types="{DTR_NS}" xmlns:xbrldt="{XBRLDT_NS}" xmlns:{prefix}="{target_ns}"
  targetNamespace="{target_ns}" elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
{dtr}{extra_types}{body}</xs:schema>
'''


def dei_types() -> str:
    out = ""
    for name, (base, facets) in DEI_TYPES.items():
        out += (f'  <xs:complexType name="{name}"><xs:simpleContent><xs:restriction base="{base}">{facets}'
                f'<xs:attributeGroup ref="xbrli:nonNumericItemAttrs"/></xs:restriction></xs:simpleContent></xs:complexType>\n')
    return out


def find_arelle_cache(given: str | None) -> Path:
    if given:
        return Path(given)
    import arelle  # a test dependency; only the generator needs it
    return Path(arelle.__file__).parent / "resources" / "cache"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "taxonomy-sources")
    ap.add_argument("--arelle-cache", help="arelle-release's resources/cache folder (found automatically)")
    args = ap.parse_args(argv)
    src = args.sources
    rules = tomllib.loads((TAX / "concepts.toml").read_text())
    post2010 = tomllib.loads((TAX / "post2010.toml").read_text())["concept"]
    signs = tomllib.loads((TAX / "signs.toml").read_text())
    deprecated = deprecated_names(src)
    names = rule_concepts(rules)
    fsds = load_fsds(src)
    gaap = concept_attrs(names, fsds, post2010, deprecated, signs)
    # the calculation relations among the rule concepts only: they drive which unlabelled totals
    # are named; the label map's concepts (taxonomy/labelmap.json) are declared as well
    calcs = load_calculations(src, set(gaap))
    labelmap = json.loads((TAX / "labelmap.json").read_text()) if (TAX / "labelmap.json").exists() else {}
    mapped = {e[0] for table in (labelmap, labelmap.get("words", {}))
              for k in ("balance", "income", "cashflow", "equity") for e in table.get(k, {}).values()}
    # and the concepts filers chose for labels of several meanings (taxonomy/sections.json)
    sections = json.loads((TAX / "sections.json").read_text()) if (TAX / "sections.json").exists() else {}
    mapped |= {c[0] for k in ("balance", "income", "cashflow", "equity") for _, choices, _ in sections.get(k, {}).values()
               for c in choices}
    # and the concepts the label map's near neighbours vote for (taxonomy/labelmap_near.json)
    near = json.loads((TAX / "labelmap_near.json").read_text()) if (TAX / "labelmap_near.json").exists() else {}
    least = near.get("vote", {}).get("declare", 1)
    mapped |= {name for k in ("balance", "income", "cashflow", "equity") for votes in near.get(k, {}).values()
               for name, n, _ in votes if name and n >= least}
    # and the concepts of the EX-27 schedules' tags (taxonomy/schedules.toml)
    schedules = tomllib.loads((TAX / "schedules.toml").read_text())
    mapped |= {entry[0] for table in [schedules["common"], *schedules["article"].values()]
               for entry in table.values() if entry[0]}
    mapped = sorted(mapped - set(gaap))
    gaap.update(concept_attrs(mapped, fsds, post2010, deprecated, signs))
    dei = dei_attrs(src)
    namespaces = {"us-gaap": USGAAP_NS, "dei": DEI_NS}
    (TAX / "concepts.json").write_text(
        json.dumps({"namespaces": namespaces, "us-gaap": gaap, "dei": dei}, indent=1, sort_keys=True) + "\n")
    (TAX / "calculations.json").write_text(json.dumps(calcs, indent=1) + "\n")
    reserved = sorted(set(standard_names(src)) | set(DEI_ELEMENTS))
    (TAX / "standard-names.txt").write_text(
        "# US-GAAP and DEI element names: extension concepts never take one of these names\n"
        + "\n".join(reserved) + "\n")
    cache = TAX / "cache"
    note_gaap = ("Subset of the US-GAAP 2024 taxonomy element schema generated by txt2xbrl (tools/gen_taxonomy.py): "
                 "only the concepts txt2xbrl maps to, declared as published. (c) Financial Accounting Foundation; "
                 "the full taxonomy is at https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd")
    note_dei = ("Subset of the DEI 2024 taxonomy generated by txt2xbrl (tools/gen_taxonomy.py): the cover-page "
                "elements txt2xbrl writes. The full taxonomy is at https://xbrl.sec.gov/dei/2024/dei-2024.xsd")
    note_srt = ("Subset of the SEC Reporting Taxonomy (SRT) 2024 generated by txt2xbrl (tools/gen_taxonomy.py): the "
                "scenario and consolidation-items axes and members txt2xbrl writes. (c) Financial Accounting Foundation; "
                "the full taxonomy is at https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd")
    for path, text in ((USGAAP_PATH, schema(USGAAP_NS, "us-gaap", gaap, "", True, note_gaap,
                                                tomllib.loads((TAX / "dimensions.toml").read_text()))),
                       (DEI_PATH, schema(DEI_NS, "dei", dei, dei_types(), True, note_dei,
                                         {"standard": tomllib.loads((TAX / "dimensions.toml").read_text())["standard"]["dei"]})),
                       (SRT_PATH, schema(SRT_NS, "srt", {}, "", True, note_srt,
                                         {"standard": tomllib.loads((TAX / "dimensions.toml").read_text())["standard"]["srt"]}))):
        out = cache / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
    arelle_cache = find_arelle_cache(args.arelle_cache)
    for rel, dest in BASE_FILES.items():
        out = cache / dest
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(arelle_cache / rel, out)
    print(f"{len(gaap)} US-GAAP concepts, {len(dei)} DEI elements, {sum(len(v) for v in calcs.values())} calculation arcs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
