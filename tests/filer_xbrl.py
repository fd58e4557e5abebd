"""The filer's own XBRL of a submission: each EX-101 document (instance, schema, linkbases) written
under its <FILENAME>, so that the instance's schemaRef finds its schema as it did on EDGAR."""
from __future__ import annotations

import re
from pathlib import Path

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.S | re.I)
_TYPE = re.compile(r"<TYPE>\s*(EX-101\.\w+)", re.I)
_FILENAME = re.compile(r"<FILENAME>\s*(\S+)", re.I)
_XBRL = re.compile(r"<XBRL>\s*(.*)\s*</XBRL>", re.S)  # (EDGAR's tags are upper case; an instance's root may be xbrl)


def unpack(submission: Path, folder: Path) -> Path | None:
    """Write the EX-101 documents into folder; the instance's path, or None without one."""
    instance = None
    folder.mkdir(parents=True, exist_ok=True)
    for document in _DOCUMENT.findall(submission.read_text(encoding="latin-1")):
        kind, name, body = _TYPE.search(document), _FILENAME.search(document), _XBRL.search(document)
        if not (kind and name and body):
            continue
        (folder / name.group(1)).write_text(body.group(1), encoding="latin-1")
        if kind.group(1).upper() == "EX-101.INS":
            instance = folder / name.group(1)
    return instance


def group_a_instances(shared: Path, work: Path) -> list[Path]:
    """The filer instances of ../shared/corpus-html group A (01-08) and ../shared/xbrl-real."""
    found = []
    for folder in sorted((shared / "corpus-html").glob("0[1-8]_*")):
        submission = folder / "full-submission.txt"
        if submission.is_file():
            found.append(unpack(submission, work / folder.name))
            continue
        found += [p for p in sorted(folder.glob("*.xml"))
                  if not re.search(r"(pre|cal|def|lab)\.xml$", p.name)]
    found.append(shared / "xbrl-real" / "adbe-20100604.xml")
    return [p for p in found if p is not None]
