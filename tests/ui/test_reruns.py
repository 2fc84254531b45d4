"""Nothing is computed twice per rerun: a slider move weighs and ranks once; a rerun that
changed nothing computes nothing; the scenario is read and validated only when loaded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.methods.sensitivity.agreement
import clusterrank.ui.loaders
import clusterrank.ui.state
from tests.helpers.ui import open_page

Calls = Counter[str]


def _count(monkeypatch: pytest.MonkeyPatch, module: object, name: str, calls: Calls) -> None:
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    counter: Calls = Counter()
    _count(monkeypatch, clusterrank.ui.state, "rank_scenario", counter)
    _count(monkeypatch, clusterrank.methods.sensitivity.agreement, "rank", counter)
    _count(monkeypatch, clusterrank.ui.state, "weights_from_sliders", counter)
    _count(monkeypatch, clusterrank.ui.state, "resolve_weights", counter)
    _count(monkeypatch, clusterrank.ui.loaders, "scenario_from_text", counter)
    _count(monkeypatch, clusterrank.ui.loaders, "decision_matrix", counter)
    return counter


def test_a_slider_move_weighs_and_ranks_exactly_once(app: AppTest, calls: Calls) -> None:
    at = open_page(app, "weights")
    calls.clear()
    at.slider(key="w_group__strategy").set_value(40.0).run()
    assert calls == Counter({"weights_from_sliders": 1, "rank_scenario": 1})


def test_a_rerun_without_changes_computes_nothing(app: AppTest, calls: Calls) -> None:
    at = open_page(app, "weights")
    calls.clear()
    at.run()
    open_page(at, "scenario")
    assert calls == Counter()


def test_the_ranking_page_ranks_each_method_once(app: AppTest, calls: Calls) -> None:
    """After a weight change on the Weights page (which ranked the picked method), the
    Ranking page ranks each other compared method once and the picked one not again."""
    at = open_page(app, "weights")
    at.slider(key="w_group__strategy").set_value(40.0).run()
    calls.clear()
    at = open_page(at, "ranking")
    at.toggle(key="compare__show").set_value(True).run()  # computed once opened
    compared = at.multiselect(key="compare__methods").value
    assert "topsis" in compared
    assert calls["rank"] == len(compared) - 1  # each compared method but the picked one
    assert calls["rank_scenario"] == 0
    assert calls["weights_from_sliders"] == 0
