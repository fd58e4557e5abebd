"""Statement structure: one presentation and one calculation network per table, as printed.

Presentation: rows in printed order under abstract section headings, each with the label role
that shows it as printed (total, negated, period start/end). Calculation: every total with the
rows its printed numbers add up, weighted by how each row's fact enters the total's fact; a
relationship that the concepts' balance types forbid is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.companies import same_company
from converter.mapping.extension import ExtensionSet, camel
from converter.model import Arc, Concept, Fact, Label, Network, RowKind, StatementKind, Table
from converter.printed import component_sign

LABEL = "http://www.xbrl.org/2003/role/label"
TOTAL = "http://www.xbrl.org/2003/role/totalLabel"
PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
NEGATED_TOTAL = "http://www.xbrl.org/2009/role/negatedTotalLabel"
_SUMMED = ("xbrli:monetaryItemType", "xbrli:sharesItemType")  # the item types a total adds up


@dataclass
class _Labels:
    by_key: dict[tuple[str, str], Label] = field(default_factory=dict)

    def add(self, concept: Concept, role: str, text: str) -> None:
        key = (concept.qname, role)
        if key not in self.by_key and text:
            self.by_key[key] = Label(concept, role, text)


def build_structure(tables: tuple[Table, ...], rows: dict, ext: ExtensionSet, base_uri: str,
                    used: dict[str, Concept], registrant: str = "") -> tuple[tuple[Network, ...], tuple[Label, ...]]:
    """Networks for the tables whose rows became facts, and the labels their roles need."""
    labels = _Labels()
    networks: list[Network] = []
    taken: set[str] = set()
    for t_index, table in enumerate(tables):
        mapped = {r: rows[(t_index, r)] for r in range(len(table.rows)) if (t_index, r) in rows}
        if not mapped:
            continue
        title = _own_title(table, registrant)
        kind = "Disclosure" if table.kind is StatementKind.NOTE else "Statement"
        # a note's role says so, as filers' "...Details" roles do: "ResultsOfOperations" alone
        # reads as a statement to whoever sorts roles by name
        role_id = _unique(camel(title, 80) + ("Details" if kind == "Disclosure" else ""), taken)
        presentation = _presentation(table, mapped, ext, title, labels)
        calculation = _calculation(table, mapped)
        networks.append(Network(role_id, f"{base_uri}/role/{role_id}", f"{len(networks) + 2:04d} - {kind} - {title}",
                                tuple(presentation), tuple(calculation), t_index))
    for concept in used.values():
        labels.add(concept, LABEL, concept.label or concept.name)
    for net in networks:
        for arc in net.presentation:
            labels.add(arc.parent, LABEL, arc.parent.label)
            labels.add(arc.child, LABEL, arc.child.label or arc.child.name)
    return tuple(networks), tuple(labels.by_key.values())


_AND_SUBSIDIARIES = re.compile(r"^[\s,:-]*(?:and\s+(?:consolidated\s+)?(?:subsidiaries|subsidiary companies|affiliates)\b)?[\s,:-]*", re.I)
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}


def narrative_network(facts: list[Fact], ext: ExtensionSet, base_uri: str, number: int) -> tuple[Network, list[Label]]:
    """The facts stated in running text, under a role of their own, in the order the text gives them."""
    return _listing(facts, ext, base_uri, number, "Facts Stated in the Text", "FactsStatedInTheText")


def schedule_network(facts: list[Fact], ext: ExtensionSet, base_uri: str, number: int) -> tuple[Network, list[Label]]:
    """The facts taken from the filer's EX-27 schedule, under a role of their own, in its order."""
    return _listing(facts, ext, base_uri, number, "Financial Data Schedule (EX-27)", "FinancialDataSchedule")


def _listing(facts, ext: ExtensionSet, base_uri: str, number: int, title: str, role: str) -> tuple[Network, list[Label]]:
    """A flat list of the facts' concepts under an abstract of the title."""
    root = ext.abstract(f"{role}Abstract", title)
    children = list(dict.fromkeys(f.concept for f in facts))
    arcs = tuple(Arc(root, c, i + 1) for i, c in enumerate(children))
    labels = [Label(root, LABEL, title)] + [Label(c, LABEL, c.label or c.name) for c in children]
    return Network(role, f"{base_uri}/role/{role}", f"{number:04d} - Disclosure - {title}", arcs, ()), labels


def _own_title(table: Table, registrant: str) -> str:
    """The printed title without the registrant's name in front of it (another company's stays);
    a note table's title only when it reads as one, else where the table is."""
    title = " ".join((table.title or "").split())
    half = len(title) // 2
    if len(title) % 2 and title[:half] == title[half + 1:]:
        title = title[:half]  # the title printed twice (page header and caption)
    company = " ".join((table.company or "").split())
    if company and same_company(company, registrant) and title.lower().startswith(company.lower()):
        rest = _AND_SUBSIDIARIES.sub("", title[len(company):], count=1).strip()
        if rest:
            title = rest
    if table.kind is StatementKind.NOTE and (not title[:1].isupper() or title.endswith((".", ",", ";", ":"))
                                             or len(title.split()) > 12 or "PURSUANT TO" in title.upper()):
        title = ""
    if table.kind_evidence[0] == "content over title":
        # a cash-flow statement printed under "Statement of Retained Earnings": the role names
        # what the statement is, the printed title follows
        return f"{_KIND_TITLES[table.kind]} (printed as {_display(title)})"
    return _display(title) if title else f"Table at line {table.first_line}"


_KIND_TITLES = {StatementKind.BALANCE: "Balance Sheet", StatementKind.INCOME: "Statement of Income",
                StatementKind.CASHFLOW: "Statement of Cash Flows", StatementKind.EQUITY: "Statement of Stockholders Equity"}


def _display(title: str) -> str:
    """Words printed in capitals in title case, for the role definition."""
    words = title.split(" ")
    caps = [w for w in words if any(ch.isalpha() for ch in w)]
    if sum(w.isupper() for w in caps) * 2 <= len(caps):
        return title
    out = []
    for i, w in enumerate(words):
        if w.isupper() and (len(w.strip("()")) > 2 or w.lower() in _SMALL):
            w = w.lower() if i and w.lower() in _SMALL else w[:1] + w[1:].lower()
        out.append(w)
    return " ".join(out)


def _unique(name: str, taken: set[str]) -> str:
    out, n = name, 1
    while out in taken:
        n += 1
        out = f"{name}{n}"
    taken.add(out)
    return out


def _presentation(table: Table, mapped: dict, ext: ExtensionSet, title: str, labels: _Labels) -> list[Arc]:
    root = ext.abstract(f"{camel(title, 80)}Abstract", title)
    arcs: list[Arc] = []
    placed: set[tuple[str, str, str]] = set()
    sections: dict[str, Concept] = {}
    below: dict[str, set[str]] = {}  # abstract -> the abstracts placed under it (no cycle may close)
    order = 0
    for r_index, row in enumerate(table.rows):
        m = mapped.get(r_index)
        if m is None:
            continue
        parent = root
        path = ""
        for heading in [h for h in row.context.split(" / ") if h]:
            path = f"{path} / {heading}"
            if path not in sections:
                sections[path] = ext.abstract(f"{camel(heading, 80)}Abstract", heading)
                if _reaches(below, sections[path].qname, parent.qname):
                    # "Cost of revenues:" heading the rows of a table titled "Cost of Revenues": one
                    # abstract, which would stand under itself (a cycle XBRL forbids); its rows
                    # stay where they are
                    sections[path] = parent
                elif (parent.qname, sections[path].qname, LABEL) not in placed:  # "(Increase) decrease in" twice
                    placed.add((parent.qname, sections[path].qname, LABEL))
                    below.setdefault(parent.qname, set()).add(sections[path].qname)
                    order += 1
                    arcs.append(Arc(parent, sections[path], order))
            parent = sections[path]
        for concept in m.concepts:
            role = _role(row.kind, m)
            if (parent.qname, concept.qname, role) in placed or concept.qname == parent.qname:
                continue  # the same concept shown again the same way; cash at start and at end are two
            placed.add((parent.qname, concept.qname, role))
            labels.add(concept, role, row.label or concept.label or concept.name)
            order += 1
            arcs.append(Arc(parent, concept, order, role if role != LABEL else ""))
    return arcs


def _reaches(below: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether goal is start or stands under it."""
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(below.get(node, ()))
    return False


def _role(kind: RowKind, m) -> str:
    if m.at == "start":
        return PERIOD_START
    if m.at == "end":
        return PERIOD_END
    total = kind is not RowKind.DATA
    if m.factor < 0:
        return NEGATED_TOTAL if total else NEGATED
    return TOTAL if total else LABEL


def _calculation(table: Table, mapped: dict) -> list[Arc]:
    arcs: list[Arc] = []
    parents: dict[str, set[str]] = {}
    order = 0
    for r_index, row in enumerate(table.rows):
        total = mapped.get(r_index)
        if not row.components or total is None or len(total.concepts) != 1 or total.at:
            continue
        parent = total.concepts[0]
        if parent.type not in _SUMMED:
            continue
        children = []
        for c in row.components:
            m = mapped.get(c)
            if m is None or len(m.concepts) != 1 or m.at or m.concepts[0].type != parent.type:
                children = []
                break
            weight = total.factor * m.factor * component_sign(row, c, table.rows[c])
            child = m.concepts[0]
            if parent.balance and child.balance and (weight > 0) != (parent.balance == child.balance):
                children = []  # XBRL 2.1 forbids it: the printed arithmetic is not this concept's
                break
            children.append((child, weight))
        names = [c.qname for c, _ in children]
        if not children or len(set(names)) != len(names) or parent.qname in names:
            continue
        if any(parent.qname in parents.get(n, set()) for n in names):
            continue  # a cycle
        for child, weight in children:
            order += 1
            arcs.append(Arc(parent, child, order, weight=weight))
            parents.setdefault(parent.qname, set()).add(child.qname)
    return arcs

