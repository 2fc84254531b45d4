"""Saaty's 1-9 scale as slider positions and plain sentences (pure logic, no Streamlit).

One control per pair of items: position ``p`` in ``-8..8`` on a slider. ``p = 0`` is "equally
important" (value 1); ``p > 0`` says the left item is more important with value ``p + 1``;
``p < 0`` says the right item is, with value ``1 / (|p| + 1)``. Every position reads as a
sentence such as "Infrastructure is moderately more important than Strategy".

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, Table 1.1 (the
fundamental scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme importance,
2, 4, 6, 8 intermediate values).
"""

from __future__ import annotations

import math

from clusterrank.i18n import N_, _, pgettext

POSITIONS: tuple[int, ...] = tuple(range(-8, 9))
"""Slider positions, left item's strongest preference last."""

SCALE_LABELS: dict[int, str] = {
    1: N_("equal importance"),
    2: N_("equal to moderate"),
    3: N_("moderate importance"),
    4: N_("moderate to strong"),
    5: N_("strong importance"),
    6: N_("strong to very strong"),
    7: N_("very strong importance"),
    8: N_("very strong to extreme"),
    9: N_("extreme importance"),
}
"""Saaty (1980), Table 1.1: the verbal meaning of each value of the scale (marked only:
translate with :func:`scale_text` or ``_()`` where shown)."""

EQUAL_SENTENCE = N_("{left} and {right} are equally important")
SENTENCES: dict[int, str] = {
    2: N_("{first} is slightly (equal to moderate) more important than {second}"),
    3: N_("{first} is moderately more important than {second}"),
    4: N_("{first} is moderately to strongly more important than {second}"),
    5: N_("{first} is strongly more important than {second}"),
    6: N_("{first} is strongly to very strongly more important than {second}"),
    7: N_("{first} is very strongly more important than {second}"),
    8: N_("{first} is very strongly to extremely more important than {second}"),
    9: N_("{first} is extremely more important than {second}"),
}
"""A judgment of strength 2..9 read aloud, as whole sentences (word order differs by language)."""


def scale_text() -> str:
    """The scale in words, in the current language: ``1 = equal importance; 2 = ...``."""
    return "; ".join(f"{k} = {_(v)}" for k, v in SCALE_LABELS.items())


def position_to_value(position: int) -> float:
    """Slider position -> judgment value a_ij on the 1/9..9 scale."""
    if position not in POSITIONS:
        msg = f"slider position must be an integer in -8..8 (got {position!r})"
        raise ValueError(msg)
    return float(position + 1) if position >= 0 else 1.0 / (1 - position)


def value_to_position(value: float) -> int:
    """Judgment value -> nearest slider position (nearest on the log scale).

    Values off the integer scale (e.g. 2.5 from a file or a group average) snap to the nearest
    position; :func:`is_on_scale` tells whether that happened.
    """
    v = float(value)
    if not math.isfinite(v) or v <= 0:
        msg = f"a judgment must be a positive finite number (got {value!r})"
        raise ValueError(msg)
    best = min(POSITIONS, key=lambda p: abs(math.log(position_to_value(p)) - math.log(v)))
    return int(best)


def is_on_scale(value: float) -> bool:
    """True when ``value`` is exactly one of 1/9..1/2, 1..9."""
    return math.isclose(position_to_value(value_to_position(value)), float(value), rel_tol=1e-9)


def short_label(position: int, left: str, right: str) -> str:
    """Compact tick label for the slider: ``"5 · Infrastructure"``, ``"equal"``."""
    value = position_to_value(position)
    if position == 0:
        return pgettext("AHP scale", "equal")
    strength = round(value if value >= 1 else 1 / value)
    return f"{strength} · {left if position > 0 else right}"


def sentence(left: str, right: str, value: float) -> str:
    """The judgment read aloud.

    Examples
    --------
    >>> sentence("Infrastructure", "Strategy", 3)
    'Infrastructure is moderately more important than Strategy'
    >>> sentence("Infrastructure", "Strategy", 1 / 5)
    'Strategy is strongly more important than Infrastructure'
    >>> sentence("Infrastructure", "Strategy", 1)
    'Infrastructure and Strategy are equally important'
    """
    position = value_to_position(value)
    if position == 0:
        return _(EQUAL_SENTENCE).format(left=left, right=right)
    strength = abs(position) + 1
    first, second = (left, right) if position > 0 else (right, left)
    return _(SENTENCES[strength]).format(first=first, second=second)


def format_value(value: float) -> str:
    """A judgment as it is written in YAML.

    ``"3"`` or ``"1/3"`` (rounded to 2 decimals off the scale).
    """
    v = float(value)
    if is_on_scale(v):
        return str(round(v)) if v >= 1 else f"1/{round(1 / v)}"
    return f"{v:.2f}"
