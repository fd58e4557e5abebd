"""Remember a function's answer for the last object it was asked about.

The stages ask one question of the same table's rows or the same document's lines many times
over (once per row, once per table), then move on to the next: one entry, compared by identity,
is all the memory that needs, and it never holds more than the object being worked on.
"""
from __future__ import annotations

import functools

_NOTHING = object()


def last_answer(func):
    """func(obj), computed again only when asked about another object than the last one."""
    asked, answer = [_NOTHING], [None]

    @functools.wraps(func)
    def remembered(obj):
        if asked[0] is not obj:
            answer[0] = func(obj)
            asked[0] = obj
        return answer[0]

    return remembered
