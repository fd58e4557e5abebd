"""The read stage: a file's bytes to a Filing (header fields and text documents)."""
from __future__ import annotations

from pathlib import Path

from converter.errors import InputError
from converter.model import Filing
from converter.reading.decode import check_bytes, decode, split_lines
from converter.reading.envelope import parse_header, split_documents

MAX_BYTES = 64 * 1024 * 1024  # the largest text filings are a few MB; more is not one (--max-size)
MAX_LINE = 65536  # characters: a text filing's lines are printed lines


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes; InputError when it is over max_bytes (checked before reading) or unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"the file is {size / 2**20:.0f} MB, over the limit of {max_bytes / 2**20:g} MB "
                             f"(--max-size)", str(path))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", str(path)) from None


def read_filing(path: str | Path, data: bytes | None = None, max_bytes: int = MAX_BYTES) -> Filing:
    """Read one filing. Raises InputError for input that is not a text filing."""
    path = Path(path)
    if data is None:
        data = read_source(path, max_bytes)
    check_bytes(data, str(path))
    lines = split_lines(decode(data))
    header, body_start = parse_header(lines)
    documents, skipped, schedules = split_documents(lines, body_start)
    notes = []
    if not documents and skipped:
        kinds = ", ".join(sorted({s.reason for s in skipped}))
        raise InputError(f"no text document to convert ({kinds})", str(path))
    if not documents:
        raise InputError("no text document found", str(path))
    for doc in documents:
        for number, line in zip(doc.line_numbers, doc.lines):
            if len(line) > MAX_LINE:
                raise InputError(f"a line of {len(line):,} characters: not a printed text filing", str(path), number)
    name = path.name[:-4] if path.name.lower().endswith(".txt") else path.stem
    return Filing(str(path), name, header, tuple(documents), tuple(skipped), tuple(notes), tuple(schedules))
