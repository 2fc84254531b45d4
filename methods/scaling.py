"""Exact power-of-two column scaling, so no method squares or sums its way out of range.

Multiplying a float by 2**k only changes its exponent: it is exact (no rounding) as long as the
result stays a normal number. Bringing every column of a decision matrix to a largest
magnitude in [0.5, 1) this way therefore changes nothing in the result of a method that
depends on each column only through ratios (every normalisation here and in pymcdm), yet it
keeps sums, squares and differences of huge (1e308) or tiny (1e-300) values finite and
non-zero.

References
----------
IEEE Std 754-2019, *Standard for Floating-Point Arithmetic*, section 5.3.3 (``scaleB``):
scaling by a power of the radix is exact unless the result overflows or underflows.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]


def column_exponents(x: npt.ArrayLike, *extra: npt.ArrayLike) -> IntArray:
    """Per column, the exponent ``e`` with ``max |x| = f * 2**e``, ``0.5 <= f < 1`` (0 if all zero).

    ``extra`` arrays (one row per value, one column per criterion: bounds, thresholds) take
    part in the maximum, so user settings in the same units stay in range too.
    """
    a = np.abs(np.asarray(x, dtype=float))
    peak = a.max(axis=0) if a.size else np.zeros(a.shape[-1])
    for more in extra:
        b = np.abs(np.atleast_2d(np.asarray(more, dtype=float)))
        peak = np.maximum(peak, b.max(axis=0))
    _, exponent = np.frexp(peak)
    return np.asarray(exponent, dtype=int)


def to_unit_scale(x: npt.ArrayLike, exponents: npt.ArrayLike) -> FloatArray:
    """``x * 2**-e`` column by column (exact; ``x`` is 1-D per criterion or 2-D m×n)."""
    return np.asarray(np.ldexp(np.asarray(x, dtype=float), -np.asarray(exponents)), dtype=float)


def from_unit_scale(x: npt.ArrayLike, exponents: npt.ArrayLike) -> FloatArray:
    """Back to the user's units: ``x * 2**e`` (the inverse of :func:`to_unit_scale`)."""
    return np.asarray(np.ldexp(np.asarray(x, dtype=float), np.asarray(exponents)), dtype=float)


def unit_columns(x: npt.ArrayLike) -> FloatArray:
    """Every column scaled by a power of two to a largest magnitude in [0.5, 1)."""
    return to_unit_scale(x, column_exponents(x))


def scaled_sum(values: npt.ArrayLike, axis: int = -1) -> tuple[FloatArray, FloatArray]:
    """``(values / 2**e, sum of those)`` along ``axis``, with ``2**e`` near the largest |value|.

    The scaled parts are at most 1 in magnitude, so their sum cannot overflow; ``parts / total``
    is the overflow-free ``values / values.sum()``.
    """
    v = np.asarray(values, dtype=float)
    _, e = np.frexp(np.abs(v).max(axis=axis, keepdims=True))
    parts = np.asarray(np.ldexp(v, -e), dtype=float)
    return parts, np.asarray(parts.sum(axis=axis, keepdims=True), dtype=float)
