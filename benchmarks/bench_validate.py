"""txt2xbrl validate against Arelle's in-process validation, on the same instances.

Last, the filers' own instances of ../shared (read without their taxonomies by both, offline):
the errors each reports, code by code, and the time of each.

Instances: the converted seeds and corpus (converted here into a temporary folder) and a
generated instance of 10,000 facts. Arelle runs in this process through its Session API,
offline, with Calculations 1.1 (c11r) and our taxonomy package, as our tests run it; each
validator sees each instance once per round after a warm-up on the first, for ROUNDS rounds
(garbage collected before each timing, so neither pays for the other's garbage): first each
validator's rounds one after another, as a batch is validated, then the two alternating, where
each round starts with the caches and memory the other left. Prints the median time of each and
the ratios. Run: python benchmarks/bench_validate.py [ROUNDS]
"""
from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.package import write_package  # noqa: E402
from converter.pipeline import convert_to_folder  # noqa: E402
from converter.validator.run import validate_file  # noqa: E402

SHARED = ROOT.parent / "shared"


def generated(folder: Path, n: int = 10_000) -> Path:
    """An instance of n monetary facts in n/50 contexts, all of one extension schema."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"Item{i}" for i in range(200)]
    (folder / "gen.xsd").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" targetNamespace="http://example.com/gen" '
        'elementFormDefault="qualified">\n'
        '  <xs:import namespace="http://www.xbrl.org/2003/instance" '
        'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n'
        + "".join(f'  <xs:element name="{n_}" id="gen_{n_}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" '
                  f'nillable="true" xbrli:periodType="instant" xbrli:balance="debit"/>\n' for n_ in names)
        + "</xs:schema>\n")
    contexts = n // len(names)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
             'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
             'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:gen="http://example.com/gen">\n'
             '  <link:schemaRef xlink:type="simple" xlink:href="gen.xsd"/>\n']
    for c in range(contexts):
        parts.append(f'  <xbrli:context id="c{c}"><xbrli:entity><xbrli:identifier scheme="http://example.com">e'
                     f'</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>{2000 + c // 12}-'
                     f'{c % 12 + 1:02d}-01</xbrli:instant></xbrli:period></xbrli:context>\n')
    parts.append('  <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n')
    for c in range(contexts):
        for i, n_ in enumerate(names):
            parts.append(f'  <gen:{n_} contextRef="c{c}" unitRef="USD" decimals="0">{1000 + i * 7 + c}</gen:{n_}>\n')
    parts.append("</xbrli:xbrl>\n")
    path = folder / "gen.xml"
    path.write_text("".join(parts))
    return path


def arelle_validator(package: Path, log: Path):
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    def run(path: Path) -> None:
        options = RuntimeOptions(entrypointFile=str(path), validate=True, calcs="c11r", internetConnectivity="offline",
                                 packages=[str(package)], keepOpen=False, logFile=str(log))
        with Session() as session:
            session.run(options)
    return run


def real_instances(tmp: Path, package: Path) -> None:
    """The filers' own instances (../shared/corpus-html group A, ../shared/xbrl-real), read without
    their taxonomies by both: the errors each reports, code by code, and the time of each."""
    import collections

    sys.path.insert(0, str(ROOT / "tests"))
    from arelle_util import run_arelle
    from filer_xbrl import group_a_instances

    arelle = arelle_validator(package, tmp / "real.json")
    print("filers' own instances, without their taxonomies (errors by code, Arelle's from its command "
          "line's JSON log; time in this process):")
    for path in group_a_instances(SHARED, tmp / "real"):
        t0 = time.perf_counter()
        mine = collections.Counter(f.code for f in validate_file(path).findings if f.severity == "error")
        t1 = time.perf_counter()
        arelle(path)
        t2 = time.perf_counter()
        theirs = collections.Counter(e["code"] for e in run_arelle(path, tmp, require_load=False)
                                     if e["level"].lower() == "error")
        print(f"  {path.parent.name[:40]:40} txt2xbrl {dict(mine)} {1000 * (t1 - t0):.0f} ms | "
              f"Arelle {dict(theirs)} {1000 * (t2 - t1):.0f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "corpus").glob("*.nc"))
        for src in sources:
            convert_to_folder(src, out)
        instances = sorted(p for d in out.iterdir() if d.is_dir() for p in [d / f"{d.name}.xml"] if p.exists())
        big = generated(Path(tmp) / "gen")
        package = Path(tmp) / "txt2xbrl-taxonomy.zip"
        write_package(package)
        arelle = arelle_validator(package, Path(tmp) / "arelle.json")
        ours = validate_file
        rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
        total_ours = total_arelle = 0.0
        for label, files in ((f"{len(instances)} converted seed and corpus instances", instances),
                             ("generated instance of 10,000 facts", [big])):
            ours(files[0])
            arelle(files[0])  # warm-up: imports, taxonomy caches
            facts = sum(ours(f).facts for f in files)
            # each validator's rounds one after another (as a batch of files is validated), then
            # alternating with the other's (each then starts with caches the other has filled)
            t_ours = [_timed(ours, files) for _ in range(rounds)]
            t_arelle = [_timed(arelle, files) for _ in range(rounds)]
            mine, theirs = statistics.median(t_ours), statistics.median(t_arelle)
            alternating = [(_timed(ours, files), _timed(arelle, files)) for _ in range(rounds)]
            mine_alt, theirs_alt = (statistics.median(t) for t in zip(*alternating))
            print(f"{label} ({facts:,} facts): txt2xbrl {1000 * mine:.0f} ms, Arelle {1000 * theirs:.0f} ms, "
                  f"txt2xbrl is {theirs / mine:.1f} times faster (median of {rounds} rounds each); alternating: "
                  f"{1000 * mine_alt:.0f} ms against {1000 * theirs_alt:.0f} ms, {theirs_alt / mine_alt:.1f} times")
            total_ours += mine
            total_arelle += theirs
        print(f"all: txt2xbrl {1000 * total_ours:.0f} ms, Arelle {1000 * total_arelle:.0f} ms, "
              f"{total_arelle / total_ours:.1f} times faster")
        if (SHARED / "xbrl-real").is_dir():
            real_instances(Path(tmp), package)


def _timed(validator, files: list[Path]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    for f in files:
        validator(f)
    t1 = time.perf_counter()
    return t1 - t0


if __name__ == "__main__":
    main()
