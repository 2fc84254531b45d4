"""Leave-one-expert-out: whether the ranking depends on any single member of the panel.

For each expert k the panel is aggregated without k (multiplicity 0, the others keep their
weights, renormalised; :mod:`methods.group.panel`) and ranked. Reported per expert: whether
the winner (the set of candidates ranked first) or the top k (the set ranked k or better,
k = 3 by default) differs from the whole panel's, and how far the ranking moved by
Spearman's footrule and the Kendall distance (:mod:`methods.group.rank_distance`). The
expert whose absence moves the ranking most (largest Kendall distance; the footrule breaks
ties) is named; when nobody's absence changes anything, nobody is.

A sub-panel in which some expert-scored cell has no answer (only the left-out expert scored
it) cannot be ranked: it is reported as undefined, never silently skipped.

References
----------
Efron, B., Tibshirani, R.J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall,
ch. 11 (the jackknife: leave one observation out at a time).

Fagin, R., Kumar, R., Mahdian, M., Sivakumar, D., Vee, E. (2006). Comparing partial
rankings. *SIAM Journal on Discrete Mathematics* 20(3), 628–648.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.group.panel import PanelProblem
from clusterrank.methods.group.rank_distance import footrule, kendall_distance

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]
BoolArray = npt.NDArray[np.bool_]

DEFAULT_TOP_K = 3


def rank_set(ranks: IntArray, k: int) -> frozenset[int]:
    """Candidates (indices) ranked k or better (ties included)."""
    return frozenset(np.flatnonzero(ranks <= k).tolist())


@dataclass(frozen=True)
class LeaveOneOutResult:
    """Rankings of the panel without each expert in turn.

    Attributes
    ----------
    experts, candidates
        Ids.
    full_ranks
        The whole panel's ranking (1 = best).
    ranks
        K × m: the ranking without expert k (a row of 0 where undefined).
    defined
        Whether the panel without expert k could be ranked.
    winner_changed, top_changed
        Per expert: the set ranked first / ranked ``top_k`` or better differs.
    footrule, kendall
        Per expert: distances to ``full_ranks`` (0 where undefined; see ``defined``).
    most_influential
        Experts whose absence moves the ranking most (empty when nobody's moves it).
    top_k
        The k of "top k".
    notes
        Remarks a user must see.
    """

    experts: tuple[str, ...]
    candidates: tuple[str, ...]
    full_ranks: IntArray
    ranks: IntArray
    defined: BoolArray
    winner_changed: BoolArray
    top_changed: BoolArray
    footrule: FloatArray
    kendall: FloatArray
    most_influential: tuple[str, ...]
    top_k: int
    notes: tuple[str, ...] = ()

    @property
    def winner_stable(self) -> bool:
        """True when no single expert's absence changes the winner."""
        return not bool(self.winner_changed.any())

    def to_frame(self) -> pd.DataFrame:
        """One row per expert left out: defined, winner and top-k changes, distances, winner."""
        winners = [
            ", ".join(self.candidates[i] for i in np.flatnonzero(r == 1)) if ok else ""
            for r, ok in zip(self.ranks, self.defined, strict=True)
        ]
        return pd.DataFrame(
            {
                "left_out": list(self.experts),
                "defined": self.defined,
                "winner": winners,
                "winner_changed": self.winner_changed,
                f"top_{self.top_k}_changed": self.top_changed,
                "footrule": self.footrule,
                "kendall_distance": self.kendall,
            }
        )


def _changed(ranks: IntArray, defined: BoolArray, reference: frozenset[int], k: int) -> BoolArray:
    """Per row: defined and its set of candidates ranked k or better differs from reference."""
    flags = [bool(ok) and rank_set(r, k) != reference for r, ok in zip(ranks, defined, strict=True)]
    return np.asarray(flags, dtype=bool)


def leave_one_out(problem: PanelProblem, *, top_k: int = DEFAULT_TOP_K) -> LeaveOneOutResult:
    """Rank the panel without each expert in turn (see the module docstring).

    Raises
    ------
    MethodInputError
        Fewer than 2 experts, or ``top_k`` < 1.

    References
    ----------
    Efron & Tibshirani (1993), ch. 11; Fagin et al. (2006) for the distances.
    """
    k, m, _unused = problem.shape
    if k < 2:
        msg = _("leaving one expert out needs a panel of at least 2 experts")
        raise MethodInputError(msg)
    if isinstance(top_k, bool) or int(top_k) != top_k or top_k < 1:
        msg = _("top_k must be a whole number >= 1 (got {top_k!r})").format(top_k=top_k)
        raise MethodInputError(msg)
    full = problem.full_ranks()
    keep = np.ones((k, k)) - np.eye(k)
    keep[:, problem.expert_weights <= 0] = 0.0
    alive = keep.sum(axis=1) > 0
    ranks = np.zeros((k, m), dtype=int)
    defined = np.zeros(k, dtype=bool)
    if alive.any():
        ranks[alive], defined[alive] = problem.panel_ranks(keep[alive])
    notes: list[str] = []
    if not defined.all():
        who = ", ".join(problem.experts[e] for e in np.flatnonzero(~defined))
        notes.append(
            _(
                "without {experts} some cell has no score (or no expert is left), so that panel "
                "cannot be ranked"
            ).format(experts=who)
        )
    foot = np.zeros(k)
    kend = np.zeros(k)
    if defined.any():
        foot[defined] = footrule(full, ranks[defined])
        kend[defined] = kendall_distance(full, ranks[defined])
    winner, top = rank_set(full, 1), rank_set(full, top_k)
    win_changed = np.array(
        [ok and rank_set(r, 1) != winner for r, ok in zip(ranks, defined, strict=True)]
    )
    top_changed = np.array(
        [ok and rank_set(r, top_k) != top for r, ok in zip(ranks, defined, strict=True)]
    )
    most: tuple[str, ...] = ()
    if defined.any() and kend.max() > 0:
        best = kend == kend.max()
        best &= foot == foot[best].max()
        most = tuple(problem.experts[e] for e in np.flatnonzero(best & defined))
    else:
        notes.append(_("no single expert's absence changes the ranking"))
    return LeaveOneOutResult(
        experts=problem.experts,
        candidates=problem.candidates,
        full_ranks=full,
        ranks=ranks,
        defined=defined,
        winner_changed=win_changed,
        top_changed=top_changed,
        footrule=foot,
        kendall=kend,
        most_influential=most,
        top_k=int(top_k),
        notes=tuple(notes),
    )
