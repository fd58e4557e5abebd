"""Reading XML defensively: a size limit, no DTD (so no external entities and no entity
expansion), no network, well-formedness reported with its line."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from converter.validator.resolver import safe_parser
from converter.validator.findings import ERROR, Finding

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_ROOT = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)


def load_xml(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[etree._Element | None, list[Finding]]:
    data, problems = read_limited(path, max_bytes)
    return parse_bytes(data, str(path)) if data is not None else (None, problems)


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes, unless it is larger than max_bytes or cannot be read."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Finding("input:tooLarge", ERROR, f"{size:,} bytes, more than the limit of {max_bytes:,}", name)]
        return path.read_bytes(), []
    except OSError as exc:
        return None, [Finding("input:unreadable", ERROR, exc.strerror or str(exc), name)]


def parse_bytes(data: bytes, name: str, keep_blanks: bool = True) -> tuple[etree._Element | None, list[Finding]]:
    root_at = _ROOT.search(data)
    prolog = data[:root_at.start()] if root_at else data
    doctype = _DOCTYPE.search(prolog)
    if doctype:
        line = prolog[:doctype.start()].count(b"\n") + 1
        return None, [Finding("security:dtd", ERROR, "the document declares a DOCTYPE; DTDs and entities are refused",
                              name, line)]
    try:
        return etree.fromstring(data, safe_parser(keep_blanks=keep_blanks), base_url=name), []
    except etree.XMLSyntaxError as exc:
        return None, [Finding("xml:notWellFormed", ERROR, exc.msg, name, exc.lineno or 0)]
