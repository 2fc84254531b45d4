"""Exports of what the Ranking page shows: a CSV of the ranking and an Excel workbook.

Both carry the settings that produced the numbers. The CSV is one row per candidate in rank
order with the method and its full settings line in every row, so a row copied elsewhere still
says where it came from. The workbook has four sheets:

``inputs``
    The decision matrix (candidates × criteria, units and directions in the headers); imputed
    cells are filled amber and illustrative cells lilac, with a legend under the table.
``criteria and weights``
    Each criterion's group, direction, unit, source and its group, local and global weight.
``results``
    The ranking: rank, id, name, score, change in rank since the baseline.
``settings``
    Every setting (method, weights, data) and every note.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.reports.cells import csv_bytes, safe_text, workbook_bytes
from clusterrank.reports.settings_sheet import settings_frame

IMPUTED_FILL = PatternFill("solid", start_color="FFE7B3", end_color="FFE7B3")
ILLUSTRATIVE_FILL = PatternFill("solid", start_color="E5D4F5", end_color="E5D4F5")
SHEETS: tuple[str, ...] = ("inputs", "criteria and weights", "results", "settings")


def direction_word(sign: int) -> str:
    """``benefit`` for a positive direction, ``cost`` otherwise."""
    return "benefit" if sign > 0 else "cost"


def results_frame(report: RankingReport, changes: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The ranking in rank order.

    ``rank, id, name, score`` and, given a baseline, ``rank_change`` (places moved up since it;
    positive is better).
    """
    frame = report.to_frame()[["rank", "id", "name", "score"]]
    if changes is not None:
        moves: list[int | None] = [changes.get(str(i)) for i in frame["id"]]
        frame = frame.assign(rank_change=pd.array(moves, dtype="Int64"))
    return frame


def ranking_csv(report: RankingReport, changes: Mapping[str, int] | None = None) -> bytes:
    """The ranking as UTF-8 CSV with ``method`` and ``settings`` columns on every row.

    Written by :func:`reports.cells.csv_bytes`: a byte-order mark so spreadsheet programs
    show Cyrillic names intact, and formula-like names neutralised.
    """
    frame = results_frame(report, changes).assign(
        method=report.result.method, settings=report.settings_line()
    )
    return csv_bytes(frame)


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


def ranking_settings_frame(report: RankingReport, scenario: Scenario) -> pd.DataFrame:
    """Every setting of a ranking as ``section, setting, value`` rows, then the notes."""
    scenario_rows = {
        "id": scenario.id,
        "title": scenario.title,
        "criteria set": scenario.criteria_set.id,
    }
    return settings_frame(
        [
            ("scenario", scenario_rows),
            ("method", {"name": report.result.method}),
            *report.settings.items(),
            ("all", {"settings line": report.settings_line()}),
        ],
        report.notes,
    )


def workbook(
    scenario: Scenario,
    matrix: DecisionMatrix,
    weights: WeightReport,
    report: RankingReport,
    changes: Mapping[str, int] | None = None,
) -> bytes:
    """The Excel workbook (``.xlsx`` bytes) with the sheets named in :data:`SHEETS`.

    Written by :func:`reports.cells.workbook_bytes` (formula-like text neutralised).
    """
    frames = {
        "inputs": inputs_frame(matrix),
        "criteria and weights": criteria_frame(scenario, weights),
        "results": results_frame(report, changes),
        "settings": ranking_settings_frame(report, scenario),
    }
    return workbook_bytes(frames, lambda sheets: _mark_cells(sheets["inputs"], matrix))


def _mark_cells(sheet: Worksheet, matrix: DecisionMatrix) -> None:
    """Colour imputed and illustrative cells of the inputs sheet and add a legend."""
    m, n = matrix.shape
    for i in range(m):
        for j in range(n):
            cell = sheet.cell(row=i + 2, column=j + 3)
            if matrix.illustrative[i, j]:
                cell.fill = ILLUSTRATIVE_FILL
            elif matrix.imputed[i, j]:
                cell.fill = IMPUTED_FILL
    row = m + 3
    sheet.cell(row=row, column=1, value="imputed").fill = IMPUTED_FILL
    sheet.cell(
        row=row,
        column=2,
        value=f"{int(matrix.imputed.sum())} cell(s) filled by the missing-data policy",
    )
    sheet.cell(row=row + 1, column=1, value="illustrative").fill = ILLUSTRATIVE_FILL
    sheet.cell(
        row=row + 1,
        column=2,
        value=f"{int(matrix.illustrative.sum())} cell(s) illustrative, not from a source",
    )
    for k, note in enumerate(matrix.notes):
        sheet.cell(row=row + 3 + k, column=1, value=safe_text(note))
