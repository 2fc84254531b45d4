"""Tests of the pymcdm adapter's ranking catalogue; pymcdm itself is the oracle."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import methods as pm
from pymcdm import normalizations
from pymcdm.helpers import rankdata

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.pymcdm_adapter import catalogue, rank_with_pymcdm
from clusterrank.methods.pymcdm_catalogue import RANKING
from clusterrank.methods.result import ranks_from_scores
from tests.helpers.problems import build_problem

NORMS = {
    "minmax": normalizations.minmax_normalization,
    "max": normalizations.max_normalization,
    "sum": normalizations.sum_normalization,
    "vector": normalizations.vector_normalization,
    "linear": normalizations.linear_normalization,
}
NAMES = [info.name for info in catalogue()]
ASCENDING = {"vikor", "spotis", "mairca"}


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for name, spec in RANKING.items():
        if name == "copras":  # compared with the published formula below, not with pymcdm
            continue
        norm = spec.info.settings.get("normalization")
        for choice in norm.choices if norm else (None,):
            cases.append((name, {} if choice is None else {"normalization": choice}))
    cases += [
        ("vikor", {"v": 0.3}),
        ("waspas", {"l": 0.2}),
        ("cocoso", {"l": 0.8}),
        ("promethee_ii", {"preference_function": "vshape", "p": [30.0, 40.0, 50.0, 60.0]}),
        ("promethee_ii", {"preference_function": "level", "p": 40.0, "q": 10.0}),
        ("promethee_ii", {"preference_function": "vshape_2", "p": 50.0, "q": 5.0}),
        ("spotis", {"bounds": [[0.0, 120.0]] * 4}),
    ]
    return cases


def _oracle(name: str, used: dict[str, Any], x: np.ndarray) -> Any:
    """The pymcdm object a user would build by hand with the same explicit settings."""
    cls = getattr(pm, RANKING[name].cls_name)
    if name == "vikor":
        return cls(v=used["v"])
    if name == "promethee_ii":
        p = None if used["p"] is None else np.asarray(used["p"])
        q = None if used["q"] is None else np.asarray(used["q"])
        return cls(used["preference_function"], p=p, q=q)
    if name == "spotis":
        bounds = cls.make_bounds(x) if used["bounds"] is None else np.asarray(used["bounds"])
        return cls(bounds)
    kwargs: dict[str, Any] = {}
    if "normalization" in used:
        kwargs["normalization_function"] = NORMS[used["normalization"]]
    if "l" in used:
        kwargs["l"] = used["l"]
    return cls(**kwargs)


def _problem(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p = build_problem(7, 4, seed=seed)
    d = p.directions.copy()
    d[-1] = -1  # COPRAS and MOORA (pymcdm) need a cost criterion
    return p.matrix, p.weights, d


def test_catalogue_entries_are_complete() -> None:
    """Every required method is listed, as a pymcdm ranking method with a reference."""
    required = {"vikor", "promethee_ii", "spotis", "copras", "pymcdm_wsm", "wpm", "pymcdm_topsis"}
    assert required <= set(NAMES)
    assert "topsis" not in NAMES
    assert "wsm" not in NAMES
    for info in catalogue():
        assert info.kind == "ranking"
        assert info.implementation == "pymcdm"
        assert info.name == info.name.lower()
        assert len(info.reference) > 40


@pytest.mark.parametrize("name", NAMES)
def test_orientation_matches_pymcdm(name: str) -> None:
    """higher_is_better equals pymcdm's own `_reverse_ranking` for the class that runs it."""
    info = RANKING[name].info
    assert info.higher_is_better == getattr(pm, RANKING[name].cls_name)._reverse_ranking
    assert info.higher_is_better == (name not in ASCENDING)


@pytest.mark.parametrize(("name", "user_settings"), _cases())
@pytest.mark.parametrize("seed", [3, 11])
def test_scores_equal_direct_pymcdm_call(
    name: str, user_settings: dict[str, Any], seed: int
) -> None:
    """On a seeded random problem the adapter returns exactly what pymcdm returns when called
    by hand with the same explicit settings, and echoes every setting it used."""
    x, w, d = _problem(seed)
    scores, higher, _notes, details = rank_with_pymcdm(name, x, w, d, user_settings)
    used = details["settings"]
    for key, value in user_settings.items():
        if key not in ("p", "q"):
            assert used[key] == value
    expected = _oracle(name, used, x)(x, w, d, validation=False)
    np.testing.assert_allclose(scores, expected, rtol=1e-12, atol=1e-15)
    assert higher == RANKING[name].info.higher_is_better
    if "normalization" in RANKING[name].info.settings:
        assert used["normalization"] in NORMS


def test_copras_follows_published_formula() -> None:
    """COPRAS utility degree N_i = Q_i / max Q with Q_i = S+_i + sum(S-) / (S-_i sum(1/S-)),
    Zavadskas, Kaklauskas & Šarka (1994), recomputed here from the sum-normalised matrix."""
    x, w, d = _problem(5)
    scores, higher, notes, details = rank_with_pymcdm("copras", x, w, d, {})
    v = x / x.sum(axis=0) * w
    s_plus, s_minus = v[:, d == 1].sum(axis=1), v[:, d == -1].sum(axis=1)
    q = s_plus + s_minus.sum() / (s_minus * np.sum(1.0 / s_minus))
    np.testing.assert_allclose(scores, q / q.max(), rtol=1e-12)
    np.testing.assert_allclose(details["s_minus"], s_minus, rtol=1e-12)
    assert higher
    assert any("published" in note for note in notes)


def test_pymcdm_copras_defect_is_still_present() -> None:
    """pymcdm 1.4.0's COPRAS returns (S+ + S-)/max: a candidate with the highest costs wins.
    When pymcdm fixes this, this test fails and the adapter's workaround can go."""
    x = np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 1.0], [3.0, 1.0, 2.0]])
    w, d = np.full(3, 1 / 3), np.array([1, -1, -1])
    raw = pm.COPRAS()(x, w, d, validation=False)
    v = x / x.sum(axis=0) * w
    s = v[:, 0] + v[:, 1:].sum(axis=1)
    np.testing.assert_allclose(raw, s / s.max(), rtol=1e-12)
    fixed = rank_with_pymcdm("copras", x, w, d, {})[0]
    assert int(np.argmax(fixed)) == 2  # best benefit and lowest total cost


@pytest.mark.parametrize("name", NAMES)
def test_dominating_candidate_ranks_first(name: str) -> None:
    """A candidate best on every criterion gets rank 1 under every method."""
    rng = np.random.default_rng(42)
    x = rng.uniform(10, 50, size=(6, 4))
    d = np.array([1, -1, 1, -1])
    x[3] = np.where(d == 1, 60.0, 5.0)
    scores, higher, _notes, _details = rank_with_pymcdm(name, x, np.full(4, 0.25), d, {})
    ranks = ranks_from_scores(scores, higher_is_better=higher)
    assert ranks[3] == 1
    assert np.all(ranks[np.arange(6) != 3] > 1)


@pytest.mark.parametrize("name", sorted(ASCENDING))
def test_ascending_methods_rank_lowest_score_first(name: str) -> None:
    """For VIKOR, SPOTIS and MAIRCA the lowest score is rank 1, as pymcdm's own ranking says."""
    x, w, d = _problem(8)
    scores, higher, _notes, _details = rank_with_pymcdm(name, x, w, d, {})
    assert not higher
    ranks = ranks_from_scores(scores, higher_is_better=higher)
    assert ranks[int(np.argmin(scores))] == 1
    reverse = getattr(pm, RANKING[name].cls_name)._reverse_ranking
    pymcdm_ranks = rankdata(scores, reverse=reverse)
    np.testing.assert_array_equal(ranks, pymcdm_ranks)


def test_pymcdm_warning_becomes_note() -> None:
    """pymcdm warns about a dominated candidate and a zero weight; both arrive as notes (and
    no warning escapes: pytest turns stray warnings into errors)."""
    x = np.array([[1.0, 1.0, 9.0], [5.0, 3.0, 2.0], [3.0, 6.0, 4.0]])
    d = np.array([1, 1, -1])
    _scores, _higher, notes, _details = rank_with_pymcdm(
        "pymcdm_wsm", x, np.array([0.5, 0.5, 0.0]), d, {}
    )
    assert any("row(s) 1 worst on every criterion" in note for note in notes)
    assert any(note.startswith("pymcdm warning: Weights should be positive") for note in notes)


@pytest.mark.parametrize("name", NAMES)
def test_constant_criterion_and_identical_candidates_give_no_nan(name: str) -> None:
    """A constant column and two identical candidates: finite scores, the twins tie, and VIKOR
    and SPOTIS (which would divide 0 by 0) say they left the column out."""
    x = np.array(
        [[4.0, 7.0, 2.0, 3.0], [6.0, 7.0, 5.0, 2.0], [6.0, 7.0, 5.0, 2.0], [3.0, 7.0, 8.0, 6.0]]
    )
    d = np.array([1, 1, -1, -1])
    scores, _higher, notes, details = rank_with_pymcdm(name, x, np.full(4, 0.25), d, {})
    assert np.all(np.isfinite(scores))
    assert scores[1] == pytest.approx(scores[2], rel=1e-12, abs=1e-12)
    if name in ("vikor", "spotis"):
        assert details["dropped_constant_columns"] == [1]
        assert any("column(s) 2" in note for note in notes)


def test_vikor_with_equal_group_utility_and_regret_is_a_defined_tie() -> None:
    """Two mirror-image candidates share S and R; pymcdm's Q is 0/0, the adapter's Q is 0."""
    x = np.array([[1.0, 0.0], [0.0, 1.0]])
    scores, _higher, notes, _details = rank_with_pymcdm(
        "vikor", x, np.array([0.5, 0.5]), np.array([1, 1]), {}
    )
    np.testing.assert_array_equal(scores, [0.0, 0.0])
    assert sum("its term in Q is 0" in note for note in notes) == 2


@pytest.mark.parametrize(
    ("name", "x", "d", "user_settings", "fragment"),
    [
        ("vikor", [[1.0, 2.0], [1.0, 2.0]], [1, 1], {}, "every criterion has the same value"),
        ("wpm", [[1.0, -2.0], [2.0, 3.0]], [1, 1], {}, "row 1, column 2"),
        ("copras", [[1.0, 2.0], [2.0, 0.0]], [1, -1], {}, "row 2, column 2 is 0"),
        ("pymcdm_topsis", [[1.0, 2.0]], [1, 1], {}, "at least 2 candidates"),
        ("cocoso", [[1.0, 1.0], [2.0, 3.0], [3.0, 2.0]], [1, 1], {}, "normalization 'linear'"),
        ("spotis", [[1.0, 5.0], [2.0, 3.0]], [1, 1], {"bounds": [[0, 3], [0, 4]]}, "column 2"),
    ],
)
def test_unusable_data_raise_clear_errors(
    name: str, x: list[list[float]], d: list[int], user_settings: dict[str, Any], fragment: str
) -> None:
    """Data a method cannot take raise MethodInputError naming the problem."""
    args = (np.asarray(x), np.full(len(d), 1 / len(d)), np.asarray(d), user_settings)
    with pytest.raises(MethodInputError, match=fragment):
        rank_with_pymcdm(name, *args)


@pytest.mark.parametrize(
    ("name", "user_settings", "fragment"),
    [
        ("no_such_method", {}, "must be one of"),
        ("vikor", {"normalization": "minmax"}, "no setting"),
        ("vikor", {"v": 1.5}, r"\[0, 1\]"),
        ("pymcdm_topsis", {"normalization": "zscore"}, "must be one of"),
        ("promethee_ii", {"preference_function": "gauss"}, "must be one of"),
        ("promethee_ii", {"preference_function": "vshape_2", "p": 1.0, "q": 2.0}, "'p' must be"),
        ("promethee_ii", {"preference_function": "vshape", "p": [1.0, 2.0]}, "one number >= 0"),
        ("spotis", {"bounds": [[5, 1], [0, 9], [0, 9], [0, 9]]}, "min < max"),
    ],
)
def test_bad_settings_raise_configuration_error(
    name: str, user_settings: dict[str, Any], fragment: str
) -> None:
    """Unknown methods and settings, values outside their choices or range are refused."""
    x, w, d = _problem(1)
    with pytest.raises(ConfigurationError, match=fragment):
        rank_with_pymcdm(name, x, w, d, user_settings)


def test_defaults_are_noted_and_echoed() -> None:
    """PROMETHEE II thresholds and SPOTIS bounds taken by default are stated and echoed."""
    x, w, d = _problem(2)
    _s, _h, notes, details = rank_with_pymcdm(
        "promethee_ii", x, w, d, {"preference_function": "vshape"}
    )
    np.testing.assert_allclose(details["settings"]["p"], np.ptp(x, axis=0))
    assert any("p defaults" in note for note in notes)
    _s, _h, notes, details = rank_with_pymcdm("spotis", x, w, d, {})
    np.testing.assert_allclose(details["bounds"], np.column_stack([x.min(0), x.max(0)]))
    assert any("SPOTIS bounds" in note for note in notes)


@settings(max_examples=50, deadline=None)
@given(
    name=st.sampled_from(NAMES),
    seed=st.integers(0, 10_000),
    m=st.integers(2, 6),
    n=st.integers(1, 4),
    constant=st.booleans(),
)
def test_never_a_silent_nan(name: str, seed: int, m: int, n: int, constant: bool) -> None:
    """Invariant: on any positive matrix (even with a constant column or tiny sizes) every
    method returns finite scores or raises MethodInputError, never NaN or infinity."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 5, size=(m, n)).astype(float)
    if constant:
        x[:, 0] = 3.0
    d = np.where(rng.random(n) < 0.5, -1, 1)
    try:
        scores, _h, notes, _d = rank_with_pymcdm(name, x, np.full(n, 1.0 / n), d, {})
    except MethodInputError as exc:
        message = str(exc)
    else:
        assert np.all(np.isfinite(scores))
        assert all(isinstance(note, str) for note in notes)
        return
    assert len(message) > 20  # a sentence a person can act on, not a bare code


def test_data_errors_name_the_candidate_and_criterion() -> None:
    """Through the registry, a value a method cannot take is named by candidate and
    criterion id, not by row and column number."""
    from clusterrank.errors import MethodInputError
    from clusterrank.methods.registry import rank

    x = np.array([[1.0, 2.0], [3.0, 0.0], [2.0, 5.0]])
    with pytest.raises(MethodInputError, match=r"candidate 'beta', criterion 'cost' is 0"):
        rank(
            x,
            None,
            [1, -1],
            "copras",
            candidates=["alpha", "beta", "gamma"],
            criteria=["size", "cost"],
        )
