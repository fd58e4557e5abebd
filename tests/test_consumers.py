"""Our output read by other XBRL consumers, offline: edgartools renders the seed 10-QSB's
statements as printed, and py-xbrl finds every fact and label."""
from __future__ import annotations

import socket
from decimal import Decimal

import pytest

from conftest import ROOT, SEEDS
from converter.model import StatementKind
from converter.pipeline import convert

NAME = "002_827b01e1209febb2"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a consumer tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture(scope="module")
def seed_model():
    return convert(SEEDS / f"{NAME}.txt")[0]


def _key(period, preferred_label: str | None) -> str:
    """edgartools' period key of a printed cell: the column's period, or for a beginning- or
    end-of-period row (shown with that label role) the instant it stands for."""
    from datetime import timedelta
    if period.start is None:
        return f"instant_{period.end}"
    if (preferred_label or "").endswith("periodStartLabel"):
        return f"instant_{period.start - timedelta(days=1)}"
    if (preferred_label or "").endswith("periodEndLabel"):
        return f"instant_{period.end}"
    return f"duration_{period.start}_{period.end}"


def test_edgartools_renders_the_statements_as_printed(seed_output, seed_model, no_network):
    from edgar.xbrl import XBRL  # a test dependency: its absence is a failure, not a skip

    xbrl = XBRL.from_directory(seed_output / NAME)
    statements = [n for n in seed_model.networks
                  if seed_model.tables[n.table].kind in (StatementKind.BALANCE, StatementKind.INCOME,
                                                         StatementKind.CASHFLOW)]
    assert len(statements) == 3
    for net in statements:
        table = seed_model.tables[net.table]
        printed = [row for row in table.rows
                   if any(c is not None and c.value is not None and col.period is not None
                          for c, col in zip(row.cells, table.columns))]
        items = [i for i in xbrl.get_statement(net.role_uri) if not i["is_abstract"]]
        k = 0  # the printed row being matched; a row of two concepts ("basic and diluted") shows twice
        for item in items:
            if k < len(printed) and _shows(item, printed[k], table):
                k += 1
            else:
                assert k > 0 and _shows(item, printed[k - 1], table), (net.role_id, item["label"], item["values"])
        assert k == len(printed), (net.role_id, [r.label for r in printed[k:]])


def _shows(item: dict, row, table) -> bool:
    """Does the rendered line show each printed number of the row, with its printed sign?"""
    for cell, col in zip(row.cells, table.columns):
        if cell is None or cell.value is None or col.period is None:
            continue
        key = _key(col.period, item.get("preferred_label"))
        if key not in item["values"]:
            return False
        sign = (item.get("preferred_signs") or {}).get(key) or 1
        if Decimal(str(item["values"][key])) * sign != cell.value * (table.scale or 1):
            return False
    return True


def test_py_xbrl_finds_every_fact_and_label(seed_output, seed_model, no_network):
    from xbrl.cache import HttpCache
    from xbrl.instance import XbrlParser

    parser = XbrlParser(HttpCache(str(ROOT / "taxonomy" / "cache")))
    instance = parser.parse_instance(str(seed_output / NAME / f"{NAME}.xml"))
    ours = {(f.concept.name, f.context.id, str(f.value) if not isinstance(f.value, Decimal) else f.value)
            for f in seed_model.facts}
    theirs = set()
    for f in instance.facts:
        value = f.value if isinstance(f.value, str) else Decimal(str(f.value)).normalize()
        theirs.add((f.concept.name, f.context.xml_id, value))
    ours = {(n, c, v if isinstance(v, str) else v.normalize()) for n, c, v in ours}
    assert theirs == ours
    labels = {(l.concept.name, l.role): l.text for l in seed_model.labels}
    for f in instance.facts:
        found = {(lab.label_type, lab.text) for lab in f.concept.labels}
        expected = {(role, text) for (name, role), text in labels.items() if name == f.concept.name}
        assert expected and expected <= found, f.concept.name
