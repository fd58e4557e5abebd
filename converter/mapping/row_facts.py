"""One table row to facts: its cells placed on their periods (balances at a period's edges,
dated balances, a quarter's column), its unit, its label as the fact's label (with the heading
of a per-share block or a footnote's block where the label alone says too little), the facts
of its concept or, where none fits, of an extension concept named after the printed label."""
from __future__ import annotations

import dataclasses
import functools
import re

from converter.dates import DATED_BALANCE, find_dates
from converter.mapping.dimensions import placed
from converter.mapping.extension import camel
from converter.mapping.labels import NOTE_REF, PRO_FORMA
from converter.mapping.taxonomy import Rule
from converter.model import Concept, Row, StatementKind, Table, Unmapped
from converter.mapping.units import (
    MONETARY, PER_SHARE, PER_SHARE_WORDS, counts_units, measure_unit, names_a_quarter, names_a_ratio,
    statistic_of, unit_of,
)
from converter.mapping.state import RowMapping, MapState
from converter.mapping.edges import at_edge, edge_label, measure_at_edge, quarter_column, row_edge
from converter.mapping.emit import conflict, emit, facts_for, printed_value, sign_factor
from converter.mapping.parenthetical import parenthetical

_FOOTNOTE_BLOCK_MARK = re.compile(r"^(?:\(\d{1,2}\)|\(?[a-z]\)|\*{1,3})\s+")
FOOTNOTE_BLOCK = re.compile(_FOOTNOTE_BLOCK_MARK.pattern + r"\S")  # "(1) Amortization of ...:" heading a block
# a heading that names what its short lines are parts of: "Cost of revenues:", "Revenues:"
_NAMING_HEADING = re.compile(r"(?:cost of (?:revenues?|sales)|costs? and expenses|revenues?|net revenues?|net sales|"
                             r"operating expenses|operating revenues|other income(?: \(expense\))?)\s*:?", re.I)
_AMOUNT_TEXT = r"\$\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# amounts a label states about its line ("net of income taxes of $4,210, $5,380 and $3,950", "at
# $12.00 per share", "($.34 per share)"); not those that name it ("$2.00 to $5.99" of an option table)
_STATED_AMOUNTS = re.compile(r"\b(?:of|at)\s+" + _AMOUNT_TEXT + r"(?:\s*(?:,\s*and|,|and)\s*" + _AMOUNT_TEXT + r")*"
                             r"|\(\s*" + _AMOUNT_TEXT + r"[^()]*\)")
_PRESENTATION_ONLY = re.compile(r"(?:as )?(?:(?:previously|originally) (?:reported|stated)|restated|reported|adjusted)",
                                re.I)
_PERIOD_CAPTION = re.compile(r"(?:for the )?(?:fiscal )?(?:years?|periods?|quarters?)(?: ended| ending)?:?", re.I)


def map_row(st: MapState, t_index: int, table: Table, row: Row, rule: Rule | None, group: str, pro_forma: bool,
             signs: list[int | None] | None = None, combination: bool = False) -> RowMapping | None:
    columns = table.columns
    if table.roll_forward:
        # a roll-forward's periods are its rows': each column is a component in the row's period
        # (a movement schedule's "Balance at Beginning of Year" column: the balance the day before)
        columns = tuple(measure_at_edge(c, row.period) for c in columns)
    elif names_a_quarter(row.label):
        columns = tuple(quarter_column(row.label, c) for c in columns)
    elif rule is not None and rule.at is None and (edge := row_edge(table, row)) is not None:
        # a balance among flows ("At period end: / Loans"): held at the column's end (or start)
        columns = tuple(at_edge(edge_label(table, row), c, edge) for c in columns)
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
        facts = [f for c in concepts for f in facts_for(st, t_index, table, row, c, rule, cells, group, signs)]
        clash = next((pair for f in facts if (pair := conflict(st, f)) is not None), None)
        if clash is None:
            emit(st, facts)
            parenthetical(st, t_index, table, row, rule, cells)
            if facts:
                st.evidence.append((row.line, label, tuple(c.qname for c in concepts), rule.origin))
            return RowMapping(tuple(concepts), sign_factor(facts, table, cells), rule.at) if facts else None
        new, old = clash
        st.warnings.append(
            f"line {row.line}: {label!r} prints {printed_value(new)} where line {old.source.line if old.source else '?'} "
            f"prints {printed_value(old)} for the same {new.concept.name} ({new.context.id}); "
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
    elif row.context and FOOTNOTE_BLOCK.match(row.context):
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


def _extension_facts(st: MapState, t_index: int, table: Table, row: Row, cells, group: str, base_label: str,
                     row_unit: str | None = None) -> list[Concept]:
    """Facts of the row's cells under extension concepts of its label, one per column measure."""
    if row_unit is None:
        row_unit = unit_of(table, row, tuple(cell for _, cell in cells))
    if any(col.period is not None and col.period.start is not None for col, _ in cells):
        edge, dated_by = row_edge(table, row), edge_label(table, row)  # (only durations have edges)
        cells = [(at_edge(dated_by, col, edge), cell) for col, cell in cells]
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
        facts = facts_for(st, t_index, table, row, concept, None, group_cells, group)
        if any(conflict(st, f) for f in facts):
            concept = st.ext.fresh(name, unit_type, ptype, concept.label)
            facts = facts_for(st, t_index, table, row, concept, None, group_cells, group)
        emit(st, facts)
        made.append(concept)
    return made


@functools.lru_cache(maxsize=8192)  # (the same labels recur in every period's table)
def _extension_name(text: str) -> str:
    return camel(_STATED_AMOUNTS.sub(" ", NOTE_REF.sub(" ", text))) or camel(NOTE_REF.sub(" ", text))


