"""Where the output folders go: OUT/NAME/ in a folder (local or shared), or under an fsspec URL
(s3://bucket/prefix, gs://..., any file system fsspec knows and the user has installed), so that
the workers of a cluster can all write the outputs.

In a folder an output appears complete or not at all: it is written into a hidden temporary
folder that is renamed into place, and a previous output is moved aside until the new one is in.
An object store has no rename: there NAME.report.json is the mark of a complete output. It is
removed first, the other files are written, files of an older output that the new one lacks are
removed, and the report is written last; a folder without its report is incomplete (nothing takes
it as converted, and a later run writes it again). A previous output is replaced, not restored,
when a write is stopped midway.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


def store_of(out) -> "FolderStore | UrlStore":
    """OUT as a store: a folder path, a file:// URL (a folder too) or another fsspec URL. A store
    passes through unchanged."""
    if isinstance(out, (FolderStore, UrlStore)):
        return out
    text = str(out)
    if text.startswith("file://"):
        return FolderStore(Path(text[len("file://"):]))
    return UrlStore(text) if is_url(text) else FolderStore(Path(out))


def _write_delay() -> float:
    return float(os.environ.get("TXT2XBRL_WRITE_DELAY", "0") or 0)  # tests stop a write midway with it


class FolderStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def __str__(self) -> str:
        return str(self.root)

    def location(self, name: str) -> str:
        return str(self.root / name)

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def read_text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def is_file(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def write(self, name: str, files: dict[str, str]) -> str:
        """Write OUT/NAME so that it appears complete or not at all, also when the process is
        killed: files go to a hidden temporary folder that is renamed into place."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.recover(name)
        final = self.root / name
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.tmp-", dir=self.root))
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; the output folder is an ordinary one
        delay = _write_delay()
        try:
            for fname, text in files.items():
                if "/" in fname:
                    (tmp / fname).parent.mkdir(parents=True, exist_ok=True)  # NAME-csv/: the xBRL-CSV report
                with open(tmp / fname, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
                    fh.flush()
                    os.fsync(fh.fileno())
                if delay:
                    time.sleep(delay)
            old = None
            if final.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=self.root))
                os.replace(final, old / name)
            os.replace(tmp, final)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return str(final)

    def recover(self, name: str) -> None:
        """Undo what a killed write left: a previous complete output moved aside is put back when
        nothing replaced it; half-written temporary folders are removed."""
        final = self.root / name
        if not self.root.is_dir():
            return
        for old in sorted(self.root.glob(f".{name}.old-*")):
            if not final.exists() and (old / name).is_dir():
                os.replace(old / name, final)
            shutil.rmtree(old, ignore_errors=True)
        for tmp in self.root.glob(f".{name}.tmp-*"):
            shutil.rmtree(tmp, ignore_errors=True)


class UrlStore:
    """Outputs under an fsspec URL. The file system is opened in each process that uses it (an
    fsspec file system of an object store is not fork-safe)."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self._fs = None
        self._pid = None

    def __str__(self) -> str:
        return self.url

    def __getstate__(self):  # (sent to the cluster's workers: the URL, not a connection)
        return {"url": self.url}

    def __setstate__(self, state):
        self.__init__(state["url"])

    @property
    def fs(self):
        if self._fs is None or self._pid != os.getpid():
            import fsspec  # ImportError: the caller says to install it

            # (its own instance: not one cached under other credentials or endpoint settings)
            self._fs, self._root = fsspec.core.url_to_fs(self.url, skip_instance_cache=True)
            self._pid = os.getpid()
        return self._fs

    def _path(self, rel: str) -> str:
        self.fs  # (opens the file system, which gives the root)
        return f"{self._root}/{rel}" if rel else self._root

    def location(self, name: str) -> str:
        return f"{self.url}/{name}"

    def prepare(self) -> None:
        """The root made and written once, so that missing credentials or a missing bucket are
        one error at the start, not one per filing."""
        fs = self.fs
        fs.makedirs(self._path(""), exist_ok=True)
        probe = self._path(".txt2xbrl-probe")
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)

    def read_text(self, rel: str) -> str:
        try:
            return self.fs.cat_file(self._path(rel)).decode("utf-8")
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - a file system's own error, read as an unreadable file
            raise OSError(str(exc)) from exc

    def is_file(self, rel: str) -> bool:
        try:
            return self.fs.isfile(self._path(rel))
        except Exception:  # noqa: BLE001 - unreadable counts as absent
            return False

    def write(self, name: str, files: dict[str, str]) -> str:
        """Write OUT/NAME with its report last (the mark of a whole output)."""
        fs = self.fs
        base = self._path(name)
        marker = f"{name}.report.json"
        try:
            if fs.exists(f"{base}/{marker}"):
                fs.rm_file(f"{base}/{marker}")  # from here the old output is not complete
            delay = _write_delay()
            rest = {f"{base}/{f}": text.encode("utf-8") for f, text in files.items() if f != marker}
            if delay:
                for path, data in rest.items():
                    fs.pipe_file(path, data)
                    time.sleep(delay)
            else:
                fs.pipe(rest)  # (concurrently, where the file system can)
            stale = [p for p in fs.find(base) if p not in rest and not p.endswith(f"/{marker}")]
            if stale:
                fs.rm(stale)
            if marker in files:
                fs.pipe_file(f"{base}/{marker}", files[marker].encode("utf-8"))
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - the store's own error (credentials, network) as OSError
            raise OSError(f"{self.location(name)}: {exc}") from exc
        return self.location(name)

    def recover(self, name: str) -> None:
        """A folder a stopped write left without its report is removed."""
        try:
            fs = self.fs
            base = self._path(name)
            if fs.exists(base) and not fs.exists(f"{base}/{name}.report.json"):
                fs.rm(base, recursive=True)
        except Exception:  # noqa: BLE001 - a later write replaces it anyway
            pass
