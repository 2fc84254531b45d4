"""Priority vectors from a complete reciprocal pairwise matrix.

Two derivations, both giving a positive vector that sums to 1:

``eigenvector``
    Saaty's principal right eigenvector: A w = λmax w (Perron vector of a positive matrix).
    λmax is the principal eigenvalue.
``geometric_mean``
    Row geometric means, normalised (Crawford & Williams 1985; the logarithmic least-squares
    solution). λmax is then *estimated* as the mean of (A w)_i / w_i, the usual estimate
    (Saaty 1980, the "consistency vector"); for a consistent matrix both give λmax = n and
    the same w, for an inconsistent one the estimate is close to, not equal to, the
    principal eigenvalue.

Both are exact on a consistent matrix (a_ij = w_i / w_j): they return w.

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.

Crawford, G., Williams, C. (1985). A note on the analysis of subjective judgment matrices.
*Journal of Mathematical Psychology* 29(4), 387–405.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]
Derivation = Literal["eigenvector", "geometric_mean"]

DERIVATIONS: tuple[str, ...] = ("eigenvector", "geometric_mean")


def check_derivation(method: str) -> str:
    """Return the canonical derivation name or raise :class:`ConfigurationError`."""
    key = str(method).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in DERIVATIONS:
        msg = _("derivation must be one of {choices} (got {given!r})").format(
            choices=", ".join(DERIVATIONS), given=method
        )
        raise ConfigurationError(msg)
    return key


def _complete_positive(matrix: npt.ArrayLike) -> FloatArray:
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 1:
        msg = _("a pairwise matrix must be square n×n with n >= 1 (got shape {shape})").format(
            shape=a.shape
        )
        raise MethodInputError(msg)
    if not np.all(np.isfinite(a)):
        msg = (
            "the pairwise matrix has missing or non-finite judgments; use "
            "clusterrank.methods.ahp.consistency.analyse, which completes missing ones"
        )
        raise MethodInputError(msg)
    if np.any(a <= 0):
        msg = _("every judgment must be > 0 (got {value})").format(value=f"{float(a.min()):g}")
        raise MethodInputError(msg)
    return a


def eigenvector_priorities(matrix: npt.ArrayLike) -> tuple[FloatArray, float]:
    """Principal right eigenvector (sum 1) and principal eigenvalue λmax.

    References
    ----------
    Saaty, T.L. (1980), ch. 1; Saaty, T.L. (1977). A scaling method for priorities in
    hierarchical structures. *J. Math. Psychol.* 15(3), 234–281.
    """
    return principal_eigen(_complete_positive(matrix))


def principal_eigen(a: FloatArray) -> tuple[FloatArray, float]:
    """Perron eigenvector (sum 1) and eigenvalue of a non-negative irreducible matrix.

    No input checks: callers pass a validated positive matrix or Harker's auxiliary matrix.
    """
    if a.shape[0] == 1:
        return np.ones(1), float(a[0, 0])
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.asarray(vectors[:, k].real, dtype=float)
    w = w / w.sum()
    if not np.all(w > 0):
        msg = _("the principal eigenvector is not positive; the matrix is not a valid AHP matrix")
        raise MethodInputError(msg)
    return w, float(values[k].real)


def geometric_mean_priorities(matrix: npt.ArrayLike) -> FloatArray:
    """Normalised row geometric means (logarithmic least squares).

    References
    ----------
    Crawford, G., Williams, C. (1985), J. Math. Psychol. 29(4), 387–405.
    """
    a = _complete_positive(matrix)
    logs = np.log(a).mean(axis=1)
    g = np.exp(logs - logs.max())
    return np.asarray(g / g.sum(), dtype=float)


def estimate_lambda_max(matrix: npt.ArrayLike, weights: npt.ArrayLike) -> float:
    """λmax estimated as the mean of (A w)_i / w_i (exact when w is the eigenvector).

    References
    ----------
    Saaty, T.L. (1980), ch. 1 (consistency vector).
    """
    a = _complete_positive(matrix)
    w = np.asarray(weights, dtype=float)
    return float(np.mean((a @ w) / w))


def derive(matrix: npt.ArrayLike, method: str = "eigenvector") -> tuple[FloatArray, float]:
    """Priorities and λmax by the named derivation (see the module docstring)."""
    key = check_derivation(method)
    if key == "eigenvector":
        return eigenvector_priorities(matrix)
    w = geometric_mean_priorities(matrix)
    return w, estimate_lambda_max(matrix, w)


def priorities(matrix: npt.ArrayLike, method: str = "eigenvector") -> FloatArray:
    """Priority vector (positive, sums to 1) of a complete reciprocal matrix.

    Parameters
    ----------
    matrix
        n×n positive reciprocal matrix without missing cells (validate it with
        :func:`methods.ahp.pairwise.check_pairwise` first).
    method
        ``"eigenvector"`` (Saaty) or ``"geometric_mean"`` (row geometric means).

    References
    ----------
    Saaty (1980); Crawford & Williams (1985) — see the module docstring.
    """
    return derive(matrix, method)[0]
