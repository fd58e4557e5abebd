"""EX-27 Financial Data Schedules (1993-2001): the tags a filer wrote, read as written.

A schedule is a list of SGML-like tags, one a line: a head (<ARTICLE> 5, <LEGEND>...</LEGEND>,
<RESTATED>, <MULTIPLIER> 1,000, <CURRENCY>, <PERIOD-TYPE> YEAR, <FISCAL-YEAR-END> DEC-31-1997,
<PERIOD-START>, <PERIOD-END> DEC-31-1997<F1>) and the values (<TOTAL-ASSETS> 81,490). A schedule
of several periods writes one value a column on each line (<PERIOD-TYPE> YEAR 9-MOS). Values
may carry footnote marks (<F1>) that a closing <FN> block explains. Schedules come written
with tabs or spaces, with or without a blank after the tag, in any case ("Dec-31-1997"), and
with EDGAR's own damage ("THE EDGAR SYSTEM ENCOUNTERED ERROR(S)", values whose tag was lost):
whatever cannot be read is left out and said, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from converter.dates import MONTHS, make_date
from converter.model import Schedule, ScheduleColumn, ScheduleValue, TextDocument

MAX_LINES = 4000  # a schedule is some 100 lines; more is not one (hostile input stays cheap)
MAX_TAGS = 400
MAX_COLUMNS = 12
_TAG = re.compile(r"^\s*<([A-Za-z][A-Za-z0-9&-]{0,40})>(.*)$")
_MARK = re.compile(r"<F(\d{1,2})>", re.I)
_TOKEN = re.compile(r"\S+")
_DOLLAR_APART = re.compile(r"\$\s+(?=[\d(.-])")
_NUMBER = re.compile(r"^(\()?(-)?\$?(\d{1,3}(?:,\d{3})+|\d{1,24})?(\.\d{1,12})?(\))?$")
_PERIOD_TYPE = re.compile(r"^(?:YEAR|OTHER|\d{1,2}-MOS)$")
_NAMED_DATE = re.compile(r"^([A-Za-z]{3})-(\d{1,2})-(\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
# the head: tags that say what the values are, not values
_HEAD = {"ARTICLE", "LEGEND", "RESTATED", "MULTIPLIER", "CURRENCY", "EXCHANGE-RATE", "PERIOD-TYPE",
         "FISCAL-YEAR-END", "PERIOD-START", "PERIOD-END", "NAME", "NUMBER", "CIK", "SERIES", "SUBSIDIARY",
         "FN", "TABLE", "S", "C", "PAGE", "CAPTION", "TEXT", "FLAWED", "TYPE", "SEQUENCE", "DESCRIPTION", "FILENAME"}


def read_schedules(doc: TextDocument) -> list[Schedule]:
    """The schedules of one EX-27 document: usually one; a document that states a new head after
    values (a second <ARTICLE>, <PERIOD-END> or <MULTIPLIER>) holds one schedule per head."""
    parts: list[int] = [0]
    valued = False
    for k, raw in enumerate(doc.lines[:MAX_LINES]):
        m = _TAG.match(raw)
        if m is None:
            continue
        tag = m.group(1).upper()
        if tag in _STARTS and valued:
            parts.append(k)
            valued = False
        elif tag not in _HEAD:
            valued = True
    parts.append(len(doc.lines))
    return [read_schedule(TextDocument(doc.type, doc.description, doc.lines[a:b], doc.line_numbers[a:b]))
            for a, b in zip(parts, parts[1:]) if b > a]


_STARTS = {"ARTICLE", "MULTIPLIER", "PERIOD-END", "PERIOD-TYPE", "SUBSIDIARY", "SERIES"}  # a new head after values


def read_schedule(doc: TextDocument) -> Schedule:
    """One EX-27 schedule as its head and values; `problems` says what was left unread."""
    problems: list[str] = []
    head: dict[str, tuple[list[str], int]] = {}
    values: list[tuple[str, list[str], int, str]] = []
    notes: dict[str, str] = {}
    in_legend = in_notes = False
    current_note = ""
    lines = doc.lines[:MAX_LINES]
    if len(doc.lines) > MAX_LINES:
        problems.append(f"line {doc.line_numbers[MAX_LINES]}: the schedule goes on past {MAX_LINES} lines; the rest is not read")
    for number, raw in zip(doc.line_numbers, lines):
        text = raw.expandtabs(8) if "\t" in raw else raw
        upper = text.strip().upper()
        if in_legend:
            m = _TAG.match(text)
            if m and m.group(1).upper() in _HEAD - {"TABLE", "S", "C", "PAGE", "CAPTION"}:
                # a legend left open ("</LEGEND>" forgotten): it ends where the head goes on
                problems.append(f"line {number}: the <LEGEND> above is not closed; it ends here")
                in_legend = False
            else:
                in_legend = "</LEGEND>" not in upper
                continue
        if upper.startswith("<FN>"):
            in_notes = True
            continue
        if in_notes:
            if upper.startswith("</FN>"):
                in_notes = False
                continue
            m = _MARK.match(text.strip())
            if m:
                current_note = m.group(1)
                notes[current_note] = text.strip()[m.end():].strip()
            elif current_note:
                notes[current_note] = f"{notes[current_note]} {text.strip()}".strip()
            continue
        m = _TAG.match(text)
        if not m:
            continue
        tag, rest = m.group(1).upper(), m.group(2)
        if tag == "LEGEND":
            in_legend = "</LEGEND>" not in rest.upper()
            continue
        mark = _MARK.search(rest)
        rest = _DOLLAR_APART.sub("$", _MARK.sub(" ", rest))  # "$ 12": one value
        tokens = _TOKEN.findall(rest)
        if tag in _HEAD:
            head.setdefault(tag, (tokens, number))
        elif len(values) < MAX_TAGS:
            values.append((tag, tokens, number, mark.group(1) if mark else ""))
    if "FLAWED" in head:
        problems.append(f"line {head['FLAWED'][1]}: EDGAR marked the schedule <FLAWED> (errors when it was filed)")
    columns = _columns(head, problems)
    multiplier = _multiplier(head, problems)
    n = len(columns)
    out: list[ScheduleValue] = []
    for tag, tokens, number, mark in values:
        texts = tuple(tokens[:n]) if n else ()
        if n and len(tokens) > n:
            problems.append(f"line {number}: <{tag}> has {len(tokens)} values for {n} column(s); "
                            f"only the first {n} are read")
        parsed = tuple(parse_value(t) for t in texts) + (None,) * (n - len(texts))
        out.append(ScheduleValue(tag, texts + ("",) * (n - len(texts)), parsed, number,
                                 notes.get(mark, "") if mark else ""))
    article = " ".join(head.get("ARTICLE", ([], 0))[0])[:10].upper()
    # a subsidiary's or a series' schedule names it: "<SUBSIDIARY> <NUMBER> 1 <NAME> ALABAMA POWER"
    subsidiary = " ".join(head.get("NAME", ([], 0))[0])[:80] if "SUBSIDIARY" in head or "SERIES" in head else ""
    if ("SUBSIDIARY" in head or "SERIES" in head) and not subsidiary:
        subsidiary = "a subsidiary or series"
    currency = " ".join(head.get("CURRENCY", ([], 0))[0])[:60]
    first = doc.line_numbers[0] if doc.line_numbers else 0
    return Schedule(doc.type, first, article, multiplier, tuple(columns), tuple(out), currency=currency,
                    restated="RESTATED" in head, problems=tuple(problems), subsidiary=subsidiary)


def parse_value(text: str) -> Decimal | None:
    """A schedule's number: "1,203,488", "(1,045)", "-45", "2.61", "(8.29)", "$12"; None if not one."""
    m = _NUMBER.match(text.strip())
    if not m or not (m.group(3) or m.group(4)) or bool(m.group(1)) != bool(m.group(5)):
        return None
    try:
        value = Decimal((m.group(3) or "0").replace(",", "") + (m.group(4) or ""))
    except InvalidOperation:
        return None
    return -value if (m.group(1) or m.group(2)) else value


def parse_date(text: str) -> dt.date | None:
    """DEC-31-1997, Dec-31-1997, 12-31-1997 or 12/31/1997."""
    text = text.strip()
    m = _NAMED_DATE.match(text)
    if m:
        month = MONTHS.get(m.group(1).lower())
        day = make_date(int(m.group(3)), month, int(m.group(2))) if month else None
    else:
        m = _NUMERIC_DATE.match(text)
        day = make_date(int(m.group(3)), int(m.group(1)), int(m.group(2))) if m else None
    # (schedules were filed 1993-2001: a year far from that is a misprint, and no date arithmetic's)
    return day if day is not None and 1900 <= day.year <= 2100 else None


def _columns(head: dict, problems: list[str]) -> list[ScheduleColumn]:
    """One column per PERIOD-END date: with its PERIOD-TYPE, PERIOD-START and FISCAL-YEAR-END."""
    ends, line = head.get("PERIOD-END", ([], 0))
    if not ends:
        problems.append("no <PERIOD-END>: the schedule's values have no period and are not read")
        return []
    if len(ends) > MAX_COLUMNS:
        problems.append(f"line {line}: {len(ends)} periods; only the first {MAX_COLUMNS} are read")
        ends = ends[:MAX_COLUMNS]
    types = head.get("PERIOD-TYPE", ([], 0))[0]
    starts = head.get("PERIOD-START", ([], 0))[0]
    years = head.get("FISCAL-YEAR-END", ([], 0))[0]
    out = []
    for k, text in enumerate(ends):
        end = parse_date(text)
        if end is None:
            problems.append(f"line {line}: <PERIOD-END> {text[:40]!r} is not a date; the schedule's values are not read")
            return out if len(ends) == 1 else []
        kind = types[k].upper() if k < len(types) and _PERIOD_TYPE.match(types[k].upper()) else ""
        start = parse_date(starts[k]) if k < len(starts) else None
        if start is not None and start > end:
            start = None
        fye = parse_date(years[k]) if k < len(years) else None
        out.append(ScheduleColumn(kind, end, start, fye))
    return out


def _multiplier(head: dict, problems: list[str]) -> int:
    """<MULTIPLIER> 1,000 (or 1000, 1,000,000): a power of ten; 1 when not given or not one."""
    tokens, line = head.get("MULTIPLIER", ([], 0))
    if not tokens:
        return 1
    value = parse_value(tokens[0])
    if value is None or value <= 0 or value != value.to_integral_value() or value > 10 ** 9 \
            or str(int(value)).rstrip("0") != "1":
        problems.append(f"line {line}: <MULTIPLIER> {tokens[0][:40]!r} is not a power of ten; "
                        "the schedule's amounts are not read")
        return 0
    return int(value)
