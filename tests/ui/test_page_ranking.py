"""The Ranking page in AppTest: opens ready on the Kemerovo ranking, switches methods,
compares methods and keeps a baseline for the rank-change column."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.analysis.ranking import rank_scenario_file
from tests.helpers.ui import ROOT, open_page, ranking_frame, ranking_ids, texts

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def test_opens_ready_on_the_kemerovo_ranking(app: AppTest) -> None:
    """With no clicks the default page shows the shipped scenario ranked as the CLI ranks it."""
    expected = rank_scenario_file(KEMEROVO).to_frame()["id"].tolist()
    assert app.title[0].value == "Ranking"
    assert ranking_ids(app) == expected
    frame = ranking_frame(app)
    assert set(frame["change"]) == {"="}
    assert "Кемеровской области" in " ".join(frame["candidate"])  # Cyrillic intact
    assert "normalization=vector" in texts(app)
    assert f"**1.** {frame['candidate'].iloc[0]}" in texts(app)


def test_method_switch_reranks_and_echoes_settings(app: AppTest) -> None:
    """Picking VIKOR ranks with VIKOR and the caption names it and its setting v."""
    app.selectbox(key="method__pick").set_value("vikor").run()
    assert not app.exception
    caption = texts(app)
    assert "vikor" in caption
    assert "v=0.5" in caption
    with pytest.raises(KeyError):
        app.selectbox(key="setting__topsis__normalization")  # TOPSIS's setting is not drawn
    assert app.session_state["method"] == "vikor"


def test_topsis_normalisation_is_a_setting(app: AppTest) -> None:
    """TOPSIS's normalisation picker changes the settings line to min-max."""
    app.selectbox(key="setting__topsis__normalization").set_value("minmax").run()
    assert not app.exception
    assert "normalization=minmax" in texts(app)


def test_comparison_shows_rank_correlations_and_failures(app: AppTest) -> None:
    """Methods side by side: a rank column per method and the two correlation tables; a method
    that cannot rank the data is named with its reason instead of failing the page."""
    settings = dict(app.session_state["method_settings"])
    settings["vikor"] = {"v": 7.0}  # outside 0..1: VIKOR refuses it
    app.session_state["method_settings"] = settings
    app.toggle(key="compare__show").set_value(True).run()
    app.multiselect(key="compare__methods").set_value(["topsis", "wsm", "vikor"]).run()
    assert not app.exception
    page = texts(app)
    assert "Spearman" in page
    assert "WS coefficient" in page
    failures = [w.value for w in app.warning if "could not rank" in w.value]
    assert len(failures) == 1
    assert failures[0].startswith("**VIKOR** could not rank these data")
    ranks = next(df.value for df in app.dataframe if {"topsis", "wsm"} <= set(df.value.columns))
    assert len(ranks) == 5


def test_other_pages_render_without_exception(app: AppTest) -> None:
    """Every page renders on the shipped scenario."""
    for page in ("scenario", "weights", "export", "ranking"):
        open_page(app, page)
        assert not app.error, [e.value for e in app.error]
