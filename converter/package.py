"""The bundled taxonomy subset as an XBRL taxonomy package (a zip that XBRL tools load offline).

Arelle and other processors read an output folder offline when given this package
(`arelle --packages txt2xbrl-taxonomy.zip`): its catalog maps the official US-GAAP and DEI
schema locations to the bundled subset schemas.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from converter import __version__
from converter.resources import taxonomy_dir

ROOT = "txt2xbrl-taxonomy"
REWRITES = {"https://xbrl.fasb.org/": "../xbrl.fasb.org/", "https://xbrl.sec.gov/": "../xbrl.sec.gov/"}

_TAXONOMY_PACKAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>urn:txt2xbrl:us-gaap-dei-2024-subset:{__version__}</tp:identifier>
  <tp:name>US-GAAP 2024 and DEI 2024 subset bundled with txt2xbrl</tp:name>
  <tp:description>The concepts txt2xbrl maps to, declared as in the published taxonomies.</tp:description>
  <tp:version>{__version__}</tp:version>
  <tp:entryPoints>
    <tp:entryPoint>
      <tp:name>US-GAAP 2024 (subset)</tp:name>
      <tp:entryPointDocument href="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>
    </tp:entryPoint>
    <tp:entryPoint>
      <tp:name>DEI 2024 (subset)</tp:name>
      <tp:entryPointDocument href="https://xbrl.sec.gov/dei/2024/dei-2024.xsd"/>
    </tp:entryPoint>
  </tp:entryPoints>
</tp:taxonomyPackage>
"""


def _catalog() -> str:
    rules = "".join(f'  <rewriteURI uriStartString="{k}" rewritePrefix="{v}"/>\n' for k, v in REWRITES.items())
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n' + rules + "</catalog>\n")


def write_package(target: Path) -> Path:
    cache = taxonomy_dir() / "cache"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{ROOT}/META-INF/taxonomyPackage.xml", _TAXONOMY_PACKAGE)
        zf.writestr(f"{ROOT}/META-INF/catalog.xml", _catalog())
        for host in ("xbrl.fasb.org", "xbrl.sec.gov"):
            for f in sorted((cache / host).rglob("*.xsd")):
                zf.write(f, f"{ROOT}/{f.relative_to(cache).as_posix()}")
    return target
