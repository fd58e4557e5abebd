"""Arelle, offline with Calculations 1.1 (round-to-nearest), on every seed instance."""
import pytest

from arelle_util import run_arelle
from conftest import SEED_NAMES

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", SEED_NAMES)
def test_arelle_finds_nothing(seed_output, tmp_path, name):
    problems = run_arelle(seed_output / name / f"{name}.xml", tmp_path)
    assert problems == [], [(p["code"], p["message"]["text"][:200]) for p in problems]


def test_arelle_log_reader_sees_errors(seed_output, tmp_path):
    """A control: the same instance broken on purpose must produce a finding."""
    name = "002_827b01e1209febb2"
    folder = tmp_path / name
    folder.mkdir()
    for f in (seed_output / name).iterdir():
        (folder / f.name).write_text(f.read_text())
    inst = folder / f"{name}.xml"
    inst.write_text(inst.read_text().replace('contextRef="I20040531" unitRef="USD"', 'contextRef="D20031201_20040531" unitRef="USD"', 1))
    problems = run_arelle(inst, tmp_path)
    assert problems, "Arelle reported nothing for a balance-sheet fact in a duration context"
