"""Inline XBRL document sets for `txt2xbrl validate`: the documents of one set, from a zip (an
EDGAR submission or a report package: every inline document in it), a folder or a list of files
(`--document-set`). A zip is unpacked into a temporary folder, within the size limit and refusing
members that would land outside it; findings name its files as ZIP/MEMBER.
"""
from __future__ import annotations

import contextlib
import dataclasses
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Iterator

from converter.validator.findings import ERROR, Finding
from converter.validator.inline import IX

INLINE_MARK = IX.encode()
DOCUMENT_SUFFIXES = (".htm", ".html", ".xhtml")


def head(path: Path) -> bytes:
    """The file's first 64 KB (b"" if it cannot be read): enough to find its root and namespaces."""
    try:
        with path.open("rb") as fh:
            return fh.read(64 * 1024)
    except OSError:
        return b""


def is_inline_file(path: Path) -> bool:
    """An (X)HTML file that declares the Inline XBRL namespace near its start."""
    return path.suffix.lower() in DOCUMENT_SUFFIXES and INLINE_MARK in head(path)


class ZipProblem(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


@contextlib.contextmanager
def unpacked(zip_path: Path, max_bytes: int) -> Iterator[Path]:
    """ZIP_PATH unpacked into a temporary folder, removed afterwards; ZipProblem if it is not a
    zip, holds more than MAX_BYTES, or has a member whose name leaves the folder."""
    name = str(zip_path)
    try:
        zf = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ZipProblem(Finding("input:unreadable", ERROR, f"not a readable zip: {exc}", name)) from None
    with zf, tempfile.TemporaryDirectory(prefix="txt2xbrl-ixds-") as tmp:
        try:
            root = _unpack(zf, Path(tmp), name, max_bytes)
        except ZipProblem:
            raise
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error) as exc:
            # a corrupt, encrypted or oddly named member: the zip cannot be read, said once
            raise ZipProblem(Finding("input:unreadable", ERROR, f"the zip cannot be unpacked: {exc}", name)) from None
        yield root


def _unpack(zf: zipfile.ZipFile, root: Path, name: str, max_bytes: int) -> Path:
    members = [m for m in zf.infolist() if not m.is_dir()]
    total = sum(m.file_size for m in members)
    if total > max_bytes:
        raise ZipProblem(Finding("input:tooLarge", ERROR, f"{total:,} bytes unpacked, more than the limit of "
                                 f"{max_bytes:,}", name))
    for m in members:
        rel = PurePosixPath(m.filename.replace("\\", "/"))
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise ZipProblem(Finding("input:unsafeZip", ERROR, f"member {m.filename!r} would be written outside "
                                     f"the folder it is unpacked into", name))
        target = root.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(m) as src, target.open("wb") as dst:
            data = src.read(max_bytes + 1)  # (the sizes in a zip's directory may lie)
            if len(data) > max_bytes:
                raise ZipProblem(Finding("input:tooLarge", ERROR, f"member {m.filename} unpacks to more than "
                                         f"{max_bytes:,} bytes", name))
            dst.write(data)
    return root


def documents_in(folder: Path) -> list[Path]:
    """The inline documents under FOLDER, in name order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_inline_file(p))


def renamed_file(file: str, folder: Path, label: str) -> str:
    """A path in the unpacked FOLDER as LABEL/MEMBER; any other path as it is."""
    prefix = str(folder)
    return label + file[len(prefix):] if file == prefix or file.startswith(prefix + "/") else file


def renamed(findings: list[Finding], folder: Path, label: str) -> list[Finding]:
    """Findings on files of the unpacked FOLDER named as LABEL/MEMBER instead."""
    prefix = str(folder)
    out = []
    for f in findings:
        file = renamed_file(f.file, folder, label)
        if file != f.file:
            f = dataclasses.replace(f, file=file)
        if prefix in f.message:
            f = dataclasses.replace(f, message=f.message.replace(prefix, label))
        out.append(f)
    return out
