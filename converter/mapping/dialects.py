"""Industry dialects (issue 12, item 2): the concepts only banks' or brokers' statements print
apply only to a filing of that industry. The dialect comes from the header's SIC code, else
from the words of the filing's statements; taxonomy/dialects.toml holds both and the concepts
of each dialect."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from converter.model import ParsedFiling, StatementKind
from converter.resources import load_toml


@dataclass(frozen=True)
class Dialect:
    name: str
    sic: tuple[tuple[int, int], ...]
    words: tuple[re.Pattern, ...]
    min_words: int
    concepts: frozenset[str]


@functools.cache
def dialects() -> tuple[Dialect, ...]:
    return tuple(Dialect(name, tuple(tuple(r) for r in d["sic"]), tuple(re.compile(w) for w in d["words"]),
                         d["min_words"], frozenset(d["concepts"]))
                 for name, d in load_toml("dialects.toml").items())


def dialect_of(parsed: ParsedFiling) -> str:
    """The filing's dialect ("" for none): by its SIC code when the header gives one, else by
    the words its statements print."""
    sic = parsed.filing.header.sic
    if sic is not None:
        return next((d.name for d in dialects() if any(lo <= sic <= hi for lo, hi in d.sic)), "")
    labels = " | ".join(r.label for t in parsed.tables if t.kind is not StatementKind.NOTE for r in t.rows).lower()
    return next((d.name for d in dialects() if sum(_says(w, labels) for w in d.words) >= d.min_words), "")


def _says(word: re.Pattern, labels: str) -> bool:
    """Whether the labels print the pattern: its leading letters first, as plain text (cheap)."""
    text = _lead_text(word.pattern)
    return (not text or text in labels) and bool(word.search(labels))


@functools.lru_cache(maxsize=1024)
def _lead_text(pattern: str) -> str | None:
    """The plain text a pattern starts with, which any text it matches contains."""
    lead = _LEAD.match(pattern)
    return lead.group(1)[:-1] if lead and pattern[lead.end():lead.end() + 1] in ("?", "*", "{") else lead and lead.group(1)


_LEAD = re.compile(r"(?:\\b)?([a-z][a-z ]{3,})")  # "\bnet interest income\b": "net interest income"


def foreign_concepts(dialect: str) -> frozenset[str]:
    """The concepts of every other dialect: never chosen for this filing."""
    return frozenset().union(*(d.concepts for d in dialects() if d.name != dialect))
