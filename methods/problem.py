"""The validated decision problem every ranking kernel receives: checked once, then trusted.

A :class:`DecisionProblem` holds the m×n matrix, the ±1 direction of each criterion and the
candidate and criterion ids. Its constructor runs every check of :mod:`methods.validation`
(numeric, 2-D, finite, one direction per criterion, unique ids of the right count) and
freezes the arrays, so the kernels behind :func:`methods.registry.rank` and the batch scorers
do arithmetic only. Weights are not part of the problem: sensitivity analysis scores one
problem under thousands of weight vectors.

Built once at the seam: ``analysis`` turns a ``criteria`` ``DecisionMatrix`` into one (the two
packages never import each other); the public functions that take raw arrays
(:func:`methods.topsis.topsis`, :func:`methods.registry.rank`, ...) build one with
:meth:`DecisionProblem.of`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _
from clusterrank.methods.validation import check_directions, check_ids, check_matrix, check_weights

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]
Directions = Sequence[str | int] | npt.ArrayLike
NO_DIRECTIONS_NOTE = N_("no directions given; every criterion treated as benefit")


@dataclass(frozen=True)
class DecisionProblem:
    """m candidates × n criteria, validated on construction.

    Attributes
    ----------
    values
        m×n finite float matrix (read-only).
    directions
        n ints, +1 benefit / -1 cost (read-only); any spelling of
        :func:`methods.directions.parse_directions` is accepted on construction, and
        ``None`` treats every criterion as benefit (with a note).
    candidates, criteria
        Unique ids, m and n of them; ``None`` on construction gives ``A1..Am``, ``C1..Cn``.
    notes
        Notes on how the problem was built (e.g. directions defaulted to benefit).

    Raises
    ------
    MethodInputError
        On construction, for a non-numeric, non-finite or empty matrix, a direction count
        that is not n, or ids of the wrong count or repeated.
    """

    values: FloatArray
    directions: IntArray
    candidates: tuple[str, ...]
    criteria: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        x = check_matrix(self.values).copy()
        m, n = x.shape
        candidates = check_ids(self.candidates, "A", m, "candidate")
        criteria = check_ids(self.criteria, "C", n, "criterion")
        notes = tuple(self.notes)
        given: Any = self.directions
        if given is None:
            given, notes = np.ones(n, dtype=int), (_(NO_DIRECTIONS_NOTE), *notes)
        d = check_directions(given, n).copy()
        x.setflags(write=False)
        d.setflags(write=False)
        for name, value in (
            ("values", x),
            ("directions", d),
            ("candidates", candidates),
            ("criteria", criteria),
            ("notes", notes),
        ):
            object.__setattr__(self, name, value)

    @classmethod
    def of(
        cls,
        matrix: npt.ArrayLike | DecisionProblem,
        directions: Directions | None = None,
        *,
        candidates: Sequence[str] | None = None,
        criteria: Sequence[str] | None = None,
    ) -> DecisionProblem:
        """The problem for raw inputs (validated here), or ``matrix`` itself when it is one.

        ``directions=None`` treats every criterion as benefit, with a note; missing ids
        default to ``A1..Am`` and ``C1..Cn``. A :class:`DecisionProblem` is returned as it is
        (no second check); giving it directions or ids as well is an error.
        """
        if isinstance(matrix, DecisionProblem):
            if directions is not None or candidates is not None or criteria is not None:
                msg = (
                    "a DecisionProblem already carries its directions and ids; "
                    "do not pass them again"
                )
                raise MethodInputError(msg)
            return matrix
        raw: Any = (matrix, directions, candidates, criteria)  # checked by __post_init__
        return cls(*raw)

    @property
    def shape(self) -> tuple[int, int]:
        """``(m, n)``: candidates, criteria."""
        m, n = self.values.shape
        return int(m), int(n)


def checked_inputs(
    matrix: npt.ArrayLike | DecisionProblem,
    weights: npt.ArrayLike | None,
    directions: Directions | None = None,
    *,
    candidates: Sequence[str] | None = None,
    criteria: Sequence[str] | None = None,
) -> tuple[DecisionProblem, FloatArray, list[str]]:
    """The problem and the weights of one ranking call, each checked once.

    Returns the problem (:meth:`DecisionProblem.of`), the weights summing to 1
    (:func:`methods.validation.check_weights`, equal when ``None``) and the notes owed to the
    reader: the problem's, then the weights'.
    """
    problem = DecisionProblem.of(matrix, directions, candidates=candidates, criteria=criteria)
    w, notes = check_weights(weights, problem.shape[1], problem.criteria)
    return problem, w, [*problem.notes, *notes]
