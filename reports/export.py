"""Exports of what the Ranking page shows: a CSV of the ranking and an Excel workbook.

Both carry the settings that produced the numbers. The CSV is one row per candidate in rank
order with its data quality, the method and its full settings line in every row, so a row
copied elsewhere still says where it came from. The workbook (:func:`workbook`) has the
sheets of :data:`SHEETS`, plus :data:`AHP_SHEETS` when the weights come from AHP judgments:

``inputs``
    The decision matrix (candidates × criteria, names beside ids, units and directions in the
    headers); imputed cells are filled amber and illustrative cells lilac, with a legend.
``sources``
    One row per figure: candidate id and name, criterion, value, unit, its source (the data
    file's ``*.sources.csv``, else the scenario's provenance) and status.
``criteria and weights``
    Each criterion's group, direction, unit, source and its group, local and global weight.
``weight source``
    Which editor made the weights (criteria set, scenario file, sliders, AHP judgments,
    objective method, expert panel with round, aggregation and consensus) and its settings.
``AHP judgments``, ``AHP consistency``
    Every pairwise judgment (titles beside ids) and each matrix's consistency ratio.
``results``
    The ranking: rank, id, name, score rounded to :data:`SCORE_DECIMALS` decimals for reading
    (the full-precision score in the hidden column ``score_full``, said in a note on the
    header), data quality, change in rank since the baseline.
``settings``
    The export's date and clusterrank version, the scenario's hash, every setting (method,
    weights, data) and every note.

The file is named by :func:`workbook_file_name` (``clusterrank-report_<scenario>_<method>_
<date>.xlsx``), never like a shipped scenario.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from clusterrank.analysis.provenance import (
    WeightSource,
    export_file_name,
    export_stamp,
    figure_sources,
    scenario_hash,
    weight_source,
)
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _, pgettext
from clusterrank.reports.cells import csv_bytes, workbook_bytes
from clusterrank.reports.headings import translated
from clusterrank.reports.provenance_sheets import (
    AHP_CONSISTENCY,
    AHP_JUDGMENTS,
    SOURCES,
    WEIGHT_SOURCE,
    ahp_sheets,
    weight_source_frame,
)
from clusterrank.reports.settings_sheet import settings_frame
from clusterrank.reports.workbook_style import (
    FULL_SCORE,
    ILLUSTRATIVE_FILL,
    IMPUTED_FILL,
    SCORE_DECIMALS,
    mark_inputs,
    mark_sources,
    round_scores,
    rounding_note,
)

__all__ = [
    "AHP_SHEETS",
    "ILLUSTRATIVE_FILL",
    "IMPUTED_FILL",
    "SCORE_DECIMALS",
    "SHEETS",
    "criteria_frame",
    "inputs_frame",
    "ranking_csv",
    "results_frame",
    "workbook",
    "workbook_file_name",
]

SHEETS: tuple[str, ...] = (
    "inputs",
    SOURCES,
    "criteria and weights",
    WEIGHT_SOURCE,
    "results",
    "settings",
)
"""The sheets every workbook has, in order."""
AHP_SHEETS: tuple[str, ...] = (AHP_JUDGMENTS, AHP_CONSISTENCY)
"""Added after ``weight source`` when the weights come from AHP judgments."""


def direction_word(sign: int) -> str:
    """``benefit`` for a positive direction, ``cost`` otherwise (in the current language)."""
    return (
        pgettext("criterion direction", "benefit")
        if sign > 0
        else pgettext("criterion direction", "cost")
    )


def results_frame(report: RankingReport, changes: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The ranking in rank order.

    ``rank, id, name, score``; given a baseline, ``rank_change`` (places moved up since it;
    positive is better); when the report knows its data quality, ``imputed`` (``"4 of 6"``),
    ``assessable`` (``yes`` / ``no``) and the ``reason`` a candidate is not assessable.
    """
    frame = report.to_frame()[["rank", "id", "name", "score"]]
    if changes is not None:
        moves: list[int | None] = [changes.get(str(i)) for i in frame["id"]]
        frame = frame.assign(rank_change=pd.array(moves, dtype="Int64"))
    if report.quality:
        found = [report.quality_of(str(i)) for i in frame["id"]]
        frame = frame.assign(
            imputed=[q.count if q else "" for q in found],
            assessable=[_("yes") if q is None or q.assessable else _("no") for q in found],
            reason=[q.reason if q else "" for q in found],
        )
    return frame


def ranking_csv(report: RankingReport, changes: Mapping[str, int] | None = None) -> bytes:
    """The ranking as UTF-8 CSV with ``method`` and ``settings`` columns on every row.

    Written by :func:`reports.cells.csv_bytes`: a byte-order mark so spreadsheet programs
    show Cyrillic names intact, and formula-like names neutralised. Scores keep full
    precision, with a point as the decimal mark (a CSV is also read by programs). This CSV
    is a document a person opens in a spreadsheet, so its column headings (and the words
    ``yes``/``no``) are in the current language: Russian headings when the language is
    ``ru``; the method's id and its settings line stay as they are. The JSON output keeps
    English keys.
    """
    frame = results_frame(report, changes).assign(
        method=report.result.method, settings=report.settings_line()
    )
    return csv_bytes(translated(frame))


def results_sheet_frame(
    report: RankingReport, changes: Mapping[str, int] | None = None
) -> pd.DataFrame:
    """:func:`results_frame` with ``score`` rounded for reading and ``score_full`` kept last."""
    frame = results_frame(report, changes)
    full = frame["score"].astype(float)
    return frame.assign(score=full.round(SCORE_DECIMALS), **{FULL_SCORE: full})


def inputs_frame(matrix: DecisionMatrix) -> pd.DataFrame:
    """The decision matrix with headers ``title [unit] (direction)``."""
    headers = [
        f"{t} [{u}] ({direction_word(int(d))})" if u else f"{t} ({direction_word(int(d))})"
        for t, u, d in zip(matrix.criterion_titles, matrix.units, matrix.directions, strict=True)
    ]
    frame = pd.DataFrame(matrix.values, columns=headers)
    frame.insert(0, "name", list(matrix.candidate_names))
    frame.insert(0, "id", list(matrix.candidates))
    return frame


def criteria_frame(scenario: Scenario, weights: WeightReport) -> pd.DataFrame:
    """One row per criterion: group, title, direction, unit, source and its three weights."""
    cs = scenario.criteria_set
    group_w, local_w, global_w = weights.group_map(), weights.local_map(), weights.as_map()
    rows = []
    for group in cs.groups:
        for c in group.criteria:
            rows.append(
                {
                    "criterion": c.id,
                    "title": c.title or c.id,
                    "group": group.title or group.id,
                    "direction": c.direction,
                    "unit": c.unit,
                    "source": c.source or "",
                    "group_weight": group_w[group.id],
                    "local_weight": local_w[c.id],
                    "global_weight": global_w[c.id],
                }
            )
    return pd.DataFrame(rows)


def ranking_settings_frame(
    report: RankingReport,
    scenario: Scenario,
    *,
    stamp: Mapping[str, str] | None = None,
    source: WeightSource | None = None,
    digest: str | None = None,
) -> pd.DataFrame:
    """Every setting of a ranking as ``section, setting, value`` rows, then the notes.

    With ``stamp`` (:func:`analysis.provenance.export_stamp`) and ``digest`` (the scenario's
    hash) an ``export`` section comes first; with ``source`` a ``weight source`` section says
    which editor made the weights.
    """
    scenario_rows = {
        "id": scenario.id,
        "title": scenario.title,
        "criteria set": scenario.criteria_set.id,
    }
    export_rows = dict(stamp or {})
    if digest:
        export_rows["scenario hash"] = digest
    head = [("export", export_rows)] if export_rows else []
    said = [("weight source", {"from": source.kind, "in words": source.summary})] if source else []
    return settings_frame(
        [
            *head,
            ("scenario", scenario_rows),
            *said,
            ("method", {"name": report.result.method}),
            *report.settings.items(),
            ("all", {"settings line": report.settings_line()}),
            ("results", {"score": rounding_note()}),
        ],
        report.notes,
    )


def workbook(
    scenario: Scenario,
    matrix: DecisionMatrix,
    weights: WeightReport,
    report: RankingReport,
    changes: Mapping[str, int] | None = None,
    *,
    source: WeightSource | None = None,
    panel: str | None = None,
    editor: str | None = None,
    stamp: Mapping[str, str] | None = None,
    extra: Mapping[str, pd.DataFrame] | None = None,
) -> bytes:
    """The Excel workbook (``.xlsx`` bytes) with the sheets of :data:`SHEETS` (and AHP's).

    Parameters
    ----------
    scenario, matrix, weights, report
        The scenario, its decision matrix, the weights in use and the ranking made with them.
    changes
        Places moved up since a baseline, by candidate id (the ``rank_change`` column).
    source
        Where the weights came from (:func:`analysis.provenance.weight_source`); by default
        computed from ``weights`` with ``panel`` and ``editor``.
    panel
        An expert panel's label (:func:`analysis.provenance.panel_label`) when the weights are
        a panel's applied result.
    editor
        The app's weight editor (``sliders``, ``ahp``, ``objective``), to tell sliders from
        weights typed in the scenario file.
    stamp
        :func:`analysis.provenance.export_stamp` (default: now).
    extra
        More sheets, by name, written after ``results`` (e.g. sensitivity tables of
        :func:`reports.sensitivity_export.sensitivity_sheets`); a name already used is refused.

    Written by :func:`reports.cells.workbook_bytes` (formula-like text neutralised).
    """
    source = source or weight_source(weights, panel=panel, editor=editor)
    settings = ranking_settings_frame(
        report,
        scenario,
        stamp=stamp or export_stamp(),
        source=source,
        digest=scenario_hash(scenario, matrix),
    )
    figures = figure_sources(scenario, matrix)
    frames: dict[str, pd.DataFrame] = {
        "inputs": inputs_frame(matrix),
        SOURCES: figures,
        "criteria and weights": criteria_frame(scenario, weights),
        WEIGHT_SOURCE: weight_source_frame(source),
        **ahp_sheets(source, scenario),
        "results": results_sheet_frame(report, changes),
    }
    for name, frame in (extra or {}).items():
        if name in frames or name == "settings":
            msg = f"extra sheet {name!r} would replace a sheet of the workbook; rename it"
            raise ValueError(msg)
        frames[name] = frame
    frames["settings"] = settings

    def decorate(sheets: Mapping[str, Worksheet]) -> None:
        mark_inputs(sheets["inputs"], matrix)
        mark_sources(sheets[SOURCES], figures)
        round_scores(sheets["results"], frames["results"])

    return workbook_bytes(frames, decorate)


def workbook_file_name(scenario_id: str, method: str, day: date | None = None) -> str:
    """``clusterrank-report_<scenario>_<method>_<YYYY-MM-DD>.xlsx``: never a scenario's name."""
    return export_file_name(scenario_id, method, "xlsx", kind="report", day=day)
