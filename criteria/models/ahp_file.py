"""Pairwise-judgment blocks and the AHP hierarchy file (``docs/file-formats.md`` section 3).

A judgment block is either ``judgments: [[a, b, v], ...]`` ("a is v times as important as
b") or ``items: [...]`` with a square ``matrix``; values are numbers or ``"a/b"`` strings on
Saaty's 1/9..9 scale. This module validates structure, scale, names and reciprocity only;
priorities are computed by ``methods.ahp`` (called by the analysis layer).

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (the 1..9 scale).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from clusterrank.criteria.models.common import (
    CrossProblem,
    FrozenModel,
    Loc,
    Name,
    connection_problems,
    duplicate_problems,
    fail,
    loc_text,
    raise_if_problems,
    repeated,
    unknown_name,
)

SCALE_MIN = 1.0 / 9.0
SCALE_MAX = 9.0
_SCALE_TOL = 0.01  # relative slack so 0.111 counts as 1/9
_RECIPROCAL_TOL = 0.01  # |a_ij * a_ji - 1| allowed, so 0.333 and 3 are reciprocal
_FRACTION = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*/\s*([0-9]*\.?[0-9]+)\s*")

Completion = Literal["implied", "lambda_max"]
"""How missing judgments are filled: ``implied`` (w_i/w_j of the derived priorities: Harker
for the eigenvector, LLSM for the geometric mean) or ``lambda_max`` (the completion of
minimal λmax, Bozóki, Fülöp & Rónyai 2010). Kept in step with ``methods.ahp.COMPLETIONS``."""


def _parse_judgment(value: object) -> float:
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        match = _FRACTION.fullmatch(value)
        try:
            number = float(match[1]) / float(match[2]) if match else float(value)
        except (ValueError, ZeroDivisionError):
            number = None
    else:
        number = None
    if number is None or not np.isfinite(number):
        fail(
            "judgment_type",
            'a judgment must be a number or a fraction like "1/3" (got {got})',
            got=repr(value),
        )
    if not SCALE_MIN * (1 - _SCALE_TOL) <= number <= SCALE_MAX * (1 + _SCALE_TOL):
        fail(
            "judgment_scale",
            "judgment {got} is outside Saaty's scale 1/9..9; write a value from 1/9 to 9",
            got=fmt_judgment(number),
        )
    return number


def fmt_judgment(value: float) -> str:
    """Show a judgment as users write it: ``3``, ``1/3``, ``2.5``."""
    if 0 < value < 1 and abs(1 / value - round(1 / value)) < 1e-6:
        return f"1/{round(1 / value)}"
    return f"{value:g}"


Judgment = Annotated[
    float,
    BeforeValidator(_parse_judgment),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": SCALE_MIN, "maximum": SCALE_MAX},
                {"type": "string", "pattern": r"^\s*[0-9.]+\s*/\s*[0-9.]+\s*$"},
            ],
            "description": 'Saaty scale 1/9..9, a number or a fraction such as "1/3"',
        }
    ),
]


class JudgmentBlock(FrozenModel):
    """Pairwise judgments among some items: a list of ``[a, b, v]`` or a ``matrix``.

    A matrix may name its rows with ``items``; without them its rows follow the order in
    which the context lists the items (groups, a group's criteria, AHP alternatives).
    """

    judgments: tuple[tuple[Name, Name, Judgment], ...] | None = None
    items: tuple[Name, ...] | None = None
    matrix: tuple[tuple[Judgment, ...], ...] | None = None

    def named_items(self) -> tuple[str, ...]:
        """The items the block mentions, in order of first appearance."""
        if self.items is not None:
            return self.items
        seen: dict[str, None] = {}
        for a, b, _ in self.judgments or ():
            seen.setdefault(a)
            seen.setdefault(b)
        return tuple(seen)

    def triples(self, items: Sequence[str] = ()) -> tuple[tuple[str, str, float], ...]:
        """Every judgment as ``(a, b, v)``; from a matrix, its upper triangle.

        A matrix written without ``items`` takes its names from ``items`` here (the
        context's order: the groups, a group's criteria, the AHP file's alternatives).
        """
        if self.judgments is not None:
            return self.judgments
        names = tuple(self.items if self.items is not None else items)
        rows = self.matrix or ()
        if len(names) != len(rows):
            msg = (
                f"a {len(rows)}×{len(rows)} matrix needs {len(rows)} item names (got {len(names)})"
            )
            raise ValueError(msg)
        return tuple(
            (names[i], names[j], rows[i][j])
            for i in range(len(names))
            for j in range(i + 1, len(names))
        )

    def pairwise(self, items: Sequence[str]) -> npt.NDArray[np.float64]:
        """The reciprocal matrix over ``items``: 1 on the diagonal, NaN where not judged.

        NaN marks a *missing judgment* on purpose (``methods.ahp`` handles incomplete
        matrices); names outside ``items`` raise ``KeyError``.
        """
        index = {name: k for k, name in enumerate(items)}
        out = np.full((len(items), len(items)), np.nan)
        np.fill_diagonal(out, 1.0)
        for a, b, v in self.triples(items):
            out[index[a], index[b]] = v
            out[index[b], index[a]] = 1.0 / v
        return out

    def check_names(self, allowed: Sequence[str], kind: str) -> list[CrossProblem]:
        """Problems (relative to this block) for names not in ``allowed`` or never compared."""
        out: list[CrossProblem] = []
        if self.items is None and self.matrix is not None:
            if len(self.matrix) != len(allowed):
                msg = (
                    f"matrix must be {len(allowed)}×{len(allowed)}, one row and column per "
                    f"{kind} in the order listed ({', '.join(allowed)}); "
                    f"got {len(self.matrix)} rows"
                )
                out.append((("matrix",), msg))
            return out
        if self.items is not None:
            for k, name in enumerate(self.items):
                if name not in allowed:
                    out.append((("items", k), unknown_name(kind, name, allowed)))
            missing = [a for a in allowed if a not in self.items]
            if missing and not out:
                out.append(
                    (("items",), f"items must list every {kind}; missing: {', '.join(missing)}")
                )
            return out
        for k, (a, b, _) in enumerate(self.judgments or ()):
            out += [
                (("judgments", k, pos), unknown_name(kind, name, allowed))
                for pos, name in ((0, a), (1, b))
                if name not in allowed
            ]
        if not out:
            out += connection_problems(self.triples(), allowed, kind)
        return out

    @model_validator(mode="after")
    def _check(self) -> JudgmentBlock:
        raise_if_problems(self._problems())
        return self

    def _problems(self) -> list[CrossProblem]:
        has_list = self.judgments is not None
        has_matrix = self.items is not None or self.matrix is not None
        if has_list == has_matrix:
            return [((), "give either 'judgments' or 'matrix' (with optional 'items')")]
        if has_list:
            return self._list_problems()
        if self.matrix is None:
            return [((), "'items' needs a 'matrix' of judgments among them")]
        return self._matrix_problems(self.items, self.matrix)

    def _list_problems(self) -> list[CrossProblem]:
        out: list[CrossProblem] = []
        pairs: list[tuple[str, Loc]] = []
        for k, (a, b, _) in enumerate(self.judgments or ()):
            if a == b:
                out.append((("judgments", k), f"{a!r} is judged against itself; remove it"))
            else:
                pairs.append((" vs ".join(sorted((a, b))), ("judgments", k)))
        for loc, msg in duplicate_problems("pair", pairs):
            out.append((loc[:-1], msg.replace("pair id", "judgment of the pair")))
        return out

    @staticmethod
    def _matrix_problems(
        items: tuple[str, ...] | None, matrix: tuple[tuple[float, ...], ...]
    ) -> list[CrossProblem]:
        n = len(items) if items is not None else len(matrix)
        out: list[CrossProblem] = [
            (("items",), f"item {name!r} is listed twice") for name in repeated(items or ())
        ]
        if len(matrix) != n or any(len(row) != n for row in matrix):
            shape = "×".join(str(x) for x in (len(matrix), max(map(len, matrix), default=0)))
            msg = f"matrix must be {n}×{n}, one row and column per item (got {shape})"
            return [*out, (("matrix",), msg)]
        for i in range(n):
            if abs(matrix[i][i] - 1) > _RECIPROCAL_TOL:
                msg = f"diagonal entries must be 1 (got {fmt_judgment(matrix[i][i])})"
                out.append((("matrix", i, i), msg))
            for j in range(i + 1, n):
                aij, aji = matrix[i][j], matrix[j][i]
                if abs(aij * aji - 1) > _RECIPROCAL_TOL:
                    msg = (
                        f"matrix{loc_text((i, j))} = {fmt_judgment(aij)} and "
                        f"matrix{loc_text((j, i))} = {fmt_judgment(aji)} are not reciprocal; "
                        f"expected matrix{loc_text((j, i))} = {fmt_judgment(1 / aij)}"
                    )
                    out.append((("matrix", j, i), msg))
        return out


class AHPFile(FrozenModel):
    """An AHP hierarchy: goal, criteria, alternatives and every pairwise-judgment block."""

    goal: Name
    derivation: Literal["eigenvector", "geometric_mean"] = "eigenvector"
    random_index: Literal["saaty", "alonso_lamata"] = "saaty"
    synthesis: Literal["distributive", "ideal"] = "distributive"
    completion: Completion = "implied"
    criteria: tuple[Name, ...] = Field(min_length=1)
    criteria_judgments: JudgmentBlock | None = None
    alternatives: tuple[Name, ...] = Field(min_length=1)
    alternative_judgments: dict[str, JudgmentBlock] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> AHPFile:
        out: list[CrossProblem] = [
            (("criteria",), f"criterion {c!r} is listed twice") for c in repeated(self.criteria)
        ]
        out += [
            (("alternatives",), f"alternative {a!r} is listed twice")
            for a in repeated(self.alternatives)
        ]
        if self.criteria_judgments is not None:
            out += [
                (("criteria_judgments", *loc), msg)
                for loc, msg in self.criteria_judgments.check_names(self.criteria, "criterion")
            ]
        elif len(self.criteria) > 1:
            out.append(((), "'criteria_judgments' is required when there are several criteria"))
        for crit, block in self.alternative_judgments.items():
            if crit not in self.criteria:
                out.append(
                    (
                        ("alternative_judgments", crit),
                        unknown_name("criterion", crit, self.criteria),
                    )
                )
                continue
            out += [
                (("alternative_judgments", crit, *loc), msg)
                for loc, msg in block.check_names(self.alternatives, "alternative")
            ]
        if len(self.alternatives) > 1:
            for crit in self.criteria:
                if crit not in self.alternative_judgments:
                    msg = f"no judgments among the alternatives for criterion {crit!r}"
                    out.append((("alternative_judgments",), msg))
        raise_if_problems(out)
        return self
