"""The Sensitivity and Regions pages in Russian (AppTest, the shipped catalogue).

Opened with ``?lang=ru`` before the first run, each page runs without an exception, shows no
English beyond the allow-list of :mod:`tests.helpers.russian` (and the names of UK regions,
which are the data's own), and writes its numbers the Russian way. These tests read the
catalogue shipped in ``clusterrank/i18n/locale``.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.i18n import use_language
from clusterrank.reports.sensitivity_view import move_text, percent
from clusterrank.ui.speaking import in_language
from tests.helpers.russian import english_left, regional_data_words
from tests.helpers.ui import APP, TIMEOUT, open_page, texts

NBSP = "\N{NO-BREAK SPACE}"
UK_REGIONS = (
    # NUTS-2 names of the shipped UK scenario's default picks, as the data writes them
    "Berkshire",
    "Buckinghamshire",
    "and",
    "Oxfordshire",
    "Inner",
    "London",
    "West",
    "East",
    "Anglia",
)
TOKENS = ("SMAA-", "NUTS-", "configs")
"""``SMAA-2`` and ``NUTS-2`` as the word pattern cuts them (both allowed whole), and the
shipped files' folder, ``configs/...``, named in help texts."""


@pytest.fixture
def ru_app() -> AppTest:
    """The app started in Russian (``?lang=ru`` before its first run)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_sensitivity_page_opens_in_russian_with_no_english_left(ru_app: AppTest) -> None:
    at = open_page(ru_app, "sensitivity")
    shown = texts(at)
    assert "Какой вес первым меняет результат" in shown
    assert "Приемлемость ранга" in shown
    assert english_left(at, extra=TOKENS) == []
    job = at.session_state["sens__smaa_job"]
    job.stop()
    assert job.wait(30)


def test_the_regions_page_opens_in_russian_with_no_english_left(ru_app: AppTest) -> None:
    at = open_page(ru_app, "regions")
    shown = texts(at)
    assert "Сравнение регионов" in shown
    assert "индекс Херфиндаля–Хиршмана" in shown
    assert english_left(at, extra=(*UK_REGIONS, *TOKENS, *regional_data_words())) == []


def test_a_russian_page_reruns_after_a_choice(ru_app: AppTest) -> None:
    """Option labels stay Russian when AppTest reads them from its own thread: picking the
    ranking level and another table source reruns each page without an exception."""
    at = open_page(ru_app, "sensitivity")
    at.radio(key="sens__level").set_value("ranking").run()
    assert not at.exception, [e.value for e in at.exception]
    at.session_state["sens__smaa_job"].stop()
    at = open_page(at, "regions")
    at.radio(key="regions__source").set_value("upload").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Загрузите CSV «регион × отрасль», чтобы проанализировать его." in texts(at)


def test_stability_words_in_russian_numbers() -> None:
    """The stability table's texts: a decimal comma, a no-break space before %, a minus."""
    with use_language("ru"):
        assert percent(0.125) == f"12,5{NBSP}%"
        assert move_text(0.1087, "up") == "+10,9 п. п."
        assert move_text(0.05, "down") == "−5,0 п. п."
        assert move_text(float("inf"), "") == f"нет в пределах 0–100{NBSP}%"


def test_option_labels_keep_the_language_they_were_made_in() -> None:
    """A label function made while speaking Russian speaks Russian when called in English."""
    with use_language("ru"):
        label = in_language(lambda n: f"{n:,}".replace(",", NBSP) + " " + str(percent(0.5)))
    with use_language("en"):
        assert label(1000) == f"1{NBSP}000 50,0{NBSP}%"
