"""Read the candidates' figures from a CSV or XLSX file and the scenario's inline values.

A cell is a number, or empty / ``null`` / ``NA`` for missing. Anything else (text, ``inf``,
a decimal comma) is a Problem naming the file, the row (candidate id) and the column, so the
user can fix the cell. Inline ``values`` override the file cell by cell.

The result is a float DataFrame, candidates (rows, in scenario order) × data keys (columns),
with NaN marking missing cells; the missing-data policy is applied by `criteria.matrix`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from criteria.loading import display_name
from criteria.models.scenario import DataSpec
from criteria.regional_data import fill_regional
from errors import Problem, ValidationFailed

_MISSING_WORDS = {"", "null", "na", "n/a", "nan", "none"}


def _read_table(path: Path, sheet: str | None, name: str) -> tuple[pd.DataFrame, bool]:
    """The raw table as objects (no type guessing); the flag says whether it is a CSV."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            table = pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True
            )
            return table, True
        with pd.ExcelFile(path) as book:
            sheets = [str(s) for s in book.sheet_names]
            if sheet is not None and sheet not in sheets:
                msg = f"sheet {sheet!r} not found; sheets in the file: {', '.join(sheets)}"
                raise ValidationFailed.single(name, "data.sheet", msg)
            return pd.read_excel(
                book, sheet_name=sheet if sheet is not None else 0, dtype=object
            ), False
    except ImportError as exc:
        msg = f"cannot read {suffix} files here ({exc}); save the sheet as .xlsx or .csv"
        raise ValidationFailed.single(name, "", msg) from exc
    except UnicodeDecodeError as exc:
        msg = "not UTF-8 text; save the CSV as UTF-8"
        raise ValidationFailed.single(name, "", msg) from exc
    except (ValueError, OSError, pd.errors.ParserError) as exc:
        raise ValidationFailed.single(name, "", f"cannot read the file: {exc}") from exc


def _cell_id(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return (
        ""
        if value is None or (isinstance(value, float) and math.isnan(value))
        else str(value).strip()
    )


def parse_cell(value: object) -> float | None:
    """A cell as a float, ``nan`` for missing, or ``None`` when it is not a number."""
    if value is None or isinstance(value, bool):
        return None if isinstance(value, bool) else math.nan
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return number if math.isfinite(number) or math.isnan(number) else None
    text = str(value).strip()
    if text.lower() in _MISSING_WORDS:
        return math.nan
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def read_data(
    spec: DataSpec,
    candidates: Sequence[str],
    keys: Sequence[str],
    scenario_name: str = "<scenario>",
) -> pd.DataFrame:
    """The data table (candidates × keys, floats, NaN = missing): file, computed, inline.

    Keys listed under ``data.regional`` are computed from their region × sector tables
    (:mod:`criteria.regional_data`); a candidate with no region/sector mapping stays missing.

    Raises
    ------
    ValidationFailed
        Listing every problem: unreadable file, missing id column or data column,
        duplicate or absent candidate rows, non-numeric cells, keys with no data at all,
        regions or sectors a regional table lacks.
    """
    out = pd.DataFrame(np.nan, index=pd.Index(list(candidates)), columns=list(keys), dtype=float)
    problems: list[Problem] = []
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    from_file: set[str] = set()
    if spec.file is not None:
        from_file = _fill_from_file(spec, out, problems)
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
    return out


def _fill_from_file(spec: DataSpec, out: pd.DataFrame, problems: list[Problem]) -> set[str]:
    """Copy file cells into ``out``; collect problems.

    Returns the keys the file accounts for (supplied, or already reported as missing).
    """
    path = Path(spec.file or "")
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    name = display_name(path)
    table, is_csv = _read_table(path, spec.sheet, name)
    table.columns = [str(c).strip() for c in table.columns]
    if spec.id_column not in table.columns:
        msg = (
            f"id column {spec.id_column!r} not found; columns: {', '.join(table.columns)} "
            "(set data.id_column to the column holding candidate ids)"
        )
        problems.append(Problem(name, "", msg, 1 if is_csv else None))
        return set(out.columns)
    ids = [_cell_id(v) for v in table[spec.id_column]]
    row_of: dict[str, int] = {}
    for pos, ident in enumerate(ids):
        if ident in row_of and ident in out.index:
            msg = f"candidate {ident!r} has two rows (also row {row_of[ident] + 2}); keep one"
            problems.append(Problem(name, f"row {ident}", msg, pos + 2 if is_csv else None))
        row_of.setdefault(ident, pos)
    computed = {r.key for r in spec.regional}
    for cand in out.index:
        covered = all(k in inline.get(cand, {}) for k in out.columns if k not in computed)
        if cand not in row_of and not covered:
            msg = f"candidate {cand!r} has no row in the file (id column {spec.id_column!r})"
            problems.append(Problem(name, "", msg))
    supplied: set[str] = set()
    for key in out.columns:
        column = spec.columns.get(key, key)
        if key in computed:
            if column in table.columns:
                msg = f"column {column!r} has the name of a key computed under data.regional; "
                problems.append(Problem(name, "", msg + "rename or drop the column"))
            continue
        if column not in table.columns:
            if key in spec.columns:
                msg = f"column {column!r} (mapped from data key {key!r}) not found; columns: "
                problems.append(Problem(name, "", msg + ", ".join(table.columns)))
                supplied.add(key)
            continue
        supplied.add(key)
        for cand in out.index:
            if cand not in row_of:
                continue
            raw = table.iloc[row_of[cand]][column]
            number = parse_cell(raw)
            if number is None:
                msg = (
                    f"{raw!r} in column {column}, row {cand} is not a number; "
                    "write a number or leave it empty for missing"
                )
                line = row_of[cand] + 2 if is_csv else None
                problems.append(Problem(name, f"row {cand}, column {column}", msg, line))
            else:
                out.loc[cand, key] = number
    return supplied
