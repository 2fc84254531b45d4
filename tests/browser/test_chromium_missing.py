"""Without Chromium the browser tests fail (never skip) and say how to get it."""

from __future__ import annotations

import pytest

from tests.browser import conftest


def test_missing_chromium_is_a_failure_naming_make_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest.shutil, "which", lambda _name: None)
    monkeypatch.delenv("CHROMIUM", raising=False)
    with pytest.raises(pytest.fail.Exception, match="`make test` installs it"):
        conftest.chromium_path()
