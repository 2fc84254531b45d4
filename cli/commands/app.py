"""`clusterrank app`: start the Streamlit front end from the installed package.

The app's entry script ships inside the package (``clusterrank/streamlit_app.py``), so this
works from any folder once clusterrank is installed, not only from a checkout. The settings of
the repository's ``.streamlit/config.toml`` (no deploy toolbar, no usage statistics, headless)
are passed on the command line, because an installed app has no such file beside it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib.resources import files
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.i18n import _

STREAMLIT_FLAGS = (
    "--server.headless",
    "true",
    "--client.toolbarMode",
    "minimal",
    "--browser.gatherUsageStats",
    "false",
)


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``app`` subcommand (``--port``, ``--address``) to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "app",
        help=summary("app"),
        description=_(
            "Serve the clusterrank app with Streamlit and print its address. "
            "It opens on the shipped Kemerovo clusters example (or $CLUSTERRANK_SCENARIO)."
        ),
    )
    p.add_argument("--port", type=int, default=8501, help=_("port to serve on (8501)"))
    p.add_argument(
        "--address",
        default="localhost",
        help=_("address to listen on (localhost; 0.0.0.0: all)"),
    )
    p.set_defaults(handler=run)
    return p


def command(args: argparse.Namespace) -> list[str]:
    """The ``streamlit run`` command line this call starts."""
    script = str(files("clusterrank") / "streamlit_app.py")
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        *STREAMLIT_FLAGS,
    ]


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank app``: serve the Streamlit app until it stops.

    Returns Streamlit's exit status; 2 for a port outside 1..65535, 0 after Ctrl+C.
    """
    if not 1 <= args.port <= 65535:
        text = _("error: --port must be between 1 and 65535 (got {port})").format(port=args.port)
        print(text, file=sys.stderr)
        return 2
    try:
        return subprocess.call(command(args))
    except KeyboardInterrupt:  # Ctrl+C stops the server: a normal way to end
        return 0
