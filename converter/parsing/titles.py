"""Statement titles and scale phrases, matched with the patterns of taxonomy/statements.toml."""
from __future__ import annotations

import functools
import re

from converter.model import StatementKind
from converter.resources import load_toml


@functools.cache
def _kinds() -> list[tuple[StatementKind, re.Pattern]]:
    data = load_toml("statements.toml")
    return [(StatementKind(k["name"]), re.compile("|".join(k["patterns"]))) for k in data["kind"]]


@functools.cache
def _scales() -> list[tuple[int, re.Pattern]]:
    data = load_toml("statements.toml")
    return [(s["factor"], re.compile("|".join(s["patterns"]))) for s in data["scale"]]


@functools.cache
def _prefilter(what: str) -> tuple[str, ...]:
    return tuple(load_toml("statements.toml")["prefilter"][what])


@functools.cache
def _company() -> re.Pattern:
    return re.compile("|".join(load_toml("statements.toml")["title"]["company"]))


_LOWER_TITLE = re.compile(r"^(?:consolidated|condensed|combined|statements?|balance)\b")


@functools.lru_cache(maxsize=16384)  # asked of the same lines by several passes
def statement_kind(text: str) -> StatementKind | None:
    # "SHARE-OWNERS' EQUITY" reads as "shareowners equity" (and "MEMBERS’ EQUITY", typeset, as "members equity")
    low = " ".join(text.lower().replace("-", "").replace("'", "").replace("\u2019", "").split())
    if not any(w in low for w in _prefilter("kind")):
        return None
    for kind, pattern in _kinds():
        if pattern.search(low):
            return kind
    return None


@functools.lru_cache(maxsize=16384)  # asked of the same lines by several passes
def is_title_line(text: str) -> bool:
    """A statement title (or the company line of a title block), short and not prose."""
    text = " ".join(text.split())
    if len(text) > 110:
        return False
    low = text.lower()
    if statement_kind(low) is None or len(low.split()) > 12:
        return False
    if text[:1].islower() and not _LOWER_TITLE.match(low):
        return False  # a sentence that mentions a balance sheet
    return not low.rstrip().endswith((".", ",", ";"))


def is_company_line(text: str) -> bool:
    text = " ".join(text.split())
    return bool(_company().search(text.lower())) and len(text) < 100


@functools.cache
def _title_words(key: str) -> re.Pattern:
    return re.compile("|".join(load_toml("statements.toml")["title"][key]))


def is_not_own(text: str) -> bool:
    """Titles of statements that are not the filer's own as printed (pro forma, consolidating)."""
    return bool(_title_words("not_own").search(" ".join(text.lower().split())))


def is_parent_only(lines: list[str]) -> bool:
    """A title block naming the parent company's statements alone ("(PARENT COMPANY)")."""
    return any(_title_words("parent_only").search(" ".join(t.lower().split())) for t in lines)


def is_caption(text: str) -> bool:
    """A short line ending with a colon heads the rows under it ("Balance sheet data:"), even
    where its words would make it a statement's title."""
    text = text.strip()
    return text.endswith(":") and len(text) < 60


def is_parent_note(text: str) -> bool:
    """A note heading naming the parent company's statements ("12. PARENT COMPANY FINANCIAL
    INFORMATION"): the statements under it are the parent's alone."""
    return bool(_title_words("parent_note").search(" ".join(text.lower().split())))


_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\)?\s+[A-Z][A-Za-z,'&\- ]{3,}$")


def is_numbered_heading(text: str) -> bool:
    """'12.  PARENT COMPANY FINANCIAL INFORMATION', '(7) Income Taxes': a note begins without
    the word "Note"."""
    text = text.strip()
    return len(text) < 80 and bool(_NUMBERED.match(text)) and not text.rstrip().endswith(".")


def is_qualified(text: str) -> bool:
    """Titles whose qualifying word keeps a table a note unless its content says it is the statement."""
    return bool(_title_words("qualified").search(" ".join(text.lower().split())))


def names_scale_words(low: str) -> bool:
    """Whether a lowercased text names thousands, millions or billions: a cheap test before the
    patterns of a scale stated in a sentence."""
    return "thousands" in low or "millions" in low or "billions" in low


@functools.lru_cache(maxsize=16384)  # asked of the same lines by several passes
def scale_of(text: str) -> int | None:
    low = " ".join(text.lower().split())
    if not any(w in low for w in _prefilter("scale")):
        return None
    for factor, pattern in _scales():
        if pattern.search(low):
            return factor
    return None


_SUFFIX = re.compile(r"\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.?p|plc|n\.?v)\.?(?:\s+and\s+(?:consolidated\s+)?(?:subsidiaries|subsidiary companies|affiliates|consolidated affiliates))?\s*$", re.I)


_OWNED_BY = re.compile(r"^.*\b(?:owned|operated)\s+by\s+(?:the\s+)?", re.I)
_GROUP_TAIL = re.compile(r"^(?:and\s+)?(?:its\s+)?(?:consolidated\s+)?(?:subsidiaries|subsidiary companies|affiliates)\b", re.I)


_NAME_GLUE = frozenset("and of the for & de du la y its consolidated subsidiaries subsidiary companies affiliates "
                       "inc. inc co. corp. ltd. l.p. n.a.".split())


def company_of(lines: list[str]) -> str:
    """The company a statement's title block names: 'NEW LINE CINEMA CORPORATION AND SUBSIDIARIES'."""
    for text in lines:
        text = " ".join(text.split())
        if text.startswith("(") and text.endswith(")"):
            # "(Stations Owned by Carlson Broadcasting Partners, L.P.)": the owner a business's
            # statements name; "(A Development Stage Company)" names none
            if not _OWNED_BY.match(text[1:-1]):
                continue
            text = _OWNED_BY.sub("", text[1:-1]).strip()
        if not text or len(text) > 90 or statement_kind(text) is not None or _GROUP_TAIL.match(text):
            continue  # "and Subsidiary Companies" under the name ends it, names none
        if sum(w.islower() and w not in _NAME_GLUE for w in text.split()) > 1:
            continue  # a sentence's last line ("material adverse effect on the Company."), no name
        if is_company_line(text) or _SUFFIX.search(text):
            return re.sub(r"\s+and\s+(?:consolidated\s+)?(?:subsidiaries|subsidiary companies|(?:consolidated\s+)?affiliates)\s*$", "",
                          text, flags=re.I).strip(" ,")
    return ""


@functools.cache
def _quantity() -> re.Pattern:
    units = "|".join(re.escape(u) for u in load_toml("statements.toml")["quantity"]["units"])
    return re.compile(r"\b(?:billions|millions|thousands|hundreds)\s+of\s+(?:" + units + r")\b|\bin\s+(?:" + units + r")\b")


def quantity_of(text: str) -> str:
    """The non-money unit a scale phrase counts ("(In Millions of KWHs)" -> "millions of kwhs"), or ""."""
    m = _quantity().search(" ".join(text.lower().split()))
    return m.group(0) if m else ""


def goods_of(title: str, intro: str = "") -> str:
    """The goods a title counts ("VEHICLE FACTORY SALES" -> "vehicle factory sales") when neither
    it nor the sentence above names money too, or ""."""
    m = _counted_titles().search(title)  # (first: most titles count nothing, and the intro is long)
    return m.group(0).lower() if m and not _MONEY_TITLE.search(f"{title} {intro}") else ""


def money_words(text: str) -> bool:
    return bool(_MONEY_TITLE.search(text))


# a title that names money beside the goods ("Net sales ... and Macintosh unit sales"): its rows say which is which
_MONEY_TITLE = re.compile(r"\b(?:net sales|revenues?|dollars|income|earnings)\b|\$", re.I)


@functools.cache
def _counted_titles() -> re.Pattern:
    return re.compile("|".join(load_toml("statements.toml")["quantity"]["titles"]), re.I)


_NOTE_HEADING = re.compile(r"^\s*(?:note|notes)\s+\d+[a-z]?\b", re.I)
_NOTE_TITLED = re.compile(r"^\s*notes?\s+\d+[a-z]?\s*(?:[.:\-\u2013\u2014]+\s*)?[A-Z][A-Za-z]{2,}", re.I)


def is_note_heading(text: str, titled: bool = False) -> bool:
    """'NOTE 9 - FINANCIAL INSTRUMENTS', 'Note 6. Earnings per Share': a note begins (titled: its
    title on the same line, not a reference wrapped to a line start: "Note 2):")."""
    return len(text.strip()) < 90 and bool((_NOTE_TITLED if titled else _NOTE_HEADING).match(text))


_ITEM = re.compile(r"^item\s+\d+[a-z]?\b", re.I)
_ITEM_TITLED = re.compile(r"^item\s+\d+[a-z]?\.?\s+[A-Z]", re.I)


def is_item_heading(text: str, titled: bool = False) -> bool:
    """'ITEM 8. FINANCIAL STATEMENTS': a part of the report begins (titled: its title follows)."""
    return bool((_ITEM_TITLED if titled else _ITEM).match(text))
