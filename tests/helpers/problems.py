"""Seeded decision problems for the tests of ``methods``.

``build_problem(m, n, seed=...)`` returns a reproducible random :class:`DecisionProblem`;
``random_problem_list()`` a fixed list of them (varied sizes, mixed directions) for
cross-checks against pymcdm; ``random_weights(N, n, seed)`` N weight vectors summing to 1.
Values are strictly positive unless ``low`` says otherwise, so every pymcdm normalisation is
defined on them. ``tests/methods/conftest.py`` offers them as fixtures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class DecisionProblem:
    """A decision matrix (m×n), weights summing to 1 and ±1 directions."""

    matrix: FloatArray
    weights: FloatArray
    directions: npt.NDArray[np.int_]

    @property
    def shape(self) -> tuple[int, int]:
        m, n = self.matrix.shape
        return int(m), int(n)


def build_problem(
    m: int = 6,
    n: int = 4,
    seed: int = 0,
    *,
    low: float = 1.0,
    high: float = 100.0,
    cost_share: float = 0.5,
) -> DecisionProblem:
    """A seeded random problem; at least one benefit criterion, ~``cost_share`` cost ones."""
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(low, high, size=(m, n))
    weights = rng.uniform(0.05, 1.0, size=n)
    directions = np.where(rng.random(n) < cost_share, -1, 1)
    directions[0] = 1
    return DecisionProblem(matrix, weights / weights.sum(), directions.astype(int))


def random_problem_list() -> list[DecisionProblem]:
    """Twenty seeded problems of varied size (2..12 candidates, 1..7 criteria)."""
    sizes = np.random.default_rng(2024).integers(low=(2, 1), high=(13, 8), size=(20, 2))
    return [build_problem(int(m), int(n), seed=k) for k, (m, n) in enumerate(sizes)]


def random_weights(count: int, n: int, seed: int = 0) -> FloatArray:
    """``count``×``n`` random weights (Dirichlet), each row summing to 1."""
    w = np.random.default_rng(seed).dirichlet(np.ones(n), size=count)
    return np.asarray(w, dtype=float)
