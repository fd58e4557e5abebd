"""The rule files of taxonomy/ fit their schema, and a wrong edit is refused with its file and line."""
import pytest

from converter.rule_files import MODELS, RuleFileError, check_rule_file
from converter.resources import taxonomy_dir


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_bundled_rule_files_fit_their_models(name):
    assert check_rule_file(name)


def _edited(name: str, old: str, new: str) -> str:
    text = (taxonomy_dir() / name).read_text()
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize("name, old, new, said, line_has", [
    ("concepts.toml", 'statements = ["balance"]', 'statements = ["balnce"]', "rule 2, statements 1: Input should be",
     '"balnce"'),
    ("concepts.toml", "patterns = [", 'patterns = ["(unclosed", ', "not a regular expression", "(unclosed"),
    ("concepts.toml", "[[rule]]\n", "[[rule]]\nnegates = true\n", "Extra inputs are not permitted", "negates"),
    ("schedules.toml", '"CASH" = ["CashAndDueFromBanks", "instant", "money"]',
     '"CASH" = ["CashAndDueFromBanks", "instant", "dollars"]', "article, 9, CASH 3: Input should be", "dollars"),
    ("units.toml", "dividends = '\\bdividends?\\b'", "dividends = '\\bdividends?(\\b'", "not a regular expression",
     "dividends = "),
])
def test_a_wrong_rule_is_refused_with_its_file_and_line(name, old, new, said, line_has):
    text = _edited(name, old, new)
    with pytest.raises(RuleFileError) as info:
        check_rule_file(name, text)
    message = str(info.value)
    assert message.startswith(f"taxonomy/{name}:") and said in message, message
    line = int(message.split(":")[1])
    assert line_has in text.split("\n")[line - 1], (line, text.split("\n")[line - 1])


def test_toml_that_does_not_parse_names_its_line():
    text = (taxonomy_dir() / "units.toml").read_text() + "\n[patterns\n"
    with pytest.raises(RuleFileError, match=r"^taxonomy/units.toml:\d+: not valid TOML"):
        check_rule_file("units.toml", text)
