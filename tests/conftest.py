from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = HERE / "data" / "seeds"
GOLDEN = HERE / "golden"
SHARED = ROOT.parent / "shared"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))
REGENERATE = os.environ.get("TXT2XBRL_REGEN_GOLDEN") == "1"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs an external processor (Arelle)")


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory):
    """The three seeds converted once into OUT/NAME/ folders."""
    from converter.pipeline import convert_to_folder

    out = tmp_path_factory.mktemp("seeds-out")
    results = {name: convert_to_folder(SEEDS / f"{name}.txt", out) for name in SEED_NAMES}
    for name, r in results.items():
        assert r.ok, r.error
    return out


@pytest.fixture(scope="session")
def shared_dir():
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the project (labels and corpus live there)")
    return SHARED


def compare_golden(path: Path, actual: str) -> None:
    """Compare with a golden file checked by hand; TXT2XBRL_REGEN_GOLDEN=1 rewrites it."""
    if REGENERATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual)
        if not REGENERATE:
            pytest.fail(f"golden file {path.name} was missing and has been written: check it by hand")
    expected = path.read_text()
    assert actual == expected, f"output differs from {path.name} (TXT2XBRL_REGEN_GOLDEN=1 to accept)"
