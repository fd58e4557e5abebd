"""The command line: outputs, exit status, many inputs, bad inputs, help."""
import json
import subprocess
import sys

import pytest

from conftest import SEEDS
from converter.cli import main


def test_convert_one_file(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(SEEDS / "002_827b01e1209febb2.txt"), "--out", str(out)]) == 0
    folder = out / "002_827b01e1209febb2"
    assert sorted(p.name for p in folder.iterdir()) == [
        "002_827b01e1209febb2.report.json", "002_827b01e1209febb2.xml", "elec-20040531.xsd", "elec-20040531_cal.xml",
        "elec-20040531_lab.xml", "elec-20040531_pre.xml"]
    line = capsys.readouterr().out
    assert "3 statements" in line and "178 facts" in line and "warnings" in line
    report = json.loads((folder / "002_827b01e1209febb2.report.json").read_text())
    assert report["facts"] == 178 and any(f["code"] == "convert:unplaced" and "skipped" in f["message"]
                                          and f["file"] == "002_827b01e1209febb2.txt" and f["line"] > 0
                                          for f in report["findings"])


def test_folder_with_a_bad_file_converts_the_others(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS.glob("*.txt"):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "broken.txt").write_bytes(b"%PDF-1.4 \x00\x01")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out)]) == 3  # both failed alike: not text filings
    captured = capsys.readouterr()
    assert "FAIL" in captured.err and "broken.txt" in captured.err and "PDF" in captured.err
    assert "empty.txt" in captured.err and "empty" in captured.err
    assert "3 converted, 0 up to date, 2 failed" in captured.err
    assert "failures:\n  [3] " in captured.err  # the summary lists them again with their reasons
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_missing_input_is_reported(tmp_path, capsys):
    assert main(["convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")]) == 3
    assert "no such file" in capsys.readouterr().err


def test_bad_cik_is_a_usage_error(tmp_path, capsys):
    assert main(["convert", str(SEEDS / "000_fbd7507244f679c5.txt"), "--out", str(tmp_path), "--cik", "abc"]) == 2


def test_cik_option(tmp_path):
    assert main(["convert", str(SEEDS / "000_fbd7507244f679c5.txt"), "--out", str(tmp_path), "--cik", "731012"]) == 0
    text = (tmp_path / "000_fbd7507244f679c5" / "000_fbd7507244f679c5.xml").read_text()
    assert 'scheme="http://www.sec.gov/CIK">0000731012<' in text


def test_rerun_with_force_replaces_the_output_folder(tmp_path):
    args = ["convert", str(SEEDS / "001_f031b02994d13446.txt"), "--out", str(tmp_path)]
    assert main(args) == 0
    (tmp_path / "001_f031b02994d13446" / "stale.txt").write_text("old")
    assert main(args + ["--force"]) == 0
    assert not (tmp_path / "001_f031b02994d13446" / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["001_f031b02994d13446"]


def test_inspect_why_explains_each_row(capsys):
    """Issue 12 item 5: each row's concepts, what decided, and every candidate."""
    from conftest import HERE

    assert main(["inspect", "--why", str(HERE / "stress" / "signs_from_words.txt")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "INCOME TAXES (BENEFIT)" in line)
    assert "us-gaap:IncomeTaxExpenseBenefit" in row and "concepts.toml rule" in row
    assert "its words exclude this label" in out  # the negating rule that "(benefit)" keeps out
    assert "label map: GrossProfit" in out
    assert "extension: no rule, label-map entry or arithmetic names it" in out


def test_report_says_why_each_row_has_its_concepts(tmp_path, capsys):
    from conftest import HERE

    assert main(["convert", str(HERE / "stress" / "signs_from_words.txt"), "--out", str(tmp_path)]) == 0
    report = json.loads(next(tmp_path.glob("*/*.report.json")).read_text())
    by_line = {e["line"]: e for e in report["concepts_by"]}
    assert by_line[22]["concepts"] == ["us-gaap:NetIncomeLoss"] and by_line[22]["by"].startswith("concepts.toml rule")
    assert by_line[17]["by"].startswith("extension")


def test_inspect_prints_tables(capsys):
    assert main(["inspect", str(SEEDS / "002_827b01e1209febb2.txt")]) == 0
    out = capsys.readouterr().out
    assert "[balance]" in out and "D2003-12-01_2004-05-31" in out and "Total current assets" in out


def test_package_writes_a_taxonomy_package(tmp_path):
    import zipfile

    assert main(["package", "--out", str(tmp_path / "t.zip")]) == 0
    names = zipfile.ZipFile(tmp_path / "t.zip").namelist()
    assert "txt2xbrl-taxonomy/META-INF/catalog.xml" in names
    assert "txt2xbrl-taxonomy/xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd" in names


@pytest.mark.parametrize("args", [["--help"], ["convert", "--help"], ["inspect", "--help"], ["package", "--help"]])
def test_help_documents_every_option(args):
    r = subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True)
    assert r.returncode == 0
    if args == ["convert", "--help"]:
        for opt in ("--out", "--cik", "--report", "--quiet", "--json-summary"):
            assert opt in r.stdout


def test_no_command_prints_help():
    r = subprocess.run([sys.executable, "-m", "converter"], capture_output=True, text=True)
    assert r.returncode == 2 and "convert" in r.stdout


def test_a_filing_that_dates_nothing_is_refused_not_dated_today(tmp_path, capsys):
    """No period end in a header, a statement column or a date line: refused (exit 4), nothing
    written; never today's date, with which the same file would convert differently tomorrow."""
    src = tmp_path / "undated.txt"
    src.write_text("                 PLAIN WIDGET CO.\n            SUMMARY OF OPERATING DATA\n\n"
                   "Units shipped                              1,200       1,100\n"
                   "Dealers                                       45          41\n")
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out)]) == 4
    assert "no period end" in capsys.readouterr().err
    assert not any(out.glob("*/*.xml"))


def test_a_failure_is_a_finding_in_the_json_summary(tmp_path, capsys):
    bad = tmp_path / "long.txt"
    bad.write_text("BALANCE SHEET\n" + "1,234 " * 20_000 + "\n")
    summary = tmp_path / "summary.json"
    assert main(["convert", str(bad), "--out", str(tmp_path / "out"), "--json-summary", str(summary)]) == 3
    (entry,) = json.loads(summary.read_text())
    assert entry["finding"] == {"code": "input:refused", "severity": "error", "file": str(bad), "line": 2, "column": 0,
                                "message": "a line of 119,999 characters: not a printed text filing"}  # (its last blank stripped)
    assert capsys.readouterr().err.rstrip().endswith("[input:refused]")


def test_downloader_layouts_do_not_collide(tmp_path, capsys):
    """sec-edgar-downloader saves every filing as <accession>/full-submission.txt: each output is
    named after its folder, and HTML primary documents in a folder are converted too."""
    seed = (SEEDS / "002_827b01e1209febb2.txt").read_text()
    for accession in ("0000950109-04-000001", "0000950109-04-000002"):
        (tmp_path / "in" / accession).mkdir(parents=True)
        (tmp_path / "in" / accession / "full-submission.txt").write_text(seed)
    assert main(["convert", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["0000950109-04-000001", "0000950109-04-000002"]
    # and the files in each: NAME.xml beside NAME.report.json (the instance was full-submission.xml)
    inside = {p.name for p in (tmp_path / "out" / "0000950109-04-000001").iterdir()}
    assert {"0000950109-04-000001.xml", "0000950109-04-000001.report.json"} <= inside
    assert "full-submission.xml" not in inside


def test_the_filers_xbrl_is_never_read_for_facts(tmp_path):
    """A submission with EX-101 documents converts exactly as without them."""
    seed = (SEEDS / "002_827b01e1209febb2.txt").read_text()
    ex101 = ("<DOCUMENT>\n<TYPE>EX-101.INS\n<TEXT>\n<XBRL>\n<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\">\n"
             + "".join(f"<us-gaap:Revenues contextRef=\"c\" unitRef=\"u\" decimals=\"0\">{n}</us-gaap:Revenues>\n"
                       for n in (3769924, 999999)) + "</xbrli:xbrl>\n</XBRL>\n</TEXT>\n</DOCUMENT>\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    main_doc = "<DOCUMENT>\n<TYPE>10-QSB\n<TEXT>\n" + seed.rstrip("\n") + "\n</TEXT>\n</DOCUMENT>\n"
    (tmp_path / "a" / "f.txt").write_text(main_doc)
    (tmp_path / "b" / "f.txt").write_text(main_doc + ex101)
    for d in ("a", "b"):
        assert main(["convert", str(tmp_path / d / "f.txt"), "--out", str(tmp_path / d / "out"), "-q"]) == 0
    assert (tmp_path / "a" / "out" / "f" / "f.xml").read_text().split("-->", 1)[1] == \
        (tmp_path / "b" / "out" / "f" / "f.xml").read_text().split("-->", 1)[1]


def test_zeros_makes_a_statements_dashes_facts_of_zero(tmp_path, capsys):
    """--zeros: 'Payments made in connection with business acquisitions ... (2,200)  --' gives
    the second year a fact of 0, as a filer's XBRL tags the dash (without it the dash is no
    fact); the option is stamped in the report, so a run without it converts again."""
    from conftest import ROOT

    src = ROOT / "tests" / "stress" / "investing_payments_wording_2000s.txt"
    name = "investing_payments_wording_2000s"
    plain, zeros = tmp_path / "plain", tmp_path / "zeros"
    assert main(["convert", str(src), "--out", str(plain), "-q"]) == 0
    assert main(["convert", str(src), "--out", str(zeros), "-q", "--zeros"]) == 0
    assert "PaymentsToAcquireBusinessesNetOfCashAcquired" in (plain / name / f"{name}.xml").read_text()
    assert 'contextRef="D20010701_20020630" unitRef="USD" decimals="-3">0</us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired>' \
        in (zeros / name / f"{name}.xml").read_text()
    assert '>0</us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired>' not in (plain / name / f"{name}.xml").read_text()
    assert json.loads((zeros / name / f"{name}.report.json").read_text())["source"]["options"]["zeros"] is True
    capsys.readouterr()
    assert main(["convert", str(src), "--out", str(zeros)]) == 0  # (not up to date: made with --zeros)
    assert "up to date" not in capsys.readouterr().out
    assert '>0</us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired>' not in (zeros / name / f"{name}.xml").read_text()


def test_formats_option(tmp_path, capsys):
    """--formats json writes NAME.json beside NAME.xml (always written), csv the NAME-csv/ folder;
    an unknown format is a usage error that names the formats."""
    seed = SEEDS / "002_827b01e1209febb2.txt"
    assert main(["convert", str(seed), "--out", str(tmp_path), "-q", "--formats", "json"]) == 0
    folder = tmp_path / "002_827b01e1209febb2"
    assert (folder / "002_827b01e1209febb2.json").is_file() and (folder / "002_827b01e1209febb2.xml").is_file()
    assert not (folder / "002_827b01e1209febb2-csv").exists()
    assert main(["convert", str(seed), "--out", str(tmp_path), "-q", "--formats", "xml,csv"]) == 0  # (not up to date)
    assert (folder / "002_827b01e1209febb2-csv" / "002_827b01e1209febb2-facts.csv").is_file()
    assert not (folder / "002_827b01e1209febb2.json").exists()  # (the folder is the new run's, whole)
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        main(["convert", str(seed), "--out", str(tmp_path), "--formats", "xml,parquet"])
    assert e.value.code == 2 and "unknown format parquet (the formats: xml, json, csv, ixbrl)" in capsys.readouterr().err
