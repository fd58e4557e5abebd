#!/usr/bin/env python3
"""The batch on a Dask LocalCluster against the local process pool (issue 18), in one sitting.

    python benchmarks/bench_cluster.py [--filings 5000] [--workers 2] [FOLDER ...]

The corpus repeated (symbolic links under new names) to --filings filings, converted once with
`--jobs N` (the process pool) and once with `--cluster local:N`, each into a fresh folder. Prints
filings per second of each and their ratio, and for the cluster the resident memory of each worker
process sampled through the run (first and last tenth, and the peak): flat when nothing leaks.
Needs Dask (pip install 'txt2xbrl[cluster]').
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.batch import Options, convert_all  # noqa: E402
from converter.cluster import convert_on_cluster, start  # noqa: E402


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--filings", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    sources = sorted(f for d in args.folders for f in Path(d).glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        inputs = work / "in"
        inputs.mkdir()
        files = []
        for k in range(args.filings):
            link = inputs / f"{k:05d}_{sources[k % len(sources)].name}"
            link.symlink_to(sources[k % len(sources)])
            files.append(link)
        options = Options(jobs=args.workers)
        t0 = time.perf_counter()
        pool = list(convert_all(files, work / "pool", options))
        pool_s = time.perf_counter() - t0
        client = start(f"local:{args.workers}", options)
        pids = list(client.run(os.getpid).values())
        samples: list[tuple[float, list[float]]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append((time.perf_counter(), [_rss_mb(p) for p in pids]))
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        t0 = time.perf_counter()
        sampler.start()
        cluster = list(convert_on_cluster(files, work / "cluster", options, client))
        cluster_s = time.perf_counter() - t0
        stop.set()
        sampler.join()
        client.close()
        client.cluster.close()
        ok = (sum(r.ok for r in pool), sum(r.ok for r in cluster))
        print(f"{len(files)} filings ({len(sources)} repeated), {args.workers} workers; converted: pool {ok[0]}, cluster {ok[1]}")
        print(f"  process pool:        {pool_s:7.1f} s, {len(files) / pool_s:6.1f} filings/s")
        print(f"  --cluster local:{args.workers}:    {cluster_s:7.1f} s, {len(files) / cluster_s:6.1f} filings/s "
              f"({cluster_s / pool_s - 1:+.1%} time against the pool)")
        tenth = max(1, len(samples) // 10)
        for w in range(len(pids)):
            first = max(s[1][w] for s in samples[:tenth])
            last = max(s[1][w] for s in samples[-tenth:])
            peak = max(s[1][w] for s in samples)
            print(f"  worker {w + 1} resident memory: first tenth {first:.0f} MB, last tenth {last:.0f} MB, peak {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
