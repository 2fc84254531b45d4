"""Geometric consistency index (GCI) of one expert's pairwise matrix.

Formula (Aguarón & Moreno-Jiménez 2003)::

    GCI = 2 / ((n − 1)(n − 2)) · Σ_{i<j} e_ij²,    e_ij = ln(a_ij · w_j / w_i),

with w the row geometric mean (the logarithmic least-squares priorities). Thresholds, as the
paper states: GCI <= 0.31 for n = 3, 0.35 for n = 4, 0.37 for n > 4; they play the role of
Saaty's CR <= 0.10. For n <= 2 every reciprocal matrix is consistent: GCI = 0, no threshold.

Why those numbers (checked in the tests, derived here, not quoted): for n = 3 the residuals
are ±t/3 with t = ln(a_12 a_23 / a_13), so GCI = t²/3 exactly, while λmax = 1 + 2 cosh(t/3);
hence GCI = 3 · arccosh(1 + CI)². With CR = 0.10 and RI(3) = 0.5245 (the Alonso–Lamata
table) this is 0.312. For larger n, to second order in the log errors,
λmax − n ≈ (1/n) Σ_{i<j} e_ij², so GCI ≈ 2n / (n − 2) · CI: with CR = 0.10 and the same table
0.3526 for n = 4 and 0.3695 for n = 5 — the paper's 0.35 and 0.37.

Incomplete matrices (our choice, stated): w are the logarithmic least-squares priorities of
the judged pairs (:func:`methods.ahp.incomplete.llsm_priorities`; the row geometric mean when
the matrix is complete, and the row geometric mean of the implied completion otherwise), the
sum runs over the k judged pairs only, and the divisor is the residual degrees of freedom
k − (n − 1). For a complete matrix k − (n − 1) = (n − 1)(n − 2)/2, which is the paper's
normalisation; in both cases GCI estimates the variance σ² of the log errors of
a_ij = (w_i / w_j) · exp(ε_ij) (Crawford & Williams 1985). Filled-in pairs are never counted:
they would add zero residuals and make a sparse matrix look consistent. With exactly n − 1
judgments (a spanning tree) nothing is redundant, every answer is consistent, GCI = 0 and a
note says consistency could not be checked. The paper's thresholds are applied unchanged.

References
----------
Aguarón, J., Moreno-Jiménez, J.M. (2003). The geometric consistency index: approximated
thresholds. *European Journal of Operational Research* 147(1), 137–145.

Crawford, G., Williams, C. (1985). A note on the analysis of subjective judgment matrices.
*Journal of Mathematical Psychology* 29(4), 387–405.

Alonso, J.A., Lamata, M.T. (2006). Consistency in the analytic hierarchy process: a new
approach. *Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems* 14(4), 445–459.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.i18n import _
from clusterrank.methods.ahp.incomplete import llsm_priorities
from clusterrank.methods.ahp.pairwise import SAATY_RANGE, check_pairwise

FloatArray = npt.NDArray[np.float64]

#: Aguarón & Moreno-Jiménez (2003) thresholds: n = 3, n = 4, n > 4.
GCI_THRESHOLDS: tuple[float, float, float] = (0.31, 0.35, 0.37)


def gci_threshold(n: int) -> float | None:
    """The GCI threshold for an n × n matrix (``None`` for n <= 2: always consistent).

    References
    ----------
    Aguarón & Moreno-Jiménez (2003), EJOR 147, 137–145.
    """
    if n <= 2:
        return None
    return GCI_THRESHOLDS[0] if n == 3 else GCI_THRESHOLDS[1] if n == 4 else GCI_THRESHOLDS[2]


@dataclass(frozen=True)
class GCIResult:
    """The GCI of one pairwise matrix.

    Attributes
    ----------
    value
        GCI (>= 0; 0 for a consistent matrix).
    threshold
        :func:`gci_threshold` of n, or ``None`` for n <= 2.
    acceptable
        ``value <= threshold`` (always True for n <= 2).
    n
        Items compared.
    judged
        Pairs judged (i < j); n(n − 1)/2 when complete.
    redundant
        Residual degrees of freedom, ``judged − (n − 1)``: the divisor of the sum.
    priorities
        The row-geometric-mean (log least-squares) priorities used for the residuals.
    notes
        Remarks a user must see (incomplete matrix, nothing redundant, rounded reciprocals).
    """

    value: float
    threshold: float | None
    acceptable: bool
    n: int
    judged: int
    redundant: int
    priorities: FloatArray
    notes: tuple[str, ...] = ()


def gci(
    matrix: object,
    items: Sequence[str] | None = None,
    *,
    scale: tuple[float, float] | None = SAATY_RANGE,
) -> GCIResult:
    """Geometric consistency index of one (possibly incomplete) pairwise matrix.

    Parameters
    ----------
    matrix
        Reciprocal n × n matrix; ``np.nan`` / ``None`` for pairs not judged.
    items
        Item names for messages.
    scale
        Admissible judgment range (Saaty's 1/9..9 by default; ``None`` for any positive).

    Returns
    -------
    GCIResult

    Raises
    ------
    MethodInputError
        Not a reciprocal matrix, a value outside the scale, or judgments that fall into
        groups never compared with each other.

    References
    ----------
    Aguarón & Moreno-Jiménez (2003), EJOR 147, 137–145 (formula and thresholds); the
    incomplete case is described in the module docstring.
    """
    a, notes = check_pairwise(matrix, names=items, allow_missing=True, scale=scale)
    n = a.shape[0]
    iu, ju = np.triu_indices(n, k=1)
    upper = a[iu, ju]
    known = ~np.isnan(upper)
    judged = int(known.sum())
    if n <= 2:
        w = llsm_priorities(a, items)
        note = _("n <= 2: every reciprocal matrix is consistent, GCI = 0")
        return GCIResult(0.0, None, True, n, judged, 0, w, (*notes, note))
    w = llsm_priorities(a, items)  # checks connectivity; row geometric mean when complete
    logw = np.log(w)
    e = np.log(upper[known]) + logw[ju[known]] - logw[iu[known]]
    redundant = judged - (n - 1)
    if judged < n * (n - 1) // 2:
        notes.append(
            _(
                "{judged} of {pairs} pairs judged: GCI over the judged pairs, divided "
                "by their {redundant} redundant degrees of freedom"
            ).format(judged=judged, pairs=n * (n - 1) // 2, redundant=redundant)
        )
    if redundant == 0:
        notes.append(
            _(
                "only n - 1 judgments, none redundant: they are always consistent, so GCI = 0 "
                "says nothing; ask for more comparisons to check consistency"
            )
        )
        value = 0.0
    else:
        value = float(np.sum(e * e) / redundant)
        value = 0.0 if value < 1e-24 else value
    threshold = gci_threshold(n)
    assert threshold is not None
    return GCIResult(value, threshold, value <= threshold, n, judged, redundant, w, tuple(notes))
