"""Completion of an incomplete pairwise matrix by minimising λmax (Bozóki, Fülöp & Rónyai 2010).

The missing judgments x_ij (i < j, with x_ji = 1/x_ij) are chosen so that the principal
eigenvalue λmax of the completed matrix A(x) is as small as possible: the completion that is
as consistent as the known judgments allow, in Saaty's own measure (CI and CR grow with λmax).

With x_ij = exp(y_ij), λmax(A(exp(y))) is a logarithmically convex function of y (Bozóki et
al. 2010), so every local minimum is global; the minimiser is unique if and only if the graph
of known comparisons (items as nodes, judged pairs as edges) is connected. A disconnected
graph is refused (:func:`methods.ahp.incomplete.check_connected`).

Algorithm. Each iteration is one cycle of cyclic coordinate descent, as in the paper (every
missing y_ij in turn moves to the minimiser of the one-variable convex function
t -> λmax(y with y_ij = t)), followed by one Newton step on all the missing y at once, kept
only when it lowers λmax (or, within rounding of λmax, the largest slope): the cycles make
every iteration a descent, the Newton steps make the end game quadratic rather than linear
(coordinate descent alone needs hundreds of cycles on sparse 12×12 judgments). λmax is a
simple (Perron) eigenvalue, so it is smooth, with

    dλ/dy_k = vᵀE_k w / vᵀw,   d²λ/dy_k dy_l = (δ_kl vᵀF_k w + vᵀE_k S E_l w + vᵀE_l S E_k w) / vᵀw

(w, v: right and left Perron vectors; E_k = dA/dy_k, F_k = d²A/dy_k²; S = (λI − A)^# the
group inverse, (λI − A + P)^{-1} − P with P = w vᵀ / vᵀw). The 1-D minimum of a cycle step is
the root of the non-decreasing slope, found by Newton's method safeguarded by bisection.
Iterations stop once every slope |dλ/dy_k| is at most ``tol`` (the gradient of a convex
function vanishes only at its minimum); the iterations and Newton steps used are reported.
The start is the logarithmic least-squares completion (w_i/w_j of the incomplete LLSM
priorities), which is exact when the known judgments are consistent.

References
----------
Bozóki, S., Fülöp, J., Rónyai, L. (2010). On optimal completion of incomplete pairwise
comparison matrices. *Mathematical and Computer Modelling* 52(1–2), 318–333 (cyclic
coordinates).

Ábele-Nagy, K. (2019). *Pairwise comparison matrices in multi-criteria decision making*.
PhD dissertation, Corvinus University of Budapest, section 3.3.1 (optimal completion with
Newton's method).

Wilkinson, J.H. (1965). *The Algebraic Eigenvalue Problem*. Clarendon Press, Oxford, ch. 2
(perturbation of a simple eigenvalue).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]
Pairs = list[tuple[int, int]]

DEFAULT_TOLERANCE = 1e-10
"""Stop when every |dλmax/dy_ij| is at most this (y_ij = ln x_ij)."""
DEFAULT_MAX_ITERATIONS = 500
_MAX_STEPS = 200  # Newton / bisection steps per coordinate
_MAX_JUMP = 2.0  # longest 1-D Newton step in ln x (a factor e² ≈ 7.4)
_HALVINGS = 30  # step halvings tried for a Newton step on all missing entries


@dataclass(frozen=True)
class LambdaMaxCompletion:
    """The λmax-optimal completion of an incomplete pairwise matrix.

    Attributes
    ----------
    matrix
        The completed, exactly reciprocal n×n matrix.
    lambda_max
        Its principal eigenvalue (the minimum over all completions).
    iterations
        Iterations used, each a coordinate-descent cycle and a Newton step (0 when nothing
        was missing or the start was already optimal).
    newton_steps
        How many of those Newton steps were kept.
    tolerance
        The stopping tolerance on every |dλmax/d ln x_ij|.
    gradient
        The largest |dλmax/d ln x_ij| at the returned completion: at most ``tolerance``, or
        as small as floating point resolves when nothing could move any more.
    """

    matrix: FloatArray
    lambda_max: float
    iterations: int
    newton_steps: int
    tolerance: float
    gradient: float

    def __post_init__(self) -> None:
        arr = np.array(self.matrix, dtype=float)
        arr.setflags(write=False)
        object.__setattr__(self, "matrix", arr)


def perron(a: FloatArray) -> tuple[float, FloatArray, FloatArray]:
    """λmax with its right (w) and left (v) Perron vectors of a positive matrix, both > 0."""
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lvalues, lvectors = np.linalg.eig(a.T)
    kl = int(np.argmax(lvalues.real))
    w = np.abs(vectors[:, k].real)
    v = np.abs(lvectors[:, kl].real)
    return float(values[k].real), w / w.sum(), v / v.sum()


def slopes(a: FloatArray, pairs: Pairs) -> tuple[float, FloatArray, FloatArray]:
    """λmax, its gradient and Hessian in y_k = ln a_ij for the pairs (i, j) (a_ji = 1/a_ij).

    See the module docstring for the formulas (Wilkinson 1965, ch. 2).
    """
    lam, w, v = perron(a)
    n, m = a.shape[0], len(pairs)
    rows, cols = np.array(pairs, dtype=int).reshape(m, 2).T
    x, r = a[rows, cols], a[cols, rows]
    vw = float(v @ w)
    ew = np.zeros((n, m))  # column k: E_k w
    ew[rows, np.arange(m)] = x * w[cols]
    ew[cols, np.arange(m)] = -r * w[rows]
    ve = np.zeros((m, n))  # row k: vᵀ E_k
    ve[np.arange(m), cols] = v[rows] * x
    ve[np.arange(m), rows] = -v[cols] * r
    proj = np.outer(w, v) / vw
    group_inverse = np.linalg.inv(lam * np.eye(n) - a + proj) - proj
    cross = ve @ group_inverse @ ew
    grad = (v[rows] * x * w[cols] - v[cols] * r * w[rows]) / vw
    hess = (np.diag(v[rows] * x * w[cols] + v[cols] * r * w[rows]) + cross + cross.T) / vw
    return lam, np.asarray(grad, dtype=float), np.asarray(hess, dtype=float)


def _set(a: FloatArray, pairs: Pairs, y: npt.ArrayLike) -> None:
    for (i, j), t in zip(pairs, np.asarray(y, dtype=float).ravel(), strict=True):
        a[i, j] = np.exp(t)
        a[j, i] = np.exp(-t)


def _line_minimum(a: FloatArray, pair: tuple[int, int], g: float, h: float, tol: float) -> bool:
    """Move ln a_ij to the 1-D minimiser of λmax (in place): safeguarded Newton on the slope.

    The slope is non-decreasing (λmax is convex in ln a_ij), so a point with a negative slope
    and one with a positive slope bracket the minimum; Newton steps (at most ``_MAX_JUMP``
    long) that leave the bracket are replaced by bisection. Returns False when ln a_ij could
    not move at all (the slope is as small as floating point can resolve there).
    """
    y = float(np.log(a[pair]))
    lo, hi = -np.inf, np.inf
    for step_number in range(_MAX_STEPS):
        if g < 0:
            lo = y
        else:
            hi = y
        step = -g / h if h > 0 else -np.sign(g) * _MAX_JUMP
        trial = y + float(np.clip(step, -_MAX_JUMP, _MAX_JUMP))
        if not lo < trial < hi:
            trial = 0.5 * (lo + hi)
        if abs(trial - y) <= 1e-15 * max(1.0, abs(y)):
            return step_number > 0
        y = trial
        _set(a, [pair], [y])
        _unused, gs, hs = slopes(a, [pair])
        g, h = float(gs[0]), float(hs[0, 0])
        if abs(g) <= tol / 4:
            return True
    msg = _("λmax completion: no minimum found along a missing judgment (slope never turns)")
    raise MethodInputError(msg)


def _cycle(a: FloatArray, pairs: Pairs, tol: float) -> bool:
    """One cycle of coordinate descent (in place); True when some entry moved."""
    moved = False
    for pair in pairs:
        _unused, g, h = slopes(a, [pair])
        if abs(g[0]) > tol / 4:
            moved = _line_minimum(a, pair, float(g[0]), float(h[0, 0]), tol) or moved
    return moved


def _newton_step(a: FloatArray, pairs: Pairs, lam: float, g: FloatArray, h: FloatArray) -> bool:
    """A Newton step on every missing entry, halved until it descends (in place if kept)."""
    scale = max(1.0, float(np.trace(h)))
    try:
        d = np.linalg.solve(h + 1e-12 * scale * np.eye(len(pairs)), -g)
    except np.linalg.LinAlgError:
        return False
    if not np.all(np.isfinite(d)) or g @ d >= 0:
        return False
    y = np.log([a[p] for p in pairs])
    trial = a.copy()
    for k in range(_HALVINGS):
        _set(trial, pairs, y + d / 2**k)
        lam_t, g_t, _unused = slopes(trial, pairs)
        flat = lam_t <= lam + 4e-16 * lam and np.abs(g_t).max() < np.abs(g).max()
        if lam_t < lam or flat:
            a[...] = trial
            return True
    return False


def missing_pairs(matrix: npt.ArrayLike) -> Pairs:
    """Upper-triangle (i, j) pairs that are NaN."""
    a = np.asarray(matrix, dtype=float)
    n = a.shape[0]
    return [(i, j) for i in range(n) for j in range(i + 1, n) if np.isnan(a[i, j])]


def lambda_max_completion(
    matrix: npt.ArrayLike,
    start: npt.ArrayLike | None = None,
    *,
    tol: float = DEFAULT_TOLERANCE,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
) -> LambdaMaxCompletion:
    """Fill the missing (NaN) judgments so that λmax of the completed matrix is minimal.

    Parameters
    ----------
    matrix
        Reciprocal n×n matrix, NaN for missing judgments, whose comparison graph is connected
        (the caller checks: :func:`methods.ahp.incomplete.completed` does).
    start
        A positive completion to start from (its values at the missing cells are used);
        default all ones. :func:`methods.ahp.incomplete.completed` passes the LLSM completion.
    tol
        Stop when every |dλmax/d ln x_ij| is at most ``tol``.
    max_iterations
        Refuse (raise) rather than return a completion that did not reach ``tol`` in these.

    Raises
    ------
    ConfigurationError
        ``tol`` not > 0 or ``max_iterations`` not a whole number >= 1.
    MethodInputError
        The tolerance was not reached within ``max_iterations``.

    References
    ----------
    Bozóki, Fülöp & Rónyai (2010), Mathematical and Computer Modelling 52, 318–333;
    Ábele-Nagy (2019), section 3.3.1.
    """
    if not (np.isfinite(tol) and tol > 0):
        msg = _("the completion tolerance must be a number > 0 (got {given!r})").format(given=tol)
        raise ConfigurationError(msg)
    if (
        isinstance(max_iterations, bool)
        or not isinstance(max_iterations, int)
        or max_iterations < 1
    ):
        msg = _("max_iterations must be a whole number >= 1 (got {given!r})").format(
            given=max_iterations
        )
        raise ConfigurationError(msg)
    a = np.array(matrix, dtype=float)
    pairs = missing_pairs(a)
    if not pairs:
        return LambdaMaxCompletion(a, perron(a)[0], 0, 0, tol, 0.0)
    init = np.ones_like(a) if start is None else np.asarray(start, dtype=float)
    _set(a, pairs, np.log([init[p] for p in pairs]))
    newton = 0
    for iteration in range(max_iterations + 1):
        lam, g, h = slopes(a, pairs)
        largest = float(np.abs(g).max())
        if largest <= tol:
            return LambdaMaxCompletion(a, lam, iteration, newton, tol, largest)
        if iteration == max_iterations:
            break
        moved = _cycle(a, pairs, tol)
        lam, g, h = slopes(a, pairs)
        stepped = _newton_step(a, pairs, lam, g, h)
        newton += stepped
        if not (moved or stepped):  # at the limit of floating point: as optimal as computable
            return LambdaMaxCompletion(a, lam, iteration + 1, newton, tol, float(np.abs(g).max()))
    msg = _(
        "λmax completion did not converge within {iterations} iterations (largest slope "
        "{largest} > tolerance {tolerance}); use completion 'implied' for this matrix"
    ).format(iterations=max_iterations, largest=f"{largest:.2e}", tolerance=f"{tol:g}")
    raise MethodInputError(msg)
