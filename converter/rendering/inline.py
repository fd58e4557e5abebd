"""--formats ixbrl: the filing itself as an Inline XBRL 1.1 document (NAME.ixbrl.xhtml), so that a
person sees in a browser which printed number became which fact. The text as read (each document's
lines, HTML statements as laid out) stands in one <pre>; every fact whose number is printed where
its source line and column say is tagged there (ix:nonFraction, the printed digits with the scale
and sign that make them the fact's value); the others (cover facts, numbers printed in words, a
number that is two facts) are in ix:hidden, so that the inline document holds the same facts as
NAME.xml. Contexts and units are in the hidden header; XBRL footnotes are ix:footnotes below the text.
"""
from __future__ import annotations

import re
from decimal import Decimal
from html import escape
from types import SimpleNamespace as V

from converter import __version__
from converter.model import Fact, XbrlModel
from converter.rendering.render import _env, context_views, lexical, unit_views

INLINE_NUMBER = "ixt:num-dot-decimal"
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


def _scale(value: Decimal, shown: Decimal) -> int | None:
    """The power of ten that makes the printed digits the fact's value, or None."""
    if shown == 0 or value == 0:
        return 0 if shown == value == 0 else None
    ratio = abs(value) / shown
    exponent = ratio.adjusted()
    return exponent if ratio == Decimal(1).scaleb(exponent) and -10 <= exponent <= 12 else None


def _attrs(f: Fact, fid: str) -> str:
    return f'name="{f.concept.qname}" contextRef="{f.context.id}" id="{fid}"'


def _hidden(f: Fact, fid: str) -> str:
    if f.unit is None:
        return f'<ix:nonNumeric {_attrs(f, fid)}>{escape(str(f.value), quote=False)}</ix:nonNumeric>'
    value = Decimal(f.value)
    sign = ' sign="-"' if value < 0 else ""
    return (f'<ix:nonFraction {_attrs(f, fid)} unitRef="{f.unit.id}" decimals="{f.decimals}"{sign}>'
            f'{lexical(abs(value))}</ix:nonFraction>')


def _placed(model: XbrlModel) -> dict[int, dict[int, list[tuple[int, int, str, int]]]]:
    """Facts printed where their source says: document index -> line index -> [(start, end, tag, fact)]."""
    # file line -> its first line of each document (C-built: a 10-K has tens of thousands); an
    # HTML row laid out over several lines has the next ones, of the same number, after it
    firsts = [dict(zip(reversed(doc.line_numbers), range(len(doc.line_numbers) - 1, -1, -1))) for doc in model.documents]

    def lines_of(number: int):
        for d, first in enumerate(firsts):
            k = first.get(number)
            numbers = model.documents[d].line_numbers
            while k is not None and k < len(numbers) and numbers[k] == number:
                yield d, k
                k += 1

    out: dict[int, dict[int, list]] = {}
    taken: set[tuple[int, int, int]] = set()
    for i, f in enumerate(model.facts):
        s = f.source
        if f.unit is None or s is None or not s.text:
            continue
        digits = _DIGITS.search(s.text)
        if digits is None:
            continue
        shown = Decimal(digits.group(0).replace(",", ""))
        scale = _scale(Decimal(f.value), shown)
        if scale is None:
            continue
        for d, k in lines_of(s.line):
            line = model.documents[d].lines[k]
            start = line.find(digits.group(0), s.col)
            if start < 0 or (d, k, start) in taken:
                continue
            taken.add((d, k, start))
            end = start + len(digits.group(0))
            sign = ' sign="-"' if Decimal(f.value) < 0 else ""
            tag = (f'<ix:nonFraction {_attrs(f, f"f{i + 1}")} unitRef="{f.unit.id}" decimals="{f.decimals}" '
                   f'scale="{scale}" format="{INLINE_NUMBER}"{sign}>')
            out.setdefault(d, {}).setdefault(k, []).append((start, end, tag, i))
            break
    return out


def _escaped(text: str) -> str:
    # (most lines hold none of the three: a test is cheaper than html.escape on every line)
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _text(model: XbrlModel, placed) -> str:
    """The documents' lines, escaped, with the placed facts' tags around their digits."""
    parts = []
    for d, doc in enumerate(model.documents):
        if d:
            parts.append(f"\n{'=' * 20} {_escaped(doc.type)} {'=' * 20}\n")
        marks = placed.get(d, {})
        if not marks:
            parts.append(_escaped("\n".join(doc.lines)) + "\n")
            continue
        for k, line in enumerate(doc.lines):
            if k not in marks:
                parts.append(_escaped(line))
                parts.append("\n")
                continue
            at = 0
            for start, end, tag, _ in sorted(marks[k]):
                if start < at:
                    continue
                parts.append(_escaped(line[at:start]))
                parts.append(f"{tag}{line[start:end]}</ix:nonFraction>")
                at = end
            parts.append(_escaped(line[at:]))
            parts.append("\n")
    return "".join(parts)


def inline_xbrl(model: XbrlModel, source: str) -> str:
    """The inline XBRL document of a conversion."""
    placed = _placed(model)
    shown = {i for lines in placed.values() for spans in lines.values() for *_, i in spans}
    hidden = [_hidden(f, f"f{i + 1}") for i, f in enumerate(model.facts) if i not in shown]
    namespaces = sorted({(f.concept.prefix, f.concept.namespace) for f in model.facts}
                        | {(c.prefix, c.namespace) for ctx in model.contexts for pair in ctx.dims for c in pair})
    notes = [V(id=f"fn{k + 1}", text=text, facts=" ".join(f"f{i + 1}" for i in indexes))
             for k, (text, indexes) in enumerate(model.footnotes) if indexes]
    return _env().get_template("inline.xhtml.j2").render(
        version=__version__, source=source, title=f"{model.entity.name}: {model.name}", namespaces=namespaces,
        schema_file=model.schema_file, contexts=context_views(model), units=unit_views(model), hidden=hidden, text=_text(model, placed),
        notes=notes, relationships=[V(facts=n.facts, note=n.id) for n in notes])
