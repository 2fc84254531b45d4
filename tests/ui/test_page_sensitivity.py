"""The Sensitivity page in AppTest: the five analyses on the shipped Kemerovo scenario with the
numbers the analysis layer gives, settings echoed, nothing recomputed on an unchanged rerun,
and a long SMAA run that really stops and keeps the samples it drew."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.analysis.sensitivity as sensitivity
import clusterrank.ui.widgets.sensitivity_runs as runs
from clusterrank.criteria.loading import load_scenario
from clusterrank.errors import MethodInputError
from clusterrank.reports.sensitivity_view import first_change, first_change_sentence
from tests.helpers.ui import ROOT, open_page, texts
from tests.helpers.ui import shown as seen

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
ANALYSES = ("run_stability", "run_sweep", "run_smaa", "run_agreement", "run_ahp_uncertainty")
SECTIONS = [
    "Which weight changes the result first",
    "Weight sweeps",
    "SMAA-2: how often each candidate takes each rank",
    "Method agreement",
    "AHP judgment uncertainty",
]
CHARTS = {
    "Rank of each candidate against the weight of",
    "Rank acceptability heatmap",
    "Central weights beside the weights in use",
    "Spearman's ρ between the methods' rankings",
    "WS coefficient (row = reference ranking) between the methods' rankings",
    "Interval of each group weight under perturbed judgments",
}
BIG = 1_000_000


def smaa_caption(at: AppTest) -> str:
    found = [c.value for c in at.caption if c.value.startswith("Settings: SMAA-2")]
    assert found, "no SMAA settings caption on the page"
    return str(found[0])


def chart_names(at: AppTest) -> set[str]:
    names = {str(el.proto.alt) for el in at.get("vega_lite_chart")}
    return {n.split(" Number")[0] if n.startswith("Rank of each") else n for n in names}


def file_inputs() -> sensitivity.SensitivityInputs:
    return sensitivity.sensitivity_inputs(load_scenario(KEMEROVO))


@pytest.fixture
def page(app: AppTest) -> Iterator[AppTest]:
    at = open_page(app, "sensitivity")
    yield at
    job = at.session_state.get("sens__smaa_job")
    if isinstance(job, runs.SMAAJob):  # never leave a run going after a test
        job.stop()
        assert job.wait(30)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counter: Counter[str] = Counter()
    for name in ANALYSES:
        real: Callable[..., Any] = getattr(runs, name)

        def counted(*args: Any, _real: Callable[..., Any] = real, _n: str = name, **kw: Any) -> Any:
            counter[_n] += 1
            return _real(*args, **kw)

        monkeypatch.setattr(runs, name, counted)
    return counter


def test_all_five_analyses_show_the_analysis_numbers(page: AppTest) -> None:
    """The page opens without error on the shipped scenario, one section per analysis with
    its chart; the headline sentence, SMAA table, skipped methods and AHP probabilities are
    those the analysis layer computes for the scenario file (its weights are the page's)."""
    at = page
    assert not at.error, [e.value for e in at.error]
    assert [s.value for s in at.subheader] == SECTIONS
    assert chart_names(at) == CHARTS
    inp = file_inputs()
    dm = inp.matrix
    names = dict(zip(dm.candidates, dm.candidate_names, strict=True))
    titles = dict(zip(dm.criteria, dm.criterion_titles, strict=True))
    stab = sensitivity.run_stability(inp, top_k=3)
    expected = first_change_sentence(first_change(stab, "winner"), "winner", titles, names)
    assert [seen(i.value) for i in at.info] == [expected]
    assert expected.startswith("The winner changes first when **")
    assert ": it holds for weights " in expected
    smaa = sensitivity.run_smaa(inp, n_samples=5_000, seed=0, sampling="around")
    table = next(d.value for d in at.dataframe if "ranked first" in d.value.columns)
    by_name = dict(zip(table["candidate"], table["ranked first"], strict=True))
    shown = [by_name[names[c]] for c in smaa.candidates]
    np.testing.assert_allclose(shown, np.round(smaa.acceptability[:, 0], 3), atol=1e-12)
    assert "n_samples=5000" in smaa_caption(at)
    assert "seed=0" in smaa_caption(at)
    agreement = sensitivity.run_agreement(inp)
    skipped = [seen(w.value) for w in at.warning if "skipped" in w.value]
    assert skipped == [f"**{m}** skipped: {r}" for m, r in agreement.skipped]
    ahp = sensitivity.run_ahp_uncertainty(inp, n_draws=2_000, seed=0)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["P(ranking changes)"] == f"{ahp.p_ranking_changes:.1%}"
    assert metrics[f"Draws kept of {ahp.draws:,}"] == f"{ahp.accepted:,}"
    assert "method=topsis, normalization=vector" in texts(at)


def test_seed_and_sample_count_change_the_smaa_caption(page: AppTest) -> None:
    """The SMAA settings caption echoes the seed and the sample count that were used."""
    at = page.number_input(key="sens__seed").set_value(7).run()
    assert not at.exception
    assert "seed=7" in smaa_caption(at)
    assert "n_samples=5000" in smaa_caption(at)
    at.select_slider(key="sens__samples").set_value(20_000).run()
    assert "n_samples=20000" in smaa_caption(at)
    assert "seed=7" in smaa_caption(at)
    ahp = next(c.value for c in at.caption if "perturbation=saaty_steps" in c.value)
    assert "seed=7" in ahp  # the AHP draws use the same seed


def test_an_unchanged_rerun_recomputes_nothing(app: AppTest, calls: Counter[str]) -> None:
    """Each analysis runs once when the page opens, never on a rerun with the same inputs,
    and a changed input reruns only the analyses that depend on it."""
    at = open_page(app, "sensitivity")
    assert calls == Counter(dict.fromkeys(ANALYSES, 1))
    calls.clear()
    at.run()
    open_page(at, "ranking")
    open_page(at, "sensitivity")
    assert calls == Counter()
    at.select_slider(key="sens__samples").set_value(10_000).run()
    assert calls == Counter({"run_smaa": 1})
    calls.clear()
    at.number_input(key="sens__seed").set_value(3).run()
    assert calls == Counter({"run_smaa": 1, "run_ahp_uncertainty": 1})


def test_settings_survive_a_page_switch(page: AppTest) -> None:
    """Streamlit drops the values of widgets not drawn; the page brings them back."""
    page.number_input(key="sens__seed").set_value(11).run()
    at = open_page(page, "weights")
    at = open_page(at, "sensitivity")
    assert at.number_input(key="sens__seed").value == 11
    assert "seed=11" in smaa_caption(at)


def test_the_method_picked_in_the_app_is_analysed(app: AppTest) -> None:
    """Picking VIKOR on the Ranking page makes the sensitivity analyses use VIKOR."""
    app.selectbox(key="method__pick").set_value("vikor").run()
    at = open_page(app, "sensitivity")
    assert "stability (method=vikor" in texts(at)
    assert "SMAA-2 (method=vikor" in smaa_caption(at)


def test_a_failing_analysis_is_shown_and_the_others_still_run(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analysis that raises a project error shows its message in its own section."""

    def refuse(*_args: object, **_kw: object) -> None:
        raise MethodInputError("no method could rank these data (test)")

    monkeypatch.setattr(runs, "run_agreement", refuse)
    at = open_page(app, "sensitivity")
    assert [seen(e.value) for e in at.error] == ["no method could rank these data (test)"]
    assert "Rank acceptability heatmap" in chart_names(at)
    assert [s.value for s in at.subheader] == SECTIONS


def test_stop_ends_a_long_run_and_keeps_its_samples(
    page: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long SMAA run shows progress and a Stop button; Stop ends it after the chunk under
    way, the page then shows the samples drawn (settings say how many), a plain rerun does
    not start it again, and "Run all" does."""
    real = runs.run_smaa

    def slow(inp: sensitivity.SensitivityInputs, **kw: Any) -> Any:
        report = kw["progress"]

        def progress(done: int, total: int) -> bool:
            time.sleep(0.2)  # about 6 s for the 31 chunks of 10^6 samples unless stopped
            return bool(report(done, total))

        return real(inp, **(kw | {"progress": progress}))

    monkeypatch.setattr(runs, "QUICK_WAIT", 0.0)
    monkeypatch.setattr(runs, "run_smaa", slow)
    at = page.select_slider(key="sens__samples").set_value(BIG).run()
    job = at.session_state["sens__smaa_job"]
    assert job.running
    assert at.get("progress"), "no progress bar while the run goes on"
    at.button(key="sens__stop").click().run()
    assert job.stop_requested
    assert job.wait(30)
    at.run()
    assert not at.exception
    result = job.result
    assert result is not None
    assert 0 < result.n_samples < BIG
    assert result.n_samples == job.done
    assert f"n_samples={result.n_samples}," in smaa_caption(at)
    assert any(w.value.startswith(f"Stopped after {result.n_samples:,} of") for w in at.warning)
    assert "stopped early" in " ".join(result.notes)
    at.run()
    assert at.session_state["sens__smaa_job"] is job  # nothing restarted by itself
    at.button(key="sens__run_again").click().run()
    again = at.session_state["sens__smaa_job"]
    assert again is not job
    assert again.running
    again.stop()
    assert again.wait(30)


def test_bounded_sampling_shows_the_bounds_and_echoes_them(page: AppTest) -> None:
    """Choosing draws within bounds shows a bounds table (0..100% by default, i.e. no
    constraint) and the SMAA caption names the sampling and the bounds used."""
    at = page.selectbox(key="sens__sampling").set_value("bounded").run()
    assert not at.exception
    caption = smaa_caption(at)
    assert "sampling=bounded" in caption
    assert "lower=(0.0, 0.0" in caption
    assert "upper=(1.0, 1.0" in caption
