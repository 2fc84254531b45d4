"""Build the decision matrix of a scenario: data -> missing-data policy -> criteria.

Steps, each echoed in the matrix's notes:

1. read the figures (`criteria.data_sources.read_data_and_notes`, a numpy table: building a
   matrix imports no pandas);
2. check expert scores lie on their declared scales;
3. apply ``missing_data``: ``reject`` lists every missing cell; ``drop_candidate`` drops
   each candidate with a gap; ``impute_worst`` fills a gap with the worst observed value of
   that data key given its direction; ``impute_mean`` with the mean of the observed values;
4. combine indicators into criteria: ``single`` takes the one indicator, ``sum`` adds them,
   ``weighted_mean`` min-max scales each indicator to 0..1 across the candidates (cost
   flipped so 1 is best) and averages them with the normalised indicator weights;
5. mark cells whose data key's provenance is illustrative.

A constant criterion is allowed here (the ranking methods note it).

References
----------
OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User
Guide*. OECD Publishing. Step 4 (imputation of missing data: case deletion, unconditional
mean substitution) and step 5 (normalisation: min-max rescaling to [0, 1]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from clusterrank.criteria.data_sources import DataTable, read_data_and_notes
from clusterrank.criteria.decision_matrix import CellNote, DecisionMatrix
from clusterrank.criteria.models.common import direction_sign
from clusterrank.criteria.models.criteria_set import CriteriaSet, Criterion
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.shown import short
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _, ngettext

if TYPE_CHECKING:
    import pandas as pd


def decision_matrix(scenario: Scenario, data: pd.DataFrame | None = None) -> DecisionMatrix:
    """The candidates × criteria matrix of a validated scenario, ready for ranking.

    Parameters
    ----------
    scenario
        A validated scenario (``criteria.load_scenario``).
    data
        Optional pre-read table (candidates × data keys, NaN = missing); by default the
        scenario's data file and inline values are read.

    Raises
    ------
    ValidationFailed
        Every problem at once: unreadable data, scores off their scale, missing cells
        under ``reject``, or no candidate left under ``drop_candidate``.
    """
    cs = scenario.criteria_set
    name = scenario.source_name
    table, read_notes = (
        (DataTable.from_frame(data, scenario.candidate_ids, cs.data_keys), ())
        if data is not None
        else read_data_and_notes(scenario.data, scenario.candidate_ids, cs.data_keys, name)
    )
    problems = _scale_problems(cs, table, name)
    if problems:
        raise ValidationFailed(problems)
    table, imputed, cell_notes, notes = _apply_policy(table, scenario, name)
    values, titles, units, note_combine = _combine(cs, table)
    illustrative, ill_notes, ill_msgs = _illustrative(scenario, table)
    crit_imputed = np.column_stack(
        [imputed[:, [table.keys.index(k) for k in c.data_keys]].any(axis=1) for c in cs.criteria]
    )
    names = {c.id: c.label for c in scenario.candidates}
    return DecisionMatrix(
        values=values,
        directions=np.array(
            [
                1 if c.combine_rule == "weighted_mean" else direction_sign(c.direction)
                for c in cs.criteria
            ],
            dtype=int,
        ),
        candidates=tuple(str(i) for i in table.candidates),
        candidate_names=tuple(names[str(i)] for i in table.candidates),
        criteria=cs.criterion_ids,
        criterion_titles=titles,
        units=units,
        groups=tuple(cs.group_of(c.id).id for c in cs.criteria),
        imputed=crit_imputed,
        illustrative=illustrative,
        cell_notes=(*cell_notes, *ill_notes),
        notes=(*read_notes, *notes, *note_combine, *ill_msgs),
    )


def _scale_problems(cs: CriteriaSet, table: DataTable, name: str) -> list[Problem]:
    out: list[Problem] = []
    for c in cs.criteria:
        scale = c.expert_scale
        if scale is None:
            continue
        for cand, value in zip(table.candidates, table.column(c.id).tolist(), strict=True):
            if not np.isnan(value) and not scale.min <= value <= scale.max:
                msg = _(
                    "score {value} for candidate {candidate!r}, criterion {criterion!r} lies "
                    "outside its scale {low}..{high}"
                ).format(
                    value=short(value),
                    candidate=cand,
                    criterion=c.id,
                    low=short(scale.min),
                    high=short(scale.max),
                )
                out.append(Problem(name, _cell_place(cand, c.id), msg))
    return out


def _cell_place(candidate: object, key: str) -> str:
    """Where a cell of the data is, for a Problem's location."""
    return _("data: candidate {candidate}, key {key}").format(candidate=candidate, key=key)


def _apply_policy(
    table: DataTable, scenario: Scenario, name: str
) -> tuple[DataTable, np.ndarray, list[CellNote], list[str]]:
    policy = scenario.missing_data
    missing = np.isnan(table.cells)
    imputed = np.zeros(missing.shape, dtype=bool)
    cands, keys = list(table.candidates), list(table.keys)
    rows, cols = np.nonzero(missing)  # row by row, as the cells are listed
    gaps = [(cands[i], keys[j]) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]
    if not gaps:
        return table, imputed, [], []
    if policy == "reject":
        raise ValidationFailed(
            Problem(
                name,
                _cell_place(c, k),
                _(
                    "no value for candidate {candidate!r}, key {key!r}; fill it, or set "
                    "missing_data: drop_candidate | impute_worst | impute_mean"
                ).format(candidate=c, key=k),
            )
            for c, k in gaps
        )
    if policy == "drop_candidate":
        notes: list[CellNote] = []
        gap_rows = np.asarray(missing.any(axis=1), dtype=bool)
        for i in np.flatnonzero(gap_rows).tolist():
            cand = cands[i]
            absent = [k for k, gap in zip(keys, missing[i].tolist(), strict=True) if gap]
            msg = _("candidate {candidate!r} dropped: no value for {keys}").format(
                candidate=cand, keys=", ".join(absent)
            )
            notes.append(CellNote(cand, ", ".join(absent), "dropped_candidate", None, msg))
        kept = table.rows(~gap_rows)
        if not kept.candidates:
            msg = _(
                "every candidate has a missing value, so drop_candidate leaves none; "
                "fill the data or set missing_data: impute_worst | impute_mean"
            )
            raise ValidationFailed.single(name, "missing_data", msg)
        summary = ngettext(
            "missing_data: drop_candidate dropped {dropped} of {count} candidate",
            "missing_data: drop_candidate dropped {dropped} of {count} candidates",
            len(cands),
        ).format(dropped=len(notes), count=len(cands))
        return kept, imputed[~gap_rows], notes, [summary]
    return _impute(table, scenario, name, gaps)


def _impute(
    table: DataTable, scenario: Scenario, name: str, gaps: list[tuple[str, str]]
) -> tuple[DataTable, np.ndarray, list[CellNote], list[str]]:
    policy = scenario.missing_data
    cs = scenario.criteria_set
    filled = DataTable(table.candidates, table.keys, table.cells.copy())
    imputed = np.isnan(table.cells)
    problems: list[Problem] = []
    fill: dict[str, float] = {}
    for key in sorted({k for _cand, k in gaps}, key=table.keys.index):
        column = table.column(key)
        observed = column[~np.isnan(column)]
        if observed.size == 0:
            msg = _(
                "no candidate has a value for key {key!r}, so {policy} has nothing to fill "
                "from; give at least one candidate a figure (an expert-scored criterion gets "
                "its scores from a panel or typed in)"
            ).format(key=key, policy=policy)
            problems.append(Problem(name, _("data: key {key}").format(key=key), msg))
            continue
        if policy == "impute_mean":
            fill[key] = float(observed.mean())
        else:
            cost = cs.key_direction(key) == "cost"
            fill[key] = float(observed.max() if cost else observed.min())
    if problems:
        raise ValidationFailed(problems)
    mean = policy == "impute_mean"
    action = "imputed_mean" if mean else "imputed_worst"
    notes = []
    row_of = {c: i for i, c in enumerate(table.candidates)}
    for cand, key in gaps:
        filled.cells[row_of[cand], table.keys.index(key)] = fill[key]
        msg = (
            _(
                "{key} for {candidate} was missing; filled with the mean of the observed "
                "values ({value})"
            )
            if mean
            else _(
                "{key} for {candidate} was missing; filled with the worst observed value ({value})"
            )
        ).format(key=key, candidate=cand, value=short(fill[key]))
        notes.append(CellNote(cand, key, action, fill[key], msg))
    return filled, imputed, notes, [_imputed_summary(policy, len(gaps))]


def _imputed_summary(policy: str, count: int) -> str:
    """The note saying how many cells ``policy`` filled, and with what."""
    if policy == "impute_mean":
        text = ngettext(
            "missing_data: {policy} filled {count} cell(s) with the mean of the observed values",
            "missing_data: {policy} filled {count} cell(s) with the mean of the observed values",
            count,
        )
    else:
        text = ngettext(
            "missing_data: {policy} filled {count} cell(s) with the worst observed value",
            "missing_data: {policy} filled {count} cell(s) with the worst observed value",
            count,
        )
    return text.format(policy=policy, count=count)


def _combine(
    cs: CriteriaSet, table: DataTable
) -> tuple[np.ndarray, tuple[str, ...], tuple[str, ...], list[str]]:
    columns: list[np.ndarray] = []
    titles: list[str] = []
    units: list[str] = []
    notes: list[str] = []
    for c in cs.criteria:
        col, unit = _criterion_column(c, table, notes)
        columns.append(col)
        titles.append(c.title or c.id)
        units.append(unit)
    values = (
        np.column_stack(columns).astype(float) if columns else np.empty((len(table.candidates), 0))
    )
    return values, tuple(titles), tuple(units), notes


def _criterion_column(c: Criterion, table: DataTable, notes: list[str]) -> tuple[np.ndarray, str]:
    rule = c.combine_rule
    if rule == "expert" and c.expert_scale is not None:
        scale = c.expert_scale
        default = _("score {low}..{high}").format(low=short(scale.min), high=short(scale.max))
        return table.column(c.id).copy(), c.unit or default
    inds = c.indicators or ()
    if rule == "single":
        return table.column(inds[0].id).copy(), c.unit or inds[0].unit
    if rule == "sum":
        return table.columns([i.id for i in inds]).sum(axis=1), c.unit or inds[0].unit
    weights = np.array([i.weight for i in inds], dtype=float)
    weights = weights / weights.sum()
    scaled = []
    for ind in inds:
        x = table.column(ind.id)
        lo, hi = float(x.min()), float(x.max())
        if hi > lo:
            s = (x - lo) / (hi - lo)
            scaled.append(1.0 - s if c.indicator_direction(ind) == "cost" else s)
        else:
            scaled.append(np.full_like(x, 0.5))
            notes.append(
                _(
                    "indicator {indicator} is the same for every candidate ({value}); it scores "
                    "{half} for all in criterion {criterion} (it cannot separate them)"
                ).format(indicator=ind.id, value=short(lo), half=short(0.5), criterion=c.id)
            )
    unit = _("score {low}..{high}").format(low=short(0), high=short(1))
    return np.column_stack(scaled) @ weights, unit


def _illustrative(
    scenario: Scenario, table: DataTable
) -> tuple[np.ndarray, list[CellNote], list[str]]:
    cs = scenario.criteria_set
    prov = scenario.data.provenance
    mask = np.zeros((len(table.candidates), len(cs.criteria)), dtype=bool)
    cell_notes: list[CellNote] = []
    notes: list[str] = []
    for j, c in enumerate(cs.criteria):
        for key in c.data_keys:
            p = prov.get(key)
            if p is None or not p.illustrative:
                continue
            mask[:, j] = True
            notes.append(
                _(
                    "criterion {criterion} uses illustrative figures ({key}: {source}); "
                    "replace them with real figures before any decision"
                ).format(criterion=c.id, key=key, source=p.source)
            )
            for cand, value in zip(table.candidates, table.column(key).tolist(), strict=True):
                msg = _("{key} for {candidate} is illustrative, not from a source").format(
                    key=key, candidate=cand
                )
                cell_notes.append(CellNote(str(cand), key, "illustrative", float(value), msg))
    unsourced = [k for k in cs.data_keys if k not in prov]
    if unsourced:
        notes.append(
            _("no provenance given for data keys: {keys}").format(keys=", ".join(unsourced))
        )
    return mask, cell_notes, notes
