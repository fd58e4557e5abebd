"""Column headings to columns: which heading text stands over which value column."""
from __future__ import annotations

import re

from converter.dates import MONTH_DAY, duration_months
from converter.parsing.lines import Kind, Line
from converter.parsing.titles import scale_of
from converter.parsing.values import chunks


def assign_headings(rows: list[Line], columns: list[tuple[int, int]], value_left: int) -> list[str]:
    """Give each column the heading text above it.

    A line with a piece per column is matched by overlap. A line with fewer pieces that sit
    over no column, over several, or are wider than a column holds group headings ("THREE
    MONTHS ENDED" over two columns): a column takes the group piece that overlaps it or the
    per-column headings printed under it. Returns each column's heading text, top to bottom.
    """
    headings = [""] * len(columns)
    # a scale phrase centred over the columns ("(In millions)") heads none of them
    lines = [(ln, _without_rule([p for p in _pieces(ln, columns, rows)
                                 if p[1] > value_left - 2 and not scale_of(p[2])],
                                columns))
             for ln in rows if ln.kind is not Kind.RULE]
    lines = [(ln, _split_by_rules(parts, _rule_below(rows, ln))) for ln, parts in lines if parts]
    group = [len(parts) < len(columns) and _group_line(parts, columns) for _, parts in lines]
    reach = [list(span) for span in columns]  # each column widened by its own headings
    for (ln, parts), is_group in zip(lines, group):
        if is_group:
            continue
        for s, e, _ in parts:
            over = _under(s, e, columns)
            if len(over) == 1:
                reach[over[0]] = [min(reach[over[0]][0], s), max(reach[over[0]][1], e)]
    for r, ((ln, parts), is_group) in enumerate(zip(lines, group)):
        if is_group:
            below = _rule_below(rows, ln)
            parts = [(*_widen_by_rule(ps, pe, below, parts), pt) for ps, pe, pt in parts]
            lone = len(parts) == 1 and not _under(parts[0][0], parts[0][1], reach)
            for k, (cs, ce) in enumerate(reach):
                # the group piece the column stands under most ("Thirteen Weeks Ended" whose
                # underline reaches the next column's dollar sign heads that column not)
                over = [pt for ps, pe, pt in sorted(parts, key=lambda p: -(min(p[1], ce) - max(p[0], cs)))
                        if min(pe, ce) - max(ps, cs) > 0]
                if not over and lone and parts[0][0] < reach[-1][1] and parts[0][1] > reach[0][0]:
                    over = [parts[0][2]]  # one piece centred between the columns heads them all
                for text in over[:1]:
                    headings[k] = (headings[k] + " " + text).strip()
            continue
        below = _rule_below(rows, ln)
        for s, e, text in parts:
            s, e = _widen_by_rule(s, e, below, parts)
            overlap = {k: min(e, ce) - max(s, cs) for k, (cs, ce) in enumerate(columns)}
            hit = [k for k, o in overlap.items() if o > 0]
            if len(hit) > 1:
                # an underline widened the piece into the edge of its neighbour (a parenthesised
                # amount's ")" one place right of the rule): the columns it truly stands over
                hit = [k for k in hit if overlap[k] >= 3 or overlap[k] == max(overlap.values())]
            if not hit:
                near = min(range(len(columns)), key=lambda k: min(abs(columns[k][0] - e), abs(columns[k][1] - s)))
                cs, ce = columns[near]
                if min(abs(cs - e), abs(ce - s)) <= 6:
                    hit = [near]
            for k in hit:
                headings[k] = (headings[k] + " " + text).strip()
    # a word hyphenated over two heading lines ("Comprehen-" over "sive Income") made whole again
    return [_BROKEN_WORD.sub(lambda m: (m.group(1) or m.group(3)) + (m.group(2) or m.group(4)), h) for h in headings]


_BROKEN_WORD = re.compile(r"\b([A-Za-z]{3,})- ([a-z]{2,})\b|\b([A-Z]{3,})- ([A-Z]{2,})\b")  # (also "STOCK-" / "HOLDERS'")


def _dated_below(rows: list[Line], ln: Line) -> bool:
    """A heading line under this one names periods: this one holds groups over them ("Global
    Financing" over "1997  1996"), however its words fall over the columns."""
    after = rows[rows.index(ln) + 1:]
    return any(r.kind is Kind.YEARS or MONTH_DAY.search(r.text) or duration_months(r.text) for r in after)


def _pieces(ln: Line, columns: list[tuple[int, int]], rows: list[Line] | None = None) -> list[tuple[int, int, str]]:
    # a piece per column when two blanks part them ("Jun 30,  Mar 31,"; "Retained  Translation"
    # each over a column of its own), else words two blanks apart belong together ("NINE  MONTHS")
    parts = chunks(ln.text)
    if rows is not None and len(parts) < len(columns) and not _one_column_each(parts, columns) \
            and not _dated_below(rows, ln) \
            and (split := _split_over_columns(parts, columns, _rule_below(rows, ln))) is not None:
        return split  # "Treasury Translation", "Adjustment Liability": one blank apart, a column each
    if len(parts) < len(columns) and not _one_column_each(parts, columns):
        rules = [p for p in parts if RULE_RUN.fullmatch(p[2])]
        if rules and len(rules) < len(parts):
            # "December 31,  ------------------" (a heading beside the underline of a group to its
            # right): the words and the rule apart, the words two blanks apart still together
            masked = "".join(" " if any(rs <= k < re for rs, re, _ in rules) else ch for k, ch in enumerate(ln.text))
            parts = sorted(heading_chunks(masked) + rules)
        else:
            parts = heading_chunks(ln.text)
    return [p for part in parts for p in split_dates(part)]


# (words of a component's name; a date's or a period's words are read together: "June 30, 1999")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]{2,}")
_PERIOD_WORD = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
                          r"(?i:months?|weeks?|years?|quarters?|ended|ending|fiscal|period|three|six|nine|twelve)")


# a word that goes on with the heading above it ("Net Unrealized Gain (Loss)" / "on" / "Securities")
_JOINING = frozenset({"of", "on", "in", "and", "for", "to", "&"})
# the words of an equity statement's component headings
_COMPONENT_WORDS = _JOINING | frozenset(
    "common preferred stock shares amount capital surplus paid-in additional excess par value retained earnings "
    "reinvested deficit accumulated treasury other comprehensive income loss unrealized gain gains net translation "
    "adjustment adjustments cumulative foreign currency deferred unearned compensation notes receivable from "
    "employees esop undivided profits securities total issued".split())
_GROUP_NAME = re.compile(r"(?:common|preferred|capital|class [a-z]|convertible preferred|treasury)\s+(?:stock|shares)", re.I)


def _split_over_columns(parts, columns, rule: Line | None = None):
    """Pieces over several columns split at single blanks, where every word then stands over one
    column and each over another ("Treasury Translation" over the columns of treasury stock and
    of the translation adjustment), a group over an underline of its own kept whole ("COMMON
    STOCK" over "------" over "SHARES  AMOUNT"); None where no piece parts so, or where another
    piece still stands over several columns or two over one."""
    runs = [(m.start(), m.end()) for m in RULE_RUN.finditer(rule.text)] if rule is not None else []
    out, parted, owners = [], False, []
    for ps, pe, pt in parts:
        over = _under(ps, pe, columns)
        if RULE_RUN.fullmatch(pt):
            out.append((ps, pe, pt))  # the underline of a group above, printed on this line
            continue
        if len(over) > 1 and any(min(pe, re_) - max(ps, rs) > 0 and len(_under(rs, re_, columns)) > 1 for rs, re_ in runs):
            out.append((ps, pe, pt))  # a group heading over its underline
            continue
        if len(over) == 1:
            out.append((ps, pe, pt))
            owners.append(over[0])
            continue
        words = [(ps + m.start(), ps + m.end(), m.group(0)) for m in re.finditer(r"\S+", pt)]
        each = [_under(ws, we, columns) for ws, we, _ in words]
        # words over one column each, in column order; neighbours over the same column are one
        # heading ("of Par  Retained  Treasury" one blank apart over three columns: "of Par" its own)
        joined: list[tuple[int, int, str, int]] = []
        for (ws, we, w), o in zip(words, each):
            if len(o) == 1 and joined and joined[-1][3] == o[0]:
                joined[-1] = (joined[-1][0], we, f"{joined[-1][2]} {w}", o[0])
            else:
                joined.append((ws, we, w, o[0] if len(o) == 1 else -1))
        strict = all(len(o) == 1 for o in each) and len({o[0] for o in each}) == len(words) > 1 \
            and all(_NAME_WORD.fullmatch(w) and not _PERIOD_WORD.fullmatch(w) for _, _, w in words)
        # (the looser reading only for an equity statement's component names: measures of
        # option tables, "Number Outstanding", keep their headings whole)
        loose = all(k >= 0 for *_, k in joined) and len(joined) > 1 \
            and all(a[3] < b[3] for a, b in zip(joined, joined[1:])) \
            and all(w.lower().strip("()") in _COMPONENT_WORDS for _, _, w in words) \
            and any(t.lower() not in _JOINING for _, _, t, _ in joined)
        if not (strict or loose) or _GROUP_NAME.fullmatch(pt):
            return None  # ("Common Stock" over "Shares  Amount": one group's name)
        if strict:
            joined = [(ws, we, w, o[0]) for (ws, we, w), o in zip(words, each)]
        out.extend((a, b, t) for a, b, t, _ in joined)
        owners.extend(k for *_, k in joined)
        parted = True
    return out if parted and len(set(owners)) == len(owners) else None


def _under(start: int, end: int, columns: list[tuple[int, int]]) -> list[int]:
    """The columns a piece printed over [start, end) overlaps."""
    return [k for k, (cs, ce) in enumerate(columns) if min(end, ce) - max(start, cs) > 0]


def _without_rule(parts, columns):
    """An underline printed on the line of one heading ("------------   December 31,") heads
    nothing, nor does one under a group that spans several columns ("Common Stock" over
    "Shares  Amount", its rule beside "Paid-in"); a one-column rule on a line of several headings
    is left as printed (their layout is not clear)."""
    words = [p for p in parts if not RULE_RUN.fullmatch(p[2])]
    if len(words) == 1:
        return words
    return [p for p in parts if not (RULE_RUN.fullmatch(p[2]) and len(_under(p[0], p[1], columns)) > 1)]


def _one_column_each(parts, columns) -> bool:
    """Every piece over one column of its own, and more than one piece."""
    owners = []
    for ps, pe, _ in parts:
        over = _under(ps, pe, columns)
        if len(over) != 1:
            return False
        owners.append(over[0])
    return len(owners) > 1 and len(set(owners)) == len(owners)


def split_dates(part: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """'June 30, 1999 Dec. 31, 1998' or 'March 28, March 29,' printed one blank apart: a piece per date."""
    s, e, text = part
    starts = [m.start() for m in MONTH_DAY.finditer(text)]
    if len(starts) < 2:
        return [part]
    cuts = [0] + starts[1:] + [len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        out.append((s + a + lead, s + a + lead + len(piece.strip()), piece.strip()))
    return out


def _split_by_rules(parts, rule: Line | None):
    """"GAAP Adjustments" printed one blank apart over two columns whose underlines below are
    apart: the words over each underline head its column (the piece was a group over both)."""
    if rule is None:
        return parts
    dashes = [(m.start(), m.end()) for m in RULE_RUN.finditer(rule.text)]
    out = []
    for ps, pe, pt in parts:
        under = [d for d in dashes if min(pe, d[1]) - max(ps, d[0]) > 0]
        cuts = [ps + k for k, ch in enumerate(pt) if ch == " " and len(under) > 1
                and any(a[1] <= ps + k < b[0] for a, b in zip(under, under[1:]))]
        if not cuts:
            out.append((ps, pe, pt))
            continue
        start = ps
        for cut in cuts + [pe]:
            text = pt[start - ps:cut - ps].strip()
            if text:
                offset = pt[start - ps:cut - ps].index(text[0])
                out.append((start + offset, start + offset + len(text), text))
            start = cut + 1
    return out


def _rule_below(rows: list[Line], ln: Line) -> Line | None:
    """The rule line right under a heading line, or a heading line with an underline in it
    ("------------   Paid-in": the underline of the group above, beside the next headings)."""
    i = rows.index(ln)
    below = rows[i + 1] if i + 1 < len(rows) else None
    return below if below is not None and (below.kind is Kind.RULE or RULE_RUN.search(below.text)) else None


def _group_line(parts, columns) -> bool:
    """Pieces that sit over no column, over several, or are wider than their column: group headings."""
    for ps, pe, _ in parts:
        over = _under(ps, pe, columns)
        if len(over) != 1 or pe - ps > columns[over[0]][1] - columns[over[0]][0] + 4:
            return True
    return False


RULE_RUN = re.compile(r"[-=_]{3,}")
_HEADING_GAP = re.compile(r"\s{3,}")


def heading_chunks(text: str) -> list[tuple[int, int, str]]:
    """Pieces of a heading line: words one or two blanks apart stay together ("NINE  MONTHS"),
    unless each side names a period of its own ("THREE MONTHS ENDED  NINE MONTHS ENDED")."""
    return [q for p in _heading_pieces(text) for q in _two_periods(p)]


def _two_periods(piece: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    s, _, text = piece
    if "  " not in text:
        return [piece]
    halves = [(s + m.start(), s + m.end(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", text)]
    if len(halves) > 1 and all(duration_months(h[2]) for h in halves):
        return halves
    return [piece]


def _heading_pieces(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for m in _HEADING_GAP.finditer(text):
        if text[pos:m.start()].strip():
            piece = text[pos:m.start()]
            lead = len(piece) - len(piece.lstrip())
            out.append((pos + lead, m.start(), piece.strip()))
        pos = m.end()
    if text[pos:].strip():
        piece = text[pos:]
        lead = len(piece) - len(piece.lstrip())
        out.append((pos + lead, pos + lead + len(piece.strip()), piece.strip()))
    return out


def _widen_by_rule(s: int, e: int, rule: Line | None, parts) -> tuple[int, int]:
    """A heading alone over a long dash underline spans every column under that underline."""
    if rule is None:
        return s, e
    for m in RULE_RUN.finditer(rule.text):
        if min(e, m.end()) - max(s, m.start()) > 0:
            sharing = [p for p in parts if min(p[1], m.end()) - max(p[0], m.start()) > 0]
            if len(sharing) > 1:
                return s, e
            return min(s, m.start()), max(e, m.end())
    return s, e
