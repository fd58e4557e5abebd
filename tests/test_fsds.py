"""--fsds DIR: the facts in the SEC's Financial Statement Data Sets layout, read as the SEC's own
quarterly files are read: the same headers and encodings as the SEC's 2009 Q3 zip (read in place),
pandas with the data sets' column types, and secfsdstools (a reader of the data sets from PyPI),
holding exactly the XML instances' amounts, a filing never twice."""
import zipfile
from decimal import Decimal

import pandas as pd
import pytest

from conftest import SEEDS, SHARED
from converter.cli import main
from converter.fsds import COLUMNS, month_end
from instance_util import read_instance

SEC_ZIP = SHARED / "labelmap-sources" / "fsds-2009q3.zip"
CORPUS = SHARED / "corpus"
WITH_HEADERS = ["apple-computer_10-Q_1998-06-26", "general-electric_10-K_1993-12-31", "ibm_10-K405_1997-12-31"]


@pytest.fixture(scope="module")
def fsds(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared is not beside the project")
    tmp = tmp_path_factory.mktemp("fsds")
    sources = [str(CORPUS / f"{n}.txt") for n in WITH_HEADERS] + [str(SEEDS / "002_827b01e1209febb2.txt")]
    assert main(["convert", *sources, "--out", str(tmp / "out"), "--fsds", str(tmp / "dir"), "-q"]) == 0
    return tmp


def test_the_tables_have_the_secs_headers(fsds):
    with zipfile.ZipFile(SEC_ZIP) as z:
        for table in COLUMNS:
            sec = z.open(f"{table}.txt").readline().decode("utf-8").rstrip("\r\n").split("\t")
            ours = (fsds / "dir" / f"{table}.txt").read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
            assert ours == sec, table


def _read(folder, table):
    dtypes = {"sub": {"adsh": str, "cik": int, "fye": str, "period": int, "fy": float, "fp": str},
              "num": {"adsh": str, "tag": str, "version": str, "ddate": int, "qtrs": int, "uom": str, "segments": str,
                      "value": float},
              "pre": {"adsh": str, "report": int, "line": int, "stmt": str, "inpth": int, "negating": int},
              "tag": {"tag": str, "version": str, "custom": int, "abstract": int}}[table]
    return pd.read_csv(folder / f"{table}.txt", sep="\t", header=0, dtype=dtypes)


def _amounts(instance):
    """(tag, ddate, qtrs, segments, value) of an instance's amounts, read by lxml."""
    root, contexts = read_instance(instance)
    periods = {}
    for cid, (start, end, instant, members) in contexts.items():
        qtrs = 0 if instant else round(((pd.Timestamp(end) - pd.Timestamp(start)).days + 1) / 91.3)
        segments = "".join(f"{axis.split(':')[1].removeprefix('Statement').removesuffix('Axis')}="
                           f"{member.split(':')[1].removesuffix('Member')};" for axis, member in members)
        periods[cid] = (end, qtrs, segments)
    out = set()
    for el in root:
        if isinstance(el.tag, str) and el.get("unitRef") and "/dei/" not in el.tag:
            end, qtrs, segments = periods[el.get("contextRef")]
            ddate = int(month_end(pd.Timestamp(end).date()).strftime("%Y%m%d"))
            out.add((el.tag.split("}")[1], ddate, qtrs, segments, Decimal(el.text)))
    return out


def test_pandas_reads_them_with_the_data_sets_types_and_num_holds_the_instances_amounts(fsds):
    sub, num, pre, tag = (_read(fsds / "dir", t) for t in COLUMNS)
    assert len(sub) == 4 and sub.adsh.is_unique
    apple = sub[sub.instance == "apple-computer_10-Q_1998-06-26.xml"].iloc[0]
    assert (apple.adsh, apple.cik, apple.form, apple.period, apple.fp, apple.fye) == (
        "0000320193-98-000008", 320193, "10-Q", 19980630, "Q3", "0930")
    for name in WITH_HEADERS + ["002_827b01e1209febb2"]:
        adsh = sub[sub.instance == f"{name}.xml"].adsh.iloc[0]
        rows = num[num.adsh == adsh].fillna({"segments": ""})
        ours = {(r.tag, r.ddate, r.qtrs, r.segments, Decimal(str(r.value))) for r in rows.itertuples()}
        assert len(rows) == len(ours) and ours == _amounts(fsds / "out" / name / f"{name}.xml"), name
    # every line of pre and every amount of num has its tag; a standard tag once
    assert set(zip(pre.tag, pre.version)) | set(zip(num.tag, num.version)) <= set(zip(tag.tag, tag.version))
    assert not tag.duplicated(["tag", "version"]).any()
    assert set(pre.stmt) <= {"BS", "IS", "CF", "EQ", "CI"} and (pre.line > 0).all()
    assert set(num.uom) <= {"USD", "shares", "pure"}
    assert not num.duplicated(["adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg"]).any()  # the SEC's key


def test_secfsdstools_joins_them_into_statements(fsds, tmp_path):
    pytest.importorskip("secfsdstools")
    from secfsdstools.a_utils.constants import NUM_DTYPE, PRE_DTYPE, SUB_DTYPE
    from secfsdstools.a_utils.fileutils import read_df_from_file_in_zip
    from secfsdstools.d_container.databagmodel import RawDataBag

    archive = tmp_path / "2025q4.zip"  # as the SEC publishes them: one zip of the four tables
    with zipfile.ZipFile(archive, "w") as z:
        for table in COLUMNS:
            z.write(fsds / "dir" / f"{table}.txt", f"{table}.txt")
    sub = read_df_from_file_in_zip(str(archive), "sub.txt", dtype=SUB_DTYPE)
    sub = sub[sub.cik > 0]  # (the seed has no EDGAR header: no CIK, no filing date)
    bag = RawDataBag.create(sub_df=sub, pre_df=read_df_from_file_in_zip(str(archive), "pre.txt", dtype=PRE_DTYPE),
                            num_df=read_df_from_file_in_zip(str(archive), "num.txt", dtype=NUM_DTYPE)).join()
    joined = bag.get_pre_num_copy()
    assets = joined[(joined.tag == "Assets") & (joined.stmt == "BS") & (joined.adsh == "0000320193-98-000008")
                    & (joined.ddate == 19980630) & joined.segments.isna()]
    assert assets.value.astype(float).tolist() == [4041000000.0]  # "Total assets $ 4,041" (millions)


def test_a_resumed_or_forced_run_adds_no_filing_twice(fsds):
    before = {t: (fsds / "dir" / f"{t}.txt").read_text() for t in COLUMNS}
    sources = [str(CORPUS / f"{n}.txt") for n in WITH_HEADERS] + [str(SEEDS / "002_827b01e1209febb2.txt")]
    assert main(["convert", *sources, "--out", str(fsds / "out"), "--fsds", str(fsds / "dir"), "-q"]) == 0
    assert {t: (fsds / "dir" / f"{t}.txt").read_text() for t in COLUMNS} == before
    assert main(["convert", sources[0], "--out", str(fsds / "out"), "--fsds", str(fsds / "dir"), "-q", "--force"]) == 0
    after = {t: (fsds / "dir" / f"{t}.txt").read_text() for t in COLUMNS}
    for t in ("sub", "num", "pre"):
        assert sorted(after[t].splitlines()) == sorted(before[t].splitlines()), t
