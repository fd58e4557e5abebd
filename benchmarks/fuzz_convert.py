"""Fuzz the converter: mutate the seed and corpus filings and convert N mutants.

Mutations (one to three per mutant): deleted lines, duplicated or reordered blocks of lines,
columns of a table block shuffled, truncation, random bytes written over or inserted. Each mutant
is converted as the command does it (a child process per filing, time limit, memory ceiling), and
each instance written is validated with `txt2xbrl validate`. Prints how many converted, how many
were refused with a clear error (by exit status), how many crashed (an internal error, or a
conversion process that died) and how many written instances are invalid; the mutants that crashed,
wrote an invalid instance or made one the converter refused to write are kept in --keep.

Run: python benchmarks/fuzz_convert.py [-n 10000] [--seed 1] [--jobs 2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.batch import Options, convert_all  # noqa: E402
from converter.validator.findings import ERROR  # noqa: E402
from converter.validator.run import validate_file  # noqa: E402

SHARED = ROOT.parent / "shared"
REFUSED = {3: "not a text filing", 4: "no statements", 5: "invalid output, not written", 6: "time limit",
           7: "memory ceiling", 8: "output not writable"}


def sources() -> list[bytes]:
    folders = [SHARED / "seeds", SHARED / "corpus", SHARED / "corpus-extra"]
    files = [p for d in folders if d.is_dir() for p in sorted(d.iterdir()) if p.suffix in (".txt", ".nc")]
    files = files or sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
    return [p.read_bytes() for p in files]


def _delete_lines(rng: random.Random, lines: list[bytes]) -> list[bytes]:
    for _ in range(rng.randint(1, 20)):
        if lines:
            del lines[rng.randrange(len(lines))]
    return lines


def _duplicate_block(rng, lines):
    if len(lines) < 2:
        return lines
    a = rng.randrange(len(lines))
    b = min(len(lines), a + rng.randint(1, 80))
    at = rng.randrange(len(lines))
    return lines[:at] + lines[a:b] + lines[at:]


def _reorder_block(rng, lines):
    if len(lines) < 2:
        return lines
    a = rng.randrange(len(lines))
    block = lines[a:a + rng.randint(2, 40)]
    rng.shuffle(block)
    return lines[:a] + block + lines[a + len(block):]


def _shuffle_columns(rng, lines):
    """In a run of lines with numbers, move the text between two column positions elsewhere."""
    numeric = [i for i, ln in enumerate(lines) if sum(ch in b"0123456789" for ch in ln) >= 3]
    if not numeric:
        return lines
    a = rng.choice(numeric)
    width = max(len(ln) for ln in lines[a:a + 30]) or 1
    cut1, cut2 = sorted(rng.sample(range(width + 1), 2)) if width > 1 else (0, 1)
    for i in range(a, min(len(lines), a + rng.randint(1, 30))):
        ln = lines[i]
        piece = ln[cut1:cut2]
        rest = ln[:cut1] + ln[cut2:]
        at = rng.randint(0, len(rest))
        lines[i] = rest[:at] + piece + rest[at:]
    return lines


def _truncate(rng, data: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def _random_bytes(rng, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 50)):
        pos = rng.randrange(len(out) + 1)
        chunk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        if rng.random() < 0.5:
            out[pos:pos + len(chunk)] = chunk
        else:
            out[pos:pos] = chunk
    return bytes(out)


LINE_MUTATIONS = [_delete_lines, _duplicate_block, _reorder_block, _shuffle_columns]


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(6)
        if kind < 4:
            lines = data.split(b"\n")
            f = LINE_MUTATIONS[kind]
            data = b"\n".join(f(rng, lines))
            done.append(f.__name__.strip("_"))
        elif kind == 4:
            data = _truncate(rng, data)
            done.append("truncate")
        else:
            data = _random_bytes(rng, data)
            done.append("random_bytes")
    return data, done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000, help="mutants to convert (default 10,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="where crashing mutants are kept")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    originals = sources()
    tally: Counter = Counter()
    invalid = crashed = 0
    t0 = time.perf_counter()
    options = Options(seconds=args.time_limit, memory_mb=2048, force=True, jobs=args.jobs)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        done = 0
        while done < args.n:
            batch_dir, out = work / "in", work / "out"
            shutil.rmtree(batch_dir, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            batch_dir.mkdir()
            how: dict[str, list[str]] = {}
            files = []
            for k in range(done, min(args.n, done + 200)):
                data, mutations = mutate(rng, rng.choice(originals))
                path = batch_dir / f"mutant{k:05d}.txt"
                path.write_bytes(data)
                how[path.name] = mutations
                files.append(path)
            for result in convert_all(files, out, options):
                if result.ok:
                    tally["converted"] += 1
                    findings = validate_file(Path(result.output) / f"{result.name}.xml").findings
                    if any(f.severity == ERROR for f in findings):
                        invalid += 1
                        _keep(args.keep, Path(result.path), "invalid", [f.text() for f in findings][:5])
                elif result.exit_code in REFUSED:
                    tally[REFUSED[result.exit_code]] += 1
                    if result.exit_code == 5:  # refused to write what it made: a converter weakness to look at
                        _keep(args.keep, Path(result.path), "refused-invalid", [result.error])
                else:
                    crashed += 1
                    _keep(args.keep, Path(result.path), "crash", [result.error])
            done += len(files)
            print(f"  {done:,} mutants, {time.perf_counter() - t0:.0f} s: {tally['converted']:,} converted, "
                  f"{sum(v for k, v in tally.items() if k != 'converted'):,} refused, {crashed} crashed, "
                  f"{invalid} invalid", file=sys.stderr)
    refused = sum(v for k, v in tally.items() if k != "converted")
    print(f"{args.n:,} mutants of {len(originals)} filings (seed {args.seed}) in {time.perf_counter() - t0:.0f} s:")
    print(f"  converted  {tally['converted']:,} (invalid instances written: {invalid})")
    print(f"  refused    {refused:,} with a clear error: " + ", ".join(
        f"{k} {v:,}" for k, v in sorted(tally.items()) if k != "converted"))
    print(f"  crashed    {crashed}")
    return 1 if crashed or invalid else 0


def _keep(folder: Path, mutant: Path, why: str, details: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(mutant, folder / mutant.name)
    (folder / f"{mutant.stem}.{why}.txt").write_text("\n".join(details) + "\n")


if __name__ == "__main__":
    sys.exit(main())
