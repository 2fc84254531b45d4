"""Plain decision-matrix and pairwise-matrix CSV files (for `clusterrank rank --matrix` and
`clusterrank ahp FILE.csv`).

A plain matrix CSV has a header row of criterion names and candidate ids in the first column.
A pairwise CSV has the item names as header row and first column; entries are numbers or
``a/b`` fractions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt

from errors import Problem, ValidationFailed


@dataclass(frozen=True)
class PlainMatrix:
    """Candidates × criteria read from a CSV file."""

    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    values: npt.NDArray[np.float64]


def _read_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    rows = [row for row in csv.reader(text.splitlines()) if any(c.strip() for c in row)]
    if not rows:
        raise ValidationFailed.single(str(path), "", "the file is empty; expected a header row")
    return rows


def parse_number(text: str) -> float:
    """Parse ``3``, ``0.25``, ``1/3`` or ``1,5`` (decimal comma); raise ValueError otherwise."""
    s = text.strip().replace(" ", "")
    if "/" in s:
        return float(Fraction(s))
    return float(s.replace(",", ".")) if s.count(",") == 1 and "." not in s else float(s)


def read_matrix_csv(path: str | Path) -> PlainMatrix:
    """Read a plain decision matrix; every bad cell is reported at once."""
    p = Path(path)
    rows = _read_rows(p)
    header = [h.strip() for h in rows[0]]
    criteria = tuple(header[1:])
    problems: list[Problem] = []
    if not criteria:
        problems.append(
            Problem(
                str(p),
                "header",
                "no criteria: the header needs an id column and at least one criterion column",
                1,
            )
        )
    seen_c = {c for c in criteria if criteria.count(c) > 1}
    for c in sorted(seen_c):
        problems.append(Problem(str(p), "header", f"duplicate criterion name {c!r}", 1))
    candidates: list[str] = []
    values: list[list[float]] = []
    for line_no, row in enumerate(rows[1:], start=2):
        cid = row[0].strip() if row else ""
        if not cid:
            problems.append(Problem(str(p), f"row {line_no}", "empty candidate id", line_no))
        if cid in candidates:
            problems.append(
                Problem(str(p), f"row {line_no}", f"duplicate candidate id {cid!r}", line_no)
            )
        if len(row) - 1 != len(criteria):
            problems.append(
                Problem(
                    str(p),
                    f"row {line_no}",
                    f"expected {len(criteria)} values after the id, got {len(row) - 1}",
                    line_no,
                )
            )
            continue
        parsed: list[float] = []
        for crit, cell in zip(criteria, row[1:], strict=True):
            try:
                v = parse_number(cell)
                if not np.isfinite(v):
                    raise ValueError(cell)
            except (ValueError, ZeroDivisionError):
                problems.append(
                    Problem(
                        str(p),
                        f"row {cid!r}, column {crit!r}",
                        f"{cell.strip()!r} is not a number; write a number "
                        "(a plain matrix cannot have missing values)",
                        line_no,
                    )
                )
                v = float("nan")
            parsed.append(v)
        candidates.append(cid)
        values.append(parsed)
    if not candidates and not problems:
        problems.append(Problem(str(p), "", "no candidates: add rows below the header"))
    if problems:
        raise ValidationFailed(problems)
    return PlainMatrix(tuple(candidates), criteria, np.array(values, dtype=float))


def read_pairwise_csv(path: str | Path) -> tuple[tuple[str, ...], npt.NDArray[np.float64]]:
    """Read a square pairwise-comparison matrix; structure is checked here, AHP rules in methods."""
    p = Path(path)
    rows = _read_rows(p)
    items = tuple(h.strip() for h in rows[0][1:])
    problems: list[Problem] = []
    body = rows[1:]
    if len(body) != len(items):
        problems.append(
            Problem(
                str(p),
                "",
                f"a pairwise matrix must be square: {len(items)} columns but {len(body)} rows",
            )
        )
    matrix = np.full((len(body), len(items)), np.nan)
    for i, row in enumerate(body):
        line_no = i + 2
        name = row[0].strip() if row else ""
        if i < len(items) and name != items[i]:
            problems.append(
                Problem(
                    str(p),
                    f"row {line_no}",
                    f"row name {name!r} should be {items[i]!r} "
                    "(rows must list the items in the header's order)",
                    line_no,
                )
            )
        for j, cell in enumerate(row[1 : len(items) + 1]):
            if not cell.strip():
                continue  # a missing judgment; AHP completes it (Harker) and says so
            try:
                matrix[i, j] = parse_number(cell)
            except (ValueError, ZeroDivisionError):
                problems.append(
                    Problem(
                        str(p),
                        f"{name!r} vs {items[j]!r}",
                        f"{cell.strip()!r} is not a number or fraction like 1/3",
                        line_no,
                    )
                )
    if problems:
        raise ValidationFailed(problems)
    return items, matrix
