"""Where the bundled taxonomy and templates are: inside the wheel, or beside the source tree."""
from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_HERE}")


@functools.cache
def taxonomy_dir() -> Path:
    return _find("taxonomy")


@functools.cache
def templates_dir() -> Path:
    return _find("templates")


@functools.cache
def load_toml(name: str) -> dict:
    """A rules file of taxonomy/ (statement titles, synonyms, cover patterns), read once."""
    with open(taxonomy_dir() / name, "rb") as fh:
        return tomllib.load(fh)


@functools.cache
def toml_pattern(name: str, section: str, key: str) -> re.Pattern:
    """A pattern of a rules file, compiled once, case-insensitive ("statements.toml", "segment_note", "words")."""

    return re.compile(load_toml(name)[section][key], re.I)
