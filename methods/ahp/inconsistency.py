"""Which judgments make a pairwise matrix inconsistent, and what to change them to.

For priorities w, the consistent value of judgment (i, j) is w_i / w_j and its error is
e_ij = a_ij · w_j / w_i (1 when the judgment agrees with the priorities). Judgments are
ranked by |ln e_ij|, the largest deviation first (Saaty 2003: "find the a_ij for which
a_ij w_j / w_i is the largest and change it"). For each of the top k, every value of the
fundamental scale (1/9..9) is tried in its place (with the reciprocal opposite); the one
giving the lowest CR is suggested (ties go to the value nearest w_i/w_j), with that CR.

Ergu et al. (2011) locate deviating judgments with the induced matrix C = A·A − n·A, which
is zero exactly when A is consistent; the ratio e_ij used here is the per-judgment form of the
same idea and is what Saaty (2003) recommends.

References
----------
Saaty, T.L. (2003). Decision-making with the AHP: why is the principal eigenvector
necessary. *European Journal of Operational Research* 145(1), 85–91.

Ergu, D., Kou, G., Peng, Y., Shi, Y. (2011). A simple method to improve the consistency ratio
of the pair-wise comparison matrix in ANP. *European Journal of Operational Research*
213(1), 246–259.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _, formats
from clusterrank.methods.ahp.consistency import analyse
from clusterrank.methods.ahp.pairwise import check_pairwise, format_judgment
from clusterrank.methods.ahp.random_index import SAATY_SCALE

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class JudgmentFix:
    """One judgment that raises inconsistency, and the change that helps most.

    Attributes
    ----------
    row, column
        Item ids: the judgment is "row is ``current`` times as important as column".
    i, j
        Matrix indices of the judgment.
    current
        The judgment as given.
    consistent_value
        w_i / w_j, the value that would agree with the priorities.
    deviation
        |ln(a_ij w_j / w_i)|; 0 for a judgment that agrees with the priorities.
    suggested
        The fundamental-scale value (1/9..9) that lowers CR most in this cell.
    cr_before, cr_after
        CR of the matrix as given, and with ``suggested`` in place of ``current``.
    """

    row: str
    column: str
    i: int
    j: int
    current: float
    consistent_value: float
    deviation: float
    suggested: float
    cr_before: float
    cr_after: float

    def describe(self) -> str:
        """Plain-language advice for a user."""
        return _(
            "{row!r} vs {column!r}: you said {current}, the other judgments imply {implied}; "
            "changing it to {suggested} gives CR {cr_after} (now {cr_before})"
        ).format(
            row=self.row,
            column=self.column,
            current=format_judgment(self.current),
            implied=f"{self.consistent_value:.3g}",
            suggested=format_judgment(self.suggested),
            cr_after=formats.number(self.cr_after, 3),
            cr_before=formats.number(self.cr_before, 3),
        )


def most_inconsistent(
    matrix: object,
    items: Sequence[str] | None,
    priorities: npt.ArrayLike | None = None,
    k: int = 3,
    *,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    completion: str = "implied",
) -> list[JudgmentFix]:
    """The k judgments that deviate most from the priorities, each with a suggested fix.

    Parameters
    ----------
    matrix
        Reciprocal pairwise matrix (missing judgments NaN are skipped: they are completed
        consistently, so they never add inconsistency).
    items
        Item ids (``None`` for ``item_1``, ...).
    priorities
        Priorities to measure deviations against; ``None`` derives them with ``derivation``.
    k
        How many judgments to return (fewer when fewer are judged).
    derivation, random_index, completion
        Used for the CR before and after each change (``completion`` fills the missing
        judgments, as in :func:`~methods.ahp.consistency.analyse`).

    References
    ----------
    Saaty (2003); Ergu et al. (2011) — see the module docstring.
    """
    if isinstance(k, bool) or int(k) != k or k < 1:
        msg = _("k must be a whole number >= 1 (got {given!r})").format(given=k)
        raise MethodInputError(msg)
    base = analyse(
        matrix, items, derivation=derivation, random_index=random_index, completion=completion
    )
    a, _unused = check_pairwise(matrix, names=items, allow_missing=True)
    n = a.shape[0]
    w = base.priorities if priorities is None else np.asarray(priorities, dtype=float)
    if w.shape != (n,) or not np.all(np.isfinite(w)) or np.any(w <= 0):
        msg = _("priorities must be {n} positive numbers, one per item (got {given!r})").format(
            n=n, given=w
        )
        raise MethodInputError(msg)
    candidates: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            if not math.isnan(a[i, j]):
                candidates.append((abs(math.log(a[i, j] * w[j] / w[i])), i, j))
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    fixes: list[JudgmentFix] = []
    for dev, i, j in candidates[: int(k)]:
        target = float(w[i] / w[j])
        best, best_cr = _best_scale_value(a, i, j, target, derivation, random_index, completion)
        fixes.append(
            JudgmentFix(
                row=base.items[i],
                column=base.items[j],
                i=i,
                j=j,
                current=float(a[i, j]),
                consistent_value=target,
                deviation=float(dev),
                suggested=best,
                cr_before=base.cr,
                cr_after=best_cr,
            )
        )
    return fixes


def _best_scale_value(
    a: FloatArray,
    i: int,
    j: int,
    target: float,
    derivation: str,
    table: str,
    completion: str,
) -> tuple[float, float]:
    best: tuple[float, float, float] | None = None  # (cr, distance, value)
    trial = a.copy()
    for s in SAATY_SCALE:
        trial[i, j], trial[j, i] = s, 1.0 / s
        cr = analyse(trial, derivation=derivation, random_index=table, completion=completion).cr
        key = (round(cr, 12), abs(math.log(s / target)), s)
        if best is None or key < best:
            best = key
    assert best is not None
    return best[2], float(best[0])
