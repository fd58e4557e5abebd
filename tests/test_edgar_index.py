"""convert --index: EDGAR's own index as input, the filings read from a local mirror or fetched
from a server (here one on 127.0.0.1 the test starts, with a 503 and a slow response), with a
User-Agent, at most 10 requests a second, never fetching again what is converted."""
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import SHARED
from converter.cli import main
from converter.edgar_index import Entry, read_index

CORPUS = SHARED / "corpus"
# (corpus file, CIK, accession, form, filed) as their EDGAR headers give them
FILINGS = [("apple-computer_10-Q_1998-06-26", "320193", "0000320193-98-000008", "10-Q", "1998-08-10"),
           ("ibm_10-K405_1997-12-31", "51143", "0001047469-98-012291", "10-K405", "1998-03-30"),
           ("amazon-com_8-K_1998-08-12", "1018724", "0000891020-98-001352", "8-K", "1998-08-27")]


def _form_idx(entries) -> str:
    head = ("Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
            "Last Data Received:    September 30, 1998\n\n"
            "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
            + "-" * 130 + "\n")
    rows = [f"{form:<12}{'COMPANY ' + cik:<62}{cik:<12}{filed:<12}edgar/data/{cik}/{acc}.txt" for _, cik, acc, form, filed in entries]
    rows.append(f"{'SC 13D':<12}{'SOMEONE ELSE':<62}{'999':<12}{'1998-08-11':<12}edgar/data/999/0000000999-98-000001.txt")
    return head + "\n".join(rows) + "\n"


@pytest.fixture()
def mirror(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    root = tmp_path / "mirror"
    for name, cik, acc, _, _ in FILINGS:
        (root / "edgar" / "data" / cik).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / f"{name}.txt", root / "edgar" / "data" / cik / f"{acc}.txt")
    index = tmp_path / "form.idx"
    index.write_text(_form_idx(FILINGS))
    return root, index


def test_the_three_index_layouts_are_read(tmp_path):
    form = tmp_path / "form.idx"
    form.write_text(_form_idx(FILINGS))
    master = tmp_path / "master.idx"
    master.write_text("Description: Master Index of EDGAR Dissemination Feed\n\nCIK|Company Name|Form Type|Date Filed|Filename\n"
                      + "-" * 80 + "\n320193|APPLE COMPUTER INC|10-Q|1998-08-10|edgar/data/320193/0000320193-98-000008.txt\n")
    crawler = tmp_path / "crawler.idx"
    crawler.write_text("Description: Daily Index of EDGAR Dissemination Feed by Company Name\n\n"
                       "Company Name                                                  Form Type   CIK         Date Filed  URL\n"
                       + "-" * 130 + "\n" + f"{'APPLE COMPUTER INC':<62}{'10-Q':<12}{'320193':<12}{'1998-08-10':<12}"
                       "https://www.sec.gov/Archives/edgar/data/320193/0000320193-98-000008-index.html\n")
    apple = Entry("10-Q", "APPLE COMPUTER INC", "320193", __import__("datetime").date(1998, 8, 10),
                  "edgar/data/320193/0000320193-98-000008.txt")
    assert read_index(master) == [apple] and read_index(crawler) == [apple]
    got = read_index(form)
    assert [(e.form, e.accession) for e in got][-1] == ("SC 13D", "0000000999-98-000001") and len(got) == 4


def test_index_from_a_local_mirror_chooses_forms_and_dates(mirror, tmp_path, capsys):
    root, index = mirror
    out = tmp_path / "out"
    assert main(["convert", "--index", str(index), "--base", str(root), "--out", str(out), "-q",
                 "--forms", "10-Q,10-K405", "--from", "1998-01-01", "--to", "1998-12-31"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["0000320193-98-000008", "0001047469-98-012291"]
    assert (out / "0000320193-98-000008" / "0000320193-98-000008.xml").is_file()


class _Edgar(BaseHTTPRequestHandler):
    """EDGAR's Archives from a folder: the first request of one file answers 503, another file comes
    slowly; every request's time and User-Agent is kept."""
    root = None
    seen: list = []
    failed: set = set()

    def do_GET(self):  # noqa: N802 - the http.server interface
        type(self).seen.append((time.monotonic(), self.path, self.headers.get("User-Agent")))
        name = self.path.rsplit("/", 1)[-1]
        if name.startswith("0001047469") and name not in self.failed:
            self.failed.add(name)
            self.send_error(503, "Service Unavailable")
            return
        path = self.root / self.path.removeprefix("/Archives/")
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if name.startswith("0000891020"):  # slow: half now, half a second later
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            time.sleep(1.0)
            self.wfile.write(data[len(data) // 2:])
        else:
            self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_index_over_http_with_a_503_and_a_slow_response(mirror, tmp_path, capsys, monkeypatch):
    root, index = mirror
    # when each request leaves (its arrival at the server jitters under load)
    from converter.edgar_index import Fetcher
    sent, wait_turn = [], Fetcher._wait_turn
    monkeypatch.setattr(Fetcher, "_wait_turn", lambda self: wait_turn(self) or sent.append(time.monotonic()))
    _Edgar.root, _Edgar.seen, _Edgar.failed = root, [], set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Edgar)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/Archives"
    out = tmp_path / "out"
    try:
        args = ["convert", "--index", str(index), "--base", base, "--out", str(out), "-q", "--forms", "10-Q,10-K405,8-K"]
        assert main(args) == 2  # (a usage error: no User-Agent to fetch with)
        assert "User-Agent" in capsys.readouterr().err and _Edgar.seen == []
        assert main(args + ["--user-agent", "Test Bench test@example.com"]) == 0
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
            "0000320193-98-000008", "0000891020-98-001352", "0001047469-98-012291"]
        assert {ua for _, _, ua in _Edgar.seen} == {"Test Bench test@example.com"}
        assert len(_Edgar.seen) == 4  # three filings, one of them twice (503, then again)
        assert len(sent) == 4 and all(b - a >= 0.099 for a, b in zip(sent, sent[1:]))  # at most 10 a second
        # again: every output is there, nothing is fetched
        assert main(args + ["--user-agent", "Test Bench test@example.com"]) == 0
        assert len(_Edgar.seen) == 4
    finally:
        server.shutdown()
