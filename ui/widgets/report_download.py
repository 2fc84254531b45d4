"""The Export page's "Report" downloads: the decision report as HTML and as PDF.

The same builder as ``clusterrank report`` (:func:`reports.decision.build.decision_report`),
on what the app shows: the weights from the selected editor, the method and its settings.
The report is built only when a button is clicked (callable ``data``, off the script thread).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from clusterrank.analysis.provenance import export_file_name
from clusterrank.i18n import _, formats, language
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.formats import MIME
from clusterrank.reports.decision.formats import render as render_format
from clusterrank.reports.decision.pdf import engine_problem
from clusterrank.ui import state


def render(*, key: str = "export__report") -> None:
    """Draw the sensitivity choice and the HTML and PDF download buttons of the report."""
    current = state.require()
    ranking = state.ranking()
    weights = state.weights()
    editor = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    method, settings = ranking.result.method, dict(ranking.result.settings)
    lang = language()  # the session's, read here: the download runs off the script thread
    sensitivity = st.checkbox(
        _("Include sensitivity in the report"),
        key=f"{key}__sensitivity",
        help=_(
            "Weight stability of the winner and top 3, SMAA around the weights in use "
            "({draws} draws, seed 0) and method agreement; adds a few seconds"
        ).format(draws=formats.integer(2000)),
    )

    def build(fmt: str) -> Callable[[], bytes]:
        def make() -> bytes:  # runs only when clicked, off the script thread: no st calls
            doc = decision_report(
                current.scenario,
                method=method,
                settings=settings,
                weights=weights,
                matrix=current.matrix,
                sensitivity=sensitivity,
                editor=editor,
                lang=lang,
            )
            return render_format(doc, fmt)

        return make

    stem = current.scenario.id
    html, pdf = st.columns(2)
    with html:
        st.download_button(
            _("Report (HTML)"),
            data=build("html"),
            file_name=export_file_name(stem, method, "html"),
            mime=MIME["html"],
            key=f"{key}__html",
            on_click="ignore",
            icon=":material/article:",
            help=_("One self-contained page: opens in any browser, no network needed"),
        )
    problem = engine_problem()
    with pdf:
        st.download_button(
            _("Report (PDF)"),
            data=build("pdf"),
            file_name=export_file_name(stem, method, "pdf"),
            mime=MIME["pdf"],
            key=f"{key}__pdf",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
            disabled=problem is not None,
            help=problem or _("A4, numbered pages, with a sign-off block: ready to print and sign"),
        )
