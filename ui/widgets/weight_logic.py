"""Keeping a row of weight sliders normalised while the user drags one of them (pure logic).

The sliders of one block (the groups, or the criteria of one group) show percentages that
always sum to 100. When the user moves one slider, the weights that are not locked absorb the
difference in proportion to their current values; locked weights never move. Nothing here
imports Streamlit, so the rules are tested directly.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from clusterrank.analysis.weights import SLIDER_TOTAL

TOTAL = SLIDER_TOTAL
"""Every block of sliders sums to this (the sliders show percent); the percentages go to
:func:`analysis.weights.weights_from_sliders` as they are, normalised once there."""


def to_percent(weights: Mapping[str, float]) -> dict[str, float]:
    """Relative weights (>= 0, not all zero) as percentages summing to :data:`TOTAL`.

    All-zero or empty input has no defined proportion: it gives equal shares.

    Examples
    --------
    >>> to_percent({"a": 1, "b": 3})
    {'a': 25.0, 'b': 75.0}
    """
    keys = list(weights)
    if not keys:
        return {}
    values = [max(float(weights[k]), 0.0) for k in keys]
    total = sum(values)
    if total <= 0:
        return {k: TOTAL / len(keys) for k in keys}
    return {k: TOTAL * v / total for k, v in zip(keys, values, strict=True)}


def max_allowed(values: Mapping[str, float], key: str, locked: Collection[str]) -> float:
    """The largest value ``key`` may take: what the locked weights leave over."""
    locked_sum = sum(float(values[k]) for k in values if k in locked and k != key)
    return max(TOTAL - locked_sum, 0.0)


def rebalance(
    values: Mapping[str, float],
    changed: str,
    new_value: float,
    locked: Collection[str] = (),
) -> dict[str, float]:
    """Set ``changed`` to ``new_value`` and move the unlocked others so the block sums to 100.

    Parameters
    ----------
    values
        Current percentages of the block (they should sum to :data:`TOTAL`; they are first
        renormalised if they do not).
    changed
        The key the user moved.
    new_value
        Its new percentage; clamped to ``[0, 100 - sum(locked)]``.
    locked
        Keys that must keep their value. ``changed`` itself is treated as unlocked.

    Returns
    -------
    dict
        New percentages, same keys and order, summing to :data:`TOTAL`. When every other
        weight is locked, ``changed`` cannot move and takes the only value that keeps the sum.

    Examples
    --------
    >>> rebalance({"a": 50, "b": 25, "c": 25}, "a", 80)
    {'a': 80.0, 'b': 10.0, 'c': 10.0}
    >>> rebalance({"a": 50, "b": 25, "c": 25}, "a", 80, locked={"c"})
    {'a': 75.0, 'b': 0.0, 'c': 25.0}
    """
    if changed not in values:
        msg = f"weight {changed!r} is not in this block (it has: {', '.join(values)})"
        raise KeyError(msg)
    current = to_percent(values)
    lock = {k for k in locked if k != changed and k in current}
    free = [k for k in current if k != changed and k not in lock]
    room = max_allowed(current, changed, lock)
    out = dict(current)
    if not free:
        out[changed] = room
        return out
    target = min(max(float(new_value), 0.0), room)
    remainder = room - target
    free_sum = sum(current[k] for k in free)
    for k in free:
        share = current[k] / free_sum if free_sum > 0 else 1.0 / len(free)
        out[k] = remainder * share
    out[changed] = target
    return out
