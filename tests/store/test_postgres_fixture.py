"""Without PostgreSQL's binaries the PostgreSQL half fails under CI and skips elsewhere,
naming `make test` either way."""

from __future__ import annotations

import pytest

from tests.helpers import postgres


def test_missing_binaries_fail_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "BIN_GLOB", "/nonexistent/*/bin")
    monkeypatch.setenv("CI", "1")
    assert postgres.postgres_bin() is None
    with pytest.raises(pytest.fail.Exception, match="`make test` installs postgresql"):
        postgres._missing()


def test_missing_binaries_skip_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="`make test` installs postgresql"):
        postgres._missing()
