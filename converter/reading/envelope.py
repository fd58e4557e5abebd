"""EDGAR envelopes: PEM wrapper, SEC-/IMS-HEADER, .nc SUBMISSION, DOCUMENT blocks, SGML table tags."""
from __future__ import annotations

import datetime as dt
import re

from converter.errors import InputError
from converter.model import FilingHeader, SkippedDocument, TextDocument
from converter.reading.html import html_lines
from converter.resources import load_toml

_HEADER_KEYS = {
    "CENTRAL INDEX KEY": "cik", "CIK": "cik",
    "CONFORMED SUBMISSION TYPE": "form_type", "TYPE": "form_type", "FORM TYPE": "form_type",
    "CONFORMED PERIOD OF REPORT": "period", "PERIOD": "period",
    "COMPANY CONFORMED NAME": "company", "CONFORMED-NAME": "company",
    "FISCAL YEAR END": "fiscal_year_end", "FISCAL-YEAR-END": "fiscal_year_end",
    "SEC FILE NUMBER": "file_number", "FILE-NUMBER": "file_number",
    "IRS NUMBER": "irs_number", "IRS-NUMBER": "irs_number",
    "STATE OF INCORPORATION": "state_of_incorporation", "STATE-OF-INCORPORATION": "state_of_incorporation",
    "ACCESSION NUMBER": "accession", "ACCESSION-NUMBER": "accession",
    "FILED AS OF DATE": "filed", "FILING-DATE": "filed",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic", "ASSIGNED-SIC": "sic",
}
_KV = re.compile(r"^\s*([A-Z][A-Z \-]*?):\s*(.*?)\s*$")
_NC_TAG = re.compile(r"^<([A-Z][A-Z0-9\-]*)>(.*)$")
# SGML markup that 1990s filers put around tables and pages; the text between stays.
_MARKUP = re.compile(r"</?(?:PAGE|TABLE|CAPTION|S|C|FN|F\d+|R)>|<PAGE>\S*", re.IGNORECASE)
_ONLY_MARKUP = re.compile(r"^\s*(?:</?(?:PAGE|TABLE|CAPTION|S|C|FN|F\d+|R)>\s*)+\S{0,12}\s*$", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:p|div|td|tr|font|br|b|i|center)[\s>/]", re.IGNORECASE)
_UUENCODE = re.compile(r"^begin [0-7]{3} \S+")
_EXHIBIT_NUMBER = re.compile(r"^EX-(\d+)")


def parse_header(lines: list[str]) -> tuple[FilingHeader, int]:
    """Read the header fields; return them and the index of the first line after the header."""
    fields: dict[str, str] = {}
    filers: list[dict[str, str]] = []  # each FILER block's own fields
    end = 0
    in_header = False
    opening = ("<SEC-HEADER>", "<IMS-HEADER>", "<SUBMISSION>")
    if not any(line.lstrip().upper().startswith(opening) for line in lines[:60]):
        return FilingHeader(), 0
    for i, line in enumerate(lines[:4000]):
        stripped = line.strip()
        upper = stripped.upper()
        if upper.startswith(("<SEC-HEADER>", "<IMS-HEADER>", "<SUBMISSION>")):
            in_header = True
            continue
        if upper.startswith(("</SEC-HEADER>", "</IMS-HEADER>")) or upper.startswith("<DOCUMENT>"):
            end = i
            break
        if not in_header:
            continue
        if upper in ("FILER:", "<FILER>"):
            filers.append({})
            continue
        m = _NC_TAG.match(stripped) or _KV.match(line)
        if m:
            key = _HEADER_KEYS.get(m.group(1).strip().upper())
            value = m.group(2).strip()
            if key and value and key not in fields:  # the first filer wins...
                fields[key] = value
            if key and value and filers and key in _FILER_KEYS:
                filers[-1].setdefault(key, value)
    # ...unless the submission names several and one of them submitted it: the accession
    # number begins with the submitter's CIK (a joint filing of a parent and its subsidiaries)
    submitter = (fields.get("accession") or "").split("-")[0]
    own = next((f for f in filers if len(filers) > 1 and f.get("cik", "").zfill(10) == submitter.zfill(10)
                and submitter.isdigit()), None)
    if own is not None:
        fields = {**{k: v for k, v in fields.items() if k not in _FILER_KEYS}, **own}
    return _header_from_fields(fields), end


_FILER_KEYS = {"cik", "company", "fiscal_year_end", "file_number", "irs_number", "state_of_incorporation", "sic"}


def _header_from_fields(fields: dict[str, str]) -> FilingHeader:
    def date(text: str | None) -> dt.date | None:
        if text and re.fullmatch(r"\d{8}", text):
            try:
                return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
            except ValueError:
                return None
        return None

    cik = fields.get("cik")
    if cik and cik.isdigit():
        cik = cik.zfill(10)
    else:
        cik = None
    fye = fields.get("fiscal_year_end")
    return FilingHeader(
        cik=cik,
        form_type=fields.get("form_type"),
        period=date(fields.get("period")),
        company=fields.get("company"),
        fiscal_year_end=fye if fye and re.fullmatch(r"\d{4}", fye) else None,
        file_number=fields.get("file_number"),
        irs_number=fields.get("irs_number"),
        state_of_incorporation=fields.get("state_of_incorporation"),
        accession=fields.get("accession"),
        filed=date(fields.get("filed")),
        sic=int(m.group(0)) if (m := re.search(r"\b\d{4}\b", fields.get("sic") or "")) else None,
    )


def split_documents(lines: list[str], start: int
                    ) -> tuple[list[TextDocument], list[SkippedDocument], list[TextDocument]]:
    """Cut the submission into its DOCUMENTs; a file without DOCUMENT tags is one document. The
    third list holds the EX-27 Financial Data Schedules as written (not statement documents: read
    by parsing/schedule.py)."""
    docs: list[TextDocument] = []
    skipped: list[SkippedDocument] = []
    schedules: list[TextDocument] = []
    n = len(lines)
    i = start
    found = False
    while i < n:
        if "<" in lines[i] and lines[i].strip().upper().startswith("<DOCUMENT>"):  # (the "<" test: cheap, every line)
            found = True
            j = i + 1
            while j < n and not ("<" in lines[j] and lines[j].strip().upper().startswith("</DOCUMENT>")):
                j += 1
            _take_document(lines, i + 1, j, docs, skipped, schedules)
            i = j + 1
        else:
            i += 1
    if not found:
        body_start = start
        for k in range(start, min(n, start + 5)):
            if lines[k].strip().upper().startswith("-----BEGIN PRIVACY"):
                body_start = k + 1
        _add_text(lines, body_start, n, "", "", docs, skipped)
    return docs, skipped, schedules


def _take_document(lines, first, last, docs, skipped, schedules) -> None:
    doc_type, description = "", ""
    text_start = first
    for k in range(first, min(last, first + 12)):
        s = lines[k].strip()
        up = s.upper()
        if up.startswith("<TYPE>"):
            doc_type = s[6:].strip()
        elif up.startswith("<DESCRIPTION>"):
            description = s[13:].strip()
        elif up.startswith("<TEXT>"):
            text_start = k + 1
            break
        elif s and not s.startswith("<"):
            text_start = k
            break
    text_end = last
    for k in range(last - 1, text_start - 1, -1):
        if lines[k].strip().upper().startswith("</TEXT>"):
            text_end = k
            break
    if doc_type.strip().upper().startswith(SCHEDULE_TYPE):
        # kept as written: its <F1> marks and <FN> notes are the schedule's own
        schedules.append(TextDocument(doc_type.strip().upper(), description, tuple(lines[text_start:text_end]),
                                      tuple(range(text_start + 1, text_end + 1))))
    _add_text(lines, text_start, text_end, doc_type, description, docs, skipped)


SCHEDULE_TYPE = "EX-27"  # the Financial Data Schedule and its restated ones (EX-27.1, ...)


def not_read(doc_type: str) -> str | None:
    """Why a document of this type is not read for statements (taxonomy/documents.toml), else None."""
    rules = load_toml("documents.toml")["not_read"]
    up_type = doc_type.strip().upper()
    for prefix, reason in rules["prefix"].items():
        if up_type.startswith(prefix):
            return reason
    m = _EXHIBIT_NUMBER.match(up_type)
    if m and (reason := rules["exhibit"].get(str(int(m.group(1))))):
        return f"exhibit {m.group(1)}: {reason}, no financial statements"
    return None


def _add_text(lines, first, last, doc_type, description, docs, skipped) -> None:
    if (reason := not_read(doc_type)) is not None:
        skipped.append(SkippedDocument(doc_type, first + 1, reason))
        return
    head = "\n".join(lines[first:min(last, first + 40)]).lower()
    if "<html" in head or "<body" in head or len(_HTML_TAG.findall(head)) > 5:
        # an HTML document (2001-2010): its tables laid out as printed text (reading/html.py)
        try:
            laid = html_lines("\n".join(lines[first:last]), first + 1)
        except InputError as exc:  # (an HTML exhibit lxml cannot read: the other documents stand)
            skipped.append(SkippedDocument(doc_type, first + 1, exc.message))
            return
        if not any(text for _, text in laid):
            skipped.append(SkippedDocument(doc_type, first + 1, "HTML document without text"))
            return
        docs.append(TextDocument(doc_type, description, tuple(text for _, text in laid),
                                 tuple(number for number, _ in laid)))
        return
    if any(_UUENCODE.match(lines[k]) for k in range(first, min(last, first + 5))):
        skipped.append(SkippedDocument(doc_type, first + 1, "uuencoded binary document"))
        return
    docs.append(TextDocument(doc_type, description, tuple([clean_line(line) for line in lines[first:last]]),
                             tuple(range(first + 1, last + 1))))


def clean_line(line: str) -> str:
    """Expand tabs, drop SGML table markup and undo the SGML escape of a leading dash."""
    if "\t" in line:
        line = line.expandtabs(8)
    if "<" in line:
        if _ONLY_MARKUP.match(line):
            return ""
        line = _MARKUP.sub(lambda m: " " * len(m.group()), line)
    if line.startswith("- -"):
        line = line[2:]
    return line.rstrip()
