"""Contexts and units of one filing, made once each and named from what they hold."""
from __future__ import annotations

from converter.model import Concept, Context, Entity, Period, Unit

_UNITS = {
    "xbrli:monetaryItemType": Unit("USD", "iso4217:USD"),
    "xbrli:sharesItemType": Unit("shares", "xbrli:shares"),
    "dtr-types:perShareItemType": Unit("USD_per_share", "iso4217:USD", "xbrli:shares"),
    "xbrli:pureItemType": Unit("pure", "xbrli:pure"),
    "dtr-types:percentItemType": Unit("pure", "xbrli:pure"),
    "xbrli:decimalItemType": Unit("pure", "xbrli:pure"),
    "xbrli:integerItemType": Unit("pure", "xbrli:pure"),
}


class ContextSet:
    def __init__(self, entity: Entity):
        self.entity = entity
        self._contexts: dict[tuple, Context] = {}
        self._units: dict[str, Unit] = {}
        self._ids: dict[str, tuple] = {}  # id -> the key it names: two contexts never share one

    def context(self, period: Period, entity: Entity | None = None, register: bool = True,
                dims: tuple[tuple[Concept, Concept], ...] = ()) -> Context:
        """The context of a period (and entity, and explicit members); register=False names it
        without adding it to the set."""
        entity = entity or self.entity
        key = (entity.scheme, entity.identifier, period.start, period.end,
               tuple((a.qname, m.qname) for a, m in dims) if dims else ())
        ctx = self._contexts.get(key)
        if ctx is None:
            if period.start is None:
                cid = f"I{period.end:%Y%m%d}"
            else:
                cid = f"D{period.start:%Y%m%d}_{period.end:%Y%m%d}"
            if entity is not self.entity and entity != self.entity:
                cid = f"{cid}_{entity.identifier}"[:200]
            if dims:
                cid = f"{cid}_{'_'.join(m.name for _, m in dims)}"[:240]
            # (members of one local name on two axes, "Other" of segments and of legal entities)
            base, n = cid, 2
            while self._ids.get(cid, key) != key:
                cid, n = f"{base}_{n}", n + 1
            ctx = Context(cid, entity, period, dims)
            if register:
                self._contexts[key] = ctx
                self._ids[cid] = key
        return ctx

    def unit_for(self, item_type: str, register: bool = True) -> Unit | None:
        unit = _UNITS.get(item_type)
        if unit is not None and register:
            self._units[unit.id] = unit
        return unit

    def all(self) -> tuple[Context, ...]:
        return tuple(sorted(self._contexts.values(), key=lambda c: (c.period.end, c.period.start or c.period.end,
                                                                    bool(c.dims))))

    def units(self) -> tuple[Unit, ...]:
        return tuple(self._units.values())
