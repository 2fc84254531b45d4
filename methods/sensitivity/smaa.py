"""SMAA-2: how often each candidate takes each rank when the weights (and data) are uncertain.

Weight vectors are drawn (:mod:`methods.sensitivity.sampling`), every candidate is scored for
a whole chunk of them at once by the registry's batch scorer, and only running counts are
kept (:mod:`methods.sensitivity.rankcount`): memory is bounded by the chunk, never N×m.

Reproducibility: samples come in blocks of ``block_size``; block k draws from its own child
seed ``SeedSequence(seed, spawn_key=(stream, k))``. Chunks are whole blocks, so the chunk size
changes speed and memory, never a count.

Uncertain data: one matrix is drawn per block and shared by that block's weight vectors;
each sample is still a draw from the joint distribution (weights and data independent), but
samples of one block are correlated, so standard errors then come from batch means over the
blocks, not from the binomial formula sqrt(p(1 - p)/N) used when the data are certain.

References
----------
Lahdelma, R., Hokkanen, J. and Salminen, P. (1998). SMAA - Stochastic multiobjective
acceptability analysis. *European Journal of Operational Research* 106(1), 137-143.
Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
analysis for group decision making. *Operations Research* 49(3), 444-454.
Tervonen, T. and Lahdelma, R. (2007). Implementing stochastic multicriteria acceptability
analysis. *European Journal of Operational Research* 178(2), 500-513.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer
from clusterrank.methods.result import FloatArray
from clusterrank.methods.sensitivity.common import (
    block_generator,
    make_scorer,
    resolve_seed,
)
from clusterrank.methods.sensitivity.limits import (
    MAX_SMAA_SAMPLES,
    check_count,
    check_memory,
    smaa_bytes,
)
from clusterrank.methods.sensitivity.rankcount import RankAccumulator
from clusterrank.methods.sensitivity.rankkey import rank_key
from clusterrank.methods.sensitivity.sampling import DataUncertainty, WeightSampling, draw_matrix
from clusterrank.methods.sensitivity.smaa_result import SMAAResult
from clusterrank.methods.sensitivity.smaa_stats import (
    BatchMeans,
    binomial_se,
    central_weights,
    confidence_factors,
)

#: Samples per sampling block (certain data) and per matrix draw (uncertain data).
BLOCK_SIZE = 256
DATA_BLOCK_SIZE = 32
#: Target working set of one chunk, in bytes.
CHUNK_BYTES = 24 * 2**20
#: Upper bound on samples per chunk (keeps progress reports frequent for small problems).
MAX_CHUNK = 32_768
Progress = Callable[[int, int], bool | None]


def sample_bytes(m: int, n: int, pairwise: bool) -> int:
    """Bytes one sample of a chunk takes (scores, keys, sort buffers, weights)."""
    return 40 * m + 32 * n + (8 * m if pairwise else 0)


def auto_chunk_size(m: int, n: int, block: int, pairwise: bool) -> int:
    """Samples per chunk so one chunk's arrays take about :data:`CHUNK_BYTES`."""
    per_sample = sample_bytes(m, n, pairwise)
    blocks = max(1, min(CHUNK_BYTES // (per_sample * block), MAX_CHUNK // block))
    return int(blocks * block)


def smaa(
    matrix: npt.ArrayLike | DecisionProblem,
    directions: Sequence[str | int] | npt.ArrayLike | None = None,
    method: str = "topsis",
    *,
    settings: Mapping[str, Any] | None = None,
    sampling: WeightSampling | None = None,
    n_samples: int = 10_000,
    seed: int | None = 0,
    uncertainty: DataUncertainty | None = None,
    chunk_size: int | None = None,
    block_size: int | None = None,
    pairwise: bool = True,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> SMAAResult:
    """Run SMAA-2 with any registered ranking method.

    Parameters
    ----------
    matrix, directions, method, settings
        The decision problem and the ranking method, as for :func:`methods.registry.rank`.
    sampling
        Weight sampling scheme (default: uniform on the simplex, i.e. no weight information).
    n_samples
        Number of weight vectors N. Standard errors shrink as 1/sqrt(N).
    seed
        Non-negative integer; ``None`` draws fresh entropy (echoed in the result).
    uncertainty
        Optional data uncertainty; the matrix is redrawn every ``block_size`` samples.
    chunk_size
        Samples scored at once (rounded up to whole blocks); default: about 24 MB of arrays.
    block_size
        Samples per sampling block: 256 by default, 32 with uncertain data (then it is the
        number of weight vectors sharing one matrix draw).
    pairwise
        Also count pairwise winning indices (cost O(N m²); switch off for large m).
    candidates, criteria
        Ids (default ``A1..Am``, ``C1..Cn``).
    progress
        Called as ``progress(done, total)`` after each chunk; returning ``False`` stops the run
        early and the result covers the samples done (noted).

    Returns
    -------
    SMAAResult

    References
    ----------
    Lahdelma and Salminen (2001), sections 3-4 (acceptability indices, central weights,
    confidence factors); Tervonen and Lahdelma (2007) for the Monte Carlo implementation.
    """
    problem = DecisionProblem.of(matrix, directions, candidates=candidates, criteria=criteria)
    x, (m, n), cand, crit = problem.values, problem.shape, problem.candidates, problem.criteria
    check_count(n_samples, MAX_SMAA_SAMPLES, _("samples"), "'n_samples'")
    seed = resolve_seed(seed)
    spec = sampling or WeightSampling.uniform()
    sampler = spec.prepare(n)
    scorer = make_scorer(method, problem, None, dict(settings or {}))
    block = int(block_size or (BLOCK_SIZE if uncertainty is None else DATA_BLOCK_SIZE))
    if block < 1:
        msg = _("'block_size' must be a positive integer (got {given!r})").format(given=block_size)
        raise MethodInputError(msg)
    auto = auto_chunk_size(m, n, block, pairwise)
    chunk = auto if chunk_size is None else int(np.ceil(max(1, chunk_size) / block) * block)
    check_memory(
        smaa_bytes(m, n, pairwise=pairwise, chunk_bytes=chunk * sample_bytes(m, n, pairwise)),
        _("SMAA on {m} candidates × {n} criteria").format(m=formats.integer(m), n=n),
        _("rank fewer candidates, or switch pairwise winning indices off")
        if pairwise
        else _("rank fewer candidates"),
    )
    acc = RankAccumulator(m, n, higher_is_better=scorer.higher_is_better, pairwise=pairwise)
    key, key_name = (scorer.scores, "scores") if uncertainty else rank_key(scorer, problem)
    notes = list(sampler.notes)
    total_blocks = -(-int(n_samples) // block)
    per_chunk = chunk // block
    sizes = [min(block, int(n_samples) - k * block) for k in range(total_blocks)]
    spread = BatchMeans(m) if uncertainty is not None else None
    bounds = uncertainty.bounds(x) if uncertainty is not None else None
    done_blocks = 0
    for first in range(0, total_blocks, per_chunk):
        ks = range(first, min(first + per_chunk, total_blocks))
        weights = [sampler.draw(block_generator(seed, 0, k), sizes[k]) for k in ks]
        if bounds is None:
            w = np.concatenate(weights)
            acc.add(w, key(w), _exact(scorer, w))
        else:
            assert spread is not None
            for k, w in zip(ks, weights, strict=True):
                data = draw_matrix(block_generator(seed, 1, k), *bounds)
                local = make_scorer(method, data, directions, dict(settings or {}))
                spread.add(acc, w, local.scores(w))
        done_blocks = ks.stop
        if progress is not None and progress(acc.samples, int(n_samples)) is False:
            break
    if done_blocks < total_blocks:
        note = _("stopped early: {done} of {total} samples were drawn")
        notes.append(note.format(done=acc.samples, total=n_samples))
    return _finish(
        acc,
        scorer,
        spread,
        method,
        x,
        directions,
        settings,
        bounds,
        seed,
        done_blocks,
        {
            "candidates": cand,
            "criteria": crit,
            "chunk": chunk,
            "block": block,
            "spec": spec,
            "uncertainty": uncertainty,
            "notes": notes,
            "key": key_name,
        },
    )


def _exact(
    scorer: BatchScorer, weights: FloatArray
) -> Callable[[npt.NDArray[np.intp]], FloatArray]:
    """The method's own scores for some rows of a chunk (used to settle near-ties)."""
    return lambda rows: scorer.scores(weights[rows])


def _finish(
    acc: RankAccumulator,
    scorer: BatchScorer,
    spread: BatchMeans | None,
    method: str,
    x: FloatArray,
    directions: Any,
    settings: Mapping[str, Any] | None,
    bounds: tuple[FloatArray, FloatArray] | None,
    seed: int,
    blocks: int,
    info: dict[str, Any],
) -> SMAAResult:
    total = acc.samples
    notes: list[str] = info["notes"]
    p = acc.counts / total
    wins = None if acc.wins is None else acc.wins / total
    if spread is not None and spread.blocks >= 2:
        error = f"batch means over {spread.blocks} matrix draws"
        p_se = spread.se(p, spread.c2, spread.cb, total)
        w_se = None if wins is None else spread.se(wins, spread.w2, spread.wb, total)
    else:
        error = N_("binomial sqrt(p(1-p)/N)")
        if spread is not None:
            notes.append(
                _("one matrix draw only: the binomial standard errors understate the error")
            )
        p_se = binomial_se(p, total)
        w_se = None if wins is None else binomial_se(wins, total)
    firsts = acc.counts[:, 0]
    defined = firsts > 0
    central, central_se = central_weights(acc, firsts, defined, info["criteria"], notes)
    confidence, draws = confidence_factors(
        scorer, central, defined, method, directions, settings, bounds, seed, blocks
    )
    conf_se = binomial_se(confidence, draws) if draws > 1 else np.zeros_like(confidence)
    if acc.tied_samples:
        notes.append(
            _(
                "{tied} of {total} samples had tied candidates; they share the "
                "better rank, so some ranks' acceptabilities do not sum to 1 over candidates"
            ).format(tied=acc.tied_samples, total=total)
        )
    spec: WeightSampling = info["spec"]
    unc: DataUncertainty | None = info["uncertainty"]
    echoed: dict[str, Any] = {"method": scorer.method, **dict(scorer.settings)}
    echoed |= spec.settings()
    echoed |= unc.settings() if unc is not None else {"data_uncertainty": "none"}
    echoed |= {
        "n_samples": total,
        "seed": seed,
        "block_size": info["block"],
        "chunk_size": info["chunk"],
        "pairwise": acc.wins is not None,
        "standard_error": error,
        "rank_key": info["key"],
        "ties": N_("competition ranks (shared best rank), scores equal to 12 significant digits"),
    }
    return SMAAResult(
        method=scorer.method,
        candidates=info["candidates"],
        criteria=info["criteria"],
        rank_counts=acc.counts,
        acceptability=p,
        acceptability_se=p_se,
        central_weights=central,
        central_weights_se=central_se,
        central_defined=defined,
        confidence=confidence,
        confidence_se=conf_se,
        confidence_draws=draws,
        pairwise=wins,
        pairwise_se=w_se,
        n_samples=total,
        seed=seed,
        chunk_size=info["chunk"],
        block_size=info["block"],
        tied_samples=acc.tied_samples,
        settings=echoed,
        notes=tuple(notes),
    )
