"""The SMAA-2 section of the Sensitivity page.

Its settings and a stoppable run with progress; the numbers of a finished run are drawn by
:mod:`ui.widgets.sensitivity_smaa_view`.

The run itself lives in :mod:`ui.widgets.sensitivity_runs` (a background thread, memoised by
its inputs); this module only draws. While a run is going, a fragment refreshes the progress
bar twice a second, the page offers Stop; when the run ends it reruns the page to show the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.i18n import N_, _, formats, pgettext
from clusterrank.ui.layout import show_error
from clusterrank.ui.speaking import in_language
from clusterrank.ui.widgets import sensitivity_runs as runs
from clusterrank.ui.widgets import sensitivity_save
from clusterrank.ui.widgets import sensitivity_smaa_view as smaa_view
from clusterrank.ui.widgets.sensitivity_focus import Focus

SAMPLE_OPTIONS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 10**6)
DEFAULT_SAMPLES = 5_000
SAMPLING = {
    "around": N_("around the current weights"),
    "uniform": N_("uniformly over all weightings (ignores the current ones)"),
    "bounded": N_("within bounds per criterion"),
}
"""The weight sampling choices, the one most readers want first (marked only: see
:func:`sampling_words`)."""
HEADERS = smaa_view.HEADERS
"""What each column of the SMAA table means (its header tooltip)."""


def sampling_words(sampling: str) -> str:
    """How weights are drawn in ``sampling`` mode, in the current language."""
    return _(SAMPLING[sampling]) if sampling in SAMPLING else sampling


def controls(inp: SensitivityInputs) -> dict[str, Any]:
    """The SMAA settings as widgets; returns them (also remembered across page switches)."""
    # two rows of wide controls rather than five squeezed ones (labels stay whole at 1024 px)
    top, bottom = st.columns(2), st.columns(3)
    cols = [top[0], bottom[0], top[1], bottom[1], bottom[2]]
    runs.seed("sens__samples", DEFAULT_SAMPLES)
    samples = cols[0].select_slider(
        _("Weight samples"),
        SAMPLE_OPTIONS,
        key="sens__samples",
        format_func=in_language(formats.integer),
        help=_("More samples, smaller Monte Carlo error (it shrinks as 1/√N)"),
    )
    runs.seed("sens__seed", 0)
    seed = cols[1].number_input(
        _("Random seed"),
        min_value=0,
        max_value=2**32 - 1,
        step=1,
        key="sens__seed",
        help=_("The same seed gives the same numbers; also used by the AHP draws below"),
    )
    runs.seed("sens__sampling", "around")
    sampling = cols[2].selectbox(
        _("Weights drawn"),
        list(SAMPLING),
        key="sens__sampling",
        format_func=in_language(sampling_words),
        help=_(
            "Dirichlet draws centred on the current weights (the concentration says how "
            "close), uniformly over all weightings (any weights equally likely, the current "
            "ones ignored: SMAA's textbook default), or uniformly among the weights within "
            "bounds"
        ),
    )
    runs.seed("sens__concentration", 100.0)
    concentration = cols[3].number_input(
        _("Concentration"),
        min_value=1.0,
        max_value=100_000.0,
        step=10.0,
        key="sens__concentration",
        disabled=sampling != "around",
        help=_("With draws around the weights in use: larger keeps the draws closer to them"),
    )
    runs.seed("sens__data_pct", 0.0)
    data_pct = cols[4].number_input(
        _("Data ± %"),
        min_value=0.0,
        max_value=50.0,
        step=1.0,
        key="sens__data_pct",
        help=_("Also draw every value within ± this percentage (0 = data taken as exact)"),
    )
    values = {
        "n_samples": int(samples),
        "seed": int(seed),
        "sampling": str(sampling),
        "concentration": float(concentration) if sampling == "around" else 100.0,
        "bounds": bounds_editor(inp) if sampling == "bounded" else (),
        "data_uncertainty_pct": float(data_pct),
    }
    for key in ("sens__samples", "sens__seed", "sens__sampling", "sens__concentration"):
        runs.remember(key)
    runs.remember("sens__data_pct")
    return values


def bounds_editor(inp: SensitivityInputs) -> tuple[tuple[str, float, float], ...]:
    """Lower and upper bound of each criterion's global weight, in percent, as a table.

    Starts at 0..100% (no constraint); returns ``(criterion, lower, upper)`` as fractions,
    hashable so the SMAA run is cached by them.
    """
    dm = inp.matrix
    start = pd.DataFrame(
        {
            "criterion": list(dm.criterion_titles),
            "weight in use": inp.weights.global_weights * 100,
            "lower %": 0.0,
            "upper %": 100.0,
        }
    )
    edited = st.data_editor(
        start,
        key="sens__bounds",
        hide_index=True,
        disabled=["criterion", "weight in use"],
        column_config={
            "criterion": st.column_config.TextColumn(pgettext("column", "criterion")),
            "weight in use": st.column_config.NumberColumn(_("weight in use, %"), format="%.1f"),
            "lower %": st.column_config.NumberColumn(
                _("lower %"), min_value=0.0, max_value=100.0, step=1.0
            ),
            "upper %": st.column_config.NumberColumn(
                _("upper %"), min_value=0.0, max_value=100.0, step=1.0
            ),
        },
    )
    st.caption(
        _("Weights are drawn uniformly among those within these bounds (and summing to 100%).")
    )
    return tuple(
        (c, float(lo) / 100, float(hi) / 100)
        for c, lo, hi in zip(dm.criteria, edited["lower %"], edited["upper %"], strict=True)
    )


def stop_control(job: runs.SMAAJob) -> None:
    """Stop, or "Stopping…" once asked: drawn by the page, not by the refreshing fragment.

    Inside the fragment the button was drawn anew every half second, and a click that landed
    while it was being replaced (a slow rerun on a busy server) was lost.
    """
    if job.stop_requested:
        st.caption(_("Stopping after the chunk under way…"))
    else:
        st.button(_("Stop"), key="sens__stop", icon=":material/stop_circle:", on_click=job.stop)


@st.fragment(run_every=0.5)
def progress(job: runs.SMAAJob) -> None:
    """Progress bar while ``job`` runs; reruns the page once it has ended."""
    if not job.running:
        st.rerun()
    share = min(1.0, job.done / job.total) if job.total else 0.0
    st.progress(
        share,
        text=_("SMAA-2: {done} of {total} samples").format(
            done=formats.integer(job.done), total=formats.integer(job.total)
        ),
    )


def render(inp: SensitivityInputs, focus: Focus, titles: Mapping[str, str]) -> None:
    """The whole SMAA section for ``inp``: the candidates of ``focus`` drawn as series."""
    params = controls(inp)
    job = runs.smaa_job(inp, params)
    if job.running:
        job.wait(runs.QUICK_WAIT)
    if job.running:
        progress(job)
        stop_control(job)
    elif job.error is not None:
        show_error(job.error)
    elif job.failed or job.result is None:
        st.error(
            _(
                "Internal error in the SMAA run: this is a bug in clusterrank. The details are "
                "in the server log."
            ),
            icon=":material/bug_report:",
        )
    else:
        if job.stopped_early:
            _stopped(job)
        caption = _("{samples} weight samples drawn {how}, seed {seed}").format(
            samples=formats.integer(job.result.n_samples),
            how=sampling_words(str(params["sampling"])),
            seed=job.result.seed,
        )
        texts = (sampling_sentence(params), caption)
        smaa_view.show(job.result, inp.weights.global_weights, titles, focus, texts)
        if not job.stopped_early:  # a stopped run cannot be reproduced from its settings
            sensitivity_save.render(inp, params, job.result)


def sampling_sentence(settings: Mapping[str, Any]) -> str:
    """One plain sentence saying how the weights (and data) behind the numbers were drawn."""
    sampling = str(settings.get("sampling", "uniform"))
    if sampling == "around":
        text = _(
            "Weights were drawn around the current weights (concentration {concentration}; "
            "larger keeps them closer), so these shares say how firm the ranking is near the "
            "weights you set."
        ).format(concentration=_figure(float(settings.get("concentration", 100.0))))
    elif sampling == "bounded":
        text = _(
            "Weights were drawn uniformly among all weightings within the bounds set per "
            "criterion; the current weights play no other part."
        )
    else:
        text = _(
            "Weights were drawn uniformly over all possible weightings, ignoring the current "
            "ones: these shares say who wins when nothing is known about the weights."
        )
    pct = float(settings.get("data_uncertainty_pct", 0.0))
    if pct > 0:
        text += " " + _("Every figure was also drawn within ± {share} of its value.").format(
            share=formats.percent(pct / 100, 0 if pct == int(pct) else 1)
        )
    return text


def _figure(value: float) -> str:
    """``100`` or ``2.5`` as the language writes it (no decimals for a whole number)."""
    if value == int(value):
        return formats.number(value, 0)
    return formats.number(value, 2).rstrip("0").rstrip(formats.decimal_mark())


def _stopped(job: runs.SMAAJob) -> None:
    done = job.result.n_samples if job.result is not None else 0
    st.warning(
        _(
            "Stopped after {done} of {total} samples: the numbers below cover those samples "
            "only, with larger Monte Carlo errors."
        ).format(done=formats.integer(done), total=formats.integer(job.total)),
        icon=":material/stop_circle:",
    )
    st.button(
        _("Run all {total} samples").format(total=formats.integer(job.total)),
        key="sens__run_again",
        on_click=runs.run_again,
        icon=":material/replay:",
    )
