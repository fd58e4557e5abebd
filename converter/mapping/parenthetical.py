"""Numbers printed inside a label ("Common stock, $1 par value; authorized 100,000,000 shares;
issued 45,210,000 and 44,980,000 shares"): par value and share counts as facts of their own,
each placed on the balance-sheet date its position in the label gives it."""
from __future__ import annotations

import re
from decimal import Decimal

from converter.dates import find_dates
from converter.mapping.taxonomy import ITEM, Rule
from converter.model import Fact, Period, Row, SourceRef, Table
from converter.mapping.state import MapState
from converter.mapping.emit import conflict, emit

_FULL_COUNT = 1000000  # a caption's share count this large is printed in full, whatever the table's scale
_PAR = re.compile(r"\$\s?(\d*\.\d+|\d+)\s+(?:par|stated)\b", re.I)
_COUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:and\s+(\d{1,3}(?:,\d{3})+|\d+)\s+)?shares\b", re.I)
_COUNT_AFTER = re.compile(r"\bshares\s+(?:authorized|issued|outstanding)[,;:]?\s+(\d{1,3}(?:,\d{3})+|\d+)", re.I)
_UP_TO_DATE = re.compile(r"\s*(?:and\s+outstanding\s*)?,?\s*(?:at|as\s+of)\s*", re.I)
_SHARES_AT = re.compile(r"\(\s*(\d{1,3}(?:,\d{3})+)\s+shares\s+(?:at|as\s+of)\s+([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})\s*\)")
_ALL_THREE = re.compile(r"\bauthorized,?\s+issued\s+and\s+outstanding\b", re.I)


def parenthetical(st: MapState, t_index: int, table: Table, row: Row, rule: Rule, cells) -> None:
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
                if scale is None:
                    break
                for period, raw in placed_at:
                    _parenthetical_fact(st, t_index, row, pr, period, raw, scale)
                break


def _caption_share_scale(table: Table, row: Row, cells) -> int | None:
    """The scale of the share counts a caption prints: the table's share scale where the line's
    own amount is the par value times a count read in it ("$.02 par value ... issued and
    outstanding 5,483 and 4,782 shares" beside $110 thousand: thousands of shares); as printed
    where the table's shares are not scaled or the counts are printed in full; None (not known)
    where the table's scale covers shares and nothing proves it covers these counts ("shares
    authorized 24,000; outstanding 8,376" under "(In millions)": millions, but 5,000 preferred
    shares under "(In thousands)" may be five thousand)."""
    counts = [Decimal(g.replace(",", "")) for m in _COUNT.finditer(row.label) for g in m.groups() if g]
    counts += [Decimal(g.replace(",", "")) for g in _COUNT_AFTER.findall(row.label)]
    if table.shares_scale <= 1 or not counts or all(count >= _FULL_COUNT for count in counts):
        return 1
    par = _PAR.search(row.label)
    amount = next((cell.value * table.scale for _, cell in cells if cell.value), None)
    if par is None or amount is None or not Decimal(par.group(1)):
        return None
    for count in counts:
        if count < _FULL_COUNT and abs(abs(amount) - count * table.shares_scale * Decimal(par.group(1))) <= abs(amount) / 10:
            return table.shares_scale
    return None


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


def _parenthetical_fact(st: MapState, t_index: int, row: Row, pr, period: Period, raw: str, scale: int = 1) -> None:
    number = raw.replace(",", "")
    concept = st.tax.concept(pr.name)
    value, decimals = Decimal(number), len(number.split(".")[1]) if "." in number else 0
    if scale > 1 and value < _FULL_COUNT:
        value, decimals = value * scale, decimals - (len(str(scale)) - 1)
    fact = Fact(concept, st.contexts.context(period, st.entity), value, st.contexts.unit_for(concept.type),
                decimals, SourceRef(row.line, 0, raw), row.label, t_index, "parenthetical")
    if not conflict(st, fact):
        emit(st, [fact])


