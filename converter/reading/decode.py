"""Bytes to text lines: refuse what is not text, pick the encoding, normalise line ends."""
from __future__ import annotations

from converter.errors import InputError

# Magic numbers of the binary formats people most often point a text converter at.
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"GIF8": "a GIF image",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"BZh": "a bzip2 archive",
    b"\xd0\xcf\x11\xe0": "an MS Office file",
}


# Control bytes that never occur in text (tab, line ends, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def check_bytes(data: bytes, path: str) -> None:
    """Raise InputError for an empty or binary input."""
    if not data.strip():
        raise InputError("the file is empty", path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"not a text filing: this is {what}", path)
    sample = data[:65536]
    if b"\x00" in sample:
        raise InputError("not a text filing: it holds NUL bytes (binary data)", path)
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > len(sample) // 100 + 8:
        raise InputError("not a text filing: too many control bytes (binary data)", path)


def decode(data: bytes) -> str:
    """UTF-8 when it decodes, else cp1252 (the usual 1990s Windows text), else latin-1."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# Control characters that are not text (XML cannot even hold most of them): each becomes a blank.
_NOT_TEXT = {c: " " for c in [*range(0, 9), 11, *range(14, 32), 127, 0xFFFE, 0xFFFF]}


def split_lines(text: str) -> list[str]:
    """Lines without their ends; CRLF and lone CR end a line, form feeds become blank space,
    stray control characters blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = text.replace("\f", "")
    text = text.translate(_NOT_TEXT)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.split("\n")
