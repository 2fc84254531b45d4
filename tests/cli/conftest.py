"""Helpers for calling the command line in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli import main

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call `clusterrank ARGS...` in-process and capture its exit code and output."""

    def _run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run
