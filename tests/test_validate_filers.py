"""txt2xbrl validate on the XBRL filers really filed (2009-2011, accepted by EDGAR, so valid against
their full taxonomies): read without their taxonomy, no error but "not available"; with a taxonomy
package, a mirror folder, or --fetch (through a local server), their facts are checked and still
no false error; nothing opens a socket without --fetch."""
import json
import re
import socket
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import SHARED
from converter.cli import main
from converter.validator.run import validate_file
from converter.validator.sources import Sources
from filer_xbrl import group_a_instances

REAL = SHARED / "xbrl-real"
ADOBE = REAL / "adbe-20100604.xml"
GAAP_2009 = "http://taxonomies.xbrl.us/us-gaap/2009/elts/us-gaap-2009-01-31.xsd"
GAAP_2009_NS = "http://xbrl.us/us-gaap/2009-01-31"
NOT_AVAILABLE = {"dts:notAvailable"}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared is not beside the project")


@pytest.fixture(scope="module")
def filers(tmp_path_factory):
    return group_a_instances(SHARED, tmp_path_factory.mktemp("filers"))


def _errors(result) -> list:
    return [f for f in result.findings if f.severity == "error"]


def test_filer_instances_read_without_their_taxonomy_give_no_false_error(filers):
    assert len(filers) == 9
    for path in filers:
        result = validate_file(path)
        assert result.facts > 200, path
        false = [f.text() for f in _errors(result) if f.code not in NOT_AVAILABLE]
        assert false == [], path
        # what could not be checked is said, with the count of facts it leaves unchecked
        assert any(f.code == "dts:notChecked" and "facts not checked" in f.message for f in result.findings), path


def test_adobe_without_its_taxonomy_names_each_missing_schema_once():
    result = validate_file(ADOBE)
    missing = [f.message for f in result.findings if f.code == "dts:notAvailable"]
    assert len([m for m in missing if GAAP_2009 in m]) == 1
    unchecked = [f.message for f in result.findings if f.code == "dts:notChecked"]
    assert any(GAAP_2009 in m for m in unchecked)
    assert not any(f.code in ("xbrl:unitOnNonNumeric", "xbrl:decimalsOnNonNumeric", "xsd:invalid") for f in result.findings)


def _package(path, members: dict[str, object], rewrites: dict[str, str]):
    """A taxonomy package: META-INF/taxonomyPackage.xml and catalog.xml in one top folder."""
    catalog = "".join(f'<rewriteURI uriStartString="{k}" rewritePrefix="{v}"/>' for k, v in rewrites.items())
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("pkg/META-INF/taxonomyPackage.xml",
                    '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package"><tp:identifier>urn:test'
                    '</tp:identifier></tp:taxonomyPackage>')
        zf.writestr("pkg/META-INF/catalog.xml",
                    f'<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">{catalog}</catalog>')
        for name, source in members.items():
            zf.write(source, f"pkg/{name}")
    return path


@pytest.fixture()
def gaap_2009_package(tmp_path):
    return _package(tmp_path / "us-gaap-2009.zip", {"elts/us-gaap-2009-01-31.xsd": REAL / "us-gaap-2009-01-31.xsd"},
                    {"http://taxonomies.xbrl.us/us-gaap/2009/elts/": "../elts/"})


def _unchecked(result) -> int:
    return sum(int(f.message.split()[0].replace(",", "")) for f in result.findings
               if f.code == "dts:notChecked" and "facts not checked" in f.message)


def test_a_package_gets_adobes_us_gaap_facts_checked_with_no_false_error(gaap_2009_package):
    without = validate_file(ADOBE)
    with_package = validate_file(ADOBE, sources=Sources.of([gaap_2009_package]))
    assert [f.text() for f in _errors(with_package) if f.code not in NOT_AVAILABLE] == []
    assert not any(GAAP_2009 in f.message for f in with_package.findings if f.code == "dts:notAvailable")
    # most facts are now checked (those of us-types' types, whose schema is not in the package, are not)
    assert _unchecked(with_package) < _unchecked(without) / 2
    # and checked for real: a fact of a monetary US-GAAP 2009 concept without its unit is an error
    broken = re.sub(r'(<us-gaap:\w+ contextRef="[^"]+") unitRef="USD"', r"\1", ADOBE.read_text(), count=1)
    copy = gaap_2009_package.parent / "adbe-20100604.xml"
    copy.write_text(broken)
    (copy.parent / "adbe-20100604.xsd").write_bytes((REAL / "adbe-20100604.xsd").read_bytes())
    found = validate_file(copy, sources=Sources.of([gaap_2009_package]))
    assert any(f.code == "xbrl:unitMissing" for f in found.findings)


def test_a_mirror_folder_serves_as_the_package_does(gaap_2009_package, tmp_path):
    mirror = tmp_path / "mirror" / "taxonomies.xbrl.us" / "us-gaap" / "2009" / "elts"
    mirror.mkdir(parents=True)
    (mirror / "us-gaap-2009-01-31.xsd").symlink_to(REAL / "us-gaap-2009-01-31.xsd")
    by_dir = validate_file(ADOBE, sources=Sources.of(taxonomy_dir=tmp_path / "mirror"))
    by_package = validate_file(ADOBE, sources=Sources.of([gaap_2009_package]))
    assert [f.code for f in by_dir.findings] == [f.code for f in by_package.findings]


def test_a_concept_the_bundled_subset_lacks_is_not_called_undeclared(tmp_path, seed_output):
    folder = seed_output / "002_827b01e1209febb2"
    instance = folder / "002_827b01e1209febb2.xml"
    text = instance.read_text()
    fact = ('<us-gaap:AccountsPayableRelatedPartiesCurrent contextRef="{c}" unitRef="{u}" decimals="0">1</us-gaap:'
            'AccountsPayableRelatedPartiesCurrent>')
    m = re.search(r'<us-gaap:\w+ id="\w+" contextRef="([^"]+)" unitRef="(USD)"', text)
    text = text.replace("</xbrli:xbrl>", fact.format(c=m.group(1), u=m.group(2)) + "</xbrli:xbrl>")
    for f in folder.iterdir():
        if f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / instance.name).write_text(text)
    result = validate_file(tmp_path / instance.name)
    assert not any(f.code == "xbrl:undeclaredConcept" for f in result.findings)
    subset = [f.message for f in result.findings if f.code == "dts:notInBundledSubset"]
    assert len(subset) == 1 and "AccountsPayableRelatedPartiesCurrent" in subset[0] and "--packages" in subset[0]


def test_bad_packages_and_folders_are_usage_errors(tmp_path, capsys):
    (tmp_path / "not.zip").write_text("no zip")
    assert main(["validate", str(ADOBE), "--packages", str(tmp_path / "not.zip")]) == 2
    assert "not.zip: not a readable zip" in capsys.readouterr().err
    with zipfile.ZipFile(tmp_path / "bare.zip", "w") as zf:
        zf.writestr("a/b.xsd", "<x/>")
    assert main(["validate", str(ADOBE), "--packages", str(tmp_path / "bare.zip")]) == 2
    assert "no META-INF/catalog.xml" in capsys.readouterr().err
    assert main(["validate", str(ADOBE), "--taxonomy-dir", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_no_socket_is_opened_without_fetch(filers, gaap_2009_package, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for path in filers:
        validate_file(path)
    assert main(["validate", str(ADOBE), "--packages", str(gaap_2009_package), "--format", "json"]) == 1


class _Proxy(BaseHTTPRequestHandler):
    """An HTTP proxy on 127.0.0.1 that serves the US-GAAP 2009 element schema at its official URL."""
    seen: list = []

    def do_GET(self):  # noqa: N802 - the http.server interface
        type(self).seen.append((self.path, self.headers.get("User-Agent")))
        if self.path == GAAP_2009:
            body = (REAL / "us-gaap-2009-01-31.xsd").read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


def test_fetch_downloads_once_into_the_cache_with_a_user_agent(tmp_path, monkeypatch, capsys):
    _Proxy.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    args = ["validate", str(ADOBE), "--fetch", "--cache", str(tmp_path / "cache"), "--user-agent", "Test t@example.com",
            "--format", "json"]
    try:
        main(args)
        first = json.loads(capsys.readouterr().out)
        assert (tmp_path / "cache" / "taxonomies.xbrl.us" / "us-gaap" / "2009" / "elts" / "us-gaap-2009-01-31.xsd").is_file()
        assert (GAAP_2009, "Test t@example.com") in _Proxy.seen
        asked = len(_Proxy.seen)
        main(args)
        second = json.loads(capsys.readouterr().out)
        assert GAAP_2009 not in [p for p, _ in _Proxy.seen[asked:]]  # from the cache
    finally:
        server.shutdown()
    codes = {f["code"] for f in first["instances"][0]["findings"] if f["severity"] == "error"}
    assert codes <= NOT_AVAILABLE
    assert first == second


def test_a_fault_of_the_schema_engine_is_an_internal_error_not_the_filers(seed_output, monkeypatch):
    from converter.validator import schemas

    # what libxml2 said of Adobe's schema when its imports were replaced by blanks
    fault = ((3, "internal error: xmlSchemaBucketCreate, failed to add the schema bucket"),)
    monkeypatch.setattr(schemas, "_compile_filer_schema", lambda reduced, location, sources: fault)
    result = validate_file(seed_output / "002_827b01e1209febb2" / "002_827b01e1209febb2.xml", sources=Sources())
    codes = [f.code for f in result.findings if f.file.endswith(".xsd")]
    assert codes == ["internal:error"]


def test_a_total_with_a_child_the_bundled_subset_lacks_is_not_called_inconsistent(tmp_path, seed_output):
    # RestrictedCashCurrent, a child of AssetsCurrent, renamed to a real US-GAAP concept the subset
    # does not declare: the total cannot be summed without its taxonomy, so it is not judged
    folder = seed_output / "002_827b01e1209febb2"
    for f in folder.iterdir():
        if f.is_file():
            text = f.read_text().replace("RestrictedCashCurrent", "OtherRestrictedAssetsCurrent")
            (tmp_path / f.name).write_text(text)
    result = validate_file(tmp_path / "002_827b01e1209febb2.xml")
    assert not any(f.code == "calc:inconsistent" and "AssetsCurrent" in f.message for f in result.findings)
    assert any(f.code == "dts:notInBundledSubset" and "OtherRestrictedAssetsCurrent" in f.message
               for f in result.findings)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
