"""Calling the command line in-process: ``run_main`` and its :class:`Run` result.

``tests/cli/conftest.py`` wraps ``run_main`` in the ``run_cli`` fixture (it needs pytest's
``capsys``); tests import :class:`Run` and the paths from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from clusterrank.cli import main

REPO = Path(__file__).resolve().parents[2]
SCENARIOS_DIR = REPO / "configs" / "scenarios"
KEMEROVO = SCENARIOS_DIR / "kemerovo_clusters.yaml"


@dataclass(frozen=True)
class Run:
    """Exit code, standard output and standard error of one ``clusterrank`` call."""

    code: int
    out: str
    err: str


def run_main(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """Call ``clusterrank ARGS...`` in-process and capture its exit code and output."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)
