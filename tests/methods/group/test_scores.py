"""Scored items: aggregation, abstentions counted, IQR, share within one scale step."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.group import summarize_scores


def test_one_item_by_hand() -> None:
    """Answers 1, 2, 3, 5, 5 (equal weights): median 3; quartiles by Hyndman & Fan
    definition 2: Q1 = 2, Q3 = 5, IQR 3; within one step of 3: the 2 and the 3, 2/5 = 0.4;
    mean 3.2; trimmed mean cutting 20 % each tail: mean of 2, 3, 5 = 10/3."""
    x = np.array([1.0, 2, 3, 5, 5])[:, None]
    r = summarize_scores(x)
    assert (r.values[0], r.q1[0], r.q3[0], r.iqr[0]) == (3.0, 2.0, 5.0, 3.0)
    assert r.within_one_step[0] == pytest.approx(0.4)
    assert summarize_scores(x, method="mean").values[0] == pytest.approx(3.2)
    trimmed = summarize_scores(x, method="trimmed_mean", trim=0.2).values[0]
    assert trimmed == pytest.approx(10 / 3)


def test_abstentions_and_missing_answers_are_excluded_and_counted() -> None:
    """K = 4 experts × 2 candidates × 1 criterion. Expert 4 abstains on candidate 1 (its
    value 1 is ignored), expert 3 gives no answer on candidate 2; candidate 2 is otherwise
    answered 4, 4, 5."""
    x = np.array([[[5.0], [4.0]], [[4.0], [4.0]], [[5.0], [np.nan]], [[1.0], [5.0]]])
    abstain = np.zeros(x.shape, dtype=bool)
    abstain[3, 0, 0] = True
    r = summarize_scores(x, abstain)
    assert r.values.shape == (2, 1)
    assert r.values[0, 0] == 5.0  # median of 5, 4, 5
    assert (r.answered[:, 0].tolist(), r.abstained[:, 0].tolist()) == ([3, 3], [1, 0])
    assert r.missing[:, 0].tolist() == [0, 1]
    assert any("1 abstention(s)" in n for n in r.notes)


def test_item_nobody_answered_is_flagged_not_silently_nan() -> None:
    x = np.array([[3.0, np.nan], [4.0, np.nan]])
    r = summarize_scores(x, np.array([[False, True], [False, False]]))
    assert r.defined.tolist() == [True, False]
    assert np.isnan(r.values[1])
    assert any("1 item(s) have no counted answer" in n for n in r.notes)


def test_weights_move_the_median_and_the_share() -> None:
    """Expert weights (0.6, 0.2, 0.2) on answers 5, 1, 2: the weighted median is 5 and only
    the first answer (weight 0.6) is within one step of it."""
    x = np.array([[5.0], [1.0], [2.0]])
    r = summarize_scores(x, expert_weights=[0.6, 0.2, 0.2])
    assert r.values[0] == 5.0
    assert r.within_one_step[0] == pytest.approx(0.6)
    assert str(r.settings["quantiles"]).startswith("Hyndman-Fan definition 2")


def test_bad_shapes_are_refused() -> None:
    with pytest.raises(MethodInputError, match="abstain flags must have the scores' shape"):
        summarize_scores(np.ones((3, 2)), np.zeros((3, 1), dtype=bool))
    with pytest.raises(MethodInputError, match="infinite"):
        summarize_scores(np.array([[1.0], [np.inf]]))
    with pytest.raises(MethodInputError, match="scale step"):
        summarize_scores(np.ones((2, 1)), step=0)
