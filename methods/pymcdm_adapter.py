"""The one module that calls pymcdm: its ranking catalogue, objective weights, rank similarity.

Every call passes the normalisation explicitly (and echoes it), records pymcdm's and numpy's
warnings as plain-language notes, and never lets a NaN or infinity through: degenerate input
gets a defined value plus a note, or a :class:`~errors.MethodInputError` naming the column.
Callers validate first (``methods.validation``); the checks here are only the extra
requirements of each method (positive values, a cost criterion, two candidates, ...).

pymcdm 1.4.0 COPRAS adds S- to S+ instead of the published reciprocal term, so a cheaper
candidate scores lower; this adapter takes pymcdm's S+ and S- and applies the published
formula (Zavadskas et al. 1994, :mod:`methods.copras`), and says so in a note. pymcdm's
COPRAS and MOORA refuse problems with benefit criteria only, where the published formulas
are defined (no cost term); there :mod:`methods.copras` and :mod:`methods.moora` compute them.

References
----------
Kizielewicz, B., Shekhovtsov, A. and Sałabun, W. (2023). pymcdm — The universal library for
solving multi-criteria decision-making problems. *SoftwareX* 22, 101368.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import numpy.typing as npt
from pymcdm import correlations, normalizations
from pymcdm import methods as pm
from pymcdm import weights as pw
from pymcdm.helpers import normalize_matrix

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import N_, _, ngettext
from clusterrank.methods.copras import copras_significance, copras_sums
from clusterrank.methods.entropy import entropy_weights_with_zeros
from clusterrank.methods.info import MethodInfo
from clusterrank.methods.moora import moora_scores
from clusterrank.methods.normalization import column_label, pymcdm_column_function
from clusterrank.methods.pymcdm_catalogue import RANKING, SIMILARITY, WEIGHTING, RankingSpec
from clusterrank.methods.pymcdm_checks import (
    check_values,
    ensure_finite,
    fractional_ranks,
    promethee_thresholds,
    resolve_settings,
    spec_for,
    spotis_bounds,
    translate_warning,
)
from clusterrank.methods.scaling import column_exponents, to_unit_scale, unit_columns

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]

# pymcdm 1.4.0's sum and linear normalisations refuse any value <= 0 (linear: any zero), even
# in a benefit column where x/sum x and x/max x are defined; methods.normalization's own
# versions follow the same formulas and need > 0 only where they divide by the values.
_NORMALIZATIONS: dict[str, Callable[..., Any]] = {
    "minmax": normalizations.minmax_normalization,
    "max": normalizations.max_normalization,
    "sum": pymcdm_column_function("sum"),
    "vector": normalizations.vector_normalization,
    "linear": pymcdm_column_function("linear"),
}


def catalogue() -> list[MethodInfo]:
    """Every pymcdm ranking method clusterrank offers, as :class:`MethodInfo` entries."""
    return [spec.info for spec in RANKING.values()]


def objective_weight_methods() -> list[MethodInfo]:
    """Every pymcdm objective-weighting method clusterrank offers."""
    return list(WEIGHTING.values())


def rank_with_pymcdm(
    name: str,
    matrix: FloatArray,
    weights: FloatArray,
    directions: IntArray,
    settings: Mapping[str, Any] | None = None,
    *,
    labels: tuple[Sequence[str], Sequence[str]] | None = None,
) -> tuple[FloatArray, bool, list[str], dict[str, Any]]:
    """Score candidates with one pymcdm method.

    Parameters
    ----------
    name
        Registry name from :func:`catalogue` (``"vikor"``, ``"promethee_ii"``, ...).
    matrix, weights, directions
        Validated m×n matrix, weights summing to 1, ±1 directions.
    settings
        Method settings; missing ones take the catalogue default.
    labels
        Candidate and criterion ids, so error messages name the cell at fault.

    Returns
    -------
    scores, higher_is_better, notes, details
        Finite scores, their orientation, notes for the user, and ``details`` whose
        ``"settings"`` entry echoes every setting used (normalisation included).
    """
    spec = spec_for(name)
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    d = np.asarray(directions, dtype=int)
    used = resolve_settings(spec, settings or {})
    notes: list[str] = []
    details: dict[str, Any] = {}
    m, n = x.shape
    if m < 2:
        msg = _("{method} needs at least 2 candidates to rank (got {count})").format(
            method=spec.info.title_text, count=m
        )
        raise MethodInputError(msg)
    constant = x.max(axis=0) == x.min(axis=0)
    if constant.all():
        msg = _(
            "every criterion has the same value for all candidates, so no method can tell "
            "them apart; check the data or add a criterion that differs"
        )
        raise MethodInputError(msg)
    check_values(spec, x, d, used.get("normalization"), labels)
    keep = np.ones(n, dtype=bool)
    if spec.drop_constant and used.get("bounds") is None and constant.any():
        keep = ~constant
        cols = ", ".join(str(j + 1) for j in np.flatnonzero(constant))
        notes.append(
            _(
                "column(s) {columns} have one value for every candidate; they cannot separate "
                "candidates and were left out of {method} (contribution 0)"
            ).format(columns=cols, method=spec.info.title_text)
        )
        details["dropped_constant_columns"] = [int(j) for j in np.flatnonzero(constant)]
    x, w, d = x[:, keep], w[keep], d[keep]
    body, exponents = _build(spec, used, x, notes, details)
    x = to_unit_scale(x, exponents)  # exact powers of two: see methods.scaling
    # pymcdm's validation warns when weights do not sum to 1, which they need not after a drop.
    validation = bool(keep.all())
    with _recording(notes):
        try:
            if spec.name == "copras":
                scores = _copras(body, x, w, d, notes, details)
            elif spec.name == "moora" and np.all(d == 1):
                scores = moora_scores(x, w, d)
                notes.append(_(_BENEFIT_ONLY).format(title="MOORA", formula="y = sum of w·x/||x||"))
            else:
                scores = np.asarray(body(x, w, d, validation=validation), dtype=float)
            if spec.name == "vikor" and not np.all(np.isfinite(scores)):
                scores = _vikor_flat(body, x, w, d, float(used["v"]), notes)
        except ValueError as exc:
            msg = _("{method} (pymcdm) rejected the input: {error}").format(
                method=spec.info.title_text, error=exc
            )
            raise MethodInputError(msg) from exc
    ensure_finite(spec, scores)
    details["settings"] = used
    return scores, spec.info.higher_is_better, notes, details


def objective_weights_pymcdm(
    name: str, matrix: FloatArray, directions: IntArray, labels: Sequence[str] | None = None
) -> tuple[FloatArray, list[str]]:
    """Objective criterion weights (sum 1) from the data, with notes on degenerate columns.

    A constant criterion cannot discriminate: it gets weight 0 and is left out of the others'
    computation. Entropy and MEREC need strictly positive values. CRITIC and standard
    deviation work on direction-aware min-max normalised columns (pymcdm's own standard
    deviation uses raw values, whose weights would depend on the units). ``labels`` (the
    criterion ids) name the criterion at fault in messages.
    """
    if name not in WEIGHTING:
        msg = f"objective weighting method must be one of {sorted(WEIGHTING)} (got {name!r})"
        raise ConfigurationError(msg)
    x = np.asarray(matrix, dtype=float)
    d = np.asarray(directions, dtype=int)
    m, n = x.shape
    if m < 2:
        msg = _(
            "objective weights need at least 2 candidates to measure variation (got {count})"
        ).format(count=m)
        raise MethodInputError(msg)
    notes: list[str] = []
    keep = x.max(axis=0) > x.min(axis=0)
    if not keep.all():
        notes.append(_constant_note(np.flatnonzero(~keep), labels))
    out = np.zeros(n)
    if keep.sum() == 0:
        notes.append(_("every criterion is constant; equal weights used"))
        return np.full(n, 1.0 / n), notes
    if keep.sum() == 1:
        notes.append(_("only one criterion varies; it receives all the weight"))
        out[keep] = 1.0
        return out, notes
    xk, dk = x[:, keep], d[keep]
    _check_logs_defined(name, x, keep, labels)
    wk = _varying_weights(name, unit_columns(xk), dk, notes)
    out[keep] = wk / wk.sum()
    return out, notes


def _constant_note(const: npt.NDArray[np.intp], labels: Sequence[str] | None) -> str:
    """The note for the constant criteria at 0-based positions ``const`` (weight 0)."""
    if labels is None:
        columns = ", ".join(str(j + 1) for j in const)
        return _("column(s) {columns} have one value for every candidate: weight 0").format(
            columns=columns
        )
    ids = ", ".join(repr(labels[int(j)]) for j in const)
    return ngettext(
        "criterion {ids} has one value for every candidate: weight 0",
        "criteria {ids} have one value for every candidate: weight 0",
        const.size,
    ).format(ids=ids)


def _check_logs_defined(
    name: str, x: FloatArray, keep: npt.NDArray[np.bool_], labels: Sequence[str] | None
) -> None:
    """Entropy needs values >= 0 and MEREC values > 0 in the varying columns ``keep``.

    Raises
    ------
    MethodInputError
        A value below the floor, naming its criterion.
    """
    xk = x[:, keep]
    floor = 0.0 if name == "entropy" else np.nextafter(0.0, 1.0)  # entropy admits zeros
    if name in ("entropy", "merec") and np.any(xk < floor):
        j = int(np.flatnonzero(keep)[np.argwhere(xk < floor)[0][1]])
        need = ">= 0" if name == "entropy" else "> 0"
        msg = _(
            "{method} weights need values {need}; {column} has {value}. "
            "Use 'critic' or 'standard_deviation', or rescale the column"
        ).format(
            method=name,
            need=need,
            column=column_label(j, labels),
            value=f"{float(x[:, j].min()):g}",
        )
        raise MethodInputError(msg)


def _varying_weights(name: str, xk: FloatArray, dk: IntArray, notes: list[str]) -> FloatArray:
    """Weights of the varying, unit-scaled columns ``xk`` by method ``name`` (equal if unusable).

    pymcdm's warnings and our remarks go to ``notes``.
    """
    with _recording(notes):
        if name == "entropy" and np.any(xk == 0):
            wk = entropy_weights_with_zeros(xk)
            notes.append(
                _(
                    "entropy: zero values enter as 0·ln 0 = 0 (pymcdm would instead give a "
                    "column holding a zero the maximum weight)"
                )
            )
        elif name == "entropy":
            wk = pw.entropy_weights(xk)
        elif name == "merec":
            wk = pw.merec_weights(xk, dk)
        elif name == "critic":
            wk = pw.critic_weights(normalize_matrix(xk, normalizations.minmax_normalization, dk))
        else:
            wk = pw.standard_deviation_weights(
                normalize_matrix(xk, normalizations.minmax_normalization, None)
            )
    wk = np.asarray(wk, dtype=float)
    if not np.all(np.isfinite(wk)) or wk.sum() <= 0:
        note = _("{method} gave no usable weights for these data; equal weights used")
        notes.append(note.format(method=name))
        wk = np.full(xk.shape[1], 1.0 / xk.shape[1])
    return wk


def rank_similarity(name: str, ranks_a: npt.ArrayLike, ranks_b: npt.ArrayLike) -> float:
    """Similarity of two rankings (rank 1 = best) by pymcdm's coefficients.

    Ranks are re-expressed as fractional ranks (ties share the mean of their positions, so a
    competition ranking "1224" becomes 1, 2.5, 2.5, 4) before the coefficient is computed.
    For ``"ws"`` the first ranking is the reference (the coefficient is not symmetric).
    """
    if name not in SIMILARITY:
        msg = f"rank similarity must be one of {sorted(SIMILARITY)} (got {name!r})"
        raise ConfigurationError(msg)
    a, b = fractional_ranks(ranks_a, "ranks_a"), fractional_ranks(ranks_b, "ranks_b")
    if a.shape != b.shape:
        msg = f"rankings must rank the same candidates (got {a.size} and {b.size} ranks)"
        raise MethodInputError(msg)
    if a.size < 2:
        msg = f"rank similarity needs at least 2 candidates (got {a.size})"
        raise MethodInputError(msg)
    if name == "spearman" and (np.ptp(a) == 0 or np.ptp(b) == 0):
        msg = "Spearman correlation is undefined when every candidate shares one rank"
        raise MethodInputError(msg)
    func = getattr(correlations, SIMILARITY[name])
    problems: list[str] = []
    with _recording(problems):
        value = float(func(a, b))
    if problems or not np.isfinite(value):
        msg = f"{name} similarity is undefined for these rankings ({'; '.join(problems)})"
        raise MethodInputError(msg)
    return float(np.clip(value, -1.0, 1.0))  # float noise must not leave [-1, 1]


def _build(
    spec: RankingSpec,
    used: dict[str, Any],
    x: FloatArray,
    notes: list[str],
    details: dict[str, Any],
) -> tuple[Any, IntArray]:
    """The pymcdm object, and the power-of-two exponent of each column (:mod:`methods.scaling`).

    Every catalogue method depends on a column only through ratios of its values and of the
    settings given in its units (SPOTIS bounds, PROMETHEE thresholds), so the data and those
    settings are divided by the same exact power of two before pymcdm sees them: the result is
    unchanged, and values near 1e308 or 1e-300 no longer overflow or underflow inside pymcdm.
    Settings are checked and echoed in the user's units.
    """
    cls = getattr(pm, spec.cls_name)
    if spec.name == "spotis":
        bounds = spotis_bounds(used["bounds"], x, notes, details)
        exponents = column_exponents(x, bounds.T)
        return cls(to_unit_scale(bounds.T, exponents).T), exponents
    exponents = column_exponents(x)
    if spec.name == "vikor":
        return cls(v=used["v"]), exponents
    if spec.name == "promethee_ii":
        p, q = promethee_thresholds(used, x, notes)
        pf = used["preference_function"]
        return cls(pf, p=_unit_threshold(p, exponents), q=_unit_threshold(q, exponents)), exponents
    kwargs: dict[str, Any] = {}
    if "normalization" in used:
        kwargs["normalization_function"] = _NORMALIZATIONS[used["normalization"]]
    if "l" in used:
        kwargs["l"] = used["l"]
    return cls(**kwargs), exponents


def _unit_threshold(value: FloatArray | None, exponents: IntArray) -> FloatArray | None:
    """A threshold in the scaled units.

    One too large for a float is the largest float (no difference of scaled values, at most 2, comes
    near either).
    """
    if value is None:
        return None
    with np.errstate(over="ignore"):
        return np.minimum(to_unit_scale(value, exponents), np.finfo(float).max)


_BENEFIT_ONLY = N_(
    "{title} with benefit criteria only: {formula} (the published formula, with no cost "
    "term), computed by clusterrank since pymcdm requires a cost criterion"
)


def _copras(
    body: Any, x: FloatArray, w: FloatArray, d: IntArray, notes: list[str], details: dict[str, Any]
) -> FloatArray:
    """COPRAS utility degree Q/Qmax with the published Q formula (:mod:`methods.copras`).

    From pymcdm's S+ and S- when it accepts the problem (a cost criterion), else own sums.
    """
    if np.any(d == -1):
        tables = {
            t.desc.label: np.asarray(t.data, dtype=float)
            for t in body(x, w, d, verbose=True).results
        }
        s_plus, s_minus = tables["smax"], tables["smin"]
        notes.append(
            _(
                "COPRAS: Q = S+ + sum(S-) / (S- * sum(1/S-)) as published (Zavadskas et al. "
                "1994); pymcdm 1.4.0 adds S- itself, which would reward cost, so only its S+ "
                "and S- are used"
            )
        )
    else:
        s_plus, s_minus = copras_sums(x, w, d)
        notes.append(_(_BENEFIT_ONLY).format(title="COPRAS", formula="Q = S+"))
    q = copras_significance(s_plus, s_minus)
    details.update(s_plus=s_plus, s_minus=s_minus, q=q)
    return np.asarray(q / q.max(), dtype=float)


def _vikor_flat(
    body: Any, x: FloatArray, w: FloatArray, d: IntArray, v: float, notes: list[str]
) -> FloatArray:
    """VIKOR Q when every candidate shares one S or one R (pymcdm divides 0 by 0)."""
    tables = {
        t.desc.label: np.asarray(t.data, dtype=float) for t in body(x, w, d, verbose=True).results
    }
    parts = []
    flat_notes = {
        "s": N_("VIKOR: every candidate has the same S (group utility); its term in Q is 0"),
        "r": N_("VIKOR: every candidate has the same R (individual regret); its term in Q is 0"),
    }
    for key, note in flat_notes.items():
        a = tables[key]
        if np.ptp(a) == 0:
            notes.append(_(note))
            parts.append(np.zeros_like(a))
        else:
            parts.append((a - a.min()) / np.ptp(a))
    return np.asarray(v * parts[0] + (1 - v) * parts[1], dtype=float)


@contextmanager
def _recording(notes: list[str]) -> Iterator[None]:
    """Turn every warning raised inside into a note.

    Numpy floating-point noise is silenced because non-finite results are checked (and explained)
    afterwards.
    """
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="ignore"):
        warnings.simplefilter("always")
        yield
    notes.extend(translate_warning(str(item.message)) for item in caught)
