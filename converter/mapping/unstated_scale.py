"""A filing that states no scale anywhere: whole dollars, or what its own numbers prove.

Most such filings are a small company's, printed in whole dollars. Some are a larger one's
release or pro forma schedule that forgot its "(in thousands)": read as dollars, every amount
would be a thousandth of the truth. Two things tell them apart:
- the per-share identity: net income / weighted shares = the printed EPS holds only at the
  statement's real scale (the shares taken as printed);
- the running text: a filing whose sentences speak of amounts far larger than any its tables
  print ("a $1.1 billion bank holding company" beside "Total assets 1,083,743") is not in
  whole dollars, and without the identity no scale can be proven: its tables are left out;
- unless the deal the text tells of is in the tables: an acquisition's or disposition's 8-K
  whose pro forma adjustments column prints the price its Item 2 states ("$27,348,450 in cash"
  beside a cash adjustment of 27,500) is in the scale that makes them one amount;
- or the text quotes the tables' own figures rounded ("net sales of $742.9 million" beside
  "Net sales 742,918"): several of them at one scale and no other prove it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from converter.mapping.arithmetic_signs import eps_columns
from converter.mapping.taxonomy import Rule
from converter.model import Sentence, StatementKind, Table

_SCALES = (1, 1000, 1000000)
# a share count printed this large is whole shares (in thousands it would be a billion shares or
# more, and such a filer states its scale): the identity at 1 then proves whole dollars
_WHOLE_SHARES = 1000000
_MONEY = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion)\b)?", re.I)
_WORDS = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
_SHARES = re.compile(r"\bshares?\b|\bper share\b|\beps\b", re.I)
# the text's amounts this many times the tables' largest: not the same dollars
_FAR_LARGER = 20
# a pro forma adjustments column, and how near its number must come to the text's amount
_ADJUSTMENTS = re.compile(r"\badjustments?\b", re.I)
_SAME_AMOUNT = Decimal("0.01")
_DEAL_SIZE = 100000  # (a smaller amount of the text is no deal's price)


def money_scale_by_eps(table: Table, rules: Sequence[Rule | None]) -> int | None:
    """The money scale at which net income / weighted shares (as printed) gives the printed EPS,
    basic or diluted, in every column that prints the three (None when none does, or they
    disagree)."""
    found = set()
    for ni, e, sh in eps_columns(table, rules):
        fits = [s for s in _SCALES if abs(abs(ni.value) * s / abs(sh.value) - abs(e.value)) <= _rounding(e)]
        if len(fits) != 1:
            return None
        if fits == [1] and abs(sh.value) < _WHOLE_SHARES:
            continue  # money and shares in one scale, but which: 4,812 shares may be thousands
        found.add(fits[0])
    return found.pop() if len(found) == 1 else None


def _rounding(eps) -> Decimal:
    """What the printed EPS may be off by: half its last digit, and a cent's share rounding."""
    return Decimal(5) / 10 ** (eps.decimals + 1) + Decimal("0.01")


def _text_amounts(sentences: Sequence[Sentence]) -> list[Decimal]:
    out = []
    for s in sentences:
        for m in _MONEY.finditer(s.text):
            value = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
            out.append(value * _WORDS[m.group(3).lower()] if m.group(3) else value)
    return out


def _largest_amount(tables: Sequence[Table]) -> Decimal:
    return max((abs(c.value) for t in tables for r in t.rows if not _SHARES.search(f"{r.label} {r.context}")
                for c in r.cells if c is not None and c.value is not None and not c.percent), default=Decimal(0))


def _quoted_amounts(sentences: Sequence[Sentence]) -> list[tuple[Decimal, Decimal, int]]:
    """(amount, half its last printed digit, significant digits) of each "$742.9 million" of the
    text: an amount rounded to the figure a table prints."""
    out = []
    for s in sentences:
        for m in _MONEY.finditer(s.text):
            if not m.group(3):
                continue
            digits = m.group(1).replace(",", "") + (m.group(2) or "")[1:]
            word = _WORDS[m.group(3).lower()]
            half = word * Decimal(5) / 10 ** (len((m.group(2) or "")[1:]) + 1)
            out.append((Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) * word, half, len(digits.lstrip("0"))))
    return out


def _quoted_scale(tables: Sequence[Table], sentences: Sequence[Sentence]) -> tuple[int, Decimal, Decimal] | None:
    """(scale, text amount, printed number) where the text quotes the tables' own figures
    rounded ("net sales of $742.9 million" beside "Net sales 742,918"): two amounts printed with
    a decimal, each a number of four digits or more printed at one and the same scale, and at no
    other."""
    printed = {abs(c.value) for t in tables for r in t.rows if not _SHARES.search(f"{r.label} {r.context}")
               for c in r.cells if c is not None and c.value is not None and not c.percent and abs(c.value) >= 100}
    found: dict[int, list[tuple[Decimal, Decimal]]] = {}
    for amount, half, digits in _quoted_amounts(sentences):
        if digits < 3 or half * 2 >= _WORDS["million"]:
            continue  # ("$2 million", "$125 million": round figures fit too many numbers; "$412.6 million" does not)
        for scale in _SCALES[1:]:
            near = next((n for n in printed if abs(n * scale - amount) <= half), None)
            if near is not None:
                found.setdefault(scale, []).append((amount, near))
    if len(found) != 1:
        return None
    scale, pairs = found.popitem()
    distinct = {a for a, _ in pairs}
    return (scale, *pairs[0]) if len(distinct) >= 2 and all(len(str(int(n))) >= 4 for _, n in pairs) else None


def _deal_scale(tables: Sequence[Table], sentences: Sequence[Sentence]) -> tuple[int, Decimal, Decimal] | None:
    """(scale, text amount, printed number) where exactly one scale above whole dollars makes an
    amount of the text a number that a pro forma adjustments column prints (within 1%)."""
    printed = sorted({abs(c.value) for t in tables for col in t.columns if _ADJUSTMENTS.search(col.heading)
                      for r in t.rows
                      if col.index < len(r.cells) and (c := r.cells[col.index]) is not None and c.value})
    found = {}
    for amount in _text_amounts(sentences):
        if amount < _DEAL_SIZE:
            continue
        for scale in _SCALES[1:]:
            near = next((n for n in printed if abs(n * scale - amount) <= _SAME_AMOUNT * amount), None)
            if near is not None:
                found.setdefault(scale, (scale, amount, near))
    return found.popitem()[1] if len(found) == 1 else None


def decide(mapped: Sequence[tuple[Table, Sequence[Rule | None]]], sentences: Sequence[Sentence]) -> tuple[int | None, str]:
    """(scale, why) for the tables of a filing that states no scale, each with the rules its rows
    took: the identity's scale, else whole dollars; None when the text says they are not whole
    dollars and nothing proves what."""
    tables = [t for t, _ in mapped]
    proven = {s for t, rules in mapped if t.kind is StatementKind.INCOME
              if (s := money_scale_by_eps(t, rules)) is not None}
    if len(proven) == 1:
        scale = proven.pop()
        return scale, f"no scale stated: {scale:,} by net income / weighted shares = the printed EPS" if scale > 1 else ""
    largest, text = _largest_amount(tables), max(_text_amounts(sentences), default=Decimal(0))
    far_larger = bool(largest) and text > _FAR_LARGER * largest  # (the text's amounts are no whole dollars)
    if not proven and far_larger and (deal := _deal_scale(tables, sentences)):
        scale, amount, printed = deal
        return scale, (f"no scale stated: {scale:,}, by the text's ${amount:,} that the pro forma adjustments print "
                       f"as {printed:,}")
    if not proven and far_larger and (quoted := _quoted_scale(tables, sentences)):
        scale, amount, printed = quoted
        return scale, (f"no scale stated: {scale:,}, by the text's ${amount:,.0f} that the tables print as {printed:,}")
    if len(proven) > 1 or far_larger:
        return None, (f"no scale stated, and the text speaks of ${text:,.0f} where the tables print at most "
                      f"{largest:,}: whole dollars or thousands cannot be told")
    return 1, ""
