"""Offline schema resolution: known URLs map to the bundled copies, everything else is refused."""
from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from converter.resources import taxonomy_dir


@functools.cache
def cache_dir() -> Path:
    return taxonomy_dir() / "cache"


@functools.lru_cache(maxsize=4096)
def local_path(url: str) -> Path | None:
    """The bundled file for an http(s) schema location, or None when it is not bundled.

    Memoized: the bundled cache does not change while the process runs, and resolving paths
    was a tenth of the time of validating a converted filing."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            rel = url[len(scheme):]
            path = (cache_dir() / rel).resolve()
            if cache_dir().resolve() in path.parents and path.is_file():
                return path
            return None
    return None


@functools.lru_cache(maxsize=64)
def _read(path: Path) -> bytes:
    return path.read_bytes()


class BundledResolver(etree.Resolver):
    """Serves bundled schemas by URL and in-memory documents by name; refuses the rest."""

    def __init__(self, memory: dict[str, bytes] | None = None, local_root: Path | None = None):
        super().__init__()
        self.memory = memory or {}
        self.local_root = local_root
        self.refused: list[str] = []

    def resolve(self, url, pubid, context):
        if url in self.memory:
            return self.resolve_string(self.memory[url], context, base_url=url)
        name = url[4:] if url.startswith("mem:") else url.rsplit("/", 1)[-1]
        if url.startswith("mem:") and name in self.memory:
            return self.resolve_string(self.memory[name], context, base_url=url)
        path = local_path(url)
        if path is not None:
            return self.resolve_string(_read(path), context, base_url=url)
        if self.local_root is not None and "://" not in url:
            candidate = (self.local_root / url).resolve()
            if candidate.is_file() and self.local_root.resolve() in candidate.parents:
                return self.resolve_filename(str(candidate), context)
        self.refused.append(url)
        # An empty schema in place of the refused one: the caller reports the refusal.
        return self.resolve_string(b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', context)


def safe_parser(resolver: etree.Resolver | None = None, keep_blanks: bool = True) -> etree.XMLParser:
    """No network, no DTD loading, no entity expansion, no huge trees; KEEP_BLANKS False drops
    whitespace between elements where no text is beside it (libxml2's rule)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_blank_text=not keep_blanks)
    if resolver is not None:
        parser.resolvers.add(resolver)
    return parser
