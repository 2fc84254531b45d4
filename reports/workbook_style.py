"""Colours and number formats of the ranking workbook (:func:`reports.export.workbook`).

Imputed figures amber and illustrative ones lilac, on the inputs and the sources sheets
alike, with a legend under the inputs; scores shown with fixed decimals while the full
precision stays in a hidden column, said in a note on the score header. Text written here
passes :func:`reports.cells.safe_text`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clusterrank.analysis.provenance import FIGURE_COLUMNS
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.i18n import _, ngettext, pgettext
from clusterrank.reports.cells import safe_text
from clusterrank.reports.headings import status_word

IMPUTED_FILL = PatternFill("solid", start_color="FFE7B3", end_color="FFE7B3")
ILLUSTRATIVE_FILL = PatternFill("solid", start_color="E5D4F5", end_color="E5D4F5")
STATUS_FILLS: Mapping[str, PatternFill] = {
    "imputed": IMPUTED_FILL,
    "illustrative": ILLUSTRATIVE_FILL,
}
SCORE_DECIMALS = 4
"""Decimals of the ``score`` column on the results sheet (as the app shows scores)."""
FULL_SCORE = "score_full"
"""The hidden column holding each score at full precision."""


def rounding_note() -> str:
    """What the results sheet's score header says about rounding (current language)."""
    return _(
        "rounded to {decimals} decimals for reading; the full-precision score is in the "
        "hidden column «{column}» of the «{sheet}» sheet (unhide it to see it)"
    ).format(
        decimals=SCORE_DECIMALS,
        column=pgettext("column", FULL_SCORE),
        sheet=pgettext("sheet", "results"),
    )


def round_scores(sheet: Worksheet, frame: pd.DataFrame) -> None:
    """Show ``score`` with fixed decimals, hide ``score_full``, say so on the score header."""
    columns = list(frame.columns)
    score = columns.index("score") + 1
    full = columns.index(FULL_SCORE) + 1
    for row in range(2, len(frame) + 2):
        sheet.cell(row=row, column=score).number_format = "0." + "0" * SCORE_DECIMALS
    sheet.column_dimensions[get_column_letter(full)].hidden = True
    sheet.cell(row=1, column=score).comment = Comment(safe_text(rounding_note()), "clusterrank")


def mark_inputs(sheet: Worksheet, matrix: DecisionMatrix) -> None:
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
    imputed, illustrative = int(matrix.imputed.sum()), int(matrix.illustrative.sum())
    sheet.cell(row=row, column=1, value=status_word("imputed")).fill = IMPUTED_FILL
    sheet.cell(
        row=row,
        column=2,
        value=ngettext(
            "{count} cell filled by the missing-data policy",
            "{count} cells filled by the missing-data policy",
            imputed,
        ).format(count=imputed),
    )
    sheet.cell(row=row + 1, column=1, value=status_word("illustrative")).fill = ILLUSTRATIVE_FILL
    sheet.cell(
        row=row + 1,
        column=2,
        value=ngettext(
            "{count} cell illustrative, not from a source",
            "{count} cells illustrative, not from a source",
            illustrative,
        ).format(count=illustrative),
    )
    sheet.cell(row=row + 2, column=1, value=pgettext("sheet", "sources"))
    sheet.cell(
        row=row + 2,
        column=2,
        value=_("each figure's source: see the sheet «{sheet}»").format(
            sheet=pgettext("sheet", "sources")
        ),
    )
    for k, note in enumerate(matrix.notes):
        sheet.cell(row=row + 4 + k, column=1, value=safe_text(note))


def mark_sources(sheet: Worksheet, frame: pd.DataFrame) -> None:
    """Fill each imputed or illustrative row's status and value cells as on the inputs sheet.

    The status is written in the current language.
    """
    status_col = FIGURE_COLUMNS.index("status") + 1
    value_col = FIGURE_COLUMNS.index("value") + 1
    for k, status in enumerate(frame["status"].tolist(), start=2):
        sheet.cell(row=k, column=status_col).value = status_word(str(status))
        fill = STATUS_FILLS.get(str(status))
        if fill is not None:
            sheet.cell(row=k, column=status_col).fill = fill
            sheet.cell(row=k, column=value_col).fill = fill
