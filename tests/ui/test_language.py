"""The language switch: ``?lang=`` in the URL, the sidebar control, the session, the project.

The tests marked "Russian text" read the shipped Russian catalogue (they pass once the
translations are merged into ``clusterrank/i18n/locale``); the others check the mechanism.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank import i18n
from clusterrank.panel.snapshot import snapshot_scenario
from clusterrank.store import Store, open_store
from clusterrank.store.project_language import project_language, set_project_language
from clusterrank.store.projects import create_project
from tests.helpers.ui import APP, ROOT, TIMEOUT, open_page

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
SWITCH = "lang__switch"


@pytest.fixture(autouse=True)
def no_language_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "language.db"))
    return open_store()


def _run(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _url(at: AppTest, name: str = "lang") -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _switch(at: AppTest) -> str | None:
    found = [w for w in at.sidebar.button_group if w.key == SWITCH]
    assert len(found) == 1, "the sidebar has one language switch"
    value = found[0].value
    return None if value is None else str(value)


def _choose(at: AppTest, lang: str) -> AppTest:
    next(w for w in at.sidebar.button_group if w.key == SWITCH).set_value(lang).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _saved(db: Store, name: str = "Mine") -> str:
    text, _notes = snapshot_scenario(KEMEROVO)
    with db.session() as s:
        return create_project(s, name=name, scenario_yaml=text).project_id


def _sidebar_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in [*at.sidebar.markdown, *at.sidebar.caption])


def test_english_is_the_default_and_the_url_keeps_it() -> None:
    at = _run()
    assert at.session_state["lang"] == "en"
    assert _url(at) == "en"
    assert _switch(at) == "en"
    assert "**Scenario:**" in _sidebar_text(at)
    label = next(w for w in at.sidebar.button_group if w.key == SWITCH).label
    assert label == "Language · Язык"


def test_lang_ru_in_the_url_sets_russian_and_the_switch_shows_it() -> None:
    at = _run(lang="ru")
    assert at.session_state["lang"] == "ru"
    assert _switch(at) == "ru"
    assert _url(at) == "ru"


def test_lang_ru_in_the_url_speaks_russian_in_the_sidebar() -> None:
    """With ?lang=ru the sidebar and the page speak Russian (the shipped catalogue)."""
    at = _run(lang="ru")
    shown = _sidebar_text(at)
    with i18n.use_language("ru"):
        assert i18n._("**Scenario:** {title}").split("{")[0] in shown
    assert "**Scenario:**" not in shown


def test_an_unknown_language_in_the_url_falls_back_and_the_url_is_corrected() -> None:
    at = _run(lang="xx")
    assert at.session_state["lang"] == "en"
    assert _url(at) == "en"


def test_the_environment_chooses_when_the_url_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERRANK_LANG", "ru_RU.UTF-8")
    at = _run()
    assert at.session_state["lang"] == "ru"
    assert _url(at) == "ru"


def test_switching_sets_the_url_param_and_survives_a_page_switch() -> None:
    at = _choose(_run(), "ru")
    assert at.session_state["lang"] == "ru"
    assert _url(at) == "ru"
    assert _switch(at) == "ru"
    open_page(at, "weights")
    assert at.session_state["lang"] == "ru"
    assert _url(at) == "ru"
    _choose(at, "en")
    assert _url(at) == "en"
    assert at.session_state["lang"] == "en"


def test_a_project_remembers_its_language(db: Store) -> None:
    pid = _saved(db)
    at = _run(project=pid)
    assert at.session_state["lang"] == "en"
    _choose(at, "ru")
    with db.session() as s:
        assert project_language(s, pid) == "ru"
    # A new session opening the project (a bookmark without ?lang=) speaks its language.
    again = _run(project=pid)
    assert again.session_state["lang"] == "ru"
    assert _url(again) == "ru"
    # A language in the link wins over the project's on the first run.
    assert _run(project=pid, lang="en").session_state["lang"] == "en"


def test_opening_a_project_brings_its_language(db: Store) -> None:
    pid = _saved(db, "Russian one")
    with db.session() as s:
        set_project_language(s, pid, "ru")
    at = open_page(_run(), "projects")
    assert at.session_state["lang"] == "en"
    at.button(key=f"projects__open__{pid}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.run()  # the run after the one that opened it speaks the project's language
    assert at.session_state["open_project"] == pid
    assert at.session_state["lang"] == "ru"
    assert _url(at) == "ru"
    assert _switch(at) == "ru"
    _choose(at, "en")  # and the user may still change it: the project follows
    assert at.session_state["lang"] == "en"
    with db.session() as s:
        assert project_language(s, pid) == "en"


def test_a_read_only_example_keeps_no_language(db: Store) -> None:
    at = open_page(_run(), "projects")
    at.button(key="projects__open_example").click().run()
    pid = at.session_state["open_project"]
    _choose(at, "ru")
    assert at.session_state["lang"] == "ru"
    with db.session() as s:
        assert project_language(s, pid) is None


INVESTMENT = {
    "en": "Fixed investment in the cluster's activities (2016)",
    "ru": "Инвестиции в основной капитал по видам деятельности кластера (2016)",
}
"""A bilingual criterion title of the shipped five-groups set (configs/criteria)."""


def _page_text(at: AppTest) -> str:
    """Every text on the page: markdown, captions, and the tables' headers and cells."""
    texts = [str(e.value) for e in [*at.markdown, *at.caption, *at.subheader, *at.title]]
    for table in at.dataframe:
        frame = table.value
        frame = frame.data if hasattr(frame, "data") else frame  # a Styler: its frame
        texts += [str(c) for c in frame.columns]
        texts += [str(v) for v in frame.astype(str).to_numpy().ravel()]
    return "\n".join(texts)


def test_switching_language_translates_the_loaded_scenario_and_keeps_the_choices() -> None:
    """Titles picked at load in English are read again in Russian; weights and method stay."""
    at = _run(lang="en")
    open_page(at, "scenario")
    assert INVESTMENT["en"] in _page_text(at)
    at.session_state["method"] = "vikor"
    groups = dict(at.session_state["slider_groups"])
    moved = {key: (30.0 if n == 0 else value) for n, (key, value) in enumerate(groups.items())}
    at.session_state["slider_groups"] = moved
    count = at.session_state["load_count"]
    _choose(at, "ru")
    shown = _page_text(at)
    assert INVESTMENT["ru"] in shown
    assert INVESTMENT["en"] not in shown
    assert INVESTMENT["ru"] in at.session_state["loaded"].matrix.criterion_titles
    assert at.session_state["method"] == "vikor"
    assert dict(at.session_state["slider_groups"]) == moved
    assert at.session_state["load_count"] == count + 1  # results memoised in English: gone
    _choose(at, "en")
    assert INVESTMENT["en"] in _page_text(at)
    assert at.session_state["method"] == "vikor"
