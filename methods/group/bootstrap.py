"""Bootstrap over experts: how the ranking changes when the panel is resampled.

Each of B resamples draws K seats from the K experts uniformly with replacement
(multiplicities c ~ Multinomial(K, 1/K, ..., 1/K)); a drawn expert keeps their panel weight,
so the resample's expert weights are α_k c_k renormalised. The resampled panel is aggregated
and ranked as in :mod:`methods.group.panel`. Reported: the rank acceptability of every
candidate, b[i, r] = share of the (defined) resamples in which candidate i has rank r + 1
(the SMAA-2 index, here over panels instead of weights), the share of resamples that keep
the whole panel's winner and top k, and the mean Kendall distance to the whole panel's
ranking.

Reproducible and bounded: the multiplicities are drawn up front from
``np.random.default_rng(seed)`` (so chunking changes speed and memory, never a count);
B <= :data:`MAX_RESAMPLES`; resamples are aggregated and ranked in chunks of about
:data:`methods.sensitivity.limits.CHUNK_BYTES`; the planned memory is checked before
anything large is allocated. A resample in which some expert-scored cell has no answer is
counted as undefined and left out of the shares (noted). Ties share the better rank
(competition ranks), so with ties a rank's acceptabilities need not sum to 1.

References
----------
Efron, B., Tibshirani, R.J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.

Lahdelma, R., Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability analysis
for group decision making. *Operations Research* 49(3), 444–454 (rank acceptability).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.group.leave_one_out import DEFAULT_TOP_K, rank_set
from clusterrank.methods.group.panel import PanelProblem
from clusterrank.methods.group.rank_distance import kendall_distance
from clusterrank.methods.sensitivity.common import resolve_seed
from clusterrank.methods.sensitivity.limits import CHUNK_BYTES, check_count, check_memory

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]

#: Most resamples one run may draw (shares to about ±0.01 at B = 10,000).
MAX_RESAMPLES = 10_000
DEFAULT_RESAMPLES = 1_000
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class BootstrapResult:
    """Rank acceptability of each candidate over resampled panels.

    Attributes
    ----------
    candidates
        Ids.
    full_ranks
        The whole panel's ranking.
    rank_counts
        m × m: resamples in which candidate i had rank r + 1.
    acceptability
        ``rank_counts / defined``.
    top_share
        Per candidate: share of resamples ranking it ``top_k`` or better.
    winner_kept, top_kept
        Share of resamples whose winner set / top-k set equals the whole panel's.
    mean_kendall
        Mean Kendall distance to ``full_ranks``.
    resamples, defined
        Resamples drawn; of them, those that could be ranked.
    seed, chunk_size, top_k
        Settings used.
    notes
        Remarks a user must see.
    """

    candidates: tuple[str, ...]
    full_ranks: IntArray
    rank_counts: npt.NDArray[np.int64]
    acceptability: FloatArray
    top_share: FloatArray
    winner_kept: float
    top_kept: float
    mean_kendall: float
    resamples: int
    defined: int
    seed: int
    chunk_size: int
    top_k: int
    notes: tuple[str, ...] = ()

    @property
    def settings(self) -> dict[str, object]:
        """Every setting that changed a number."""
        return {
            "resamples": self.resamples,
            "seed": self.seed,
            "resampling": N_("experts uniformly with replacement, K seats; weights kept"),
            "top_k": self.top_k,
            "ties": N_("competition ranks (shared best rank), scores equal to 12 digits"),
        }

    def to_frame(self) -> pd.DataFrame:
        """Candidates with their whole-panel rank and acceptability of each rank."""
        m = len(self.candidates)
        frame = pd.DataFrame(self.acceptability, columns=[f"rank_{r + 1}" for r in range(m)])
        frame.insert(0, "panel_rank", self.full_ranks)
        frame.insert(0, "candidate", list(self.candidates))
        frame[f"top_{self.top_k}"] = self.top_share
        return frame


def bootstrap_experts(
    problem: PanelProblem,
    n_resamples: int = DEFAULT_RESAMPLES,
    *,
    seed: int | None = 0,
    top_k: int = DEFAULT_TOP_K,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> BootstrapResult:
    """Resample the panel's experts with replacement and count ranks (module docstring).

    Parameters
    ----------
    problem
        From :func:`methods.group.panel_problem.panel_problem`.
    n_resamples
        B, at most :data:`MAX_RESAMPLES`.
    seed
        Non-negative integer; ``None`` draws fresh entropy (echoed in the result).
    top_k
        The k of "top k".
    chunk_size
        Resamples aggregated at once (default: about 16 MB of working arrays).
    progress
        ``progress(done, total)`` after each chunk; returning ``False`` stops early (noted).

    Raises
    ------
    MethodInputError
        B outside 1..MAX_RESAMPLES, ``top_k`` < 1, or a run planned above the memory limit.

    References
    ----------
    Efron & Tibshirani (1993); Lahdelma & Salminen (2001) for rank acceptability.
    """
    check_count(n_resamples, MAX_RESAMPLES, _("resamples"), "'n_resamples'")
    if isinstance(top_k, bool) or int(top_k) != top_k or top_k < 1:
        msg = _("top_k must be a whole number >= 1 (got {top_k!r})").format(top_k=top_k)
        raise MethodInputError(msg)
    k, m, _unused = problem.shape
    per_panel = problem.bytes_per_panel()
    chunk = int(chunk_size) if chunk_size else max(1, CHUNK_BYTES // per_panel)
    chunk = max(1, min(chunk, int(n_resamples)))
    check_memory(
        8 * int(n_resamples) * k + chunk * per_panel + 16 * m * m,
        _("a bootstrap of {resamples} resamples of {k} experts").format(
            resamples=formats.integer(int(n_resamples)), k=k
        ),
        _("ask for fewer resamples"),
    )
    seed = resolve_seed(seed)
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(k, np.full(k, 1.0 / k), size=int(n_resamples))
    full = problem.full_ranks()
    winner, top = rank_set(full, 1), rank_set(full, top_k)
    counts = np.zeros((m, m), dtype=np.int64)
    in_top = np.zeros(m, dtype=np.int64)
    kept = [0, 0]
    distance = 0.0
    defined_total = done = 0
    notes: list[str] = []
    for first in range(0, int(n_resamples), chunk):
        c = draws[first : first + chunk].astype(float)
        c[:, problem.expert_weights <= 0] = 0.0
        alive = c.sum(axis=1) > 0
        ranks = np.zeros((len(c), m), dtype=int)
        ok = np.zeros(len(c), dtype=bool)
        if alive.any():
            ranks[alive], ok[alive] = problem.panel_ranks(c[alive])
        good = ranks[ok]
        np.add.at(counts, (np.tile(np.arange(m), len(good)), good.ravel() - 1), 1)
        in_top += (good <= top_k).sum(axis=0)
        kept[0] += sum(rank_set(r, 1) == winner for r in good)
        kept[1] += sum(rank_set(r, top_k) == top for r in good)
        if len(good):
            distance += float(kendall_distance(full, good).sum())
        defined_total += int(ok.sum())
        done = first + len(c)
        if progress is not None and progress(done, int(n_resamples)) is False:
            break
    if done < n_resamples:
        note = _("stopped early: {done} of {total} resamples were drawn")
        notes.append(note.format(done=done, total=n_resamples))
    if defined_total < done:
        notes.append(
            _(
                "{failed} of {done} resamples left some scored cell without an "
                "answer and could not be ranked; the shares are over the others"
            ).format(failed=done - defined_total, done=done)
        )
    if problem.shape[0] == 1:
        notes.append(_("a panel of one expert: every resample is that expert"))
    if defined_total == 0:
        msg = _(
            "no resampled panel could be ranked: some expert-scored cell was answered by too "
            "few experts; collect more answers before judging robustness"
        )
        raise MethodInputError(msg)
    denom = defined_total
    return BootstrapResult(
        candidates=problem.candidates,
        full_ranks=full,
        rank_counts=counts,
        acceptability=counts / denom,
        top_share=in_top / denom,
        winner_kept=kept[0] / denom,
        top_kept=kept[1] / denom,
        mean_kendall=distance / denom,
        resamples=done,
        defined=defined_total,
        seed=seed,
        chunk_size=chunk,
        top_k=int(top_k),
        notes=tuple(notes),
    )
