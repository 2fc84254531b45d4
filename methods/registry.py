"""The one entry point for ranking: :func:`rank`, :func:`available_methods`, batch scorers.

Own vectorised methods (``topsis``, ``wsm``, ``ahp``) are entries of :data:`OWN_METHODS`
(name -> :class:`OwnMethod`: the info, a ranking kernel and a batch-scorer builder); the rest
of the pymcdm catalogue is described by :mod:`methods.pymcdm_catalogue` (plain data) and run
by :mod:`methods.pymcdm_adapter`, which is imported only inside the functions that run a
catalogue method, so importing this module does not import pymcdm (nor matplotlib). Where
names clash, own methods win (the catalogue names pymcdm's versions e.g. ``pymcdm_topsis``).

Inputs are checked once: :func:`rank` and :func:`get_batch_scorer` take a validated
:class:`~methods.problem.DecisionProblem` (or build one from raw arrays), and the kernels
trust it. Every setting is checked against the method's :class:`~methods.info.SettingInfo`
and echoed in full, defaults included, in the result.

References
----------
Hwang and Yoon (1981) for TOPSIS and SAW; Saaty (1980) for AHP synthesis; Kizielewicz,
Shekhovtsov and Sałabun (2023), pymcdm, *SoftwareX* 22, 101368, for the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _
from clusterrank.methods.ahp.synthesis import problem_local_priorities
from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.methods.problem import DecisionProblem, Directions, checked_inputs
from clusterrank.methods.pymcdm_catalogue import RANKING, WEIGHTING
from clusterrank.methods.result import FloatArray, RankingResult, result_from_scores
from clusterrank.methods.topsis import TOPSIS_INFO, topsis_batch_scores
from clusterrank.methods.topsis import prepare_problem as prepare_topsis_problem
from clusterrank.methods.topsis import rank_problem as rank_topsis
from clusterrank.methods.validation import check_weight_batch
from clusterrank.methods.weighted_sum import WSM_INFO, weighted_sum_batch
from clusterrank.methods.weighted_sum import prepare_problem as prepare_wsm_problem
from clusterrank.methods.weighted_sum import rank_problem as rank_wsm

Kernel = Callable[[FloatArray], FloatArray]
Settings = Mapping[str, Any]
KINDS: tuple[str, ...] = ("ranking", "weighting", "correlation")
AHP_MODES: tuple[str, ...] = ("distributive", "ideal")

AHP_INFO = MethodInfo(
    name="ahp",
    title=N_("AHP synthesis"),
    kind="ranking",
    implementation="clusterrank",
    reference="Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.",
    batch=True,
    settings={
        "mode": SettingInfo(
            "distributive", AHP_MODES, N_("distributive: priorities sum to 1; ideal: best = 1")
        )
    },
    description=N_("Weighted sum of AHP local priorities derived from the data."),
)


@dataclass(frozen=True)
class OwnMethod:
    """One of clusterrank's own vectorised methods.

    Attributes
    ----------
    info
        What :func:`available_methods` shows.
    rank
        ``(problem, weights, settings, notes) -> RankingResult`` on a validated problem and
        checked weights (sum 1); ``notes`` come first in the result.
    scorer
        ``(problem, settings) -> kernel``: prepares the matrix once; the kernel maps an
        (N, n) batch of checked weights to (N, m) scores, higher is better.
    """

    info: MethodInfo
    rank: Callable[[DecisionProblem, FloatArray, Settings, list[str]], RankingResult]
    scorer: Callable[[DecisionProblem, Settings], Kernel]


def _topsis_rank(p: DecisionProblem, w: FloatArray, s: Settings, notes: list[str]) -> RankingResult:
    return rank_topsis(p, w, s["normalization"], notes=notes)


def _topsis_scorer(p: DecisionProblem, s: Settings) -> Kernel:
    prepared = prepare_topsis_problem(p, s["normalization"])
    return lambda w: topsis_batch_scores(prepared, w)


def _wsm_rank(p: DecisionProblem, w: FloatArray, s: Settings, notes: list[str]) -> RankingResult:
    return rank_wsm(p, w, s["normalization"], notes=notes)


def _wsm_scorer(p: DecisionProblem, s: Settings) -> Kernel:
    normalized = prepare_wsm_problem(p, s["normalization"]).normalized
    return lambda w: weighted_sum_batch(normalized, w)


def _ahp_rank(p: DecisionProblem, w: FloatArray, s: Settings, notes: list[str]) -> RankingResult:
    local, more = problem_local_priorities(p, s["mode"])
    return result_from_scores(
        "ahp",
        p.candidates,
        p.criteria,
        w,
        weighted_sum_batch(local, w),
        higher_is_better=True,
        settings=s,
        notes=[*notes, *more],
        details={"local_priorities": local},
    )


def _ahp_scorer(p: DecisionProblem, s: Settings) -> Kernel:
    local, _notes = problem_local_priorities(p, s["mode"])
    return lambda w: weighted_sum_batch(local, w)


OWN_METHODS: Mapping[str, OwnMethod] = MappingProxyType(
    {
        "topsis": OwnMethod(TOPSIS_INFO, _topsis_rank, _topsis_scorer),
        "wsm": OwnMethod(WSM_INFO, _wsm_rank, _wsm_scorer),
        "ahp": OwnMethod(AHP_INFO, _ahp_rank, _ahp_scorer),
    }
)


@dataclass(frozen=True)
class BatchScorer:
    """Scores of every candidate for batches of weight vectors, for one prepared matrix.

    Attributes
    ----------
    method
        Registry name.
    higher_is_better
        Score orientation (pass it to ``ranks_from_scores``).
    batch
        True when :meth:`scores` is one vectorised pass; False for a loop over rows.
    n_criteria
        Expected length of every weight vector.
    settings
        Settings used, defaults included.
    """

    method: str
    higher_is_better: bool
    batch: bool
    n_criteria: int
    settings: Mapping[str, Any]
    _kernel: Kernel = field(repr=False, compare=False)

    def scores(self, weights_batch: npt.ArrayLike) -> FloatArray:
        """Scores of shape (N, m) for weights of shape (N, n); each row is rescaled to sum 1.

        A single (n,) vector is treated as a batch of one. Negative, non-finite or all-zero
        rows raise :class:`~errors.MethodInputError`.
        """
        w = check_weight_batch(weights_batch, self.n_criteria)
        return self._kernel(w)


def _catalogue() -> dict[str, MethodInfo]:
    """Pymcdm's ranking methods that clusterrank offers, own names excluded."""
    return {name: spec.info for name, spec in RANKING.items() if name not in OWN_METHODS}


def available_methods(kind: str | None = None) -> list[MethodInfo]:
    """Every method a user may name, own methods first.

    ``kind`` is ``"ranking"``, ``"weighting"``, ``"correlation"`` or ``None`` (all).
    """
    if kind is not None and kind not in KINDS:
        msg = f"kind must be one of {', '.join(KINDS)} or None (got {kind!r})"
        raise ConfigurationError(msg)
    out: list[MethodInfo] = []
    if kind in (None, "ranking"):
        out += [own.info for own in OWN_METHODS.values()] + list(_catalogue().values())
    if kind in (None, "weighting"):
        out += list(WEIGHTING.values())
    return out


def _resolve(method: str, settings: Settings | None) -> tuple[MethodInfo, dict[str, Any]]:
    """The method's info and full settings; ConfigurationError naming what is allowed."""
    name = str(method).strip().lower()
    own = OWN_METHODS.get(name)
    info = own.info if own is not None else _catalogue().get(name)
    if info is None:
        allowed = ", ".join([*OWN_METHODS, *_catalogue()])
        msg = _("unknown ranking method {method!r}; choose one of: {allowed}").format(
            method=method, allowed=allowed
        )
        raise ConfigurationError(msg)
    given = dict(settings or {})
    unknown = sorted(set(given) - set(info.settings))
    if unknown:
        allowed = ", ".join(info.settings) or _("none")
        msg = _("method {method!r} has no setting {setting!r}; its settings are: {allowed}")
        msg = msg.format(method=name, setting=unknown[0], allowed=allowed)
        raise ConfigurationError(msg)
    full: dict[str, Any] = {}
    for key, spec in info.settings.items():
        value = given.get(key, spec.default)
        if spec.choices and value not in spec.choices:
            choices = ", ".join(map(str, spec.choices))
            msg = _(
                "setting {setting!r} of method {method!r} must be one of {choices} (got {given!r})"
            ).format(setting=key, method=name, choices=choices, given=value)
            raise ConfigurationError(msg)
        full[key] = value
    return info, full


def resolve_method(
    method: str, settings: Settings | None = None
) -> tuple[MethodInfo, dict[str, Any]]:
    """A ranking method's info and full settings (defaults filled in, every value checked).

    Raises :class:`~errors.ConfigurationError` for an unknown method, setting or value.
    """
    return _resolve(method, settings)


def rank(
    matrix: npt.ArrayLike | DecisionProblem,
    weights: npt.ArrayLike | None = None,
    directions: Directions | None = None,
    method: str = "topsis",
    *,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    settings: Settings | None = None,
) -> RankingResult:
    """Rank candidates with any registered method.

    Parameters
    ----------
    matrix
        A validated :class:`~methods.problem.DecisionProblem` (then ``directions``,
        ``candidates`` and ``criteria`` stay ``None``; it is not checked again), or an
        m candidates × n criteria finite array, checked once here.
    weights
        n relative weights >= 0, not all zero; ``None`` means equal weights. Rescaled to sum 1
        (noted when they did not).
    directions
        One per criterion (``benefit``/``cost``/``max``/``min``/``+``/``-``/±1); ``None``
        treats every criterion as benefit, with a note.
    method
        A name from :func:`available_methods` (``"ranking"``).
    candidates, criteria
        Unique ids (default ``A1..Am`` and ``C1..Cn``).
    settings
        Method settings; unknown names or values raise :class:`~errors.ConfigurationError`.

    Returns
    -------
    RankingResult
        Rank 1 is best whatever the method's orientation; settings echoed with defaults.
    """
    info, full = _resolve(method, settings)
    problem, w, notes = checked_inputs(
        matrix, weights, directions, candidates=candidates, criteria=criteria
    )
    own = OWN_METHODS.get(info.name)
    if own is not None:
        return own.rank(problem, w, full, notes)
    from clusterrank.methods.pymcdm_adapter import rank_with_pymcdm  # pymcdm only when it is used

    raw, hib, more, details = rank_with_pymcdm(
        info.name,
        problem.values,
        w,
        problem.directions,
        full,
        labels=(problem.candidates, problem.criteria),
    )
    return result_from_scores(
        info.name,
        problem.candidates,
        problem.criteria,
        w,
        np.asarray(raw, dtype=float),
        higher_is_better=hib,
        settings=full,
        notes=[*notes, *more],
        details=details,
    )


def get_batch_scorer(
    method: str,
    matrix: npt.ArrayLike | DecisionProblem,
    directions: Directions | None = None,
    settings: Settings | None = None,
) -> BatchScorer:
    """A scorer for many weight vectors over one problem; the matrix is prepared once.

    ``matrix`` is a validated :class:`~methods.problem.DecisionProblem` (``directions`` then
    ``None``) or a raw array checked once here. For the own methods :meth:`BatchScorer.scores`
    is a vectorised kernel (two or one matrix products); for catalogue methods it loops over
    the rows (``batch=False``).
    """
    info, full = _resolve(method, settings)
    frozen = MappingProxyType(full)
    problem = DecisionProblem.of(matrix, directions)
    n = problem.shape[1]
    own = OWN_METHODS.get(info.name)
    if own is not None:
        return BatchScorer(info.name, True, True, n, frozen, own.scorer(problem, full))
    from clusterrank.methods.pymcdm_adapter import rank_with_pymcdm  # pymcdm only when it is used

    def loop(w: FloatArray) -> FloatArray:
        rows = [
            rank_with_pymcdm(info.name, problem.values, row, problem.directions, full)[0]
            for row in w
        ]
        return np.asarray(rows, dtype=float).reshape(len(w), problem.shape[0])

    return BatchScorer(info.name, bool(info.higher_is_better), False, n, frozen, loop)
