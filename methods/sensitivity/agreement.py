"""Method agreement: whether different MCDM methods rank the candidates alike.

The same matrix, weights and directions are ranked by several methods through
:func:`methods.registry.rank` (by default TOPSIS with vector and with min-max normalisation,
AHP synthesis, VIKOR, PROMETHEE II, SPOTIS and COPRAS). A method that cannot be applied to
the data (AHP synthesis needs positive values, ...) is reported as skipped with the reason
its check gave, not raised. The rankings are compared pairwise with rank correlations
(:mod:`methods.correlation`), merged into a Copeland consensus, and the candidates whose rank
differs most between methods are listed first in :meth:`AgreementResult.disagreement_frame`.

Copeland consensus: candidate i beats k when more methods rank i above k than k above i;
its Copeland score is (pairs won) − (pairs lost); consensus ranks are competition ranks of
that score (equal scores share the better rank; the mean rank is shown beside it).

References
----------
Copeland, A. H. (1951). A "reasonable" social welfare function. Seminar on applications of
mathematics to social sciences, University of Michigan.
Sałabun, W., Wątróbski, J. and Shekhovtsov, A. (2020). Are MCDA methods benchmarkable? A
comparative study of TOPSIS, VIKOR, COPRAS, and PROMETHEE II methods. *Symmetry* 12(9), 1549.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import ClusterRankError, MethodInputError
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.correlation import correlation_matrix
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import rank
from clusterrank.methods.result import FloatArray, IntArray, RankingResult
from clusterrank.methods.sensitivity.common import competition_ranks
from clusterrank.methods.sensitivity.limits import (
    CHUNK_BYTES,
    MAX_PAIRWISE_BYTES,
    pairwise_method_bytes,
    size_text,
)


@dataclass(frozen=True)
class MethodSpec:
    """A method to compare: display label, registry name, settings."""

    label: str
    method: str
    settings: Mapping[str, Any] = field(default_factory=dict)


PAIRWISE_METHODS: frozenset[str] = frozenset({"promethee_ii"})
"""Methods comparing every pair of candidates on every criterion (memory m × m × n): skipped,
with the estimate, when that exceeds :data:`~methods.sensitivity.limits.MAX_PAIRWISE_BYTES`."""

DEFAULT_METHODS: tuple[MethodSpec, ...] = (
    MethodSpec(N_("TOPSIS (vector)"), "topsis", {"normalization": "vector"}),
    MethodSpec(N_("TOPSIS (min-max)"), "topsis", {"normalization": "minmax"}),
    MethodSpec(N_("AHP synthesis"), "ahp"),
    MethodSpec("VIKOR", "vikor"),
    MethodSpec("PROMETHEE II", "promethee_ii"),
    MethodSpec("SPOTIS", "spotis"),
    MethodSpec("COPRAS", "copras"),
)


@dataclass(frozen=True)
class AgreementResult:
    """Rankings by several methods, their correlations and a Copeland consensus."""

    candidates: tuple[str, ...]
    rankings: Mapping[str, RankingResult]
    skipped: tuple[tuple[str, str], ...]
    correlations: Mapping[str, pd.DataFrame]
    copeland: FloatArray
    consensus: IntArray
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "rankings", MappingProxyType(dict(self.rankings)))
        object.__setattr__(self, "correlations", MappingProxyType(dict(self.correlations)))
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    @property
    def labels(self) -> list[str]:
        """The methods compared, in order."""
        return list(self.rankings)

    def rank_table(self) -> pd.DataFrame:
        """Candidates × methods table of ranks (1 = best)."""
        data = {label: r.ranks for label, r in self.rankings.items()}
        return pd.DataFrame(data, index=list(self.candidates))

    def to_frame(self) -> pd.DataFrame:
        """Ranks by every method plus consensus, Copeland score and mean rank, best first."""
        table = self.rank_table()
        frame = table.copy()
        frame.insert(0, "consensus", self.consensus)
        frame["copeland_score"] = self.copeland
        frame["mean_rank"] = table.mean(axis=1)
        frame = frame.sort_values(["consensus", "mean_rank"], kind="stable")
        return frame.rename_axis("id").reset_index()

    def disagreement_frame(self) -> pd.DataFrame:
        """The spread of each candidate's ranks.

        Best, worst, range and standard deviation of its ranks; largest range first.
        """
        table = self.rank_table()
        frame = pd.DataFrame(
            {
                "best_rank": table.min(axis=1),
                "worst_rank": table.max(axis=1),
                "range": table.max(axis=1) - table.min(axis=1),
                "std": table.std(axis=1, ddof=0),
            }
        )
        frame = frame.sort_values(["range", "std"], ascending=False, kind="stable")
        return frame.rename_axis("id").reset_index()

    def skipped_frame(self) -> pd.DataFrame:
        """The methods left out and why, one row each (``method``, ``reason``)."""
        return pd.DataFrame(list(self.skipped), columns=["method", "reason"])


def copeland_consensus(ranks: npt.ArrayLike) -> tuple[FloatArray, IntArray]:
    """Copeland scores and consensus ranks from a (k methods, m candidates) rank array.

    References
    ----------
    Copeland (1951).
    """
    r = np.atleast_2d(np.asarray(ranks, dtype=float))
    k, m = r.shape
    score = np.zeros(m)
    step = max(1, CHUNK_BYTES // (16 * k * max(m, 1)))  # rows of the (k, m, m) comparisons
    for start in range(0, m, step):
        rows = slice(start, start + step)
        above = (r[:, rows, None] < r[:, None, :]).sum(axis=0)  # methods ranking i above k
        below = (r[:, rows, None] > r[:, None, :]).sum(axis=0)
        score[rows] = np.sign(above - below).sum(axis=1)
    return score, competition_ranks(score, higher_is_better=True)


def _too_big(method: str, shape: tuple[int, ...]) -> str:
    """Why a pairwise-preference method is not run on a matrix this large ("" if it is)."""
    if method not in PAIRWISE_METHODS or len(shape) != 2:
        return ""
    m, n = shape
    need = pairwise_method_bytes(m, n)
    if need <= MAX_PAIRWISE_BYTES:
        return ""
    return _(
        "{m} candidates × {n} criteria would need about {size} for its pairwise preference "
        "matrices (limit {limit}); rank fewer candidates to include it"
    ).format(
        m=formats.integer(m),
        n=n,
        size=size_text(need),
        limit=size_text(MAX_PAIRWISE_BYTES),
    )


def skipped_note(label: str, why: str) -> str:
    """The note saying method ``label`` was not run, and why (in the current language)."""
    return _("{method} skipped: {reason}").format(method=label, reason=why)


def method_agreement(
    matrix: npt.ArrayLike | DecisionProblem,
    weights: npt.ArrayLike | None,
    directions: Sequence[str | int] | npt.ArrayLike | None = None,
    *,
    methods: Sequence[MethodSpec] | None = None,
    correlations: Sequence[str] = ("spearman", "ws"),
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    precomputed: Mapping[str, RankingResult] | None = None,
) -> AgreementResult:
    """Rank with several methods and measure how far their rankings agree.

    Parameters
    ----------
    matrix, weights, directions, candidates, criteria
        As for :func:`methods.registry.rank`; the problem is checked once (or is already a
        :class:`~methods.problem.DecisionProblem`) and shared by every method.
    methods
        Methods to compare (default :data:`DEFAULT_METHODS`). A method in
        :data:`PAIRWISE_METHODS` whose preference matrices would exceed the memory limit is
        skipped with the estimate as its reason.
    correlations
        Rank-correlation coefficients to tabulate (``spearman``, ``weighted_spearman``, ``ws``).
    precomputed
        Results the caller already has, by method label (same matrix, weights and settings);
        they are used as they are instead of ranking again.

    Raises
    ------
    MethodInputError
        When no method at all could rank the data (every reason is listed).

    References
    ----------
    Copeland (1951); Sałabun, Wątróbski and Shekhovtsov (2020).
    """
    specs = tuple(methods) if methods is not None else DEFAULT_METHODS
    problem = DecisionProblem.of(matrix, directions, candidates=candidates, criteria=criteria)
    done: dict[str, RankingResult] = {}
    skipped: list[tuple[str, str]] = []
    for spec in specs:
        if precomputed is not None and spec.label in precomputed:
            done[spec.label] = precomputed[spec.label]
            continue
        too_big = _too_big(spec.method, problem.shape)
        if too_big:
            skipped.append((spec.label, too_big))
            continue
        try:
            done[spec.label] = rank(
                problem, weights, method=spec.method, settings=dict(spec.settings)
            )
        except ClusterRankError as exc:
            skipped.append((spec.label, str(exc)))
    if not done:
        reasons = "; ".join(f"{label}: {why}" for label, why in skipped)
        msg = _("no method could rank these data ({reasons})").format(reasons=reasons)
        raise MethodInputError(msg)
    first = next(iter(done.values()))
    notes = [skipped_note(label, why) for label, why in skipped]
    ranks = {label: r.ranks for label, r in done.items()}
    tables: dict[str, pd.DataFrame] = {}
    if len(first.candidates) < 2:
        notes.append(_("one candidate only: rank correlations are undefined and not computed"))
    elif len(done) < 2:
        notes.append(_("only one method ranked these data: nothing to correlate"))
    else:
        for name in correlations:
            try:
                tables[name] = correlation_matrix(ranks, name)
            except ClusterRankError as exc:
                note = _("{name} correlation not computed: {error}")
                notes.append(note.format(name=name, error=exc))
    score, consensus = copeland_consensus(np.array(list(ranks.values())))
    echoed: dict[str, Any] = {
        label: {"method": r.method, **dict(r.settings)} for label, r in done.items()
    }
    echoed |= {"correlations": tuple(correlations), "consensus": "Copeland"}
    return AgreementResult(
        first.candidates, done, tuple(skipped), tables, score, consensus, echoed, tuple(notes)
    )
