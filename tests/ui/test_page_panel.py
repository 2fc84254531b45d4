"""The facilitator's Panel page under AppTest: create, links, progress, results, close, apply."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.panel import expert
from clusterrank.panel.service import state
from clusterrank.store import Store, open_store
from clusterrank.ui.panel_access import ACCESS
from tests.helpers.ui import open_page, ranking_ids, start_app

EXPERTS = "id,name,group\ne1,Anna,science\ne2,Boris,business\ne3,Vera,government\n"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "panel.db"))
    return open_store()


def _create(at: AppTest) -> tuple[str, list[str]]:
    """Create a panel in the page; its id and the expert links the page shows."""
    open_page(at, "panel")
    at.text_area(key="pc__experts").set_value(EXPERTS)
    next(b for b in at.button if b.label == "Create panel").click().run()
    assert not at.exception, [e.value for e in at.exception]
    codes = [str(c.value) for c in at.code]
    key_line = next(c for c in codes if c.startswith("panel "))
    links = [c for c in codes if "token=" in c]
    return key_line.split()[1], links


def _frame(at: AppTest, columns: set[str]) -> pd.DataFrame:
    """The first table on the page with these columns."""
    for df in (*at.dataframe, *at.table):
        frame = df.value
        if isinstance(frame, pd.DataFrame):
            frame = frame.reset_index()
            if columns <= set(frame.columns):
                return frame
    raise AssertionError(f"no table with columns {columns}")


def _section(at: AppTest, name: str) -> AppTest:
    at.segmented_control(key="panel_section").set_value(name).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _answer_all(db: Store, link: str, strength: float) -> None:
    """An expert who prefers the first group ``strength`` times over every other."""
    token = link.split("token=")[1]
    page = expert.open_page(db, token)
    for node in page.nodes:
        for a, b in node.pairs:
            value = strength if a == node.items[0] else 1.0
            expert.save_pair(db, token, 1, node.id, (a, b), value, 0)


def test_create_progress_results_close_apply(db: Store) -> None:
    at = start_app()
    before = ranking_ids(open_page(at, "ranking"))
    at = open_page(at, "panel")
    panel_id, links = _create(at)
    assert len(links) == 3
    assert all(f"panel={panel_id}" in link for link in links)
    assert not any("key=" in link for link in links)  # the facilitator key never goes out

    _section(at, "progress")
    frame = _frame(at, {"expert", "answered", "CR", "submitted"})
    assert list(frame["answered"]) == ["0 of 11"] * 3
    for link in links:
        _answer_all(db, link, 9.0)
    _section(at, "links")
    _section(at, "progress")
    frame = _frame(at, {"expert", "answered", "CR", "submitted"})
    assert list(frame["answered"]) == ["11 of 11"] * 3

    _section(at, "results")
    at.button(key="pr__compute").click().run()
    assert not at.exception, [e.value for e in at.exception]
    weights = _frame(at, {"criterion", "weight"})
    assert weights["weight"].sum() == pytest.approx(1.0)
    assert {"S*", "consensus"} <= set(_frame(at, {"S*"}).columns)
    captions = " ".join(str(c.value) for c in at.caption).replace("\\", "")
    assert "topsis (normalization=vector); weights: AIJ" in captions  # the ranking's settings

    _section(at, "rounds")
    at.button(key="pround_close").click().run()
    assert not at.exception
    assert not state(db, at.session_state[ACCESS]).current.is_open

    _section(at, "apply")
    at.button(key="papply").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Applied" in str(s.value) for s in at.success)
    sidebar = " ".join(str(c.value) for c in at.sidebar.caption).replace("\\", "")
    assert "panel «" in sidebar
    assert "round 1, AIJ" in sidebar
    after = ranking_ids(open_page(at, "ranking"))
    assert sorted(after) == sorted(before)
    assert after != before  # every expert put the first group far ahead


def test_wrong_key_is_refused(db: Store) -> None:
    at = open_page(start_app(), "panel")
    at.text_input(key="panel_open__id").set_value("nopanel")
    at.text_input(key="panel_open__key").set_value("x" * 43)
    next(b for b in at.button if b.label == "Open").click().run()
    assert any("does not open any panel" in str(e.value) for e in at.error)
