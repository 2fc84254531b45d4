"""Plain words for a method and its settings (methods.settings_words)."""

from __future__ import annotations

from clusterrank.methods.settings_words import describe, method_words


def test_topsis_in_plain_words() -> None:
    """The issue's example: "TOPSIS, vector normalisation"."""
    assert describe("topsis", {"normalization": "vector"}) == "TOPSIS, vector normalisation"
    assert describe("wsm", {"normalization": "minmax"}) == (
        "Weighted sum (WSM / SAW), min-max normalisation"
    )


def test_promethee_thresholds_are_worded_only_when_used() -> None:
    """p and q are named when the preference function uses them: default, one value, or one
    per criterion; the usual function mentions neither."""
    usual = describe("promethee_ii", {"preference_function": "usual", "p": 3.0, "q": None})
    assert "threshold" not in usual
    vshape = describe("promethee_ii", {"preference_function": "vshape", "p": 5.0, "q": None})
    assert vshape == (
        "PROMETHEE II, V-shape preference function (grows linearly up to p), "
        "preference threshold p = 5 for every criterion"
    )
    level = describe("promethee_ii", {"preference_function": "level", "p": None, "q": [1, 2.5]})
    assert "preference threshold p = each criterion's range" in level
    assert "indifference threshold q per criterion (1, 2.5)" in level


def test_other_settings_and_unknown_names() -> None:
    """VIKOR's v, WASPAS's λ, AHP's mode, SPOTIS bounds; an unknown setting and method are
    still shown, never dropped."""
    assert describe("vikor", {"v": 0.5}) == "VIKOR, weight of the majority rule v = 0.5"
    assert "sum-product balance λ = 0.3" in describe(
        "waspas", {"normalization": "linear", "l": 0.3}
    )
    assert describe("ahp", {"mode": "ideal"}) == "AHP synthesis, best value = 1 (ideal mode)"
    assert describe("spotis", {"bounds": None}) == "SPOTIS, bounds from the data range"
    assert describe("spotis", {"bounds": [[0, 1]]}) == "SPOTIS, bounds as given"
    assert method_words("X", {"block_size": 32, "mode": "odd"}) == "X, block size 32, mode odd"
    assert describe("nope", {}) == "nope"
