"""The Sensitivity page at scale: stability intervals report progress criterion by criterion
(the bar goes when they are done), and a weight sweep is computed for the criterion shown
only, not for every criterion at once."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.analysis.sensitivity as sensitivity
import clusterrank.ui.widgets.sensitivity_runs as runs
from clusterrank.criteria.loading import load_scenario
from tests.helpers.ui import ROOT, open_page

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def _criteria() -> tuple[str, ...]:
    return sensitivity.sensitivity_inputs(load_scenario(KEMEROVO)).matrix.criteria


def test_the_page_shows_stability_progress_per_criterion(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stability intervals get a progress callback, called once per criterion; the page's
    progress bar for them is gone once they are shown."""
    seen: list[tuple[int, int]] = []
    real = runs.run_stability

    def recording(inp: sensitivity.SensitivityInputs, **kw: Any) -> Any:
        report = kw["progress"]

        def spy(done: int, total: int) -> Any:
            seen.append((done, total))
            return report(done, total)

        return real(inp, **(kw | {"progress": spy}))

    monkeypatch.setattr(runs, "run_stability", recording)
    at = open_page(app, "sensitivity")
    n = len(_criteria())
    assert seen == [(k, n) for k in range(1, n + 1)]
    bars = [str(getattr(p.proto, "text", "")) for p in at.get("progress")]
    assert not [b for b in bars if b.startswith("Stability intervals")]


def test_a_sweep_is_computed_for_the_criterion_shown_only(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sweeping every criterion of a 2,000 × 60 scenario at once held 60 × 2,000 lines; the
    page sweeps the criterion its chart shows, and another pick sweeps that one."""
    asked: list[tuple[str, ...]] = []
    real = runs.run_sweep

    def recording(inp: sensitivity.SensitivityInputs, **kw: Any) -> Any:
        asked.append(tuple(kw["which"]))
        return real(inp, **kw)

    monkeypatch.setattr(runs, "run_sweep", recording)
    at = open_page(app, "sensitivity")
    assert len(asked) == 1
    assert len(asked[0]) == 1
    other = next(c for c in _criteria() if c != asked[0][0])
    at.selectbox(key="sens__sweep_criterion").set_value(other).run()
    assert not at.exception
    assert asked[-1] == (other,)
    assert len(asked) == 2
