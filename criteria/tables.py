"""Read a user's CSV or XLSX table into a header and rows of raw cells, nothing guessed.

Every table file clusterrank reads (scenario data, plain decision matrices, pairwise CSVs)
comes through :func:`read_table`, which opens it through :mod:`criteria.files` (a regular
file within :data:`criteria.files.MAX_TABLE_BYTES`) and refuses, naming the place:

* a header that names a column twice (both positions named; no silent ``x.1``);
* a CSV line with more or fewer cells than the header (its line named);
* a CSV whose separator cannot be told from its header line (``,``, ``;`` or tab, counted
  outside quotes; the one found is reported where it matters);
* an XLSX workbook beyond the limits of :mod:`criteria.xlsx_guard`, or an old ``.xls``;
* an XLSX formula without a saved result (its cell becomes :class:`Unreadable`, so the cell
  is reported by whoever reads it, instead of being read as empty).

Cells stay raw: text for a CSV, what openpyxl gives for an XLSX. Numbers are read by
:mod:`criteria.numbers`.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clusterrank.criteria import xlsx_guard
from clusterrank.criteria.files import MAX_TABLE_BYTES, decode_text, read_bytes
from clusterrank.criteria.numbers import Unreadable, cell_text
from clusterrank.criteria.xlsx_guard import OLE_MAGIC, ZIP_MAGIC
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, formats, ngettext

SEPARATORS = {",": "','", ";": "';'", "\t": N_("tab")}
"""Each separator as messages name it (translated where shown: :func:`separator_name`)."""
MAX_REPORTED_LINES = 10
FORMULA_WITHOUT_RESULT = N_(
    "{cell} is a formula without a saved result: open and save the file in Excel "
    "(or LibreOffice), so the workbook stores its value"
)


@dataclass(frozen=True)
class Table:
    """A table as read: header names, rows of raw cells (as long as the header)."""

    label: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    numbers: tuple[int, ...]
    """The CSV line (or the sheet row) where each row is."""
    header_line: int = 1
    """The CSV line (or the sheet row) of the header."""
    separator: str | None = None
    """The CSV separator found in the header line (``None`` for an XLSX sheet)."""

    @property
    def is_csv(self) -> bool:
        """Whether the table was read from a CSV (it has a separator)."""
        return self.separator is not None

    def column(self, j: int) -> list[object]:
        """Column ``j``'s cells, top to bottom."""
        return [row[j] for row in self.rows]

    def line(self, i: int) -> int | None:
        """The CSV line of row ``i`` (``None`` in a workbook, whose rows are not lines)."""
        return self.numbers[i] if self.is_csv else None

    def cell(self, i: int, j: int) -> str:
        """`` (cell C5)`` in a workbook; empty for a CSV."""
        if self.is_csv:
            return ""
        from openpyxl.utils import get_column_letter  # openpyxl only for a workbook

        return _(" (cell {cell})").format(cell=f"{get_column_letter(j + 1)}{self.numbers[i]}")

    def separator_text(self) -> str:
        """The separator in words for messages (empty for a sheet)."""
        return separator_name(self.separator) if self.separator else ""


def separator_name(separator: str) -> str:
    """``','``, ``';'`` or the word for tab, in the current language."""
    return _(SEPARATORS[separator])


def listing(items: Sequence[str]) -> str:
    """``a, b and c`` in the current language (one item: itself)."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def read_table(
    path: str | os.PathLike[str], label: str, sheet: str | None = None, *, xlsx: bool = True
) -> Table:
    """The table in ``path`` (CSV text, or an XLSX sheet when ``xlsx``), or a Problem."""
    data = read_bytes(path, label, limit=MAX_TABLE_BYTES)
    is_book = data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC)
    if xlsx and (is_book or Path(path).suffix.lower() in {".xlsx", ".xls"}):
        return _read_sheet(data, label, sheet)
    return csv_table(decode_text(data, label), label)


def csv_table(text: str, label: str) -> Table:
    """A CSV table from its text: separator found from the header line, shape checked."""
    separator = find_separator(text, label)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        for row in reader:
            if any(c.strip() for c in row):
                rows.append(tuple(c.strip() for c in row))
                numbers.append(reader.line_num)
    except csv.Error as exc:
        msg = _("cannot read the CSV ({error}); check the quotes on this line").format(error=exc)
        raise ValidationFailed.single(label, "", msg, reader.line_num) from exc
    if not rows:
        msg = _("the file is empty; expected a header row")
        raise ValidationFailed.single(label, "", msg)
    header = rows[0]
    problems = _duplicate_header(header, label, numbers[0], csv_file=True)
    problems += _ragged(rows, numbers, separator, label)
    if problems:
        raise ValidationFailed(problems)
    return Table(label, header, tuple(rows[1:]), tuple(numbers[1:]), numbers[0], separator)


def find_separator(text: str, label: str) -> str:
    """``,``, ``;`` or tab: the separator that splits the first lines into equal rows.

    A separator that occurs in the header line (outside quotes) and gives every one of the
    first :data:`SAMPLE_LINES` non-empty lines the header's number of cells wins; when several
    do, the one most frequent in the header; when none does, the most frequent in the header
    (the shape check then names the ragged lines). So ``Cluster;Investment, mln RUB;Jobs``
    over ``A;2100,5;12`` is read with ``;`` although the header has as many commas.
    """
    lines = [line for line in text.lstrip("\n").split("\n", SAMPLE_LINES) if line.strip()]
    counts = _outside_quotes(lines[0]) if lines else dict.fromkeys(SEPARATORS, 0)
    present = [sep for sep, n in counts.items() if n > 0]
    if not present:
        return ","
    sample = "\n".join(lines[:SAMPLE_LINES])
    steady = [sep for sep in present if _steady(sample, sep)]
    pool = steady or present
    best = max(counts[sep] for sep in pool)
    tied = [sep for sep in pool if counts[sep] == best]
    if len(tied) > 1:
        msg = _(
            "cannot tell the separator: {names} both split the first lines into equal rows; "
            "separate the cells with one of them and put quotes around names that contain "
            "the other"
        ).format(names=listing([separator_name(sep) for sep in tied]))
        raise ValidationFailed.single(label, "header", msg, 1)
    return tied[0]


SAMPLE_LINES = 50
"""How many lines the separator is tried on."""


def _outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return counts


def _steady(sample: str, separator: str) -> bool:
    """Whether ``separator`` splits every line of ``sample`` into the header's cell count."""
    try:
        widths = {len(row) for row in csv.reader(io.StringIO(sample), delimiter=separator)}
    except csv.Error:
        return False
    return len(widths) == 1 and widths.pop() > 1


def _duplicate_header(
    header: Sequence[str], label: str, line: int, *, csv_file: bool
) -> list[Problem]:
    positions: dict[str, list[int]] = {}
    for j, name in enumerate(header):
        if name:
            positions.setdefault(name, []).append(j)
    out: list[Problem] = []
    for name, where in positions.items():
        if len(where) > 1:
            from openpyxl.utils import get_column_letter  # not at the top: start-up time

            shown = [str(j + 1) if csv_file else get_column_letter(j + 1) for j in where]
            msg = ngettext(
                "column {name!r} appears {count} time in the header (columns {columns}); "
                "rename or remove the extra one, so it is clear which column holds the figures",
                "column {name!r} appears {count} times in the header (columns {columns}); "
                "rename or remove the extra one, so it is clear which column holds the figures",
                len(where),
            ).format(name=name, count=len(where), columns=listing(shown))
            out.append(Problem(label, "header", msg, line if csv_file else None))
    return out


def _ragged(
    rows: list[tuple[str, ...]], numbers: list[int], separator: str, label: str
) -> list[Problem]:
    width = len(rows[0])
    sep = separator_name(separator)
    bad = [(n, len(r)) for r, n in zip(rows[1:], numbers[1:], strict=True) if len(r) != width]
    out: list[Problem] = []
    for n, k in bad[:MAX_REPORTED_LINES]:
        if k > width:
            msg = _(
                "line {line} has {count} cells but the header has {width} (cells separated by "
                "{separator}); remove the extra cells, or put quotes around a cell that holds "
                "a {separator}"
            )
        else:
            msg = _(
                "line {line} has {count} cells but the header has {width} (cells separated by "
                "{separator}); add the missing cells (leave a cell empty for a missing value)"
            )
        msg = msg.format(line=n, count=k, width=width, separator=sep)
        out.append(Problem(label, "", msg, n))
    if len(bad) > MAX_REPORTED_LINES:
        more = len(bad) - MAX_REPORTED_LINES
        msg = ngettext(
            "{count} more line has a number of cells other than the header's {width}",
            "{count} more lines have a number of cells other than the header's {width}",
            more,
        ).format(count=more, width=width)
        out.append(Problem(label, "", msg))
    return out


def _read_sheet(data: bytes, label: str, sheet: str | None) -> Table:
    """One sheet of a workbook checked by :mod:`criteria.xlsx_guard`, read within the limits."""
    scan = xlsx_guard.check_workbook(data, label)
    book = _open_book(data, label, data_only=True)
    names = [str(s) for s in book.sheetnames]
    if sheet is not None and sheet not in names:
        msg = _("sheet {sheet!r} not found; sheets in the file: {sheets}").format(
            sheet=sheet, sheets=", ".join(names)
        )
        raise ValidationFailed.single(label, "data.sheet", msg)
    title = sheet if sheet is not None else names[0]
    try:
        header, first, rows = _sheet_rows(book[title], label, title)
        if scan.formulas and any(None in row for row in rows):
            rows = _mark_formulas(data, label, title, first, rows)
    except ValidationFailed:
        raise
    except Exception as exc:  # damaged sheet XML can fail anywhere inside openpyxl
        msg = _(
            "cannot read sheet {sheet!r} ({error}); open the file in Excel and save it again"
        ).format(sheet=title, error=exc)
        raise ValidationFailed.single(label, "", msg) from exc
    finally:
        book.close()
    numbers = tuple(range(first + 1, first + 1 + len(rows)))
    problems = _duplicate_header(header, label, first, csv_file=False)
    if problems:
        raise ValidationFailed(problems)
    kept = [(r, n) for r, n in zip(rows, numbers, strict=True) if r.count(None) != len(r)]
    return Table(label, header, tuple(r for r, _n in kept), tuple(n for _r, n in kept), first)


def _open_book(data: bytes, label: str, *, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it drops
            return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as exc:  # a damaged workbook can fail anywhere inside openpyxl
        msg = _(
            "cannot read the workbook ({error}); open it in Excel and save it again as .xlsx"
        ).format(error=exc)
        raise ValidationFailed.single(label, "", msg) from exc


def _sheet_rows(
    ws: Any, label: str, title: str
) -> tuple[tuple[str, ...], int, list[tuple[object, ...]]]:
    """Header (first non-empty row), its row number, and the rows below, as wide as it.

    Reads at most the limits of :mod:`criteria.xlsx_guard`, whatever the sheet declares.
    """
    max_rows, max_columns = xlsx_guard.MAX_SHEET_ROWS, xlsx_guard.MAX_SHEET_COLUMNS
    max_cells = xlsx_guard.MAX_SHEET_CELLS
    ws.reset_dimensions()  # the declared range may lie; read what is there, within limits
    header: tuple[str, ...] = ()
    first = 0
    probe = ws.iter_rows(max_row=max_rows, max_col=max_columns + 1, values_only=True)
    for n, row in enumerate(probe, start=1):
        if row.count(None) != len(row):
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            header, first = tuple(cell_text(c) for c in cells), n
            break
    probe.close()
    if not header:
        msg = _("sheet {sheet!r} is empty; expected a header row").format(sheet=title)
        raise ValidationFailed.single(label, "", msg)
    if len(header) > max_columns:
        msg = _(
            "sheet {sheet!r} has more columns than the limit of {limit}; "
            "keep only the sheet the decision uses, or save the data as CSV"
        ).format(sheet=title, limit=formats.integer(max_columns))
        raise ValidationFailed.single(label, "", msg)
    width = len(header)
    rows: list[tuple[object, ...]] = []
    body = ws.iter_rows(min_row=first + 1, max_row=max_rows + 1, max_col=width, values_only=True)
    for row in body:
        rows.append(tuple(row) + (None,) * (width - len(row)))
        if first + len(rows) > max_rows or len(rows) * width > max_cells:
            msg = _(
                "sheet {sheet!r} has more rows than the limit of {rows} rows and "
                "{cells} cells; keep only the sheet the decision uses, or save the data as CSV"
            ).format(sheet=title, rows=formats.integer(max_rows), cells=formats.integer(max_cells))
            raise ValidationFailed.single(label, "", msg)
    return header, first, rows


def _mark_formulas(
    data: bytes, label: str, title: str, first: int, rows: list[tuple[object, ...]]
) -> list[tuple[object, ...]]:
    """Turn the empty cells that hold a formula (no saved result) into :class:`Unreadable`."""
    book = _open_book(data, label, data_only=False)
    width = len(rows[0]) if rows else 0
    out: list[tuple[object, ...]] = []
    try:
        body = book[title].iter_rows(min_row=first + 1, max_row=first + len(rows), max_col=width)
        for row, cells in zip(rows, body, strict=False):
            if None not in row:
                out.append(row)
                continue
            formula = {j for j, c in enumerate(cells) if getattr(c, "data_type", "") == "f"}
            out.append(
                tuple(
                    Unreadable(FORMULA_WITHOUT_RESULT) if v is None and j in formula else v
                    for j, v in enumerate(row)
                )
            )
    finally:
        book.close()
    return out + rows[len(out) :]
