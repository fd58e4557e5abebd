"""The installed command finds its bundled taxonomy and templates from any working directory."""
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_console_script_converts_from_elsewhere(tmp_path):
    # the script pip installs beside this interpreter (a venv's bin, /usr/local/bin), else on PATH
    exe = shutil.which("txt2xbrl", path=str(Path(sys.executable).parent)) or shutil.which("txt2xbrl")
    assert exe is not None, "the txt2xbrl command is not installed: pip install '.[test]' (the README's test command)"
    r = subprocess.run([exe, "convert", str(ROOT / "examples" / "002_827b01e1209febb2.txt"), "--out", "out"],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "002_827b01e1209febb2" / "002_827b01e1209febb2.xml").is_file()


def test_resources_are_found():
    from converter.resources import taxonomy_dir, templates_dir

    assert (taxonomy_dir() / "concepts.json").is_file()
    assert (taxonomy_dir() / "cache" / "xbrl.fasb.org" / "us-gaap" / "2024" / "elts" / "us-gaap-2024.xsd").is_file()
    assert (templates_dir() / "instance.xml.j2").is_file()
