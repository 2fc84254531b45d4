"""The Export page's "Report" buttons (:mod:`ui.widgets.report_download`) under AppTest.

The widget runs in a one-function app on the default (Kemerovo) scenario; each button's file
is built only when asked for, from what the app shows (weights from the sliders).
"""

from __future__ import annotations

import re

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.helpers.ui import TIMEOUT
from tests.ui.test_page_export_provenance import downloaded, media

__all__ = ["media"]  # the fixture, imported for the tests below
DATE = r"\d{4}-\d\d-\d\d"


def _widget_app() -> None:
    from clusterrank.ui import state
    from clusterrank.ui.widgets.report_download import render

    state.init()
    render(key="report")


def test_html_and_pdf_reports_download_with_export_names(media: list[MediaFileManager]) -> None:
    at = AppTest.from_function(_widget_app, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    name, html = downloaded(at, "report__html", media)
    assert re.fullmatch(rf"clusterrank-report_kemerovo_clusters_topsis_{DATE}\.html", name)
    text = html.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Weights set on the sliders of the Weights page" in text
    assert "SMAA-2 drew" not in text  # sensitivity is off until asked for
    pdf_name, pdf = downloaded(at, "report__pdf", media)
    assert pdf_name.endswith(".pdf")
    assert pdf.startswith(b"%PDF-")

    at.checkbox(key="report__sensitivity").check().run()
    _, html = downloaded(at, "report__html", media)
    assert "SMAA-2 drew 2,000 weight vectors" in html.decode("utf-8")
