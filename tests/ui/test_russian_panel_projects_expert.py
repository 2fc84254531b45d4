"""The Panel and Projects pages and the expert's questionnaire in Russian (AppTest).

Opened with ``?lang=ru`` before the first run, each page runs without an exception and shows
no English beyond the allow-list of :mod:`tests.helpers.russian`; the links the Panel page
gives out carry ``&lang=`` so an expert's questionnaire opens in the facilitator's language;
the panel workbook's sheets and columns are Russian. These tests read the catalogue shipped
in ``clusterrank/i18n/locale``. The experts' names are made up for the tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.i18n import _
from clusterrank.panel.export import headed
from clusterrank.panel.service import Created, create
from clusterrank.store import Store, open_store
from clusterrank.store.access import DENIED
from clusterrank.ui.panel_access import ACCESS
from tests.helpers.i18n import speaking
from tests.helpers.russian import english_left, words_of
from tests.helpers.ui import APP, TIMEOUT, open_page, texts

LATIN = re.compile(r"[A-Za-z]+")
ROOT = Path(__file__).resolve().parents[2]
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
EXPERTS = "id,name\ne1,Анна Петрова\ne2,Борис Иванов\ne3,Вера Смирнова\n"
TYPED = ("name", "group", "weight", "panel", "key", "KEY", "topsis", "UTC", "e1", "e2", "e3")
"""Latin words a Russian panel page shows as they are typed: the experts file's columns
(``id,name[,group,weight]``), the address ``/panel?panel=ID&key=KEY``, a method's id in the
settings line (``topsis (normalization=vector)``), the time zone of a time (UTC), the experts'
ids of :data:`EXPERTS`."""
ELSEWHERE = ("configs", "groups")
"""Latin words other parts of the app put on these pages: the sidebar's source path, a node
id in the panel's label (``analysis.provenance.panel_label``)."""


def _left(at: AppTest, *ids: str) -> list[str]:
    """English left on a Russian page beyond :data:`TYPED`, :data:`ELSEWHERE` and ``ids``
    (a panel's random id may read as a word)."""
    return english_left(at, (*TYPED, *ELSEWHERE, *(w for i in ids for w in words_of(i))))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "panel.db"))
    return open_store()


@pytest.fixture
def made(db: Store, tmp_path: Path) -> Created:
    """A panel on the shipped Kemerovo scenario with three experts with Russian names."""
    path = tmp_path / "experts.csv"
    path.write_text(EXPERTS, encoding="utf-8")
    with speaking("ru"):
        return create(db, KEMEROVO, path, title="Тестовая группа Кузбасса")


def _russian() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _expert(made: Created, token: str | None = None, lang: str = "ru") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["panel"] = made.panel.panel_id
    at.query_params["token"] = token or made.panel.experts[0].token
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _create_in_page(at: AppTest) -> list[str]:
    """Create a panel on the Panel page; the expert links it shows."""
    at.text_area(key="pc__experts").set_value(EXPERTS)
    with speaking("ru"):
        label = _("Create panel")
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return [str(c.value) for c in at.code if "token=" in str(c.value)]


def _section(at: AppTest, name: str) -> AppTest:
    with speaking("ru"):  # AppTest finds the option by its label, formatted in this thread
        at.segmented_control(key="panel_section").set_value(name).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_panel_page_in_russian_from_creating_to_the_workbook(db: Store) -> None:
    """Create a panel, watch it, compute, close the round, apply and prepare the workbook."""
    from clusterrank.panel import expert

    with speaking("ru"):  # AppTest formats the options of the page's widgets in this thread
        at = open_page(_russian(), "panel")
        assert _left(at) == []
        links = _create_in_page(at)
        assert len(links) == 3
        assert all("&lang=ru&token=" in link for link in links)  # the questionnaire is in ru
        panel_id = at.session_state[ACCESS].panel_id
        assert _left(at, panel_id) == []
        for link in links:
            token = link.split("token=")[1]
            page = expert.open_page(db, token)
            for node in page.nodes:
                for a, b in node.pairs:
                    value = 3.0 if a == node.items[0] else 0.5
                    expert.save_pair(db, token, 1, node.id, (a, b), value, 0)
        for section in ("progress", "rounds", "apply"):
            assert _left(_section(at, section), panel_id) == [], section
        _section(at, "results").button(key="pr__compute").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert "Согласованность мнений" in texts(at)
        assert _left(at, panel_id) == []
        _section(at, "rounds").button(key="pround_close").click().run()
        assert "**закрыт**" in texts(at)
        assert _left(at, panel_id) == []
        _section(at, "apply").button(key="papply").click().run()
        at.button(key="pexport").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert _left(at, panel_id) == []


def test_projects_page_in_russian(db: Store) -> None:
    del db
    with speaking("ru"):
        at = open_page(_russian(), "projects")
        assert _left(at) == []
        at.selectbox(key="projects__example").set_value("kemerovo_clusters.yaml")
        at.button(key="projects__open_example").click().run()  # a row, the export box
        assert not at.exception, [e.value for e in at.exception]
        assert any("Открыт пример «" in m.value for m in at.success)
        assert _left(at, "kemerovo_clusters.yaml") == []  # the example's name: its file's


def test_expert_questionnaire_in_russian(db: Store, made: Created) -> None:
    from clusterrank.panel import expert

    with speaking("ru"):
        at = _expert(made)
        progress = str(at.get("progress")[0].proto.text)
        assert "Отвечено: 0 из 11" in progress
        assert "Какая группа критериев важнее" in at.select_slider[0].label
        assert english_left(at) == []
        token = made.panel.experts[0].token
        node = made.questionnaire.node("groups")
        for k, (a, b) in enumerate(node.pairs):  # an inconsistent expert: fixes suggested
            expert.save_pair(db, token, 1, node.id, (a, b), (9.0, 1 / 7)[k % 2], 0)
        at = _expert(made)
        assert "Отвечено: 10 из 11" in str(at.get("progress")[0].proto.text)
        assert "Сохранено: " in texts(at)
        assert any("коэффициент согласованности" in w.value for w in at.warning)
        assert english_left(at) == []


def test_a_refused_link_is_refused_in_russian(made: Created) -> None:
    at = _expert(made, token="x" * 43)
    with speaking("ru"):
        denied = _(DENIED)
    assert denied != DENIED  # the sentence is in the catalogue
    assert [e.value for e in at.error] == [denied]


def test_an_english_link_stays_english(made: Created) -> None:
    """The default language: the questionnaire as before (no translation involved)."""
    at = _expert(made, lang="en")
    assert "0 of 11 answered" in str(at.get("progress")[0].proto.text)
    assert "Which group matters more" in at.select_slider[0].label


def test_workbook_headings_follow_the_language() -> None:
    tables: dict[str, list[dict[str, Any]]] = {
        "settings": [{"setting": "current round", "value": 1}, {"setting": "seed", "value": 7}],
        "judgments": [{"round": 1, "expert": "e1", "node": "groups", "value": 3.0}],
        "a sheet of its own": [{"a column of its own": 1}],
    }
    english = headed(tables)
    assert english == tables  # English ids are the English headings
    with speaking("ru"):
        russian = headed(tables)
    assert list(russian) == ["настройки", "парные сравнения", "a sheet of its own"]
    assert russian["настройки"][0] == {"параметр": "текущий раунд", "значение": 1}
    assert russian["настройки"][1]["параметр"] == "seed"  # setting names stay as typed
    assert russian["a sheet of its own"] == [{"a column of its own": 1}]
