"""`convert --cluster local[:N]` or `--cluster tcp://HOST:PORT`: the batch as Dask tasks, a filing
each (`pip install 'txt2xbrl[cluster]'`).

A task converts its filing as the local batch does (converter/batch.py): in a process of its own,
forked from the worker, under the filing's time limit and memory ceiling, writing OUT/NAME/
atomically; so a filing that crashes, hangs or balloons fails alone, with its reason, and its
worker goes on. A worker that is lost (killed, its machine gone) has its tasks run again on
another by the scheduler; a task that loses workers three times fails, with that reason. OUT must
be where every worker can write: a shared folder, or an fsspec URL (s3://bucket/prefix) where the
workers have that file system installed (converter/output_store.py). Without --cluster the local process pool
converts (the default).
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

from converter.errors import INTERNAL_ERROR, MemoryLimit
from converter.output_store import store_of
from converter.pipeline import Result, output_name, up_to_date

LOST_WORKER_TRIES = 3  # a filing whose worker is lost this many times fails (the scheduler's allowed-failures)


def _convert_one(path: str, out, options) -> Result:
    """A task: one filing through the local batch (a forked child with the limits)."""
    from converter.batch import convert_all
    return next(convert_all([Path(path)], out, dataclasses.replace(options, jobs=1, force=True)))


def start(address: str, options):
    """A Dask client: a LocalCluster of N workers (one thread each, processes) for "local[:N]", else
    the scheduler at ADDRESS. ImportError where Dask is not installed."""
    from dask.distributed import Client, LocalCluster
    import dask

    dask.config.set({"distributed.scheduler.allowed-failures": LOST_WORKER_TRIES - 1,
                     "distributed.worker.daemon": False,  # (a task forks its filing's process)
                     # no sampling profiler in the workers, no work stealing between two equal
                     # workers: on two cores they cost the conversions a few percent
                     "distributed.worker.profile.enabled": False,
                     "distributed.scheduler.work-stealing": False})
    if address == "local" or address.startswith("local:"):
        workers = int(address.split(":", 1)[1]) if ":" in address else (os.cpu_count() or 1)
        # the worker's ceiling above the filing's: the filing's own limit stops a ballooning
        # conversion first, and the worker's nanny restarts a worker that grows anyway
        memory = f"{options.memory_mb + 512}MiB" if options.memory_mb else "auto"
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=memory,
                               dashboard_address=None, silence_logs=40)
        return Client(cluster)
    return Client(address)


def convert_on_cluster(files: list[Path], out, options, client) -> Iterator[Result]:
    """A Result for every file, in the order they finish. A few tasks per worker are in flight at
    a time (a million filings are not a million futures at once on the scheduler)."""
    from dask.distributed import as_completed

    out = store_of(out)
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    queue = iter(files)
    futures: dict = {}
    running = as_completed()

    def submit_next() -> Iterator[Result]:
        for path in queue:
            done = None if options.force else up_to_date(path, out, options.cik, options.narrative, options.zeros,
                                                          options.formats)
            if done is not None:
                yield Result(str(path), output_name(path), ok=True, skipped=True, output=done)
                continue
            future = client.submit(_convert_one, str(path), str(out), options, pure=False,
                                   key=f"convert-{output_name(path)}")
            futures[future] = path
            running.add(future)
            return

    for _ in range(window):
        yield from submit_next()
    for future in running:
        path = futures.pop(future)
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - a task's failure is the filing's result, never a traceback
            name = type(exc).__name__
            code = MemoryLimit.exit_code if name == "KilledWorker" else INTERNAL_ERROR
            why = (f"its worker was lost {LOST_WORKER_TRIES} times (killed, or out of memory)" if name == "KilledWorker"
                   else f"the task failed ({name}: {exc})")
            yield Result(str(path), output_name(path), ok=False, error=f"{path}: {why}", exit_code=code)
        finally:
            future.release()
        yield from submit_next()
