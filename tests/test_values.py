"""Printed numbers and value cells."""
from decimal import Decimal

import pytest

from converter.parsing.values import parse_amount, split_values


@pytest.mark.parametrize("text, value, decimals, negative", [
    ("1,234", "1234", 0, False),
    ("(3,544)", "-3544", 0, True),
    ("($450,810)", "-450810", 0, True),
    ("$(370)", "-370", 0, True),
    ("$.73", "0.73", 2, False),
    ("0.05", "0.05", 2, False),
    ("($.00)", "0.00", 2, True),
    ("3,000(5)", "3000", 0, False),
    ("(12,329)(6)", "-12329", 0, True),
    ("16.681.1".replace(".", ",", 1), "16681.1", 1, False),
    ("$  3,769,924", "3769924", 0, False),
])
def test_parse_amount(text, value, decimals, negative):
    v, d, neg, pct = parse_amount(text)
    assert v == Decimal(value)
    assert d == decimals
    assert neg is negative
    assert not pct


@pytest.mark.parametrize("text", ["abc", "(1,234", "1,234)", "12-31", ""])
def test_parse_amount_refuses(text):
    assert parse_amount(text) is None


def test_split_values_label_and_cells():
    line = " Costs of services                                        1,796,701          1,337,129"
    label, indent, tokens = split_values(line)
    assert label == "Costs of services"
    assert indent == 1
    assert [t.value for t in tokens] == [Decimal(1796701), Decimal(1337129)]


def test_split_values_dollar_and_dash():
    line = "Gain on sale of assets                     $   --       $ 2,256,855"
    label, _, tokens = split_values(line)
    assert label == "Gain on sale of assets"
    assert tokens[0].dash and tokens[0].value is None
    assert tokens[1].value == Decimal(2256855)
    assert tokens[1].text.startswith("$")


def test_split_values_number_inside_label_stays_in_label():
    label, _, tokens = split_values("Treasury stock at cost, 5,500 shares                  (13,750)")
    assert label == "Treasury stock at cost, 5,500 shares"
    assert [t.value for t in tokens] == [Decimal(-13750)]


def test_split_values_dot_leaders():
    label, _, tokens = split_values("Net sales.............................   $ 1,234    $ 1,100")
    assert label == "Net sales"
    assert [t.value for t in tokens] == [Decimal(1234), Decimal(1100)]


def test_prose_is_not_values():
    label, _, tokens = split_values("of approximately $1,300,000 of such net operating loss carryforwards under the")
    assert tokens == []


def test_several_footnote_marks_glued_to_an_amount():
    """'250(7)(8)': two footnote references after the number, as pro forma columns print them."""
    assert parse_amount("250(7)(8)")[0] == Decimal("250")
    assert parse_amount("(22,083)(8)")[0] == Decimal("-22083")
    label, _, tokens = split_values("Common stock ...........      863      2      250(7)(8)")
    assert label.startswith("Common stock") and [t.value for t in tokens] == [863, 2, 250]
    label, _, tokens = split_values("Net sales (a)(b)")
    assert tokens == [] and label == "Net sales (a)(b)"


def test_a_blank_typed_before_a_thousands_comma_keeps_the_amount_whole():
    """'4,180 ,000' (a typist's slip in an earnings release) is 4,180,000, in its column."""
    from converter.parsing.lines import Kind, classify

    line = classify(0, 1, "   Other liabilities                      4,180 ,000          3,351,000")
    assert line.kind is Kind.VALUES and line.label == "Other liabilities"
    assert [t.value for t in line.tokens] == [4180000, 3351000]
    assert line.tokens[0].end == line.text.index("4,180,000") + len("4,180,000")


def test_a_blank_typed_before_an_earlier_thousands_comma_keeps_the_amount_whole():
    """'$ 4 ,114,845' (the blank before the millions' comma, a 10-QSB typed by hand) is
    4,114,845: the row was lost, the number read as the label's last words."""
    from converter.parsing.lines import Kind, classify

    line = classify(0, 1, "Net sales                       $ 4 ,114,845    $ 3,902,118")
    assert line.kind is Kind.VALUES and line.label == "Net sales"
    assert [t.value for t in line.tokens] == [4114845, 3902118]
