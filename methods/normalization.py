"""Column-wise normalisation of a decision matrix (m candidates × n criteria).

Five textbook schemes, each returning a finite matrix plus plain-language notes. A degenerate
column (all zero under ``vector``/``sum``/``max``/``linear``, constant under ``minmax``) cannot
be scaled: it becomes 0 in every row and a note names it, so no NaN ever leaves this module.
Zeros elsewhere are fine wherever the formula is defined: only a scheme that divides by the
values themselves (the cost side of ``sum`` and ``linear``) needs them > 0.

When ``directions`` is given, cost columns are turned round so that a larger normalised value
is always better (the conventions pymcdm uses, so cross-checks line up):

========  ===============================  =====================================
method    benefit column                   cost column
========  ===============================  =====================================
vector    x / ||x||_2                      1 - x / ||x||_2
minmax    (x - min) / (max - min)          (max - x) / (max - min)
sum       x / sum|x|                       (1/x) / sum(1/x)   (x must be > 0)
max       x / max|x|                       1 - x / max|x|
linear    x / max x   (x must be >= 0)     min x / x          (x must be > 0)
========  ===============================  =====================================

``linear`` is what the pymcdm adapter uses for pymcdm's ``linear`` (pymcdm 1.4.0 refuses a
zero anywhere, although x / max x is defined for a zero in a benefit column), and ``sum`` for
its ``sum`` (pymcdm refuses a zero in a benefit column too): :func:`pymcdm_column_function`.

With ``directions=None`` every column is scaled as a benefit column; TOPSIS works that way and
picks its ideal and anti-ideal by direction instead.

References
----------
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Lecture Notes in Economics and Mathematical Systems 186, Springer, pp. 128-134.
Jahan, A. and Edwards, K. L. (2015). A state-of-the-art survey on the influence of
normalization techniques in ranking. *Materials & Design* 65, 335-342 (among them the linear
"max" normalisation x / max x and its cost form min x / x).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import N_, _
from clusterrank.methods.directions import parse_directions
from clusterrank.methods.scaling import unit_columns

FloatArray = npt.NDArray[np.float64]
NormalizationName = Literal["vector", "minmax", "sum", "max", "linear"]
NORMALIZATIONS: tuple[str, ...] = ("vector", "minmax", "sum", "max")
"""The schemes clusterrank's own weighted sum offers."""
SCHEMES: tuple[str, ...] = (*NORMALIZATIONS, "linear")
"""Every scheme :func:`normalize` knows."""


def column_label(j: int, labels: Sequence[str] | None = None) -> str:
    """How notes name column ``j`` (0-based): ``column 2`` or ``criterion 'cost' (column 2)``."""
    if labels is not None and j < len(labels):
        return _("criterion {id!r} (column {column})").format(id=labels[j], column=j + 1)
    return _("column {column}").format(column=j + 1)


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
        ``"vector"``, ``"minmax"``, ``"sum"``, ``"max"`` or ``"linear"``.
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
        ``method`` is not one of the five schemes.
    MethodInputError
        A cost column under ``sum`` or ``linear`` holds a value <= 0 (its reciprocal is
        undefined), or a benefit column under ``linear`` a value < 0.

    References
    ----------
    Hwang and Yoon (1981), pp. 128-134 (vector normalisation in TOPSIS); Jahan and Edwards
    (2015) for the other schemes.
    """
    if method not in SCHEMES:
        msg = _("normalization must be one of {choices} (got {given!r})").format(
            choices=", ".join(SCHEMES), given=method
        )
        raise ConfigurationError(msg)
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2:
        msg = _("decision matrix must be 2-D (candidates × criteria); got {ndim}-D").format(
            ndim=x.ndim
        )
        raise MethodInputError(msg)
    n = x.shape[1]
    cost = np.zeros(n, dtype=bool)
    if directions is not None:
        d = parse_directions(directions)
        if d.shape != (n,):
            msg = _("expected {n} directions (one per criterion), got {count}").format(
                n=n, count=d.size
            )
            raise MethodInputError(msg)
        cost = d < 0

    out = np.zeros_like(x)
    notes: list[str] = []
    for j in range(n):
        col = x[:, j]
        scaled = _scale_column(col, method, bool(cost[j]), column_label(j, labels))
        if scaled is None:
            note = (
                N_(
                    "{column} is constant, so {method} normalisation is undefined; "
                    "it was set to 0 for every candidate and does not discriminate"
                )
                if method == "minmax"
                else N_(
                    "{column} is all zero, so {method} normalisation is undefined; "
                    "it was set to 0 for every candidate and does not discriminate"
                )
            )
            notes.append(_(note).format(column=column_label(j, labels), method=method))
        else:
            out[:, j] = scaled
    return out, notes


def pymcdm_column_function(method: str) -> Callable[..., FloatArray]:
    """One of the schemes as a pymcdm normalisation function ``f(x, cost=False)``.

    The caller checks the data first (no all-zero column, the signs ``method`` needs), so a
    degenerate column here is a bug in that check and raises rather than give 0s silently.
    """
    if method not in SCHEMES:
        msg = f"normalization must be one of {', '.join(SCHEMES)} (got {method!r})"
        raise ConfigurationError(msg)

    def scale(x: npt.ArrayLike, cost: bool = False) -> FloatArray:
        col = np.asarray(x, dtype=float)
        out = _scale_column(col, method, bool(cost), "a column")
        if out is None:
            msg = f"{method} normalisation is undefined for a column that is all zero"
            raise MethodInputError(msg)
        return out

    return scale


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
    elif method == "linear":
        out = _linear(col, y, cost, label)
    elif cost:  # sum, cost: (1/x) / sum(1/x) = (min/x) / sum(min/x), every term in (0, 1]
        if np.any(col <= 0):
            msg = _(
                "{column}: sum normalisation of a cost criterion uses 1/x, so every value "
                "must be > 0 (got {value}); choose minmax or vector instead"
            ).format(column=label, value=f"{float(col.min()):g}")
            raise MethodInputError(msg)
        inv = float(col.min()) / col
        out = inv / float(inv.sum())
    else:
        out = y / float(np.sum(np.abs(y)))
    return _finite(out, label, method)


def _linear(col: FloatArray, y: FloatArray, cost: bool, label: str) -> FloatArray:
    """Linear normalisation of a column with a non-zero value.

    Benefit ``x / max x`` (values >= 0, so a zero maps to 0), cost ``min x / x`` (values > 0; every
    term in (0, 1]).
    """
    if cost and np.any(col <= 0):
        msg = _(
            "{column}: linear normalisation of a cost criterion is min/x, so every value must "
            "be > 0 (got {value}); choose minmax or vector instead"
        ).format(column=label, value=f"{float(col.min()):g}")
        raise MethodInputError(msg)
    if not cost and np.any(col < 0):
        msg = _(
            "{column}: linear normalisation of a benefit criterion is x/max, so every value "
            "must be >= 0 (got {value}); choose minmax or vector instead"
        ).format(column=label, value=f"{float(col.min()):g}")
        raise MethodInputError(msg)
    if cost:
        return np.asarray(float(col.min()) / col, dtype=float)
    return np.asarray(y / float(y.max()), dtype=float)


def _finite(out: FloatArray, label: str, method: str) -> FloatArray:
    """``out`` unchanged, or a :class:`MethodInputError` naming the column: never a NaN."""
    if not np.all(np.isfinite(out)):
        msg = _(
            "{column}: {method} normalisation gave a non-finite value, as its values span more "
            "than floating point can hold; rescale the column (e.g. change its units)"
        ).format(column=label, method=method)
        raise MethodInputError(msg)
    return np.asarray(out, dtype=float)
