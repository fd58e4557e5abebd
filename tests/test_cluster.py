"""convert --cluster: the batch as Dask tasks on a real LocalCluster of two workers: the same bytes
as a local run, and a worker killed mid-run leaves every filing done or failed with a reason."""
import filecmp
import os
import signal
from pathlib import Path

import pytest

from conftest import SHARED
from converter.cli import main

pytestmark = pytest.mark.slow
pytest.importorskip("dask.distributed")

CORPUS = SHARED / "corpus"


def _same_tree(a: Path, b: Path) -> list[str]:
    """The files that differ or are missing between two output folders."""
    out = []
    for path in sorted(p for p in a.rglob("*") if p.is_file()):
        twin = b / path.relative_to(a)
        if not twin.is_file() or not filecmp.cmp(path, twin, shallow=False):
            out.append(str(path.relative_to(a)))
    return out + [str(p.relative_to(b)) for p in b.rglob("*") if p.is_file() and not (a / p.relative_to(b)).exists()]


def test_a_local_cluster_writes_the_same_bytes_as_a_local_run(tmp_path, capsys):
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    assert main(["convert", str(CORPUS), "--out", str(tmp_path / "cluster"), "-q", "--cluster", "local:2"]) == 0
    assert main(["convert", str(CORPUS), "--out", str(tmp_path / "local"), "-q", "--jobs", "2"]) == 0
    assert "30 converted, 0 up to date, 0 failed" in capsys.readouterr().err
    assert len(list((tmp_path / "cluster").iterdir())) == 30
    assert _same_tree(tmp_path / "cluster", tmp_path / "local") == []
    # again on the cluster: every output is up to date
    assert main(["convert", str(CORPUS), "--out", str(tmp_path / "cluster"), "-q", "--cluster", "local:2"]) == 0
    assert "0 converted, 30 up to date, 0 failed" in capsys.readouterr().err


def test_a_worker_killed_mid_run_leaves_every_filing_done_or_failed_with_a_reason(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    from converter.batch import Options
    from converter.cluster import convert_on_cluster, start

    files = sorted(CORPUS.glob("*.txt"))
    options = Options(seconds=120, memory_mb=2048)
    client = start("local:2", options)
    try:
        pids = client.run(os.getpid)  # worker address -> its process
        results = []
        for result in convert_on_cluster(files, tmp_path, options, client):
            results.append(result)
            if len(results) == 3:
                os.kill(next(iter(pids.values())), signal.SIGKILL)  # one worker dies with tasks on it
    finally:
        client.close()
        client.cluster.close()
    assert sorted(r.name for r in results) == sorted(f.stem for f in files)
    assert all(r.ok or r.error for r in results)
    done = [r for r in results if r.ok]
    assert len(done) >= len(files) - 2  # its tasks ran again on the other worker or its replacement
    for r in done:
        assert (tmp_path / r.name / f"{r.name}.xml").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing half-written left


def test_a_filing_over_its_time_limit_fails_alone_on_the_cluster(tmp_path, monkeypatch):
    """Filings whose conversion outlasts --time-limit (their outputs written slowly) are stopped on
    their workers and fail with that reason; nothing half-written is left."""
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    from converter.batch import Options
    from converter.cluster import convert_on_cluster, start
    from converter.errors import TimeLimit

    monkeypatch.setenv("TXT2XBRL_WRITE_DELAY", "0.6")  # (the workers start with it: each file written slowly)
    files = [CORPUS / "apple-computer_10-Q_1998-06-26.txt", CORPUS / "ibm_10-K405_1997-12-31.txt"]
    options = Options(seconds=2.0)
    client = start("local:2", options)
    try:
        results = {r.name: r for r in convert_on_cluster(files, tmp_path, options, client)}
    finally:
        client.close()
        client.cluster.close()
    assert len(results) == 2
    for r in results.values():
        assert not r.ok and "time limit" in r.error and r.exit_code == TimeLimit.exit_code
    assert not [p for p in tmp_path.iterdir()]  # nothing half-written left


def test_a_running_scheduler_takes_the_batch(tmp_path, capsys):
    """--cluster tcp://HOST:PORT: the filings go to a scheduler already running (here one the test
    starts on 127.0.0.1, its workers configured as the README says), which stays up after."""
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    import dask
    from dask.distributed import LocalCluster

    files = [CORPUS / "apple-computer_10-Q_1998-06-26.txt", CORPUS / "ibm_10-K405_1997-12-31.txt"]
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
    try:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        assert main(["convert", *map(str, files), "--out", str(tmp_path), "-q", "--cluster", address]) == 0
        assert "2 converted, 0 up to date, 0 failed" in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.stem for f in files)
        assert cluster.scheduler.status.name == "running"  # (ours to close, not the command's)
    finally:
        cluster.close()
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):  # (nothing listens on port 9)
        assert main(["convert", str(files[0]), "--out", str(tmp_path / "x"), "--cluster", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the cluster" in capsys.readouterr().err
