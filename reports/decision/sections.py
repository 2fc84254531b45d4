"""The report's plain sections: candidates, ranking rows, the criteria tree, data and settings.

Each function turns what the analysis produced into one part of the
:class:`~reports.decision.model.DecisionReport`; nothing here computes a decision number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from clusterrank.analysis.quality import CandidateQuality, data_quality
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import N_, _, formats
from clusterrank.reports.decision.model import (
    Candidate,
    CriterionRow,
    DataCell,
    DataPart,
    DataRow,
    RankRow,
    Table,
)
from clusterrank.reports.headings import column, section, status_word

POLICY_WORDS: Mapping[str, str] = {
    "reject": N_("no missing figure allowed (reject)"),
    "impute_worst": N_("a missing figure takes the worst observed value of its criterion"),
    "impute_mean": N_("a missing figure takes the mean of its criterion"),
    "drop_candidate": N_("a candidate with a missing figure is left out"),
}
"""The missing-data policies in plain words (marked only: shown through ``_()``)."""
LISTED_NAMES = 6
"""A source used by at most this many candidates' figures lists their names."""


def candidates(scenario: Scenario, matrix: DecisionMatrix) -> tuple[Candidate, ...]:
    """The candidates ranked (those the data kept), with their regions."""
    by_id = {c.id: c for c in scenario.candidates}
    return tuple(
        Candidate(cid, name, (by_id[cid].region or "") if cid in by_id else "")
        for cid, name in zip(matrix.candidates, matrix.candidate_names, strict=True)
    )


def quality_by_id(report: RankingReport, matrix: DecisionMatrix) -> dict[str, CandidateQuality]:
    """Candidate id -> its data quality (the report's own, else computed from the matrix)."""
    found = report.quality or data_quality(matrix)
    return {q.candidate: q for q in found}


def ranking_rows(report: RankingReport, matrix: DecisionMatrix) -> tuple[RankRow, ...]:
    """The ranking in rank order, each row with the data quality behind the place."""
    quality = quality_by_id(report, matrix)
    frame = report.to_frame()
    rows = []
    for _index, r in frame.iterrows():
        cid = str(r["id"])
        q = quality[cid]
        rows.append(
            RankRow(
                rank=int(r["rank"]),
                candidate=cid,
                name=str(r["name"]),
                score=float(r["score"]),
                assessable=q.assessable,
                quality=q.label,
                reason=q.reason,
                imputed=q.imputed,
                illustrative=q.illustrative,
            )
        )
    return tuple(rows)


def criteria_rows(scenario: Scenario, weights: WeightReport) -> tuple[CriterionRow, ...]:
    """The criteria tree, group by group, with group, local and global weights."""
    gw, lw, w = weights.group_map(), weights.local_map(), weights.as_map()
    return tuple(
        CriterionRow(
            group=g.title or g.id,
            group_weight=gw[g.id],
            criterion=c.id,
            title=c.title or c.id,
            direction=c.direction,
            unit=c.unit,
            source=c.source or scenario.criteria_set.source,
            local_weight=lw[c.id],
            weight=w[c.id],
        )
        for g in scenario.criteria_set.groups
        for c in g.criteria
    )


def data_part(
    scenario: Scenario, matrix: DecisionMatrix, order: tuple[str, ...], figures: pd.DataFrame
) -> DataPart:
    """The figures in rank order (``order``: candidate ids), each marked, and their sources.

    ``figures`` is :func:`analysis.provenance.figure_sources` of the scenario.
    """
    index = {cid: i for i, cid in enumerate(matrix.candidates)}
    values = np.asarray(matrix.values, dtype=float)
    status = {(str(r.candidate), str(r.criterion)): str(r.status) for r in figures.itertuples()}
    columns = tuple(
        f"{t} [{u}]" if u else t for t, u in zip(matrix.criterion_titles, matrix.units, strict=True)
    )
    rows = []
    for cid in order:
        i = index[cid]
        cells = tuple(
            DataCell(float(values[i, j]), status.get((cid, crit), "reported"))
            for j, crit in enumerate(matrix.criteria)
        )
        rows.append(DataRow(cid, matrix.candidate_names[i], cells))
    policy = str(scenario.missing_data)
    return DataPart(
        columns=columns,
        rows=tuple(rows),
        sources=sources_table(figures, len(matrix.candidates)),
        imputed=int(matrix.imputed.sum()),
        illustrative=int(matrix.illustrative.sum()),
        cells=int(values.size),
        policy=_(POLICY_WORDS[policy]) if policy in POLICY_WORDS else policy,
    )


def sources_table(figures: pd.DataFrame, m: int) -> Table:
    """Every figure's source, grouped: one row per criterion, source and status.

    The last column says whose figures they are: all candidates', or the names when few.
    """
    rows: list[tuple[Any, ...]] = []
    heads = (column("criterion"), column("source"), column("status"), column("figures"))
    if figures.empty:
        return Table(heads, ())
    order = {c: k for k, c in enumerate(dict.fromkeys(figures["criterion"]))}
    figures = figures.sort_values("criterion", key=lambda s: s.map(order), kind="stable")
    grouped = figures.groupby(["title", "source", "status"], sort=False, dropna=False)
    for (title, source, status), part in grouped:
        names = list(dict.fromkeys(str(n) for n in part["name"]))
        if len(part) == m:
            whose = _("all {count}").format(count=formats.integer(m))
        elif len(names) <= LISTED_NAMES:
            whose = "; ".join(names)
        else:
            whose = _("{count} of {total}").format(
                count=formats.integer(len(part)), total=formats.integer(m)
            )
        rows.append((str(title), str(source), status_word(str(status)), whose))
    return Table(heads, tuple(rows))


def settings_rows(
    report: RankingReport, extra: Mapping[str, Mapping[str, Any]]
) -> tuple[tuple[str, str, str], ...]:
    """Every setting behind the report as ``(section, setting, value)`` rows, values as text.

    Section names are in the current language; setting names stay as the files write them.
    """
    rows: list[tuple[str, str, str]] = [(section("method"), "name", report.result.method)]
    groups: dict[str, Any] = {**dict(report.settings), **dict(extra)}
    for name, values in groups.items():
        if isinstance(values, Mapping):
            rows += [(section(str(name)), str(k), _text(v)) for k, v in values.items()]
        else:
            rows.append((section(str(name)), "", _text(values)))
    return tuple(rows)


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}".replace(".", formats.decimal_mark())
    return str(value)
