"""Whether two printed company names are the same company."""
from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^a-z0-9]+")

_NAME_NOISE = {"the", "inc", "incorporated", "corp", "corporation", "company", "co", "ltd", "limited", "llc", "lp",
               "plc", "and", "subsidiaries", "consolidated", "affiliates", "group", "holdings", "of", "com"}


def significant_words(name: str) -> set[str]:
    """The words of a company name that tell it apart: not "Inc", "Corp", "and Subsidiaries"."""
    return {w for w in _NON_WORD.split(name.lower()) if w and w not in _NAME_NOISE and len(w) > 1}


def same_company(a: str, b: str) -> bool:
    """Whether two printed company names name one company ("BRISTOL-MYERS SQUIBB COMPANY",
    "BRISTOL MYERS SQUIBB CO"): one name's words all in the other's. Names that each have a word
    the other lacks are two companies, also when they begin alike ("Prairie Crest Energy" and its
    subsidiary "Prairie Crest Electric", "Sable Bay Hotel Trust" and its lessee "Sable Bay Hotel
    Lessee"), or share a word of the trade ("Lakeside Home Healthcare", "Northstar Healthcare
    Services"). A name with no significant word cannot be told apart."""
    wa, wb = significant_words(a), significant_words(b)
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa


_NOT_AS_REPORTED = re.compile(r"\bpro ?-?forma\b|\bcombined\b|\badjust|\bas adjusted\b|\bhistorical\b", re.I)


def names_registrant(heading: str, registrant: str) -> bool:
    """A column heading named by every significant word of the registrant's name ("STOCKWALK.COM
    GROUP, INC." for STOCKWALK COM GROUP INC), not an adjusted or combined presentation of it:
    the registrant's own figures in a pro forma combination."""
    mine = significant_words(registrant)
    return bool(mine) and mine <= significant_words(heading) and not _NOT_AS_REPORTED.search(heading)


# first words many companies share: a heading of that word alone names no one company
_COMMON_FIRST = {"american", "national", "first", "general", "united", "international", "global", "new", "north",
                 "south", "east", "west", "northern", "southern", "eastern", "western", "pacific", "atlantic", "central",
                 "standard", "continental", "capital", "financial", "security", "royal", "us", "usa", "america"}


def names_registrant_briefly(heading: str, registrant: str) -> bool:
    """A column heading naming the registrant by the first of its name's words, or its first
    few ("Pinnacle" over PINNACLE DATA NETWORKS INC's column beside "Cobalt"): words all of the
    registrant's name, its first among them, not a word many companies begin with, and not an
    adjusted or combined presentation."""
    ordered = [w for w in _NON_WORD.split(registrant.lower()) if w and w not in _NAME_NOISE and len(w) > 1]
    words = significant_words(heading)
    return (bool(ordered) and bool(words) and words <= set(ordered) and ordered[0] in words
            and not words <= _COMMON_FIRST and not _NOT_AS_REPORTED.search(heading))
