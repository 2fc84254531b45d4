"""Which file the report becomes: the output name's suffix chooses HTML, PDF or Excel.

``.xlsx`` is the Export page's workbook (:func:`reports.export.workbook`) on the same
inputs, so the three files state the same numbers.
"""

from __future__ import annotations

from pathlib import Path

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, use_language
from clusterrank.reports.decision.model import DecisionReport

FORMATS: dict[str, str] = {".html": "html", ".htm": "html", ".pdf": "pdf", ".xlsx": "xlsx"}
MIME: dict[str, str] = {
    "html": "text/html",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def format_of(path: str | Path) -> str:
    """``html``, ``pdf`` or ``xlsx`` from the file name's suffix; else say which names work."""
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    stem = Path(path).stem or "report"
    msg = _(
        "-o {path}: the report is written as HTML, PDF or Excel, chosen by the file name; "
        "name it {stem}.pdf, {stem}.html or {stem}.xlsx"
    ).format(path=path, stem=stem)
    raise ConfigurationError(msg)


def render(report: DecisionReport, fmt: str) -> bytes:
    """The report as the bytes of a ``fmt`` file (see :data:`FORMATS`), in its language."""
    with use_language(report.lang):
        return _render(report, fmt)


def _render(report: DecisionReport, fmt: str) -> bytes:
    if fmt == "html":
        from clusterrank.reports.decision.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        from clusterrank.reports.decision.pdf import render_pdf

        return render_pdf(report)
    if fmt == "xlsx":
        return _workbook(report)
    msg = _("unknown report format {format!r}; choose one of html, pdf, xlsx").format(format=fmt)
    raise ConfigurationError(msg)


def _workbook(report: DecisionReport) -> bytes:
    """The Export page's workbook on the report's inputs, with its sensitivity sheets."""
    from clusterrank.reports.export import workbook
    from clusterrank.reports.sensitivity_export import SETTINGS, sensitivity_sheets

    inp = report.inputs
    extra = {}
    if inp.run is not None:
        sheets = sensitivity_sheets(inp.run, stamp=inp.stamp, source=inp.source)
        extra = {(f"sensitivity {k}" if k == SETTINGS else k): v for k, v in sheets.items()}
    return workbook(
        inp.scenario,
        inp.matrix,
        inp.weights,
        inp.ranking,
        source=inp.source,
        stamp=inp.stamp,
        extra=extra,
    )
