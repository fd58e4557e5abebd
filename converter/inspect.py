"""A printable view of what the parser saw: tables, columns with periods, rows with values.

`txt2xbrl inspect FILE` prints it; the golden tests compare it with tests/golden/*.model.json.
"""
from __future__ import annotations

from converter.model import ParsedFiling


def model_dict(parsed: ParsedFiling) -> dict:
    cover = parsed.cover
    return {
        "cover": {
            "registrant": cover.registrant, "form_type": cover.form_type,
            "period_end": cover.period_end.isoformat() if cover.period_end else None,
            "fiscal_year_end": cover.fiscal_year_end, "file_number": cover.file_number, "tax_id": cover.tax_id,
            "state": cover.state, "amendment": cover.amendment, "cik": cover.cik,
            "shares_outstanding": ([str(cover.shares_outstanding[0]), cover.shares_outstanding[1].isoformat()]
                                   if cover.shares_outstanding else None),
        },
        "tables": [{
            "title": t.title, "kind": t.kind.value, "lines": [t.first_line, t.last_line], "scale": t.scale,
            "columns": [{"heading": c.heading, "period": c.period.key() if c.period else None, "measure": c.measure,
                         **({"member": c.member} if c.member else {})} for c in t.columns],
            "rows": [[r.line, r.kind.value, r.label, r.context,
                      [None if c is None else (None if c.value is None else str(c.value)) for c in r.cells],
                      # a subtracted component as its negative line number
                      [-t.rows[i].line if i in r.subtracted else t.rows[i].line for i in r.components]]
                     for r in t.rows],
        } for t in parsed.tables],
        "skipped": [[s.first_line, s.last_line, s.reason] for s in parsed.skipped_tables],
    }


def render_why(parsed: ParsedFiling, model) -> str:
    """For each statement row: the concepts it became, what decided, and every candidate."""
    from converter.mapping.labels import explain
    from converter.mapping.taxonomy import load_taxonomy

    tax = load_taxonomy()
    chosen = {line: (names, why) for line, _, names, why in model.evidence}
    out = []
    for t in parsed.tables:
        period = next((c.period for c in t.columns if c.period is not None), None)
        out.append(f"\n[{t.kind.value}] {t.title!r}  lines {t.first_line}-{t.last_line}")
        for r in t.rows:
            names, why = chosen.get(r.line, ((), "no fact"))
            out.append(f"  {r.line:5d} {r.label[:58]:58s} -> {', '.join(names) or '-'}  [{why}]")
            own = r.period or period
            if own is not None:
                for c in explain(tax, r.label, r.context, t.kind.value, "instant" if own.is_instant else "duration"):
                    out.append(f"          candidate: {c}")
    return "\n".join(out) + "\n"


def render_text(parsed: ParsedFiling) -> str:
    d = model_dict(parsed)
    out = [f"cover: {d['cover']}"]
    for t in d["tables"]:
        out.append(f"\n[{t['kind']}] {t['title']!r}  lines {t['lines'][0]}-{t['lines'][1]}  scale {t['scale']}")
        for k, c in enumerate(t["columns"]):
            out.append(f"  column {k}: {c['period']}  {c['heading']!r}" + (f" measure {c['measure']!r}" if c["measure"] else "")
                       + (f" member {c['member']!r}" if c.get("member") else ""))
        for line, kind, label, context, values, parts in t["rows"]:
            tag = {"data": " ", "total": "T", "subtotal": "S"}[kind]
            shown = "  ".join("-" if v is None else v for v in values)
            sums = ("   = lines " + " ".join(f"{'-' if n < 0 else '+'} {abs(n)}" for n in parts).lstrip("+ ")) if parts else ""
            out.append(f"  {line:5d} {tag} {label[:58]:58s} | {shown}{sums}")
    for first, last, reason in d["skipped"]:
        out.append(f"skipped lines {first}-{last}: {reason}")
    return "\n".join(out) + "\n"
