"""What one sensitivity request may ask: named maxima and memory estimated before allocating.

A request beyond a maximum, or whose working memory is estimated above
:data:`MAX_WORKING_BYTES`, is refused with :class:`~errors.MethodInputError` naming the
estimate, the limit and what to ask instead, before any large array exists. The estimates
count the arrays an analysis keeps for the whole run (rank counts, draws) plus one chunk of
the arrays it allocates per step (chunks are sized by the analyses themselves).
"""

from __future__ import annotations

import numpy as np

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, formats

MAX_SMAA_SAMPLES = 1_000_000
"""SMAA weight samples one run may draw (standard errors shrink as 1/sqrt(N): 1e6 gives
acceptabilities to about ±0.001)."""
MAX_AHP_DRAWS = 100_000
"""Perturbed judgment sets one AHP-uncertainty run may draw."""
MAX_GRID = 10_001
"""Grid points along one weight's path (stability bracketing grid, sweep points)."""
MAX_WORKING_BYTES = 2**30
"""Working memory one analysis may plan to use (1 GiB)."""
_UNITS = (N_("B"), N_("KB"), N_("MB"), N_("GB"))
MAX_PAIRWISE_BYTES = 256 * 2**20
"""Memory a method that compares every pair of candidates on every criterion (PROMETHEE II's
preference matrices, m × m × n) may take inside method agreement; above it the method is
skipped with the estimate named."""
CHUNK_BYTES = 16 * 2**20
"""Target size of one chunk of per-step arrays (grid scores, bisection batches)."""


def size_text(nbytes: float) -> str:
    """``1.9 GB``, ``320 MB``, ``12 KB``: binary units, one decimal above 10 units."""
    value = float(nbytes)
    for unit in _UNITS:
        if value < 1024 or unit == _UNITS[-1]:
            digits = 1 if value < 10 and unit != _UNITS[0] else 0
            return f"{formats.number(value, digits, group=False)} {_(unit)}"
        value /= 1024
    return f"{formats.number(value, 0, group=False)} {_(_UNITS[-1])}"  # pragma: no cover


def check_count(value: int, maximum: int, what: str, name: str) -> None:
    """Refuse ``value`` of ``name`` (e.g. ``'n_samples'``) above ``maximum`` or below 1.

    ``what`` names the things counted, already translated (``_("samples")``).
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        msg = _("{name} must be a positive integer (got {given!r})").format(name=name, given=value)
        raise MethodInputError(msg)
    if value > maximum:
        msg = _("{name} must be at most {maximum} {what} (got {value}); ask for fewer").format(
            name=name,
            maximum=formats.integer(maximum),
            what=what,
            value=formats.integer(int(value)),
        )
        raise MethodInputError(msg)


def check_memory(estimate: float, what: str, fix: str) -> None:
    """Refuse a run whose working memory ``estimate`` (bytes) exceeds the limit.

    ``what`` (the run) and ``fix`` (a whole clause) come translated from the caller.
    """
    if estimate > MAX_WORKING_BYTES:
        msg = _(
            "{what} would need about {size} of memory, above the limit of {limit}; {fix}"
        ).format(
            what=what,
            size=size_text(estimate),
            limit=size_text(MAX_WORKING_BYTES),
            fix=fix,
        )
        raise MethodInputError(msg)


def smaa_bytes(m: int, n: int, *, pairwise: bool, chunk_bytes: int) -> int:
    """Bytes of the SMAA accumulators and one chunk of scores and keys.

    Rank counts are m × m int64 (twice with pairwise winning), central-weight sums 2 m × n.
    """
    return 8 * m * m * (2 if pairwise else 1) + 16 * m * n + int(chunk_bytes)


def ahp_draw_bytes(draws: int, items: int) -> int:
    """Bytes of the multipliers and kept weight vectors of AHP judgment sampling.

    Multipliers are draws × pairs and kept weight vectors draws × items, float64, with one temporary
    copy of each.
    """
    pairs = items * (items - 1) // 2
    return 16 * draws * (pairs + items)


def pairwise_method_bytes(m: int, n: int) -> int:
    """A pairwise-preference method's m × m × n float64 preference matrices."""
    return 8 * m * m * n
