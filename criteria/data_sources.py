"""Read the candidates' figures from a CSV or XLSX file and the scenario's inline values.

The file is read by :mod:`criteria.tables` (through :mod:`criteria.files`: a regular file
within the size limit; an XLSX checked for zip bombs first) and its cells by
:mod:`criteria.numbers`, the one rule for numbers in every file. A cell is a number, or
empty / ``null`` / ``NA`` for missing. Anything else (text, ``inf``, ``1_000``, an ambiguous
``1,200``, a formula without a saved result) is a Problem naming the file, the row
(candidate id) and the column, so the user can fix the cell. Ids are text (``001`` stays
``001``; a spreadsheet's 1.0 is ``1``). Inline ``values`` override the file cell by cell.

The result is a :class:`DataTable`: a float array, candidates (rows, in scenario order) × data
keys (columns), with NaN marking missing cells; the missing-data policy is applied by
`criteria.matrix`. It is numpy, not pandas, so ``clusterrank validate`` reads and checks a
scenario's data without importing pandas (start-up time); :meth:`DataTable.to_frame` gives a
DataFrame to the callers that want one. Computed keys (``data.regional``) are the exception:
the regional statistics of :mod:`criteria.regional` work on pandas tables.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.files import display_name
from clusterrank.criteria.models.data_spec import DataSpec
from clusterrank.criteria.numbers import Fixes, NumberRule, Unreadable, cell_text, read_numbers
from clusterrank.criteria.tables import Table, read_table
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd

_FIXES = Fixes(
    ambiguous=N_(
        "state the decimal separator in the scenario (data.decimal: ',' or '.'), "
        "or write it as 1200 or 1.2"
    )
)


@dataclass(frozen=True)
class DataTable:
    """Candidates × data keys: ``cells[i, j]`` is candidate i's figure for key j, NaN if missing.

    The array is filled in place while the data are read.
    """

    candidates: tuple[str, ...]
    keys: tuple[str, ...]
    cells: npt.NDArray[np.float64]

    @classmethod
    def empty(cls, candidates: Sequence[str], keys: Sequence[str]) -> DataTable:
        """All cells missing."""
        return cls(tuple(candidates), tuple(keys), np.full((len(candidates), len(keys)), np.nan))

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, candidates: Sequence[str], keys: Sequence[str]
    ) -> DataTable:
        """A table given as a DataFrame (rows candidates, columns keys).

        Rows and columns are taken in the order asked; absent rows and columns are missing.
        """
        values = frame.reindex(index=list(candidates), columns=list(keys)).to_numpy(dtype=float)
        return cls(tuple(candidates), tuple(keys), values)

    def column(self, key: str) -> npt.NDArray[np.float64]:
        """The figures of one data key, one per candidate."""
        return self.cells[:, self.keys.index(key)]

    def columns(self, keys: Sequence[str]) -> npt.NDArray[np.float64]:
        """The figures of several data keys (candidates × keys)."""
        return self.cells[:, [self.keys.index(k) for k in keys]]

    def rows(self, keep: npt.NDArray[np.bool_]) -> DataTable:
        """Only the candidates where ``keep`` is true."""
        kept = tuple(c for c, k in zip(self.candidates, keep.tolist(), strict=True) if k)
        return DataTable(kept, self.keys, self.cells[keep])

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame (index candidates, columns keys)."""
        import pandas as pd  # only here: reading and checking data needs no pandas

        return pd.DataFrame(
            self.cells.copy(), index=pd.Index(list(self.candidates)), columns=list(self.keys)
        )


def read_data(
    spec: DataSpec,
    candidates: Sequence[str],
    keys: Sequence[str],
    scenario_name: str = "<scenario>",
) -> pd.DataFrame:
    """The data table (candidates × keys, floats, NaN = missing): file, computed, inline."""
    return read_data_and_notes(spec, candidates, keys, scenario_name)[0].to_frame()


def read_data_and_notes(
    spec: DataSpec,
    candidates: Sequence[str],
    keys: Sequence[str],
    scenario_name: str = "<scenario>",
) -> tuple[DataTable, tuple[str, ...]]:
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
    out = DataTable.empty(candidates, keys)
    problems: list[Problem] = []
    notes: list[str] = []
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    from_file: set[str] = set()
    if spec.file is not None:
        from_file = _fill_from_file(spec, out, problems, notes)
    computed: set[str] = set()
    if spec.regional:  # computed keys: the regional statistics work on pandas tables
        from clusterrank.criteria.regional_data import fill_regional

        frame = out.to_frame()
        computed, regional_problems = fill_regional(spec, frame, scenario_name)
        out.cells[:] = frame.to_numpy(dtype=float)
        problems += regional_problems
    row_of = {c: i for i, c in enumerate(out.candidates)}
    col_of = {k: j for j, k in enumerate(out.keys)}
    for cand, row in inline.items():
        for key, value in row.items():
            if cand in row_of and key in col_of:
                out.cells[row_of[cand], col_of[key]] = math.nan if value is None else float(value)
    for key in keys:
        has_inline = any(key in row for row in inline.values())
        if key not in from_file and key not in computed and not has_inline:
            msg = (
                _(
                    "no data for key {key!r}: add a column in the data file "
                    "(data.columns maps keys to column names)"
                )
                if spec.file
                else _(
                    "no data for key {key!r}: add a data file or inline values "
                    "(data.columns maps keys to column names)"
                )
            ).format(key=key)
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
            where = _("row {number} of the id column{cell}").format(
                number=i + 1, cell=table.cell(i, j)
            )
            msg = _(raw.reason).format(cell=_("the id"))
            problems.append(Problem(table.label, where, msg, table.line(i)))
            continue
        if ident in row_of and ident:
            msg = _("candidate {ident!r} has two rows (also row {row}); keep one").format(
                ident=ident, row=table.numbers[row_of[ident]]
            )
            where = _("row {row}").format(row=ident)
            problems.append(Problem(table.label, where, msg, table.line(i)))
        row_of.setdefault(ident, i)
    return row_of


def _no_id_column(spec: DataSpec, table: Table, name: str) -> Problem:
    """The problem of a file without ``spec.id_column``, with a hint about its separator."""
    msg = _(
        "id column {column!r} not found; columns: {columns} "
        "(set data.id_column to the column holding candidate ids)"
    ).format(column=spec.id_column, columns=", ".join(table.header))
    if table.is_csv and len(table.header) == 1:
        msg = _(
            "{problem}; the header line holds no ',', ';' or tab: separate the cells with one"
        ).format(problem=msg)
    elif table.separator not in {None, ","}:
        msg = _("{problem}; cells are separated by {separator}").format(
            problem=msg, separator=table.separator_text()
        )
    return Problem(name, "", msg, table.header_line if table.is_csv else None)


def _rowless_candidates(
    spec: DataSpec, out: DataTable, row_of: dict[str, int], computed: set[str], name: str
) -> list[Problem]:
    """A problem for each candidate with no row in the file and no inline value for every key."""
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    problems = []
    for cand in out.candidates:
        covered = all(k in inline.get(cand, {}) for k in out.keys if k not in computed)
        if cand not in row_of and not covered:
            msg = _("candidate {ident!r} has no row in the file (id column {column!r})").format(
                ident=cand, column=spec.id_column
            )
            problems.append(Problem(name, "", msg))
    return problems


def _key_columns(
    spec: DataSpec,
    out: DataTable,
    table: Table,
    name: str,
    computed: set[str],
    problems: list[Problem],
) -> tuple[set[str], dict[str, str]]:
    """Which data keys the file accounts for, and the column each present key is read from.

    A key mapped (``data.columns``) to an absent column is reported and counted as accounted
    for; a column named like a computed key is reported.
    """
    columns = set(table.header)
    supplied: set[str] = set()
    source: dict[str, str] = {}  # key -> the column it is read from
    for key in out.keys:
        column = spec.columns.get(key, key)
        if key in computed:
            if column in columns:
                msg = _(
                    "column {column!r} has the name of a key computed under data.regional; "
                    "rename or drop the column"
                ).format(column=column)
                problems.append(Problem(name, "", msg))
            continue
        if column not in columns:
            if key in spec.columns:
                msg = _(
                    "column {column!r} (mapped from data key {key!r}) not found; columns: {columns}"
                ).format(column=column, key=key, columns=", ".join(table.header))
                problems.append(Problem(name, "", msg))
                supplied.add(key)
            continue
        supplied.add(key)
        source[key] = column
    return supplied, source


def _fill_from_file(
    spec: DataSpec, out: DataTable, problems: list[Problem], notes: list[str]
) -> set[str]:
    """Copy file cells into ``out``, whole columns at once; collect problems and notes.

    Returns the keys the file accounts for (supplied, or already reported as missing).
    """
    path = Path(spec.file or "")
    name = display_name(path)
    table = read_table(path, name, spec.sheet)
    columns = {c: j for j, c in enumerate(table.header)}  # a repeated name is refused
    if spec.id_column not in columns:
        problems.append(_no_id_column(spec, table, name))
        return set(out.keys)
    row_of = _ids(table, columns[spec.id_column], problems)
    computed = {r.key for r in spec.regional}
    wanted = [c for c in out.candidates if c in row_of]
    problems += _rowless_candidates(spec, out, row_of, computed, name)
    supplied, source = _key_columns(spec, out, table, name, computed, problems)
    rows = [row_of[c] for c in wanted]
    cells = {c: [table.rows[i][columns[c]] for i in rows] for c in dict.fromkeys(source.values())}

    def place(column: str, k: int) -> str:
        return _("row {ident}, column {column}{cell}").format(
            ident=wanted[k], column=column, cell=table.cell(rows[k], columns[column])
        )

    rule = NumberRule(spec.decimal, table.separator)
    numbers = read_numbers(name, cells, place, rule, fixes=_FIXES)
    if numbers.file_problem:
        msg = _(
            "{problem}, or state the decimal separator in the scenario (data.decimal: ',' or '.')"
        ).format(problem=numbers.file_problem)
        problems.append(Problem(name, "", msg))
        return supplied
    problems += [
        Problem(name, place(p.column, p.row), p.message, table.line(rows[p.row]))
        for p in numbers.problems
    ]
    if numbers.omitted:
        problems.append(Problem(name, "", numbers.omitted_message()))
    position = {c: i for i, c in enumerate(out.candidates)}
    at = [position[c] for c in wanted]
    for key, column in source.items():
        out.cells[at, out.keys.index(key)] = numbers.by_column[column]
    notes += numbers.notes
    return supplied
