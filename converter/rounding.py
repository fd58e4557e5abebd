"""How much a reported number may differ from the exact one: half its last stated place."""
from __future__ import annotations

from decimal import Decimal


def half_unit(decimals: int | str | None) -> Decimal:
    """Half the last place `decimals` says is accurate (3 -> 0.0005); 0 for INF, none or nonsense."""
    if decimals is None:
        return Decimal(0)
    if isinstance(decimals, str):
        try:
            decimals = int(decimals)
        except ValueError:
            return Decimal(0)  # INF, or not a number (XML Schema validity reports that)
    return Decimal(5).scaleb(-decimals - 1)
