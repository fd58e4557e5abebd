"""The installed command finds its bundled taxonomy and templates from any working directory."""
import shutil
import subprocess

import pytest

from conftest import ROOT


def test_console_script_converts_from_elsewhere(tmp_path):
    exe = shutil.which("txt2xbrl")
    if exe is None:
        pytest.skip("txt2xbrl is not installed in this environment")
    r = subprocess.run([exe, "convert", str(ROOT / "examples" / "002_827b01e1209febb2.txt"), "--out", "out"],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "002_827b01e1209febb2" / "002_827b01e1209febb2.xml").is_file()


def test_resources_are_found():
    from converter.resources import taxonomy_dir, templates_dir

    assert (taxonomy_dir() / "concepts.json").is_file()
    assert (taxonomy_dir() / "cache" / "xbrl.fasb.org" / "us-gaap" / "2024" / "elts" / "us-gaap-2024.xsd").is_file()
    assert (templates_dir() / "instance.xml.j2").is_file()
