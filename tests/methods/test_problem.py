"""clusterrank.methods.problem.DecisionProblem: checked once when built, then trusted.

The counts below are the point of the class: before it, ``rank(..., "topsis")`` checked the
matrix three times (registry, ``topsis``, ``prepare_topsis``) and computed the distances
twice; now the matrix is checked once when the problem is built and never again.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import clusterrank.methods.topsis
from clusterrank.errors import MethodInputError
from clusterrank.methods.problem import NO_DIRECTIONS_NOTE, DecisionProblem
from clusterrank.methods.registry import get_batch_scorer, rank
from clusterrank.methods.topsis import topsis

X = np.array([[3.0, 20.0, 1.0], [5.0, 10.0, 4.0], [4.0, 15.0, 2.0], [1.0, 12.0, 8.0]])
DIRS = ["max", "min", "max"]
ROOT = Path(__file__).resolve().parents[2]


def _count(monkeypatch: pytest.MonkeyPatch, name: str, *modules: Any) -> list[int]:
    """Count calls of ``name`` through any of ``modules`` (every ``methods`` module by default)."""
    calls: list[int] = []
    if not modules:
        modules = tuple(m for k, m in sys.modules.items() if k.startswith("clusterrank.methods"))
    for module in modules:
        real: Callable[..., Any] | None = getattr(module, name, None)
        if real is None:
            continue

        def counting(*args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            calls.append(1)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    return calls


def test_built_once_frozen_and_defaulted() -> None:
    """Directions parsed to ±1, ids defaulted, arrays read-only and copied from the input."""
    given = X.copy()
    p = DecisionProblem.of(given, DIRS)
    assert p.directions.tolist() == [1, -1, 1]
    assert p.candidates == ("A1", "A2", "A3", "A4")
    assert p.criteria == ("C1", "C2", "C3")
    assert p.shape == (4, 3)
    assert not p.values.flags.writeable
    assert not p.directions.flags.writeable
    given[0, 0] = 99.0
    assert p.values[0, 0] == 3.0
    assert DecisionProblem.of(p) is p
    assert DecisionProblem.of(X).notes == (NO_DIRECTIONS_NOTE,)


def test_bad_input_refused_on_construction() -> None:
    """A non-finite value, a direction count or repeated ids: refused when built."""
    with pytest.raises(MethodInputError, match="non-finite"):
        DecisionProblem.of([[1.0, np.nan]], ["max", "max"])
    with pytest.raises(MethodInputError, match="expected 3 directions"):
        DecisionProblem.of(X, ["max"])
    with pytest.raises(MethodInputError, match="'a' more than once"):
        DecisionProblem.of(X, DIRS, candidates=["a", "a", "b", "c"])
    with pytest.raises(MethodInputError, match="already carries"):
        DecisionProblem.of(DecisionProblem.of(X, DIRS), DIRS)


def test_topsis_path_checks_once_and_computes_distances_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rank(matrix, ..., "topsis"): one matrix check, one distance computation (was 3 and 2);
    a prepared DecisionProblem is not checked again at all."""
    checks = _count(monkeypatch, "check_matrix")
    distances = _count(monkeypatch, "topsis_distances", clusterrank.methods.topsis)
    res = rank(X, [0.5, 0.3, 0.2], DIRS)
    assert (len(checks), len(distances)) == (1, 1)
    problem = DecisionProblem.of(X, DIRS)
    checks.clear()
    again = rank(problem, [0.5, 0.3, 0.2], method="topsis")
    get_batch_scorer("topsis", problem).scores([0.5, 0.3, 0.2])
    assert checks == []
    np.testing.assert_array_equal(again.scores, res.scores)
    np.testing.assert_array_equal(topsis(X, [0.5, 0.3, 0.2], DIRS).scores, res.scores)


def test_normalised_weights_are_not_rescaled_again() -> None:
    """Weights that already sum to 1 reach the kernel as given (normalised once, upstream)."""
    w = np.array([0.1, 0.2, 0.7])
    res = rank(X, w, DIRS, "wsm")
    np.testing.assert_array_equal(res.weights, w)
    assert not any("rescaled" in note for note in res.notes)


def test_registry_import_does_not_import_pymcdm() -> None:
    """`import clusterrank.methods.registry` leaves pymcdm and matplotlib unimported;
    the adapter is imported when a catalogue method runs."""
    code = (
        "import sys, clusterrank.methods.registry as r\n"
        "assert 'pymcdm' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "r.available_methods()\n"
        "assert 'pymcdm' not in sys.modules\n"
        "r.rank([[1.0, 2.0], [2.0, 1.0]], None, ['max', 'min'], 'vikor')\n"
        "assert 'pymcdm' in sys.modules\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
