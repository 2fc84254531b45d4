"""The Weights, Scenario and New scenario pages in Russian (AppTest, the shipped catalogue).

Opened with ``?lang=ru`` before the first run, each page runs without an exception and shows
no English beyond the allow-list of :mod:`tests.helpers.russian` (method names,
abbreviations, setting names). Numbers in its texts are written the Russian way (decimal
comma, a no-break space before ``%``), the AHP judgments read as Russian sentences on
Saaty's scale, and the import wizard states the decimal-comma rule in Russian. These tests
read the catalogue shipped in ``clusterrank/i18n/locale``. The figures of the uploaded table
are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.store import Store, open_store
from tests.helpers.russian import english_left
from tests.helpers.ui import APP, TIMEOUT, open_page, texts

NBSP = "\N{NO-BREAK SPACE}"
AS_TYPED = (
    # setting names and values the pages quote as they are typed (``mode=direct``,
    # ``missing_data: impute_worst``), the shipped folder's name and a text encoding's name
    "direct",
    "derivation",
    "eigenvector",
    "random",
    "saaty",
    "completion",
    "implied",
    "method",
    "entropy",
    "critic",
    "impute",
    "configs",
    "UTF-",
)
CSV = (
    "Кластер;Код;Инвестиции, млн руб.;Затраты на рабочее место, тыс. руб.;Доля экспорта, %\r\n"
    "Угольный;coal;2100,5;350,2;12,5\r\n"
    "Химический;chem;1 250,0;410,0;8,0\r\n"
    "Машиностроительный;mach;980,25;;15,5\r\n"
    "Туристический;tour;310,0;120,0;н/д\r\n"
)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "projects.db"))
    return open_store()


@pytest.fixture
def ru_app(db: Store) -> AppTest:
    """The app started in Russian (``?lang=ru`` before its first run)."""
    del db  # a private database: the New scenario page may save a project
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", ["weights", "scenario", "new_scenario"])
def test_the_page_opens_in_russian_with_no_english_left(ru_app: AppTest, page: str) -> None:
    at = open_page(ru_app, page)
    assert english_left(at, AS_TYPED) == []


def test_sliders_speak_russian_numbers(ru_app: AppTest) -> None:
    """Kemerovo's five groups at 20 % each: a Russian caption with a decimal comma and a
    no-break space before the per cent sign."""
    at = open_page(ru_app, "weights")
    shown = texts(at)
    assert f"20,0{NBSP}% общего веса" in shown
    assert "Веса групп" in shown
    assert english_left(at, AS_TYPED) == []


def test_ahp_judgments_read_as_russian_sentences(ru_app: AppTest) -> None:
    """An inconsistent cycle: the sentences, the warning and the fixes are Russian, CR is
    written with a decimal comma, and no English is left."""
    at = open_page(ru_app, "weights")
    at.segmented_control(key="weight_mode__pick").set_value("ahp").run()
    at.select_slider(key="ahp__groups__infrastructure__critical_mass").set_value(8).run()
    at.select_slider(key="ahp__groups__critical_mass__sme_share").set_value(8).run()
    at.select_slider(key="ahp__groups__infrastructure__sme_share").set_value(-8).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "абсолютно превосходит" in shown
    assert any("Суждения несогласованны: CR" in w.value for w in at.warning)
    assert "," in next(m for m in at.metric if m.label == "CR").value
    assert len([m for m in at.markdown if "Предлагается:" in m.value]) == 3
    assert english_left(at, AS_TYPED) == []


def test_objective_weights_in_russian(ru_app: AppTest) -> None:
    at = open_page(ru_app, "weights")
    at.segmented_control(key="weight_mode__pick").set_value("objective").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Источник:" in texts(at)
    assert english_left(at, AS_TYPED) == []


def test_the_wizard_reads_decimal_commas_and_says_so_in_russian(ru_app: AppTest) -> None:
    """A ';'-separated table with decimal commas: the detected facts, the rule, the policy and
    the preview are Russian."""
    at = open_page(ru_app, "new_scenario")
    assert "десятичная запятая или десятичная точка" in texts(at)  # the rule, before upload
    at.file_uploader(key="import__file").set_value(("кластеры.csv", CSV.encode(), "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="import__name_column").set_value("Кластер").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "десятичный разделитель: запятая (обнаружена)" in shown
    assert "Предварительное ранжирование" in shown
    assert english_left(at, AS_TYPED) == []
