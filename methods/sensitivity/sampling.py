"""Random weight vectors and uncertain decision matrices for SMAA, from a seeded Generator.

Three weight schemes (:class:`WeightSampling`):

``uniform``
    Uniform on the simplex {w >= 0, sum w = 1}: normalised standard exponentials, i.e.
    Dirichlet(1, ..., 1) (Rubinstein and Kroese 2016, sec. 2.5.4).
``bounded``
    Uniform on the simplex restricted to per-criterion bounds ``lower <= w <= upper``. Exact
    rejection sampling after a shift: ``w = lower + (1 - sum(lower)) v`` with ``v`` uniform on
    the simplex is uniform on {w >= lower, sum w = 1} (the map is affine), so only the upper
    bounds ``v_j <= (upper_j - lower_j) / (1 - sum(lower))`` are enforced by rejection. The
    acceptance rate is measured on a pilot draw; below :data:`MIN_ACCEPTANCE` the bounds are
    refused with a message, since the sampler would crawl.
``dirichlet``
    Around given weights: Dirichlet(concentration × w). The mean is ``w``; a larger
    concentration gives draws closer to it (variance w_j(1 - w_j) / (concentration + 1)).
    Criteria with weight 0 stay at 0 (noted).

:class:`DataUncertainty` draws a decision matrix uniformly within a per-cell interval, given
either as the cells' own lower and upper bounds, or as ± a percentage per criterion.

References
----------
Rubinstein, R. Y. and Kroese, D. P. (2016). *Simulation and the Monte Carlo Method*, 3rd ed.,
Wiley (uniform sampling on the simplex via exponentials; acceptance-rejection).
Tervonen, T. and Lahdelma, R. (2007). Implementing stochastic multicriteria acceptability
analysis. *European Journal of Operational Research* 178(2), 500-513 (weight sampling with
bounds in SMAA).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _, formats
from clusterrank.methods.result import FloatArray
from clusterrank.methods.validation import check_weights

Scheme = Literal["uniform", "bounded", "dirichlet"]
#: Lowest acceptance rate of the bounded sampler that is still accepted.
MIN_ACCEPTANCE = 1e-3
_PILOT = 20_000


def _vector(values: Sequence[float] | npt.ArrayLike | None, n: int, name: str) -> FloatArray:
    v = np.asarray(values, dtype=float).ravel()
    if v.shape != (n,) or not np.all(np.isfinite(v)):
        msg = _("'{name}' must hold {n} finite numbers (one per criterion); got {given}").format(
            name=name, n=n, given=v.tolist()
        )
        raise MethodInputError(msg)
    return v


@dataclass(frozen=True)
class WeightSampling:
    """How SMAA draws weight vectors.

    Build with :meth:`uniform`, :meth:`bounded` or :meth:`around`.
    """

    scheme: Scheme = "uniform"
    lower: tuple[float, ...] | None = None
    upper: tuple[float, ...] | None = None
    center: tuple[float, ...] | None = None
    concentration: float | None = None

    @classmethod
    def uniform(cls) -> WeightSampling:
        """Weights drawn uniformly from the simplex."""
        return cls("uniform")

    @classmethod
    def bounded(cls, lower: npt.ArrayLike, upper: npt.ArrayLike) -> WeightSampling:
        """Weights uniform on the simplex within per-criterion ``lower`` and ``upper`` bounds."""
        lo = np.asarray(lower, dtype=float).ravel()
        hi = np.asarray(upper, dtype=float).ravel()
        return cls("bounded", lower=tuple(lo.tolist()), upper=tuple(hi.tolist()))

    @classmethod
    def around(cls, weights: npt.ArrayLike, concentration: float = 100.0) -> WeightSampling:
        """Dirichlet weights centred on ``weights``; larger ``concentration`` keeps draws closer."""
        w = np.asarray(weights, dtype=float).ravel()
        return cls("dirichlet", center=tuple(w.tolist()), concentration=float(concentration))

    def settings(self) -> dict[str, Any]:
        """Everything that changes the draws, for echoing in results."""
        out: dict[str, Any] = {"sampling": self.scheme}
        if self.scheme == "bounded":
            out |= {"lower": self.lower, "upper": self.upper}
        if self.scheme == "dirichlet":
            out |= {"center": self.center, "concentration": self.concentration}
        return out

    def prepare(self, n: int) -> PreparedSampler:
        """Check the scheme against ``n`` criteria and return a ready sampler."""
        if self.scheme == "uniform":
            return PreparedSampler(self, n, np.zeros(n), np.ones(n), None, 1.0, ())
        if self.scheme == "bounded":
            return _prepare_bounded(self, n)
        if self.scheme == "dirichlet":
            return _prepare_dirichlet(self, n)
        msg = _("sampling scheme must be uniform, bounded or dirichlet (got {given!r})").format(
            given=self.scheme
        )
        raise ConfigurationError(msg)


@dataclass(frozen=True)
class PreparedSampler:
    """A validated weight sampler; :meth:`draw` returns ``size`` rows summing to 1."""

    spec: WeightSampling
    n: int
    lower: FloatArray
    upper: FloatArray
    alpha: FloatArray | None
    acceptance: float
    notes: tuple[str, ...]

    def draw(self, rng: np.random.Generator, size: int) -> FloatArray:
        """``size`` weight vectors (``size`` × n), each summing to 1."""
        if self.spec.scheme == "dirichlet":
            assert self.alpha is not None
            w = np.zeros((size, self.n))
            live = self.alpha > 0
            w[:, live] = rng.dirichlet(self.alpha[live], size=size)
            return w
        if self.spec.scheme == "uniform":
            return _simplex(rng, size, self.n)
        return self._draw_bounded(rng, size)

    def _draw_bounded(self, rng: np.random.Generator, size: int) -> FloatArray:
        free = 1.0 - float(self.lower.sum())
        if free <= 0:
            return np.tile(self.lower, (size, 1))
        cap = (self.upper - self.lower) / free
        kept: list[FloatArray] = []
        have = 0
        batch = max(64, int(1.2 * size / self.acceptance))
        while have < size:
            v = _simplex(rng, batch, self.n)
            ok = v[np.all(v <= cap, axis=1)]
            kept.append(ok)
            have += len(ok)
        v = np.concatenate(kept)[:size]
        return np.asarray(self.lower + free * v, dtype=float)


def _simplex(rng: np.random.Generator, size: int, n: int) -> FloatArray:
    e = rng.standard_exponential((size, n))
    return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=float)


def _prepare_bounded(spec: WeightSampling, n: int) -> PreparedSampler:
    lo = _vector(spec.lower, n, "lower")
    hi = _vector(spec.upper, n, "upper")
    bad = np.flatnonzero((lo < 0) | (hi > 1) | (lo > hi))
    if bad.size:
        j = int(bad[0])
        msg = _(
            "weight bounds must satisfy 0 <= lower <= upper <= 1; criterion {number} has "
            "lower={lower}, upper={upper}"
        ).format(number=j + 1, lower=f"{lo[j]:g}", upper=f"{hi[j]:g}")
        raise MethodInputError(msg)
    if lo.sum() > 1 + 1e-12 or hi.sum() < 1 - 1e-12:
        msg = _(
            "no weights sum to 1 within these bounds: sum(lower) = {lower} must be <= 1 "
            "and sum(upper) = {upper} must be >= 1"
        ).format(lower=f"{lo.sum():g}", upper=f"{hi.sum():g}")
        raise MethodInputError(msg)
    free = 1.0 - float(lo.sum())
    notes: list[str] = []
    if free <= 1e-12:
        notes.append(_("the lower bounds sum to 1: every sampled weight vector equals them"))
        return PreparedSampler(spec, n, lo, hi, None, 1.0, tuple(notes))
    cap = (hi - lo) / free
    pilot = _simplex(np.random.default_rng(0), _PILOT, n)
    rate = float(np.mean(np.all(pilot <= cap, axis=1)))
    if rate < MIN_ACCEPTANCE:
        msg = _(
            "the weight bounds leave too small a share of the simplex for rejection "
            "sampling (acceptance about {rate}, need >= {need}); widen the "
            "upper bounds or raise the lower ones"
        ).format(rate=f"{rate:.2g}", need=f"{MIN_ACCEPTANCE:g}")
        raise MethodInputError(msg)
    note = _("bounded sampling by rejection: about {share} of draws accepted")
    notes.append(note.format(share=formats.percent(rate, 1)))
    return PreparedSampler(spec, n, lo, hi, None, rate, tuple(notes))


def _prepare_dirichlet(spec: WeightSampling, n: int) -> PreparedSampler:
    w, notes = check_weights(spec.center, n)
    c = float(spec.concentration if spec.concentration is not None else np.nan)
    if not np.isfinite(c) or c <= 0:
        msg = _("'concentration' must be a number > 0 (got {given!r})").format(
            given=spec.concentration
        )
        raise MethodInputError(msg)
    zero = np.flatnonzero(w == 0)
    if zero.size:
        notes.append(
            _(
                "criteria {numbers} have weight 0 and stay at 0 in "
                "every draw (a Dirichlet needs positive parameters)"
            ).format(numbers=", ".join(str(j + 1) for j in zero))
        )
    return PreparedSampler(spec, n, np.zeros(n), np.ones(n), c * w, 1.0, tuple(notes))


@dataclass(frozen=True)
class DataUncertainty:
    """Per-cell intervals for the decision matrix; values are drawn uniformly within them.

    Build with :meth:`percent` (± p_j % of each value of criterion j) or :meth:`interval`
    (explicit m×n lower and upper matrices).
    """

    kind: Literal["percent", "interval"]
    percent: tuple[float, ...] | None = None
    lower: tuple[tuple[float, ...], ...] | None = None
    upper: tuple[tuple[float, ...], ...] | None = None

    @classmethod
    def plus_minus_percent(cls, percent: float | npt.ArrayLike) -> DataUncertainty:
        """Each value uniform within ± ``percent`` % (one percentage, or one per criterion)."""
        p = np.atleast_1d(np.asarray(percent, dtype=float)).ravel()
        return cls("percent", percent=tuple(p.tolist()))

    @classmethod
    def interval(cls, lower: npt.ArrayLike, upper: npt.ArrayLike) -> DataUncertainty:
        """Each value uniform between the ``lower`` and ``upper`` matrices (m × n)."""
        lo = np.asarray(lower, dtype=float)
        hi = np.asarray(upper, dtype=float)
        return cls(
            "interval",
            lower=tuple(map(tuple, lo.tolist())),
            upper=tuple(map(tuple, hi.tolist())),
        )

    def settings(self) -> dict[str, Any]:
        """The uncertainty as settings to report."""
        if self.kind == "percent":
            return {"data_uncertainty": "percent", "percent": self.percent}
        return {"data_uncertainty": "interval", "lower": self.lower, "upper": self.upper}

    def bounds(self, matrix: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Validated (lower, upper) m×n matrices that contain ``matrix``."""
        m, n = matrix.shape
        if self.kind == "percent":
            p = np.asarray(self.percent, dtype=float)
            p = np.full(n, p[0]) if p.size == 1 else p
            p = _vector(p, n, "percent")
            if np.any(p < 0):
                msg = _("'percent' must be >= 0 for every criterion (got {given})").format(
                    given=p.tolist()
                )
                raise MethodInputError(msg)
            half = np.abs(matrix) * p / 100.0
            return matrix - half, matrix + half
        lo = np.asarray(self.lower, dtype=float)
        hi = np.asarray(self.upper, dtype=float)
        if lo.shape != (m, n) or hi.shape != (m, n):
            msg = _(
                "interval bounds must be {m}×{n} like the matrix (got {lower}, {upper})"
            ).format(m=m, n=n, lower=lo.shape, upper=hi.shape)
            raise MethodInputError(msg)
        inside = (lo <= matrix) & (matrix <= hi) & np.isfinite(lo) & np.isfinite(hi)
        if not inside.all():
            i, j = np.argwhere(~inside)[0]
            msg = _(
                "interval at row {row}, column {column} is [{lower}, {upper}] "
                "but the value is {value}; each interval must contain its value"
            ).format(
                row=i + 1,
                column=j + 1,
                lower=f"{lo[i, j]:g}",
                upper=f"{hi[i, j]:g}",
                value=f"{matrix[i, j]:g}",
            )
            raise MethodInputError(msg)
        return lo, hi


def draw_matrix(rng: np.random.Generator, lower: FloatArray, upper: FloatArray) -> FloatArray:
    """One matrix drawn uniformly, cell by cell, within ``[lower, upper]``."""
    return np.asarray(lower + (upper - lower) * rng.random(lower.shape), dtype=float)
