"""The map stage: parsed tables to facts (concept, context, unit, decimals, value, source)."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from converter.dates import year_end
from converter.parsing.values import is_dash
from converter.mapping.arithmetic import (
    assets_by_identity, gross_and_net, gross_before_deduction, holding_totals, infer_totals, parallel_parts,
    sibling_claims,
)
from converter.mapping.arithmetic_signs import (
    share_scale_by_eps, signs_by_cash_balances, signs_by_cash_effect, signs_by_difference,
)
from converter.mapping.contexts import ContextSet
from converter.mapping.cover_facts import cover_facts, document_period_end
from converter.mapping.dialects import dialect_of, foreign_concepts
from converter.mapping.dimensions import adjustment_signs, Dimensions, with_dimensions
from converter.mapping.extension import ExtensionSet, filer_prefix
from converter.mapping.labels import lookup, match, names_pro_forma
from converter.companies import same_company
from converter.mapping.checks import breaking, check_calculations, identities, printed_misprints
from converter.mapping.narrative import Narrative, narrative_facts
from converter.mapping.schedule import disagreements, schedule_facts
from converter.mapping.sections import by_section
from converter.mapping.structure import build_structure, narrative_network, schedule_network
from converter.resources import toml_pattern
from converter.mapping.taxonomy import Rule, Taxonomy, load_taxonomy
from converter.mapping.unstated_scale import decide
from converter.model import (
    Entity, Label, ParsedFiling, SkippedTable, StatementKind, Table, Unmapped, XbrlModel,
)
from converter.mapping.units import SHARES, unit_of
from converter.mapping.state import MapState
from converter.mapping.emit import TOTAL_LABEL, section_member
from converter.mapping.vetoes import veto_by_totals
from converter.mapping.choose import (
    balance_sides, instead_by_title, may_take, net_when_negative, rule_for, sides_by_totals, whole_of,
)
from converter.mapping.row_facts import FOOTNOTE_BLOCK, map_row

CIK_SCHEME = "http://www.sec.gov/CIK"
FALLBACK_SCHEME = "http://txt2xbrl.invalid/entity-name-no-cik"
NAMED_SCHEME = "http://txt2xbrl.invalid/entity-name"  # a company the filing reports on that has no CIK here


def map_filing(parsed: ParsedFiling, cik: str | None = None, narrative: bool = True, zeros: bool = False) -> XbrlModel:
    """Facts, contexts, networks and labels of a parsed filing; narrative=False leaves running text out;
    zeros=True makes a dash in a statement's amount column a fact of 0."""
    tax = load_taxonomy()
    if zeros:
        parsed = dataclasses.replace(parsed, tables=tuple(map(dashes_as_zeros, parsed.tables)))
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

    def mapped(parsed: ParsedFiling, warnings: list[str]) -> MapState:
        ext = ExtensionSet(prefix, namespace, tax.standard_names)
        st = MapState(tax, ContextSet(entity), ext, warnings=warnings, registrant=name, dims=Dimensions(ext),
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
    st.warnings.extend(disagreements(schedule))
    for sk in parsed.skipped_tables:
        st.unmapped.append(Unmapped(sk.first_line, "", f"table skipped (lines {sk.first_line}-{sk.last_line}): {sk.reason}"))
    used = {f.concept.qname: f.concept for f in facts}
    networks, labels = build_structure(parsed.tables, st.rows, st.ext, f"http://txt2xbrl.invalid/{prefix}", used,
                                       name)
    networks, inconsistencies = check_calculations(networks, facts, parsed.tables)  # the filing's own numbers
    schedule.keep_only(breaking(networks, facts, schedule.facts))
    facts += schedule.facts
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
        name=parsed.filing.name, entity=entity, prefix=prefix, namespace=namespace, header=parsed.filing.header,
        documents=parsed.filing.documents + parsed.filing.schedules,
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


def _with_unstated_scale(st: MapState, parsed: ParsedFiling) -> tuple[ParsedFiling, str]:
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


def _map_table(st: MapState, t_index: int, table: Table) -> None:
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
    sides = balance_sides(table)
    sectioned = any(section_member(st, table, r) is not None for r in table.rows if r.context)
    # "Pro forma data (unaudited):" over the lines below the statement: they and every line after
    # them are pro forma, also under a heading of their own ("Net income per share:") printed
    # at the same margin
    pro_forma_from = next((k for k, r in enumerate(table.rows) if _PRO_FORMA_BLOCK.match(r.context.split(" / ")[0])),
                          len(table.rows))
    # (until selected data's next block: "Balance Sheet Data:")
    pro_forma_to = next((k for k in range(pro_forma_from, len(table.rows))
                         if _DATA_BLOCK.search(table.rows[k].context.split(" / ")[0])), len(table.rows))
    for r_index, row in enumerate(table.rows):
        rules.append(rule_for(st, table, row, pro_forma_table or pro_forma_from <= r_index < pro_forma_to,
                               sides[r_index], sectioned))
    if not pro_forma_table:
        gross_and_net(st.tax, table, rules)
        st.rejected.update({table.rows[i].line: why for i, why in gross_before_deduction(st.tax, table, rules).items()})
        infer_totals(st.tax, table, rules)
        assets_by_identity(table, rules)
        parts = parallel_parts(table, rules)  # before the vetoes take away the concepts the parts share
        veto_by_totals(st, table, rules)
        if not table.roll_forward and not any(c.measure for c in table.columns):
            sides = sides_by_totals(st, table, rules, sides)
            found = by_section(st.tax, table, rules, sides, lambda r, name: may_take(st, table, table.rows[r], name, sides[r]))
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
            rules[r_index] = None if len(headings) > 1 else rule_for(
                st, table, dataclasses.replace(row, label=headings[0].rstrip(": "), context=""), False, sides[r_index], False)
    if table.kind is StatementKind.BALANCE and not any(_CURRENT.search(f"{r.label} {r.context}") for r in table.rows):
        rules = [whole_of(st.tax, rule) for rule in rules]
    for r_index in range(pro_forma_from, pro_forma_to):
        rules[r_index] = None  # (whatever the arithmetic named them)
    for r_index, row in enumerate(table.rows):
        if rules[r_index] is not None and row.context and FOOTNOTE_BLOCK.match(row.context):
            # "(1) Amortization of deferred stock compensation: / Cost of revenues 41 ... / 1,844"
            # under a statement: a footnote's allocation of one line, not the statement's lines
            st.rejected[row.line] = "extension: a line of a footnote's block under the statement"
            rules[r_index] = None
    held = holding_totals(table.rows)
    rules = [rule if held.get(i) else net_when_negative(st.tax, rule, table.rows[i]) for i, rule in enumerate(rules)]
    for title, instead in st.tax.by_title:
        if title.search(table.title):
            rules = [instead_by_title(rule, instead) for rule in rules]
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
        mapped = map_row(st, t_index, table, row, rules[r_index], group, pro_forma_row, signs.get(r_index),
                          combination)
        if mapped is not None:
            st.rows[(t_index, r_index)] = mapped


_CURRENT = re.compile(r"\bcurrent\b", re.I)


# a heading that opens a pro forma block ("Pro forma data (unaudited):"; not "Stockholders' equity
# and pro forma stockholders' equity", a section of the actual balance sheet)
_PRO_FORMA_BLOCK = re.compile(r"\s*(?:\(\d{1,2}\)\s*)?(?:(?:unaudited|supplemental)\s+)?pro\s*-?\s*forma\b", re.I)
# a heading that opens another block of selected data: a pro forma block ends at it
_DATA_BLOCK = re.compile(r"\b(?:balance sheet|financial position|financial condition|operating|other)\s+data\b|"
                         r"^\s*(?:at|as of)\s+(?:period|year)[- ]end\b", re.I)


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
        if r.context and key and not TOTAL_LABEL.match(r.label) and any(c is not None and c.value is not None for c in r.cells):
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
            if r.context and r.context.split(" / ")[-1] in of_segments and not TOTAL_LABEL.match(r.label)
            and r.label.strip() and any(c is not None and c.value is not None for c in r.cells)}


def dashes_as_zeros(table: Table) -> Table:
    """A statement's dashes ("—", "-", "--") as amounts of 0, as the filers' own XBRL tags them; a
    note's dash may mean "not applicable" and stays no amount."""
    if table.kind is StatementKind.NOTE:
        return table
    rows = tuple(dataclasses.replace(r, cells=tuple(
        dataclasses.replace(c, value=Decimal(0)) if c is not None and c.value is None and is_dash(c.text) else c
        for c in r.cells)) for r in table.rows)
    return dataclasses.replace(table, rows=rows)
