"""Shared reading of a panel's input tables (experts, answers): columns, text cells, places.

Files are opened by :func:`criteria.tables.read_table` (a regular file within the size limit;
an XLSX checked for zip bombs; a CSV's separator found from its header; ragged lines and
repeated headers refused), so the panel's files obey the same hostile-input rules as data
files. Here: the header must hold the required columns and no unknown one, and every cell
is read as text with its place (``line 7`` of a CSV, ``row 7`` of a sheet) for messages.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from clusterrank.criteria.files import display_name
from clusterrank.criteria.numbers import Unreadable, cell_text
from clusterrank.criteria.tables import Table, read_table
from clusterrank.errors import Problem, ValidationFailed

MAX_ROWS = 100_000
"""Most rows a panel file may have (30 experts × a few hundred answers fit many times)."""
MAX_TEXT = 200
"""Longest id or name cell (the store's column width)."""


@dataclass(frozen=True)
class Rows:
    """A table whose header was checked: column name -> position."""

    table: Table
    columns: dict[str, int]

    @property
    def label(self) -> str:
        """The file's name for messages."""
        return self.table.label

    def __len__(self) -> int:
        return len(self.table.rows)

    def text(self, i: int, column: str) -> str:
        """The cell as text ('' when the column is absent or the cell empty)."""
        j = self.columns.get(column)
        if j is None:
            return ""
        value = self.table.rows[i][j]
        if isinstance(value, Unreadable):
            return ""
        return cell_text(value).strip()

    def raw(self, i: int, column: str) -> object:
        """Row ``i``'s cell in ``column`` as read, or None when the file lacks the column."""
        j = self.columns.get(column)
        return None if j is None else self.table.rows[i][j]

    def line(self, i: int) -> int | None:
        """The CSV line of row ``i`` (``None`` in a workbook)."""
        return self.table.line(i)

    def place(self, i: int) -> str:
        """``line 7`` for a CSV, ``row 7`` for a sheet."""
        number = self.table.numbers[i]
        return f"line {number}" if self.table.is_csv else f"row {number}"

    def problem(self, i: int, message: str) -> Problem:
        """A problem of row ``i``: its CSV line, or ``row N`` of a sheet."""
        line = self.line(i)
        return Problem(self.label, "" if line is not None else self.place(i), message, line)


def read_rows(
    path: str | os.PathLike[str],
    required: Sequence[str],
    optional: Sequence[str] = (),
    *,
    what: str,
) -> Rows:
    """Read ``path`` (CSV or XLSX) whose header names ``required`` and maybe ``optional``.

    Header names are compared in lower case without surrounding spaces.

    Raises
    ------
    ValidationFailed
        Unreadable file, a missing or unknown column, no rows, too many rows.
    """
    return checked_rows(read_table(path, display_name(path)), required, optional, what=what)


def header_names(table: Table) -> list[str]:
    """The header's names in lower case, stripped."""
    return [str(h).strip().lower() for h in table.header]


def checked_rows(
    table: Table, required: Sequence[str], optional: Sequence[str] = (), *, what: str
) -> Rows:
    """``table`` with its header checked (see :func:`read_rows`)."""
    label = table.label
    names = header_names(table)
    columns = {name: j for j, name in enumerate(names) if name}
    problems: list[Problem] = []
    missing = [c for c in required if c not in columns]
    if missing:
        msg = (
            f"{what} needs the column(s) {', '.join(missing)}; the header has "
            f"{', '.join(repr(n) for n in names) or 'nothing'} (expected {', '.join(required)}"
            + (f", optionally {', '.join(optional)})" if optional else ")")
        )
        problems.append(Problem(label, "header", msg, table.header_line))
    allowed = set(required) | set(optional)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        msg = (
            f"unknown column(s) {', '.join(map(repr, unknown))}; {what} has the columns "
            f"{', '.join((*required, *optional))}"
        )
        problems.append(Problem(label, "header", msg, table.header_line))
    if not table.rows and not problems:
        problems.append(Problem(label, "", f"no rows below the header: the file lists no {what}"))
    if len(table.rows) > MAX_ROWS:
        msg = f"{len(table.rows):,} rows is more than the {MAX_ROWS:,} a panel file may have"
        problems.append(Problem(label, "", msg))
    if problems:
        raise ValidationFailed(problems)
    return Rows(table, columns)


def text_problem(value: str, what: str) -> str | None:
    """Why an id or name cell cannot be used (empty, too long, control characters), or None."""
    if not value:
        return f"empty {what}; write one"
    if len(value) > MAX_TEXT:
        return f"{what} is {len(value)} characters long; keep it to {MAX_TEXT}"
    if any(ord(ch) < 32 for ch in value):
        return f"{what} contains control characters (tabs, line breaks); remove them"
    return None
