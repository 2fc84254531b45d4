"""Figures with four significant digits in the reader's language (ui.significant)."""

from __future__ import annotations

import math

import pytest

from clusterrank.i18n import use_language
from clusterrank.ui.significant import significant


@pytest.mark.parametrize(
    ("lang", "value", "text"),
    [
        ("en", 2100.5, "2,100"),
        ("ru", 2100.5, "2\N{NO-BREAK SPACE}100"),
        ("en", 12.5, "12.5"),
        ("ru", 12.5, "12,5"),
        ("ru", 0.012345, "0,01235"),
        ("ru", 3.0, "3"),
        ("en", 0, "0"),
        ("ru", -410.0, "-410"),
    ],
)
def test_significant_digits_in_each_language(lang: str, value: float, text: str) -> None:
    with use_language(lang):
        assert significant(value) == text


@pytest.mark.parametrize("value", [math.nan, math.inf, None, "n/a", True])
def test_what_is_not_a_figure_shows_as_a_dash(value: object) -> None:
    assert significant(value) == "—"
