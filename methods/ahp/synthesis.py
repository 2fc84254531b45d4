"""AHP as a ranking method: local priorities per criterion, then a weighted synthesis.

Local priorities of the alternatives under each criterion come either from data (ratio-scale
indicator values or ratings, :func:`local_priorities`) or from pairwise comparisons of the
alternatives (classic AHP, :func:`local_priorities_from_pairwise`). :func:`synthesize`
weights them by the criteria priorities.

Modes
-----
``distributive``
    Each column is normalised to sum 1 (benefit x/Σx; cost (1/x)/Σ(1/x)). Global scores sum
    to 1. Adding a copy of an alternative, or any new alternative, dilutes every column and
    can reverse the order of the others (Belton & Gear 1983).
``ideal``
    Each column is divided by its largest value, so the best alternative under a criterion
    gets 1. A new alternative that is not best anywhere leaves the others' scores unchanged,
    which prevents that rank reversal (Belton & Gear 1983; Saaty 1994). Global scores are
    renormalised to sum 1 for display only; ranks are unaffected.

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.

Belton, V., Gear, T. (1983). On a short-coming of Saaty's method of analytic hierarchies.
*Omega* 11(3), 228–230.

Saaty, T.L. (1994). How to make a decision: the analytic hierarchy process. *Interfaces*
24(6), 19–43 (distributive and ideal modes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.ahp.consistency import DEFAULT_THRESHOLD, AHPResult, analyse
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.scaling import unit_columns
from clusterrank.methods.validation import check_directions, check_matrix, check_weight_batch

FloatArray = npt.NDArray[np.float64]

MODES: tuple[str, ...] = ("distributive", "ideal")


def check_mode(mode: str) -> str:
    """Return the canonical synthesis mode or raise :class:`ConfigurationError`."""
    key = str(mode).strip().lower()
    if key not in MODES:
        msg = _("AHP synthesis mode must be one of {choices} (got {given!r})").format(
            choices=", ".join(MODES), given=mode
        )
        raise ConfigurationError(msg)
    return key


def _to_mode(local: FloatArray, mode: str) -> FloatArray:
    if mode == "ideal":
        return np.asarray(local / local.max(axis=0, keepdims=True), dtype=float)
    return np.asarray(local / local.sum(axis=0, keepdims=True), dtype=float)


def local_priorities(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike,
    mode: str = "distributive",
) -> tuple[FloatArray, list[str]]:
    """Local priorities (m alternatives × n criteria) from ratio-scale values.

    Benefit columns use x / Σx, cost columns (1/x) / Σ(1/x) (distributive mode); ideal mode
    then divides each column by its maximum. A benefit value of 0 is a true zero on a ratio
    scale (e.g. a yes/no indicator) and gets priority 0; a benefit column that is all zero
    gives equal priorities, with a note.

    Raises
    ------
    MethodInputError
        A negative value anywhere, or a value <= 0 in a cost column (names the column and
        row): its reciprocal is meaningless; use TOPSIS or shift the column first.
        Non-finite values, wrong shapes.
    ConfigurationError
        Unknown mode.

    References
    ----------
    Saaty (1980); Saaty (1994) for the ideal mode.
    """
    key = check_mode(mode)
    x = check_matrix(matrix)
    return _local(x, check_directions(directions, x.shape[1]), key)


def problem_local_priorities(
    problem: DecisionProblem, mode: str = "distributive"
) -> tuple[FloatArray, list[str]]:
    """:func:`local_priorities` of a validated problem (trusted: checked when it was built)."""
    return _local(problem.values, problem.directions, check_mode(mode))


def _local(x: FloatArray, d: npt.NDArray[np.int_], key: str) -> tuple[FloatArray, list[str]]:
    """The arithmetic of :func:`local_priorities` on checked arrays."""
    bad = np.argwhere((x < 0) | ((x == 0) & (d[None, :] < 0)))
    if bad.size:
        i, j = bad[0]
        need = _("> 0 (it is a cost criterion: AHP uses 1/x)") if d[j] < 0 else ">= 0"
        msg = _(
            "criterion column {column} has the value {value} (row {row}); AHP "
            "synthesis treats values as ratios and needs them {need}. Use TOPSIS, or shift "
            "the column first"
        ).format(column=j + 1, value=f"{x[i, j]:g}", row=i + 1, need=need)
        raise MethodInputError(msg)
    # exact power-of-two scaling, and min/x for 1/x: the same priorities, no overflow near 1e308
    xs = unit_columns(x)
    ratio = np.where(d[None, :] > 0, xs, xs.min(axis=0) / np.where(xs > 0, xs, 1.0))
    notes: list[str] = []
    zero_cols = [j + 1 for j in range(x.shape[1]) if not ratio[:, j].any()]
    if zero_cols:
        ratio[:, [j - 1 for j in zero_cols]] = 1.0
        note = _("criterion column(s) {columns} are all zero: equal local priorities")
        notes.append(note.format(columns=zero_cols))
    constant = [j + 1 for j in range(x.shape[1]) if np.ptp(x[:, j]) == 0 and j + 1 not in zero_cols]
    if constant:
        note = _("criterion column(s) {columns} are constant: equal local priorities")
        notes.append(note.format(columns=constant))
    return _to_mode(ratio, key), notes


def local_priorities_from_pairwise(
    matrices: Sequence[object],
    derivation: str = "eigenvector",
    *,
    alternatives: Sequence[str] | None = None,
    random_index: str = "saaty",
    threshold: float = DEFAULT_THRESHOLD,
    mode: str = "distributive",
    completion: str = "implied",
) -> tuple[FloatArray, list[AHPResult]]:
    """Classic AHP: one pairwise matrix of the alternatives per criterion.

    Returns the local priorities (m × n, one column per matrix, in the given mode) and the
    :class:`~methods.ahp.consistency.AHPResult` of each matrix (missing judgments filled by
    ``completion``, as in :func:`~methods.ahp.consistency.analyse`).

    References
    ----------
    Saaty (1980), ch. 2; Saaty (1990), EJOR 48(1), 9–26.
    """
    key = check_mode(mode)
    if len(matrices) == 0:
        msg = _("at least one pairwise matrix of the alternatives is needed (one per criterion)")
        raise MethodInputError(msg)
    results = [
        analyse(
            m,
            alternatives,
            derivation=derivation,
            random_index=random_index,
            threshold=threshold,
            completion=completion,
        )
        for m in matrices
    ]
    sizes = {r.n for r in results}
    if len(sizes) != 1:
        msg = _("every alternatives matrix must compare the same alternatives (sizes {sizes})")
        msg = msg.format(sizes=sizes)
        raise MethodInputError(msg)
    local = np.column_stack([r.priorities for r in results])
    return _to_mode(local, key), results


def synthesize(
    local: npt.ArrayLike, weights: npt.ArrayLike, mode: str = "distributive"
) -> FloatArray:
    """Global priorities: weighted sum of the local priorities.

    Parameters
    ----------
    local
        m × n local priorities (columns are renormalised to the mode, which is idempotent).
    weights
        n criteria weights, or an N × n batch (each row rescaled to sum 1).
    mode
        ``"distributive"`` or ``"ideal"``; ideal scores are renormalised to sum 1.

    Returns
    -------
    FloatArray
        m scores (or N × m for a batch), higher is better, each row summing to 1.

    References
    ----------
    Saaty (1980); Belton & Gear (1983); Saaty (1994).
    """
    key = check_mode(mode)
    lp = check_matrix(local)
    if np.any(lp <= 0):
        msg = _("local priorities must all be > 0")
        raise MethodInputError(msg)
    single = np.ndim(weights) == 1
    w = check_weight_batch(weights, lp.shape[1])
    scores = w @ _to_mode(lp, key).T
    scores = scores / scores.sum(axis=1, keepdims=True)
    return np.asarray(scores[0] if single else scores, dtype=float)


@dataclass(frozen=True)
class HierarchyResult:
    """A three-level AHP: goal -> criteria -> alternatives.

    Attributes
    ----------
    criteria
        Analysis of the criteria matrix (its priorities are the criteria weights).
    per_criterion
        Criterion id -> analysis of the alternatives matrix under that criterion.
    alternatives
        Alternative ids.
    local
        m × n local priorities in the synthesis mode.
    global_priorities
        Overall priorities of the alternatives (sum 1).
    synthesis
        ``"distributive"`` or ``"ideal"``.
    consistency
        Matrix name (``"criteria"`` or a criterion id) -> CR.
    notes
        Notes of every matrix, prefixed by its name.
    """

    criteria: AHPResult
    per_criterion: Mapping[str, AHPResult]
    alternatives: tuple[str, ...]
    local: FloatArray
    global_priorities: FloatArray
    synthesis: str
    consistency: Mapping[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def all_acceptable(self) -> bool:
        """True when every matrix has an acceptable CR."""
        return self.criteria.acceptable and all(r.acceptable for r in self.per_criterion.values())


def analyse_hierarchy(
    criteria_matrix: object,
    criteria_items: Sequence[str],
    alternative_matrices: Mapping[str, object],
    alternatives: Sequence[str],
    *,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    synthesis: str = "distributive",
    threshold: float = DEFAULT_THRESHOLD,
    completion: str = "implied",
) -> HierarchyResult:
    """Criteria priorities, local priorities per criterion and their synthesis.

    Every matrix's missing judgments are filled by ``completion`` (``"implied"`` or
    ``"lambda_max"``, see :func:`~methods.ahp.consistency.analyse`); each result echoes it.

    References
    ----------
    Saaty (1990), EJOR 48(1), 9–26 (the house-buying example is a test case).
    """
    key = check_mode(synthesis)
    crit = analyse(
        criteria_matrix,
        criteria_items,
        derivation=derivation,
        random_index=random_index,
        threshold=threshold,
        completion=completion,
    )
    wanted, given = list(crit.items), [str(k) for k in alternative_matrices]
    if set(wanted) != set(given):
        absent = [c for c in wanted if c not in given]
        extra = [c for c in given if c not in wanted]
        msg = _(
            "one alternatives matrix is needed per criterion; missing for {absent}, "
            "unknown criteria {extra}"
        ).format(absent=absent, extra=extra)
        raise MethodInputError(msg)
    by_name = {str(k): v for k, v in alternative_matrices.items()}
    local, results = local_priorities_from_pairwise(
        [by_name[c] for c in wanted],
        derivation,
        alternatives=alternatives,
        random_index=random_index,
        threshold=threshold,
        mode=key,
        completion=completion,
    )
    scores = synthesize(local, crit.priorities, key)
    per = dict(zip(wanted, results, strict=True))
    notes = [_("criteria: {note}").format(note=x) for x in crit.notes]
    notes += [f"{c}: {x}" for c, r in per.items() for x in r.notes]
    return HierarchyResult(
        criteria=crit,
        per_criterion=per,
        alternatives=results[0].items,
        local=local,
        global_priorities=scores,
        synthesis=key,
        consistency={"criteria": crit.cr} | {c: r.cr for c, r in per.items()},
        notes=tuple(notes),
    )
