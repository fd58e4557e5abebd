"""What mapping one filing accumulates as it goes, table by table: shared by the mapping modules."""
from __future__ import annotations

from dataclasses import dataclass, field

from converter.mapping.contexts import ContextSet
from converter.mapping.dimensions import Dimensions
from converter.mapping.extension import ExtensionSet
from converter.mapping.taxonomy import Taxonomy
from converter.model import Concept, Entity, Fact, Unmapped


@dataclass(frozen=True)
class RowMapping:
    """What a printed row became: its concepts, and whether their values are the printed ones (+1)
    or their opposites (-1)."""

    concepts: tuple[Concept, ...]
    factor: int
    at: str | None = None


@dataclass
class MapState:
    tax: Taxonomy
    contexts: ContextSet
    ext: ExtensionSet
    facts: list[Fact] = field(default_factory=list)
    seen: dict[tuple, Fact] = field(default_factory=dict)  # (concept qname, context id, unit id) -> first fact
    warnings: list[str] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    entity: Entity | None = None  # the entity of the table being mapped, when not the registrant
    registrant: str = ""
    rows: dict[tuple[int, int], RowMapping] = field(default_factory=dict)  # (table, row) -> what it became
    dims: Dimensions | None = None  # the axes and members of columns that are not the consolidated figures
    evidence: list[tuple[int, str, tuple[str, ...], str]] = field(default_factory=list)  # line, label, concepts, why
    excluded: frozenset[str] = frozenset()  # concepts of other industries' statements (mapping/dialects.py)
    rejected: dict[int, str] = field(default_factory=dict)  # line -> why the label map's concept was not taken
    rules_of: dict[int, list] = field(default_factory=dict)  # table index -> the rule each row took
    segments: dict[int, str] = field(default_factory=dict)  # line -> the segment a segment note's row is of
    # column index -> +1 where an adjustments column adds to the others, -1 where it takes from
    # them, None where the columns do not add up with it (the table being mapped)
    adjusting: dict[int, int | None] = field(default_factory=dict)
    adds_up: frozenset[tuple[int, int]] = frozenset()  # (line, column index) of adjustments whose line adds up
