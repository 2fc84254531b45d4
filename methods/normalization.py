"""Column-wise normalisation of a decision matrix (m candidates × n criteria).

Four textbook schemes, each returning a finite matrix plus plain-language notes. A degenerate
column (all zero under ``vector``/``sum``/``max``, constant under ``minmax``) cannot be scaled:
it becomes 0 in every row and a note names it, so no NaN ever leaves this module.

When ``directions`` is given, cost columns are turned round so that a larger normalised value
is always better (the conventions pymcdm uses, so cross-checks line up):

========  ===============================  =====================================
method    benefit column                   cost column
========  ===============================  =====================================
vector    x / ||x||_2                      1 - x / ||x||_2
minmax    (x - min) / (max - min)          (max - x) / (max - min)
sum       x / sum|x|                       (1/x) / sum(1/x)   (x must be > 0)
max       x / max|x|                       1 - x / max|x|
========  ===============================  =====================================

With ``directions=None`` every column is scaled as a benefit column; TOPSIS works that way and
picks its ideal and anti-ideal by direction instead.

References
----------
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Lecture Notes in Economics and Mathematical Systems 186, Springer, pp. 128-134.
Jahan, A. and Edwards, K. L. (2015). A state-of-the-art survey on the influence of
normalization techniques in ranking. *Materials & Design* 65, 335-342.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from errors import ConfigurationError, MethodInputError
from methods.directions import parse_directions
from methods.scaling import unit_columns

FloatArray = npt.NDArray[np.float64]
NormalizationName = Literal["vector", "minmax", "sum", "max"]
NORMALIZATIONS: tuple[str, ...] = ("vector", "minmax", "sum", "max")


def column_label(j: int, labels: Sequence[str] | None = None) -> str:
    """How notes name column ``j`` (0-based): ``column 2`` or ``criterion 'cost' (column 2)``."""
    if labels is not None and j < len(labels):
        return f"criterion {labels[j]!r} (column {j + 1})"
    return f"column {j + 1}"


def normalize(
    matrix: npt.ArrayLike,
    method: str = "vector",
    directions: Sequence[str | int] | npt.ArrayLike | None = None,
    *,
    labels: Sequence[str] | None = None,
) -> tuple[FloatArray, list[str]]:
    """Normalise every column of ``matrix`` with one scheme.

    Parameters
    ----------
    matrix
        Decision matrix, m candidates × n criteria, finite values.
    method
        ``"vector"``, ``"minmax"``, ``"sum"`` or ``"max"``.
    directions
        Optional per-criterion directions (``"benefit"``/``"cost"``/±1, ...). When given, cost
        columns are turned round so 1 (or the largest value) is best; when ``None`` no column
        is turned round.
    labels
        Optional criterion ids used in notes instead of bare column numbers.

    Returns
    -------
    normalized, notes
        The m×n normalised matrix (always finite) and notes on degenerate columns.

    Raises
    ------
    ConfigurationError
        ``method`` is not one of the four schemes.
    MethodInputError
        A cost column under ``sum`` holds a value <= 0 (its reciprocal is undefined).

    References
    ----------
    Hwang and Yoon (1981), pp. 128-134 (vector normalisation in TOPSIS); Jahan and Edwards
    (2015) for the other schemes.
    """
    if method not in NORMALIZATIONS:
        msg = f"normalization must be one of {', '.join(NORMALIZATIONS)} (got {method!r})"
        raise ConfigurationError(msg)
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2:
        msg = f"decision matrix must be 2-D (candidates × criteria); got {x.ndim}-D"
        raise MethodInputError(msg)
    n = x.shape[1]
    cost = np.zeros(n, dtype=bool)
    if directions is not None:
        d = parse_directions(directions)
        if d.shape != (n,):
            msg = f"expected {n} directions (one per criterion), got {d.size}"
            raise MethodInputError(msg)
        cost = d < 0

    out = np.zeros_like(x)
    notes: list[str] = []
    for j in range(n):
        col = x[:, j]
        scaled = _scale_column(col, method, bool(cost[j]), column_label(j, labels))
        if scaled is None:
            what = "constant" if method == "minmax" else "all zero"
            notes.append(
                f"{column_label(j, labels)} is {what}, so {method} normalisation is undefined; "
                "it was set to 0 for every candidate and does not discriminate"
            )
        else:
            out[:, j] = scaled
    return out, notes


def _scale_column(col: FloatArray, method: str, cost: bool, label: str) -> FloatArray | None:
    """One normalised column, or ``None`` when the column is degenerate for ``method``.

    The column is first brought to a largest magnitude in [0.5, 1) by an exact power of two
    (:func:`methods.scaling.unit_columns`): every scheme is a ratio, so this changes no result,
    but squares, sums and ranges of values near 1e308 or 1e-300 no longer overflow or underflow.
    """
    if method == "minmax":
        if col.max() == col.min():  # exact: a column is constant only if its values are equal
            return None
    elif not np.any(col != 0):
        return None
    y = unit_columns(col[:, None])[:, 0]
    if method == "minmax":
        lo, hi = float(y.min()), float(y.max())
        out = (hi - y) / (hi - lo) if cost else (y - lo) / (hi - lo)
    elif method == "vector":
        r = y / float(np.sqrt(np.sum(y * y)))  # the norm is >= 0.5: no 0/0, no overflow
        out = 1.0 - r if cost else r
    elif method == "max":
        r = y / float(np.max(np.abs(y)))
        out = 1.0 - r if cost else r
    elif cost:  # sum, cost: (1/x) / sum(1/x) = (min/x) / sum(min/x), every term in (0, 1]
        if np.any(col <= 0):
            msg = (
                f"{label}: sum normalisation of a cost criterion uses 1/x, so every value "
                f"must be > 0 (got {float(col.min()):g}); choose minmax or vector instead"
            )
            raise MethodInputError(msg)
        inv = float(col.min()) / col
        out = inv / float(inv.sum())
    else:
        out = y / float(np.sum(np.abs(y)))
    return _finite(out, label, method)


def _finite(out: FloatArray, label: str, method: str) -> FloatArray:
    """``out`` unchanged, or a :class:`MethodInputError` naming the column: never a NaN."""
    if not np.all(np.isfinite(out)):
        msg = (
            f"{label}: {method} normalisation gave a non-finite value, as its values span more "
            "than floating point can hold; rescale the column (e.g. change its units)"
        )
        raise MethodInputError(msg)
    return np.asarray(out, dtype=float)
