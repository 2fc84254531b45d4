"""The page a visitor lands on shows the ranking and computes nothing it does not show
(issue 9: first page under 1.5 s): the candidate profile and the comparison of methods are
computed only once opened, and stay open across page switches once opened."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.ui.state
from tests.helpers.ui import open_page, ranking_ids, start_app


def _keys(at: AppTest, kind: str) -> set[str]:
    return {str(w.key) for w in getattr(at, kind) if w.key}


def test_first_page_ranks_and_leaves_profile_and_comparison_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: Counter[str] = Counter()
    real = clusterrank.ui.state.compare_methods

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls["compare_methods"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(clusterrank.ui.state, "compare_methods", counted)
    at = start_app()
    assert len(ranking_ids(at)) == 5
    assert calls["compare_methods"] == 0
    assert "compare__methods" not in _keys(at, "multiselect")
    assert "profile__candidate" not in _keys(at, "selectbox")
    assert len(at.get("vega_lite_chart")) == 3  # the score bars and the two "why" charts
    toggles = {t.key: t.value for t in at.toggle}
    # every optional section, the saved weight sets' comparison included, starts closed
    assert toggles == {"profile__show": False, "compare__show": False, "wscompare__show": False}


def test_opened_sections_are_drawn_and_stay_open_after_another_page() -> None:
    at = start_app()
    at.toggle(key="profile__show").set_value(True).run()
    at.toggle(key="compare__show").set_value(True).run()
    assert "profile__candidate" in _keys(at, "selectbox")
    assert "compare__methods" in _keys(at, "multiselect")
    assert len(at.get("vega_lite_chart")) == 4  # score bars, the two "why" charts, profile
    at = open_page(open_page(at, "weights"), "ranking")
    assert at.toggle(key="profile__show").value is True
    assert at.toggle(key="compare__show").value is True
    assert "compare__methods" in _keys(at, "multiselect")
