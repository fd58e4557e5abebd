"""The read stage: a file's bytes to a Filing (header fields and text documents)."""
from __future__ import annotations

from pathlib import Path

from converter.errors import InputError
from converter.model import Filing, SkippedDocument, TextDocument
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
    documents = _printed_documents(documents, skipped, str(path))
    name = path.name[:-4] if path.name.lower().endswith(".txt") else path.stem
    return Filing(str(path), name, header, tuple(documents), tuple(skipped), tuple(notes), tuple(schedules))


def _printed_documents(documents: list[TextDocument], skipped: list[SkippedDocument], path: str) -> list[TextDocument]:
    """The documents whose lines are printed lines. A document with a line over MAX_LINE (an
    exhibit of 2001-2008 written as one line of HTML or data) is skipped and reported; a filing
    that is nothing but such documents is refused with the line."""
    kept = []
    first = None
    for doc in documents:
        long = next(((n, len(line)) for n, line in zip(doc.line_numbers, doc.lines) if len(line) > MAX_LINE), None)
        if long is None:
            kept.append(doc)
            continue
        first = first or long
        skipped.append(SkippedDocument(doc.type, doc.line_numbers[0],
                                       f"a line of {long[1]:,} characters (line {long[0]}): not a printed text document"))
    if not kept and first is not None:
        raise InputError(f"a line of {first[1]:,} characters: not a printed text filing", path, first[0])
    return kept
