"""Chart data of the Ranking page: score bars that never vanish, not-assessable marking, the
"why" charts' frames, the pair summary and the caption for each kind of contribution."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterrank.analysis.explain import Explanation, explain
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria import DecisionMatrix, Scenario, decision_matrix
from clusterrank.criteria.loading import load_scenario
from clusterrank.ui.widgets.charts import (
    MIN_BAR_SHARE,
    NOT_ASSESSABLE_COLOUR,
    score_bar,
    score_frame,
)
from clusterrank.ui.widgets.why_chart import (
    contribution_chart,
    contribution_frame,
    kind_caption,
    pair_chart,
    pair_frame,
    pair_summary,
)
from tests.helpers.ui import ROOT

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
Loaded = tuple[Scenario, DecisionMatrix]


def _ranking(scores: list[float]) -> pd.DataFrame:
    n = len(scores)
    return pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "name": [f"Кандидат {i}" for i in range(n)],
            "score": scores,
            "rank": range(1, n + 1),
        }
    )


def test_a_zero_score_keeps_a_visible_bar_and_its_true_value() -> None:
    """Scores 0.8, 0.4, 0 and -0.001: the last two are drawn at the minimum length on their
    side of 0; every bar's text gives the true score."""
    data = score_frame(_ranking([0.8, 0.4, 0.0, -0.001]))
    floor = MIN_BAR_SHARE * 0.8
    np.testing.assert_allclose(data["bar"], [0.8, 0.4, floor, -floor])
    assert data["text"].tolist() == ["0.8000", "0.4000", "0.0000", "-0.0010"]
    np.testing.assert_allclose(data["end"], [0.8, 0.4, floor, 0.0])
    assert data["assessable"].all()


def test_all_zero_scores_still_draw_bars() -> None:
    """When every score is 0 the bars get a fixed minimum length (no division by zero)."""
    data = score_frame(_ranking([0.0, 0.0]))
    np.testing.assert_allclose(data["bar"], [MIN_BAR_SHARE, MIN_BAR_SHARE])


def test_not_assessable_candidates_are_marked_in_label_text_and_tooltip() -> None:
    """The flagged candidate's label and value text say "not assessable"; the reason is kept
    for the tooltip; the chart draws it in its own colour."""
    data = score_frame(_ranking([0.7, 0.0]), {"c1": "4 of 6 figures imputed (above half)"})
    assert data["label"].tolist() == ["1. Кандидат 0", "2. Кандидат 1 (not assessable)"]
    assert data["text"].tolist() == ["0.7000", "0.0000 · not assessable"]
    assert data["reason"].tolist() == ["-", "4 of 6 figures imputed (above half)"]
    assert data["assessable"].tolist() == [True, False]
    spec = score_bar(
        _ranking([0.7, 0.0]), higher_is_better=True, method="topsis", not_assessable={"c1": "x"}
    ).to_dict()
    assert NOT_ASSESSABLE_COLOUR in str(spec["layer"][0]["encoding"]["color"])
    assert spec["layer"][1]["mark"]["type"] == "text"


@pytest.fixture(scope="module")
def kemerovo() -> Loaded:
    scenario = load_scenario(KEMEROVO)
    matrix = decision_matrix(scenario)
    return scenario, matrix


def _explanation(kemerovo: Loaded, method: str) -> Explanation:
    scenario, matrix = kemerovo
    return explain(rank_scenario(scenario, matrix=matrix, method=method), matrix)


def test_contribution_frame_labels_rows_and_flags_the_last(kemerovo: Loaded) -> None:
    """One row per candidate and criterion, labelled "rank. name", the not-assessable one
    marked; the stacked chart draws every criterion."""
    expl = _explanation(kemerovo, "topsis")
    frame = contribution_frame(expl)
    assert len(frame) == 5 * 6
    labels = list(dict.fromkeys(frame["label"]))
    assert labels[0].startswith("1. «Комплексная")
    assert labels[-1] == "5. Кластер легкой промышленности (not assessable)"
    assert sorted(set(frame["order"])) == list(range(6))
    spec = contribution_chart(frame).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["stack"] == "zero"


@pytest.mark.parametrize(
    ("method", "words"),
    [
        ("wsm", "add up to its score exactly"),
        ("topsis", "share of the squared distances to these two points"),
        ("vikor", "score is not a sum over criteria"),
    ],
)
def test_caption_says_what_the_bars_are(kemerovo: Loaded, method: str, words: str) -> None:
    """Additive: an exact sum; TOPSIS: shares of the squared distances; others: not a sum."""
    assert words in kind_caption(_explanation(kemerovo, method), "The method")


def test_weighted_sum_contributions_add_up_to_the_scores(kemerovo: Loaded) -> None:
    """For the weighted sum the stacked segments of a bar add up to the score shown."""
    expl = _explanation(kemerovo, "wsm")
    frame = contribution_frame(expl)
    sums = frame.groupby("id")["contribution"].sum()
    scores = expl.report.to_frame().set_index("id")["score"]
    np.testing.assert_allclose(sums[scores.index], scores, atol=1e-12)


PAIR = pd.DataFrame(
    {
        "criterion": ["x", "y", "z"],
        "title": ["X", "Y", "Z"],
        "a": [0.3, 0.1, 0.2],
        "b": [0.1, 0.15, 0.2],
        "difference": [0.2, -0.05, 0.0],
    }
)


def test_pair_frame_marks_gains_and_losses_by_sign_and_shape() -> None:
    """Gains get ▲ and a plus sign, losses ▼ and a minus sign, a tie "= 0"."""
    frame = pair_frame(PAIR, "A", "B")
    assert frame["side"].tolist() == ["A ahead", "B ahead", "level"]
    assert frame["label"].tolist() == ["▲ +0.2000", "▼ −0.0500", "= 0"]
    assert frame["gain"].tolist() == [True, False, False]
    spec = pair_chart(frame, "A", "B").to_dict()
    bars = spec["layer"][0]["encoding"]
    assert "strokeDash" in bars
    assert "opacity" in bars


def test_pair_summary_names_the_largest_gain_and_loss() -> None:
    """Both, gains only, losses only, and none."""
    assert pair_summary(PAIR, "A", "B") == (
        "**A** gains most on *X* (+0.2000) and loses most on *Y* (−0.0500) against **B**."
    )
    gains = PAIR.assign(difference=[0.2, 0.0, 0.1])
    assert pair_summary(gains, "A", "B").startswith("**A** is ahead of or level with **B**")
    losses = PAIR.assign(difference=[-0.2, 0.0, 0.0])
    assert pair_summary(losses, "A", "B") == (
        "**A** gains on no criterion against **B**; it loses most on *X* (−0.2000)."
    )
    level = PAIR.assign(difference=[0.0, 0.0, 0.0])
    assert (
        pair_summary(level, "A", "B") == "**A** and **B** contribute the same on every criterion."
    )
