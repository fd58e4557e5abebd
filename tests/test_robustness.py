"""Bad input and faults: every input that is not what it seems gets a one-line error with its own
exit status; batches go on past bad files, under time and memory limits; outputs appear whole or
not at all, also when the process is killed or interrupted."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from conftest import HERE, SEEDS
from converter.cli import main

SEED = SEEDS / "002_827b01e1209febb2.txt"
STATEMENTS = HERE / "data" / "statements.txt"
XBRLI = "{http://www.xbrl.org/2003/instance}"


def facts_of(folder: Path, numbers_only: bool = False) -> dict:
    """(concept, context) -> value of every fact (or every numeric fact) an output folder holds."""
    root = etree.parse(str(next(p for p in folder.glob("*.xml") if p.stem == folder.name))).getroot()
    return {(etree.QName(el).localname, el.get("contextRef")): el.text for el in root
            if isinstance(el.tag, str) and el.get("contextRef") and not el.tag.startswith(XBRLI)
            and (not numbers_only or el.get("unitRef"))}


@pytest.fixture(scope="module")
def clean_seed(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("clean")
    assert main(["convert", str(SEED), "--out", str(out), "-q"]) == 0
    return facts_of(out / SEED.stem)


def _convert(path: Path, out: Path, capsys, *extra) -> tuple[int, str]:
    code = main(["convert", str(path), "--out", str(out), "-q", *extra])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def _html_only() -> bytes:
    return (b"<SEC-DOCUMENT>\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE: 10-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n"
            b"<TEXT>\n<HTML><BODY><TABLE><TR><TD>Revenues</TD><TD>1,000</TD></TR></TABLE></BODY></HTML>\n"
            b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


def _zip() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("filing.txt", SEED.read_text())
    return buf.getvalue()


NO_NUMBERS = ("CONSOLIDATED BALANCE SHEETS\n\n                         December 31,\n                      1999        "
              "1998\n                    --------    --------\nCash                   -           -\nReceivables   "
              "         -           -\nTotal assets           -           -\n").encode()


@pytest.mark.parametrize("name, data, code, words", [
    ("empty.txt", b"", 3, "empty"),
    ("blank.txt", b"   \n\n  \r\n", 3, "empty"),
    ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 3, "PDF"),
    ("picture.txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff", 3, "GIF"),
    ("archive.txt", _zip(), 3, "zip"),
    ("binary.txt", bytes(range(256)) * 40, 3, "binary"),
    ("html.txt", _html_only(), 4, "nothing to convert"),  # (HTML is read: one row, no period)
    ("no-numbers.txt", NO_NUMBERS, 4, "no statement table"),
])
def test_input_that_is_not_a_filing_gets_one_line(tmp_path, capsys, name, data, code, words):
    path = tmp_path / name
    path.write_bytes(data)
    got, err = _convert(path, tmp_path / "out", capsys)
    assert got == code
    assert err.count("\n") == 1 and err.startswith(f"FAIL {path}") and words in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_file_of_100_mb_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(100 * 2**20)  # sparse: the size is what is checked
    got, err = _convert(path, tmp_path / "out", capsys)
    assert got == 3 and "100 MB, over the limit of 64 MB" in err
    path.write_bytes(SEED.read_bytes())
    assert _convert(path, tmp_path / "out", capsys, "--max-size", "0.01")[0] == 3  # the limit is an option


def test_an_exhibit_written_as_one_long_line_is_skipped_and_reported(tmp_path, capsys):
    """Mixed submissions of 2001-2008 carry exhibits written on one line (HTML, data): that
    document is skipped and reported, the statements of the others are converted."""
    text = (HERE / "stress" / "schedule_article5_industrial.txt").read_text()
    blob = "<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>\n" + "row;1,234;5,678|" * 7000 + "\n</TEXT>\n</DOCUMENT>\n"
    path = tmp_path / "mixed.txt"
    path.write_text(text.replace("</SEC-DOCUMENT>", blob + "</SEC-DOCUMENT>"))
    got, _ = _convert(path, tmp_path / "out", capsys)
    assert got == 0
    assert facts_of(tmp_path / "out" / "mixed")[("Assets", "I19981231")] == "44215000"
    import json
    skipped = json.loads((tmp_path / "out" / "mixed" / "mixed.report.json").read_text())["skipped_documents"]
    assert any(s.startswith("EX-99.2") and "a line of 112,000 characters" in s for s in skipped), skipped


def test_a_line_of_1_mb_is_refused_with_its_line(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text("CONSOLIDATED BALANCE SHEET\n" + "1,234 " * 180_000 + "\n")
    got, err = _convert(path, tmp_path / "out", capsys)
    assert got == 3 and f"FAIL {path}:2: a line of 1,07" in err and "characters" in err
    assert err.splitlines()[0].endswith("[input:refused]")  # the finding's code


def test_cp1252_and_latin1_bytes_are_read(tmp_path, capsys, clean_seed):
    # a section heading (no values beside it to keep in their columns) in cp1252: 0x93/0x94 are quotes
    text = SEED.read_bytes().replace(b"Costs and expenses:", b"Co\xfbts \x93and\x94 expenses \x96 all:")
    assert text != SEED.read_bytes()
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text)
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    labels = next((tmp_path / "out" / "cp1252").glob("*_lab.xml")).read_text(encoding="utf-8")
    assert "Co\u00fbts \u201cand\u201d expenses \u2013 all" in labels
    assert facts_of(tmp_path / "out" / "cp1252") == clean_seed


def test_crlf_and_form_feeds_change_nothing(tmp_path, capsys, clean_seed):
    text = SEED.read_bytes().replace(b"\n", b"\r\n").replace(b"Condensed Consolidated", b"\x0cCondensed Consolidated")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text)
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    assert facts_of(tmp_path / "out" / "crlf") == clean_seed


def _lines() -> list[str]:
    return SEED.read_text().split("\n")


def test_a_truncated_table_gives_only_true_facts(tmp_path, capsys, clean_seed):
    lines = _lines()
    cut = next(i for i, ln in enumerate(lines) if "Total current assets" in ln)
    path = tmp_path / "truncated.txt"
    path.write_text("\n".join(lines[:cut + 1])[:-5])  # ends inside a row
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    got = facts_of(tmp_path / "out" / "truncated", numbers_only=True)
    numbers = {k: v for k, v in got.items() if k in clean_seed}
    assert numbers and all(clean_seed[k] == v for k, v in numbers.items())


def test_columns_that_do_not_line_up_never_give_a_wrong_period(tmp_path, capsys, clean_seed):
    import random

    rng = random.Random(1)
    shifted = [ln[:38] + " " * rng.randint(0, 9) + ln[38:] if ln.strip() and any(c.isdigit() for c in ln[40:])
               and rng.random() < 0.5 else ln for ln in _lines()]
    path = tmp_path / "misaligned.txt"
    path.write_text("\n".join(shifted))
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    got = facts_of(tmp_path / "out" / "misaligned", numbers_only=True)
    common = [k for k in got if k in clean_seed]
    assert len(common) > 40  # the statements that still line up are converted
    assert [k for k in common if got[k] != clean_seed[k]] == []


def test_a_statement_printed_twice_gives_each_fact_once(tmp_path, capsys, clean_seed):
    lines = _lines()
    start = next(i for i, ln in enumerate(lines) if "Condensed Consolidated Balance Sheet" in ln) - 2
    end = next(i for i, ln in enumerate(lines) if "Statements of Operations" in ln) - 2
    path = tmp_path / "twice.txt"
    path.write_text("\n".join(lines[:end] + lines[start:end] + lines[end:]))
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    assert facts_of(tmp_path / "out" / "twice") == clean_seed


def test_markup_and_non_ascii_in_labels_come_out_valid_and_read_back(tmp_path, capsys):
    odd = 'Receivables & "other" <net> \u2013 caf\u00e9'
    lines = STATEMENTS.read_text().split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("  Accounts receivable"))
    lines[i] = ("  " + odd).ljust(40) + lines[i][40:]  # the values stay in their columns
    path = tmp_path / "odd.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert _convert(path, tmp_path / "out", capsys, "--cik", "1234567")[0] == 0
    folder = tmp_path / "out" / "odd"
    labels = etree.parse(str(next(folder.glob("*_lab.xml")))).getroot()
    texts = {el.text for el in labels.iter("{http://www.xbrl.org/2003/linkbase}label")}
    assert odd in texts
    from converter.validator.run import validate_file

    assert validate_file(folder / "odd.xml").findings == []


# ---------------------------------------------------------------- batches


def test_time_limit_stops_a_filing_and_leaves_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    big = tmp_path / "big.txt"  # twenty 10-QSBs in one file: seconds of work
    big.write_text("\n".join([SEED.read_text()] * 20))
    got, err = _convert(big, out, capsys, "--time-limit", "0.3")
    assert got == 6 and "time limit" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_memory_ceiling_stops_a_filing(tmp_path, capsys):
    # the ceiling is on the conversion process's address space, which it shares with what it was
    # forked from: 1 MB leaves it no room for reading a 1.4 MB filing
    # forked from a fresh command, not from this test process and the memory it has freed
    big = tmp_path / "big.txt"
    big.write_text("\n".join([SEED.read_text()] * 20))
    proc = _cli("convert", str(big), "--out", str(tmp_path / "out"), "-q", "--memory-limit", "1")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 7 and "memory" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_rerun_skips_what_is_up_to_date(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out)]) == 0
    capsys.readouterr()
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert main(["convert", str(src), "--out", str(out)]) == 0
    assert "0 converted, 3 up to date, 0 failed" in capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    changed = src / "001_f031b02994d13446.txt"
    changed.write_text(changed.read_text().replace("808,464", "808,465"))  # the source changed: converted again
    assert main(["convert", str(src), "--out", str(out)]) == 0
    assert "1 converted, 2 up to date" in capsys.readouterr().err
    assert main(["convert", str(src), "--out", str(out), "--no-narrative"]) == 0  # other options: again
    assert "3 converted, 0 up to date" in capsys.readouterr().err
    assert main(["convert", str(src), "--out", str(out), "--no-narrative", "--force"]) == 0
    assert "3 converted, 0 up to date" in capsys.readouterr().err


def test_two_inputs_with_one_output_name_are_not_both_written(tmp_path, capsys):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(SEEDS / "000_fbd7507244f679c5.txt", tmp_path / d / "x.txt")
    assert main(["convert", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "is also that of" in err and "[output:nameTaken]" in err


def test_jobs_convert_alike(tmp_path):
    assert main(["convert", str(SEEDS), "--out", str(tmp_path / "one"), "-q"]) == 0
    assert main(["convert", str(SEEDS), "--out", str(tmp_path / "two"), "-q", "--jobs", "3"]) == 0
    for p in (tmp_path / "one").iterdir():
        assert facts_of(p) == facts_of(tmp_path / "two" / p.name)


def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "converter", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kw)


def _complete(folder: Path) -> bool:
    names = {p.name for p in folder.iterdir()}
    if f"{folder.name}.xml" not in names or f"{folder.name}.report.json" not in names:
        return False
    etree.parse(str(folder / f"{folder.name}.xml"))  # whole XML, or this raises
    return len([n for n in names if n.endswith(".xml") or n.endswith(".xsd")]) >= 4


def test_ctrl_c_stops_cleanly_with_what_was_finished_intact(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(40):
        shutil.copy(SEED, src / f"copy{k:02d}.txt")
    out = tmp_path / "out"
    proc = _cli("convert", str(src), "--out", str(out), "-q")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and len([p for p in out.iterdir()
                                                                      if not p.name.startswith(".")]) >= 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    finished = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert 3 <= len(finished) < 40
    assert all(_complete(p) for p in finished)
    assert [p for p in out.iterdir() if p.name.startswith(".")] == []  # no half-written folder left


@pytest.mark.parametrize("previous", [False, True])
def test_a_kill_during_writing_leaves_the_output_whole_or_absent(tmp_path, previous):
    out = tmp_path / "out"
    name = SEED.stem
    if previous:
        assert main(["convert", str(SEED), "--out", str(out), "-q"]) == 0
        before = facts_of(out / name)
    env = dict(os.environ, TXT2XBRL_WRITE_DELAY="0.4")
    proc = _cli("convert", str(SEED), "--out", str(out), "-q", "--force", env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(out.glob(f".{name}.tmp-*/*")):
        time.sleep(0.01)
    assert any(out.glob(f".{name}.tmp-*/*")), "the write never started"
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its conversion process, mid-write
    proc.communicate(timeout=30)
    visible = [p for p in out.iterdir() if not p.name.startswith(".")]
    if previous:
        assert visible == [out / name] and _complete(out / name) and facts_of(out / name) == before
    else:
        assert visible == []
    assert main(["convert", str(SEED), "--out", str(out), "-q", "--force"]) == 0  # the next run cleans up
    assert [p.name for p in out.iterdir()] == [name] and _complete(out / name)


def test_a_bad_file_never_stops_the_others_and_is_listed_with_its_reason(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a-good.txt")
    (src / "b-bad.txt").write_bytes(b"%PDF-1.4")
    (src / "c-none.txt").write_bytes(NO_NUMBERS)
    shutil.copy(SEEDS / "001_f031b02994d13446.txt", src / "d-good.txt")
    assert main(["convert", str(src), "--out", str(tmp_path / "out"), "-q"]) == 1  # two kinds of failure
    err = capsys.readouterr().err
    assert "2 converted, 0 up to date, 2 failed" in err
    assert "  [3] " in err and "b-bad.txt" in err and "  [4] " in err and "c-none.txt" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-good", "d-good"]


def test_numbers_are_decimal_in_what_a_truncated_number_leaves(tmp_path, capsys):
    """A file cut inside a number ("1,895,9") converts what it can and never invents digits."""
    text = SEED.read_text()
    cut = text.index("1,895,932") + 7
    path = tmp_path / "cut.txt"
    path.write_text(text[:cut])
    code, _ = _convert(path, tmp_path / "out", capsys)
    assert code == 0  # the statements above the cut are whole
    values = {Decimal(v) for v in facts_of(tmp_path / "out" / "cut", numbers_only=True).values()}
    assert values and Decimal("1895932") not in values and Decimal("18959") not in values


def test_stray_control_bytes_become_blanks_and_the_output_is_valid(tmp_path, capsys, clean_seed):
    text = SEED.read_bytes().replace(b"Costs and expenses:", b"Costs\x1a and\x02 expenses:", 1)
    path = tmp_path / "controls.txt"
    path.write_bytes(text)
    assert _convert(path, tmp_path / "out", capsys)[0] == 0
    assert facts_of(tmp_path / "out" / "controls") == clean_seed


def test_a_damaged_cover_value_is_left_out_not_written_invalid():
    import dataclasses

    from converter.mapping.contexts import ContextSet
    from converter.mapping.cover_facts import cover_facts
    from converter.mapping.taxonomy import load_taxonomy
    from converter.model import Entity
    from converter.parsing.parser import parse_filing
    from converter.reading.reader import read_filing

    parsed = parse_filing(read_filing(SEED))
    damaged = dataclasses.replace(parsed, cover=dataclasses.replace(parsed.cover, file_number="\u00d6_]Yy 001-01136"))
    contexts = ContextSet(Entity("http://www.sec.gov/CIK", "0000000001", "x"))
    facts, warnings = cover_facts(damaged, contexts, parsed.cover.period_end or __import__("datetime").date(2004, 5, 31),
                                  load_taxonomy())
    assert "EntityFileNumber" not in {f.concept.name for f in facts}
    assert any("EntityFileNumber" in w and "not of the form DEI requires" in w for w in warnings)
    good, _ = cover_facts(parsed, contexts, __import__("datetime").date(2004, 5, 31), load_taxonomy())
    assert "EntityFileNumber" in {f.concept.name for f in good}


def test_an_output_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    got, err = _convert(SEED, blocker, capsys)
    assert got == 8 and "cannot write the output" in err and err.count("\n") == 1


def test_names_with_double_hyphens_make_valid_comments():
    """A registrant named '-- X --' (the fuzzer made one) must not end the XML comments it is quoted in."""
    import dataclasses

    from converter.mapping.mapper import map_filing
    from converter.parsing.parser import parse_filing
    from converter.reading.reader import read_filing
    from converter.rendering.render import comment_text, render
    from converter.validator.schemas import validate_documents

    assert comment_text("a--b---c-") == "a- -b- - -c- " and "--" not in comment_text("----")
    model = map_filing(parse_filing(read_filing(SEED)))
    odd = dataclasses.replace(model, entity=dataclasses.replace(model.entity, name="--eLEC -- Corp.-"))
    rendered = render(odd, "x--y-.txt")
    assert validate_documents(rendered.files, rendered.instance_name, model.schema_file, model.namespace) == []


def test_a_conversion_leaves_the_collector_as_it_found_it(tmp_path):
    # convert() collects less often while it runs; a caller's own thresholds come back, also when
    # the filing is refused
    import gc

    from converter.errors import ConversionError
    from converter.pipeline import convert

    before = gc.get_threshold()
    try:
        gc.set_threshold(900, 11, 12)
        convert(sorted(SEEDS.glob("*.txt"))[0])
        assert gc.get_threshold() == (900, 11, 12)
        bad = tmp_path / "bad.txt"
        bad.write_text("no statements here\n")
        with pytest.raises(ConversionError):
            convert(bad)
        assert gc.get_threshold() == (900, 11, 12)
    finally:
        gc.set_threshold(*before)
