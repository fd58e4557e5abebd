"""Command line: `txt2xbrl convert FILE_OR_FOLDER... --out OUT`."""
from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
import re
import sys
from pathlib import Path

from converter import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _formats(text: str) -> tuple[str, ...]:
    """--formats xml,json,csv (argparse's type: a format that is not one is a usage error)."""
    from converter.pipeline import formats_of
    try:
        return formats_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files as given; folders contribute their *.txt, *.nc, *.htm and *.html files, sorted."""
    files: list[Path] = []
    missing: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file()
                           and f.suffix.lower() in (".txt", ".nc", ".htm", ".html"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(p)
    return files, missing


def _indexed(args: argparse.Namespace, formats: tuple[str, ...], out):
    """--index: the local files of the filings it lists (fetched where --base is a URL), and a
    Result for each one already converted (not fetched again) or not to be had; or an exit code."""
    import datetime as dt
    import os

    from converter.edgar_index import CACHE, USER_AGENT_ENV, Fetcher, choose, done_already, read_index, source_of
    from converter.output_store import FolderStore
    from converter.errors import ConversionError
    from converter.pipeline import Result, stamp_options

    if not args.base:
        print("txt2xbrl: --index needs --base (a mirror folder or https://www.sec.gov/Archives)", file=sys.stderr)
        return EXIT_USAGE
    try:
        start = dt.date.fromisoformat(args.date_from) if args.date_from else None
        end = dt.date.fromisoformat(args.date_to) if args.date_to else None
        entries = read_index(Path(args.index))
    except ValueError as exc:
        print(f"txt2xbrl: --from and --to are dates YYYY-MM-DD ({exc})", file=sys.stderr)
        return EXIT_USAGE
    except ConversionError as exc:
        print(f"txt2xbrl: {exc}", file=sys.stderr)
        return exc.exit_code
    forms = {f.strip().upper() for f in args.forms.split(",") if f.strip()} if args.forms else None
    chosen = choose(entries, forms, start, end)
    agent = args.user_agent or os.environ.get(USER_AGENT_ENV, "")
    if re.match(r"^https?://", args.base) and not agent.strip():
        print(f"txt2xbrl: fetching from {args.base} needs a User-Agent that names you, as the SEC requires: "
              f"--user-agent 'Name email' or {USER_AGENT_ENV}", file=sys.stderr)
        return EXIT_USAGE
    fetcher = Fetcher(agent) if agent else None
    if args.fetch_cache:
        cache = Path(args.fetch_cache)
    elif isinstance(out, FolderStore):
        cache = out.root / CACHE
    elif re.match(r"^https?://", args.base):
        print("txt2xbrl: where --out is a URL, fetched filings need a folder the workers read: --fetch-cache DIR",
              file=sys.stderr)
        return EXIT_USAGE
    else:
        cache = Path()  # (a mirror: nothing is fetched)
    stamp = stamp_options(args.cik, not args.no_narrative, args.zeros, formats)
    files, results = [], []
    for e in chosen:
        if not args.force and done_already(out, e.accession, stamp):
            results.append(Result(e.path, e.accession, ok=True, skipped=True, output=out.location(e.accession)))
            continue
        try:
            files.append(source_of(e, args.base, cache, fetcher))
        except ConversionError as exc:
            results.append(Result(e.path, e.accession, ok=False, error=str(exc), exit_code=exc.exit_code))
    print(f"index: {len(entries)} filings listed, {len(chosen)} chosen, {len(results)} already converted or "
          f"not to be had{f', {fetcher.requests} requests' if fetcher else ''}", file=sys.stderr)
    return files, results


def _output_store(out: str):
    """OUT as a store (converter/output_store.py); a URL is opened and written once here, so that
    a missing package, missing credentials or a missing bucket are one clear error; or an exit code."""
    from converter.errors import OutputError
    from converter.output_store import UrlStore, store_of

    store = store_of(out)
    if isinstance(store, UrlStore):
        try:
            store.prepare()
        except ImportError as exc:
            print(f"txt2xbrl: --out {out}: {exc} (fsspec and the package of that file system: "
                  f"pip install fsspec s3fs, for s3://)", file=sys.stderr)
            return EXIT_USAGE
        except ValueError as exc:  # a protocol fsspec does not know
            print(f"txt2xbrl: --out {out}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except Exception as exc:  # noqa: BLE001 - the file system's own error (credentials, bucket, network)
            print(f"txt2xbrl: cannot write the output {out}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return OutputError.exit_code
    return store


def _close(client) -> None:
    """The Dask client, and the LocalCluster it started (a scheduler's own cluster stays up)."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: conversions are forked, and forking a threaded process is unsafe
    return tqdm(items, unit="filing", file=sys.stderr, leave=False, dynamic_ncols=True)


def cmd_convert(args: argparse.Namespace) -> int:
    from converter.batch import Options, convert_all
    from converter.errors import INTERRUPTED
    from converter.pipeline import Result, output_name

    if args.cik and not re.fullmatch(r"\d{1,10}", args.cik):
        print(f"txt2xbrl: --cik must be up to 10 digits, got {args.cik!r}", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 1 or args.time_limit < 0 or args.memory_limit < 0 or args.max_size <= 0:
        print("txt2xbrl: --jobs must be at least 1; --time-limit, --memory-limit and --max-size must be positive "
              "(0 turns a limit off)", file=sys.stderr)
        return EXIT_USAGE
    if bool(args.inputs) == bool(args.index):
        print("txt2xbrl: give filings or folders, or --index with --base, not both", file=sys.stderr)
        return EXIT_USAGE
    formats = args.formats + (("table",) if args.facts_table else ()) + (("fsds",) if args.fsds else ())
    out = _output_store(args.out)
    if isinstance(out, int):
        return out
    indexed: list[Result] = []
    if args.index:
        got = _indexed(args, formats, out)
        if isinstance(got, int):
            return got
        files, indexed = got
        missing = []
    else:
        files, missing = _inputs(args.inputs)
    results: list[Result] = [Result(m, Path(m).name, ok=False, error=f"{m}: no such file or folder", exit_code=3)
                             for m in missing] + indexed
    for r in results:
        if not r.ok or not args.quiet:
            print(r.summary(), file=sys.stdout if r.ok else sys.stderr)
    if not files and not missing and not args.index:
        print("txt2xbrl: no .txt, .nc, .htm or .html filings in the given folders", file=sys.stderr)
        return EXIT_USAGE
    # two inputs named alike would write one output folder: the later ones are refused
    first: dict[str, Path] = {}
    unique = []
    for f in files:
        other = first.setdefault(output_name(f), f)
        if other is f:
            unique.append(f)
        else:
            r = Result(str(f), output_name(f), ok=False, exit_code=3,
                       error=f"{f}: its output folder {output_name(f)} is also that of {other}; rename one",
                       code="output:nameTaken")
            print(r.summary(), file=sys.stderr)
            results.append(r)
    # (each filing's rows of the run's tables are written into its folder: formats "table", "fsds")
    options = Options(cik=args.cik, narrative=not args.no_narrative, zeros=args.zeros, formats=formats,
                      max_bytes=int(args.max_size * 2**20),
                      seconds=args.time_limit, memory_mb=int(args.memory_limit), force=args.force, jobs=args.jobs)
    show_bar = len(unique) > 1 and not args.quiet and sys.stderr.isatty()
    bar = _progress(range(len(unique)), show_bar) if show_bar else None
    interrupted = False
    finished = 0
    tables = []
    if args.facts_table:
        from converter.facts_table import FactsTable
        tables.append(FactsTable(Path(args.facts_table)))
    if args.fsds:
        from converter.fsds import FsdsTables
        tables.append(FsdsTables(Path(args.fsds)))
    for table in tables:  # (an indexed filing converted before, not fetched again: its rows if missing)
        for r in indexed:
            if r.ok:
                table.add(r.name, out, replace=False)
    client = None
    if args.cluster:
        try:
            from converter.cluster import convert_on_cluster, start
            client = start(args.cluster, options)
        except ImportError:
            print("txt2xbrl: --cluster needs Dask: pip install 'txt2xbrl[cluster]'", file=sys.stderr)
            return EXIT_USAGE
        except (OSError, ValueError, TimeoutError) as exc:
            print(f"txt2xbrl: cannot reach the cluster {args.cluster}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    running = convert_on_cluster(unique, out, options, client) if client is not None else convert_all(unique, out, options)
    try:
        for result in running:
            finished += 1
            results.append(result)
            for table in tables if result.ok else ():
                table.add(result.name, out, replace=not result.skipped)
            if bar is not None:
                bar.update(1)
            _print_result(result, args, bar)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if client is not None:
            _close(client)
    if bar is not None:
        bar.close()
    failures = [r for r in results if not r.ok]
    done = sum(1 for r in results if r.ok and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    if len(files) + len(missing) + len(indexed) > 1 or interrupted:
        counts = f"{done} converted, {skipped} up to date, {len(failures)} failed"
        if interrupted:
            counts += f", {len(unique) - finished} not done: interrupted"
        print(counts, file=sys.stderr)
        checked = [r.schedule_counts for r in results if r.schedule_counts]
        if checked:
            print(f"schedules (EX-27) of {len(checked)} filings: {sum(c['agree'] for c in checked)} values agree with "
                  f"the statements, {sum(c['differs'] for c in checked)} differ, "
                  f"{sum(c['facts'] for c in checked)} facts taken from them", file=sys.stderr)
        if failures and len(results) > 1:
            print("failures:", file=sys.stderr)
            for r in failures:
                print(f"  [{r.exit_code}] {r.error}", file=sys.stderr)
    if args.json_summary:
        Path(args.json_summary).write_text(json.dumps(
            [{**r.__dict__, "finding": asdict(f) if (f := r.finding()) else None} for r in results], indent=1, default=str))
    if interrupted:
        return INTERRUPTED
    codes = {r.exit_code for r in failures}
    return EXIT_OK if not failures else codes.pop() if len(codes) == 1 else EXIT_FAILED


def _print_result(result, args: argparse.Namespace, bar) -> None:
    line = result.summary()
    if bar is not None:
        bar.write(line, file=sys.stdout if result.ok else sys.stderr)
    elif not args.quiet or not result.ok:
        print(line, file=sys.stdout if result.ok else sys.stderr)
    if result.schedule and not args.quiet:
        (bar.write if bar is not None else print)(f"     {result.schedule}")
    if args.report and result.ok and not result.skipped:
        for w in result.warnings:
            print(f"     warning: {w}")
        for u in result.unmapped:
            print(f"     unplaced: {u}")


def cmd_inspect(args: argparse.Namespace) -> int:
    from converter.errors import ConversionError
    from converter.inspect import render_text
    from converter.parsing.parser import parse_filing
    from converter.reading.reader import read_filing

    try:
        parsed = parse_filing(read_filing(args.file))
        if args.why:
            from converter.inspect import render_why
            from converter.mapping.mapper import map_filing

            text = render_why(parsed, map_filing(parsed))
        else:
            text = render_text(parsed)
    except ConversionError as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug of ours: say so in one line
        print(f"FAIL {args.file}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 70
    sys.stdout.write(text)
    return EXIT_OK


def cmd_package(args: argparse.Namespace) -> int:
    from converter.package import write_package

    path = write_package(Path(args.out))
    print(f"wrote {path}: load it with your XBRL processor to read txt2xbrl output offline")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from converter.validator.run import exit_status, format_json, format_text, jobs_for, run_job

    from converter.validator.sources import PackageError, Sources

    max_bytes = int(args.max_size * 1024 * 1024)
    try:
        sources = Sources.of(args.packages or (), args.taxonomy_dir, args.fetch, args.cache,
                             args.user_agent or os.environ.get("TXT2XBRL_USER_AGENT", ""), max_bytes)
    except PackageError as exc:
        print(f"txt2xbrl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    jobs, missing = jobs_for([Path(p) for p in args.paths], args.document_set)
    results = missing + [r for job in jobs for r in run_job(job, max_bytes, sources, args.inline_target)]
    if sources.fetched:
        print(f"fetched {len(sources.fetched)} schema(s) into {sources.cache}", file=sys.stderr)
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
                    "converted, skipped and left unplaced). Each filing runs in a process of its own, under a "
                    "time limit and a memory ceiling; outputs already complete and up to date are skipped. "
                    "Exit status: 0 all converted (or up to date); when filings failed, the status of their "
                    "failure if they all failed alike (3 not a text filing, 4 no statements, 5 invalid "
                    "output, 6 time limit, 7 memory ceiling, 8 output not writable, 70 internal error), "
                    "else 1; 2 usage error; 130 interrupted (finished outputs are complete).",
    )
    conv.add_argument("inputs", nargs="*", metavar="FILE_OR_FOLDER", help="filings (.txt, .nc) or folders of them")
    conv.add_argument("--index", metavar="FILE", help="convert the filings an EDGAR index lists (form.idx, master.idx "
                                                      "or crawler.idx), read from --base")
    conv.add_argument("--base", metavar="DIR_OR_URL", help="with --index: a local mirror of EDGAR's Archives "
                      "(DIR/edgar/data/...) or its URL (https://www.sec.gov/Archives); fetched files go to OUT/.edgar/ "
                      "or --fetch-cache")
    conv.add_argument("--fetch-cache", metavar="DIR", help="with --index and a URL: the folder fetched filings are "
                      "kept in (default OUT/.edgar/; needed where OUT is a URL, a folder every worker reads)")
    conv.add_argument("--forms", metavar="LIST", help="with --index: the form types to convert, comma-separated "
                                                      "(e.g. 10-K,10-Q,10-K405,10-QSB,8-K); default all")
    conv.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="with --index: filed on or after")
    conv.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="with --index: filed on or before")
    conv.add_argument("--user-agent", metavar="TEXT", help="with --index and a URL: the User-Agent naming you, as the "
                                                           "SEC requires ('Name email'); default $TXT2XBRL_USER_AGENT")
    conv.add_argument("--out", "-o", required=True, metavar="OUT",
                      help="output folder (created when missing), or an fsspec URL such as s3://bucket/prefix "
                           "(needs fsspec and that file system's package, e.g. s3fs)")
    conv.add_argument("--cik", metavar="CIK", help="the registrant's CIK, for filings without an SEC header")
    conv.add_argument("--report", action="store_true", help="print each filing's warnings and unplaced rows")
    conv.add_argument("--quiet", "-q", action="store_true", help="print only failures and the final count")
    conv.add_argument("--no-narrative", action="store_true",
                      help="leave out facts stated in running text (kept by default, under their own role)")
    conv.add_argument("--formats", type=_formats, default=("xml",), metavar="LIST",
                      help="what to write per filing, comma-separated: xml (NAME.xml, always), json (NAME.json, "
                           "xBRL-JSON 1.0), csv (NAME-csv/, xBRL-CSV 1.0), ixbrl (NAME.ixbrl.xhtml, the filing "
                           "as Inline XBRL 1.1, each number tagged where it is printed); default xml")
    conv.add_argument("--cluster", metavar="ADDRESS",
                      help="convert as Dask tasks, a filing each: local[:N] starts a LocalCluster of N workers, "
                           "tcp://HOST:PORT submits to a running scheduler (OUT must be a folder its workers share, or a URL); "
                           "needs pip install 'txt2xbrl[cluster]'")
    conv.add_argument("--facts-table", metavar="DIR",
                      help="also add every fact to one table of the run: DIR/facts.csv, and a Parquet dataset "
                           "DIR/parquet/year=YYYY/ where pyarrow is installed; a resumed run adds no row twice")
    conv.add_argument("--fsds", metavar="DIR",
                      help="also add the facts to the SEC's Financial Statement Data Sets layout: DIR/sub.txt, "
                           "num.txt, pre.txt, tag.txt; a resumed run adds no filing twice")
    conv.add_argument("--zeros", action="store_true",
                      help="a dash printed for an amount in a statement ('—', '-') is a fact of 0, as filers' own "
                           "XBRL tags it (by default a dash is no fact)")
    conv.add_argument("--json-summary", metavar="FILE", help="also write the per-filing results as JSON to FILE")
    conv.add_argument("--force", action="store_true", help="convert again filings whose output is up to date")
    conv.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="filings converted at once (default 1)")
    conv.add_argument("--time-limit", type=float, default=300, metavar="SECONDS",
                      help="stop a filing that takes longer (default 300; 0: no limit)")
    conv.add_argument("--memory-limit", type=float, default=2048, metavar="MB",
                      help="stop a filing whose conversion needs more memory than this (default 2048; 0: no ceiling)")
    conv.add_argument("--max-size", type=float, default=64, metavar="MB",
                      help="refuse input files larger than this (default 64)")
    conv.set_defaults(func=cmd_convert)
    insp = sub.add_parser("inspect", help="print the tables, periods and rows the parser finds in a filing",
                          description="Print what the parser sees in FILE: each table's kind, title, columns "
                                      "with their periods, and rows with their values; and skipped tables.")
    insp.add_argument("file", metavar="FILE")
    insp.add_argument("--why", action="store_true",
                      help="for each row: the concepts it became, what decided (a rule of concepts.toml, the label "
                           "map, the table's arithmetic) and every candidate")
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
                    "taken from local files, --packages, --taxonomy-dir and the bundled copies (XBRL base "
                    "schemas; US-GAAP, DEI and SRT 2024 subsets); fetched only with --fetch; DTDs are refused. "
                    "Facts whose schemas are not available are reported as not checked. Inline XBRL 1.1 documents and "
                    "document sets are read into their target instance, each finding on its document's line. "
                    "Exit status: 0 no error, 1 errors found, 2 unusable input.",
    )
    val.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER",
                     help="instances (.xml, .xbrl), Inline XBRL documents (.htm, .xhtml), folders of them, or zips "
                          "(the inline documents in a zip are one document set)")
    val.add_argument("--document-set", action="store_true",
                     help="the Inline XBRL documents named or found in folders are one document set (one target "
                          "instance), as an EDGAR submission's are; without it each is validated on its own")
    val.add_argument("--inline-target", metavar="NAME",
                     help="the target document of an inline document to read (its ix elements with target=NAME); "
                          "default: the default target")
    val.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    val.add_argument("--max-size", type=float, default=200, metavar="MB",
                     help="refuse files larger than this many megabytes (default: 200)")
    val.add_argument("--packages", nargs="+", metavar="ZIP",
                     help="XBRL Taxonomy Packages 1.0 (the zips FASB, the SEC and XBRL International publish; "
                          "txt2xbrl package makes one): their catalogs map official URLs to files in the zip")
    val.add_argument("--taxonomy-dir", metavar="DIR",
                     help="an unpacked taxonomy mirror laid out by host and path (DIR/xbrl.fasb.org/us-gaap/...)")
    val.add_argument("--fetch", action="store_true",
                     help="download schemas found nowhere else, once, into --cache (with a User-Agent; within "
                          "--max-size); without it nothing is fetched")
    val.add_argument("--cache", metavar="DIR", help="with --fetch: where downloads are kept "
                                                    "(default $XDG_CACHE_HOME/txt2xbrl/taxonomies)")
    val.add_argument("--user-agent", metavar="TEXT", help="with --fetch: the User-Agent naming you "
                                                          "(default $TXT2XBRL_USER_AGENT, else txt2xbrl/VERSION)")
    val.set_defaults(func=cmd_validate)
    cmp = sub.add_parser(
        "compare", help="hold one XBRL instance against another (a conversion against the filer's XBRL)",
        description="For each numeric fact of THEIRS in a context without dimensions: the same concept, period "
                    "and value in OURS (same); the value under another concept (concept); the concept and period "
                    "with another value (value); or missing. US-GAAP names deprecated since 2009 count as the 2024 "
                    "names that replaced them; a duration's start may differ by three days (52-53 week years). "
                    "Exit status: 0 compared, 2 an instance that cannot be read.",
    )
    cmp.add_argument("ours", metavar="OURS", help="the instance to check (a conversion's NAME.xml)")
    cmp.add_argument("theirs", metavar="THEIRS", help="the instance to check it against (the filer's own)")
    cmp.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    cmp.add_argument("--statements", action="store_true",
                     help="only THEIRS's facts of its statement roles (read from the *_pre.xml beside it; "
                          "a role is a statement where the schema beside it defines it '- Statement -')")
    cmp.set_defaults(func=cmd_compare)
    return parser


def cmd_compare(args: argparse.Namespace) -> int:
    from converter.compare import compare, compare_json

    try:
        result = compare(Path(args.ours), Path(args.theirs), args.statements)
    except ValueError as exc:
        print(f"txt2xbrl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(compare_json([result]) if args.format == "json" else result.text())
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from converter.rule_files import RuleFileError

    try:
        return args.func(args)
    except RuleFileError as exc:  # a rule file of taxonomy/ edited wrongly: no filing is to blame
        print(f"txt2xbrl: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("txt2xbrl: interrupted; finished filings are complete, the one in progress was not written",
              file=sys.stderr)
        return 130
