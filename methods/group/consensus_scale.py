"""Goepel's word scale for the AHP consensus indicator S*, and S* of one node with its word.

S* itself is :func:`methods.ahp.group.consensus` (Goepel 2018, formulas there). Goepel
calibrated words for it on 140 nodes of 35 AHP-OS projects:

============  ======================
S*            word
============  ======================
< 50 %        ``"very low"``
50 – 62.5 %   ``"low"``
62.5 – 75 %   ``"moderate"``
75 – 87.5 %   ``"high"``
>= 87.5 %     ``"very high"``
============  ======================

A value on a boundary takes the upper word (50 % is "low", 87.5 % "very high").

References
----------
Goepel, K.D. (2018). Implementation of an online software tool for the analytic hierarchy
process (AHP-OS). *International Journal of the Analytic Hierarchy Process* 10(3), 469–487.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _, pgettext
from clusterrank.methods.ahp.group import consensus

#: Lower bounds of each word (S* as a share), lowest first; below the first is "very low".
CONSENSUS_LEVELS: tuple[tuple[float, str], ...] = (
    (0.0, "very low"),
    (0.5, "low"),
    (0.625, "moderate"),
    (0.75, "high"),
    (0.875, "very high"),
)


def consensus_label(word: str) -> str:
    """A word of :data:`CONSENSUS_LEVELS` in the current language, for display.

    The words themselves stay English in results and records; show them through this.
    """
    labels = {
        "very low": pgettext("consensus", "very low"),
        "low": pgettext("consensus", "low"),
        "moderate": pgettext("consensus", "moderate"),
        "high": pgettext("consensus", "high"),
        "very high": pgettext("consensus", "very high"),
    }
    return labels.get(word, word)


def consensus_word(s_star: float) -> str:
    """Goepel's word for S* in [0, 1].

    Very low < 0.5 <= low < 0.625 <= moderate < 0.75 <= high < 0.875 <= very high.

    Raises
    ------
    MethodInputError
        S* not a number in [0, 1].

    References
    ----------
    Goepel (2018), IJAHP 10(3), 469–487.
    """
    value = float(s_star)
    if not math.isfinite(value) or value < 0 or value > 1:
        msg = _("S* must be a number in [0, 1] (got {s_star!r})").format(s_star=s_star)
        raise MethodInputError(msg)
    word = CONSENSUS_LEVELS[0][1]
    for bound, name in CONSENSUS_LEVELS:
        if value >= bound:
            word = name
    return word


@dataclass(frozen=True)
class NodeConsensus:
    """S* of one node (one pairwise matrix answered by K experts) and its word.

    Attributes
    ----------
    s_star
        Goepel's S* in [0, 1].
    word
        :func:`consensus_word` of ``s_star``.
    experts, items
        K experts and n items behind it.
    scale_max
        Largest judgment of the scale the S* floor uses (9 for Saaty's), or ``None``.
    """

    s_star: float
    word: str
    experts: int
    items: int
    scale_max: float | None


def node_consensus(
    priority_vectors: npt.ArrayLike, *, scale_max: float | None = 9.0
) -> NodeConsensus:
    """S* of one node from its K × n expert priority vectors, with Goepel's word.

    References
    ----------
    Goepel (2018), IJAHP 10(3), 469–487.
    """
    s = consensus(priority_vectors, scale_max=scale_max)  # validates the K × n array
    k, n = np.asarray(priority_vectors, dtype=float).shape
    return NodeConsensus(s, consensus_word(s), int(k), int(n), scale_max)
