"""The decision report as an A4 PDF, typeset by WeasyPrint from the report's own HTML.

Page numbers ("page X of Y"), the running title and the scenario hash are CSS ``@page``
margin boxes of the HTML's stylesheet; the text is set in DejaVu Sans (Cyrillic included;
Debian's ``fonts-dejavu-core``, installed by ``make documents``), and the SVG charts stay
vector with their text selectable. WeasyPrint is imported only here, when a PDF is asked for.
"""

from __future__ import annotations

import logging

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import N_, _, use_language
from clusterrank.reports.decision.html import render_html
from clusterrank.reports.decision.model import DecisionReport

MISSING_ENGINE = N_(
    "the PDF report needs WeasyPrint and Debian's pango library: run `make documents` "
    "(or apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core), or write the "
    "report as .html and print it from a browser"
)


def engine_problem() -> str | None:
    """``None`` when PDFs can be typeset here; else what to install (:data:`MISSING_ENGINE`).

    Said in the current language.
    """
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the pango library is not installed
        return _(MISSING_ENGINE)
    return None


def render_pdf(report: DecisionReport) -> bytes:
    """The report as PDF bytes (A4, numbered pages), in the report's language."""
    with use_language(report.lang):
        problem = engine_problem()
    if problem is not None:
        raise ClusterRankError(problem)
    from weasyprint import HTML

    html = render_html(report, for_print=True)
    # WeasyPrint logs every CSS rule it ignores at WARNING; none is the user's business.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    data: bytes = HTML(string=html, base_url=None).write_pdf()
    return data
