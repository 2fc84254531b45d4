"""Data quality per candidate: imputed and illustrative figures, and whether it is assessable.

A candidate whose share of imputed figures is above a threshold (default: half) is "not
assessable": its place is produced by the missing-data policy more than by its data, and
the ranking, the chart and every export say so, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, formats, ngettext

NOT_ASSESSABLE_SHARE = 0.5
"""Above this share of imputed figures a candidate is not assessable."""


@dataclass(frozen=True)
class CandidateQuality:
    """The data behind one candidate's place.

    Attributes
    ----------
    candidate, name
        Id and display name.
    imputed
        Titles of the criteria whose figure the missing-data policy filled.
    illustrative
        Titles of the criteria whose figure is illustrative, not sourced.
    cells
        Figures the candidate has in the matrix (one per criterion).
    assessable
        False when ``len(imputed) / cells`` is above the threshold.
    reason
        ``""`` when assessable, else e.g. ``"4 of 6 figures imputed (above half)"``.
    """

    candidate: str
    name: str
    imputed: tuple[str, ...]
    illustrative: tuple[str, ...]
    cells: int
    assessable: bool
    reason: str

    @property
    def label(self) -> str:
        """Short text for a table cell, e.g. ``"4 of 6 imputed"``."""
        n = len(self.imputed)
        return ngettext("{imputed} of {cells} imputed", "{imputed} of {cells} imputed", n).format(
            imputed=formats.integer(n), cells=formats.integer(self.cells)
        )

    @property
    def count(self) -> str:
        """The count alone, e.g. ``"4 of 6"`` (for a column headed "imputed")."""
        return _("{imputed} of {cells}").format(
            imputed=formats.integer(len(self.imputed)), cells=formats.integer(self.cells)
        )


def _reason(imputed: int, cells: int, threshold: float) -> str:
    """``"4 of 6 figures imputed (above half)"`` in the current language."""
    numbers = {"imputed": formats.integer(imputed), "cells": formats.integer(cells)}
    if threshold == NOT_ASSESSABLE_SHARE:
        text = ngettext(
            "{imputed} of {cells} figures imputed (above half)",
            "{imputed} of {cells} figures imputed (above half)",
            imputed,
        )
        return text.format(**numbers)
    text = ngettext(
        "{imputed} of {cells} figures imputed (above {share})",
        "{imputed} of {cells} figures imputed (above {share})",
        imputed,
    )
    return text.format(share=formats.percent(threshold, 0), **numbers)


def data_quality(
    matrix: DecisionMatrix, threshold: float = NOT_ASSESSABLE_SHARE
) -> tuple[CandidateQuality, ...]:
    """One :class:`CandidateQuality` per candidate, in the matrix's candidate order.

    Parameters
    ----------
    matrix
        The decision matrix the ranking used (its ``imputed`` and ``illustrative`` masks).
    threshold
        Share of imputed figures in [0, 1] above which a candidate is not assessable.

    Raises
    ------
    ConfigurationError
        ``threshold`` outside [0, 1].
    """
    if not 0.0 <= threshold <= 1.0:
        msg = _(
            "the not-assessable threshold must be a share between 0 and 1 (got {given!r})"
        ).format(given=threshold)
        raise ConfigurationError(msg)
    titles = matrix.criterion_titles
    cells = len(titles)
    out = []
    for i, (cid, name) in enumerate(zip(matrix.candidates, matrix.candidate_names, strict=True)):
        imputed = tuple(t for t, flag in zip(titles, matrix.imputed[i], strict=True) if flag)
        shown = tuple(t for t, flag in zip(titles, matrix.illustrative[i], strict=True) if flag)
        assessable = cells == 0 or len(imputed) / cells <= threshold
        reason = "" if assessable else _reason(len(imputed), cells, threshold)
        out.append(CandidateQuality(cid, name, imputed, shown, cells, assessable, reason))
    return tuple(out)
