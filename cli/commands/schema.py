"""`clusterrank schema`: write the JSON Schemas of the user-written file kinds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import output_error, write_file
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``schema`` subcommand (``-o FOLDER``) to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "schema",
        help=summary("schema"),
        description=_(
            "Write one JSON Schema per file kind, so editors can autocomplete "
            "and check the YAML (e.g. with the YAML language server's `# yaml-language-server: "
            "$schema=...` comment)."
        ),
    )
    p.add_argument("-o", "--output-dir", default="schemas", help=_("folder to write into"))
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank schema``: write ``KIND.schema.json`` for each file kind into the folder.

    Returns the exit status, 0.

    Raises
    ------
    ClusterRankError
        The output path is a file, or the folder cannot be made or written.
    """
    from clusterrank.criteria.schema import json_schemas

    out = Path(args.output_dir)
    if out.exists() and not out.is_dir():
        msg = _(
            "cannot write output {path}: it is a file, and schema writes one file per kind "
            "into a folder; give a folder name with -o"
        ).format(path=out)
        raise ClusterRankError(msg)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(out, exc) from exc
    for kind, schema in json_schemas().items():
        path = out / f"{kind}.schema.json"
        write_file(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        print(_("written: {file}").format(file=path))
    return 0
