"""Saaty-scale slider positions and sentences (ui.widgets.saaty).

The scale and its verbal meaning follow Saaty (1980), *The Analytic Hierarchy Process*,
Table 1.1.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.ui.widgets.saaty import (
    POSITIONS,
    SCALE_LABELS,
    format_value,
    is_on_scale,
    position_to_value,
    sentence,
    short_label,
    value_to_position,
)


def test_positions_cover_saatys_scale() -> None:
    """Positions -8..8 give 1/9..1/2, 1, 2..9 and nothing else."""
    values = sorted(position_to_value(p) for p in POSITIONS)
    expected = sorted([1 / k for k in range(2, 10)] + list(range(1, 10)))
    assert values == pytest.approx(expected)
    assert set(SCALE_LABELS) == set(range(1, 10))


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(POSITIONS))
def test_position_value_round_trip(position: int) -> None:
    """Invariant: value_to_position inverts position_to_value, and mirrored positions give
    reciprocal values."""
    assert value_to_position(position_to_value(position)) == position
    assert position_to_value(position) * position_to_value(-position) == pytest.approx(1.0)


def test_off_scale_values_snap_on_the_log_scale() -> None:
    """2.5 lies between 2 and 3 and is nearer 3 in log terms (log 2.5 - log 2 > log 3 - log 2.5)."""
    assert value_to_position(2.5) == 2
    assert not is_on_scale(2.5)
    assert is_on_scale(1 / 3)
    with pytest.raises(ValueError, match="positive finite"):
        value_to_position(0)


def test_sentences_read_as_plain_language() -> None:
    assert sentence("Infrastructure", "Strategy", 3) == (
        "Infrastructure is moderately more important than Strategy"
    )
    assert sentence("Infrastructure", "Strategy", 1 / 9) == (
        "Strategy is extremely more important than Infrastructure"
    )
    assert sentence("Инфраструктура", "Стратегия", 1) == (
        "Инфраструктура and Стратегия are equally important"
    )


def test_labels_and_yaml_format() -> None:
    assert short_label(0, "A", "B") == "equal"
    assert short_label(4, "A", "B") == "5 · A"
    assert short_label(-6, "A", "B") == "7 · B"
    assert format_value(3.0) == "3"
    assert format_value(1 / 7) == "1/7"
    assert format_value(2.5) == "2.50"
