"""Fixtures for calling the command line in-process (helpers: :mod:`tests.helpers.cli`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from tests.helpers.cli import Run, run_main


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call `clusterrank ARGS...` in-process and capture its exit code and output."""
    call: Callable[..., Run] = partial(run_main, capsys)
    return call
