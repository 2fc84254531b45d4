"""Robustness: every ranking method on every shipped scenario either ranks (exit 0, finite
scores, every candidate once) or refuses with a message (exit 2) — never an internal error."""

from __future__ import annotations

import json
import math
from collections.abc import Callable

import pytest

from methods.registry import available_methods
from tests.cli.conftest import REPO, Run

SCENARIOS = sorted((REPO / "configs" / "scenarios").glob("*.yaml"))
METHODS = [m.name for m in available_methods("ranking")]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_each_method_ranks_or_explains(run_cli: Callable[..., Run], scenario: object) -> None:
    ranked = 0
    for method in METHODS:
        r = run_cli("rank", scenario, "--method", method, "--format", "json")
        assert r.code in (0, 2), (method, r.err)
        assert "Traceback" not in r.err
        if r.code == 2:
            assert r.err.startswith("error: "), (method, r.err)
            continue
        ranked += 1
        doc = json.loads(r.out)
        ranks = [row["rank"] for row in doc["results"]]
        assert all(math.isfinite(row["score"]) for row in doc["results"]), method
        assert min(ranks) == 1, method
        assert len({row["id"] for row in doc["results"]}) == len(ranks), method
        assert doc["method"] == method
    assert ranked >= 6, "TOPSIS, WSM, AHP, VIKOR, PROMETHEE II and SPOTIS at least"
