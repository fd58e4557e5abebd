"""The read stage: envelopes, headers, encodings, refusals."""
import datetime as dt

import pytest

from converter.errors import InputError
from converter.reading.envelope import clean_line
from converter.reading.reader import read_filing

SEC = """-----BEGIN PRIVACY-ENHANCED MESSAGE-----
Proc-Type: 2001,MIC-CLEAR

<SEC-DOCUMENT>0000950123-99-000001.txt : 19990815
<SEC-HEADER>0000950123-99-000001.hdr.sgml : 19990815
ACCESSION NUMBER:\t\t0000950123-99-000001
CONFORMED SUBMISSION TYPE:\t10-Q
CONFORMED PERIOD OF REPORT:\t19990630
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000012345
\t\tSTATE OF INCORPORATION:\t\t\tDE
\t\tFISCAL YEAR END:\t\t\t1231
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tSECOND FILER INC
\t\tCENTRAL INDEX KEY:\t\t\t0000099999
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-Q
<SEQUENCE>1
<TEXT>
<TABLE>
<CAPTION>
<S>                                   <C>
Net sales\t\t\t\t\t1,234
</TABLE>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-27
<TEXT>
<ARTICLE> 5
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99
<TEXT>
<HTML><BODY><P>hello</P><P>x</P><P>y</P><DIV>z</DIV><TD>1</TD><TD>2</TD></BODY></HTML>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
-----END PRIVACY-ENHANCED MESSAGE-----
"""

NC = """<SUBMISSION>
<ACCESSION-NUMBER>0000732715-99-000042
<TYPE>10-Q
<PERIOD>19990630
<FILER>
<COMPANY-DATA>
<CONFORMED-NAME>INDIANA TEST CO
<CIK>0000050178
<FISCAL-YEAR-END>1231
</COMPANY-DATA>
</FILER>
<DOCUMENT>
<TYPE>10-Q
<TEXT>
Some text
"""


def test_sec_header_and_documents(tmp_path):
    p = tmp_path / "f.txt"
    p.write_text(SEC)
    f = read_filing(p)
    h = f.header
    assert (h.cik, h.form_type, h.period, h.company) == ("0000012345", "10-Q", dt.date(1999, 6, 30), "EXAMPLE CORP")
    assert h.state_of_incorporation == "DE" and h.fiscal_year_end == "1231"
    assert [d.type for d in f.documents][0] == "10-Q"
    reasons = sorted(s.reason for s in f.skipped)
    assert any("data schedule" in r for r in reasons)
    # table markup gone, tabs expanded, line numbers kept
    doc = f.documents[0]
    row = [ln for ln in doc.lines if ln.startswith("Net sales")][0]
    assert "\t" not in row and row.endswith("1,234")
    assert doc.line_numbers[doc.lines.index(row)] == SEC.splitlines().index("Net sales\t\t\t\t\t1,234") + 1


def test_nc_submission_truncated(tmp_path):
    p = tmp_path / "f.nc"
    p.write_text(NC)
    f = read_filing(p)
    assert f.header.cik == "0000050178" and f.header.company == "INDIANA TEST CO"
    assert f.documents[0].lines[0] == "Some text"


def test_bare_text_cp1252_and_crlf(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"Caf\xe9 \x93quoted\x94\r\nsecond line\r\n")
    f = read_filing(p)
    assert f.documents[0].lines[:2] == ("Caf\xe9 \u201cquoted\u201d", "second line")
    assert f.name == "f"


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"%PDF-1.4 binary", "PDF"),
    (b"GIF89a....", "GIF"),
    (b"PK\x03\x04zipdata", "zip"),
    (b"abc\x00\x01\x02def" * 10, "binary"),
])
def test_refuses_non_text(tmp_path, data, words):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_filing(p)
    assert words in str(e.value) and "bad.txt" in str(e.value)


def test_an_html_document_is_read_as_laid_out_text(tmp_path):
    """An HTML statement (2001-2010): "$" and ")" in cells of their own join their number, the
    label stays at the left with its indent, each column's numbers right-aligned; each line
    keeps the source line of its row."""
    p = tmp_path / "h.txt"
    p.write_text("<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n<HTML><BODY>\n<P align=center><B>CONSOLIDATED BALANCE SHEETS</B></P>\n"
                 "<TABLE>\n<TR><TD></TD><TD colspan=2>2002</TD><TD colspan=2>2001</TD></TR>\n"
                 "<TR><TD>&nbsp;&nbsp;Cash</TD><TD>$</TD><TD>7,404</TD><TD>$</TD><TD>7,970</TD></TR>\n"
                 "<TR><TD>&nbsp;&nbsp;Accumulated deficit</TD><TD></TD><TD>(1,065</TD><TD>)</TD><TD>(235</TD><TD>)</TD></TR>\n"
                 "</TABLE></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n")
    doc = read_filing(p).documents[0]
    lines = dict(zip(doc.line_numbers, doc.lines))
    assert lines[5] == "CONSOLIDATED BALANCE SHEETS"
    assert lines[8].startswith("  Cash") and lines[8].split()[-2:] == ["$7,404", "$7,970"]
    assert lines[9].split()[-2:] == ["(1,065)", "(235)"]
    assert lines[8].index("$7,404") + len("$7,404") == lines[9].index("(1,065)") + len("(1,065)")  # one column
    assert lines[7].split() == ["2002", "2001"] and lines[7].rindex("2001") + 4 == len(lines[8])


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_filing(tmp_path / "nope.txt")


def test_clean_line_unescapes_sgml_dash_and_drops_markup():
    assert clean_line("- ------------") == "------------"
    assert clean_line("<PAGE>   12") == ""
    assert clean_line("<S>      <C>      <C>") == ""
    assert clean_line("a\tb") == "a       b"


def test_header_gives_the_standard_industrial_classification():
    from converter.reading.envelope import parse_header

    lines = ["<SEC-HEADER>0000950123-97-000001.hdr.sgml : 19970101", "COMPANY DATA:",
             "\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSTATE COMMERCIAL BANKS [6022]", "</SEC-HEADER>"]
    assert parse_header(lines)[0].sic == 6022
    lines[2] = "\tSTANDARD INDUSTRIAL CLASSIFICATION:\t[6211"  # cut short, as some headers are
    assert parse_header(lines)[0].sic == 6211


def test_a_joint_filing_is_the_submitters(tmp_path):
    """A parent and its subsidiaries file one 8-K together: the FILER whose CIK begins the
    accession number submitted it and is the registrant, whichever block comes first."""
    header = """<SEC-DOCUMENT>0000888888-05-000042.txt : 20050125
<SEC-HEADER>0000888888-05-000042.hdr.sgml : 20050125
ACCESSION NUMBER:		0000888888-05-000042
CONFORMED SUBMISSION TYPE:	8-K
FILED AS OF DATE:		20050125

FILER:

	COMPANY DATA:
		COMPANY CONFORMED NAME:			GROSBEAK POWER CO
		CENTRAL INDEX KEY:			0000777771
		FISCAL YEAR END:			1231

FILER:

	COMPANY DATA:
		COMPANY CONFORMED NAME:			GROSBEAK ENERGY HOLDINGS INC
		CENTRAL INDEX KEY:			0000888888
		STATE OF INCORPORATION:			DE
		FISCAL YEAR END:			1231
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<TEXT>
Grosbeak Energy Holdings reported results.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
    path = tmp_path / "joint.txt"
    path.write_text(header)
    filing = read_filing(path)
    assert filing.header.cik == "0000888888"
    assert filing.header.company == "GROSBEAK ENERGY HOLDINGS INC"
    assert filing.header.state_of_incorporation == "DE"


def test_an_html_exhibit_without_text_is_skipped_and_the_rest_stands(tmp_path):
    from converter.reading.html import html_lines

    p = tmp_path / "f.txt"
    p.write_text("<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nNet sales  1,234\n</TEXT>\n</DOCUMENT>\n"
                 "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n<HTML><BODY><TABLE><TR><TD></TD></TR></TABLE></BODY></HTML>\n"
                 "</TEXT>\n</DOCUMENT>\n")
    f = read_filing(p)
    assert [d.type for d in f.documents] == ["10-Q"]
    assert [(s.type, s.reason) for s in f.skipped] == [("EX-99", "HTML document without text")]
    with pytest.raises(InputError, match="cannot be read"):
        html_lines("")


def test_an_html_title_and_its_scale_in_one_paragraph_are_two_lines(tmp_path):
    """"BALANCE SHEETS (In millions)" run together in one paragraph reads as a typed title over its
    scale line; a sentence that ends in a scale phrase stays one line."""
    from converter.reading.html import html_lines

    got = [t for _, t in html_lines("<html><body><p>CONDENSED BALANCE SHEETS (In millions, except share amounts)</p>"
                                     "<p>Revenue by region was as follows (in millions)</p></body></html>")]
    assert got == ["CONDENSED BALANCE SHEETS", "(In millions, except share amounts)",
                   "Revenue by region was as follows (in millions)"]
