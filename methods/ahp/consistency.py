"""One AHP pairwise matrix analysed: priorities, λmax, CI, CR, with every setting named.

CI = (λmax − n) / (n − 1) and CR = CI / RI(n), RI from a named table
(:mod:`methods.ahp.random_index`). A CR of 0.10 or less is acceptable (Saaty 1980). For
n <= 2 every reciprocal matrix is consistent, RI = 0, and CR is reported as 0 (noted).
Missing judgments are completed automatically by the named ``completion`` (implied ratios
or minimal λmax, :mod:`methods.ahp.incomplete`; noted and echoed in ``settings``).
λmax below n by floating-point noise (a consistent matrix) gives CI = 0, not a tiny negative.

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York, ch. 1.

Saaty, T.L. (1990). How to make a decision: the analytic hierarchy process. *European
Journal of Operational Research* 48(1), 9–26.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _, formats, ngettext
from clusterrank.methods.ahp.incomplete import check_completion, completed, missing_mask
from clusterrank.methods.ahp.pairwise import SAATY_RANGE, check_pairwise
from clusterrank.methods.ahp.priorities import check_derivation, derive
from clusterrank.methods.ahp.random_index import get_table
from clusterrank.methods.ahp.random_index import random_index as lookup_random_index

FloatArray = npt.NDArray[np.float64]

DEFAULT_THRESHOLD = 0.10


@dataclass(frozen=True)
class AHPResult:
    """Priorities and consistency of one pairwise matrix.

    Attributes
    ----------
    items
        Item ids in matrix order.
    priorities
        Positive, sum to 1.
    lambda_max, ci, cr
        Principal eigenvalue (or its estimate, see ``derivation``), consistency index and
        consistency ratio.
    random_index_table, random_index_value
        The RI table's name and the RI used (0 for n <= 2).
    derivation
        ``"eigenvector"`` or ``"geometric_mean"``.
    n
        Number of items.
    matrix
        The completed, exactly reciprocal matrix the numbers come from.
    acceptable
        ``cr <= threshold``.
    threshold
        The CR threshold applied (default 0.10).
    missing
        Number of pairs that were not judged (completed).
    completion
        How missing judgments are filled: ``"implied"`` (w_i/w_j: Harker for the eigenvector,
        LLSM for the geometric mean) or ``"lambda_max"`` (Bozóki, Fülöp & Rónyai 2010).
    completion_iterations
        Iterations the λmax completion used, each a coordinate-descent cycle and a Newton
        step (0 otherwise).
    notes
        Remarks a user must see.
    """

    items: tuple[str, ...]
    priorities: FloatArray
    lambda_max: float
    ci: float
    cr: float
    random_index_table: str
    random_index_value: float
    derivation: str
    n: int
    matrix: FloatArray
    acceptable: bool
    threshold: float = DEFAULT_THRESHOLD
    missing: int = 0
    notes: tuple[str, ...] = ()
    completion: str = "implied"
    completion_iterations: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "notes", tuple(self.notes))
        for name in ("priorities", "matrix"):
            arr = np.array(getattr(self, name), dtype=float)
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)

    @property
    def weight_map(self) -> dict[str, float]:
        """Item id -> priority."""
        return dict(zip(self.items, self.priorities.tolist(), strict=True))

    @property
    def settings(self) -> dict[str, object]:
        """Every setting that changed a number."""
        return {
            "derivation": self.derivation,
            "random_index": self.random_index_table,
            "threshold": self.threshold,
            "completion": self.completion,
        }

    def summary(self) -> str:
        """One line: CR with its table, and whether it is acceptable."""
        table = get_table(self.random_index_table).title
        verdict = _("acceptable") if self.acceptable else _("too inconsistent, revise judgments")
        completion = (
            _("; completion {completion}").format(completion=self.completion)
            if self.missing
            else ""
        )
        return _(
            "CR = {cr} (CI = {ci}, λmax = {lambda_max}, n = {n}, RI = {ri} from {table}; "
            "{derivation}{completion}): {verdict} (threshold {threshold})"
        ).format(
            cr=formats.number(self.cr, 3),
            ci=formats.number(self.ci, 3),
            lambda_max=formats.number(self.lambda_max, 3),
            n=self.n,
            ri=f"{self.random_index_value:.4g}",
            table=table,
            derivation=self.derivation,
            completion=completion,
            verdict=verdict,
            threshold=f"{self.threshold:g}",
        )

    def to_frame(self) -> pd.DataFrame:
        """Items with their priorities, best first."""
        frame = pd.DataFrame({"item": list(self.items), "priority": self.priorities})
        return frame.sort_values("priority", ascending=False, kind="stable").reset_index(drop=True)


def consistency_index(lambda_max: float, n: int) -> float:
    """CI = (λmax − n)/(n − 1); 0 for n <= 2; round-off below n is clipped to 0.

    References
    ----------
    Saaty, T.L. (1980), ch. 1.
    """
    if n <= 2:
        return 0.0
    ci = (lambda_max - n) / (n - 1)
    return 0.0 if -1e-9 < ci < 0 else float(ci)


def consistency_ratio(lambda_max: float, n: int, table: str = "saaty") -> float:
    """CR = CI / RI(n) from the named table; 0 for n <= 2 (RI = 0)."""
    ri = lookup_random_index(n, table)
    return 0.0 if n <= 2 or ri == 0 else consistency_index(lambda_max, n) / ri


def _check_threshold(threshold: float) -> float:
    t = float(threshold)
    if not np.isfinite(t) or t <= 0:
        msg = _("the CR threshold must be a number > 0 (got {given!r}); Saaty uses 0.10").format(
            given=threshold
        )
        raise ConfigurationError(msg)
    return t


def analyse(
    matrix: object,
    items: Sequence[str] | None = None,
    *,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    threshold: float = DEFAULT_THRESHOLD,
    scale: tuple[float, float] | None = SAATY_RANGE,
    completion: str = "implied",
) -> AHPResult:
    """Validate a pairwise matrix and return its priorities and consistency.

    Parameters
    ----------
    matrix
        n×n reciprocal judgments (numbers or ``"1/3"`` strings); missing pairs NaN/None.
    items
        Item ids (default ``item_1``, ``item_2``, ...).
    derivation
        ``"eigenvector"`` (default) or ``"geometric_mean"``.
    random_index
        RI table name: ``"saaty"`` (default) or ``"alonso_lamata"``.
    threshold
        CR at or below which the matrix is acceptable (default 0.10).
    scale
        Admissible judgment range (default Saaty's 1/9..9); ``None`` for no bound.
    completion
        How missing judgments are filled: ``"implied"`` (default: w_i/w_j of the Harker or
        LLSM priorities) or ``"lambda_max"`` (the completion of minimal λmax).

    Raises
    ------
    ConfigurationError
        Unknown derivation, completion or RI table, threshold <= 0.
    MethodInputError
        Any problem :func:`~methods.ahp.pairwise.check_pairwise` reports; disconnected
        judgments; n larger than the RI table covers.

    References
    ----------
    Saaty (1980, 1990); Harker (1987) and Bozóki, Fülöp & Rónyai (2010) for missing judgments.
    """
    key = check_derivation(derivation)
    how = check_completion(completion)
    table = get_table(random_index).name
    limit = _check_threshold(threshold)
    a, notes = check_pairwise(matrix, names=items, allow_missing=True, scale=scale)
    n = a.shape[0]
    ids = (
        tuple(str(x) for x in items)
        if items is not None
        else tuple(f"item_{k + 1}" for k in range(n))
    )
    if len(set(ids)) != n:
        msg = _("item ids must be unique (got {ids})").format(ids=list(ids))
        raise MethodInputError(msg)
    ri = lookup_random_index(n, table)
    missing = int(missing_mask(a)[np.triu_indices(n, k=1)].sum())
    iterations = 0
    if missing:
        done = completed(a, key, [repr(x) for x in ids], how)
        a, iterations = done.matrix, done.iterations
        if how == "implied":
            notes.append(
                _(
                    "{missing} of {pairs} judgments missing; completed by "
                    "{method} with the implied ratios w_i/w_j"
                ).format(missing=missing, pairs=n * (n - 1) // 2, method=done.method)
            )
        else:
            notes.append(
                ngettext(
                    "{missing} of {pairs} judgments missing; completed by {method} in "
                    "{iterations} iteration(s) of coordinate descent and Newton, to a slope of "
                    "at most {tolerance}; priorities by {derivation} of the completed matrix",
                    "{missing} of {pairs} judgments missing; completed by {method} in "
                    "{iterations} iteration(s) of coordinate descent and Newton, to a slope of "
                    "at most {tolerance}; priorities by {derivation} of the completed matrix",
                    iterations,
                ).format(
                    missing=missing,
                    pairs=n * (n - 1) // 2,
                    method=done.method,
                    iterations=iterations,
                    tolerance=f"{done.tolerance:g}",
                    derivation=key,
                )
            )
    w, lam = derive(a, key)
    ci = consistency_index(lam, n)
    cr = consistency_ratio(lam, n, table)
    if n == 1:
        notes.append(_("a single item: its priority is 1 and no judgment is needed"))
    elif n == 2:
        notes.append(_("n = 2: every reciprocal 2×2 matrix is consistent (RI = 0); CR = 0"))
    if n > 2 and not cr <= limit:
        notes.append(
            _(
                "CR = {cr} exceeds {threshold}: the judgments are too inconsistent to trust; "
                "revise the most inconsistent ones"
            ).format(cr=formats.number(cr, 3), threshold=f"{limit:g}")
        )
    return AHPResult(
        items=ids,
        priorities=w,
        lambda_max=float(lam),
        ci=ci,
        cr=float(cr),
        random_index_table=table,
        random_index_value=ri,
        derivation=key,
        n=n,
        matrix=a,
        acceptable=bool(cr <= limit),
        threshold=limit,
        missing=missing,
        notes=tuple(notes),
        completion=how,
        completion_iterations=iterations,
    )
