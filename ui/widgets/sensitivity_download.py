"""The Sensitivity page's downloads: the results on the page as CSV sections or Excel sheets.

Gathers the analyses the page has shown (memoised in the session by
:mod:`ui.widgets.sensitivity_runs`, so nothing is computed again), says which are included and
why any is not (an SMAA run still going, an analysis that failed), and offers the two files
built by :mod:`reports.sensitivity_export` — the same tables and settings sheet as
``clusterrank sensitivity -o FILE.csv|.xlsx``. The files are built only when clicked, off
the script thread, in the language the session had when the page was drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import N_, _, language, use_language
from clusterrank.reports.headings import sheet
from clusterrank.reports.sensitivity_export import (
    ANALYSES,
    SETTINGS,
    SensitivityRun,
    sensitivity_csv,
    sensitivity_file_name,
    sensitivity_sheets,
    sensitivity_workbook,
)
from clusterrank.ui.plain import plain
from clusterrank.ui.weight_provenance import source_in_use
from clusterrank.ui.widgets import sensitivity_runs as runs

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLES = {
    "stability": N_("weight stability intervals"),
    "smaa": "SMAA-2",
    "agreement": N_("method agreement"),
    "ahp": N_("AHP judgment uncertainty"),
}
"""The analyses as the box names them (marked only; see :func:`title`)."""


def title(key: str) -> str:
    """The name of analysis ``key`` (see :data:`reports.sensitivity_export.ANALYSES`)."""
    return _(TITLES[key]) if key in TITLES else ANALYSES.get(key, key)


def _try(compute: Callable[[], Any], key: str, not_run: dict[str, str]) -> Any:
    """``compute()``, or None with the reason kept under ``key`` when it cannot run."""
    try:
        return compute()
    except ClusterRankError as exc:
        not_run[key] = str(exc)
        return None


def _smaa(inp: SensitivityInputs, not_run: dict[str, str]) -> Any:
    """The finished SMAA run of these inputs, or None (why kept in ``not_run``)."""
    job = st.session_state.get(runs.JOB)
    if not isinstance(job, runs.SMAAJob):
        not_run["smaa"] = _("not run yet on this page")
        return None
    if job.running:
        not_run["smaa"] = _("still running when the page was drawn: download again once it ends")
        return None
    result = job.result
    if result is None or tuple(result.candidates) != tuple(inp.matrix.candidates):
        not_run["smaa"] = str(job.error) if job.error else _("no finished run for these inputs")
        return None
    return result


def gather(inp: SensitivityInputs) -> SensitivityRun:
    """The analyses the page shows for ``inp`` (from the session's memo), and what is missing."""
    not_run: dict[str, str] = {}
    m = len(inp.matrix.candidates)
    asked = int(st.session_state.get("sens__top_k", min(3, max(2, m - 1))))
    top_k = asked if m > 2 else 1  # as the page: no top-k level with two candidates
    stability = _try(lambda: runs.stability(inp, top_k), "stability", not_run)
    agreement = _try(lambda: runs.agreement(inp), "agreement", not_run)
    ahp = None
    if len(inp.scenario.criteria_set.groups) < 2:
        not_run["ahp"] = _("one group only: no judgments between groups to perturb")
    else:
        ahp = _try(
            lambda: runs.ahp(
                inp,
                steps=float(st.session_state.get("sens__ahp_steps", 1.0)),
                n_draws=int(st.session_state.get("sens__ahp_draws", 2_000)),
                seed=int(st.session_state.get("sens__seed", 0)),
            ),
            "ahp",
            not_run,
        )
    smaa = _smaa(inp, not_run)
    return SensitivityRun(inp, stability, smaa, agreement, ahp, not_run)


def render(inp: SensitivityInputs) -> None:
    """The download box: what the files hold, then the CSV and Excel buttons."""
    run = gather(inp)
    source = source_in_use(inp.weights)
    lang = language()  # the session's, read here: the files are built off the script thread

    def sheets() -> dict[str, Any]:  # runs on click, off the script thread: no st calls
        return sensitivity_sheets(run, source=source)

    def csv() -> bytes:
        with use_language(lang):
            return sensitivity_csv(sheets())

    def xlsx() -> bytes:
        with use_language(lang):
            return sensitivity_workbook(sheets())

    stem = (inp.scenario.id, inp.method)
    with st.container(border=True):
        st.markdown(_("**Download these results**"))
        included = [title(k) for k in ANALYSES if k not in run.not_run]
        st.caption(
            _(
                "Each analysis as a table (candidate names beside ids) and the sheet "
                '"{sheet}": samples, seed, sampling, method, where the weights came from, '
                "export date and version. Included: {included}."
            ).format(
                sheet=sheet(SETTINGS),
                included=", ".join(included) or _("none"),
            )
        )
        for key, why in run.not_run.items():
            st.caption(
                plain(_("Not included — {analysis}: {why}").format(analysis=title(key), why=why))
            )
        csv_col, xlsx_col = st.columns(2)
        csv_col.download_button(
            _("Sensitivity (CSV)"),
            data=csv,
            file_name=sensitivity_file_name(*stem, "csv"),
            mime="text/csv",
            key="sens__download_csv",
            on_click="ignore",
            icon=":material/table:",
            help=_("One CSV file: a [section] line before each table"),
        )
        xlsx_col.download_button(
            _("Sensitivity (Excel)"),
            data=xlsx,
            file_name=sensitivity_file_name(*stem, "xlsx"),
            mime=XLSX,
            key="sens__download_xlsx",
            on_click="ignore",
            icon=":material/grid_on:",
            help=_("One sheet per table, the settings sheet last"),
        )
