"""Building and validating pairwise matrices: parsing, judgments, the bad-input catalogue."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import (
    analyse,
    check_pairwise,
    pairwise_from_judgments,
    parse_judgment_value,
)
from clusterrank.methods.ahp.pairwise import format_judgment


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1/3", 1 / 3), (" 1 / 7 ", 1 / 7), ("3", 3.0), (3, 3.0), (0.333, 0.333), ("2.5", 2.5)],
)
def test_parse_judgment_value(raw: object, value: float) -> None:
    """Fractions as text, integers and decimals all parse to the same float."""
    assert parse_judgment_value(raw) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("three", "must be a number such as 3 or '1/3'"),
        ("1/0", "must be a number such as 3"),
        (True, "must be a number such as 3"),
        (None, "must be a number such as 3"),
        (0, "must be > 0"),
        ("-2", "must be > 0"),
        (float("inf"), "finite"),
    ],
)
def test_parse_judgment_value_rejects(raw: object, message: str) -> None:
    """Unparsable, non-positive or infinite judgments are errors naming what arrived."""
    with pytest.raises(MethodInputError, match=message):
        parse_judgment_value(raw)


def test_format_judgment() -> None:
    """Judgments are shown the way people write them."""
    assert [format_judgment(v) for v in (3.0, 1 / 3, 1.0, 2.5, 1 / 7)] == [
        "3",
        "1/3",
        "1",
        "2.5",
        "1/7",
    ]


def test_from_judgments_builds_reciprocal_matrix() -> None:
    """(a, b, v) puts v at [a, b] and 1/v at [b, a]; an unjudged pair stays NaN, noted."""
    a, notes = pairwise_from_judgments(["x", "y", "z"], [("x", "y", 3), ("z", "y", "1/2")])
    expected = np.array([[1, 3, np.nan], [1 / 3, 1, 2], [np.nan, 0.5, 1]])
    np.testing.assert_allclose(a, expected, rtol=1e-15)
    assert notes == ["1 of 3 pairs were not judged (left missing)"]


def test_from_judgments_repeat_and_conflict() -> None:
    """A pair given twice must agree (then noted); a conflicting repeat names both values."""
    a, notes = pairwise_from_judgments(["x", "y"], [("x", "y", 3), ("y", "x", "1/3")])
    assert a[0, 1] == 3.0
    assert notes == ["'y' vs 'x' was given twice (same value)"]
    with pytest.raises(MethodInputError, match=r"judgment #2 says 'x' vs 'y' is 5, but an"):
        pairwise_from_judgments(["x", "y"], [("x", "y", 3), ("x", "y", 5)])


@pytest.mark.parametrize(
    ("items", "judgments", "message"),
    [
        (["x", "x"], [], "must be unique"),
        (["x", "y"], [("x", "w", 2)], r"unknown item 'w'; items are \['x', 'y'\]"),
        (["x", "y"], [("x", "x", 1)], "compares 'x' with itself"),
        (["x", "y"], [("x", "y")], r"judgment #1 must be \[a, b, value\]"),
        (["x", "y"], [("x", "y", 12)], "'x' vs 'y' is 12, outside the scale 1/9..9"),
        (["x", "y"], [("x", "y", "-3")], "must be > 0"),
    ],
)
def test_from_judgments_errors(items: list[str], judgments: list[tuple], message: str) -> None:
    """Each malformed judgment list is rejected with a message naming the problem."""
    with pytest.raises(MethodInputError, match=message):
        pairwise_from_judgments(items, judgments)


def test_rounded_reciprocal_is_accepted_and_noted() -> None:
    """0.333 opposite 3 is within 1e-2 of 1/3: the exact reciprocal is used, and noted."""
    a, notes = check_pairwise([[1, 3, 0.5], [0.333, 1, 0.25], [2, 4, 1]], names=["a", "b", "c"])
    assert a[1, 0] == 1 / 3
    assert notes == ["'b' vs 'a' = 0.333 read as 1/3, the exact reciprocal of 'a' vs 'b' = 3"]
    np.testing.assert_allclose(a * a.T, np.ones((3, 3)), rtol=1e-15)


def test_one_sided_missing_cell_is_completed() -> None:
    """A pair with only one cell given is completed with its reciprocal (noted)."""
    a, notes = check_pairwise([[1, 4], [None, 1]], names=["a", "b"], allow_missing=True)
    assert a[1, 0] == 0.25
    assert "was empty; set to 1/4" in notes[0]


BAD = [
    ([[1, 3], [3, 1]], r"'a' vs 'b' is 3 but 'b' vs 'a' is 3; expected 1/3 \(the reciprocal\)"),
    ([[1, 12], [1 / 12, 1]], "'a' vs 'b' is 12, outside the scale 1/9..9"),
    ([[1, 0], [np.inf, 1]], "must be a finite number"),
    ([[1, 0], [0, 1]], "'a' vs 'b' must be > 0 \\(got 0\\)"),
    ([[1, -2], [-0.5, 1]], "'a' vs 'b' must be > 0 \\(got -2\\)"),
    ([[2, 1], [1, 1]], "the diagonal \\('a' vs itself\\) must be 1 \\(got 2\\)"),
    ([[1, 2, 3], [0.5, 1, 1]], "must be square n×n"),
    ([[1, np.nan], [np.nan, 1]], "the judgment 'a' vs 'b' is missing"),
    ([[1, "x"], ["1/3", 1]], "must be a number such as 3"),
    ([[1, 2], [0.5]], "rows have different lengths"),
]


@pytest.mark.parametrize(("matrix", "message"), BAD)
def test_bad_matrix_catalogue(matrix: object, message: str) -> None:
    """The bad-input catalogue: each defect is reported naming the cell by item names."""
    with pytest.raises(MethodInputError, match=message):
        check_pairwise(matrix, names=["a", "b"])


def test_messages_without_names_use_positions() -> None:
    """Without names, cells are named by position (item 1, item 2, ...)."""
    with pytest.raises(MethodInputError, match="item 1 vs item 3 is 1/12"):
        check_pairwise([[1, 1, 1 / 12], [1, 1, 1], [12, 1, 1]])


def test_scale_can_be_widened_or_removed() -> None:
    """scale=None accepts any positive ratio (e.g. measured data); analyse passes it on."""
    a, _ = check_pairwise([[1, 12], [1 / 12, 1]], scale=None)
    assert a[0, 1] == 12
    r = analyse([[1, 12], [1 / 12, 1]], ["a", "b"], scale=(1 / 20, 20))
    np.testing.assert_allclose(r.priorities, [12 / 13, 1 / 13], rtol=1e-12)


def test_wrong_number_of_names() -> None:
    """Names must match the matrix size."""
    with pytest.raises(MethodInputError, match="expected 2 item names"):
        check_pairwise([[1, 2], [0.5, 1]], names=["a"])
