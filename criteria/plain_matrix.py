"""Plain decision-matrix and pairwise-matrix CSV files.

For `clusterrank rank --matrix` and `clusterrank ahp FILE.csv`.

A plain matrix CSV has a header row of criterion names and candidate ids in the first column.
A pairwise CSV has the item names as header row and first column; entries are numbers or
``a/b`` fractions. Both are read by :mod:`criteria.tables` (a regular file within the size
limit, separator found from the header, shape checked) and their cells by
:mod:`criteria.numbers`; ``decimal`` is the decimal separator the user stated, if any.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.files import display_name
from clusterrank.criteria.numbers import Decimal, Fixes, NumberRule, read_numbers
from clusterrank.criteria.tables import Table, read_table
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _

_STATE = N_("state the decimal separator with --decimal , or --decimal .")


@dataclass(frozen=True)
class PlainMatrix:
    """Candidates × criteria read from a CSV file, with notes on how numbers were read."""

    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    values: npt.NDArray[np.float64]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PairwiseMatrix:
    """A square pairwise-comparison matrix (NaN: not judged), with its reading notes."""

    items: tuple[str, ...]
    matrix: npt.NDArray[np.float64]
    notes: tuple[str, ...] = ()


def _table(path: str | os.PathLike[str]) -> Table:
    return read_table(path, display_name(path), xlsx=False)


def _header_problems(table: Table, criteria: tuple[str, ...]) -> list[Problem]:
    """Problems of the header: no criterion column, or a criterion column without a name."""
    problems: list[Problem] = []
    if not criteria:
        msg = _("no criteria: the header needs an id column and at least one criterion column")
        problems.append(Problem(table.label, "header", msg, table.header_line))
    for j, crit in enumerate(criteria, start=2):
        if not crit:
            msg = _("column {number} has no name; write the criterion's name in the header")
            msg = msg.format(number=j)
            problems.append(Problem(table.label, "header", msg, table.header_line))
    return problems


def _id_problems(table: Table, candidates: list[str]) -> list[Problem]:
    """Problems of the id column: an empty or a repeated candidate id."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, cid in enumerate(candidates):
        line = table.line(i)
        where = _("row {row}").format(row=line)
        if not cid:
            problems.append(Problem(table.label, where, _("empty candidate id"), line))
        elif cid in seen:
            msg = _("duplicate candidate id {ident!r}").format(ident=cid)
            problems.append(Problem(table.label, where, msg, line))
        seen.add(cid)
    return problems


def read_matrix_csv(path: str | os.PathLike[str], decimal: Decimal | None = None) -> PlainMatrix:
    """Read a plain decision matrix; every bad cell is reported at once."""
    table = _table(path)
    name = table.label
    criteria = table.header[1:]
    candidates = [str(row[0]) for row in table.rows]
    problems = _header_problems(table, criteria) + _id_problems(table, candidates)
    if not candidates and not problems:
        problems.append(Problem(name, "", _("no candidates: add rows below the header")))
    if problems:
        raise ValidationFailed(problems)
    columns = {c: table.column(j) for j, c in enumerate(criteria, start=1)}

    def place(column: str, i: int) -> str:
        return _("row {row!r}, column {column!r}").format(row=candidates[i], column=column)

    fixes = Fixes(
        not_a_number=N_("write a number (a plain matrix cannot have missing values)"),
        ambiguous=_STATE,
    )
    numbers = read_numbers(
        name, columns, place, NumberRule(decimal, table.separator), missing=frozenset(), fixes=fixes
    )
    _raise(numbers.file_problem, name)
    if numbers.problems:
        problems = [
            Problem(name, place(p.column, p.row), p.message, table.line(p.row))
            for p in numbers.problems
        ]
        if numbers.omitted:
            problems.append(Problem(name, "", numbers.omitted_message()))
        raise ValidationFailed(problems)
    values = np.column_stack([numbers.by_column[c] for c in criteria])
    return PlainMatrix(tuple(candidates), criteria, values, tuple(numbers.notes))


def _raise(file_problem: str, name: str) -> None:
    if file_problem:
        msg = _("{problem}, or state the decimal separator with --decimal , or --decimal .")
        raise ValidationFailed.single(name, "", msg.format(problem=file_problem))


def read_pairwise_csv(
    path: str | os.PathLike[str], decimal: Decimal | None = None
) -> PairwiseMatrix:
    """Read a square pairwise-comparison matrix; structure is checked here, AHP rules in methods.

    An empty cell is a missing judgment (AHP completes it and says so).
    """
    table = _table(path)
    name = table.label
    items = table.header[1:]
    problems: list[Problem] = []
    if len(table.rows) != len(items):
        msg = _("a pairwise matrix must be square: {columns} columns but {rows} rows").format(
            columns=len(items), rows=len(table.rows)
        )
        problems.append(Problem(name, "", msg))
    for i, row in enumerate(table.rows[: len(items)]):
        if row[0] != items[i]:
            line = table.line(i)
            msg = _(
                "row name {got!r} should be {expected!r} "
                "(rows must list the items in the header's order)"
            ).format(got=row[0], expected=items[i])
            problems.append(Problem(name, _("row {row}").format(row=line), msg, line))
    columns = {c: table.column(j) for j, c in enumerate(items, start=1)}

    def place(column: str, i: int) -> str:
        return _("{row!r} vs {column!r}").format(row=table.rows[i][0], column=column)

    fixes = Fixes(not_a_number=N_("write a number or a fraction like 1/3"), ambiguous=_STATE)
    numbers = read_numbers(
        name,
        columns,
        place,
        NumberRule(decimal, table.separator),
        missing=frozenset({""}),
        fractions=True,
        fixes=fixes,
    )
    _raise(numbers.file_problem, name)
    problems += [
        Problem(name, place(p.column, p.row), p.message, table.line(p.row))
        for p in numbers.problems
    ]
    if numbers.omitted:
        problems.append(Problem(name, "", numbers.omitted_message()))
    if problems:
        raise ValidationFailed(problems)
    matrix = (
        np.column_stack([numbers.by_column[c] for c in items])
        if items
        else np.empty((len(table.rows), 0))
    )
    return PairwiseMatrix(items, matrix, tuple(numbers.notes))
