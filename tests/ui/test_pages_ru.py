"""Every page of the app, opened in Russian and in English (issue 14).

Invariant: with ``?lang=ru`` each page of the navigation runs without an exception and shows
no English beyond the allow-list of :mod:`tests.helpers.russian` (method names, abbreviations,
units, setting names as typed, the scenario's own data); with ``?lang=en`` it runs too and is
English (a Russian interface word on an English page would be a catalogue mix-up). The
pages are read from ``streamlit_app.py``, so a new page is checked without editing this test.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.browser.app_pages import app_pages
from tests.helpers.russian import english_left, regional_data_words
from tests.helpers.ui import APP, TIMEOUT, texts

PAGES = [path for path, _title in app_pages()]
EXTRA = {
    "regions": regional_data_words(),
    "panel": {"name", "group", "weight"},  # the experts file's column names, as typed
}
CYRILLIC_UI = re.compile(r"\b(Рейтинг|Чувствительность|Веса|Сценарий|Настройки|Выгрузка)\b")


def _opened(lang: str, page: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page(f"ui/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    state = at.session_state
    job = state["sens__smaa_job"] if "sens__smaa_job" in state else None  # noqa: SIM401 (no .get)
    if job is not None:  # the Sensitivity page starts SMAA in the background: stop it
        job.stop()
        job.wait(30)
    return at


@pytest.mark.parametrize("page", PAGES)
def test_each_page_in_russian_leaves_no_english(page: str) -> None:
    at = _opened("ru", page)
    left = english_left(at, EXTRA.get(page, ()))
    assert left == [], f"{page}: English left on the Russian page: {sorted(set(left))[:30]}"
    assert re.search("[А-Яа-яЁё]{4,}", texts(at) + " ".join(b.label for b in at.button))


@pytest.mark.parametrize("page", PAGES)
def test_each_page_in_english_runs_and_speaks_english(page: str) -> None:
    at = _opened("en", page)
    assert not CYRILLIC_UI.search(texts(at)), f"{page}: a Russian interface word in English"
