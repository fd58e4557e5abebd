"""The groups a table's columns are printed for ("Automotive", "Financial Services",
"Consolidated", a pro forma combination's "Historical" / "Adjustments" / "Pro Forma"): which
column is the registrant's own figures and what each other column's member is called."""
from __future__ import annotations

import dataclasses
import functools
import re

from converter.model import Column, StatementKind
from converter.dates import FULL_DATE
from converter.companies import names_registrant, names_registrant_briefly

# the group that holds the company's figures as now reported: "Consolidated", "Total", and
# "As Restated" beside "As Previously Reported"
PRO_FORMA_WORDS = re.compile(r"\bpro\s*-?\s*forma\b", re.I)
_AMOUNT_WORDS = r"(?:amount|dollars|\$)"
_PERIOD_WORDS = re.compile(r"\b(?:(?:three|six|nine|twelve|\d+)\s+months?|years?|quarters?|weeks?|ended|ending|"
                           r"fiscal|for the|as of|at|unaudited|audited)\b|\([^)]*\)|[\d,]+", re.I)
_COMBINING = re.compile(PRO_FORMA_WORDS.pattern + r"|\badjust|\bcombined\b", re.I)  # a pro forma combination's groups
_NOT_ACTUAL = re.compile(_COMBINING.pattern + r"|\beliminat", re.I)  # groups that are no company's own figures
# "GAAP" and "As Reported" beside "Adjustments" and "Non-GAAP (Pro Forma)": the figures as reported
_AS_REPORTED_GROUP = re.compile(r"gaap|reported", re.I)
# the parts of a consolidating statement ("Parent Company", "Combined Guarantor Subsidiaries",
# "Eliminations") beside its "Consolidated" column: the parent's column, even under the
# registrant's own name, is not the registrant's consolidated figures
CONSOLIDATING_PART = re.compile(r"\bsubsidiar|\bguarantor|\beliminat|\bparent\b|\bissuer\b", re.I)
_PRIMARY_GROUP = re.compile(r"\bconsolidated\b|\btotal\b|^(?:as )?restated$|^(?:u\.?s\.? )?gaap(?: basis)?$|"
                            r"^(?:gaap )?(?:as )?reported(?: basis)?$|^actual$", re.I)
_PERCENT_HEADING = re.compile(r"(?:[\w-]+ )?(?:%|percent|pct\.?)(?: of (?:net |total )?(?:sales|revenues?))?"
                              r"|(?:[\w-]+ )?(?:%|percent) to (?:net )?(?:sales|revenues?)")
_AMOUNT_ONLY = re.compile(_AMOUNT_WORDS, re.I)  # (fullmatch: the amount column's whole heading)
_AMOUNT_WORD = re.compile(r"\b" + _AMOUNT_WORDS + r"$", re.I)


def column_groups(cols: list[Column], kind: StatementKind, registrant: str = "") -> tuple[list[Column], str]:
    """Columns that repeat a period belong to groups (entities, segments, presentations).

    The group headed "consolidated" or "total", or by the registrant's own name (its historical
    column in a pro forma combination), keeps its plain periods; every other group's
    columns keep their periods and carry the group's printed name as their member, for the
    mapper to place in a dimensional context or leave out. A note without a consolidated group
    is skipped: its groups are measures as often as parts of the company ("Carrying Amount",
    "Fair Value"). Groups without a name are not told apart: the table is skipped, no guess at
    whose numbers they are.
    """
    periods = [c.period for c in cols if c.period is not None]
    names = {_group_key(c): group_name(c) for c in cols if c.period is not None}
    # a pro forma combination's companies may each print their own fiscal year ("Pinnacle Year
    # Ended December 31, 1999 / Cobalt Year Ended June 30, 2000 / Pro Forma Adjustments"): groups
    # all the same, though no period repeats
    combining = bool(registrant) and any(_COMBINING.search(c.heading) for c in cols) and len([g for g in names if g]) > 1
    if (len(periods) == len(set(periods)) and not combining) or all(c.measure for c in cols if c.period is not None):
        return cols, ""  # (measures of one item at one date are no groups)
    # "Pro Forma Consolidated", "Combined Total": a presentation, never the company's own figures
    primary = [g for g in names if _PRIMARY_GROUP.search(g) and not _NOT_ACTUAL.search(g)
               and (kind is not StatementKind.NOTE or not _AS_REPORTED_GROUP.search(g))]  # a note's "As Reported" beside its pro forma: both left out
    consolidating = primary and any(CONSOLIDATING_PART.search(g) for g in names)
    if registrant and not consolidating and (not primary or any(_COMBINING.search(g) for g in names)):
        # a pro forma combination: only the column under the registrant's own name is its own
        # figures ("TOTAL SIX MONTHS" beside "TOTAL ADJUSTED" may be either company's)
        primary = ([g for g in names if names_registrant(names[g], registrant)]
                   or [g for g in names if names_registrant_briefly(names[g], registrant)] or _sole_historical(cols))
        primary = primary if len(primary) == 1 else []
    repeated = {p for p in periods if periods.count(p) > 1}
    dates = sorted(p.end for p in periods if p.is_instant and p not in repeated)
    if (not primary and len(dates) >= 2 and all(not p.is_instant for p in repeated)
            and all(dates[0] < p.start and p.end <= dates[-1] for p in repeated)):
        # a roll-forward: balances at two dates and the movements between them ("Spending During
        # Q1'98", "Adjustments During Q1'98"); the balances keep their dates, the movements,
        # several measures of one period, are left out
        return [dataclasses.replace(c, period=None) if c.period in repeated else c for c in cols], ""
    # an unnamed column of a period printed once ("Three Months Ended September 30, 2002" beside
    # "GAAP / Adjustments / Non-GAAP" of 2003) is the company's own figures, as the named one is
    if len(primary) == 1 and "" in names and all(c.period not in repeated for c in cols
                                                    if c.period is not None and _group_key(c) == ""):
        primary = primary + [""]
    unnamed = [c.period for c in cols if c.period is not None and _group_key(c) == ""]
    if not primary and unnamed and len(unnamed) == len(set(unnamed)) \
            and all(_NOT_ACTUAL.search(g) for g in names if g):
        # "December 31, 1997 | March 31, 1998 | Pro Forma March 31, 1998": the unheaded columns
        # are the company's own figures, the pro forma one a presentation beside them
        primary = [""]
    others = [g for g in names if g not in primary]
    statement = kind is not StatementKind.NOTE
    if len([g for g in primary if g]) > 1 or not others or not all(others) or not (primary or statement):
        listed = ", ".join(sorted(repr(g) for g in names if g)) or "unnamed groups"
        return [], f"columns repeat periods for several entities or presentations ({listed}); none is the consolidated one"
    return [c if c.period is None or _group_key(c) in primary else dataclasses.replace(c, member=names[_group_key(c)])
            for c in cols], ""


def percent_beside_amounts(cols: list[Column]) -> list[Column]:
    """"Amount  %" under each period of a release: the percent-of-revenue column beside the
    amounts is no amount of its own and no group (it was a member holding 6.6 as 6,600 dollars);
    it is left without a period, and the amounts keep the plain periods."""
    percent = [c for c in cols if c.period is not None and _PERCENT_HEADING.fullmatch(group_name(c).lower())]
    if not percent:
        return cols
    by_index = {c.index: c for c in cols}
    moved = {}
    for c in percent:
        left = by_index.get(c.index - 1)
        if left is not None and left.period is None and _AMOUNT_ONLY.fullmatch(left.heading.strip()):
            # "1998" printed right of centre over "Amount  Percent" landed on the percent column:
            # the year is the pair's, its amount the period's figure
            moved[left.index], moved[c.index] = c.period, None
    if moved:
        return [dataclasses.replace(c, period=moved[c.index]) if c.index in moved else c for c in cols]
    amounts = {c.period for c in cols if c.period is not None and c not in percent}
    dropped = {c.index for c in percent if c.period in amounts}
    return [dataclasses.replace(c, period=None) if c.index in dropped
            else dataclasses.replace(c, heading=_AMOUNT_WORD.sub(" ", c.heading)) if dropped and c.period is not None else c
            for c in cols]


def own_column(cols: list[Column], registrant: str) -> bool:
    """A pro forma combination prints the registrant's own figures in a column: the sole
    historical one, or one under its name beside only other groups' columns and columns without
    a period (the adjustments' and the combined, dated by the title only)."""
    if any(CONSOLIDATING_PART.search(c.heading) for c in cols):
        return False  # a consolidating statement's parts: its "Consolidated" column is the registrant's
    named = [c for c in cols if not c.member and c.period is not None and names_registrant(group_name(c), registrant)]
    return bool(_sole_historical(cols)) or bool(named) and all(c.member or c.period is None or c in named for c in cols)


def _sole_historical(cols: list[Column]) -> list[str]:
    """A pro forma presentation of one company in two or three columns: its historical figures,
    the adjustments and the adjusted figures ("July 31, 1999 / Pro Forma Adjustments / Adjusted
    July 31, 1999", a disposition's; "Historical / Pro Forma"). The first, no adjustment and no
    pro forma, is the registrant's own. Beside a second company's column (an acquisition's: four
    columns or more) it may be either, and a heading split across columns may put "adjustments"
    over it: none."""
    if len(cols) not in (2, 3) or cols[0].period is None:
        return []
    own = _group_key(cols[0])
    return [own] if not _COMBINING.search(own) and all(_COMBINING.search(c.heading) for c in cols[1:]) else []


def group_name(c: Column) -> str:
    """A column's heading without its period words: the name of the group it belongs to."""
    return heading_group(c.heading)


def member_name(c: Column) -> str:
    """The printed name of a column's group, else its whole heading (a group of its own)."""
    return group_name(c) or " ".join(c.heading.split())


@functools.lru_cache(maxsize=4096)  # (asked of each column several times)
def heading_group(heading: str) -> str:
    return " ".join(_PERIOD_WORDS.sub(" ", FULL_DATE.sub(" ", heading)).replace("*", " ").split())


def _group_key(c: Column) -> str:
    return group_name(c).lower()


