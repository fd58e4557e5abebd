"""The Python API (converter.convert_file) and the report's published model (docs/report.schema.json)."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from lxml import etree

from conftest import HERE, ROOT, SEEDS

SEED = SEEDS / "002_827b01e1209febb2.txt"
XBRLI = "{http://www.xbrl.org/2003/instance}"


def test_convert_file_returns_the_facts_it_writes(tmp_path):
    from converter import convert_file

    result = convert_file(SEED, out=tmp_path)
    instance = tmp_path / SEED.stem / f"{SEED.stem}.xml"
    assert instance in result.files and all(p.is_file() for p in result.files)
    root = etree.parse(str(instance)).getroot()
    written = {(etree.QName(el).localname, el.get("contextRef")): el.text for el in root
               if isinstance(el.tag, str) and el.get("contextRef")}
    returned = {(f.concept.split(":")[1], _context_id(f)): f.value for f in result.facts}
    assert len(result.facts) == len(written) == result.report.facts
    assert returned == {k: Decimal(v) if isinstance(returned.get(k), Decimal) else v for k, v in written.items()}
    numbers = [f for f in result.facts if f.unit]
    assert numbers and all(isinstance(f.value, Decimal) for f in numbers)
    assert all(f.line for f in numbers if f.origin == "primary")
    revenue = next(f for f in result.facts if f.concept == "us-gaap:Revenues" and f.start is not None)
    assert (revenue.unit, revenue.entity, revenue.origin) == ("iso4217:USD", "eLEC-Communications-Corp", "primary")


def _context_id(f) -> str:
    return f"I{f.end:%Y%m%d}" if f.start is None else f"D{f.start:%Y%m%d}_{f.end:%Y%m%d}"


def test_convert_file_without_out_writes_nothing_and_errors_are_typed(tmp_path):
    from converter import ConversionError, NoStatementsError, convert_file

    result = convert_file(SEED)
    assert result.files == [] and result.facts
    bad = tmp_path / "prose.txt"
    bad.write_text("Nothing but words here.\n" * 20)
    with pytest.raises(NoStatementsError) as info:
        convert_file(bad, out=tmp_path / "out")
    assert isinstance(info.value, ConversionError) and info.value.exit_code == 4 and info.value.path == str(bad)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_import_converter_stays_light():
    """The command line imports `converter`: the API's models load only when asked for."""
    code = "import sys, converter; print('pydantic' in sys.modules, converter.__version__)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE)
    assert r.stdout.split()[0] == "False"


def test_the_published_schema_is_the_models():
    sys.path.insert(0, str(ROOT / "tools"))
    from gen_report_schema import SCHEMA, schema_text

    assert SCHEMA.read_text() == schema_text(), "run python tools/gen_report_schema.py"


def test_every_report_written_fits_the_model(seed_output):
    from converter.report import Report

    reports = sorted(seed_output.glob("*/*.report.json"))
    assert reports
    for path in reports:
        text = path.read_text()
        assert Report.model_validate_json(text).to_json() == text  # read back, written the same


def test_a_report_that_drifts_from_the_model_is_refused(seed_output):
    from pydantic import ValidationError

    from converter.report import Report

    data = json.loads(next(seed_output.glob("*/*.report.json")).read_text())
    data["tables"][0]["rows"] = "many"
    with pytest.raises(ValidationError):
        Report.model_validate(data)
    data = json.loads(next(seed_output.glob("*/*.report.json")).read_text())
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        Report.model_validate(data)


def test_an_unwritable_output_is_an_output_error(tmp_path):
    from converter import ConversionError, convert_file

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(ConversionError) as info:
        convert_file(SEED, out=blocked / "out")
    assert info.value.exit_code == 8 and "cannot write the output" in info.value.message
