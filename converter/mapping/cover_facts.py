"""Cover facts (dei): registrant, document type and period, fiscal focus, shares outstanding."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from converter.dates import start_of, year_end
from converter.errors import NoStatementsError
from converter.mapping.contexts import ContextSet
from converter.mapping.taxonomy import Taxonomy
from converter.model import Fact, ParsedFiling, Period, SourceRef, StatementKind


def document_period_end(parsed: ParsedFiling) -> dt.date:
    """The report's period end: the cover's, else the latest statement column, else the date line,
    else the filing date; a filing that gives none is refused."""
    cover = parsed.cover
    if cover.period_end:
        return cover.period_end
    ends = [c.period.end for t in parsed.tables if t.kind is not StatementKind.NOTE for c in t.columns if c.period]
    if ends:
        return max(ends)
    ends = [c.period.end for t in parsed.tables for c in t.columns if c.period]
    if ends:
        return max(ends)
    if cover.dateline:
        return cover.dateline
    filed = parsed.filing.header.filed
    if filed is not None:
        return filed  # names the files; no statement or date line says more
    # never today's date: the same filing would convert differently tomorrow
    raise NoStatementsError("nothing to convert: no period end in the header, the statements or a date line",
                            parsed.filing.path)


def document_period(parsed: ParsedFiling, end: dt.date) -> Period:
    """The context of the cover facts: the longest statement duration ending at the period end;
    without one, the year an annual report covers or the quarter of a quarterly one (an 8-K's
    event date stands alone)."""
    best = None
    for t in parsed.tables:
        # a roll-forward's periods are its rows' (an equity statement of a 52-week year)
        for p in [c.period for c in t.columns] + [r.period for r in t.rows]:
            # (a development stage company's cumulative column since its inception is no report period)
            if p and p.start and p.end == end and (end - p.start).days < 372 and (best is None or p.start < best.start):
                best = p
    if best is not None:
        return best
    form = parsed.cover.form_type or ""
    months = 12 if form.startswith(("10-K", "20-F", "40-F")) else 3 if form.startswith("10-Q") else None
    return Period(end, start_of(end, months)) if months else Period(end, end)


def fiscal_focus(end: dt.date, fye: str | None, form: str | None) -> tuple[str | None, str | None]:
    """(fiscal year, fiscal period) of a report ending on `end` in a year ending on `fye` (--MM-DD)."""
    if not fye:
        return None, None
    month, day = year_end(fye)
    year = end.year if (end.month, end.day) <= (month, day) else end.year + 1
    if form and form.startswith(("10-K", "20-F", "40-F")):
        return str(year), "FY"
    months = (end.year * 12 + end.month) - ((year - 1) * 12 + month)
    if (end.month, end.day) == (month, day) or months >= 12:
        return str(year), "FY"
    quarter = {1: "Q1", 2: "Q1", 3: "Q1", 4: "Q2", 5: "Q2", 6: "Q2", 7: "Q3", 8: "Q3", 9: "Q3"}.get(months)
    return str(year), quarter or "Q4"


# The lexical forms the DEI types give these (tools/gen_taxonomy.py, DEI_TYPES): a value read from
# a damaged cover page that does not fit is left out rather than written invalid.
_DEI_PATTERNS = {
    "EntityFileNumber": re.compile(r"[0-9A-Za-z]{1,4}-[0-9]{1,8}(-[0-9A-Za-z]{1,4})?"),
    "EntityTaxIdentificationNumber": re.compile(r"[0-9]{2}-[0-9]{7}"),
    "EntityIncorporationStateCountryCode": re.compile(r"[A-Z][A-Z0-9]"),
    "EntityCentralIndexKey": re.compile(r"[0-9]{10}"),
    "CurrentFiscalYearEndDate": re.compile(r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"),
    "DocumentType": re.compile(r"(Other)|([A-Z0-9]+([/A-Z0-9 \-]*[A-Z0-9])?)"),
}


def cover_facts(parsed: ParsedFiling, contexts: ContextSet, end: dt.date, tax: Taxonomy) -> tuple[list[Fact], list[str]]:
    cover = parsed.cover
    warnings: list[str] = []
    ctx = contexts.context(document_period(parsed, end))
    facts: list[Fact] = []

    def add(name: str, value: str) -> None:
        pattern = _DEI_PATTERNS.get(name)
        if pattern is not None and not pattern.fullmatch(value):
            warnings.append(f"{name} {value!r} is not of the form DEI requires: left out")
            return
        facts.append(Fact(tax.concept(name), ctx, value, group="cover"))

    add("DocumentType", cover.form_type or "Other")
    if not cover.form_type:
        warnings.append("no form type in the filing: DocumentType is 'Other'")
    add("AmendmentFlag", "true" if cover.amendment else "false")
    add("DocumentPeriodEndDate", end.isoformat())
    year, period = fiscal_focus(end, cover.fiscal_year_end, cover.form_type)
    if year and period and cover.form_type:
        add("DocumentFiscalYearFocus", year)
        add("DocumentFiscalPeriodFocus", period)
    if cover.fiscal_year_end:
        add("CurrentFiscalYearEndDate", cover.fiscal_year_end)
    if cover.registrant:
        add("EntityRegistrantName", cover.registrant)
    else:
        warnings.append("no registrant name found")
    if contexts.entity.scheme == "http://www.sec.gov/CIK":
        add("EntityCentralIndexKey", contexts.entity.identifier)
    if cover.file_number:
        add("EntityFileNumber", cover.file_number)
    if cover.tax_id:
        add("EntityTaxIdentificationNumber", cover.tax_id)
    if cover.state:
        add("EntityIncorporationStateCountryCode", cover.state)
    if cover.shares_outstanding:
        value, date, line = cover.shares_outstanding
        concept = tax.concept("EntityCommonStockSharesOutstanding")
        facts.append(Fact(concept, contexts.context(Period(date)), Decimal(value), contexts.unit_for(concept.type), 0,
                          SourceRef(line, 0, f"{value:,}"), "Shares outstanding", -1, "cover"))
    return facts, warnings
