"""Kendall's coefficient of concordance W, with the tie correction, and its χ² test.

m raters (experts) each rank the same n objects (candidates). Every rater's values are
turned into average ranks (tied objects share the mean of their positions), R_i is object
i's rank sum and S = Σ_i (R_i − R̄)², R̄ = m(n + 1)/2. Then::

    W = 12 S / (m² (n³ − n) − m Σ_j T_j),    T_j = Σ_g (t_g³ − t_g)

over the tie groups g of rater j (t_g objects tied), so W = 1 when every rater gives the same
ranking and W = 0 when every object has the same rank sum. The large-sample test of "no
agreement" is χ² = m (n − 1) W with n − 1 degrees of freedom (the tie-corrected Friedman
statistic; the tests compare it with ``scipy.stats.friedmanchisquare``); its p-value comes
from :func:`methods.group.chi2.chi2_sf`. With few objects (n <= 7) the χ² approximation is
rough and a note says so; exact tables exist for small m and n.

Ties between values are judged after rounding to 12 significant digits
(:func:`methods.result.round_significant`), as everywhere in clusterrank.

References
----------
Kendall, M.G., Babington Smith, B. (1939). The problem of m rankings. *The Annals of
Mathematical Statistics* 10(3), 275–287.

Siegel, S., Castellan, N.J. (1988). *Nonparametric Statistics for the Behavioral Sciences*,
2nd ed., McGraw-Hill, ch. 9 (Kendall coefficient of concordance, correction for ties).

Friedman, M. (1937). The use of ranks to avoid the assumption of normality implicit in the
analysis of variance. *Journal of the American Statistical Association* 32(200), 675–701.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.group.chi2 import chi2_sf
from clusterrank.methods.result import round_significant

FloatArray = npt.NDArray[np.float64]

#: Below this many objects the χ² approximation is flagged as rough.
SMALL_N = 8


def average_ranks(values: npt.ArrayLike, *, higher_is_better: bool = False) -> FloatArray:
    """Row-wise average ranks (1 = best; ties share the mean of their positions).

    ``values`` are ranks (1 = best) by default, or scores with ``higher_is_better=True``.
    Competition ranks "1224" become 1, 2.5, 2.5, 4.
    """
    x = np.atleast_2d(np.asarray(values, dtype=float))
    key = round_significant(-x if higher_is_better else x)
    out = np.empty_like(key)
    n = key.shape[1]
    for r, row in enumerate(key):
        order = np.argsort(row, kind="stable")
        ordered = row[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], n]
        mean_pos = (starts + ends - 1) / 2.0 + 1.0  # mean of positions start+1 .. end
        out[r, order] = np.repeat(mean_pos, ends - starts)
    return np.asarray(out, dtype=float)


def tie_sums(ranks: FloatArray) -> FloatArray:
    """T_j = Σ (t³ − t) over the tie groups of each row (rater)."""
    out = np.zeros(ranks.shape[0])
    for r, row in enumerate(ranks):
        _unused, counts = np.unique(row, return_counts=True)
        out[r] = float(np.sum(counts.astype(float) ** 3 - counts))
    return out


@dataclass(frozen=True)
class KendallW:
    """Kendall's W with its χ² test.

    Attributes
    ----------
    w
        Coefficient of concordance in [0, 1], tie-corrected.
    chi2, df, p_value
        χ² = m (n − 1) W, n − 1 degrees of freedom, P(χ² > chi2).
    m, n
        Raters and objects.
    s
        Σ (R_i − R̄)².
    tie_correction
        Σ_j T_j (0 without ties).
    rank_sums
        R_i per object (average ranks, 1 = best).
    notes
        Remarks a user must see.
    """

    w: float
    chi2: float
    df: int
    p_value: float
    m: int
    n: int
    s: float
    tie_correction: float
    rank_sums: FloatArray
    notes: tuple[str, ...] = ()


def kendall_w(values: npt.ArrayLike, *, higher_is_better: bool = False) -> KendallW:
    """Kendall's W of m raters over n objects, tie-corrected, with its χ² test.

    Parameters
    ----------
    values
        m × n: one row per rater. Ranks (1 = best) by default, or scores with
        ``higher_is_better=True``; every row is re-ranked with average ranks.

    Raises
    ------
    MethodInputError
        Fewer than 2 raters or 2 objects, a missing or non-finite value, or every rater
        tying every object (W is then undefined).

    References
    ----------
    Kendall & Babington Smith (1939); Siegel & Castellan (1988), ch. 9.
    """
    x = np.asarray(values, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2:
        msg = _(
            "Kendall's W needs an m × n array with m >= 2 raters and n >= 2 objects "
            "(got shape {shape})"
        ).format(shape=x.shape)
        raise MethodInputError(msg)
    if not np.all(np.isfinite(x)):
        i, j = np.argwhere(~np.isfinite(x))[0]
        msg = _(
            "Kendall's W needs every rater to rank every object; rater {rater} has no value "
            "for object {item}"
        ).format(rater=i + 1, item=j + 1)
        raise MethodInputError(msg)
    m, n = x.shape
    ranks = average_ranks(x, higher_is_better=higher_is_better)
    sums = ranks.sum(axis=0)
    s = float(np.sum((sums - m * (n + 1) / 2.0) ** 2))
    t = tie_sums(ranks)
    denominator = m * m * (n**3 - n) - m * float(t.sum())
    if denominator <= 0:
        msg = _("every rater ties every object, so there is no ranking to agree on (W undefined)")
        raise MethodInputError(msg)
    w = min(1.0, max(0.0, 12.0 * s / denominator))
    chi2 = m * (n - 1) * w
    notes: list[str] = []
    if t.any():
        note = _("{tied} of {m} raters have ties; W is tie-corrected")
        notes.append(note.format(tied=int(np.count_nonzero(t)), m=m))
    if n < SMALL_N:
        notes.append(
            _(
                "only {n} objects: the χ² p-value is a rough large-sample approximation; "
                "use a table of exact critical values for a formal test"
            ).format(n=n)
        )
    p = chi2_sf(chi2, n - 1)
    return KendallW(w, chi2, n - 1, p, m, n, s, float(t.sum()), sums, tuple(notes))
