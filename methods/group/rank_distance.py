"""Distances between two rankings of the same candidates: Spearman's footrule, Kendall's.

Rankings are ranks with 1 = best (competition ranks "1224" allowed). For ties both distances
follow Fagin et al. (2006): the footrule compares bucket positions (tied candidates take the
mean of the positions they share: 1, 2.5, 2.5, 4), and the Kendall distance counts a pair
ordered oppositely as 1 and a pair tied in one ranking only as 1/2.

``footrule(a, b) = Σ_i |pos_a(i) − pos_b(i)|``, at most ⌊m²/2⌋ (a reversed ranking).
``kendall_distance(a, b) = #discordant pairs + ½ #pairs tied in exactly one``, at most
m(m − 1)/2. Diaconis & Graham (1977) show K <= F <= 2K for rankings without ties.

References
----------
Diaconis, P., Graham, R.L. (1977). Spearman's footrule as a measure of disarray. *Journal of
the Royal Statistical Society B* 39(2), 262–268.

Fagin, R., Kumar, R., Mahdian, M., Sivakumar, D., Vee, E. (2006). Comparing partial
rankings. *SIAM Journal on Discrete Mathematics* 20(3), 628–648.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.methods.group.kendall import average_ranks

FloatArray = npt.NDArray[np.float64]


def _pair(reference: npt.ArrayLike, others: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    a = np.asarray(reference, dtype=float)
    b = np.atleast_2d(np.asarray(others, dtype=float))
    if a.ndim != 1 or b.ndim != 2 or b.shape[1] != a.size or a.size < 1:
        msg = f"rankings must cover the same candidates (shapes {a.shape} and {b.shape})"
        raise MethodInputError(msg)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        msg = "rankings must be finite ranks (1 = best) for every candidate"
        raise MethodInputError(msg)
    return a, b


def footrule(reference: npt.ArrayLike, others: npt.ArrayLike) -> FloatArray:
    """Spearman's footrule between ``reference`` (m,) and each row of ``others`` (N × m).

    References
    ----------
    Diaconis & Graham (1977); Fagin et al. (2006) for ties.
    """
    a, b = _pair(reference, others)
    pa = average_ranks(a)[0]
    pb = average_ranks(b)
    return np.asarray(np.abs(pb - pa[None, :]).sum(axis=1), dtype=float)


def kendall_distance(reference: npt.ArrayLike, others: npt.ArrayLike) -> FloatArray:
    """Kendall distance (discordant pairs, ½ per one-sided tie) to each row of ``others``.

    References
    ----------
    Fagin et al. (2006), the Kendall distance with penalty p = 1/2.
    """
    a, b = _pair(reference, others)
    m = a.size
    iu, ju = np.triu_indices(m, k=1)
    sa = np.sign(a[iu] - a[ju])
    sb = np.sign(b[:, iu] - b[:, ju])
    discordant = (sa[None, :] * sb < 0).sum(axis=1)
    one_tied = ((sa[None, :] == 0) != (sb == 0)).sum(axis=1)
    return np.asarray(discordant + 0.5 * one_tied, dtype=float)


def max_footrule(m: int) -> float:
    """⌊m²/2⌋, the footrule of a ranking and its reverse."""
    return float((m * m) // 2)


def max_kendall_distance(m: int) -> float:
    """m(m − 1)/2, the Kendall distance of a ranking and its reverse."""
    return float(m * (m - 1) // 2)
