"""The cells of an imported table as numbers: the one number rule, plus marks people type.

Numbers are read by :func:`criteria.numbers.read_numbers` (decimal comma or point, thousands
grouped by spaces, no-break or narrow no-break spaces; an ambiguous ``1,200`` refused unless
the decimal separator is stated or shown). On top of it, an imported file may carry:

* a ``%`` sign after (or before) the number: ``12,5 %`` is 12.5 and the column's unit is a
  percent;
* the usual "no data" marks, read as missing: empty, ``н/д``, ``нет данных``, ``n/a``,
  ``NA``, ``-``, ``—`` and ``–`` (see :data:`NO_DATA`).

A column is *numeric* when at least as many of its non-missing cells are numbers as are not;
its other cells are listed as problems (row, column and what was there), all at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.numbers import (
    DATA_MISSING,
    Decimal,
    Fixes,
    NumberRule,
    read_cell,
    read_numbers,
)
from clusterrank.criteria.tables import Table
from clusterrank.errors import Problem
from clusterrank.i18n import N_, _

NO_DATA = DATA_MISSING
"""Cells read as missing in an imported file: the same marks as every data file."""
NOT_A_NUMBER = N_("write a number, or leave it empty (or н/д, n/a, -) for no data")
STATE_DECIMAL = N_("state the decimal separator (--decimal , or --decimal .)")
"""How a message tells the user to state the decimal mark: the CLI's wording by default
(marked; a caller's own wording is passed translated)."""


def strip_percent(value: object) -> tuple[object, bool]:
    """A cell without its ``%`` sign, and whether it had one."""
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%") or text.startswith("%"):
            return text.strip("%").strip(), True
    return value, False


@dataclass
class ColumnCells:
    """One column's cells, ``%`` signs taken off, and what they look like."""

    cells: list[object]
    numbers: int = 0
    texts: int = 0
    percent: bool = False

    @property
    def numeric(self) -> bool:
        """Whether the column holds figures (at least as many numbers as other text)."""
        return self.numbers > 0 and self.numbers >= self.texts


def survey(table: Table, j: int) -> ColumnCells:
    """Column ``j``'s cells, with counts of numbers and of text that is not a number."""
    out = ColumnCells([])
    for raw in table.column(j):
        cell, percent = strip_percent(raw)
        out.percent = out.percent or percent
        out.cells.append(cell)
        r = read_cell(cell, NO_DATA)
        if r.missing:
            continue
        if r.error:
            out.texts += 1
        else:
            out.numbers += 1
    return out


@dataclass
class ReadColumns:
    """The figures of the columns read: one float array each (NaN: missing or refused)."""

    values: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_columns(
    table: Table,
    columns: Sequence[str],
    decimal: Decimal | None = None,
    state_decimal: str = STATE_DECIMAL,
) -> ReadColumns:
    """Read ``columns`` of ``table`` as numbers under one rule for the whole file.

    ``state_decimal`` is the fix a message gives for an ambiguous number: how the caller lets
    the user state the decimal separator (default: the command line's ``--decimal``).

    Every cell that cannot be read is a :class:`~errors.Problem` naming the file, the row
    (the sheet row, or the CSV line), the column and what was there.
    """
    index = {name: j for j, name in enumerate(table.header)}
    cells = {name: survey(table, index[name]).cells for name in columns}

    def place(column: str, i: int) -> str:
        if table.is_csv:  # the line goes in the Problem's own field
            return _("column {column!r}").format(column=column)
        return _("row {row}, column {column!r}{cell}").format(
            row=table.numbers[i], column=column, cell=table.cell(i, index[column])
        )

    state = _(state_decimal)
    rule = NumberRule(decimal, table.separator)
    fixes = Fixes(NOT_A_NUMBER, _("{fix}, or write it as 1200 or 1.2").format(fix=state))
    numbers = read_numbers(table.label, cells, place, rule, missing=NO_DATA, fixes=fixes)
    out = ReadColumns(notes=list(numbers.notes))
    if numbers.file_problem:
        fix = _("{problem}, or {fix}").format(problem=numbers.file_problem, fix=state)
        out.problems.append(Problem(table.label, "", fix))
        return out
    out.problems = [
        Problem(table.label, place(p.column, p.row), p.message, table.line(p.row))
        for p in numbers.problems
    ]
    if numbers.omitted:
        out.problems.append(Problem(table.label, "", numbers.omitted_message()))
    out.values = dict(numbers.by_column)
    return out
