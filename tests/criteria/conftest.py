"""Fixtures for the criteria tests: small YAML/CSV files written into ``tmp_path``
(the texts and writers live in :mod:`tests.helpers.criteria`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.helpers.criteria import Writer, write_file, write_scenario


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write ``text`` (dedented, UTF-8) to ``tmp_path/name`` and return the path."""
    writer: Writer = partial(write_file, tmp_path)
    return writer


@pytest.fixture
def scenario_files(write: Writer) -> Callable[..., Path]:
    """``scenario_files(csv=..., tail=..., candidates=...)``: the files of
    :func:`tests.helpers.criteria.write_scenario` in ``tmp_path``; returns the scenario path."""
    make: Callable[..., Path] = partial(write_scenario, write)
    return make
