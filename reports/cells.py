"""Every table that leaves the app as CSV or Excel is written here.

With formula-like text neutralised (OWASP's CSV-injection rule).

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or carriage return before one) as a formula: a candidate named
``=HYPERLINK("http://x","y")`` in an exported CSV becomes a live link, ``=cmd|...`` a command.
openpyxl goes further and stores any ``str`` beginning with ``=`` as a formula cell.
:func:`safe_text` prefixes such text with a single quote so it is shown, never run.

Decisions:

- Only text is touched. Real numbers stay numbers (a score of ``-0.5`` is a float, written
  as a number), and so does text that is entirely a plain decimal number (``"-0.5"``,
  ``"+3"``, ``"-1e-3"``): a spreadsheet reads it as a number constant, not a formula, and
  a negative setting stays readable. ``"-2+3"`` is not a plain number and is prefixed.
- Column headers are text too (criterion titles become headers) and are neutralised.
- The fullwidth forms ``＝ ＋ － ＠`` are neutralised as well: some East Asian locales of
  Excel accept them as formula starts.

References
----------
OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clusterrank.reports import headings

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
SHEET_NAME_MAX = 31


def safe_text(value: Any) -> Any:
    r"""``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula.

    Anything that is not a ``str`` (numbers, ``None``, missing values) is returned as is.

    >>> safe_text('=HYPERLINK("http://x","y")')
    '\'=HYPERLINK("http://x","y")'
    >>> safe_text("-2+3"), safe_text("-0.5"), safe_text(-0.5), safe_text("coal")
    ("'-2+3", '-0.5', -0.5, 'coal')
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column headers pass :func:`safe_text`.

    Numeric, boolean and datetime columns are left untouched (their dtypes are kept); text
    columns (object, string or categorical) come back as object columns.
    """
    out = frame.copy()
    for k in range(out.shape[1]):
        series = out.iloc[:, k]
        dtype = series.dtype
        if pd.api.types.is_object_dtype(dtype) or isinstance(
            dtype, (pd.StringDtype, pd.CategoricalDtype)
        ):
            out.isetitem(k, series.map(safe_text, na_action="ignore").to_numpy(dtype=object))
    out.columns = pd.Index([safe_text(c) for c in out.columns])
    return out


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text (no index), formula-like text neutralised."""
    return str(safe_frame(frame).to_csv(index=False))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV with a byte-order mark.

    So spreadsheet programs show Cyrillic names intact; formula-like text neutralised.
    """
    return csv_text(frame).encode("utf-8-sig")


Decorate = Callable[[Mapping[str, Worksheet]], None]


def workbook_bytes(sheets: Mapping[str, pd.DataFrame], decorate: Decorate | None = None) -> bytes:
    """An ``.xlsx`` with one sheet per frame (bold headers, fitted column widths).

    Every text cell is neutralised. Sheet names and column headings are written in the
    current language (:mod:`reports.headings`); values are written as they are.

    ``sheets`` maps sheet names (cut to Excel's 31 characters) to frames; ``decorate``, when
    given, receives the written worksheets by the same names to add fills or legends (text
    it writes should pass through :func:`safe_text`).
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        written: dict[str, Worksheet] = {}
        for title, frame in sheets.items():
            name = headings.sheet(title)[:SHEET_NAME_MAX]
            safe = safe_frame(headings.translated(frame))
            safe.to_excel(writer, sheet_name=name, index=False)
            written[title] = writer.sheets[name]
            _tidy(written[title], safe)
        if decorate is not None:
            decorate(written)
    return buffer.getvalue()


def _tidy(sheet: Worksheet, frame: pd.DataFrame) -> None:
    """Bold headers and column widths that fit (between 10 and 60 characters)."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for j, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in frame.iloc[:, j - 1].tolist())])
        sheet.column_dimensions[get_column_letter(j)].width = min(max(10, longest + 2), 60)
