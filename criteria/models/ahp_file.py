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
    Name,
    connection_problems,
    fail,
    loc_text,
    raise_if_problems,
    repeated,
    unknown_name,
)
from clusterrank.i18n import _, formats

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
            _('a judgment must be a number or a fraction like "1/3" (got {got})'),
            got=repr(value),
        )
    if not SCALE_MIN * (1 - _SCALE_TOL) <= number <= SCALE_MAX * (1 + _SCALE_TOL):
        fail(
            "judgment_scale",
            _("judgment {got} is outside Saaty's scale 1/9..9; write a value from 1/9 to 9"),
            got=shown_judgment(number),
        )
    return number


def fmt_judgment(value: float) -> str:
    """Show a judgment as users write it: ``3``, ``1/3``, ``2.5``."""
    if 0 < value < 1 and abs(1 / value - round(1 / value)) < 1e-6:
        return f"1/{round(1 / value)}"
    return f"{value:g}"


def shown_judgment(value: float) -> str:
    """A judgment in a message: as :func:`fmt_judgment`, with the language's decimal mark.

    (:func:`fmt_judgment` writes YAML, so it keeps the point: ``2,5`` only in Russian text.)
    """
    return fmt_judgment(value).replace(".", formats.decimal_mark())


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
        for a, b, _value in self.judgments or ():
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
            msg = _("a {n}×{n} matrix needs {n} item names (got {count})").format(
                n=len(rows), count=len(names)
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
                msg = _(
                    "matrix must be {n}×{n}, one row and column per {kind} in the order listed "
                    "({names}); got {rows} rows"
                ).format(
                    n=len(allowed),
                    kind=_(kind),
                    names=", ".join(allowed),
                    rows=len(self.matrix),
                )
                out.append((("matrix",), msg))
            return out
        if self.items is not None:
            for k, name in enumerate(self.items):
                if name not in allowed:
                    out.append((("items", k), unknown_name(kind, name, allowed)))
            missing = [a for a in allowed if a not in self.items]
            if missing and not out:
                msg = _("items must list every {kind}; missing: {missing}").format(
                    kind=_(kind), missing=", ".join(missing)
                )
                out.append((("items",), msg))
            return out
        for k, (a, b, _value) in enumerate(self.judgments or ()):
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
            return [((), _("give either 'judgments' or 'matrix' (with optional 'items')"))]
        if has_list:
            return self._list_problems()
        if self.matrix is None:
            return [((), _("'items' needs a 'matrix' of judgments among them"))]
        return self._matrix_problems(self.items, self.matrix)

    def _list_problems(self) -> list[CrossProblem]:
        out: list[CrossProblem] = []
        first: dict[tuple[str, ...], int] = {}
        for k, (a, b, _value) in enumerate(self.judgments or ()):
            if a == b:
                msg = _("{item!r} is judged against itself; remove it").format(item=a)
                out.append((("judgments", k), msg))
                continue
            pair = tuple(sorted((a, b)))
            if pair in first:
                msg = _("duplicate judgment of the pair '{first} vs {second}' (also at {place})")
                place = loc_text(("judgments", first[pair]))
                out.append(
                    (("judgments", k), msg.format(first=pair[0], second=pair[1], place=place))
                )
            first.setdefault(pair, k)
        return out

    @staticmethod
    def _matrix_problems(
        items: tuple[str, ...] | None, matrix: tuple[tuple[float, ...], ...]
    ) -> list[CrossProblem]:
        n = len(items) if items is not None else len(matrix)
        out: list[CrossProblem] = [
            (("items",), _("item {name!r} is listed twice").format(name=name))
            for name in repeated(items or ())
        ]
        if len(matrix) != n or any(len(row) != n for row in matrix):
            shape = "×".join(str(x) for x in (len(matrix), max(map(len, matrix), default=0)))
            msg = _("matrix must be {n}×{n}, one row and column per item (got {shape})").format(
                n=n, shape=shape
            )
            return [*out, (("matrix",), msg)]
        for i in range(n):
            if abs(matrix[i][i] - 1) > _RECIPROCAL_TOL:
                msg = _("diagonal entries must be 1 (got {got})").format(
                    got=shown_judgment(matrix[i][i])
                )
                out.append((("matrix", i, i), msg))
            for j in range(i + 1, n):
                aij, aji = matrix[i][j], matrix[j][i]
                if abs(aij * aji - 1) > _RECIPROCAL_TOL:
                    msg = _(
                        "matrix{upper} = {value} and matrix{lower} = {mirror} are not "
                        "reciprocal; expected matrix{lower} = {expected}"
                    ).format(
                        upper=loc_text((i, j)),
                        lower=loc_text((j, i)),
                        value=shown_judgment(aij),
                        mirror=shown_judgment(aji),
                        expected=shown_judgment(1 / aij),
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
            (("criteria",), _("criterion {name!r} is listed twice").format(name=c))
            for c in repeated(self.criteria)
        ]
        out += [
            (("alternatives",), _("alternative {name!r} is listed twice").format(name=a))
            for a in repeated(self.alternatives)
        ]
        if self.criteria_judgments is not None:
            out += [
                (("criteria_judgments", *loc), msg)
                for loc, msg in self.criteria_judgments.check_names(self.criteria, "criterion")
            ]
        elif len(self.criteria) > 1:
            msg = _("'criteria_judgments' is required when there are several criteria")
            out.append(((), msg))
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
                    msg = _("no judgments among the alternatives for criterion {criterion!r}")
                    msg = msg.format(criterion=crit)
                    out.append((("alternative_judgments",), msg))
        raise_if_problems(out)
        return self
