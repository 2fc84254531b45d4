"""Open a user's own spreadsheet (CSV or XLSX) as people really have them, and say what was seen.

What is detected, and shown to the user in :class:`Sniffed` so it can be corrected:

* the encoding: UTF-8 with or without a BOM, else Windows-1251 (said in a note);
* Windows line endings (read as plain ones);
* the CSV separator (``,``, ``;`` or tab, from the header line, by :mod:`criteria.tables`);
* for a workbook: its sheets, the one picked, title rows above the table and a header of two
  rows whose upper cells are merged across columns (``Investment`` over ``2015 | 2016``
  gives the columns ``Investment 2015`` and ``Investment 2016``).

The file is opened through :mod:`criteria.files` (a regular file within
:data:`~criteria.files.MAX_TABLE_BYTES`) and a workbook is checked by
:mod:`criteria.xlsx_guard` before openpyxl unpacks it. Cells stay raw; numbers are read by
:mod:`criteria.importing.cells`.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterrank.criteria import xlsx_guard
from clusterrank.criteria.files import MAX_TABLE_BYTES, read_bytes
from clusterrank.criteria.numbers import cell_text
from clusterrank.criteria.tables import Table, csv_table
from clusterrank.criteria.xlsx_guard import OLE_MAGIC, ZIP_MAGIC
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _


@dataclass(frozen=True)
class Sniffed:
    """A table as read, with what was detected about the file."""

    table: Table
    kind: str
    """``"csv"`` or ``"xlsx"``."""
    encoding: str = ""
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    header_rows: int = 1
    notes: tuple[str, ...] = field(default=())

    def described(self) -> str:
        """What was detected, in one line for the user."""
        if self.kind == "csv":
            parts = [
                _("CSV, {encoding}, cells separated by {separator}").format(
                    encoding=_(self.encoding), separator=self.table.separator_text()
                )
            ]
        else:
            parts = [
                _("workbook, sheet {sheet!r} of {sheets}").format(
                    sheet=self.sheet, sheets=", ".join(map(repr, self.sheets))
                )
            ]
        if self.header_rows > 1:
            parts.append(
                _("a header of {count} rows (merged cells) joined").format(count=self.header_rows)
            )
        return "; ".join(parts)


def sniff(path: str | os.PathLike[str], label: str, sheet: str | None = None) -> Sniffed:
    """Read the table in ``path`` (CSV, or a sheet of an XLSX workbook) as people have them.

    Parameters
    ----------
    path
        The file on disk (perhaps an upload's staging path: never shown).
    label
        The file as the user knows it, used in every message.
    sheet
        The workbook sheet to read (default: the first); ignored for a CSV.

    Raises
    ------
    ValidationFailed
        An empty, oversized, non-regular or unreadable file; a sheet that does not exist.
    """
    data = read_bytes(path, label, limit=MAX_TABLE_BYTES)
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        return _sniff_book(data, label, sheet)
    if Path(path).suffix.lower() in {".xlsx", ".xls"}:
        msg = _("the file is named like a workbook but is not one; save it from Excel as .xlsx")
        raise ValidationFailed.single(label, "", msg)
    text, encoding = _decode(data, label)
    notes: tuple[str, ...] = ()
    if encoding == "Windows-1251":
        note = _("{file}: not UTF-8, read as Windows-1251 (Cyrillic); check the names")
        notes = (note.format(file=label),)
    return Sniffed(csv_table(text, label), "csv", encoding, notes=notes)


def _decode(data: bytes, label: str) -> tuple[str, str]:
    """The file's text and its encoding's name; line endings made plain."""
    if not data.strip():
        msg = _("the file is empty; expected a header row")
        raise ValidationFailed.single(label, "", msg)
    try:
        text = data.decode("utf-8-sig")
        encoding = N_("UTF-8 with a BOM") if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1251", errors="replace"), "Windows-1251"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def sheet_names(path: str | os.PathLike[str], label: str) -> tuple[str, ...]:
    """The sheets of a workbook, in order (checked by the guard first)."""
    data = read_bytes(path, label, limit=MAX_TABLE_BYTES)
    xlsx_guard.check_workbook(data, label)
    book = _open(data, label)
    try:
        return tuple(str(s) for s in book.sheetnames)
    finally:
        book.close()


def _open(data: bytes, label: str) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it drops
            return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # a damaged workbook can fail anywhere inside openpyxl
        msg = _(
            "cannot read the workbook ({error}); open it in Excel and save it again as .xlsx"
        ).format(error=exc)
        raise ValidationFailed.single(label, "", msg) from exc


def _sniff_book(data: bytes, label: str, sheet: str | None) -> Sniffed:
    """One sheet of a workbook, merged header cells filled, title rows skipped."""
    xlsx_guard.check_workbook(data, label)  # sizes bounded before openpyxl unpacks anything
    book = _open(data, label)
    try:
        names = tuple(str(s) for s in book.sheetnames)
        if sheet is not None and sheet not in names:
            msg = _("sheet {sheet!r} not found; sheets in the file: {sheets}").format(
                sheet=sheet, sheets=", ".join(names)
            )
            raise ValidationFailed.single(label, "sheet", msg)
        title = sheet if sheet is not None else names[0]
        grid, merged = _grid(book[title])
    finally:
        book.close()
    table, depth = _table(grid, merged, label, title)
    return Sniffed(table, "xlsx", sheets=names, sheet=title, header_rows=depth)


Merged = list[tuple[int, int, int, int]]
"""Merged ranges as 0-based ``(first row, first column, last row, last column)``."""


def _grid(ws: Any) -> tuple[list[list[object]], Merged]:
    """The sheet's cells (rows trimmed of trailing empties) and its merged ranges."""
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    for row in grid:
        while row and row[-1] is None:
            row.pop()
    merged = [
        (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges
    ]
    return grid, merged


def _fill_merged(grid: list[list[object]], merged: Merged, width: int) -> None:
    """Copy each merged range's value into every cell it covers (a header reads whole)."""
    for top, left, bottom, right in merged:
        if top >= len(grid):
            continue
        value = grid[top][left] if left < len(grid[top]) else None
        for i in range(top, min(bottom, len(grid) - 1) + 1):
            grid[i] += [None] * (width - len(grid[i]))
            for j in range(left, min(right, width - 1) + 1):
                grid[i][j] = value


def _table(grid: list[list[object]], merged: Merged, label: str, title: str) -> tuple[Table, int]:
    """The table under any title rows: header (one or two rows), then the data rows."""
    width = max((len(r) for r in grid), default=0)
    filled = [r for r in grid if any(c is not None for c in r)]
    if not filled or width == 0:
        msg = _("sheet {sheet!r} is empty; expected a header row").format(sheet=title)
        raise ValidationFailed.single(label, "", msg)
    # the first row naming more than one column is the header; rows above it are titles
    first = next((i for i, r in enumerate(grid) if _count(r) > 1), None)
    if first is None:
        first = next(i for i, r in enumerate(grid) if _count(r))
    _fill_merged(grid, merged, width)
    depth = 2 if _spans(merged, first, width) and first + 1 < len(grid) else 1
    header = _header(grid[first : first + depth], width)
    body = [(n, r + [None] * (width - len(r))) for n, r in enumerate(grid) if n >= first + depth]
    kept = [(n, r) for n, r in body if any(c is not None for c in r)]
    rows = tuple(tuple(r) for _n, r in kept)
    table = Table(label, header, rows, tuple(n + 1 for n, _r in kept), first + depth)
    return table, depth


def _count(row: list[object]) -> int:
    return sum(1 for c in row if c is not None and cell_text(c))


def _spans(merged: Merged, row: int, width: int) -> bool:
    """Whether a range merged across columns starts on ``row`` (a two-row header)."""
    return any(top == row == bottom and right > left for top, left, bottom, right in merged)


def _header(rows: list[list[object]], width: int) -> tuple[str, ...]:
    """Column names: one header row, or the upper and lower rows joined where they differ."""
    names = []
    for j in range(width):
        parts = [cell_text(r[j]) if j < len(r) else "" for r in rows]
        kept = [p for k, p in enumerate(parts) if p and p not in parts[:k]]
        names.append(" ".join(kept))
    return tuple(names)
