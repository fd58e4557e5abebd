"""--out as an fsspec URL: the outputs written to an S3 bucket (a local S3 server on 127.0.0.1,
moto's) by the process pool and by a LocalCluster, byte for byte those of a local run; a write
stopped midway leaves no folder that passes for complete; a rerun finds them up to date."""
import os
import socket
from pathlib import Path

import pytest

from conftest import SEEDS
from converter.cli import main
from converter.output_store import FolderStore, UrlStore, store_of
from test_edgar_index import mirror  # noqa: F401 - the fixture

s3fs = pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")

FILINGS = [SEEDS / "000_fbd7507244f679c5.txt", SEEDS / "002_827b01e1209febb2.txt"]


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A local S3 server; the environment points every S3 client (forked children, Dask workers)
    at it, with made-up credentials."""
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = dict(os.environ)
    os.environ.update(AWS_ENDPOINT_URL=f"http://{host}:{port}", AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
                      AWS_DEFAULT_REGION="us-east-1", AWS_MAX_ATTEMPTS="1")
    fs = s3fs.S3FileSystem(skip_instance_cache=True)
    fs.mkdir("filings")
    try:
        yield fs
    finally:
        os.environ.clear()
        os.environ.update(saved)
        server.stop()


def _bucket_files(fs, prefix: str) -> dict[str, bytes]:
    fs.invalidate_cache()
    return {p[len(prefix) + 1:]: fs.cat_file(p) for p in fs.find(prefix)}


def _local_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_outputs_to_s3_are_those_of_a_local_run_and_up_to_date_on_a_rerun(s3, tmp_path, capsys):
    args = [str(f) for f in FILINGS] + ["-q", "--formats", "xml,json", "--facts-table", str(tmp_path / "table")]
    assert main(["convert", *args, "--out", "s3://filings/pool", "--jobs", "2"]) == 0
    assert main(["convert", *args, "--out", str(tmp_path / "local")]) == 0
    assert "2 converted, 0 up to date, 0 failed" in capsys.readouterr().err
    local = _local_files(tmp_path / "local")
    assert len(local) >= 2 * 6 and _bucket_files(s3, "filings/pool") == local
    # the run's table, added to locally from the outputs in the bucket: each filing once
    rows = (tmp_path / "table" / "facts.csv").read_text().splitlines()
    assert len(rows) > 100 and len(rows) == len(set(rows))
    assert main(["convert", *args, "--out", "s3://filings/pool"]) == 0
    assert "0 converted, 2 up to date, 0 failed" in capsys.readouterr().err


@pytest.mark.slow
def test_a_local_cluster_writes_to_s3_the_bytes_of_a_local_run(s3, tmp_path, capsys):
    pytest.importorskip("dask.distributed")
    files = [str(f) for f in FILINGS]
    assert main(["convert", *files, "--out", "s3://filings/cluster", "-q", "--cluster", "local:2"]) == 0
    assert main(["convert", *files, "--out", str(tmp_path / "local"), "-q"]) == 0
    assert _bucket_files(s3, "filings/cluster") == _local_files(tmp_path / "local")


def test_a_write_stopped_midway_leaves_no_folder_that_passes_for_complete(s3, tmp_path, capsys, monkeypatch):
    # the first conversion is written, the second is stopped by its time limit while it writes
    assert main(["convert", str(FILINGS[0]), "--out", "s3://filings/stopped", "-q"]) == 0
    monkeypatch.setenv("TXT2XBRL_WRITE_DELAY", "2")
    got = main(["convert", str(FILINGS[0]), "--out", "s3://filings/stopped", "-q", "--force", "--time-limit", "3"])
    assert got == 6 and "time limit" in capsys.readouterr().err
    s3.invalidate_cache()
    name = FILINGS[0].name[:-4]
    assert not s3.exists(f"filings/stopped/{name}")  # removed: its report, the mark of a whole output, was never written
    monkeypatch.delenv("TXT2XBRL_WRITE_DELAY")
    assert main(["convert", str(FILINGS[0]), "--out", "s3://filings/stopped", "-q"]) == 0
    s3.invalidate_cache()
    assert s3.exists(f"filings/stopped/{name}/{name}.report.json")


def test_a_newer_output_leaves_no_file_of_the_older_one(s3):
    store = store_of("s3://filings/stale")
    assert isinstance(store, UrlStore)
    store.write("x", {"x.xml": "<a/>", "x-csv/facts.csv": "old", "x.report.json": "{}"})
    store.write("x", {"x.xml": "<b/>", "x.report.json": "{}"})
    assert _bucket_files(s3, "filings/stale") == {"x/x.xml": b"<b/>", "x/x.report.json": b"{}"}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unwritable_or_unknown_url_is_one_clear_error(s3, tmp_path, capsys, monkeypatch):
    assert main(["convert", str(FILINGS[0]), "--out", "nosuchfs://x/y"]) == 2
    err = capsys.readouterr().err
    assert "--out nosuchfs://x/y" in err and "Traceback" not in err
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{_closed_port()}")  # no S3 there
    assert main(["convert", str(FILINGS[0]), "--out", "s3://filings/unreached", "-q"]) == 8
    err = capsys.readouterr().err
    assert "cannot write the output s3://filings/unreached" in err and "Traceback" not in err


def test_a_file_url_is_a_folder(tmp_path):
    store = store_of(f"file://{tmp_path}/out")
    assert isinstance(store, FolderStore) and store.root == tmp_path / "out"


def test_an_index_converts_into_s3_and_a_rerun_reads_only_the_store(s3, mirror, tmp_path, capsys):
    root, index = mirror
    args = ["convert", "--index", str(index), "--base", str(root), "--out", "s3://filings/indexed", "-q",
            "--forms", "10-Q,10-K405"]
    assert main(args) == 0
    s3.invalidate_cache()
    assert sorted(p.rsplit("/", 1)[1] for p in s3.ls("filings/indexed")) == ["0000320193-98-000008", "0001047469-98-012291"]
    assert main(args) == 0
    assert "2 already converted" in capsys.readouterr().err
    # fetched filings need a folder the workers read where OUT is a URL
    got = main(["convert", "--index", str(index), "--base", "http://127.0.0.1:9/Archives", "--user-agent", "T t@example.com",
                "--out", "s3://filings/indexed"])
    assert got == 2 and "--fetch-cache DIR" in capsys.readouterr().err
