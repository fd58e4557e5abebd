#!/usr/bin/env python3
"""Write docs/report.schema.json: the JSON Schema of NAME.report.json, from converter/report.py.

    python tools/gen_report_schema.py

Run after changing the report's models; tests/test_api.py holds the committed file to them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.report import Report  # noqa: E402

SCHEMA = ROOT / "docs" / "report.schema.json"


def schema_text() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://txt2xbrl.invalid/report.schema.json", **Report.model_json_schema()}
    return json.dumps(schema, indent=1) + "\n"


if __name__ == "__main__":
    SCHEMA.parent.mkdir(exist_ok=True)
    SCHEMA.write_text(schema_text())
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
