"""The Sensitivity page at real sizes (issue 15): the UK scenario (38 NUTS-2 regions) and a
SYNTHETIC scenario of 250 invented candidates. Every chart has a title, at most eight series
and no colour twice; the weight sweep draws breakpoints only where two drawn candidates swap
places; the rank-acceptability heatmap carries text only when its cells are big enough; the
stability intervals keep "holds to", "below" and "above" in two narrow tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.ui.widgets.sensitivity_runs as runs
from clusterrank.criteria.loading import load_scenario
from clusterrank.ui.widgets.chart_theme import MAX_SERIES
from clusterrank.ui.widgets.sensitivity_focus import TOP_SHOWN
from tests.helpers.synthetic import write_synthetic_scenario
from tests.helpers.ui import (
    ROOT,
    chart_specs,
    chart_title,
    colour_series,
    open_page,
    start_app,
    texts,
)

UK = ROOT / "configs" / "scenarios" / "uk_nuts2_innovation.yaml"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_scenario(tmp_path_factory.mktemp("synthetic"))


def _open(monkeypatch: pytest.MonkeyPatch, scenario: Path) -> AppTest:
    monkeypatch.setenv("CLUSTERRANK_SCENARIO", str(scenario))
    return open_page(start_app(), "sensitivity")


@pytest.fixture(params=["uk", "synthetic"])
def page(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, synthetic: Path
) -> Iterator[AppTest]:
    at = _open(monkeypatch, UK if request.param == "uk" else synthetic)
    yield at
    job = at.session_state.get("sens__smaa_job")
    if isinstance(job, runs.SMAAJob):  # never leave a run going after a test
        job.stop()
        assert job.wait(30)


def _dataset(spec: dict[str, Any], column: str) -> list[dict[str, Any]]:
    """The rows of the first dataset of ``spec`` holding ``column`` (empty if none)."""
    for rows in spec["datasets"].values():
        if rows and column in rows[0]:
            return list(rows)
    return []


def _sweep(at: AppTest) -> dict[str, Any]:
    (spec,) = [s for s in chart_specs(at) if chart_title(s).startswith("Rank of each candidate")]
    return spec


def test_every_chart_has_a_title_and_at_most_eight_distinct_colours(page: AppTest) -> None:
    """Six charts (sweep, heatmap, central weights, two correlation heatmaps, AHP); each with
    a title, its axes titled, and no series colour used twice."""
    specs = chart_specs(page)
    assert len(specs) == 6
    for spec in specs:
        assert chart_title(spec), spec.get("layer", spec)
        series = colour_series(spec)
        assert len(series) <= MAX_SERIES, chart_title(spec)
        assert len(set(series.values())) == len(series), (chart_title(spec), series)
    sweep = _sweep(page)
    assert len(colour_series(sweep)) == TOP_SHOWN
    axes = [layer["encoding"] for layer in sweep["layer"] if "encoding" in layer]
    assert any("%" in str(e.get("x", {}).get("title", "")) for e in axes)


def test_the_sweep_draws_breakpoints_only_between_drawn_candidates(page: AppTest) -> None:
    """Every dashed rule names two candidates that are both drawn (a legend entry each); the
    crossings table holds them all and marks which are drawn."""
    sweep = _sweep(page)
    drawn = set(colour_series(sweep))
    rules = _dataset(sweep, "crossing")
    for rule in rules:
        for pair in str(rule["crossing"]).split("; "):
            a, b = pair.split(" × ")
            assert {a, b} <= drawn, pair
    table = next(d.value for d in page.dataframe if "drawn (both shown)" in d.value.columns)
    assert len(table) > len(rules)  # at these sizes most crossings involve others
    assert set(table[table["drawn (both shown)"]]["weight"]) == {r["weight"] for r in rules}


def test_also_show_adds_a_series_and_stays_under_eight(page: AppTest, synthetic: Path) -> None:
    """The candidate picked in "Also show" (ranked 16th) joins the sweep's series and the
    heatmap's rows; the picker allows no more than eight series in all."""
    picker = page.multiselect(key="sens__also_show")
    assert picker.proto.max_selections == MAX_SERIES - TOP_SHOWN
    label = picker.options[10].split(". ", 1)[1]
    ids = {c.name: c.id for path in (UK, synthetic) for c in load_scenario(path).candidates}
    at = picker.set_value([ids[label]]).run()
    assert not at.exception
    sweep = _sweep(at)
    assert len(colour_series(sweep)) == TOP_SHOWN + 1
    assert label in colour_series(sweep)
    (heat,) = [s for s in chart_specs(at) if chart_title(s).startswith("Rank acceptability")]
    assert label in {r["candidate"] for r in _dataset(heat, "acceptability")}


def test_the_heatmap_labels_cells_only_when_they_fit(page: AppTest) -> None:
    """Top rows over ranks 1-10 and a summed column, with text; "show all" drops the text."""
    (heat,) = [s for s in chart_specs(page) if chart_title(s).startswith("Rank acceptability")]
    marks = [str(layer["mark"]) for layer in heat["layer"]]
    assert any("text" in m for m in marks)
    ranks = {r["rank"] for r in _dataset(heat, "acceptability")}
    assert any("–" in r for r in ranks)
    at = page.toggle(key="sens__heat_all").set_value(True).run()
    assert not at.exception
    (heat,) = [s for s in chart_specs(at) if chart_title(s).startswith("Rank acceptability")]
    assert not any("text" in str(layer["mark"]) for layer in heat["layer"])


def test_the_stability_tables_keep_holds_to_below_and_above(page: AppTest) -> None:
    """Two narrow tables: the interval (criterion pinned), then what changes past it."""
    orders = [list(d.proto.column_order) for d in page.dataframe]
    assert ["criterion", "weight", "holds from", "holds to", "move to a change"] in orders
    assert ["criterion", "below", "above"] in orders
    assert "The charts draw 5 of the" in texts(page)
