"""The one entry point for ranking: :func:`rank`, :func:`available_methods`, batch scorers.

Own vectorised methods (``topsis``, ``wsm``, ``ahp``) live here by name; the rest of the
pymcdm catalogue comes from :mod:`methods.pymcdm_adapter`, imported lazily so this module
imports even while the adapter is being edited. Where names clash, own methods win (the
adapter exposes its own versions as e.g. ``pymcdm_topsis``).

Every setting is checked against the method's :class:`~methods.info.SettingInfo` and echoed in
full, defaults included, in the result.

References
----------
Hwang and Yoon (1981) for TOPSIS and SAW; Saaty (1980) for AHP synthesis; Kizielewicz,
Shekhovtsov and Sałabun (2023), pymcdm, *SoftwareX* 22, 101368, for the catalogue.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType, ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from errors import ConfigurationError
from methods.info import MethodInfo, SettingInfo
from methods.result import FloatArray, RankingResult, result_from_scores
from methods.topsis import (
    TOPSIS_INFO,
    prepare_topsis,
    topsis_batch_scores,
)
from methods.topsis import topsis as _topsis
from methods.validation import (
    check_directions,
    check_ids,
    check_matrix,
    check_weight_batch,
    check_weights,
)
from methods.weighted_sum import WSM_INFO, prepare_wsm, weighted_sum_batch, wsm

Directions = Sequence[str | int] | npt.ArrayLike
Kernel = Callable[[FloatArray], FloatArray]
KINDS: tuple[str, ...] = ("ranking", "weighting", "correlation")
AHP_MODES: tuple[str, ...] = ("distributive", "ideal")

_OWN: dict[str, MethodInfo] = {
    "topsis": TOPSIS_INFO,
    "wsm": WSM_INFO,
    "ahp": MethodInfo(
        name="ahp",
        title="AHP synthesis",
        kind="ranking",
        implementation="clusterrank",
        reference="Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.",
        batch=True,
        settings={
            "mode": SettingInfo(
                "distributive", AHP_MODES, "distributive: priorities sum to 1; ideal: best = 1"
            )
        },
        description="Weighted sum of AHP local priorities derived from the data.",
    ),
}


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


def _optional_module(name: str) -> ModuleType | None:
    """Import a colleague's module, or ``None`` if the file does not exist (yet)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def _catalogue() -> dict[str, MethodInfo]:
    adapter = _optional_module("methods.pymcdm_adapter")
    if adapter is None:
        return {}
    return {i.name: i for i in adapter.catalogue() if i.name not in _OWN}


def available_methods(kind: str | None = None) -> list[MethodInfo]:
    """Every method a user may name: ``kind`` is ``"ranking"``, ``"weighting"``,
    ``"correlation"`` or ``None`` (all). Own methods come first."""
    if kind is not None and kind not in KINDS:
        msg = f"kind must be one of {', '.join(KINDS)} or None (got {kind!r})"
        raise ConfigurationError(msg)
    out: list[MethodInfo] = []
    if kind in (None, "ranking"):
        out += list(_OWN.values()) + list(_catalogue().values())
    adapter = _optional_module("methods.pymcdm_adapter")
    if adapter is not None:
        if kind in (None, "weighting"):
            out += list(adapter.objective_weight_methods())
        if kind in (None, "correlation") and hasattr(adapter, "correlation_methods"):
            out += list(adapter.correlation_methods())
    return out


def _resolve(method: str, settings: Mapping[str, Any] | None) -> tuple[MethodInfo, dict[str, Any]]:
    """The method's info and full settings; ConfigurationError naming what is allowed."""
    name = str(method).strip().lower()
    info = _OWN.get(name) or _catalogue().get(name)
    if info is None:
        allowed = ", ".join([*_OWN, *_catalogue()])
        msg = f"unknown ranking method {method!r}; choose one of: {allowed}"
        raise ConfigurationError(msg)
    given = dict(settings or {})
    unknown = sorted(set(given) - set(info.settings))
    if unknown:
        allowed = ", ".join(info.settings) or "none"
        msg = f"method {name!r} has no setting {unknown[0]!r}; its settings are: {allowed}"
        raise ConfigurationError(msg)
    full: dict[str, Any] = {}
    for key, spec in info.settings.items():
        value = given.get(key, spec.default)
        if spec.choices and value not in spec.choices:
            choices = ", ".join(map(str, spec.choices))
            msg = f"setting {key!r} of method {name!r} must be one of {choices} (got {value!r})"
            raise ConfigurationError(msg)
        full[key] = value
    return info, full


def _directions(directions: Directions | None, n: int) -> tuple[npt.NDArray[np.int_], list[str]]:
    if directions is None:
        return np.ones(n, dtype=int), ["no directions given; every criterion treated as benefit"]
    return check_directions(directions, n), []


def _ahp_local(x: FloatArray, d: npt.NDArray[np.int_], mode: str) -> tuple[FloatArray, list[str]]:
    synthesis = _optional_module("methods.ahp.synthesis")
    if synthesis is None:
        msg = "AHP synthesis is not available (methods.ahp.synthesis is missing)"
        raise ConfigurationError(msg)
    local, notes = synthesis.local_priorities(x, d, mode=mode)
    return np.asarray(local, dtype=float), list(notes)


def rank(
    matrix: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
    directions: Directions | None = None,
    method: str = "topsis",
    *,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> RankingResult:
    """Rank candidates with any registered method.

    Parameters
    ----------
    matrix
        m candidates × n criteria, finite.
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
    x = check_matrix(matrix)
    m, n = x.shape
    cand = check_ids(candidates, "A", m, "candidate")
    crit = check_ids(criteria, "C", n, "criterion")
    d, dir_notes = _directions(directions, n)
    if info.name == "topsis":
        res = _topsis(x, weights, d, full["normalization"], candidates=cand, criteria=crit)
    elif info.name == "wsm":
        res = wsm(x, weights, d, full["normalization"], candidates=cand, criteria=crit)
    else:
        w, notes = check_weights(weights, n, crit)
        if info.name == "ahp":
            local, more = _ahp_local(x, d, full["mode"])
            scores, hib, details = weighted_sum_batch(local, w), True, {"local_priorities": local}
        else:
            adapter = importlib.import_module("methods.pymcdm_adapter")
            raw, hib, more, details = adapter.rank_with_pymcdm(
                info.name, x, w, d, full, labels=(cand, crit)
            )
            scores = np.asarray(raw, dtype=float)
        notes += list(more)
        res = result_from_scores(
            info.name,
            cand,
            crit,
            w,
            scores,
            higher_is_better=hib,
            settings=full,
            notes=notes,
            details=details,
        )
    return replace(res, settings=full, notes=(*dir_notes, *res.notes))


def get_batch_scorer(
    method: str,
    matrix: npt.ArrayLike,
    directions: Directions | None,
    settings: Mapping[str, Any] | None = None,
) -> BatchScorer:
    """A scorer for many weight vectors over one matrix; the matrix is prepared once.

    For ``topsis``, ``wsm`` and ``ahp`` :meth:`BatchScorer.scores` is a vectorised kernel
    (two or one matrix products); for catalogue methods it loops over the rows
    (``batch=False``).
    """
    info, full = _resolve(method, settings)
    frozen = MappingProxyType(full)
    x = check_matrix(matrix)
    n = x.shape[1]
    d, _ = _directions(directions, n)
    kernel: Kernel
    if info.name == "topsis":
        tp = prepare_topsis(x, d, full["normalization"])
        kernel = lambda w: topsis_batch_scores(tp, w)  # noqa: E731
        return BatchScorer(info.name, True, True, n, frozen, kernel)
    if info.name in ("wsm", "ahp"):
        if info.name == "wsm":
            r = prepare_wsm(x, d, full["normalization"]).normalized
        else:
            r, _ = _ahp_local(x, d, full["mode"])
        kernel = lambda w: weighted_sum_batch(r, w)  # noqa: E731
        return BatchScorer(info.name, True, True, n, frozen, kernel)
    adapter = importlib.import_module("methods.pymcdm_adapter")
    hib = bool(info.higher_is_better)

    def loop(w: FloatArray) -> FloatArray:
        rows = [adapter.rank_with_pymcdm(info.name, x, row, d, full)[0] for row in w]
        return np.asarray(rows, dtype=float).reshape(len(w), x.shape[0])

    return BatchScorer(info.name, hib, False, n, frozen, loop)
