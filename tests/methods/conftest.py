"""Fixtures for the tests of ``methods``: seeded decision problems and weight batches
(the factories live in :mod:`tests.helpers.problems`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.helpers.problems import (
    DecisionProblem,
    FloatArray,
    build_problem,
    random_problem_list,
    random_weights,
)


@pytest.fixture
def make_problem() -> Callable[..., DecisionProblem]:
    """Factory fixture: ``make_problem(m, n, seed=..., low=..., high=..., cost_share=...)``."""
    return build_problem


@pytest.fixture
def random_problems() -> list[DecisionProblem]:
    """Twenty seeded problems of varied size (2..12 candidates, 1..7 criteria)."""
    return random_problem_list()


@pytest.fixture
def weight_batch() -> Callable[[int, int, int], FloatArray]:
    """Factory fixture: ``weight_batch(N, n, seed)`` -> N×n random weights, rows sum to 1."""
    return random_weights
