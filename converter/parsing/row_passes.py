"""Row labels and the passes over a table's rows once they are read: a label wrapped over lines
joined (hyphens, lower-case continuations, a value glued to the label), percentages marked
once for the column, unlabelled totals named by what they reach, inner subtotals unnamed."""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from converter.model import Row, RowKind
from converter.parsing.blocks import assign
from converter.parsing.lines import Line, VALUES_LINE, TEXT_LINE
from converter.parsing.values import Token, value_token
from converter.printed import LESS

_HYPHEN_END = re.compile(r"[A-Za-z]-$")
# An amount run into the label with a single blank: "Purchases of businesses and other investments (667)".
_GLUED_AMOUNT = re.compile(r"(?<=[a-z] )\$?\(?\$?\d{1,3}(?:,\d{3})+\)?$|(?<=[a-z] )\$?\(\d{3}\)$")
_OWN_PAREN = re.compile(r"^\((?:increase|decrease|gain|gains|loss|losses|income|benefit|provision|payments?|proceeds)\)\s*\w",
                        re.I)
# "Expected life (in years) 5.0" under the rates of an option-pricing model: years, not a rate
_SPAN_OF_TIME = re.compile(r"\((?:in )?years\)|\bexpected (?:life|term)\b|\bin years\b", re.I)
# Sections whose total is what is left after the deductions printed under their subtotal:
# equity before and after treasury stock. Property "at cost" less depreciation is not one of
# them: its section total is the gross amount filers name "Total property and equipment".
_NET_OF_DEDUCTIONS = re.compile(r"\b(?:equity|deficit)\b|\b(?:share|stock)\w*\W+investment\b", re.I)


def sums_more(cells: list, rows: list[Row]) -> bool:
    """An unlabelled total under a section's lines that is more than their sum in every column
    ("Other assets:" / two lines / "$12,407,663" = total assets): no total of that section."""
    compared = False
    for k, cell in enumerate(cells):
        if cell is None or cell.value is None:
            continue
        parts = [r.cells[k].value for r in rows if k < len(r.cells) and r.cells[k] is not None
                 and r.cells[k].value is not None]
        if not parts:
            return False
        if abs(cell.value) <= abs(sum(parts)) * Decimal("1.005"):
            return False  # (a total in millions may round a tenth above its lines: 520.4 of 520.3)
        compared = True
    return compared


def glue(text: str, part: str) -> str:
    """Join two label lines; "liabili-" / "ties" and "Interest-" / "bearing" join without a blank."""
    if _HYPHEN_END.search(text) and part[:1].islower():
        return text + part
    return f"{text} {part}".strip()


def joined_label(lines: list[Line]) -> str:
    text = ""
    for ln in lines:
        text = glue(text, ln.stripped)
    return " ".join(text.split())


def glued_value(ln: Line, label: str, columns: list[tuple[int, int]]) -> tuple[str, tuple[Token, ...]]:
    """Split such an amount off the label when it stands in the first column and that column is empty."""
    m = _GLUED_AMOUNT.search(label)
    if not m or not ln.tokens or not columns:
        return label, ln.tokens
    start = ln.text.rfind(m.group(0), 0, ln.tokens[0].start)
    tok = value_token(start, start + len(m.group(0)), m.group(0)) if start >= 0 else None
    if tok is None or tok.value is None:
        return label, ln.tokens
    taken = {c for c in assign(ln.tokens, columns) if c is not None}
    col = assign((tok,), columns)[0]
    if col is None or col in taken or any(c < col for c in taken):
        return label, ln.tokens
    return label[:m.start()].rstrip(), (tok, *ln.tokens)


def starts_lower(text: str) -> bool:
    # (a label of its own starts with a capitalised direction word in parentheses: "(Increase)
    # decrease in ..."; "(benefit) for income taxes" goes on with the line above)
    return bool(text) and (text[0].islower() or text[0] == "&"
                           or text[0] == "(" and not (text[1:2].isupper() and _OWN_PAREN.match(text)))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2].isupper() is False else text


def narrow_body(body: list[Line]) -> bool:
    """Labels wrapped at about fifteen characters ('Cash and due' / 'from banks')."""
    widths = sorted(len(ln.label or ln.stripped) for ln in body if ln.kind in (TEXT_LINE, VALUES_LINE) and (ln.label or ln.kind is TEXT_LINE))
    return len(widths) >= 8 and widths[(len(widths) * 4) // 5] <= 18


def percent_signs_once(rows: list[Row]) -> list[Row]:
    """Rates printed with the percent sign on the first line only ("Discount rate 8.5%" over
    "Compensation increases 5.5"): the lines after it are percents too, while they print no
    dollar sign and stay under a hundred; the first line of money ends the run."""
    out = list(rows)
    run = False
    for k, row in enumerate(rows):
        cells = [c for c in row.cells if c is not None and c.value is not None]
        if not cells:
            continue
        if all(c.percent for c in cells):
            run = True
        elif run and all("$" not in c.text and abs(c.value) < 100 for c in cells) and any(c.decimals for c in cells) \
                and not _SPAN_OF_TIME.search(row.label):
            out[k] = dataclasses.replace(row, cells=tuple(
                dataclasses.replace(c, percent=True) if c is not None and c.value is not None else c for c in row.cells))
        else:
            run = False
    return out


def name_by_reach(rows: list[Row]) -> list[Row]:
    """An unlabelled subtotal named after the section it closes ("Total accounts payable") whose
    printed arithmetic reaches above that section (the debt printed before "Accounts payable"
    under "Current liabilities") closes the enclosing section: it takes that one's name, or
    none when no section encloses it."""
    out = list(rows)
    for i, row in enumerate(rows):
        if row.kind is not RowKind.SUBTOTAL or not row.label.startswith("Total ") or not row.components:
            continue
        own = row.label[len("Total "):].lower()
        if all(own in rows[c].context.lower() or rows[c].kind is not RowKind.DATA for c in row.components):
            continue
        enclosing = row.context.split(" / ")[-1] if row.context else ""
        if enclosing and all(enclosing.lower() in rows[c].context.lower() for c in row.components):
            out[i] = dataclasses.replace(row, label="Total " + lower_first(enclosing),
                                         context=" / ".join(row.context.split(" / ")[:-1]))
        else:
            out[i] = dataclasses.replace(row, label="")
    return out


def unname_inner_subtotals(rows: list[Row]) -> list[Row]:
    """An unlabelled subtotal named after its section ("Total shareholders' equity") loses that
    name when a labelled total of the same name follows it (summing it or not: the deduction
    between them may be printed over several lines): common stock, capital and earnings before
    treasury stock is deducted are not the equity the next total prints. Named after a heading
    over two things ("LIABILITIES AND STOCKHOLDERS' EQUITY"), it loses the name to an unlabelled
    total that sums it: it was the first of them only."""
    out = list(rows)
    for i, row in enumerate(rows):
        if row.kind is not RowKind.SUBTOTAL or not row.label:
            continue
        same = " ".join(row.label.lower().split())
        combined = " and " in same  # "Total liabilities and stockholders' equity" of one heading over both
        if any(" ".join(later.label.lower().split()) == same or (combined and not later.label and i in later.components)
               for later in rows[i + 1:]):
            out[i] = dataclasses.replace(row, label="")
            continue
        # the same, unlabelled: "... / 18,893 / Less treasury stock 11,582 / 7,311": the section's
        # total is the subtotal left once the deductions printed under it are taken
        net = next((j for j in range(i + 1, len(rows)) if rows[j].kind is RowKind.SUBTOTAL and not rows[j].label
                    and rows[j].components[:1] == (i,) and len(rows[j].components) > 1
                    and all(LESS.match(rows[c].label) for c in rows[j].components[1:])), None)
        if net is not None and _NET_OF_DEDUCTIONS.search(row.label):
            out[i] = dataclasses.replace(row, label="")
            out[net] = dataclasses.replace(rows[net], label=row.label, context=row.context)
    return out


