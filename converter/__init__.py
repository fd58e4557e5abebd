"""txt2xbrl: plain-text SEC filings (1993-2009) to XBRL 2.1 instance documents.

The Python API (converter/api.py):

    from converter import convert_file
    result = convert_file("filing.txt", out="xbrl")   # typed facts, the report, the files written

`convert_file`, `Conversion`, `FactRecord`, `Report` and the errors are imported on first use, so
that `import converter` stays cheap for the command line.
"""

__version__ = "0.1.0"

__all__ = ["convert_file", "Conversion", "FactRecord", "Report", "ConversionError", "InputError",
           "NoStatementsError", "ValidationFailure", "__version__"]

_LAZY = {"convert_file": "converter.api", "Conversion": "converter.api", "FactRecord": "converter.api",
         "Report": "converter.report", "ConversionError": "converter.errors", "InputError": "converter.errors",
         "NoStatementsError": "converter.errors", "ValidationFailure": "converter.errors"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")
