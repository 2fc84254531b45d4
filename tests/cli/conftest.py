"""Fixtures for calling the command line in-process (helpers: :mod:`tests.helpers.cli`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from tests.helpers.cli import Run, run_main


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks English unless a test asks otherwise (whatever the machine's
    locale): ``--lang`` defaults to ``CLUSTERRANK_LANG``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``."""
    for name in ("CLUSTERRANK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call `clusterrank ARGS...` in-process and capture its exit code and output."""
    call: Callable[..., Run] = partial(run_main, capsys)
    return call
