"""Read the candidates' figures from a CSV or XLSX file and the scenario's inline values.

The file is read by :mod:`criteria.tables` (through :mod:`criteria.files`: a regular file
within the size limit; an XLSX checked for zip bombs first) and its cells by
:mod:`criteria.numbers`, the one rule for numbers in every file. A cell is a number, or
empty / ``null`` / ``NA`` for missing. Anything else (text, ``inf``, ``1_000``, an ambiguous
``1,200``, a formula without a saved result) is a Problem naming the file, the row
(candidate id) and the column, so the user can fix the cell. Ids are text (``001`` stays
``001``; a spreadsheet's 1.0 is ``1``). Inline ``values`` override the file cell by cell.

The result is a float DataFrame, candidates (rows, in scenario order) × data keys (columns),
with NaN marking missing cells; the missing-data policy is applied by `criteria.matrix`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from criteria.files import display_name
from criteria.models.scenario import DataSpec
from criteria.numbers import Fixes, NumberRule, Unreadable, cell_text, read_numbers
from criteria.regional_data import fill_regional
from criteria.tables import Table, read_table
from errors import Problem, ValidationFailed

_STATE = "state the decimal separator in the scenario (data.decimal: ',' or '.')"
_FIXES = Fixes(ambiguous=f"{_STATE}, or write it as 1200 or 1.2")


def read_data(
    spec: DataSpec,
    candidates: Sequence[str],
    keys: Sequence[str],
    scenario_name: str = "<scenario>",
) -> pd.DataFrame:
    """The data table (candidates × keys, floats, NaN = missing): file, computed, inline."""
    return read_data_and_notes(spec, candidates, keys, scenario_name)[0]


def read_data_and_notes(
    spec: DataSpec,
    candidates: Sequence[str],
    keys: Sequence[str],
    scenario_name: str = "<scenario>",
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The data table and the notes on how its numbers were read (decimal comma, grouping).

    Keys listed under ``data.regional`` are computed from their region × sector tables
    (:mod:`criteria.regional_data`); a candidate with no region/sector mapping stays missing.

    Raises
    ------
    ValidationFailed
        Listing every problem: unreadable file, missing id column or data column,
        duplicate or absent candidate rows, cells that are not numbers, keys with no data
        at all, regions or sectors a regional table lacks.
    """
    out = pd.DataFrame(np.nan, index=pd.Index(list(candidates)), columns=list(keys), dtype=float)
    problems: list[Problem] = []
    notes: list[str] = []
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    from_file: set[str] = set()
    if spec.file is not None:
        from_file = _fill_from_file(spec, out, problems, notes)
    computed, regional_problems = fill_regional(spec, out, scenario_name)
    problems += regional_problems
    for cand, row in inline.items():
        for key, value in row.items():
            if cand in out.index and key in out.columns:
                out.loc[cand, key] = math.nan if value is None else float(value)
    for key in keys:
        has_inline = any(key in row for row in inline.values())
        if key not in from_file and key not in computed and not has_inline:
            where = "a column in the data file" if spec.file else "a data file or inline values"
            msg = f"no data for key {key!r}: add {where} (data.columns maps keys to column names)"
            problems.append(Problem(scenario_name, "data", msg))
    if problems:
        raise ValidationFailed(problems)
    return out, tuple(notes)


def _ids(table: Table, j: int, problems: list[Problem]) -> dict[str, int]:
    """Candidate id -> row, ids read as text; a repeated id is a problem."""
    row_of: dict[str, int] = {}
    for i, raw in enumerate(table.column(j)):
        ident = cell_text(raw)
        if isinstance(raw, Unreadable):
            where = f"row {i + 1} of the id column{table.cell(i, j)}"
            problems.append(Problem(table.label, where, f"the id {raw.reason}", table.line(i)))
            continue
        if ident in row_of and ident:
            msg = f"candidate {ident!r} has two rows (also row {table.numbers[row_of[ident]]}); "
            msg += "keep one"
            problems.append(Problem(table.label, f"row {ident}", msg, table.line(i)))
        row_of.setdefault(ident, i)
    return row_of


def _fill_from_file(
    spec: DataSpec, out: pd.DataFrame, problems: list[Problem], notes: list[str]
) -> set[str]:
    """Copy file cells into ``out``, whole columns at once; collect problems and notes.

    Returns the keys the file accounts for (supplied, or already reported as missing).
    """
    path = Path(spec.file or "")
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    name = display_name(path)
    table = read_table(path, name, spec.sheet)
    columns = {c: j for j, c in enumerate(table.header)}  # a repeated name is refused
    if spec.id_column not in columns:
        msg = (
            f"id column {spec.id_column!r} not found; columns: {', '.join(table.header)} "
            "(set data.id_column to the column holding candidate ids)"
        )
        if table.is_csv and len(table.header) == 1:
            msg += "; the header line holds no ',', ';' or tab: separate the cells with one"
        elif table.separator not in {None, ","}:
            msg += f"; cells are separated by {table.separator_text()}"
        problems.append(Problem(name, "", msg, table.header_line if table.is_csv else None))
        return set(out.columns)
    row_of = _ids(table, columns[spec.id_column], problems)
    computed = {r.key for r in spec.regional}
    wanted = [c for c in out.index if c in row_of]
    for cand in out.index:
        covered = all(k in inline.get(cand, {}) for k in out.columns if k not in computed)
        if cand not in row_of and not covered:
            msg = f"candidate {cand!r} has no row in the file (id column {spec.id_column!r})"
            problems.append(Problem(name, "", msg))
    supplied: set[str] = set()
    source: dict[str, str] = {}  # key -> the column it is read from
    for key in out.columns:
        column = spec.columns.get(key, key)
        if key in computed:
            if column in columns:
                msg = f"column {column!r} has the name of a key computed under data.regional; "
                problems.append(Problem(name, "", msg + "rename or drop the column"))
            continue
        if column not in columns:
            if key in spec.columns:
                msg = f"column {column!r} (mapped from data key {key!r}) not found; columns: "
                problems.append(Problem(name, "", msg + ", ".join(table.header)))
                supplied.add(key)
            continue
        supplied.add(key)
        source[key] = column
    rows = [row_of[c] for c in wanted]
    cells = {c: [table.rows[i][columns[c]] for i in rows] for c in dict.fromkeys(source.values())}

    def place(column: str, k: int) -> str:
        return f"row {wanted[k]}, column {column}{table.cell(rows[k], columns[column])}"

    rule = NumberRule(spec.decimal, table.separator)
    numbers = read_numbers(name, cells, place, rule, fixes=_FIXES)
    if numbers.file_problem:
        problems.append(Problem(name, "", f"{numbers.file_problem}, or {_STATE}"))
        return supplied
    problems += [
        Problem(name, place(p.column, p.row), p.message, table.line(rows[p.row]))
        for p in numbers.problems
    ]
    if numbers.omitted:
        problems.append(Problem(name, "", numbers.omitted_message()))
    for key, column in source.items():
        out.loc[wanted, key] = numbers.by_column[column]
    notes += numbers.notes
    return supplied
