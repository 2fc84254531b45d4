"""The decision report: one builder, rendered as self-contained HTML, A4 PDF or Excel.

:func:`~reports.decision.build.decision_report` builds the document model
(:mod:`~reports.decision.model`); :func:`~reports.decision.formats.render` turns it into a
file's bytes. ``clusterrank report`` and the Export page's "Report" download call both.
"""
