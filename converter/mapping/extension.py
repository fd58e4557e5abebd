"""Extension concepts of the filer: names made from printed labels, unique within the filing."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from converter.model import Concept

_WORD = re.compile(r"[A-Za-z0-9]+")
_RESERVED = {"us-gaap", "dei", "xbrli", "link", "xlink", "xsi", "xs", "iso4217", "dtr-types", "xml", "xbrldi"}


@functools.lru_cache(maxsize=8192)  # asked for every row of every table, often of the same label
def camel(text: str, limit: int = 120) -> str:
    words = _WORD.findall(text.replace("'", ""))
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 4 else w.capitalize()
                   for w in words)
    if not name or not name[0].isalpha():
        name = "Item" + name
    return name[:limit]


def filer_prefix(registrant: str | None) -> str:
    """A short lower-case prefix from the registrant's first word: 'eLEC Communications' -> 'elec'."""
    for w in _WORD.findall(registrant or ""):
        p = re.sub(r"[^a-z]", "", w.lower())[:12]
        if len(p) >= 2 and p not in _RESERVED and not p.startswith("xml"):
            return p
    return "filer"


@dataclass
class ExtensionSet:
    prefix: str
    namespace: str
    reserved: frozenset[str] = frozenset()  # standard element names, never reused
    concepts: dict[str, Concept] = field(default_factory=dict)

    def get(self, base: str, type_: str, period_type: str, label: str) -> Concept:
        """The extension concept for a label; a second use with other attributes gets its own name."""
        if base in self.reserved:
            base = f"{base}AsPrinted"
        name = base
        n = 1
        while name in self.concepts:
            c = self.concepts[name]
            if c.type == type_ and c.period_type == period_type:
                return c
            n += 1
            name = f"{base}{n}"
        c = Concept(name, self.prefix, self.namespace, type_, period_type, None, label, extension=True)
        self.concepts[name] = c
        return c

    def fresh(self, base: str, type_: str, period_type: str, label: str) -> Concept:
        """A new concept even when the name exists (a row whose values differ from an earlier one)."""
        if base in self.reserved:
            base = f"{base}AsPrinted"
        n = 2
        name = f"{base}{n}"
        while name in self.concepts:
            n += 1
            name = f"{base}{n}"
        c = Concept(name, self.prefix, self.namespace, type_, period_type, None, label, extension=True)
        self.concepts[name] = c
        return c

    def abstract(self, base: str, label: str) -> Concept:
        """An abstract concept heading a statement or a section of it."""
        if base in self.reserved:
            base = f"{base}AsPrinted"
        name, n = base, 1
        while name in self.concepts and not self.concepts[name].abstract:
            n += 1
            name = f"{base}{n}"
        if name not in self.concepts:
            self.concepts[name] = Concept(name, self.prefix, self.namespace, "xbrli:stringItemType", "duration",
                                          None, label, extension=True, abstract=True)
        return self.concepts[name]

    def member(self, base: str, label: str) -> Concept:
        """A domain member: the group a column of the statement is printed for."""
        return self._abstract_of(base, label, "dtr-types:domainItemType", "xbrli:item")

    def dimensional(self, base: str, type_: str, label: str, axis: bool = False) -> Concept:
        """The filer's own axis (in XBRL Dimensions' substitution group) or domain."""
        return self._abstract_of(base, label, type_, "xbrldt:dimensionItem" if axis else "xbrli:item")

    def _abstract_of(self, base: str, label: str, type_: str, group: str) -> Concept:
        if base in self.reserved:
            base = f"{base}AsPrinted"
        name, n = base, 1
        while name in self.concepts and (self.concepts[name].type, self.concepts[name].substitution_group) != (type_, group):
            n += 1
            name = f"{base}{n}"
        if name not in self.concepts:
            self.concepts[name] = Concept(name, self.prefix, self.namespace, type_, "duration", None, label,
                                          extension=True, abstract=True, substitution_group=group)
        return self.concepts[name]
