"""`clusterrank schema`: write the JSON Schemas of the user-written file kinds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from criteria.schema import json_schemas


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "schema",
        help="write JSON Schemas for criteria sets, scenarios and AHP files",
        description="Write one JSON Schema per file kind, so editors can autocomplete "
        "and check the YAML (e.g. with the YAML language server's `# yaml-language-server: "
        "$schema=...` comment).",
    )
    p.add_argument("-o", "--output-dir", default="schemas", help="folder to write into")
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    out = Path(args.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for kind, schema in json_schemas().items():
        path = out / f"{kind}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"written: {path}")
    return 0
