"""EDGAR's own index as input: `txt2xbrl convert --index form.idx --base DIR_OR_URL --out OUT`.

The index (form.idx, master.idx or crawler.idx, as EDGAR publishes one per quarter) lists the
filings; --forms and --from/--to choose among them. Each listed submission is read from a local
mirror laid out as EDGAR's Archives (DIR/edgar/data/CIK/ACCESSION.txt) or fetched from BASE over
HTTP(S): with a User-Agent that names the user (the SEC requires one: --user-agent or
TXT2XBRL_USER_AGENT), at most 10 requests a second, transient failures (429, 5xx, a timeout, a
dropped connection) retried with a growing pause, into OUT/.edgar/ (the path as in the Archives;
--fetch-cache DIR elsewhere, and where OUT is a URL), from where it is converted like any file. A filing whose output is already there (made by this
converter version with these options) is not fetched again.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from converter import __version__
from converter.errors import InputError

USER_AGENT_ENV = "TXT2XBRL_USER_AGENT"
MAX_RATE = 10.0  # requests a second: the SEC's fair-access limit
TRANSIENT = {429, 500, 502, 503, 504}
CACHE = ".edgar"  # OUT/.edgar/edgar/data/...: the fetched submissions


@dataclass(frozen=True)
class Entry:
    form: str
    company: str
    cik: str
    filed: dt.date
    path: str  # as the index gives it: "edgar/data/320193/0000320193-98-000008.txt"

    @property
    def accession(self) -> str:
        return Path(self.path).name.rsplit(".", 1)[0]


_FORM_LINE = re.compile(r"^(?P<form>\S+(?: \S+)*?)\s{2,}(?P<company>.+?)\s{2,}(?P<cik>\d+)\s+"
                        r"(?P<date>\d{4}-?\d{2}-?\d{2})\s+(?P<file>\S+)\s*$")
_CRAWLER_LINE = re.compile(r"^(?P<company>.+?)\s{2,}(?P<form>\S+(?: \S+)*?)\s{2,}(?P<cik>\d+)\s+"
                           r"(?P<date>\d{4}-?\d{2}-?\d{2})\s+(?P<file>\S+)\s*$")
_INDEX_PAGE = re.compile(r"^https?://[^/]+/Archives/(edgar/data/\d+/)(?:\d+/)?(\d{10}-\d\d-\d{6})-index\.html?$")


def _date(text: str) -> dt.date:
    text = text.replace("-", "")
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def read_index(path: Path) -> list[Entry]:
    """The entries of a form.idx, master.idx or crawler.idx (told apart by their header)."""
    try:
        lines = path.read_text(encoding="latin-1").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the index: {exc.strerror or exc}", str(path)) from None
    start = next((k + 1 for k, line in enumerate(lines[:40]) if line.startswith("-----")), None)
    if start is None:
        raise InputError("not an EDGAR index (form.idx, master.idx or crawler.idx): no header rule", str(path))
    header = " ".join(lines[:start]).lower()
    columns = next((line.lower() for line in reversed(lines[:start - 1]) if line.strip()), "")  # (above the rule)
    out = []
    for number, line in enumerate(lines[start:], start + 1):
        if not line.strip():
            continue
        if "|" in line and header.count("|") >= 4:  # master.idx: CIK|Company Name|Form Type|Date Filed|Filename
            parts = line.split("|")
            if len(parts) != 5:
                raise InputError(f"line {number}: not 5 fields separated by '|'", str(path))
            cik, company, form, date, file = parts
        else:
            m = (_CRAWLER_LINE if columns.lstrip().startswith("company name") else _FORM_LINE).match(line)
            if m is None:
                raise InputError(f"line {number}: not an index entry: {line[:80]!r}", str(path))
            form, company, cik, date, file = m["form"], m["company"], m["cik"], m["date"], m["file"]
            if (page := _INDEX_PAGE.match(file)) is not None:  # crawler.idx: the filing's index page
                file = f"{page[1]}{page[2]}.txt"
        try:
            out.append(Entry(form.strip(), company.strip(), cik.strip(), _date(date.strip()), file.strip()))
        except ValueError:
            raise InputError(f"line {number}: not a date: {date!r}", str(path)) from None
    return out


def choose(entries: list[Entry], forms: set[str] | None, start: dt.date | None, end: dt.date | None) -> list[Entry]:
    return [e for e in entries if (not forms or e.form.upper() in forms)
            and (start is None or e.filed >= start) and (end is None or e.filed <= end)]


class Fetcher:
    """HTTP(S) GETs at most MAX_RATE a second, with a User-Agent, retrying transient failures."""

    def __init__(self, user_agent: str, rate: float = MAX_RATE, timeout: float = 60.0, retries: int = 4,
                 pause: float = 1.0):
        self.user_agent, self.interval, self.timeout = user_agent, 1.0 / rate, timeout
        self.retries, self.pause = retries, pause
        self._next = 0.0
        self._lock = threading.Lock()
        self.requests = 0
        self._opener = urllib.request.build_opener()  # (reads the proxy settings of the environment now)

    def _wait_turn(self) -> None:
        with self._lock:
            now = time.monotonic()
            wait = self._next - now
            self._next = max(now, self._next) + self.interval
        if wait > 0:
            time.sleep(wait)

    def get(self, url: str) -> bytes:
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.pause * 2 ** (attempt - 1))
            self._wait_turn()
            self.requests += 1
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                if exc.code not in TRANSIENT:
                    raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
                problem = f"HTTP {exc.code} {exc.reason}"
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                problem = f"{type(reason).__name__}: {reason}"
        raise InputError(f"{url}: {problem} (after {self.retries + 1} tries)")


def done_already(out, name: str, options: dict) -> bool:
    """An output of this converter version and these options is in OUT (a store,
    converter/output_store.py): no need to fetch."""
    try:
        stamp = json.loads(out.read_text(f"{name}/{name}.report.json")).get("source") or {}
    except (OSError, ValueError):
        return False
    return out.is_file(f"{name}/{name}.xml") and stamp.get("converter") == __version__ \
        and stamp.get("options") == options


def source_of(entry: Entry, base: str, cache: Path, fetcher: Fetcher | None) -> Path:
    """The submission's local file: in the mirror, or fetched into the CACHE folder (OUT/.edgar/
    by default), atomically."""
    if not re.match(r"^https?://", base):
        path = Path(base) / entry.path
        if not path.is_file():
            raise InputError(f"not in the mirror: {path}", entry.path)
        return path
    target = cache / entry.path
    if target.is_file():
        return target
    if fetcher is None:
        raise InputError("fetching from a URL needs a User-Agent that names you: --user-agent 'Name email' "
                         f"or {USER_AGENT_ENV}", entry.path)
    return keep(target, fetcher.get(f"{base.rstrip('/')}/{entry.path}"))


def keep(target: Path, data: bytes) -> Path:
    """A fetched file written whole or not at all (a temporary file renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".fetch-", dir=target.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)
    return target
