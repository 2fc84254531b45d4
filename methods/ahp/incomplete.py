"""Priorities from incomplete pairwise matrices (missing judgments are ``np.nan``).

``eigenvector`` derivation — Harker's (1987) method
    Build C with c_ij = a_ij for a known judgment, c_ij = 0 for a missing one, and
    c_ii = 1 + m_i where m_i is the number of missing judgments in row i; the priorities are
    the principal right eigenvector of C. Filling each missing a_ij with w_i / w_j gives a
    complete matrix Ā with Ā w = C w = λ w, so w is also Ā's principal eigenvector and the
    consistency ratio of Ā uses Harker's λmax.

``geometric_mean`` derivation — incomplete logarithmic least squares
    Minimise Σ over known pairs of (ln a_ij − ln w_i + ln w_j)²: a Laplacian system
    L y = r with r_i = Σ_known ln a_ij (Kwiesielewicz 1996; Bozóki, Fülöp & Rónyai 2010).
    On a complete matrix this is the row geometric mean; the geometric mean of the
    completed matrix Ā returns the same w.

Completion (a setting, echoed in every result: :data:`COMPLETIONS`)
    ``implied`` (default): the missing a_ij are the ratios w_i / w_j of the priorities above
    (Harker for ``eigenvector``, LLSM for ``geometric_mean``).
    ``lambda_max``: the missing a_ij minimise λmax of the completed matrix (Bozóki, Fülöp &
    Rónyai 2010; :mod:`methods.ahp.optimal_completion`); the priorities are then derived
    from the completed matrix by the chosen derivation.

All need the comparison graph (items as nodes, judged pairs as edges) to be connected;
otherwise the relative size of two unconnected groups is not determined (and the λmax-optimal
completion is not unique), and the error names the groups. All recover w exactly when the
known judgments are consistent (a_ij = w_i/w_j).

References
----------
Harker, P.T. (1987). Incomplete pairwise comparisons in the analytic hierarchy process.
*Mathematical Modelling* 9(11), 837–848.

Kwiesielewicz, M. (1996). The logarithmic least squares and the generalized pseudoinverse in
estimating ratios. *European Journal of Operational Research* 93(3), 611–619.

Bozóki, S., Fülöp, J., Rónyai, L. (2010). On optimal completion of incomplete pairwise
comparison matrices. *Mathematical and Computer Modelling* 52(1–2), 318–333.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.ahp.optimal_completion import lambda_max_completion
from clusterrank.methods.ahp.priorities import check_derivation, derive, principal_eigen

FloatArray = npt.NDArray[np.float64]

COMPLETIONS: tuple[str, ...] = ("implied", "lambda_max")
"""How missing judgments are filled: w_i/w_j of the derived priorities, or minimal λmax."""


def check_completion(method: str) -> str:
    """Return the canonical completion name or raise :class:`ConfigurationError`."""
    key = str(method).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in COMPLETIONS:
        msg = _("completion must be one of {choices} (got {given!r})").format(
            choices=", ".join(COMPLETIONS), given=method
        )
        raise ConfigurationError(msg)
    return key


def completion_method(completion: str, derivation: str) -> str:
    """The method's name as a note shows it (``implied`` depends on the derivation)."""
    if check_completion(completion) == "lambda_max":
        return _("minimising lambda_max (Bozóki, Fülöp & Rónyai 2010)")
    if check_derivation(derivation) == "eigenvector":
        return "Harker (1987)"
    return _("logarithmic least squares")


def missing_mask(matrix: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Boolean mask of missing off-diagonal judgments (NaN)."""
    a = np.asarray(matrix, dtype=float)
    mask = np.isnan(a)
    mask[np.diag_indices(a.shape[0])] = False
    return mask


def components(matrix: npt.ArrayLike) -> list[list[int]]:
    """Connected components of the comparison graph (lists of item indices)."""
    known = ~np.isnan(np.asarray(matrix, dtype=float))
    n = known.shape[0]
    seen = [False] * n
    groups: list[list[int]] = []
    for start in range(n):
        if seen[start]:
            continue
        stack, group = [start], []
        seen[start] = True
        while stack:
            i = stack.pop()
            group.append(i)
            for j in np.flatnonzero(known[i] | known[:, i]):
                if not seen[j]:
                    seen[j] = True
                    stack.append(int(j))
        groups.append(sorted(group))
    return groups


def check_connected(matrix: npt.ArrayLike, names: Sequence[str] | None = None) -> None:
    """Raise :class:`MethodInputError` naming the groups when the judgments are disconnected."""
    groups = components(matrix)
    if len(groups) <= 1:
        return
    n = np.asarray(matrix).shape[0]
    label = (
        [str(x) for x in names]
        if names is not None
        else [_("item {number}").format(number=k + 1) for k in range(n)]
    )
    shown = "; ".join("{" + ", ".join(label[k] for k in g) + "}" for g in groups)
    msg = _(
        "the judgments fall into {count} groups that are never compared with each "
        "other: {groups}. Add at least one judgment linking each group to the others"
    ).format(count=len(groups), groups=shown)
    raise MethodInputError(msg)


def harker_matrix(matrix: npt.ArrayLike) -> FloatArray:
    """Harker's auxiliary matrix C (missing -> 0, diagonal 1 + missing count in the row)."""
    a = np.asarray(matrix, dtype=float)
    mask = missing_mask(a)
    c = np.where(mask, 0.0, a)
    c[np.diag_indices(a.shape[0])] = 1.0 + mask.sum(axis=1)
    return np.asarray(c, dtype=float)


def harker_priorities(
    matrix: npt.ArrayLike, names: Sequence[str] | None = None
) -> tuple[FloatArray, float]:
    """Harker (1987) priorities and λmax of an incomplete (or complete) reciprocal matrix.

    References
    ----------
    Harker, P.T. (1987), Mathematical Modelling 9(11), 837–848.
    """
    check_connected(matrix, names)
    return principal_eigen(harker_matrix(matrix))


def llsm_priorities(matrix: npt.ArrayLike, names: Sequence[str] | None = None) -> FloatArray:
    """Logarithmic least-squares priorities of an incomplete matrix (sum 1).

    References
    ----------
    Kwiesielewicz (1996); Bozóki, Fülöp & Rónyai (2010), section 4.
    """
    check_connected(matrix, names)
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    known = ~np.isnan(a)
    known[np.diag_indices(n)] = False
    laplacian = -known.astype(float)
    laplacian[np.diag_indices(n)] = known.sum(axis=1)
    r = np.where(known, np.log(np.where(known, a, 1.0)), 0.0).sum(axis=1)
    # fix the scale: y_0 = 0 (the graph is connected, so the reduced system is regular)
    y = np.zeros(n)
    if n > 1:
        y[1:] = np.linalg.solve(laplacian[1:, 1:], r[1:])
    g = np.exp(y - y.max())
    return np.asarray(g / g.sum(), dtype=float)


@dataclass(frozen=True)
class CompletedMatrix:
    """An incomplete matrix completed: priorities, completed matrix and how it was done.

    Attributes
    ----------
    priorities
        Sum to 1 (the derivation's on the completed matrix).
    matrix
        The completed, exactly reciprocal n×n matrix.
    completion
        ``"implied"`` or ``"lambda_max"``.
    method
        The method as a note names it (Harker, LLSM or λmax minimisation).
    iterations
        Iterations of the λmax completion, each a coordinate-descent cycle and a Newton step
        (0 for ``implied``).
    tolerance
        Its stopping tolerance on every |dλmax/d ln a_ij| (``None`` for ``implied``).
    """

    priorities: FloatArray
    matrix: FloatArray
    completion: str
    method: str
    iterations: int = 0
    tolerance: float | None = None


def completed(
    matrix: npt.ArrayLike,
    derivation: str = "eigenvector",
    names: Sequence[str] | None = None,
    completion: str = "implied",
) -> CompletedMatrix:
    """Complete an incomplete matrix by the named completion (see the module docstring).

    Parameters
    ----------
    matrix
        Reciprocal matrix with ``np.nan`` for missing judgments (validated by
        :func:`methods.ahp.pairwise.check_pairwise` with ``allow_missing=True``).
    derivation
        ``"eigenvector"`` (Harker 1987) or ``"geometric_mean"`` (incomplete LLSM).
    names
        Item names for the disconnected-graph message.
    completion
        ``"implied"`` (missing a_ij = w_i / w_j) or ``"lambda_max"`` (missing a_ij minimise
        λmax; the priorities are then the derivation's on the completed matrix).

    Raises
    ------
    ConfigurationError
        Unknown derivation or completion.
    MethodInputError
        The comparison graph is disconnected (the groups are named).

    References
    ----------
    Harker (1987); Kwiesielewicz (1996); Bozóki, Fülöp & Rónyai (2010).
    """
    key = check_derivation(derivation)
    how = check_completion(completion)
    method = completion_method(how, key)
    a = np.asarray(matrix, dtype=float)
    if key == "eigenvector" and how == "implied":
        w, _unused = harker_priorities(a, names)
    else:
        w = llsm_priorities(a, names)  # checks connectivity
    filled = np.asarray(np.where(missing_mask(a), w[:, None] / w[None, :], a), dtype=float)
    if how == "implied":
        return CompletedMatrix(w, filled, how, method)
    optimal = lambda_max_completion(a, start=filled)  # LLSM start: exact when consistent
    w, _unused = derive(optimal.matrix, key)
    return CompletedMatrix(w, optimal.matrix, how, method, optimal.iterations, optimal.tolerance)


def complete(
    matrix: npt.ArrayLike,
    derivation: str = "eigenvector",
    names: Sequence[str] | None = None,
    completion: str = "implied",
) -> tuple[FloatArray, FloatArray]:
    """Priorities of an incomplete matrix and the completed matrix (see :func:`completed`).

    References
    ----------
    Harker (1987); Kwiesielewicz (1996); Bozóki, Fülöp & Rónyai (2010).
    """
    done = completed(matrix, derivation, names, completion)
    return done.priorities, done.matrix
