"""Method advice (methods.families): every ranking method has a family and a line of advice."""

from __future__ import annotations

import pytest

from clusterrank.errors import ConfigurationError
from clusterrank.methods.families import ADVICE, FAMILIES, advice, group_of, grouped
from clusterrank.methods.registry import available_methods


def test_every_ranking_method_has_advice_and_no_advice_is_stale() -> None:
    """The 21 ranking methods the registry offers are exactly those with advice."""
    names = [m.name for m in available_methods("ranking")]
    assert len(names) == 21
    assert set(names) == set(ADVICE)
    families = {f.key for f in FAMILIES}
    for name in names:
        found = advice(name)
        assert found.family in families - {"recommended"}
        assert found.suits.endswith(".")
        assert len(found.suits) < 160  # one line


@pytest.mark.parametrize(
    ("method", "family"),
    [
        # Families as the methods' own papers describe them (references in methods.families).
        ("topsis", "distance"),
        ("vikor", "distance"),
        ("spotis", "distance"),
        ("promethee_ii", "outranking"),
        ("wsm", "compensatory"),
        ("wpm", "compensatory"),
        ("waspas", "compensatory"),
        ("aras", "compensatory"),
        ("copras", "compensatory"),
    ],
)
def test_families_of_well_known_methods(method: str, family: str) -> None:
    """TOPSIS and VIKOR are compromise (distance) methods, PROMETHEE II outranks, the weighted
    sum and product family is compensatory."""
    assert advice(method).family == family


def test_grouping_puts_the_own_methods_first_as_recommended() -> None:
    """Groups come in the picker's order; the own methods are recommended; none is lost."""
    names = [m.name for m in available_methods("ranking")]
    groups = grouped(names)
    assert list(groups) == ["recommended", "compensatory", "distance", "outranking"]
    assert groups["recommended"] == ["topsis", "wsm", "ahp"]
    assert groups["outranking"] == ["promethee_ii"]
    assert sorted(n for g in groups.values() for n in g) == sorted(names)
    assert group_of("vikor") == "distance"


def test_unknown_method_is_named() -> None:
    """An unknown name raises a ConfigurationError naming it."""
    with pytest.raises(ConfigurationError, match="'nope'"):
        advice("nope")
