"""`clusterrank methods`: every ranking and weighting method available."""

from __future__ import annotations

import argparse
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import emit, format_help, frame_table, to_json
from clusterrank.i18n import _, pgettext


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``methods`` subcommand (``--format table|json``) to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "methods",
        help=summary("methods"),
        description=_("List every ranking and objective-weighting method with its settings."),
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help=format_help())
    p.set_defaults(handler=run)
    return p


def _kind(kind: str) -> str:
    """A method's kind as the table shows it."""
    words = {
        "ranking": pgettext("method kind", "ranking"),
        "weighting": pgettext("method kind", "weighting"),
        "correlation": pgettext("method kind", "correlation"),
    }
    return words.get(kind, kind)


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank methods``: list every method with its kind, settings and reference.

    Writes a table or JSON to stdout. Returns the exit status, 0.
    """
    import pandas as pd

    from clusterrank.methods.registry import available_methods

    infos = available_methods()
    if args.format == "json":
        payload = {
            "methods": [
                {
                    "name": i.name,
                    "title": i.title,
                    "kind": i.kind,
                    "implementation": i.implementation,
                    "higher_is_better": i.higher_is_better,
                    "batch": i.batch,
                    "settings": {
                        k: {"default": s.default, "choices": list(s.choices)}
                        for k, s in i.settings.items()
                    },
                    "reference": i.reference,
                }
                for i in infos
            ]
        }
        emit(to_json(payload), None)
        return 0
    rows = [
        {
            "name": i.name,
            "kind": _kind(i.kind),
            "by": i.implementation,
            "best": _("high score") if i.higher_is_better else _("low score"),
            "settings": ", ".join(f"{k}={s.default}" for k, s in i.settings.items()) or "-",
            "title": i.title,
        }
        for i in infos
    ]
    emit(frame_table(pd.DataFrame(rows)), None)
    return 0
