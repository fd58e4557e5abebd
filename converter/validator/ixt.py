"""The Inline XBRL transformation formats this validator implements: a fact's displayed text to
its XBRL value, or None where the format cannot read it (transformValueError).

Each format name (of any registry in taxonomy/ixt.toml) is mapped there, under [implemented], to
one of the kinds below. They read text as Arelle, the reference processor, reads it (its
FunctionIxt; tests/test_ixt_formats.py holds each kind to it on the same inputs), including where
registries 3 and 4 differ: registry 3's numbers need groups of three digits, registry 4's take any
grouping and give the canonical number. English month names are written in full or in three
letters, capitalised or in capitals; a year of one or two digits is 200Y or 20YY. Three of the
SEC's formats (numbers in words, state names, filer categories) are read too, with no reference to
hold them to: where they refuse a text, its fact is not checked (converter/validator/inline_facts.py).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

_WS = "[ \t\n\r]*"
_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = {**{n.lower(): i for i, n in enumerate(_NAMES, 1)}, **{n[:3].lower(): i for i, n in enumerate(_NAMES, 1)}}
_MONTH_EN = "(" + "|".join([*_NAMES, *(n[:3] for n in _NAMES), *(n[:3].upper() for n in _NAMES),
                            *(n.upper() for n in _NAMES)]) + ")"
_YEAR = "([0-9]{4}|[0-9]{1,2})"
_MAX_DAY = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_DASHES = "-\u058a\u05be\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\uff0d"


def _re(pattern: str) -> re.Pattern:
    return re.compile(f"^{pattern}$")


def _year(y: str) -> int:
    return int(y) + (2000 if len(y) <= 2 else 0)


def _month(m: str) -> int | None:
    return _MONTH.get(m.lower()) if not m.isdigit() else int(m)


def _date(y: str, m: str, d: str) -> str | None:
    month = _month(m)
    try:
        return dt.date(_year(y), month, int(d)).isoformat() if month else None
    except ValueError:
        return None


def _month_day(m: str, d: str) -> str | None:
    month = _month(m)
    return f"--{month:02d}-{int(d):02d}" if month in _MAX_DAY and 1 <= int(d) <= _MAX_DAY[month] else None


def _year_month(y: str, m: str) -> str | None:
    month = _month(m)
    return f"{_year(y):04d}-{month:02d}" if month and 1 <= month <= 12 else None


def _canonical(number: str) -> str | None:
    """A decimal as XML Schema writes it canonically (no leading or trailing zeros but one)."""
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", number):
        return None
    whole, _, fraction = number.partition(".")
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return whole + (f".{fraction}" if fraction else "")


# registry 3's numbers: groups of three digits
_DOT_3 = _re(_WS + r"[0-9]{1,3}(?:[, \xa0]?[0-9]{3})*(?:\.[0-9]+)?" + _WS)
_COMMA_3 = _re(_WS + r"[0-9]{1,3}(?:[. \xa0]?[0-9]{3})*(?:,[0-9]+)?" + _WS)
# registry 4's: any grouping
_DOT_4 = _re(_WS + r"[, \xa00-9]*(?:\.[ \xa00-9]+)?" + _WS)
_COMMA_4 = _re(_WS + r"[. \xa00-9]*(?:,[ \xa00-9]+)?" + _WS)
# Indian grouping: 1,00,00,000.00
_DOT_IN = re.compile(r"^((?:[0-9]{1,2}[, \xa0])?(?:[0-9]{2}[, \xa0])*[0-9]{3})(\.[0-9]+)?$|^([0-9]+)(\.[0-9]+)?$")
# a number with its unit words between the major and the minor part: "5 dollars 25 cents"
_UNIT_3 = re.compile(r"^(0|[1-9][0-9]{0,2}(?:[.,]?[0-9]{3})*)[^0-9,.]+([0-9]{1,2})[^0-9,.]*$")
_UNIT_4 = re.compile(r"^([0-9.,]+)[^0-9.,][^0-9]*([0-9]{1,2})[^0-9]*$")


def _num_dot_3(s: str) -> str | None:
    return re.sub(r"[, \xa0\t\n\r]", "", s) if _DOT_3.match(s) else None


def _num_comma_3(s: str) -> str | None:
    return re.sub(r"[. \xa0\t\n\r]", "", s).replace(",", ".") if _COMMA_3.match(s) else None


def _num_dot_4(s: str) -> str | None:
    return _canonical(re.sub(r"[, \xa0\t\n\r]", "", s)) if _DOT_4.match(s) else None


def _num_comma_4(s: str) -> str | None:
    return _canonical(re.sub(r"[. \xa0\t\n\r]", "", s).replace(",", ".")) if _COMMA_4.match(s) else None


def _num_dot_in(s: str) -> str | None:
    m = _DOT_IN.match(s)
    if not m:
        return None
    whole, fraction = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return re.sub(r"[, \xa0]", "", whole) + (fraction or "")


def _num_unit_3(s: str) -> str | None:
    m = _UNIT_3.match(s)
    return f"{re.sub('[.,]', '', m.group(1))}.{int(m.group(2)):02d}" if m else None


def _num_unit_4(s: str) -> str | None:
    m = _UNIT_4.match(s)
    return _canonical(f"{re.sub('[.,]', '', m.group(1))}.{int(m.group(2)):02d}") if m else None


def _dates(pattern: str, order: str, make: Callable[..., str | None]) -> Callable[[str], str | None]:
    """A date format: PATTERN's groups in ORDER (y, m, d letters) given to MAKE."""
    compiled = _re(pattern)

    def read(s: str) -> str | None:
        m = compiled.match(s)
        if not m:
            return None
        parts = dict(zip(order, m.groups()))
        return make(*(parts[k] for k in "ymd" if k in parts))
    return read


_NUM_DATE = r"([0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]+" + _YEAR + _WS

KINDS: dict[str, Callable[[str], str | None]] = {
    "num-dot-3": _num_dot_3,
    "num-comma-3": _num_comma_3,
    "num-dot": _num_dot_4,
    "num-comma": _num_comma_4,
    "num-dot-in": _num_dot_in,
    "num-unit-3": _num_unit_3,
    "num-unit": _num_unit_4,
    "zero-dash": lambda s: "0" if re.fullmatch(f"{_WS}[{_DASHES}]{_WS}", s) else None,
    "zero": lambda s: "0",
    "empty": lambda s: "",
    "true": lambda s: "true",
    "false": lambda s: "false",
    "ballot": lambda s: {"\u2611": "true", "\u2612": "true", "\u2610": "false"}.get(s.strip()),
    "date-mdy": _dates(_WS + _NUM_DATE, "mdy", _date),
    "date-dmy": _dates(_WS + _NUM_DATE, "dmy", _date),
    "date-ymd": _dates(_WS + _YEAR + r"[^0-9]+([0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]*", "ymd", _date),
    "date-md": _dates(_WS + r"([0-9]{1,2})[^0-9]+([0-9]{1,2})[A-Za-z]*" + _WS, "md", _month_day),
    "date-dm": _dates(_WS + r"([0-9]{1,2})[^0-9]+([0-9]{1,2})" + _WS, "dm", _month_day),
    "date-my": _dates(_WS + r"([0-9]{1,2})[^0-9]+" + _YEAR + _WS, "my", _year_month),
    "date-ym": _dates(_WS + _YEAR + r"[^0-9]+([0-9]{1,2})[^0-9]*", "ym", _year_month),
    "date-monthname-d-y": _dates(_WS + _MONTH_EN + r"[^0-9]+([0-9]+)[^0-9]+" + _YEAR + _WS, "mdy", _date),
    "date-d-monthname-y": _dates(_WS + r"([0-9]{1,2})[^0-9]+" + _MONTH_EN + "[^0-9]+" + _YEAR + _WS, "dmy", _date),
    "date-monthname-d": _dates(_WS + _MONTH_EN + r"[^0-9]+([0-9]{1,2})[A-Za-z]{0,2}" + _WS, "md", _month_day),
    "date-d-monthname": _dates(_WS + r"([0-9]{1,2})[^0-9]+" + _MONTH_EN + _WS, "dm", _month_day),
    "date-monthname-y": _dates(_WS + _MONTH_EN + "[^0-9]+" + _YEAR + _WS, "my", _year_month),
    "date-y-monthname": _dates(_WS + _YEAR + "[^0-9]+" + _MONTH_EN + _WS, "ym", _year_month),
}


# The SEC's formats implemented here have no reference reading to be held to (Arelle reads them in
# the SEC's own plugin): where these refuse a text, its fact is reported not checked, not invalid.
_SMALL = {w: i for i, w in enumerate(("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen").split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}


def _num_words_en(s: str) -> str | None:
    """English words for a whole number ("no" and "none" are 0): "one hundred twenty-five thousand".
    Words out of order ("one two", "thousand million") are refused, not summed."""
    words = [w for w in re.split(r"[\s,-]+", s.lower()) if w and w != "and"]
    if words in (["no"], ["none"], ["zero"]):
        return "0"
    total = group = 0
    last, scale_before = None, 10 ** 15  # the kind of the word before; the scale of the group before
    for w in words:
        if w in _TENS and last in (None, "hundred", "scale"):
            group, last = group + _TENS[w], "tens"
        elif w in _SMALL and _SMALL[w] and (last in (None, "hundred", "scale") or last == "tens" and _SMALL[w] < 10):
            group, last = group + _SMALL[w], "unit"
        elif w == "hundred" and last in ("unit", "tens") and group < 100:
            group, last = group * 100, "hundred"
        elif w in _SCALES and group and _SCALES[w] < scale_before:
            total, group, last, scale_before = total + group * _SCALES[w], 0, "scale", _SCALES[w]
        else:
            return None
    return str(total + group) if last is not None else None


_STATES = {n.lower(): c for c, n in (line.split(" ", 1) for line in """AL Alabama|AK Alaska|AZ Arizona|AR Arkansas
|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho
|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan
|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico
|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island
|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia
|WI Wisconsin|WY Wyoming""".replace("\n", "").split("|"))}
_FILER_CATEGORIES = {"large accelerated filer": "Large Accelerated Filer", "accelerated filer": "Accelerated Filer",
                     "non-accelerated filer": "Non-accelerated Filer"}

KINDS.update({
    "num-words-en": _num_words_en,
    "state-name-en": lambda s: _STATES.get(s.lower()),
    "filer-category-en": lambda s: _FILER_CATEGORIES.get(re.sub(r"non[\s-]*", "non-", s.lower())),
})


def transform(kind: str, text: str) -> str | None:
    """TEXT read by the format of KIND; None where it cannot be. Its white space is collapsed
    first, as XML Schema collapses it (runs of space, tab and line ends to one space, none at the ends)."""
    return KINDS[kind](re.sub("[ \t\n\r]+", " ", text).strip(" "))
