"""Each transformation format validate implements reads text as Arelle (the reference processor)
reads it: the same value, or the same refusal, on the same inputs, in each registry that defines
the format. The inputs are the forms SEC filers' pages print (and forms that must be refused)."""
import tomllib
from decimal import Decimal

import pytest

from converter.resources import taxonomy_dir
from converter.validator.ixt import KINDS, transform

_TABLE = tomllib.loads((taxonomy_dir() / "ixt.toml").read_text(encoding="utf-8"))
IMPLEMENTED = _TABLE["implemented"]

NUMBERS = ["1,234", "1,234.50", " 1 234 ", "1\xa0234.5", "12,34", "1,2,3", "0", "0.00", "007", ".5", "5.", "",
           "1.234,5", "1.234", "12.345.678,90", "1,00,000.25", "10,00,000", "1 , 234", "-5", "1e3", "12a",
           "5 dollars 25 cents", "1,234 dollars and 5 cents", "0 yen 7", "12.50 USD 3", "\n 42 \n"]
DATES = ["12/31/2020", "12/31/20", "1/2/3", "31.12.2020", "2020-02-29", "2021-02-29", "13/31/2020", "12-31-2020",
         "2020/12/31", "20/12/31", "12/31", "31/12", "2/30", "02/29", "12/2020", "2020/12", "13/2020", "12 2020",
         "December 31, 2020", "Dec. 31, 2020", "DECEMBER 31, 2020", "december 31, 2020", "Sept 30, 2021",
         "31 December 2020", "31 Dec 20", "December 31", "Dec 31st", "31 December", "December 2020", "Dec 2020",
         "2020 December", "Smarch 3, 2020", "February 30, 2020", " March  1 ,  2021 ", "March", "2020",
         "31 Dec. 2020", "Dec 31 2020", "12.2020", "2020-12", "Q4 2020", "June 30, 2021\n", "0/0/0", "00/12/2020",
         "12/00/2020", "9/30/99", "2020-1-5", "Jan 1st", "1 jan 2020", "JUNE 2021", "Junee 2021", "12 / 31 / 2020"]
OTHER = ["-", "\u2014", " \u2013 ", "--", "", "x", "\u2612", "\u2610", "\u2611", "yes", "0"]


def _registries() -> dict[str, str]:
    """Each implemented format name -> a registry namespace Arelle implements it in."""
    from arelle import FunctionIxt

    out = {}
    for registry in _TABLE["registry"].values():
        for name in registry["formats"]:
            if name in IMPLEMENTED and name in FunctionIxt.ixtNamespaceFunctions.get(registry["namespace"], {}):
                out.setdefault(name, []).append(registry["namespace"])
    return out


def _arelle(namespace: str, name: str, text: str) -> str | None:
    from arelle import FunctionIxt
    from arelle.XmlUtil import collapseWhitespace

    try:  # (Arelle collapses a fact's white space before its format reads it)
        return FunctionIxt.ixtNamespaceFunctions[namespace][name](collapseWhitespace(text))
    except Exception:  # noqa: BLE001 - Arelle's refusal (FunctionArgType, or a fault of its own on odd input)
        return None


def _same(ours: str | None, theirs: str | None) -> bool:
    if ours is None or theirs is None:
        return ours is theirs
    try:
        return Decimal(ours) == Decimal(theirs)  # (registry 3 gives 1234.50, registry 4 1234.5: one number)
    except ArithmeticError:
        return ours == theirs


def test_every_implemented_format_names_a_kind_of_reading():
    assert set(IMPLEMENTED.values()) <= set(KINDS)


# ixt-sec's formats: Arelle implements them in the SEC's own plugin (not in arelle-release); they
# are held to their definitions in test_the_sec_formats_read_what_they_define
SEC_ONLY = {"boolballotbox", "numwordsen", "stateprovnameen", "entityfilercategoryen"}


def test_every_other_implemented_format_is_one_arelle_implements():
    assert set(IMPLEMENTED) - set(_registries()) == SEC_ONLY


@pytest.mark.parametrize("name", sorted(set(IMPLEMENTED) - SEC_ONLY))
def test_each_format_reads_as_arelle_reads_it(name):
    namespaces = _registries()[name]
    kind = IMPLEMENTED[name]
    inputs = NUMBERS if kind.startswith("num") else DATES if kind.startswith("date") else OTHER + NUMBERS
    for namespace in namespaces:
        differ = [(text, transform(kind, text), _arelle(namespace, name, text)) for text in inputs
                  if not _same(transform(kind, text), _arelle(namespace, name, text))]
        assert differ == [], (name, namespace)


def test_the_forms_filers_print_are_read():
    assert transform("num-dot", "1,234.50") == "1234.5"
    assert transform("num-dot-3", "12,34") is None and transform("num-dot", "12,34") == "1234"
    assert transform("date-monthname-d-y", "Dec. 31, 2020") == "2020-12-31"
    assert transform("date-monthname-d", "December 31") == "--12-31"
    assert transform("date-md", "2/30") is None
    assert transform("num-unit", "5 dollars 25 cents") == "5.25"
    assert transform("ballot", "\u2612") == "true" and transform("ballot", "x") is None


@pytest.mark.parametrize("kind,text,value", [
    ("ballot", "\u2612", "true"), ("ballot", "\u2610", "false"), ("ballot", "x", None),
    ("num-words-en", "None", "0"), ("num-words-en", "twenty-one", "21"), ("num-words-en", "eleven hundred", "1100"),
    ("num-words-en", "three million, four hundred and two", "3000402"), ("num-words-en", "one two", None),
    ("num-words-en", "one thousand thousand", None), ("num-words-en", "hundred", None),
    ("num-words-en", "one and one-half", None),
    ("state-name-en", "New  York", "NY"), ("state-name-en", "district of columbia", "DC"), ("state-name-en", "Ontario", None),
    ("filer-category-en", "Large accelerated filer", "Large Accelerated Filer"),
    ("filer-category-en", "Non Accelerated Filer", "Non-accelerated Filer"), ("filer-category-en", "Smaller", None),
])
def test_the_sec_formats_read_what_they_define(kind, text, value):
    assert transform(kind, text) == value
