"""Which weight changes the result first (reports.sensitivity_view), and the stability table
with names."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.registry import rank
from clusterrank.methods.sensitivity import StabilityInterval, StabilityResult, stability_intervals
from clusterrank.methods.sensitivity.common import path_weights
from clusterrank.reports.sensitivity_view import (
    change_distance,
    first_change,
    first_change_sentence,
    move_text,
    stability_table,
    with_names,
)

NAMES = {"a": "Alpha cluster", "b": "«Бета»", "ab": "AB group"}
TITLES = {"c1": "Investment", "c2": "Staff"}


def _interval(
    criterion: str, weight: float, lower: float, upper: float, below: str = "", above: str = ""
) -> StabilityInterval:
    return StabilityInterval(criterion, weight, "winner", lower, upper, below, above, "analytic")


def _result(*intervals: StabilityInterval) -> StabilityResult:
    crit = tuple(iv.criterion for iv in intervals)
    return StabilityResult(
        "wsm", ("a", "b"), crit, np.full(len(crit), 1 / len(crit)), np.array([1, 2]), intervals
    )


def test_a_bound_where_nothing_changes_does_not_count() -> None:
    """c1's winner holds over all of [0, 1]: its small weight is no fragility; the first real
    change is c2's, and ``most_fragile`` agrees."""
    result = _result(
        _interval("c1", 0.05, 0.0, 1.0),
        _interval("c2", 0.30, 0.0, 0.40, above="b ranks first"),
    )
    fragile = result.most_fragile("winner")
    assert fragile is not None
    assert fragile.criterion == "c2"
    found = first_change(result, "winner")
    assert found is not None
    assert found.criterion == "c2"
    assert found.direction == "up"
    assert found.distance == pytest.approx(0.10)
    assert found.change == "b ranks first"


def test_no_change_anywhere_gives_none_and_says_so() -> None:
    result = _result(_interval("c1", 0.5, 0.0, 1.0), _interval("c2", 0.5, 0.0, 1.0))
    assert first_change(result) is None
    assert change_distance(result.intervals[0]) == (math.inf, "", "")
    sentence = first_change_sentence(None, "winner", TITLES, NAMES)
    assert sentence.startswith("The winner stays the same whichever single weight moves")


def test_the_nearer_side_wins_and_the_sentence_follows_the_template() -> None:
    """A change below at 0.1 below the weight beats one above at 0.2 above it."""
    iv = _interval("c2", 0.35, 0.25, 0.55, below="b ranks first", above="a and b tie for first")
    found = first_change(_result(_interval("c1", 0.65, 0.0, 1.0), iv))
    assert found is not None
    assert found.direction == "down"
    assert found.distance == pytest.approx(0.10)
    sentence = first_change_sentence(found, "winner", TITLES, NAMES)
    assert sentence == (
        "The winner changes first when **Staff** moves: it holds for weights 25.0%..55.0%, "
        "now 35.0%. Below 25.0%: «Бета» ranks first."
    )


def test_unknown_level_names_the_levels() -> None:
    with pytest.raises(MethodInputError, match=r"no stability level 'top 9'; levels are"):
        first_change(_result(_interval("c1", 0.5, 0.0, 1.0)), "top 9")


def test_names_replace_whole_ids_only() -> None:
    """``a`` inside ``ab`` or ``a-1`` is not an id; the longest id is matched first."""
    text = "a and ab swap places; a-1 and xa stay"
    assert with_names(text, NAMES) == "Alpha cluster and AB group swap places; a-1 and xa stay"
    assert with_names("", NAMES) == ""
    assert with_names("b ranks first", {}) == "b ranks first"


def test_move_text() -> None:
    assert move_text(0.1087, "up") == "+10.9 pp"
    assert move_text(0.05, "down") == "-5.0 pp"
    assert move_text(math.inf, "") == "none in 0-100%"


def test_stability_table_puts_the_closest_change_first() -> None:
    result = _result(
        _interval("c1", 0.5, 0.0, 1.0),
        _interval("c2", 0.5, 0.2, 1.0, below="b ranks first"),
    )
    table = stability_table(result, "winner", TITLES, NAMES)
    assert list(table["criterion"]) == ["Staff", "Investment"]
    assert list(table["move to a change"]) == ["-30.0 pp", "none in 0-100%"]
    assert list(table["below"]) == ["«Бета» ranks first", "no change"]
    assert not table[["weight", "holds from", "holds to"]].isna().any().any()


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), m=st.integers(2, 5), n=st.integers(2, 4))
def test_first_change_is_the_smallest_move_that_changes_the_winner(
    seed: int, m: int, n: int
) -> None:
    """Invariant (weighted sum, random data): moving the criterion ``first_change`` names a
    little past its bound changes the winner, and no criterion's winner interval has a
    change nearer to its current weight than that distance."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 10, size=(m, n))
    w = rng.dirichlet(np.ones(n))
    dirs = [1] * n
    result = stability_intervals(x, w, dirs, "wsm", top_k=1)
    found = first_change(result, "winner")
    distances = [change_distance(iv)[0] for iv in result.intervals if iv.level == "winner"]
    if found is None:
        assert all(math.isinf(d) for d in distances)
        return
    assert found.distance == min(distances)
    j = result.criteria.index(found.criterion)
    step = 1e-6 if found.direction == "up" else -1e-6
    bound = found.interval.upper if found.direction == "up" else found.interval.lower
    t = min(1.0, max(0.0, bound + step))
    before = rank(x, w, dirs, "wsm").ranks == 1
    after = rank(x, path_weights(w, j, np.array([t]))[0], dirs, "wsm").ranks == 1
    assert not np.array_equal(before, after)
