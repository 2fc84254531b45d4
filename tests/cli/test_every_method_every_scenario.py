"""Robustness: every ranking method on every shipped scenario either ranks (finite scores,
every candidate once) or refuses with a message — never an internal error.

Each scenario is loaded once: its Scenario, DecisionMatrix and weights are built once and
every method ranks them through the analysis layer, rendered as `clusterrank rank --format
json` renders them. One real CLI call per scenario keeps the command-line path covered and
must print exactly what the analysis layer computed for the scenario's own method.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights
from clusterrank.cli.commands.rank import render
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ClusterRankError, ValidationFailed
from clusterrank.methods.registry import available_methods
from tests.helpers.cli import SCENARIOS_DIR, Run

SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))
METHODS = [m.name for m in available_methods("ranking")]


def check_ranking(doc: dict[str, Any], method: str, candidates: Sequence[str]) -> None:
    """Finite scores, ranks from 1, every candidate exactly once, the method echoed."""
    rows = doc["results"]
    assert all(math.isfinite(row["score"]) for row in rows), method
    assert min(row["rank"] for row in rows) == 1, method
    assert sorted(row["id"] for row in rows) == sorted(candidates), method
    assert doc["method"] == method


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_each_method_ranks_or_explains(path: Path, run_cli: Callable[..., Run]) -> None:
    scenario = load_scenario(path)
    dm = decision_matrix(scenario)
    weights = resolve_weights(scenario, dm)
    own_method_json = ""
    ranked = 0
    refusals: dict[str, str] = {}
    for method in METHODS:
        try:
            report = rank_scenario(scenario, method=method, weights=weights, matrix=dm)
        except ValidationFailed as exc:  # the scenario loaded: a method must not re-fail it
            pytest.fail(f"{method}: {exc}")
        except ClusterRankError as exc:  # a refusal, said to the user as `error: ...`
            refusals[method] = str(exc)
            continue
        text = render(report, "json")  # non-finite numbers fail here, as they would in the CLI
        check_ranking(json.loads(text), method, dm.candidates)
        ranked += 1
        if method == scenario.method.name:
            own_method_json = text
    assert all(message.strip() for message in refusals.values()), refusals
    assert ranked >= 6, "TOPSIS, WSM, AHP, VIKOR, PROMETHEE II and SPOTIS at least"

    r = run_cli("rank", path, "--format", "json")
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    assert r.out.strip() == own_method_json.strip()
