"""Chart data (ui.widgets.charts): bar chart capped at the best 30, profile rescaling."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.ui.widgets.charts import MAX_BARS, profile_chart, profile_frame, score_bar


def _matrix(values: list[list[float]], directions: list[int]) -> DecisionMatrix:
    x = np.asarray(values, dtype=float)
    m, n = x.shape
    return DecisionMatrix(
        values=x,
        directions=np.asarray(directions),
        candidates=tuple(f"a{i}" for i in range(m)),
        candidate_names=tuple(f"Кандидат {i}" for i in range(m)),
        criteria=tuple(f"c{j}" for j in range(n)),
        criterion_titles=tuple(f"Criterion {j}" for j in range(n)),
        units=("t",) * n,
        groups=("g",) * n,
        imputed=np.zeros((m, n), dtype=bool),
        illustrative=np.zeros((m, n), dtype=bool),
    )


def test_score_bar_shows_the_best_thirty() -> None:
    """With 40 candidates the chart carries the first 30 rows of the rank order."""
    frame = pd.DataFrame(
        {"name": [f"n{i}" for i in range(40)], "score": np.linspace(1, 0, 40), "rank": range(1, 41)}
    )
    chart = score_bar(frame, higher_is_better=True, method="topsis")
    data = chart.data
    assert isinstance(data, pd.DataFrame)
    assert len(data) == MAX_BARS
    assert data["label"].iloc[0] == "1. n0"


def test_profile_rescales_with_direction_and_flags_constant_columns() -> None:
    """Benefit: max -> 1; cost: min -> 1; a constant column is drawn at 0.5 with a note, never
    NaN."""
    m = _matrix([[1, 10, 5], [3, 30, 5], [2, 20, 5]], [1, -1, 1])
    frame, notes = profile_frame(m)
    pos = frame.pivot_table(index="candidate", columns="criterion", values="position")
    assert pos.loc["Кандидат 1", "1. Criterion 0"] == pytest.approx(1.0)
    assert pos.loc["Кандидат 0", "2. Criterion 1"] == pytest.approx(1.0)
    assert pos.loc["Кандидат 2", "2. Criterion 1"] == pytest.approx(0.5)
    assert (pos["3. Criterion 2"] == 0.5).all()
    assert not frame["position"].isna().any()
    assert notes == ["'Criterion 2' is the same for every candidate; drawn at the middle"]
    assert profile_chart(frame, "Кандидат 0").to_dict()["layer"]
