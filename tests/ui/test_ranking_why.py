"""The Ranking page answers "why" in the open on the shipped Kemerovo scenario: contributions
by criterion, "why is A above B" with its one-sentence summary, the last-placed cluster marked
not assessable with its reason, the method picker's groups and advice, and PROMETHEE II's
thresholds set on the page and echoed in the settings line."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.analysis.explain import explain
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria import decision_matrix
from clusterrank.criteria.loading import load_scenario
from tests.helpers.ui import ROOT, ranking_frame, texts
from tests.helpers.ui import shown as seen

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
LAST = "Кластер легкой промышленности"
IMPUTED_LAST = (
    "Fixed investment in the cluster's activities (2016)",
    "Number of employees of the participant organisations",
    "SME share of participants",
    "Research and education organisations among participants",
)


def chart_alts(at: AppTest) -> list[str]:
    return [str(el.proto.alt) for el in at.get("vega_lite_chart")]


def markdowns(at: AppTest) -> list[str]:
    return [seen(m.value) for m in at.markdown]


def test_why_charts_and_pair_summary_show_without_opening_anything(app: AppTest) -> None:
    """Under the ranking: the contributions chart with the TOPSIS caption, and the 1st against
    the 2nd with the summary the explanation gives (largest gain and largest loss)."""
    scenario = load_scenario(KEMEROVO)
    matrix = decision_matrix(scenario)
    expl = explain(rank_scenario(scenario, matrix=matrix), matrix)
    frame = ranking_frame(app)
    first, second = (str(n) for n in frame["candidate"].iloc[:2])
    assert "Each candidate's score by criterion" in chart_alts(app)
    assert f"Contribution of {first} minus {second}, by criterion" in chart_alts(app)
    page = texts(app)
    assert "share of the squared distances to these two points" in page
    assert "anti-ideal" in page
    pair = expl.pair(str(frame["id"].iloc[0]), str(frame["id"].iloc[1]))
    gain, loss = pair[pair["difference"] > 0].iloc[0], pair[pair["difference"] < 0].iloc[0]
    assert gain["title"] == "Fixed investment in the cluster's activities (2016)"
    summary = (
        f"**{first}** gains most on *{gain['title']}* (+{gain['difference']:.4f}) and loses "
        f"most on *{loss['title']}* (−{-loss['difference']:.4f}) against **{second}**."
    )
    assert summary in markdowns(app)
    assert f"Why is **{first}** (1.) above **{second}** (2.)?" in markdowns(app)
    expanders = [e for e in app.expander if "score by criterion" in str(e.label)]
    # nothing to open: the chart is drawn in the open, only its table sits in an expander
    assert [str(e.label) for e in expanders] == ["Each candidate's score by criterion as a table"]
    assert not any(e.get("vega_lite_chart") for e in expanders)


def test_pair_with_the_last_candidate_names_its_data_problem(app: AppTest) -> None:
    """Comparing the 1st with the last: a question "above", and a caption saying the last
    candidate is not assessable and why."""
    app.selectbox(key="why__b").set_value("light").run()
    assert not app.exception
    page = texts(app)
    assert f"above **{LAST}** (5.)?" in page
    assert f"Mind the data: **{LAST}** is not assessable (4 of 6 figures imputed" in page


def test_same_candidate_twice_asks_for_two(app: AppTest) -> None:
    """Picking one candidate on both sides asks for two instead of drawing an empty chart."""
    app.selectbox(key="why__b").set_value(app.selectbox(key="why__a").value).run()
    assert [i.value for i in app.info if "two different" in i.value]
    assert not [a for a in chart_alts(app) if a.startswith("Contribution of")]


def test_last_placed_cluster_is_marked_not_assessable_with_the_reason(app: AppTest) -> None:
    """Table: imputed count, the criteria named, "not assessable" and why; a warning under the
    score chart says the same; the others are assessable."""
    frame = ranking_frame(app)
    last = frame.iloc[-1]
    assert last["candidate"] == LAST
    assert last["imputed"] == "4 of 6 imputed"
    assert last["assessable"] == "not assessable: 4 of 6 figures imputed (above half)"
    assert last["imputed criteria"].split("; ") == list(IMPUTED_LAST)
    assert set(frame["assessable"].iloc[:-1]) == {"yes"}
    assert frame["imputed"].iloc[0] == "none of 6"
    warnings = [seen(w.value) for w in app.warning if "not assessable" in w.value]
    assert warnings == [
        f"**{LAST}** is not assessable: 4 of 6 figures imputed (above half). Its place rests "
        "mostly on figures the missing-data policy filled in, not on its data."
    ]
    assert "Score of each candidate" in chart_alts(app)


def test_method_picker_groups_and_advises(app: AppTest) -> None:
    """The 21 methods come grouped (recommended first), the chosen one's advice is in the open,
    and every group with its methods is one click away."""
    options = app.selectbox(key="method__pick").options
    assert len(options) == 21
    assert options[:3] == [
        "Recommended · TOPSIS",
        "Recommended · Weighted sum (WSM / SAW)",
        "Recommended · AHP synthesis",
    ]
    assert "Outranking · PROMETHEE II" in options
    assert "Distance-based (compromise) · VIKOR" in options
    assert "Compensatory (utility) · WASPAS" in options
    page = texts(app)
    assert "**TOPSIS** · Distance-based (compromise) · recommended — A sound default" in page
    for group in ("Recommended", "Compensatory (utility)", "Distance-based (compromise)"):
        assert f"**{group}**: " in page
    assert "**Outranking**: pairwise preferences" in page
    assert "- **PROMETHEE II**: When a small difference should not count" in page
    assert "TOPSIS, vector normalisation · higher score is better" in page


def _promethee(app: AppTest, function: str) -> AppTest:
    app.selectbox(key="method__pick").set_value("promethee_ii").run()
    app.selectbox(key="setting__promethee_ii__preference_function").set_value(function).run()
    assert not app.exception
    return app


def test_promethee_threshold_for_all_criteria_reaches_the_settings_line(app: AppTest) -> None:
    """One p for every criterion: the ranking's settings line and the plain caption say it."""
    at = _promethee(app, "vshape")
    at.radio(key="setting__promethee_ii__thresholds").set_value("all").run()
    at.number_input(key="setting__promethee_ii__p").set_value(5.0).run()
    assert not at.exception
    page = texts(at)
    assert "Settings: promethee_ii (preference_function=vshape, p=5.0, q=None)" in page
    assert "preference threshold p = 5 for every criterion" in page
    assert at.session_state["method_settings"]["promethee_ii"]["p"] == 5.0


def test_promethee_thresholds_per_criterion(app: AppTest) -> None:
    """q and p per criterion reach the settings; a p left empty for one criterion is refused
    with a warning and the default p is used."""
    at = _promethee(app, "level")
    at.radio(key="setting__promethee_ii__thresholds").set_value("each").run()
    for j in range(6):
        at.number_input(key=f"setting__promethee_ii__p__{j}").set_value(float(j + 2))
    at.number_input(key="setting__promethee_ii__q__0").set_value(1.0)
    at.run()
    assert not at.exception
    page = texts(at)
    assert "p=[2.0, 3.0, 4.0, 5.0, 6.0, 7.0], q=[1.0, 0.0, 0.0, 0.0, 0.0, 0.0]" in page
    at.number_input(key="setting__promethee_ii__p__3").set_value(None).run()
    assert [w for w in at.warning if "Give p for every criterion" in w.value]
    assert "p=None, q=[1.0, 0.0, 0.0, 0.0, 0.0, 0.0]" in texts(at)


def test_usual_preference_function_needs_no_thresholds(app: AppTest) -> None:
    """With the usual preference function no threshold box is drawn, and the page says why."""
    at = _promethee(app, "usual")
    with pytest.raises(KeyError):
        at.radio(key="setting__promethee_ii__thresholds")
    assert "it uses no thresholds" in texts(at)
    page = texts(at)
    assert "score is not a sum over criteria" in page
    assert "They are weighted positions" in page
