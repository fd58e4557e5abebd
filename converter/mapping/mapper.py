"""The map stage: parsed tables to facts (concept, context, unit, decimals, value, source)."""
from __future__ import annotations

import bisect
import dataclasses
import functools
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from converter.dates import (
    DATED_BALANCE, find_dates, is_month_end, ordinal_quarter_span, parse_month_day, start_of, year_end,
)
from converter.mapping.arithmetic import (
    assets_by_identity, enclosing_totals, gross_and_net, gross_before_deduction, holding_totals, infer_totals, parallel_parts,
    share_scale_by_eps, sibling_claims, signs_by_cash_balances, signs_by_cash_effect, signs_by_difference,
)
from converter.mapping.contexts import ContextSet
from converter.mapping.cover_facts import cover_facts, document_period_end
from converter.mapping.dialects import dialect_of, foreign_concepts
from converter.mapping.dimensions import adjustment_signs, Dimensions, placed, with_dimensions
from converter.mapping.extension import ExtensionSet, camel, filer_prefix
from converter.mapping.labels import NOTE_REF, PRO_FORMA, edge_of, lookup, match, names_pro_forma
from converter.companies import same_company
from converter.identities import ASSETS, LIABILITIES_AND_EQUITY
from converter.mapping.checks import check_calculations, identities, printed_misprints
from converter.mapping.narrative import Narrative, narrative_facts
from converter.mapping.schedule import disagreements, schedule_facts
from converter.mapping.sections import by_section
from converter.mapping.structure import build_structure, narrative_network, schedule_network
from converter.memo import last_answer
from converter.resources import toml_pattern
from converter.mapping.taxonomy import ITEM, Rule, Taxonomy, load_taxonomy
from converter.mapping.unstated_scale import decide
from converter.printed import component_sign
from converter.model import (
    Cell, Column, Concept, Entity, Fact, Label, ParsedFiling, Period, Row, SkippedTable, SourceRef, StatementKind,
    Table, Unmapped, XbrlModel,
)
from converter.mapping.units import (
    MONETARY, PER_SHARE, PER_SHARE_WORDS, PERCENT, SHARES, counts_units, eps_of, measure_unit, names_a_quarter,
    names_a_ratio, statistic_of, unit_of,
)

CIK_SCHEME = "http://www.sec.gov/CIK"
FALLBACK_SCHEME = "http://txt2xbrl.invalid/entity-name-no-cik"
NAMED_SCHEME = "http://txt2xbrl.invalid/entity-name"  # a company the filing reports on that has no CIK here


@dataclass(frozen=True)
class RowMapping:
    """What a printed row became: its concepts, and whether their values are the printed ones (+1)
    or their opposites (-1)."""

    concepts: tuple[Concept, ...]
    factor: int
    at: str | None = None


@dataclass
class _State:
    tax: Taxonomy
    contexts: ContextSet
    ext: ExtensionSet
    facts: list[Fact] = field(default_factory=list)
    seen: dict[tuple, Fact] = field(default_factory=dict)  # (concept qname, context id, unit id) -> first fact
    warnings: list[str] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    entity: Entity | None = None  # the entity of the table being mapped, when not the registrant
    registrant: str = ""
    rows: dict[tuple[int, int], RowMapping] = field(default_factory=dict)  # (table, row) -> what it became
    dims: Dimensions | None = None  # the axes and members of columns that are not the consolidated figures
    evidence: list[tuple[int, str, tuple[str, ...], str]] = field(default_factory=list)  # line, label, concepts, why
    excluded: frozenset[str] = frozenset()  # concepts of other industries' statements (mapping/dialects.py)
    rejected: dict[int, str] = field(default_factory=dict)  # line -> why the label map's concept was not taken
    rules_of: dict[int, list] = field(default_factory=dict)  # table index -> the rule each row took
    segments: dict[int, str] = field(default_factory=dict)  # line -> the segment a segment note's row is of
    # column index -> +1 where an adjustments column adds to the others, -1 where it takes from
    # them, None where the columns do not add up with it (the table being mapped)
    adjusting: dict[int, int | None] = field(default_factory=dict)
    adds_up: frozenset[tuple[int, int]] = frozenset()  # (line, column index) of adjustments whose line adds up


def map_filing(parsed: ParsedFiling, cik: str | None = None, narrative: bool = True) -> XbrlModel:
    """Facts, contexts, networks and labels of a parsed filing; narrative=False leaves running text out."""
    tax = load_taxonomy()
    cover = parsed.cover
    warnings: list[str] = []
    cik = cik or cover.cik
    # without a cover, the company the statements are titled with is the registrant
    titled = next((t.company for t in parsed.tables if t.company and t.kind is not StatementKind.NOTE), "")
    name = cover.registrant or titled or parsed.filing.name
    if cik:
        entity = Entity(CIK_SCHEME, cik.zfill(10), name)
    else:
        entity = Entity(FALLBACK_SCHEME, _slug(name) or "unknown", name)
        warnings.append("no CIK in the filing: the entity is identified by name (pass --cik to set it)")
    period_end = document_period_end(parsed)
    prefix = filer_prefix(cover.registrant)
    namespace = f"http://txt2xbrl.invalid/{prefix}/{period_end:%Y%m%d}"
    excluded = foreign_concepts(dialect_of(parsed))

    def mapped(parsed: ParsedFiling, warnings: list[str]) -> _State:
        ext = ExtensionSet(prefix, namespace, tax.standard_names)
        st = _State(tax, ContextSet(entity), ext, warnings=warnings, registrant=name, dims=Dimensions(ext),
                    excluded=excluded)
        # primary statements first: a note table may not contradict them
        for i in sorted(range(len(parsed.tables)), key=lambda i: parsed.tables[i].kind is StatementKind.NOTE):
            _map_table(st, i, parsed.tables[i])
        return st

    st = mapped(parsed, list(warnings))
    rescaled, why = _with_unstated_scale(st, parsed)
    if rescaled is not parsed:
        # the numbers proved another scale, or none: mapped again, from the start
        parsed = rescaled
        st = mapped(parsed, warnings + ([why] if why else []))
    cover_list, cover_warnings = cover_facts(parsed, st.contexts, period_end, tax)
    st.warnings.extend(cover_warnings)
    facts = cover_list + st.facts
    told = Narrative()
    if narrative:
        report = (cover.form_type or "").upper().startswith(("10-", "20-", "40-", "S-", "N-"))
        release = None if report else cover.dateline  # a report's present amounts are dated by their phrases
        told = narrative_facts(parsed.sentences, tax, st.contexts, st.ext, name, st.facts, release,
                               year_end(cover.fiscal_year_end),
                               lambda company: Entity(NAMED_SCHEME, _slug(company), company),
                               reference=release or cover.period_end or period_end, table_numbers=parsed.table_numbers)
        facts += told.facts
        st.warnings.extend(told.warnings)
    # the filer's EX-27: facts the statements do not give, and a second opinion on those they do
    schedule = schedule_facts(parsed.schedules, tax, st.contexts, st.ext, facts)
    facts += schedule.facts
    st.warnings.extend(disagreements(schedule))
    for sk in parsed.skipped_tables:
        st.unmapped.append(Unmapped(sk.first_line, "", f"table skipped (lines {sk.first_line}-{sk.last_line}): {sk.reason}"))
    used = {f.concept.qname: f.concept for f in facts}
    networks, labels = build_structure(parsed.tables, st.rows, st.ext, f"http://txt2xbrl.invalid/{prefix}", used,
                                       name)
    networks, inconsistencies = check_calculations(networks, facts, parsed.tables)
    networks, dim_labels = with_dimensions(networks, facts, st.dims)
    labels = _add_labels(labels, dim_labels)
    if told.facts:
        net, net_labels = narrative_network(told.facts, st.ext, f"http://txt2xbrl.invalid/{prefix}", len(networks) + 2)
        networks = networks + (net,)
        labels = _add_labels(labels, net_labels)
    if schedule.facts:
        net, net_labels = schedule_network(schedule.facts, st.ext, f"http://txt2xbrl.invalid/{prefix}", len(networks) + 2)
        networks = networks + (net,)
        labels = _add_labels(labels, net_labels)
    index = {id(f): i for i, f in enumerate(facts)}
    footnotes = tuple((text, tuple(index[id(f)] for f in noted)) for text, noted in schedule.footnotes)
    st.warnings.extend(printed_misprints(parsed.tables) + identities(facts))
    concepts = dict(used)
    for net in networks:
        for arc in net.presentation + net.calculation + net.dimensional:
            concepts.setdefault(arc.parent.qname, arc.parent)
            concepts.setdefault(arc.child.qname, arc.child)
    return XbrlModel(
        name=parsed.filing.name, entity=entity, prefix=prefix, namespace=namespace,
        schema_file=f"{prefix}-{period_end:%Y%m%d}.xsd", period_end=period_end,
        concepts=tuple(concepts.values()), contexts=st.contexts.all(), units=st.contexts.units(),
        facts=tuple(facts), tables=parsed.tables, warnings=tuple(st.warnings), unmapped=tuple(st.unmapped),
        skipped=tuple(f"{s.type} (line {s.line}): {s.reason}" for s in parsed.filing.skipped),
        networks=networks, labels=labels, inconsistencies=inconsistencies, left_out=tuple(told.left_out),
        evidence=tuple(st.evidence), schedule=schedule, footnotes=footnotes,
    )


def _add_labels(labels: tuple[Label, ...], more) -> tuple[Label, ...]:
    """The labels with those of `more` whose concept and role have none yet (one each)."""
    have = {(lb.concept.qname, lb.role) for lb in labels}
    new = {}
    for lb in more:
        new.setdefault((lb.concept.qname, lb.role), lb)
    return labels + tuple(lb for key, lb in new.items() if key not in have)


def _slug(name: str) -> str:
    """An entity identifier from a company name: 'NEW LINE CINEMA CORP.' -> 'NEW-LINE-CINEMA-CORP'."""
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


# ---------------------------------------------------------------- tables and rows


def _with_unstated_scale(st: _State, parsed: ParsedFiling) -> tuple[ParsedFiling, str]:
    """A filing that states no scale anywhere: its tables in the scale its numbers prove (by the
    rules its mapping at whole dollars chose), whole dollars by default, left out when its text
    says they are not whole dollars (unstated_scale.py); and the warning that says which. The
    same filing when nothing changes."""
    if not parsed.tables or any(t.scale_stated for t in parsed.tables):
        return parsed, ""
    scale, why = decide([(t, st.rules_of.get(i, ())) for i, t in enumerate(parsed.tables)], parsed.sentences)
    if scale == 1:
        return parsed, ""
    if scale is None:
        left_out = tuple(SkippedTable(t.first_line, t.last_line, why) for t in parsed.tables)
        return dataclasses.replace(parsed, tables=(), skipped_tables=parsed.skipped_tables + left_out), ""
    return dataclasses.replace(parsed, tables=tuple(
        dataclasses.replace(t, scale=scale, shares_scale=1) for t in parsed.tables)), why


# "...as though the acquisition had occurred on January 1, 1997": results that are not the company's
_AS_IF = re.compile(r"\bas (?:if|though) the (?:acquisitions?|mergers?|transactions?|combination|offering|purchase)\b"
                    r"[^.]{0,60}\b(?:had|have|were|was) (?:occurred|been (?:completed|consummated|made))", re.I)


def _map_table(st: _State, t_index: int, table: Table) -> None:
    group = "notes" if table.kind is StatementKind.NOTE else "primary"
    st.entity = None
    st.segments = _segment_rows(table, st.tax)
    st.adjusting, st.adds_up = adjustment_signs(table)
    if table.company and not same_company(table.company, st.registrant):
        # an acquired business's statements in an 8-K: facts of that business, not the registrant's
        st.entity = Entity(NAMED_SCHEME, _slug(table.company), table.company)
    # a statement is pro forma when its title says so; a note table also when its introduction does;
    # a pro forma combination that prints the registrant's own column is its statement for that
    # column; the other companies', the adjustments' and the pro forma columns are the same lines
    # in contexts of their members (and, as printed, extension concepts of their own)
    combination = table.combination
    pro_forma_table = not combination and bool(names_pro_forma(table.title) or _AS_IF.search(table.intro[-300:])
                                               or (table.kind is StatementKind.NOTE and names_pro_forma(table.intro)))
    rules: list[Rule | None] = []
    sides = _balance_sides(table)
    sectioned = any(_section_member(st, table, r) is not None for r in table.rows if r.context)
    # "Pro forma data (unaudited):" over the lines below the statement: they and every line after
    # them are pro forma, also under a heading of their own ("Net income per share:") printed
    # at the same margin
    pro_forma_from = next((k for k, r in enumerate(table.rows) if _PRO_FORMA_BLOCK.match(r.context.split(" / ")[0])),
                          len(table.rows))
    # (until selected data's next block: "Balance Sheet Data:")
    pro_forma_to = next((k for k in range(pro_forma_from, len(table.rows))
                         if _DATA_BLOCK.search(table.rows[k].context.split(" / ")[0])), len(table.rows))
    for r_index, row in enumerate(table.rows):
        rules.append(_rule_for(st, table, row, pro_forma_table or pro_forma_from <= r_index < pro_forma_to,
                               sides[r_index], sectioned))
    if not pro_forma_table:
        gross_and_net(st.tax, table, rules)
        st.rejected.update({table.rows[i].line: why for i, why in gross_before_deduction(st.tax, table, rules).items()})
        infer_totals(st.tax, table, rules)
        assets_by_identity(table, rules)
        parts = parallel_parts(table, rules)  # before the vetoes take away the concepts the parts share
        _veto_by_totals(st, table, rules)
        if not table.roll_forward and not any(c.measure for c in table.columns):
            sides = _sides_by_totals(st, table, rules, sides)
            found = by_section(st.tax, table, rules, sides, lambda r, name: _may_take(st, table, table.rows[r], name, sides[r]))
            for r_index, rule in found.items():
                rules[r_index] = rule
        parts.update(parallel_parts(table, rules))  # and after the section choice adds some
        for r_index, part in parts.items():
            if rules[r_index] is not None:
                st.rejected[table.rows[r_index].line] = f"extension: a line of the part '{part}', not of the whole"
                rules[r_index] = None
        for r_index in sibling_claims(table, rules):
            st.rejected[table.rows[r_index].line] = (f"extension: another line of the same total claims "
                                                     f"{rules[r_index].names[0]}: each is a part, neither the whole")
            rules[r_index] = None
    for r_index, row in enumerate(table.rows):
        if row.line in st.segments:
            # a segment's line under "Net sales:": the heading's figure, in the segment's context
            # (under headings within headings, "Sales: / Continuing operations:", an extension)
            headings = row.context.split(" / ")
            rules[r_index] = None if len(headings) > 1 else _rule_for(
                st, table, dataclasses.replace(row, label=headings[0].rstrip(": "), context=""), False, sides[r_index], False)
    if table.kind is StatementKind.BALANCE and not any(_CURRENT.search(f"{r.label} {r.context}") for r in table.rows):
        rules = [_whole(st.tax, rule) for rule in rules]
    for r_index in range(pro_forma_from, pro_forma_to):
        rules[r_index] = None  # (whatever the arithmetic named them)
    for r_index, row in enumerate(table.rows):
        if rules[r_index] is not None and row.context and _FOOTNOTE_BLOCK.match(row.context):
            # "(1) Amortization of deferred stock compensation: / Cost of revenues 41 ... / 1,844"
            # under a statement: a footnote's allocation of one line, not the statement's lines
            st.rejected[row.line] = "extension: a line of a footnote's block under the statement"
            rules[r_index] = None
    held = holding_totals(table.rows)
    rules = [rule if held.get(i) else _net_when_negative(st.tax, rule, table.rows[i]) for i, rule in enumerate(rules)]
    for title, instead in st.tax.by_title:
        if title.search(table.title):
            rules = [_instead(rule, instead) for rule in rules]
    st.rules_of[t_index] = rules
    signs = signs_by_cash_effect(st.tax, table, rules) | signs_by_difference(st.tax, table, rules) \
        | signs_by_cash_balances(table, rules)
    share_scale = share_scale_by_eps(table, rules)
    if share_scale is not None and share_scale != table.shares_scale:
        # the share counts follow the scale the EPS proves; a row of money keeps its own
        table = dataclasses.replace(table, shares_scale=share_scale, rows=tuple(
            dataclasses.replace(r, scale=None) if unit_of(table, r, r.cells) == SHARES else r
            for r in table.rows))
    for r_index, row in enumerate(table.rows):
        # (a row under "Pro forma amounts assuming the accounting change is applied retroactively:"
        # is pro forma as the table's title would make it)
        pro_forma_row = pro_forma_table or names_pro_forma(row.context) or pro_forma_from <= r_index < pro_forma_to
        mapped = _map_row(st, t_index, table, row, rules[r_index], group, pro_forma_row, signs.get(r_index),
                          combination)
        if mapped is not None:
            st.rows[(t_index, r_index)] = mapped


_CURRENT = re.compile(r"\bcurrent\b", re.I)
_FOOTNOTE_BLOCK_MARK = re.compile(r"^(?:\(\d{1,2}\)|\(?[a-z]\)|\*{1,3})\s+")
_FOOTNOTE_BLOCK = re.compile(_FOOTNOTE_BLOCK_MARK.pattern + r"\S")  # "(1) Amortization of ...:" heading a block


def _net_when_negative(tax: Taxonomy, rule: Rule | None, row: Row) -> Rule | None:
    """A payment printed negative in one column and positive in another, outside the totals (a
    supplemental disclosure), is a net amount: "Income taxes paid  (132)  3,251" was a refund
    (concepts.toml [negative_printed]). Printed negative throughout, it is a cash effect."""
    values = [c.value for c in row.cells if c is not None and c.value]
    if rule is None or len(rule.names) != 1 or rule.names[0] not in tax.negative_printed \
            or not (any(v < 0 for v in values) and any(v > 0 for v in values)):
        return rule
    name = tax.negative_printed[rule.names[0]]
    return dataclasses.replace(rule, names=(name,), origin=f"{rule.origin}; printed negative in a column: {name}")


def _instead(rule: Rule | None, instead: dict[str, str]) -> Rule | None:
    """The concept a statement of this title prints for the rule's (concepts.toml [[by_title]])."""
    if rule is None or len(rule.names) != 1 or rule.names[0] not in instead:
        return rule
    name = instead[rule.names[0]]
    return dataclasses.replace(rule, names=(name,), origin=f"{rule.origin}; the statement's title makes it {name}")


def _whole(tax: Taxonomy, rule: Rule | None) -> Rule | None:
    """A balance sheet without a current section: the concept of the whole item (concepts.toml [unclassified])."""
    if rule is None or len(rule.names) != 1 or rule.names[0] not in tax.unclassified:
        return rule
    whole = tax.unclassified[rule.names[0]]
    return dataclasses.replace(rule, names=(whole,), origin=f"{rule.origin}; the balance sheet has no current section: {whole}")


_TOTAL_ASSETS = re.compile(r"^\W*total\s+assets\W*$", re.I)


def _balance_sides(table: Table) -> list[str | None]:
    """Which side of a balance sheet each row is printed on: 'debit' above its "Total assets",
    'credit' below it; None where the table is no balance sheet or prints no such total."""
    if table.kind is not StatementKind.BALANCE:
        return [None] * len(table.rows)
    at = next((k for k, r in enumerate(table.rows) if _TOTAL_ASSETS.match(r.label)), None)
    if at is None:
        return [None] * len(table.rows)
    return ["debit" if k < at else None if k == at else "credit" for k in range(len(table.rows))]


def _sides_by_totals(st: _State, table: Table, rules: list[Rule | None], sides: list[str | None]) -> list[str | None]:
    """A balance sheet printed as two tables, the liabilities and equity on a page of their own
    (no "Total assets" between them to divide the sides): each row's side from the named totals
    that hold it, when they all say the same."""
    if table.kind is not StatementKind.BALANCE or any(side is not None for side in sides):
        return sides
    def side_of(rule: Rule | None) -> str | None:
        if rule is None or len(rule.names) != 1:
            return None
        whole = st.tax.ancestors.get(rule.names[0], frozenset()) | {rule.names[0]}
        return "credit" if LIABILITIES_AND_EQUITY in whole else "debit" if ASSETS in whole else None

    holders, memo = holding_totals(table.rows), {}
    out = list(sides)
    for i in range(len(table.rows)):
        said = {side_of(rules[t]) for t in enclosing_totals(holders, i, memo)} - {None}
        if len(said) == 1:
            out[i] = said.pop()
    return out


def _wrong_side(concept: Concept, side: str | None) -> bool:
    """A concept that names the other side of the balance sheet: a liability among the assets,
    an asset among the liabilities and equity. (Contra accounts, an allowance or treasury
    stock, take the other balance on purpose, so the balance type alone does not tell.)"""
    return side is not None and bool(_OTHER_SIDE[side].search(concept.name))


_OTHER_SIDE = {"debit": re.compile(r"Liabilit"), "credit": re.compile(r"Assets?(?:Net)?(?:Current|Noncurrent)?$")}


def _may_take(st: _State, table: Table, row: Row, name: str, side: str | None) -> bool:
    """Whether a row may take a concept the label map offers: its period type, the unit the row
    is printed in, the filer's industry and the row's side of the balance sheet allow it."""
    period = _row_period(table, row)
    concept = st.tax.concepts.get(name)
    if period is None or concept is None or name in st.excluded or _wrong_side(concept, side):
        return False
    cells = tuple(c for c in row.cells if c is not None and c.value is not None)
    if (direction := _DIRECTION.match(name)) and any((c.value < 0) == (direction.group(1) == "Proceeds")
                                                    for c in cells if c.value):
        return False  # "Long-term debt (500)" among financing flows is no proceeds from debt
    return (concept.period_type == ("instant" if period.is_instant else "duration")
            and concept.type == unit_of(table, row, cells))


# a cash-flow statement's schedule of transactions that moved no cash
_NONCASH = re.compile(r"\bnon-?cash\b|\bissued (?:for|in)\b|\bnot involving cash\b", re.I)
# cash-flow concepts of one direction (magnitudes): the printed sign must say the same
_DIRECTION = re.compile(r"^(Proceeds|Payments|Repayments)(?!FromPayments|ForProceeds|FromRepayments)")


def _rule_for(st: _State, table: Table, row: Row, pro_forma_table: bool, side: str | None = None,
              sectioned: bool = False) -> Rule | None:
    """The row's rule: concepts.toml's, else the label map's; None where the row's place says the
    concept is not its (sectioned: an equity statement printed with a section per component)."""
    if (pro_forma_table or names_pro_forma(row.context)) and not _AS_REPORTED.search(row.label):
        return None  # also the lines under "Pro forma data (unaudited):" in a statement or summary
    period = _row_period(table, row)
    if period is None:
        return None
    if any(c.measure for c in table.columns):
        return None  # columns are measures of one item: no standard concept names each of them
    ptype = "instant" if period.is_instant or _row_edge(table, row) else "duration"
    # a dated balance of a roll-forward is the statement's own line, whatever heading is above it
    context = "" if row.period is not None and row.period.is_instant else row.context
    if not context and _BALANCE_ROW.match(row.label) and _RETAINED_ONLY.search(table.title) \
            and not _OTHER_COMPONENTS.search(table.title):
        # "Statements of (Income and) Retained Earnings": its unheaded balances are retained earnings'
        context = "Retained earnings"
    rule = match(st.tax, row.label, context, table.kind.value, ptype, st.excluded)
    if rule is not None and all(st.tax.concept(n).type == MONETARY for n in rule.names):
        unit = unit_of(table, row, tuple(c for c in row.cells if c is not None))
        if unit == PER_SHARE and rule.names[0] in ("DividendsCommonStockCash", "Dividends"):
            return Rule.naming("CommonStockDividendsPerShareDeclared", "a dividends line printed per share")
        if unit == PER_SHARE and rule.names == ("NetIncomeLoss",):
            # "Net income  $1.42" under "Earnings per share:" (or its "Diluted" block): that EPS
            names = eps_of(f"{row.context} {row.label}")
            return dataclasses.replace(Rule.naming(names[0], "a net income line of a per-share block: its EPS"), names=names)
        if unit in (PER_SHARE, SHARES):
            # "Discontinued operations (.16)" under "Earnings (loss) per share:": no dollars
            st.rejected[row.line] = f"extension: {'an amount per share' if unit == PER_SHARE else 'a count of shares'}, not money"
            return None
    if rule is not None and rule.needs_member and _section_member(st, table, row) is None:
        return None  # "Balance at beginning of year" of no component: not the statement's equity
    if rule is not None and row.context and sectioned and _section_member(st, table, row) is None \
            and not rule.names[0].startswith("OtherComprehensiveIncome") \
            and not (rule.names == ("StockholdersEquity",) and _TOTAL_LABEL.match(row.label)):
        # (only that component moves; "Total stockholders' equity" under the last section is the whole)
        # an equity statement with a section per component: a line of a section that names no
        # component ("Class B common stock: Conversion ...") is no movement of the whole equity
        st.rejected[row.line] = "extension: a line of an equity section that names no component"
        return None
    if rule is not None and table.kind is StatementKind.CASHFLOW and _NONCASH.search(row.context) \
            and any(_DIRECTION.match(n) for n in rule.names):
        # "Supplemental schedule of noncash investing and financing activities", "Common stock
        # issued for:": no cash was paid or received
        st.rejected[row.line] = "extension: a noncash transaction, no cash proceeds or payment"
        return None
    if rule is None and (rule := lookup(st.tax, row.label, row.context, table.kind.value, ptype, st.excluded)) is not None:
        # filers' most frequent concept for the words, taken only in the unit the row is printed in
        # ("dividends declared" is per share in most income statements, money in this one)
        cells = tuple(c for c in row.cells if c is not None and c.value is not None)
        if st.tax.concept(rule.names[0]).type != unit_of(table, row, cells):
            return None
        if rule.names[0].startswith("InterestExpense") and not _INTEREST.search(f"{row.context} {row.label}") \
                and not _interest_above(table, row):
            # filers' "Long-term debt" of an income statement sits under "Interest expense:"; a
            # line that no word of ties to interest (selected data's "Long-term debt") is not it
            st.rejected[row.line] = f"extension: nothing printed names interest, as {rule.names[0]} would"
            return None
    if rule is not None and len(rule.names) == 1 and _wrong_side(st.tax.concept(rule.names[0]), side):
        # "Deferred income taxes noncurrent" among the assets is no liability; "Deposits in other
        # banks: / Interest-bearing" no deposit liability
        whose = "the label map's " if rule.origin.startswith("label map:") else ""
        st.rejected[row.line] = f"extension: {whose}{rule.names[0]} is of the other side of the balance sheet"
        return None
    if rule is not None and _PART_HEADING.search(row.context.split(" / ")[-1]) and not re.match(r"total\b", row.label, re.I) \
            and not any(_PART_CONCEPT.search(n) for n in rule.names):
        # "Deposits: / Domestic offices: / Interest-bearing": a part of the whole the words name
        st.rejected[row.line] = f"extension: printed under {row.context.split(' / ')[-1]!r}, a part of {rule.names[0]}"
        return None
    if rule is not None and row.context and not row.after_rule:  # (the total under the rule closes the section)
        for heading, kind in st.tax.apart:
            if any(heading.search(h.strip()) for h in row.context.split(" / ")) \
                    and not any(kind.search(n) for n in rule.names):
                # "Discontinued operations (Note 3): / Income from operations, net of income taxes"
                st.rejected[row.line] = (f"extension: printed under {row.context.split(' / ')[-1]!r}: "
                                         f"not the continuing business's {rule.names[0]}")
                return None
    return rule


# headings that name a part by place ("Domestic offices:", "Foreign:"): the lines under them are
# that part's, not the whole's a concept of the bare words would be
_PART_HEADING = re.compile(r"^\s*(?:domestic|foreign|u\.?\s?s\.?|united states|international|non-?u\.?\s?s\.?|overseas)"
                           r"(?:\s+(?:offices?|operations|subsidiaries|companies))?\s*:?\s*$", re.I)
_PART_CONCEPT = re.compile(r"Domestic|Foreign", re.I)


def _interest_above(table: Table, row: Row, reach: int = 3) -> bool:
    """One of the few lines above names interest ("INTEREST EXPENSE ON Deposits" printed as the
    first line's label, its heading run into it): the lines under it are its parts."""
    k = next((i for i, r in enumerate(table.rows) if r is row), None)
    return k is not None and any(_INTEREST.search(f"{r.context} {r.label}") for r in table.rows[max(0, k - reach):k])


def _row_period(table: Table, row: Row | None = None) -> Period | None:
    if row is not None and table.roll_forward:
        return row.period
    for c in table.columns:
        if c.period is not None:
            return c.period
    return None


# a heading that opens a pro forma block ("Pro forma data (unaudited):"; not "Stockholders' equity
# and pro forma stockholders' equity", a section of the actual balance sheet)
_PRO_FORMA_BLOCK = re.compile(r"\s*(?:\(\d{1,2}\)\s*)?(?:(?:unaudited|supplemental)\s+)?pro\s*-?\s*forma\b", re.I)
# a heading that names what its short lines are parts of: "Cost of revenues:", "Revenues:"
_NAMING_HEADING = re.compile(r"(?:cost of (?:revenues?|sales)|costs? and expenses|revenues?|net revenues?|net sales|"
                             r"operating expenses|operating revenues|other income(?: \(expense\))?)\s*:?", re.I)
_AMOUNT_TEXT = r"\$\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# amounts a label states about its line ("net of income taxes of $4,210, $5,380 and $3,950", "at
# $12.00 per share", "($.34 per share)"); not those that name it ("$2.00 to $5.99" of an option table)
_STATED_AMOUNTS = re.compile(r"\b(?:of|at)\s+" + _AMOUNT_TEXT + r"(?:\s*(?:,\s*and|,|and)\s*" + _AMOUNT_TEXT + r")*"
                             r"|\(\s*" + _AMOUNT_TEXT + r"[^()]*\)")
# a heading of income printed positive and expenses negative: "Other income (expense):"
_INCOME_FIRST = re.compile(r"\bincome\s*\((?:expense|expenses|deductions)\)|\bincome\s+and\s+\(?expense", re.I)
# a heading that opens another block of selected data: a pro forma block ends at it
_DATA_BLOCK = re.compile(r"\b(?:balance sheet|financial position|financial condition|operating|other)\s+data\b|"
                         r"^\s*(?:at|as of)\s+(?:period|year)[- ]end\b", re.I)
_INTEREST = re.compile(r"\binterest\b", re.I)
_BALANCE_BLOCK = re.compile(r"^(?:balance sheet|financial position|financial condition) data\b", re.I)


_AS_REPORTED = re.compile(r"\bas reported\b", re.I)


_CASH_SECTIONS = frozenset({"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
                            "NetCashProvidedByUsedInFinancingActivities"})


def _veto_by_totals(st: _State, table: Table, rules: list[Rule | None]) -> None:
    """Concepts the totals that hold a row contradict: a current item below its side's current
    total, proceeds or payments printed against their direction, a signed concept added as
    printed into a total of the other balance (any rule); and a label-map concept whose balance
    contradicts the total that adds the row: 'Interest' under 'REVENUES' added into 'Total
    revenues' (a credit) is no interest expense (a debit), whatever most filers' 'Interest' lines
    were. The rows are left to the section choice; each veto is recorded in st.rejected."""
    rows = table.rows
    holders = holding_totals(rows)
    currents = {rules[k].names[0]: k for k in range(len(rows)) if rules[k] is not None and len(rules[k].names) == 1
                and rules[k].names[0] in ("AssetsCurrent", "LiabilitiesCurrent")} if table.kind is StatementKind.BALANCE else {}
    for i, rule in enumerate(rules):
        if rule is None or len(rule.names) != 1:
            continue
        if (currents and _below_current_total(st, rows, rules, currents, i) or _against_the_flow(st, rows, rules, holders, i)
                or _signed_against(st, rows, rules, holders, i)):
            rules[i] = None
            continue
        total = _total_of_the_same(table, rows, rules, holders, i)
        if total is not None and _TOTAL_LABEL.match(rows[i].label) and not _TOTAL_LABEL.match(rows[total].label):
            # "Total revenues" less interest expense is "Net revenues": the printed total is the
            # revenues, the line below it another measure
            st.rejected[rows[total].line] = f"extension: the total above it is {rule.names[0]}"
            rules[total] = None
        elif total is not None:
            # "Net sales" added with "Finance revenues" into "Total revenues": a part, not the revenues
            st.rejected[rows[i].line] = f"extension: a part of the total below it that is {rule.names[0]}"
            rules[i] = None
            continue
        if not rule.origin.startswith("label map:"):
            continue
        total = next((t for t in holders.get(i, ()) if t > i and rules[t] is not None and len(rules[t].names) == 1), None)
        if total is None:
            continue
        mine, theirs = st.tax.concepts.get(rule.names[0]), st.tax.concepts.get(rules[total].names[0])
        sections = st.tax.ancestors.get(mine.name, frozenset()) & _CASH_SECTIONS if mine is not None else frozenset()
        if theirs is not None and theirs.name in _CASH_SECTIONS and sections and theirs.name not in sections:
            # "Other assets" among investing flows is no change in operating assets
            st.rejected[rows[i].line] = f"extension: the label map's {mine.name} is not part of {theirs.name}"
            rules[i] = None
            continue
        if (mine is None or theirs is None or not mine.balance or not theirs.balance or mine.balance == theirs.balance
                or mine.name in st.tax.signed):
            continue  # a two-way concept (proceeds or payments) carries its direction in its sign
        printed = [c.value for c in rows[i].cells if c is not None and c.value]
        # added as printed, and printed as additions: a deduction ("Less accumulated
        # depreciation 2,248.9", "(2,248.9)") may well be of the other balance
        if printed and all(v > 0 for v in printed) and component_sign(rows[total], i, rows[i]) > 0:
            st.rejected[rows[i].line] = (f"extension: the label map's {mine.name} ({mine.balance}) is added into "
                                         f"{theirs.name} ({theirs.balance})")
            rules[i] = None


def _below_current_total(st: _State, rows, rules: list[Rule | None], currents: dict[str, int], i: int) -> bool:
    """A current item's concept on a row printed below its side's "Total current ..." line:
    "Accrued warranty" after "Total current liabilities" is no current accrual."""
    name = rules[i].names[0]
    concept = st.tax.concepts.get(name)
    if concept is None or not name.endswith("Current") or name.endswith("Noncurrent") or name in currents:
        return False
    total = currents.get({"debit": "AssetsCurrent", "credit": "LiabilitiesCurrent"}.get(concept.balance or "", ""))
    if total is None or i < total:
        return False
    st.rejected[rows[i].line] = f"extension: {name} is a current item, printed below {rows[total].label!r}"
    return True


def _against_the_flow(st: _State, rows, rules: list[Rule | None], holders: dict, i: int) -> bool:
    """A proceeds or payments concept on a row a net-cash total adds as printed, printed with the
    other direction's sign: "Increase in long-term borrowings (300)" is no proceeds, "Acquisitions,
    net of cash acquired 640" added into the investing total no payment. Recorded in st.rejected."""
    direction = _DIRECTION.match(rules[i].names[0])
    if direction is None:
        return False
    for t in holders.get(i, ()):
        if t > i and rules[t] is not None and rules[t].names[0] in _CASH_SECTIONS and component_sign(rows[t], i, rows[i]) > 0:
            printed = [c.value for c in rows[i].cells if c is not None and c.value]
            if any((v < 0) == (direction.group(1) == "Proceeds") for v in printed):
                st.rejected[rows[i].line] = (f"extension: {rules[i].names[0]} printed with the other direction's "
                                             f"sign in {rules[t].names[0]}")
                return True
    return False


def _signed_against(st: _State, rows, rules: list[Rule | None], holders: dict, i: int) -> bool:
    """A signed income-or-expense concept of one balance ("NonoperatingIncomeExpense", a credit)
    on a row that a total of the other balance (costs and expenses, a debit) adds as printed: its
    printed sign is the total's, not the concept's. Recorded in st.rejected."""
    mine = st.tax.concepts.get(rules[i].names[0])
    if mine is None or mine.name not in st.tax.signed or not mine.balance or mine.type != MONETARY:
        return False
    if rules[i].negate or (mine.balance == "credit" and st.tax.names_expense_first(rows[i].label)):
        # "Other (income) expense, net" names the debit first, "Interest expense, net" names the
        # expense: its fact is the printed number negated
        return False
    for t in holders.get(i, ()):
        if t <= i or rules[t] is None or len(rules[t].names) != 1:
            continue
        theirs = st.tax.concepts.get(rules[t].names[0])
        if theirs is not None and theirs.balance and theirs.balance != mine.balance \
                and theirs.name not in st.tax.signed and component_sign(rows[t], i, rows[i]) > 0:
            st.rejected[rows[i].line] = (f"extension: {mine.name} ({mine.balance}) is added into {theirs.name} "
                                         f"({theirs.balance}) as printed: its sign is the total's")
            return True
    return False


def _map_row(st: _State, t_index: int, table: Table, row: Row, rule: Rule | None, group: str, pro_forma: bool,
             signs: list[int | None] | None = None, combination: bool = False) -> RowMapping | None:
    columns = table.columns
    if table.roll_forward:
        # a roll-forward's periods are its rows': each column is a component in the row's period
        # (a movement schedule's "Balance at Beginning of Year" column: the balance the day before)
        columns = tuple(_measure_at_edge(c, row.period) for c in columns)
    elif names_a_quarter(row.label):
        columns = tuple(_quarter_column(row.label, c) for c in columns)
    elif rule is not None and rule.at is None and (edge := _row_edge(table, row)) is not None:
        # a balance among flows ("At period end: / Loans"): held at the column's end (or start)
        columns = tuple(_at_edge(_edge_label(table, row), c, edge) for c in columns)
    cells = [(col, cell) for col, cell in zip(columns, row.cells) if cell is not None and cell.value is not None]
    statement = table.kind is not StatementKind.NOTE
    kept, others = [], []
    for col, cell in cells:
        if col.member and combination:
            # another company's, an adjustment's or the pro forma column of a combination: also its
            # own extension concept in the plain context, the figure as printed under its heading
            others.append((dataclasses.replace(col, measure=col.member, member=""), cell))
        if col.period is None:
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r} is in a column without a period "
                                                              f"({col.heading or 'no heading'!r})"))
        elif col.member and not placed(col.member, statement):
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r} is in a column of {col.member!r}, "
                                                              f"not the consolidated figures (left out)"))
        elif col.index in st.adjusting and (st.adjusting[col.index] is None or (row.line, col.index) not in st.adds_up):
            # an adjustment is the change it makes: without the sum that shows whether it adds or
            # takes away, its fact could state the opposite change
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r} is in a column of {col.member!r} "
                                                              f"that the line's other columns do not add up with: "
                                                              f"whether it adds or takes away cannot be told (no fact in its member context)"))
        elif counts_units(col.measure or col.heading):
            # a column of "Rentable Square Feet", or "Number of Hotels" under a heading that also
            # names the year: counts, not money
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r} in a column of "
                                                              f"{col.measure or col.heading!r} counts units, not money: "
                                                              f"no unit is declared for it (left out)"))
        else:
            kept.append((col, cell))
    cells = kept
    label = row.label or f"Subtotal (line {row.line})"
    if table.roll_forward and find_dates(row.label) and not DATED_BALANCE.match(row.label):
        # a schedule's row named by its period: its account (the heading over it, not a caption
        # of periods like "For the year ended:"), else the table's title
        heading = next((h for h in reversed(row.context.split(" / ")) if h and not _PERIOD_CAPTION.fullmatch(h.strip())), "")
        label = heading.rstrip(":") or table.title or label
    statistic = statistic_of(row.label, row.context.split(" / ")[-1] if row.context else "") if cells else ""
    if cells and (counts_units(row.label) or names_a_ratio(row.label) or statistic) \
            and not all(c.percent for _, c in cells):
        # "Macintosh CPU unit sales 827,000" or "Ratio of earnings to fixed charges 4.73" under
        # "(dollars in millions)": a count or a ratio, not money
        what = "counts units" if counts_units(row.label) else statistic or "is a ratio or an amount per unit"
        for _, cell in cells:
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r} {what}, not money: "
                                                              f"no unit is declared for it (left out)"))
        return None
    if others:
        pro_label = label if PRO_FORMA.search(label) else f"Pro forma {label}"
        made = _extension_facts(st, t_index, table, row, others, group, pro_label)
        st.evidence.append((row.line, label, tuple(c.qname for c in made),
                            "extension: a column of a pro forma combination that is not the registrant's"))
    if not cells:
        return None
    if rule is not None:
        concepts = [st.tax.concept(n) for n in rule.names]
        facts = [f for c in concepts for f in _facts_for(st, t_index, table, row, c, rule, cells, group, signs)]
        clash = next((pair for f in facts if (pair := _conflict(st, f)) is not None), None)
        if clash is None:
            _emit(st, facts)
            _parenthetical(st, t_index, table, row, rule, cells)
            if facts:
                st.evidence.append((row.line, label, tuple(c.qname for c in concepts), rule.origin))
            return RowMapping(tuple(concepts), _factor(facts, table, cells), rule.at) if facts else None
        new, old = clash
        st.warnings.append(
            f"line {row.line}: {label!r} prints {_printed(new)} where line {old.source.line if old.source else '?'} "
            f"prints {_printed(old)} for the same {new.concept.name} ({new.context.id}); "
            f"kept as an extension concept")
        if rule.at:
            # a balance at the start or end of the column's period stays a balance at that date
            dated = {(f.source.line, f.source.col): f.context.period for f in facts if f.source}
            for _, cell in cells:
                if (cell.line, cell.col) not in dated:
                    st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r}: no date for the balance "
                                                                      f"it states (left out)"))
            cells = [(dataclasses.replace(col, period=dated[(cell.line, cell.col)]), cell) for col, cell in cells
                     if (cell.line, cell.col) in dated]
    row_unit = unit_of(table, row, tuple(cell for _, cell in cells))
    if table.roll_forward:
        row_unit = MONETARY  # "Cash dividends of $0.48 per common share": the amount paid
    base_label = label if not pro_forma or PRO_FORMA.search(label) else f"Pro forma {label}"
    if row_unit == PER_SHARE and PER_SHARE_WORDS.search(row.context) and not PER_SHARE_WORDS.search(label):
        base_label = f"{row.context.split(' / ')[-1]} - {base_label}"  # "Diluted earnings per share - Extraordinary loss": one per block
    elif row.line in st.segments:
        base_label = " - ".join(h.rstrip(": ") for h in row.context.split(" / "))  # the headings' figure; the segment is its member
    elif row.context and _FOOTNOTE_BLOCK.match(row.context):
        # "Amortization of deferred stock compensation - Sales and marketing": the footnote's figure
        heading = _FOOTNOTE_BLOCK_MARK.sub("", row.context.split(" / ")[0]).rstrip(": ")
        base_label = f"{heading} - {label}" if row.label else f"Total {heading[:1].lower()}{heading[1:]}"
    elif row.context and _PRESENTATION_ONLY.fullmatch(" ".join(label.split())):
        # "As previously reported" under "Net revenues:": which figure it is of is the heading's
        base_label = f"{row.context.split(' / ')[-1].rstrip(':')} - {base_label}"
    elif row.context and row.label and len(row.label.split()) <= 2 and table.kind is not StatementKind.NOTE \
            and not pro_forma and _NAMING_HEADING.fullmatch(row.context.split(" / ")[-1].strip()):
        # "License" under "Cost of revenues:": the cost of licenses, one name in every table
        # (it was "License2" in the quarter's table, "License3" in the year's)
        base_label = f"{row.context.split(' / ')[-1].strip().rstrip(':')} - {base_label}"
    made = _extension_facts(st, t_index, table, row, cells, group, base_label, row_unit)
    why = ("extension: a standard concept would take another value than an earlier line's" if rule is not None
           else "extension: pro forma figures never take a statement concept" if pro_forma
           else "extension: the columns are measures of one item" if any(c.measure for c in table.columns)
           else st.rejected.get(row.line, "extension: no rule, label-map entry or arithmetic names it"))
    st.evidence.append((row.line, label, tuple(c.qname for c in made), why))
    return RowMapping(tuple(made), 1) if len(made) == 1 else None


_AVERAGE = re.compile(r"\baverages?\b", re.I)  # "BALANCE SHEET AVERAGES: Total Assets": over the period


def _balance_edge(label: str, period: Period) -> str | None:
    """"Balance at January 1" over a year's column: its start; "Balance, December 31": its end."""
    md = parse_month_day(label) if DATED_BALANCE.match(label) else None
    start = period.start
    if md is None or start is None:
        return None
    return "start" if md == (start.month, start.day) else "end" if md == (period.end.month, period.end.day) else None


# a note's line of what is held at the year's end among its years' flows: "Identifiable assets"
# beside segment revenues, "Assets at December 31" (a return on or a sale of assets is a flow)
_HELD_AT_END = re.compile(r"^(?:(?:total|identifiable|corporate|other|segment|geographic|long[- ]lived)\s+)*assets\b"
                          r"(?!.*\b(?:sold|sales?|dispos\w*|acqui\w*|purchase\w*|return|written|impair\w*))|"
                          # selected data: "Working capital", "Long-term debt", "Stockholders' equity",
                          # the lines under "Balance sheet data:"
                          r"^(?:total )?(?:liabilities|working capital|long[- ]term (?:debt|obligations)|"
                          r"(?:stockholders|shareholders|share ?owners)'? equity|capitalization)\s*$|"
                          r"^balance sheet data\b|\bfinancial (?:position|condition) data\b|"
                          r"\bat (?:december|january|february|march|april|may|june|july|august|september|october|"
                          r"november) \d{1,2}\b|\bat (?:the )?(?:year|fiscal year|period|quarter)[- ]end\b|"
                          r"\bat (?:the )?end of (?:the )?(?:year|period|quarter)\b", re.I)


def _row_edge(table: Table, row: Row) -> str | None:
    """'start' or 'end' for a row that states a balance among flows ("Balance at beginning of
    year", a note's "Identifiable assets"); None for a flow or a dated balance ("Balance at
    January 1", placed by each column's dates)."""
    return _edge_by_words(row.label, row.context, table.kind)


@functools.lru_cache(maxsize=8192)  # (asked of a row by several passes; labels recur in every period's table)
def _edge_by_words(label: str, context: str, kind: StatementKind) -> str | None:
    edge = edge_of(label)
    heading = context.split(" / ")[-1] if context else ""
    if edge is None and kind is StatementKind.NOTE and not DATED_BALANCE.match(label) \
            and not _AVERAGE.search(f"{context} {label}") \
            and (_HELD_AT_END.search(label) or _HELD_AT_END.search(heading)):
        edge = "end"
    elif edge is None and kind is not StatementKind.BALANCE and _BALANCE_BLOCK.search(heading) \
            and not _AVERAGE.search(f"{context} {label}"):
        edge = "end"  # selected data read as an income statement: its "Balance Sheet Data:" lines
    return edge


_PRESENTATION_ONLY = re.compile(r"(?:as )?(?:(?:previously|originally) (?:reported|stated)|restated|reported|adjusted)",
                                re.I)
_PERIOD_CAPTION = re.compile(r"(?:for the )?(?:fiscal )?(?:years?|periods?|quarters?)(?: ended| ending)?:?", re.I)


def _measure_at_edge(col: Column, period: Period | None) -> Column:
    """A column of a row's own period; a measure naming the period's start or end balance
    ("Balance at Beginning of Year") is the instant at that edge."""
    edge = edge_of(col.measure) if col.measure and period is not None and period.start is not None else None
    if edge == "start":
        return dataclasses.replace(col, period=Period(period.start - dt.timedelta(days=1)))
    if edge == "end":
        return dataclasses.replace(col, period=Period(period.end))
    return dataclasses.replace(col, period=period)


def _quarter_column(label: str, col: Column) -> Column:
    """A row "Third quarter" under a year's column (quarterly data printed with the quarters as
    rows): the column's period is that quarter of the year, counted in months where the year
    ends at a month's end; of a year of weeks the quarter is not known, and is left out."""
    period = col.period
    if period is None or period.start is None:
        return col
    start = period.start
    if round(((period.end - start).days + 1) / 30.44) == 3 and not find_dates(col.heading):
        start = start_of(period.end, 12)  # a bare year's column read as its last quarter: the year
    quarter = ordinal_quarter_span(label, start, period.end) if is_month_end(period.end) else None
    return dataclasses.replace(col, period=Period(quarter[1], quarter[0]) if quarter else None)


def _edge_label(table: Table, row: Row) -> str:
    """The label whose date places a row: its own, or, for a line printed between two balances
    of one date ("Less reinsurance recoverables" between "Balance at January 1" and "Net balance
    at January 1"), theirs: a part of a balance is held at its date."""
    if DATED_BALANCE.match(row.label):
        return row.label
    return _between_balances(table.rows).get(id(row), row.label)


@last_answer  # (asked once per row of the table)
def _between_balances(rows: tuple[Row, ...]) -> dict[int, str]:
    """id(row) -> the label of the dated balance above it, for each row printed between two
    balances of one date (the nearest rows with a number above and below it)."""
    valued = [k for k, r in enumerate(rows) if any(c is not None and c.value is not None for c in r.cells)]
    out: dict[int, str] = {}
    for k, row in enumerate(rows):
        j = bisect.bisect_left(valued, k)  # valued[j - 1] < k; valued[j] >= k
        above = valued[j - 1] if j > 0 else None
        if j < len(valued) and valued[j] == k:
            j += 1  # (the row's own number is neither)
        below = valued[j] if j < len(valued) else None
        if above is None or below is None:
            continue
        a, b = rows[above].label, rows[below].label
        if DATED_BALANCE.match(a) and DATED_BALANCE.match(b) and parse_month_day(a) == parse_month_day(b):
            out.setdefault(id(row), a)
    return out


def _at_edge(label: str, col: Column, edge: str | None) -> Column:
    """The column of a balance printed among flows, dated at the edge of the column's period:
    the day before it for its start, its last day for its end (a dated label: by its date)."""
    period = col.period
    if period is None or period.start is None:
        return col
    edge = edge or _balance_edge(label, period)
    if edge is None:
        return col
    return dataclasses.replace(col, period=Period(period.start - dt.timedelta(days=1)) if edge == "start"
                               else Period(period.end))


def _extension_facts(st: _State, t_index: int, table: Table, row: Row, cells, group: str, base_label: str,
                     row_unit: str | None = None) -> list[Concept]:
    """Facts of the row's cells under extension concepts of its label, one per column measure."""
    if row_unit is None:
        row_unit = unit_of(table, row, tuple(cell for _, cell in cells))
    if any(col.period is not None and col.period.start is not None for col, _ in cells):
        edge, dated_by = _row_edge(table, row), _edge_label(table, row)  # (only durations have edges)
        cells = [(_at_edge(dated_by, col, edge), cell) for col, cell in cells]
    by_measure: dict[str, list] = {}
    for col, cell in cells:
        by_measure.setdefault(col.measure, []).append((col, cell))
    made: list[Concept] = []
    for measure, group_cells in by_measure.items():
        text = f"{base_label} {measure}".strip()
        unit_type = measure_unit(measure, row_unit)
        if unit_type is None:
            # "Remaining Contractual Life (in years)": a span of time, for which no unit is declared
            st.unmapped.extend(Unmapped(cell.line, row.label, f"value {cell.text!r} in a column of {measure!r} "
                                                              f"is a span of time or a rate, not money: no unit is declared for it (left out)")
                               for _, cell in group_cells)
            continue
        period = group_cells[0][0].period
        ptype = "instant" if period.is_instant else "duration"
        # "Film inventories (Note 1)" and "Film inventories" are one concept in two statements
        # (and without the amounts a label states: "net of income taxes of $4,210, $5,380 and
        # $3,950" names one concept whatever the year's figures)
        name = _extension_name(text)
        concept = st.ext.get(name, unit_type, ptype, text if not measure else f"{base_label} - {measure}")
        facts = _facts_for(st, t_index, table, row, concept, None, group_cells, group)
        if any(_conflict(st, f) for f in facts):
            concept = st.ext.fresh(name, unit_type, ptype, concept.label)
            facts = _facts_for(st, t_index, table, row, concept, None, group_cells, group)
        _emit(st, facts)
        made.append(concept)
    return made


@functools.lru_cache(maxsize=8192)  # (the same labels recur in every period's table)
def _extension_name(text: str) -> str:
    return camel(_STATED_AMOUNTS.sub(" ", NOTE_REF.sub(" ", text))) or camel(NOTE_REF.sub(" ", text))


def _factor(facts: list[Fact], table: Table, cells, unknown: int | None = 1) -> int | None:
    """+1 when the facts carry the printed signs, -1 when they carry the opposite ones (unknown
    where no fact shows it: a zero, or no figure)."""
    for f in facts:
        printed = next((cell.value for col, cell in cells if f.source and cell.line == f.source.line
                        and cell.col == f.source.col), None)
        if printed and f.value:
            return 1 if (printed > 0) == (f.value > 0) else -1
    return unknown


def _printed_negative(row: Row) -> bool:
    """Some number of the row printed negative: under "Other income (expense):" the row prints
    the net's own sign ("Interest expense, net  (214)  38"); printed positive throughout it is
    the expense ("Interest expense, net  214  196" above a subtotal of (202))."""
    return any(c is not None and c.value is not None and c.value < 0 for c in row.cells)


def _negative_throughout(row: Row) -> bool:
    """Every number of the row printed negative: "Income tax benefit  (11,549)" in a statement of
    expenses printed positive shows the benefit by its parentheses, as the negative expense it is
    (printed with its opposite in another column, "Income tax benefit 500 (200)", the row names
    the benefit positive)."""
    values = [c.value for c in row.cells if c is not None and c.value]
    return bool(values) and all(v < 0 for v in values)


def _facts_for(st: _State, t_index: int, table: Table, row: Row, concept: Concept, rule: Rule | None,
               cells, group: str, signs: list[int | None] | None = None) -> list[Fact]:
    out = []
    section = _section_member(st, table, row)  # the component of the row's section, if any
    # an adjustment is the change it makes to the line's figure: the sign the table's arithmetic
    # gives it, turned as the line's own figure was turned (a benefit's, a loss's)
    adjusted = [(col, cell) for col, cell in cells if col.member and st.adjusting.get(col.index)]
    if adjusted:
        cells = [(col, cell) for col, cell in cells if not (col.member and st.adjusting.get(col.index))]
    for col, cell in cells:
        period = col.period
        if rule is not None and rule.at == "start":
            period = Period(period.start - dt.timedelta(days=1)) if period.start else None
        elif rule is not None and rule.at == "end":
            period = Period(period.end)
        elif rule is not None and rule.at == "dated":
            period = _dated_instant(row.label, period)
        if period is None:
            continue
        if (concept.period_type == "instant") != period.is_instant:
            # an extension concept is made per period type; a standard one must match
            st.unmapped.append(Unmapped(cell.line, row.label, f"value {cell.text!r}: its column's period "
                                                              f"({period.key()}) is not the kind {concept.name} takes (left out)"))
            continue
        value, decimals = _scaled(table, concept, cell, row.scale)
        factor = signs[col.index] if signs else None
        if rule is not None and factor is not None:
            value = value * factor
        elif rule is not None:
            if concept.name in st.tax.signed and not rule.magnitude:
                if rule.negate and not (table.kind is StatementKind.INCOME and (
                        _negative_throughout(row) or (_INCOME_FIRST.search(row.context) and _printed_negative(row)))):
                    value = -value  # "Income tax benefit  47,937": the expense is -47,937
                elif ("Loss" in concept.name or concept.name.startswith("EarningsPerShare")) and (
                        st.tax.loss_first(row.label) or value > 0 and st.tax.names_a_loss(row.label)):
                    value = -value  # "Net loss per share  $ 1.02"; "Net loss (income)  1,723  (201)"
                elif concept.balance == "credit" and st.tax.names_expense_first(row.label):
                    value = -value  # "Other (income) expense, net  (215)": income of 215
            else:
                value = abs(value)
        out.append(_cell_fact(st, t_index, table, row, concept, col, cell, period, value, decimals, group, section))
    if adjusted:
        out += _adjustment_facts(st, t_index, table, row, concept, rule, adjusted, group, out, cells)
    return out


def _adjustment_facts(st: _State, t_index: int, table: Table, row: Row, concept: Concept, rule: Rule | None,
                      adjusted, group: str, made: list[Fact], cells) -> list[Fact]:
    """Facts of a row's adjustment cells: each the change it makes, printed value times the sign
    the table's arithmetic gave its column, turned as the row's other figures were turned from
    their printed values to the concept's (a line of an unsigned concept keeps its printed signs)."""
    if rule is not None and rule.at is not None:
        return []  # (a roll-forward's balances: no adjustment of a movement is placed at a date)
    adjusted = [(col, cell) for col, cell in adjusted
                if (concept.period_type == "instant") == col.period.is_instant]
    if not adjusted:
        return []
    turned = _factor(made, table, cells, unknown=None)
    if turned is None:
        # no figure of the line shows how its printed signs turn into the concept's
        st.unmapped.extend(Unmapped(cell.line, row.label, f"value {cell.text!r} is an adjustment of a line without "
                                                          f"another figure to show its sign (left out)")
                           for _, cell in adjusted)
        return []
    out = []
    for col, cell in adjusted:
        value, decimals = _scaled(table, concept, cell, row.scale)
        out.append(_cell_fact(st, t_index, table, row, concept, col, cell, col.period,
                              value * st.adjusting[col.index] * turned, decimals, group))
    return out


def _cell_fact(st: _State, t_index: int, table: Table, row: Row, concept: Concept, col: Column, cell: Cell,
               period: Period, value: Decimal, decimals: int, group: str, section=None) -> Fact:
    """The fact of one cell: in the context of its period, its entity, its row's section and its
    column's member."""
    dims = ((section,) if section else ()) + (
        (st.dims.member(col.member, table.kind.value, table.combination),) if col.member else ())
    return Fact(concept, st.contexts.context(period, st.entity, dims=dims), value, st.contexts.unit_for(concept.type),
                decimals, SourceRef(cell.line, cell.col, cell.text), row.label, t_index, group)


_TOTAL_LABEL = re.compile(r"total\b", re.I)
_RETAINED_ONLY = re.compile(r"\bretained earnings|\bearnings (?:retained|reinvested)|\breinvested earnings|"
                            r"\baccumulated deficit", re.I)
_BALANCE_ROW = re.compile(r"balances?\b", re.I)
_OTHER_COMPONENTS = re.compile(r"\b(?:stockholders|shareholders|shareowners|equity|capital|investment)", re.I)


def _total_of_the_same(table: Table, rows, rules: list[Rule | None], holders, i: int) -> int | None:
    """The total below row i that adds it with other rows and takes the same concept (an income
    statement's or balance sheet's own lines; balances of a roll-forward hold the next one)."""
    rule = rules[i]
    if table.kind not in (StatementKind.INCOME, StatementKind.BALANCE) or rule.at is not None or rows[i].period is not None:
        return None
    return next((t for t in holders.get(i, ()) if t > i and rules[t] is not None and rules[t].names == rule.names
                 and sum(t in held for held in holders.values()) > 1), None)


def _segment_note() -> re.Pattern:
    return toml_pattern("statements.toml", "segment_note", "words")  # the words of a segment note


def _names_a_figure(tax: Taxonomy, label: str) -> bool:
    """Whether a rule or the label map gives the label a concept on a statement of income or
    financial position: a figure, not a segment's name."""
    return any(match(tax, label, "", statement, period) is not None or lookup(tax, label, "", statement, period) is not None
               for statement, period in (("income", "duration"), ("balance", "instant")))


def _segment_rows(table: Table, tax: Taxonomy) -> dict[int, str]:
    """line -> segment, for a segment note printed as figures over segments ("Net sales:",
    "Operating income:", "Identifiable assets:", each over "Specialty foods / Food service /
    Corporate"): the labels printed again under two headings or more, in a note whose title or
    introduction speaks of segments; totals are the whole's."""
    if table.kind is not StatementKind.NOTE or table.roll_forward or any(c.member or c.measure for c in table.columns) \
            or not _segment_note().search(f"{table.title} {table.intro[-400:]}"):
        return {}
    under: dict[str, set[str]] = {}
    for r in table.rows:
        key = " ".join(r.label.lower().split())
        if r.context and key and not _TOTAL_LABEL.match(r.label) and any(c is not None and c.value is not None for c in r.cells):
            under.setdefault(key, set()).add(r.context.split(" / ")[-1])
    segments = {k for k, headings in under.items() if len(headings) >= 2}
    if any(_names_a_figure(tax, k) for k in segments):
        return {}  # the rows name the figures ("Sales", "Operating profit" under each segment's name)
    headings = {h for k in segments for h in under[k]}
    if len(segments) < 2 or sum(len([k for k in segments if h in under[k]]) >= 2 for h in headings) < 2:
        return {}
    # every line under a heading of segments is a segment's ("Corporate" under "Operating income:" only)
    of_segments = {h for h in headings if len([k for k in segments if h in under[k]]) >= 2}
    return {r.line: " ".join(r.label.split()) for r in table.rows
            if r.context and r.context.split(" / ")[-1] in of_segments and not _TOTAL_LABEL.match(r.label)
            and r.label.strip() and any(c is not None and c.value is not None for c in r.cells)}


def _section_member(st: _State, table: Table, row: Row):
    """An equity statement printed with a section per component (year columns; "Common Stock",
    "Capital in excess of par value", "Earnings retained" over their balances and movements): the
    component of the row's section, or None."""
    if row.line in st.segments:
        return st.dims.member(st.segments[row.line], "segments")  # a segment note's line: its segment
    if table.kind is not StatementKind.EQUITY or table.roll_forward or any(c.member for c in table.columns):
        return None
    if _TOTAL_LABEL.match(row.label):
        return None  # "Total stockholders' equity" under the last section is the whole, not its part
    return st.dims.section_member(row.context, table.kind.value)


def _dated_instant(label: str, period: Period) -> Period | None:
    """'Cash ... at January 1' in a column of 2001: the instant before the period starts; 'at
    December 31': its end, or else the day before the start ('Retained earnings, December 31'
    opening a half year to June 30); a day that is none of these gives no fact (a 52-53 week
    year's 'December 31' neither opens nor closes the column ended December 28)."""
    md = parse_month_day(label)
    if md is None or period.start is None:
        return None
    if md == (period.end.month, period.end.day):
        return Period(period.end)
    before = period.start - dt.timedelta(days=1)
    if md == (before.month, before.day) or md == (period.start.month, period.start.day) == (period.start.month, 1):
        return Period(before)
    return None


def _scaled(table: Table, concept: Concept, cell: Cell, own: int | None = None) -> tuple[Decimal, int]:
    if concept.type == PERCENT:
        # XBRL keeps percentages as fractions: 35% is 0.35
        return cell.value / 100, cell.decimals + 2
    if concept.type == PER_SHARE:
        scale = table.per_share_scale
    elif own:  # "Shares outstanding (in millions)": the row's own scale
        scale = own
    else:
        scale = table.scale if concept.type == MONETARY else table.shares_scale
    value = cell.value * scale
    shift = len(str(scale)) - 1
    return value, cell.decimals - shift


def _conflict(st: _State, f: Fact) -> tuple[Fact, Fact] | None:
    """(f, the earlier fact) when an earlier fact of the same concept and context has another value
    (one printed in millions that rounds the other, printed in thousands, is the same value:
    "Net earnings $35.5" in a cash-flow statement beside "$35,510" in the income statement)."""
    prev = st.seen.get((f.concept.qname, f.context.id, f.unit.id if f.unit else ""))
    return (f, prev) if prev is not None and prev.value != f.value and not _same_rounded(prev, f) else None


def _same_rounded(a: Fact, b: Fact) -> bool:
    """Two numbers that agree at the coarser of their precisions (XBRL's consistent duplicates)."""
    if not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal) or a.decimals is None \
            or b.decimals is None or a.decimals == b.decimals:
        return False
    step = Decimal(1).scaleb(-min(a.decimals, b.decimals))
    return a.value.quantize(step, rounding=ROUND_HALF_UP) == b.value.quantize(step, rounding=ROUND_HALF_UP)


def _printed(f: Fact) -> str:
    return f.source.text if f.source and f.source.text else str(f.value)


def _emit(st: _State, facts: list[Fact]) -> None:
    for f in facts:
        key = (f.concept.qname, f.context.id, f.unit.id if f.unit else "")
        if key in st.seen:
            # the same number printed twice (a note repeating a statement line), or rounded (a
            # statement in millions beside one in thousands): the statement's, mapped first, stays
            continue
        st.seen[key] = f
        st.facts.append(f)


def _parenthetical(st: _State, t_index: int, table: Table, row: Row, rule: Rule, cells) -> None:
    """Numbers printed inside a label: par value, shares authorized / issued / outstanding / in treasury."""
    instants = [col.period for col, _ in cells if col.period is not None and col.period.is_instant and not col.member]
    if not instants:
        return
    for pr in st.tax.parentheticals:
        if not pr.row & set(rule.names):
            continue
        for pattern in pr.patterns:
            m = pattern.search(row.label)
            if m:
                # one count "authorized, issued and outstanding" is the same at every date printed
                every = (pr.name.endswith("Authorized") or pr.unit == "USD/shares" or len(instants) == 1
                         or bool(_ALL_THREE.search(row.label)))
                placed_at = _place_numbers(m.group(1), instants, row.label[m.end():m.end() + 40], every)
                if pr.name.endswith(("Issued", "Outstanding")):
                    # "133,130,984 shares issued and outstanding at June 26, 1998 (127,949,220
                    # shares at September 26, 1997)": the other date's count in parentheses
                    for more in _SHARES_AT.finditer(row.label):
                        day = find_dates(more.group(2))
                        match = [p for p in instants if day and p.end == day[0][1]]
                        if match and all(p != match[0] for p, _ in placed_at):
                            placed_at.append((match[0], more.group(1)))
                # "75,000 shares authorized" under "(In thousands, except per share amounts)":
                # thousands of shares, as the table's share lines; a count printed in full
                # ("75,000,000 shares") is taken as printed
                scale = _caption_share_scale(table, row, cells) if pr.unit == "shares" else 1
                for period, raw in placed_at:
                    _parenthetical_fact(st, t_index, row, pr, period, raw, scale)
                break


_FULL_COUNT = 1000000  # a caption's share count this large is printed in full, whatever the table's scale
_PAR = re.compile(r"\$\s?(\d*\.\d+|\d+)\s+(?:par|stated)\b", re.I)
_COUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:and\s+(\d{1,3}(?:,\d{3})+|\d+)\s+)?shares\b", re.I)


def _caption_share_scale(table: Table, row: Row, cells) -> int:
    """The scale of the share counts a caption prints: the table's share scale where the line's
    own amount is the par value times a count read in it ("$.02 par value ... issued and
    outstanding 5,483 and 4,782 shares" beside $110 thousand: thousands of shares), else as printed
    ("no par value; 75,000 shares" of preferred stock at $7,500 thousand proves nothing)."""
    par = _PAR.search(row.label)
    amount = next((cell.value * table.scale for _, cell in cells if cell.value), None)
    if table.shares_scale <= 1 or par is None or amount is None or not Decimal(par.group(1)):
        return 1
    counts = [Decimal(g.replace(",", "")) for m in _COUNT.finditer(row.label) for g in m.groups() if g]
    for count in counts:
        if count < _FULL_COUNT and abs(abs(amount) - count * table.shares_scale * Decimal(par.group(1))) <= abs(amount) / 10:
            return table.shares_scale
    return 1


_UP_TO_DATE = re.compile(r"\s*(?:and\s+outstanding\s*)?,?\s*(?:at|as\s+of)\s*", re.I)
_SHARES_AT = re.compile(r"\(\s*(\d{1,3}(?:,\d{3})+)\s+shares\s+(?:at|as\s+of)\s+([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})\s*\)")
_ALL_THREE = re.compile(r"\bauthorized,?\s+issued\s+and\s+outstanding\b", re.I)


def _place_numbers(text: str, instants: list[Period], tail: str, every: bool) -> list[tuple[Period, str]]:
    """Numbers of a label to the columns they belong to; none when that is not clear."""
    items = [(m.group(1), m.group(2)) for m in ITEM.finditer(text)] or [(text, None)]
    if len(items) == 1 and items[0][1] is None:
        tail = " ".join(tail.split())
        dated = find_dates(tail)
        if dated and (dated[0][0] < 6 or _UP_TO_DATE.fullmatch(tail[:dated[0][0]])):
            # "... outstanding at June 26, 1998", "... shares issued and outstanding at June 26, 1998"
            items = [(items[0][0], str(dated[0][1].year))]
    if all(year for _, year in items):
        out = []
        for raw, year in items:
            match = [p for p in instants if p.end.year == int(year)]
            if len(match) == 1:
                out.append((match[0], raw))
        return out
    if len(items) == 1:
        # one number for several columns: it holds for all of them only where that is the rule
        return [(p, items[0][0]) for p in instants] if every else []
    if len(items) == len(instants):
        return list(zip(instants, (raw for raw, _ in items)))
    return []


def _parenthetical_fact(st: _State, t_index: int, row: Row, pr, period: Period, raw: str, scale: int = 1) -> None:
    number = raw.replace(",", "")
    concept = st.tax.concept(pr.name)
    value, decimals = Decimal(number), len(number.split(".")[1]) if "." in number else 0
    if scale > 1 and value < _FULL_COUNT:
        value, decimals = value * scale, decimals - (len(str(scale)) - 1)
    fact = Fact(concept, st.contexts.context(period, st.entity), value, st.contexts.unit_for(concept.type),
                decimals, SourceRef(row.line, 0, raw), row.label, t_index, "parenthetical")
    if not _conflict(st, fact):
        _emit(st, [fact])
