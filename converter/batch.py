"""Converting many filings: each in a child process with a time limit and a memory ceiling, so
that no input can stop, hang or exhaust the batch; outputs already complete and up to date are
skipped; Ctrl-C stops the running conversions and leaves every finished output intact.

The children are forked (the parent's imports and compiled schemas are shared, nothing is
loaded again); each writes its own output folder atomically and sends back its Result.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterator

from converter.errors import INTERNAL_ERROR, MemoryLimit, TimeLimit
from converter.output_store import store_of
from converter.pipeline import DEFAULT_FORMATS, Result, convert_to_folder, output_name, recover, up_to_date, warm_up
from converter.reading.reader import MAX_BYTES


@dataclass(frozen=True)
class Options:
    cik: str | None = None
    narrative: bool = True
    zeros: bool = False  # a statement's dashes as facts of 0
    formats: tuple[str, ...] = DEFAULT_FORMATS  # written beside the instance: json (xBRL-JSON), csv (xBRL-CSV)
    max_bytes: int = MAX_BYTES
    seconds: float = 300.0  # per filing; 0: no limit
    memory_mb: int = 2048  # per filing; 0: no ceiling
    force: bool = False  # convert again even when the output is up to date
    jobs: int = 1  # filings converted at once


def convert_all(files: list[Path], out, options: Options) -> Iterator[Result]:
    """A Result for every file, in the order they finish (OUT a folder, a URL or a store). KeyboardInterrupt stops the running
    children, removes what they half-wrote, and is raised again."""
    out = store_of(out)  # (opened once here; each child opens its own connection to a URL)
    pending = deque(files)
    running: dict = {}  # connection -> (process, path, started)
    ctx = multiprocessing.get_context("fork")
    warm = False
    try:
        while pending or running:
            while pending and len(running) < max(1, options.jobs):
                path = pending.popleft()
                done = None if options.force else up_to_date(path, out, options.cik, options.narrative, options.zeros, options.formats)
                if done is not None:
                    yield Result(str(path), output_name(path), ok=True, skipped=True, output=done)
                    continue
                if not warm:
                    warm_up()  # before the first fork: every child shares it instead of loading its own
                    warm = True
                receive, send = ctx.Pipe(duplex=False)
                child = ctx.Process(target=_child, args=(send, path, out, options), daemon=True)
                child.start()
                send.close()
                running[receive] = (child, path, time.monotonic())
            if not running:
                continue
            # wake at the earliest time limit, so a filing is stopped when its time is up
            soonest = min(started for _, _, started in running.values()) + options.seconds - time.monotonic()
            for conn in wait(list(running), timeout=max(0.0, min(0.2, soonest)) if options.seconds else 0.2):
                child, path, _ = running.pop(conn)
                yield _received(conn, child, path, out)
            now = time.monotonic()
            for conn, (child, path, started) in list(running.items()):
                if options.seconds and now - started > options.seconds:
                    running.pop(conn)
                    _stop(child, out, path)
                    yield _failed(path, TimeLimit.exit_code,
                                  f"stopped after {options.seconds:g} s, the time limit of one filing (--time-limit)")
    except BaseException:
        for child, path, _ in running.values():
            _stop(child, out, path)
        raise


def _child(send, path: Path, out, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    # what the child inherited (the taxonomy, the schemas; a Dask worker's own objects) is never
    # garbage of the conversion: the cyclic collector leaves it alone instead of walking (and
    # copying, page by page) all of it at every full collection
    gc.freeze()
    if options.memory_mb:
        import resource

        # on top of the address space the child starts with, which it shares with the process it
        # was forked from (that of a process that has run Dask's threads is several hundred MB)
        limit = _address_space() + options.memory_mb * 2**20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    try:
        result = convert_to_folder(path, out, options.cik, options.narrative, options.max_bytes, options.zeros,
                                   options.formats)
    except MemoryError:
        result = _failed(path, MemoryLimit.exit_code, "the conversion needed more memory than its ceiling "
                                                      "(--memory-limit)")
    except BaseException as exc:  # noqa: BLE001 - reported by the parent, never a traceback
        result = _failed(path, INTERNAL_ERROR, f"internal error ({type(exc).__name__}: {exc}); please report it "
                                               f"with this file")
    try:
        send.send(result)
    except MemoryError:
        send.send(_failed(path, MemoryLimit.exit_code, "the conversion needed more memory than its ceiling"))
    finally:
        send.close()
    os._exit(0)  # no cleanup handlers of the parent's in the child


def _address_space() -> int:
    """This process's mapped address space in bytes (Linux), else 0."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _received(conn, child, path: Path, out) -> Result:
    try:
        result = conn.recv()
    except (EOFError, OSError):
        child.join()
        recover(out, output_name(path))
        how = f"signal {-child.exitcode}" if child.exitcode and child.exitcode < 0 else f"status {child.exitcode}"
        code = MemoryLimit.exit_code if child.exitcode == -signal.SIGKILL else INTERNAL_ERROR
        return _failed(path, code, f"the conversion process ended without a result ({how}"
                                   f"{'; out of memory?' if code == MemoryLimit.exit_code else ''})")
    finally:
        conn.close()
    child.join()
    return result


def _stop(child, out, path: Path) -> None:
    child.kill()
    child.join()
    recover(out, output_name(path))  # what it half-wrote goes; a previous output moved aside comes back


def _failed(path: Path, code: int, message: str) -> Result:
    return Result(str(path), output_name(path), ok=False, error=f"{path}: {message}", exit_code=code)
