"""Cover-page facts: registrant, form, period, file number, tax id, state, shares outstanding."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

from converter.model import CoverInfo, Filing, TextDocument
from converter.dates import FULL_DATE, find_dates, make_date, month_number
from converter.resources import load_toml

_FORM = re.compile(r"FORM\s+(10-?K(?:SB|405|-?T)?|10-?Q(?:SB)?|8-?K|20-?F|40-?F|6-?K)(/A)?", re.I)
_PERIOD = re.compile(r"(?:quarterly\s+period|fiscal\s+year|period|quarter|year)\s+ended:?\s*", re.I)
_FILE_NO = re.compile(r"commission\s+file\s+(?:number|no\.?)\s*:?\s*([0-9]{1,3}-[0-9]{3,6})", re.I)
_TAX_ID = re.compile(r"(?<![\d-])(\d{2}-\d{7})(?![\d-])")
_EXACT_NAME = re.compile(r"\(\s*exact\s+name\s+of", re.I)
_STATE_LABEL = re.compile(r"\(\s*state\s+(?:or\s+other\s+jurisdiction|of\s+incorporation)", re.I)
_TRANSACTION = re.compile(r"\bvalued at\b|\bin exchange for\b|\bpurchase price\b|\bconsideration\b|\bissued (?:to|in)\b", re.I)
_SHARES = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+)\s+shares\b", re.I)
_TICKER = re.compile(r"\(\s*(?:OTCBB|OTC|NASDAQ|Nasdaq|NYSE|AMEX|Amex|OTC\s*BB)\s*:", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Za-z][A-Za-z0-9&'.,-]*|&|of|and)$")
_FYE = re.compile(r"year\s+end(?:ed|ing)\s+", re.I)


def normalise_form(form: str | None) -> str | None:
    if not form:
        return None
    f = form.strip().upper()
    amend = f.endswith("/A")
    base = f[:-2] if amend else f
    m = re.fullmatch(r"(10|20|40)-?(K|Q|F)(SB|405|T)?", base) or re.fullmatch(r"(8|6)-?(K)()", base)
    if m:
        base = f"{m.group(1)}-{m.group(2)}{m.group(3) or ''}"
    return base + ("/A" if amend else "")


def read_cover(filing: Filing) -> CoverInfo:
    doc = filing.documents[0]
    head = doc.lines[:300]
    text = "\n".join(head)
    flat = " ".join(text.split())
    h = filing.header
    form = normalise_form(h.form_type)
    amendment = bool(form and form.endswith("/A"))
    if form is None:
        # the cover's own "FORM 10-Q" line, not a mention of another report in the text
        for line in head[:80]:
            m = _FORM.fullmatch(line.strip())
            if m:
                form = normalise_form(m.group(1) + (m.group(2) or ""))
                amendment = bool(m.group(2))
                break
    period = h.period or (_period_from_text(flat[:6000]) if form else None)
    dates = find_dates(" ".join(" ".join(head[:25]).split()))
    dateline = dates[0][1] if dates else None
    registrant = h.company or _registrant(head) or _registrant_from_ticker(flat[:3000])
    file_number = h.file_number or _first(_FILE_NO, flat[:6000])
    tax_id = _tax_id(h.irs_number) or _first(_TAX_ID, flat[:6000])
    state = h.state_of_incorporation or _state(head)
    fye = None
    if h.fiscal_year_end:
        fye = f"--{h.fiscal_year_end[:2]}-{h.fiscal_year_end[2:]}"
    else:
        fye = _fiscal_year_end(filing.documents, form, period)
    # an 8-K's cover states no shares outstanding: its counts are a transaction's ("400,000 shares ... valued at")
    shares = None if form and form.startswith("8-K") else _shares_outstanding(doc, period)
    return CoverInfo(
        registrant=registrant, form_type=form, period_end=period, fiscal_year_end=fye,
        file_number=file_number, tax_id=tax_id, state=state, amendment=amendment,
        shares_outstanding=shares, cik=h.cik, dateline=dateline,
    )


def _first(pattern: re.Pattern, text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


def _tax_id(irs: str | None) -> str | None:
    if irs and re.fullmatch(r"\d{9}", irs) and irs != "000000000":
        return f"{irs[:2]}-{irs[2:]}"
    return None


def _period_from_text(flat: str) -> dt.date | None:
    for m in _PERIOD.finditer(flat):
        dates = find_dates(flat[m.end():m.end() + 40])
        if dates and dates[0][0] < 3:
            return dates[0][1]
    return None


def _registrant(lines: tuple[str, ...]) -> str | None:
    """The line above '(Exact name of registrant as specified in its charter)'."""
    for i, line in enumerate(lines):
        if _EXACT_NAME.search(line):
            for k in range(i - 1, max(-1, i - 4), -1):
                name = lines[k].strip()
                if name and not set(name) <= set("-_= "):
                    return " ".join(name.split())
    return None


def _registrant_from_ticker(flat: str) -> str | None:
    """'... eLEC Communications Corp. (OTCBB:ELEC)': the name words before the ticker."""
    m = _TICKER.search(flat)
    if not m:
        return None
    words = flat[:m.start()].split()
    name: list[str] = []
    for w in reversed(words[-8:]):
        if not _NAME_TOKEN.match(w) or "--" in w or "..." in w:
            break
        name.insert(0, w)
    while name and name[0].lower() in ("of", "and", "&"):
        name.pop(0)
    return " ".join(name) or None


def _state(lines: tuple[str, ...]) -> str | None:
    codes = load_toml("states.toml")["codes"]
    for i, line in enumerate(lines):
        m = _STATE_LABEL.search(line)
        if not m:
            continue
        col = m.start()
        for k in range(i - 1, max(-1, i - 4), -1):
            above = lines[k]
            # the state is printed above its caption, in the same columns
            seg = above[max(0, col - 10):col + 40].strip().lower()
            seg = re.split(r"\s{2,}", seg)[0] if seg else ""
            if seg in codes:
                return codes[seg]
            for name, code in codes.items():
                if re.search(rf"\b{re.escape(name)}\b", above.lower()[:col + 40]):
                    return code
    return None


def _fiscal_year_end(docs: tuple[TextDocument, ...], form: str | None, period: dt.date | None) -> str | None:
    """The month and day that 'year ended ...' phrases name most often; a 10-K's own period end."""
    if form and form.startswith("10-K") and period:
        return f"--{period.month:02d}-{period.day:02d}"
    counts: Counter = Counter()
    for doc in docs:
        flat = "\n".join(doc.lines)  # both patterns take any run of blanks: no need to flatten
        for m in _FYE.finditer(flat):
            d = FULL_DATE.match(flat, m.end())
            if d:
                counts[(month_number(d.group("month")), int(d.group("day")))] += 1
    if not counts:
        return None
    (month, day), _ = counts.most_common(1)[0]
    if make_date(2001, month, day) is None:
        return None
    return f"--{month:02d}-{day:02d}"


def _shares_outstanding(doc: TextDocument, period: dt.date | None) -> tuple[Decimal, dt.date, int] | None:
    """'16,259,782 shares of Common Stock ... as of June 30, 2004' on the cover page."""
    limit = min(len(doc.lines), 200)
    for i in range(limit):
        line = doc.lines[i]
        low = line.lower()
        if re.search(r"\bpart\s+i\b|financial\s+statements", low) and i > 20:
            break
        for m in _SHARES.finditer(line):
            window = " ".join(doc.lines[max(0, i - 4):i + 4])
            if "outstanding" not in window.lower() or _TRANSACTION.search(" ".join(doc.lines[max(0, i - 1):i + 2])):
                continue
            after = " ".join(" ".join(doc.lines[i:i + 3]).split())
            dates = find_dates(after)
            if not dates:
                dates = find_dates(" ".join(" ".join(doc.lines[max(0, i - 3):i + 1]).split()))
            if not dates:
                continue
            date = dates[0][1]
            return Decimal(m.group(1).replace(",", "")), date, doc.line_numbers[i]
    return None
