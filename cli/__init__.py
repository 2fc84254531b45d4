"""Command line: `clusterrank` makes the same calls the UI makes.

Exit codes: 0 success, 2 bad input (the message says what and where), 1 an internal error
(reported in one line; ``--debug`` shows the traceback for developers).
"""

from __future__ import annotations

from clusterrank.cli.app import main

__all__ = ["main"]
