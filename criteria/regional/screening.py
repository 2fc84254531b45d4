"""Apply screening rules to every region × sector cell and say why each passes or fails.

Each cell is told, rule by rule, whether it passes and why (``"LQ 2.31 >= 2"``,
``"employment 12,400 ranks 3 of 41 in sector 'c20' (top 10% = best 5)"``). Rule sets whose
metrics the table lacks are skipped with a note, never half-applied.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterrank.criteria.regional.screening_rules import (
    Condition,
    Percentile,
    RuleSet,
    ScreeningRules,
    Threshold,
    TopShare,
)
from clusterrank.criteria.shown import short
from clusterrank.i18n import N_, _, formats

_OPS = {">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less}
_NEGATED = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
SHARE_OF_REGION = N_("share of region")


@dataclass(frozen=True)
class ScreeningResult:
    """Per cell and rule: passed or not, and why; plus one summary row per cell and set.

    Attributes
    ----------
    details
        Columns ``region_id, sector_id, rule_set, rule, passed, reason``.
    summary
        Columns ``region_id, sector_id, rule_set, passed, score, rules_passed``: ``passed``
        is true when any rule passed; ``score`` counts the rules passed (ECO stars).
    notes
        Rule sets skipped and why, measures used other than the intended one.
    """

    details: pd.DataFrame
    summary: pd.DataFrame
    notes: tuple[str, ...]


def fmt(x: float) -> str:
    """A figure as a person reads it: ``2.31``, ``12,400``, ``2`` (``12 400``, ``2,31`` in ru)."""
    if not math.isfinite(x):
        return _("missing")
    if float(x).is_integer() or abs(x) >= 1000:
        return formats.number(x, 0)
    return formats.number(x, 2) if abs(x) >= 0.1 else short(float(f"{x:.3g}"))


def _rounded(x: float) -> float:
    """The value :func:`fmt` shows, as a number."""
    if float(x).is_integer() or abs(x) >= 1000:
        return float(round(x))
    return round(x, 2) if abs(x) >= 0.1 else float(f"{x:.3g}")


def fmt_against(x: float, ref: float) -> str:
    """Like :func:`fmt`, with more digits when rounding would hide which side of ``ref`` it is."""
    if math.isfinite(x) and math.isfinite(ref) and x != ref and _rounded(x) == ref:
        return short(float(f"{x:.6g}"))
    return fmt(x)


def _label(metric: str, measure_name: str) -> str:
    return {"lq": "LQ", "measure": measure_name, "regional_share": _(SHARE_OF_REGION)}.get(
        metric, metric
    )


def _condition(cond: Condition, m: pd.DataFrame, measure_name: str) -> tuple[np.ndarray, list[str]]:
    """Evaluate one condition on a regions × sectors metric grid: (passed mask, reasons)."""
    v = m.to_numpy(dtype=float)
    name = _label(cond.metric, measure_name)
    sectors = [str(c) for c in m.columns]
    ok_cells = np.isfinite(v)
    missing = _("{name} missing").format(name=name)
    if isinstance(cond, Threshold):
        passed = ok_cells & _OPS[cond.op](np.where(ok_cells, v, 0.0), cond.value)
        reasons = [
            f"{name} {fmt_against(x, cond.value)} {cond.op if p else _NEGATED[cond.op]} "
            f"{fmt(cond.value)}"
            if np.isfinite(x)
            else missing
            for x, p in zip(v.ravel(), passed.ravel(), strict=True)
        ]
        return passed, reasons
    if isinstance(cond, Percentile):
        if cond.within == "sector":
            thr = np.array([_nanpct(v[:, j], cond.percentile) for j in range(v.shape[1])])
            thr_grid = np.broadcast_to(thr, v.shape)
        else:
            thr_grid = np.full(v.shape, _nanpct(v.ravel(), cond.percentile))
        valid = ok_cells & np.isfinite(thr_grid)
        passed = valid & _OPS[cond.op](np.where(valid, v, 0.0), np.nan_to_num(thr_grid))
        text = (
            _("{name} {value} {op} p{percentile} {threshold} of sector {sector!r}")
            if cond.within == "sector"
            else _("{name} {value} {op} p{percentile} {threshold} of all cells")
        )
        reasons = [
            text.format(
                name=name,
                value=fmt_against(v[i, j], thr_grid[i, j]),
                op=cond.op if passed[i, j] else _NEGATED[cond.op],
                percentile=fmt(cond.percentile),
                threshold=fmt(thr_grid[i, j]),
                sector=sectors[j],
            )
            if valid[i, j]
            else missing
            for i in range(v.shape[0])
            for j in range(v.shape[1])
        ]
        return passed, reasons
    assert isinstance(cond, TopShare)
    frame = pd.DataFrame(v)
    if cond.within == "sector":
        rank = frame.rank(axis=0, ascending=False, method="min").to_numpy()
        n = np.broadcast_to(np.isfinite(v).sum(axis=0), v.shape)
    else:
        flat = pd.Series(v.ravel()).rank(ascending=False, method="min").to_numpy()
        rank, n = flat.reshape(v.shape), np.full(v.shape, int(np.isfinite(v).sum()))
    best = np.maximum(1, np.ceil(n * cond.top_percent / 100.0 - 1e-9)).astype(int)
    passed = ok_cells & (np.nan_to_num(rank, nan=np.inf) <= best)
    text = (
        _("{name} {value} ranks {rank} of {count} in sector {sector!r} (top {top}% = best {best})")
        if cond.within == "sector"
        else _("{name} {value} ranks {rank} of {count} of all cells (top {top}% = best {best})")
    )
    reasons = [
        text.format(
            name=name,
            value=fmt(v[i, j]),
            rank=int(rank[i, j]),
            count=int(n[i, j]),
            sector=sectors[j],
            top=fmt(cond.top_percent),
            best=int(best[i, j]),
        )
        if ok_cells[i, j]
        else missing
        for i in range(v.shape[0])
        for j in range(v.shape[1])
    ]
    return passed, reasons


def _nanpct(x: np.ndarray, q: float) -> float:
    finite = x[np.isfinite(x)]
    return float(np.percentile(finite, q)) if finite.size else float("nan")


def screen(
    lq: pd.DataFrame,
    rules: ScreeningRules,
    *,
    metrics: Mapping[str, pd.DataFrame] | None = None,
    measure_name: str = "measure",
    rule_sets: Sequence[str] | None = None,
) -> ScreeningResult:
    """Evaluate rule sets on every region × sector cell.

    Parameters
    ----------
    lq
        Location quotients, regions × sectors (the grid every other metric is aligned to).
    rules
        Validated rules (see :func:`criteria.regional.screening_rules.load_screening_rules`).
    metrics
        Further grids by metric name: ``measure``, ``regional_share`` and other measures.
    measure_name
        The report's measure, used in reasons and to check ``intended_measure``.
    rule_sets
        Ids of the rule sets to apply (all by default).

    References
    ----------
    European Cluster Observatory, "Evaluation of regional cluster strength" (stars for size,
    specialisation and focus), clusterobservatory.eu. U.S. Cluster Mapping Project (Harvard
    Business School), strong-cluster screening by specialisation percentile with employment
    and establishment floors. Seed 003: LQ > 1 marks sectors that may form clusters.
    """
    grids: dict[str, pd.DataFrame] = {"lq": lq}
    for k, g in (metrics or {}).items():
        grids[k] = g.reindex(index=lq.index, columns=lq.columns).astype(float)
    chosen = rules.rule_sets if rule_sets is None else [rules.get(i) for i in rule_sets]
    regions = np.repeat(lq.index.astype(str).to_numpy(), lq.shape[1])
    sectors = np.tile(lq.columns.astype(str).to_numpy(), lq.shape[0])
    details: list[pd.DataFrame] = []
    summaries: list[pd.DataFrame] = []
    notes: list[str] = []
    for rs in chosen:
        lacking = sorted(rs.metrics() - grids.keys())
        if lacking:
            notes.append(
                _(
                    "rule set {rule_set!r} skipped: the table has no {lacking} "
                    "(available: {available})"
                ).format(rule_set=rs.id, lacking=lacking, available=sorted(grids))
            )
            continue
        if rs.intended_measure and rs.intended_measure != measure_name:
            notes.append(
                _(
                    "rule set {rule_set!r} is defined on {intended}; it was applied to {measure!r}"
                ).format(rule_set=rs.id, intended=rs.intended_measure, measure=measure_name)
            )
        summaries.append(_apply(rs, grids, measure_name, regions, sectors, details))
    detail = (
        pd.concat(details, ignore_index=True)
        if details
        else pd.DataFrame(
            columns=["region_id", "sector_id", "rule_set", "rule", "passed", "reason"]
        )
    )
    summary = (
        pd.concat(summaries, ignore_index=True)
        if summaries
        else pd.DataFrame(
            columns=["region_id", "sector_id", "rule_set", "passed", "score", "rules_passed"]
        )
    )
    return ScreeningResult(detail, summary, tuple(notes))


def _apply(
    rs: RuleSet,
    grids: Mapping[str, pd.DataFrame],
    measure_name: str,
    regions: np.ndarray,
    sectors: np.ndarray,
    details: list[pd.DataFrame],
) -> pd.DataFrame:
    score = np.zeros(regions.size, dtype=int)
    names: list[list[str]] = [[] for _unused in range(regions.size)]
    for rule in rs.rules:
        passed = np.ones(regions.size, dtype=bool)
        parts: list[list[str]] = []
        for cond in rule.all_of:
            mask, reasons = _condition(cond, grids[cond.metric], measure_name)
            passed &= mask.ravel()
            parts.append(reasons)
        reason = ["; ".join(r) for r in zip(*parts, strict=True)]
        details.append(
            pd.DataFrame(
                {
                    "region_id": regions,
                    "sector_id": sectors,
                    "rule_set": rs.id,
                    "rule": rule.id,
                    "passed": passed,
                    "reason": reason,
                }
            )
        )
        score += passed
        for k in np.flatnonzero(passed):
            names[k].append(rule.id)
    return pd.DataFrame(
        {
            "region_id": regions,
            "sector_id": sectors,
            "rule_set": rs.id,
            "passed": score > 0,
            "score": score,
            "rules_passed": [", ".join(n) for n in names],
        }
    )
