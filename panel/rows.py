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
from clusterrank.i18n import _, formats

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
        if self.table.is_csv:
            return _("line {number}").format(number=number)
        return _("row {number}").format(number=number)

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
        fields = {
            "file": _(what),
            "missing": ", ".join(missing),
            "header": ", ".join(repr(n) for n in names) or _("nothing"),
            "required": ", ".join(required),
            "optional": ", ".join(optional),
        }
        if optional:
            msg = _(
                "{file} needs the column(s) {missing}; the header has {header} (expected "
                "{required}, optionally {optional})"
            )
        else:
            msg = _(
                "{file} needs the column(s) {missing}; the header has {header} (expected "
                "{required})"
            )
        problems.append(Problem(label, "header", msg.format(**fields), table.header_line))
    allowed = set(required) | set(optional)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        msg = _("unknown column(s) {unknown}; {file} has the columns {columns}").format(
            unknown=", ".join(map(repr, unknown)),
            file=_(what),
            columns=", ".join((*required, *optional)),
        )
        problems.append(Problem(label, "header", msg, table.header_line))
    if not table.rows and not problems:
        msg = _("no rows below the header: {file} lists nothing").format(file=_(what))
        problems.append(Problem(label, "", msg))
    if len(table.rows) > MAX_ROWS:
        msg = _("{rows} rows is more than the {maximum} a panel file may have").format(
            rows=formats.integer(len(table.rows)), maximum=formats.integer(MAX_ROWS)
        )
        problems.append(Problem(label, "", msg))
    if problems:
        raise ValidationFailed(problems)
    return Rows(table, columns)


def text_problem(value: str, what: str) -> str | None:
    """Why an id or name cell cannot be used (empty, too long, control characters), or None."""
    if not value:
        return _("empty {cell}; write one").format(cell=_(what))
    if len(value) > MAX_TEXT:
        return _("{cell} is {length} characters long; keep it to {maximum}").format(
            cell=_(what), length=len(value), maximum=MAX_TEXT
        )
    if any(ord(ch) < 32 for ch in value):
        return _("{cell} contains control characters (tabs, line breaks); remove them").format(
            cell=_(what)
        )
    return None
