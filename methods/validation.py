"""Checks on the arrays handed to decision methods, shared by every method.

Weights that do not sum to one are normalised here (and the fact is noted), so no method ever
sees weights that silently did not sum to one; weights already normalised pass unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, ngettext
from clusterrank.methods.directions import parse_directions
from clusterrank.methods.scaling import scaled_sum

FloatArray = npt.NDArray[np.float64]
_SUMS_TO_ONE = 1e-12
"""Weights whose exact sum is this close to 1 are used as given (already normalised)."""


def check_matrix(matrix: npt.ArrayLike) -> FloatArray:
    """Return the decision matrix as a finite 2-D float array (m candidates × n criteria)."""
    try:
        x = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        msg = _("decision matrix must be numeric ({error})").format(error=exc)
        raise MethodInputError(msg) from exc
    if x.ndim != 2:
        msg = _("decision matrix must be 2-D (candidates × criteria); got {ndim}-D").format(
            ndim=x.ndim
        )
        raise MethodInputError(msg)
    m, n = x.shape
    if m < 1:
        msg = _("decision matrix has no candidates; at least one row is needed")
        raise MethodInputError(msg)
    if n < 1:
        msg = _("decision matrix has no criteria; at least one column is needed")
        raise MethodInputError(msg)
    bad = np.argwhere(~np.isfinite(x))
    if bad.size:
        i, j = bad[0]
        msg = ngettext(
            "decision matrix has {count} missing or non-finite value, first at "
            "row {row}, column {column}; choose a missing-data policy before ranking",
            "decision matrix has {count} missing or non-finite values, first at "
            "row {row}, column {column}; choose a missing-data policy before ranking",
            len(bad),
        ).format(count=len(bad), row=i + 1, column=j + 1)
        raise MethodInputError(msg)
    return x


def check_directions(
    directions: Sequence[str | int] | npt.ArrayLike, n: int
) -> npt.NDArray[np.int_]:
    """Parse directions and check there is one per criterion."""
    d = parse_directions(directions)
    if d.shape != (n,):
        msg = f"expected {n} directions (one per criterion), got {d.size}"
        raise MethodInputError(msg)
    return d


def check_weights(
    weights: npt.ArrayLike | None, n: int, labels: Sequence[str] | None = None
) -> tuple[FloatArray, list[str]]:
    """Validate one weight vector and return it normalised to sum 1, with notes.

    ``None`` means equal weights. Weights that already sum to 1 (within 1e-12, e.g. the
    global weights a weighting step composed) are returned as they are: a weight is
    normalised once, where it is composed, not again here. Negative, non-finite or all-zero
    weights are errors naming the weight (by ``labels``, the criterion ids, when given).
    Any finite weights are accepted, 1e308 too: they are divided by a power of two near the
    largest one before summing, so the sum cannot overflow.
    """
    notes: list[str] = []
    if weights is None:
        return np.full(n, 1.0 / n), [_("equal weights used (none given)")]
    w = np.asarray(weights, dtype=float)
    if w.shape != (n,):
        msg = f"expected {n} weights (one per criterion), got shape {w.shape}"
        raise MethodInputError(msg)
    _check_weight_values(w, labels)
    if w.max() < 2 and abs(math.fsum(w.tolist()) - 1.0) <= _SUMS_TO_ONE:
        return w.astype(float, copy=True), notes  # normalised already: not rescaled again
    parts, total = scaled_sum(w)
    if not (w.max() < 2 and np.isclose(float(w.sum()), 1.0, rtol=0, atol=1e-9)):
        notes.append(
            _("weights summed to {total}; rescaled to sum to 1").format(total=_sum_text(w))
        )
    return np.asarray(parts / total, dtype=float), notes


def check_weight_batch(weights: npt.ArrayLike, n: int) -> FloatArray:
    """Validate an N×n batch of weight vectors and return each row normalised to sum 1."""
    w = np.asarray(weights, dtype=float)
    if w.ndim == 1:
        w = w[None, :]
    if w.ndim != 2 or w.shape[1] != n:
        msg = f"expected a batch of weight vectors of shape (N, {n}), got {w.shape}"
        raise MethodInputError(msg)
    _check_weight_values(w)
    parts, total = scaled_sum(w, axis=1)
    return np.asarray(parts / total, dtype=float)


def _sum_text(w: FloatArray) -> str:
    """The sum of non-negative weights as text (``2e+308`` even beyond the float range)."""
    _, scaled = scaled_sum(w)
    _, exponent = np.frexp(w.max())
    log10 = float(np.log10(scaled[0])) + int(exponent) * float(np.log10(2.0))
    if log10 < 300:
        return f"{float(np.sum(w)):.6g}"
    whole = int(np.floor(log10))
    return f"{10 ** (log10 - whole):.6g}e+{whole}"


def _check_weight_values(w: FloatArray, labels: Sequence[str] | None = None) -> None:
    """Raise for a non-finite, negative or all-zero weight, naming the first one at fault."""
    rules = (
        (~np.isfinite(w), N_("weights must be finite numbers; {weight} is {value}{beyond}")),
        (w < 0, N_("weights must be >= 0; {weight} is {value}{beyond}")),
    )
    for bad, rule in rules:
        if np.any(bad):
            where = tuple(np.argwhere(bad)[0])
            j = int(where[-1])
            name = (
                _("criterion {id!r}").format(id=labels[j])
                if labels is not None
                else _("weight {number}").format(number=j + 1)
            )
            value = float(w[where])
            beyond = _(" (beyond the largest number, about 1.8e308)") if np.isinf(value) else ""
            msg = _(rule).format(weight=name, value=f"{value:g}", beyond=beyond)
            raise MethodInputError(msg)
    if np.any(w.max(axis=-1) <= 0):
        msg = _("weights must not all be zero; give at least one criterion a positive weight")
        raise MethodInputError(msg)


def default_ids(prefix: str, count: int) -> tuple[str, ...]:
    """``A1..Am`` / ``C1..Cn`` style ids."""
    return tuple(f"{prefix}{k + 1}" for k in range(count))


def check_ids(given: Sequence[str] | None, prefix: str, count: int, what: str) -> tuple[str, ...]:
    """Ids as given (one per row or column, unique), or ``A1..Am`` / ``C1..Cn`` when None."""
    if given is None:
        return default_ids(prefix, count)
    ids = tuple(str(i) for i in given)
    if len(ids) != count:
        msg = f"expected {count} {what} ids (one per {what}), got {len(ids)}"
        raise MethodInputError(msg)
    if len(set(ids)) != count:
        dup = next(i for i in ids if ids.count(i) > 1)
        msg = f"{what} ids must be unique (got {dup!r} more than once)"
        raise MethodInputError(msg)
    return ids
