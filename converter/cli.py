"""Command line: `txt2xbrl convert FILE_OR_FOLDER... --out OUT`."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from converter import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files as given; folders contribute their *.txt (and *.nc) files, sorted."""
    files: list[Path] = []
    missing: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".nc"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(p)
    return files, missing


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit="filing", file=sys.stderr, leave=False, dynamic_ncols=True)


def cmd_convert(args: argparse.Namespace) -> int:
    from converter.pipeline import convert_to_folder

    if args.cik and not re.fullmatch(r"\d{1,10}", args.cik):
        print(f"txt2xbrl: --cik must be up to 10 digits, got {args.cik!r}", file=sys.stderr)
        return EXIT_USAGE
    files, missing = _inputs(args.inputs)
    for m in missing:
        print(f"FAIL {m}: no such file or folder", file=sys.stderr)
    if not files and not missing:
        print("txt2xbrl: no .txt or .nc filings in the given folders", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.out)
    show_bar = len(files) > 1 and not args.quiet and sys.stderr.isatty()
    failed = len(missing)
    results = []
    for f in _progress(files, show_bar):
        result = convert_to_folder(f, out, args.cik, narrative=not args.no_narrative)
        results.append(result)
        if not result.ok:
            failed += 1
        line = result.summary()
        if show_bar:
            from tqdm import tqdm

            tqdm.write(line, file=sys.stdout if result.ok else sys.stderr)
        elif not args.quiet or not result.ok:
            print(line, file=sys.stdout if result.ok else sys.stderr)
        if args.report and result.ok:
            for w in result.warnings:
                print(f"     warning: {w}")
            for u in result.unmapped:
                print(f"     unplaced: {u}")
    if len(files) + len(missing) > 1:
        print(f"{len(files) + len(missing) - failed} converted, {failed} failed", file=sys.stderr)
    if args.json_summary:
        Path(args.json_summary).write_text(json.dumps([r.__dict__ for r in results], indent=1, default=str))
    return EXIT_OK if failed == 0 else EXIT_FAILED


def cmd_inspect(args: argparse.Namespace) -> int:
    from converter.errors import ConversionError
    from converter.inspect import render_text
    from converter.parsing.parser import parse_filing
    from converter.reading.reader import read_filing

    try:
        parsed = parse_filing(read_filing(args.file))
    except ConversionError as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug of ours: say so in one line
        print(f"FAIL {args.file}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 70
    sys.stdout.write(render_text(parsed))
    return EXIT_OK


def cmd_package(args: argparse.Namespace) -> int:
    from converter.package import write_package

    path = write_package(Path(args.out))
    print(f"wrote {path}: load it with your XBRL processor to read txt2xbrl output offline")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from converter.validator.run import exit_status, format_json, format_text, instances_under, validate_file

    files, missing = instances_under([Path(p) for p in args.paths])
    results = missing + [validate_file(f, int(args.max_size * 1024 * 1024)) for f in files]
    sys.stdout.write(format_json(results) if args.format == "json" else format_text(results))
    return exit_status(results)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="txt2xbrl",
        description="Convert the plain-text financial statements of pre-XBRL SEC filings (1993-2009) "
                    "into XBRL 2.1 instance documents, validated offline against bundled schemas.",
    )
    parser.add_argument("--version", action="version", version=f"txt2xbrl {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    conv = sub.add_parser(
        "convert", help="convert filings to XBRL",
        description="Convert each FILE (or each .txt/.nc file under a FOLDER) to OUT/NAME/: the instance "
                    "NAME.xml, its extension schema and label linkbase, and NAME.report.json (what was "
                    "converted, skipped and left unplaced). Exit status: 0 all converted, 1 some failed "
                    "(the others are still converted), 2 usage error.",
    )
    conv.add_argument("inputs", nargs="+", metavar="FILE_OR_FOLDER", help="filings (.txt, .nc) or folders of them")
    conv.add_argument("--out", "-o", required=True, metavar="OUT", help="output folder (created when missing)")
    conv.add_argument("--cik", metavar="CIK", help="the registrant's CIK, for filings without an SEC header")
    conv.add_argument("--report", action="store_true", help="print each filing's warnings and unplaced rows")
    conv.add_argument("--quiet", "-q", action="store_true", help="print only failures and the final count")
    conv.add_argument("--no-narrative", action="store_true",
                      help="leave out facts stated in running text (kept by default, under their own role)")
    conv.add_argument("--json-summary", metavar="FILE", help="also write the per-filing results as JSON to FILE")
    conv.set_defaults(func=cmd_convert)
    insp = sub.add_parser("inspect", help="print the tables, periods and rows the parser finds in a filing",
                          description="Print what the parser sees in FILE: each table's kind, title, columns "
                                      "with their periods, and rows with their values; and skipped tables.")
    insp.add_argument("file", metavar="FILE")
    insp.set_defaults(func=cmd_inspect)
    pkg = sub.add_parser("package", help="write the bundled taxonomy subset as a taxonomy package (zip)",
                         description="Write the bundled US-GAAP/DEI subset as an XBRL taxonomy package, for "
                                     "loading txt2xbrl output offline in other XBRL tools "
                                     "(e.g. arelle --packages FILE).")
    pkg.add_argument("--out", "-o", required=True, metavar="FILE", help="the zip file to write")
    pkg.set_defaults(func=cmd_package)
    val = sub.add_parser(
        "validate", help="validate XBRL instances offline (any producer)",
        description="Validate each instance FILE (or every instance under a FOLDER): XML Schema validity of "
                    "the instance and of the local schemas and linkbases it uses, XBRL 2.1 instance rules, "
                    "calculations (Calculations 1.1, round-to-nearest) and statement identities. Schemas are "
                    "taken from the bundled taxonomy or local files, never fetched; DTDs are refused. "
                    "Exit status: 0 no error, 1 errors found, 2 unusable input.",
    )
    val.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="instances (.xml, .xbrl) or folders of them")
    val.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    val.add_argument("--max-size", type=float, default=200, metavar="MB",
                     help="refuse files larger than this many megabytes (default: 200)")
    val.set_defaults(func=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("txt2xbrl: interrupted; finished filings are complete, the one in progress was not written",
              file=sys.stderr)
        return 130
