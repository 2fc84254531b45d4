"""The sensitivity analyses as the page asks for them: computed once per input, SMAA stoppable.

Every analysis is memoised in the session (:func:`ui.state.memo`) under a key made of what
changes its numbers (method and settings, the weights in use where they matter, sample
count, seed, ...) and the language (its notes are words), so a rerun with unchanged inputs
computes nothing.

SMAA can take long (many samples, many candidates), and a Streamlit script run cannot be
told to stop from outside: a click only interrupts the run and throws its work away. So the
SMAA run goes to a background thread (:class:`SMAAJob`) whose ``progress`` callback records
how far it is and returns ``False`` once :meth:`SMAAJob.stop` was called; the analysis then
returns the samples done so far, noted as stopped. The page waits briefly for the job (the
default run finishes well within that) and otherwise shows a progress bar with a Stop button
in a fragment that refreshes itself. The thread never touches Streamlit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from clusterrank.analysis.sensitivity import (
    SamplingKind,
    SensitivityInputs,
    run_agreement,
    run_ahp_uncertainty,
    run_smaa,
    run_stability,
    run_sweep,
    sensitivity_inputs,
)
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, language, use_language
from clusterrank.methods.sensitivity import (
    AgreementResult,
    AHPUncertaintyResult,
    SMAAResult,
    StabilityResult,
    SweepResult,
)
from clusterrank.ui import state

log = logging.getLogger("clusterrank.ui")

JOB = "sens__smaa_job"  # SMAAJob | None: the SMAA run started last in this session
RESTARTS = "sens__smaa_restarts"  # int: bumped by "run again", part of the SMAA key
SETTINGS = "sens_settings"  # dict[widget key, value]: the page's settings across page switches
QUICK_WAIT = 3.0
"""Seconds the page waits for an SMAA run before showing progress and a Stop button."""


def seed(key: str, default: object) -> None:
    """Give a settings widget its remembered value (or ``default``) before it is drawn.

    Streamlit forgets a widget's value when a page without it is shown; the canonical copy
    in :data:`SETTINGS` brings it back when the user returns to the Sensitivity page.
    """
    store: dict[str, object] = st.session_state.setdefault(SETTINGS, {})
    state.seed_widget(key, store.get(key, default))


def remember(key: str) -> None:
    """Keep the value of the settings widget ``key`` (call after drawing it)."""
    st.session_state.setdefault(SETTINGS, {})[key] = st.session_state[key]


def inputs() -> SensitivityInputs:
    """The scenario in use, its weights in use and the ranking method picked in the app."""
    current = state.require()
    method = str(st.session_state.get(state.METHOD, current.scenario.method.name))
    return sensitivity_inputs(
        current.scenario,
        method=method,
        settings=dict(state.method_settings(method)),
        weights=state.weights(),
        matrix=current.matrix,
    )


def _method_key(inp: SensitivityInputs) -> tuple[Any, ...]:
    """Method, settings and language: a result's notes and settings line are in a language."""
    settings = tuple(sorted((k, repr(v)) for k, v in inp.settings.items()))
    return (inp.method, settings, language())


def stability(inp: SensitivityInputs, top_k: int) -> StabilityResult:
    """Stability intervals, computed once per input.

    A progress bar (one step per criterion) shows while they are computed and goes when they are
    done.
    """
    key = (_method_key(inp), state.weights_key(), top_k)

    def compute() -> StabilityResult:
        n = len(inp.matrix.criteria)
        bar = st.progress(0.0, text=_progress_text(0, n))

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=_progress_text(done, total))

        try:
            return run_stability(inp, top_k=top_k, progress=progress)
        finally:
            bar.empty()

    return state.memo("sens:stability", key, compute)


def _progress_text(done: int, total: int) -> str:
    return _("Stability intervals: {done} of {total} criteria").format(done=done, total=total)


def sweep(inp: SensitivityInputs, criterion: str) -> SweepResult:
    """The sweep of one criterion (the one the chart shows), computed once per input."""
    key = (_method_key(inp), state.weights_key(), criterion)
    return state.memo("sens:sweep", key, lambda: run_sweep(inp, which=[criterion]))


def agreement(inp: SensitivityInputs) -> AgreementResult:
    """Independent of the picked method: the same fixed set of methods is compared."""
    key = (state.weights_key(), language())
    return state.memo("sens:agreement", key, lambda: run_agreement(inp))


def ahp(inp: SensitivityInputs, *, steps: float, n_draws: int, seed: int) -> AHPUncertaintyResult:
    """AHP judgment uncertainty for these inputs, computed once per input and setting."""
    key = (_method_key(inp), state.weights_key(), steps, n_draws, seed)
    return state.memo(
        "sens:ahp",
        key,
        lambda: run_ahp_uncertainty(inp, n_draws=n_draws, seed=seed, steps=steps),
    )


@dataclass(eq=False)
class SMAAJob:
    """One SMAA run in a background thread: progress, stop flag and the outcome."""

    total: int
    done: int = 0
    result: SMAAResult | None = None
    error: ClusterRankError | None = None
    failed: bool = False
    _stop: threading.Event = field(default_factory=threading.Event)
    _finished: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int) -> bool:
        """The analysis' progress callback: record, and say whether to go on."""
        self.done, self.total = int(done), int(total)
        return not self._stop.is_set()

    def stop(self) -> None:
        """Ask the run to stop after the chunk it is on (a widget callback)."""
        self._stop.set()

    def wait(self, timeout: float | None) -> bool:
        """Wait up to ``timeout`` seconds; ``True`` when the run has ended."""
        return self._finished.wait(timeout)

    @property
    def running(self) -> bool:
        """Whether the run has not ended yet."""
        return not self._finished.is_set()

    @property
    def stop_requested(self) -> bool:
        """Whether a stop was asked for."""
        return self._stop.is_set()

    @property
    def stopped_early(self) -> bool:
        """Whether the run ended with fewer samples than asked for (stopped)."""
        return self.result is not None and self.result.n_samples < self.total

    def start(self, run: Callable[[Callable[[int, int], bool]], SMAAResult]) -> SMAAJob:
        """Start ``run`` (given the progress callback) in a daemon thread; return this job.

        The result, a :class:`ClusterRankError` or an internal failure (logged) is kept on the job.
        """

        def work() -> None:
            try:
                self.result = run(self.progress)
            except ClusterRankError as exc:
                self.error = exc
            except Exception:
                log.exception("internal error in an SMAA run")
                self.failed = True
            finally:
                self._finished.set()

        # the worker speaks the session's language (its notes are words), and nothing else of
        # the script's context goes with it (Streamlit's own context stays on the script thread)
        threading.Thread(
            target=_speaking(language(), work), name="clusterrank-smaa", daemon=True
        ).start()
        return self


def smaa_job(inp: SensitivityInputs, params: Mapping[str, Any]) -> SMAAJob:
    """The SMAA run for these inputs.

    The one already started (running or done) when nothing changed, else a new one (a previous run
    still going is told to stop).
    """
    uses_weights = params["sampling"] == "around"
    key: Hashable = (
        _method_key(inp),
        state.weights_key() if uses_weights else None,
        tuple(sorted(params.items())),
        int(st.session_state.get(RESTARTS, 0)),
    )
    return state.memo("sens:smaa", key, lambda: _start(inp, dict(params)))


def _start(inp: SensitivityInputs, params: dict[str, Any]) -> SMAAJob:
    previous = st.session_state.get(JOB)
    if isinstance(previous, SMAAJob) and previous.running:
        previous.stop()
    n_samples = int(params["n_samples"])
    sampling: SamplingKind = params["sampling"]

    def run(progress: Callable[[int, int], bool]) -> SMAAResult:
        return run_smaa(
            inp,
            n_samples=n_samples,
            seed=int(params["seed"]),
            sampling=sampling,
            concentration=float(params["concentration"]),
            bounds={c: (lo, hi) for c, lo, hi in params.get("bounds", ())},
            data_uncertainty_pct=float(params["data_uncertainty_pct"]),
            progress=progress,
        )

    job = SMAAJob(total=n_samples).start(run)
    st.session_state[JOB] = job
    return job


def run_again() -> None:
    """Widget callback: start the same SMAA run afresh (after a stop)."""
    st.session_state[RESTARTS] = int(st.session_state.get(RESTARTS, 0)) + 1


def _speaking(lang: str, work: Callable[[], None]) -> Callable[[], None]:
    """``work``, run in ``lang`` (a thread starts in the default language)."""

    def run() -> None:
        with use_language(lang):
            work()

    return run
