"""Ranking, Weights, Scenario and Export at real sizes (issue 15): the shipped UK scenario
(38 NUTS-2 regions) and a synthetic 250-candidate scenario (labelled synthetic).

Every page runs without an exception, every chart has a title, at most eight colour series
and no colour twice (:func:`tests.helpers.ui.colour_series`), the charts show the best
fifteen plus the candidates picked, and the tables are in rank order with rank and name first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.ui.widgets.chart_theme import MAX_SERIES
from clusterrank.ui.widgets.charts import TOP_K
from tests.helpers.synthetic import write_synthetic_scenario
from tests.helpers.ui import ROOT, chart_specs, chart_title, colour_series, open_page, start_app

UK = ROOT / "configs" / "scenarios" / "uk_nuts2_innovation.yaml"
PAGES = ("ranking", "weights", "scenario", "export")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_scenario(tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(params=["uk", "synthetic"])
def scaled(
    request: pytest.FixtureRequest, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> AppTest:
    """The app opened on the UK scenario or on the synthetic 250."""
    path = UK if request.param == "uk" else synthetic
    monkeypatch.setenv("CLUSTERRANK_SCENARIO", str(path))
    return start_app()


def check_charts(at: AppTest, page: str) -> int:
    """Every chart on the page: a title, at most eight colour series, each its own colour."""
    specs = chart_specs(at)
    for spec in specs:
        assert chart_title(spec), f"{page}: a chart without a title"
        series = colour_series(spec)
        assert len(series) <= MAX_SERIES, (page, chart_title(spec), series)
        assert len(set(series.values())) == len(series), (page, chart_title(spec), series)
    return len(specs)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_and_its_charts_hold_up(scaled: AppTest, page: str) -> None:
    """No exception; every chart titled, ≤ 8 colour series, none repeated."""
    at = open_page(scaled, page)
    check_charts(at, page)


def test_ranking_charts_show_the_best_fifteen_and_the_picked(scaled: AppTest) -> None:
    """The score bars and the contributions hold the best 15 (plus the rest as a strip on the
    score chart); a picked candidate joins both; the profile draws every candidate, the
    selected one in colour; every chart has its table one click away."""
    at = open_page(scaled, "ranking")
    ranking = at.dataframe[0].value
    assert list(ranking["rank"]) == sorted(ranking["rank"])
    count = len(ranking)
    assert count > TOP_K
    last = str(ranking["id"].iloc[-1])
    at.multiselect(key="ranking__picked").set_value([last]).run()
    assert not at.exception, [e.value for e in at.exception]
    at.toggle(key="profile__show").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    specs = {chart_title(s): s for s in chart_specs(at)}
    score = specs["Score of each candidate"]
    bars = [r for rows in score["datasets"].values() for r in rows if "bar" in r]
    assert len(bars) == TOP_K + 1
    assert str(bars[-1]["id"]) == last
    assert "and 1 you picked" in str(score["title"])
    strip = [r for rows in score["datasets"].values() for r in rows if "drawn" in r]
    assert len(strip) == count
    contributions = specs["Each candidate's score by criterion"]
    ids = {str(r["id"]) for rows in contributions["datasets"].values() for r in rows if "id" in r}
    assert last in ids
    assert len(ids) == TOP_K + 1
    assert any(t.startswith("Profile of ") for t in specs)
    labels = [e.label for e in at.expander]
    assert "Scores as a table" in labels
    assert "Each candidate's score by criterion as a table" in labels
    check_charts(at, "ranking")


def test_scenario_data_table_is_in_rank_order_with_keys_first(scaled: AppTest) -> None:
    """The data table starts with rank and candidate, sorted by rank; sources sit apart."""
    at = open_page(scaled, "scenario")
    data = next(d.value for d in at.dataframe if "candidate" in getattr(d.value, "columns", []))
    frame = data.data if hasattr(data, "data") else data
    assert list(frame.columns[:2]) == ["rank", "candidate"]
    assert list(frame["rank"]) == sorted(frame["rank"])
    criteria = next(d.value for d in at.dataframe if "direction" in d.value.columns)
    assert "source" not in criteria.columns
