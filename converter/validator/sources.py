"""Where `txt2xbrl validate` finds the schemas and linkbases an instance names by URL, in this
order: XBRL Taxonomy Packages 1.0 (`--packages ZIP`, their catalogs rewriting official URLs to
files in the zip), an unpacked mirror laid out by host and path (`--taxonomy-dir DIR`), the bundled
copies (the XBRL International base schemas, complete; the US-GAAP, DEI and SRT 2024 subsets), and,
only with `--fetch`, a download cache filled over HTTP(S) with a declared User-Agent. Nothing else
opens a socket.
"""
from __future__ import annotations

import os
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from converter.validator.resolver import local_path, safe_parser

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
# the bundled schemas that are subsets of their taxonomies: a concept they lack may be a real one
SUBSETS = frozenset({
    "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
    "https://xbrl.sec.gov/dei/2024/dei-2024.xsd",
    "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd",
})


class PackageError(ValueError):
    """A --packages file that is not a taxonomy package, or a --taxonomy-dir that is no folder."""


@dataclass
class Package:
    """One taxonomy package: its zip and its catalog's rewrites (URL prefix -> member prefix)."""

    path: Path
    rewrites: list[tuple[str, str]]
    members: set[str]

    @classmethod
    def open(cls, path: Path) -> "Package":
        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise PackageError(f"{path}: not a readable zip ({exc})") from None
        with zf:
            names = set(zf.namelist())
            catalogs = sorted(n for n in names if n.endswith("META-INF/catalog.xml") and n.count("/") <= 2)
            if not catalogs:
                raise PackageError(f"{path}: not a taxonomy package (no META-INF/catalog.xml; Taxonomy Packages 1.0 "
                                   f"put it in the zip's top folder)")
            catalog = catalogs[0]
            try:
                root = etree.fromstring(zf.read(catalog), safe_parser())
            except etree.XMLSyntaxError as exc:
                raise PackageError(f"{path}: {catalog} is not well-formed XML ({exc.msg})") from None
        folder = posixpath.dirname(catalog)  # META-INF: rewrite prefixes are relative to it
        rewrites = []
        for el in root.iter(f"{{{CATALOG_NS}}}rewriteURI", f"{{{CATALOG_NS}}}rewriteSystem"):
            start = el.get("uriStartString") or el.get("systemIdStartString")
            prefix = el.get("rewritePrefix")
            if start and prefix is not None:
                target = posixpath.normpath(posixpath.join(folder, prefix))
                rewrites.append((start, target + ("/" if prefix.endswith("/") else "")))
        if not rewrites:
            raise PackageError(f"{path}: its catalog ({catalog}) rewrites no URL")
        rewrites.sort(key=lambda r: -len(r[0]))  # the longest matching prefix wins
        return cls(path, rewrites, {n for n in names if not n.endswith("/")})

    def member(self, url: str) -> str | None:
        for start, prefix in self.rewrites:
            if url.startswith(start):
                name = posixpath.normpath(prefix + url[len(start):])
                return name if name in self.members else None
        return None

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as zf:
            return zf.read(name)


@dataclass
class Sources:
    """The places a URL is looked up in; `get` returns its bytes and where they came from."""

    packages: list[Package] = field(default_factory=list)
    taxonomy_dir: Path | None = None
    fetch: bool = False
    cache: Path | None = None  # downloads (with --fetch)
    user_agent: str = ""
    max_bytes: int = 200 * 1024 * 1024
    fetched: list[str] = field(default_factory=list)
    # what is read of the published schemas once per run: location -> what the DTS needs of it;
    # URL -> the schema reduced for compiling; a filer schema's shape -> its compile errors
    summaries: dict = field(default_factory=dict)
    reduced: dict = field(default_factory=dict)
    compiled: dict = field(default_factory=dict)
    _fetcher: object = None

    @classmethod
    def of(cls, packages=(), taxonomy_dir=None, fetch: bool = False, cache=None, user_agent: str = "",
           max_bytes: int = 200 * 1024 * 1024) -> "Sources":
        if taxonomy_dir is not None and not Path(taxonomy_dir).is_dir():
            raise PackageError(f"{taxonomy_dir}: --taxonomy-dir is not a folder")
        return cls([Package.open(Path(p)) for p in packages], Path(taxonomy_dir) if taxonomy_dir else None, fetch,
                   Path(cache) if cache else default_cache(), user_agent, max_bytes)

    @property
    def plain(self) -> bool:
        """Only the bundled copies (what the converter's own check uses)."""
        return not self.packages and self.taxonomy_dir is None and not self.fetch

    def where(self, url: str) -> str | None:
        """Where url would be read from ("package", "folder", "bundled", "cache"), None if nowhere
        without fetching."""
        if any(p.member(url) for p in self.packages):
            return "package"
        if self._mirror(self.taxonomy_dir, url) is not None:
            return "folder"
        if local_path(url) is not None:
            return "bundled"
        if self.fetch and self._mirror(self.cache, url) is not None:
            return "cache"
        return None

    def get(self, url: str) -> tuple[bytes | None, str]:
        """The bytes of url and a note of their origin; (None, why) when not available."""
        for p in self.packages:
            name = p.member(url)
            if name is not None:
                return p.read(name), f"{p.path}!{name}"
        path = self._mirror(self.taxonomy_dir, url)
        if path is None:
            path = local_path(url)
        if path is None and self.fetch:
            path = self._mirror(self.cache, url) or self._download(url)
        if path is None:
            return None, self.missing_reason(url)
        size = path.stat().st_size
        if size > self.max_bytes:
            return None, f"{path} is {size:,} bytes, more than the limit of {self.max_bytes:,}"
        return path.read_bytes(), str(path)

    def missing_reason(self, url: str) -> str:
        if self.fetch:
            return f"{url} could not be fetched"
        where = "not bundled" + (", not in the packages" if self.packages else "") + \
                (f", not in {self.taxonomy_dir}" if self.taxonomy_dir else "")
        return f"{url} is {where}; it is not fetched without --fetch (or pass its taxonomy with --packages ZIP)"

    @staticmethod
    def _mirror(root: Path | None, url: str) -> Path | None:
        if root is None:
            return None
        for scheme in ("https://", "http://"):
            if url.startswith(scheme):
                path = _inside(root, url[len(scheme):])
                return path if path is not None and path.is_file() else None
        return None

    def _download(self, url: str) -> Path | None:
        """With --fetch only: url into the cache (atomically), within the size limit."""
        if not url.startswith(("https://", "http://")) or self.cache is None:
            return None
        from converter.edgar_index import Fetcher, keep
        from converter.errors import InputError

        if self._fetcher is None:
            self._fetcher = Fetcher(self.user_agent or _default_agent(), retries=2, timeout=30.0)
        try:
            data = self._fetcher.get(url)
        except InputError:
            return None
        if len(data) > self.max_bytes:
            return None
        target = _inside(self.cache, url.split("://", 1)[1])
        if target is None:
            return None
        self.fetched.append(url)
        return keep(target, data)


def _inside(root: Path, rel: str) -> Path | None:
    """ROOT/REL, normalised but not resolved (a mirror may hold symbolic links); None where ".."
    would leave ROOT."""
    base = os.path.abspath(root)
    path = os.path.normpath(os.path.join(base, rel))
    return Path(path) if path.startswith(base + os.sep) else None


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "txt2xbrl" / "taxonomies"


def _default_agent() -> str:
    from converter import __version__
    return f"txt2xbrl/{__version__} (schema validation)"
