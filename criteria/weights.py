"""Criterion weights: the one weight object, and the weights a criteria set or user sets.

:class:`Weights` holds a weighting at every level (group, local, global), the settings that
produced it and its notes; every source of weights (the criteria set, direct weights typed in
or set on sliders, AHP judgments, objective weights from the data) ends in one, made by
:func:`compose_weights`. Global weight of a criterion = normalised group weight × normalised
local weight, so the global weights sum to 1. That is the one place a weight is normalised,
and the one note saying so is written there; ranking uses the global weights as they are.

For ``weights.mode: ahp`` this module only exposes the validated judgment blocks
(:func:`ahp_request`); the analysis layer derives priorities with ``methods.ahp`` and
composes them here, keeping each judgment matrix's analysis in :attr:`Weights.ahp`.
``weights.mode: objective`` weights come from the data, so the analysis layer computes them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.models.ahp_file import JudgmentBlock
from clusterrank.criteria.models.criteria_set import CriteriaSet
from clusterrank.criteria.models.scenario import (
    AHPWeights,
    DirectWeights,
    ObjectiveWeights,
    Scenario,
)
from clusterrank.criteria.shown import short
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd

FloatArray = npt.NDArray[np.float64]
_TOL = 1e-9
Block = TypeVar("Block")
"""What :attr:`Weights.ahp` holds per judgment matrix (analysis.ahp_report.AHPBlock)."""
SOURCES = (N_("the scenario"), N_("the sliders"))
"""The names :func:`given_weights` gives its source in notes (``where``), for the catalogue."""


@dataclass(frozen=True)
class Weights(Generic[Block]):
    """Criterion weights at every level, in decision-matrix column order, and their origin.

    Attributes
    ----------
    criteria, groups
        Criterion ids and the group id of each (n each).
    group_ids, group_weights
        Each group once, with its normalised weight (sum 1).
    local_weights
        Each criterion's weight inside its group, normalised per group (n).
    global_weights
        Group weight × local weight (n, sum 1): what ranking methods receive.
    mode
        ``criteria_set``, ``direct``, ``ahp`` or ``objective:<method>``.
    notes
        Plain-language notes (the one normalisation note, zero-weight groups...).
    settings
        ``mode`` and its parameters (AHP derivation, random-index table and completion;
        objective method), echoed with every result.
    ahp
        For AHP weights: the analysed judgment matrix per block (``"groups"`` or a group id).
    """

    criteria: tuple[str, ...]
    groups: tuple[str, ...]
    group_ids: tuple[str, ...]
    group_weights: FloatArray
    local_weights: FloatArray
    global_weights: FloatArray
    mode: str
    notes: tuple[str, ...] = field(default=())
    settings: Mapping[str, Any] = field(default_factory=dict)
    ahp: Mapping[str, Block] = field(default_factory=dict)

    def group_map(self) -> dict[str, float]:
        """Group id -> group weight."""
        return dict(zip(self.group_ids, self.group_weights.tolist(), strict=True))

    def local_map(self) -> dict[str, float]:
        """Criterion id -> local weight (its share of its group)."""
        return dict(zip(self.criteria, self.local_weights.tolist(), strict=True))

    def as_map(self) -> dict[str, float]:
        """Criterion id -> global weight."""
        return dict(zip(self.criteria, self.global_weights.tolist(), strict=True))

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion: group, group weight, local weight, global weight."""
        import pandas as pd  # only here: `validate` reads weights without pandas (start-up)

        gw = self.group_map()
        return pd.DataFrame(
            {
                "group": list(self.groups),
                "group_weight": [gw[g] for g in self.groups],
                "local_weight": self.local_weights,
                "global_weight": self.global_weights,
            },
            index=pd.Index(list(self.criteria), name="criterion"),
        )


def _normalise(
    values: list[float], ids: list[str], what: str, rescaled: list[str], scale: float
) -> FloatArray:
    """``values / sum``, with the rescaling noted.

    ``rescaled`` records ``what`` (and its sum) when the sum was not ``scale`` (1 for fractions, 100
    for percentages). ``what`` names the block, already translated.

    The values are divided by the largest one before summing, so weights up to 1.8e308 add
    up without overflow. Validated models hold finite weights >= 0; a hand-built mapping
    with a non-finite or negative weight is refused, naming it.
    """
    for ident, value in zip(ids, values, strict=True):
        if not (math.isfinite(value) and value >= 0):
            msg = _("{what}: {ident!r} is {value}; a weight must be a finite number >= 0")
            msg = msg.format(what=what, ident=ident, value=short(value))
            raise ConfigurationError(msg)
    peak = max(values, default=0.0)
    if peak <= 0:  # validated models forbid this; guard for hand-built mappings
        msg = _("all {what} are zero; give at least one a positive weight").format(what=what)
        raise ConfigurationError(msg)
    scaled = [v / peak for v in values]
    total = math.fsum(scaled)  # in [1, len(values)]: no overflow
    if abs(total * peak / scale - 1.0) > _TOL:
        whole = total * peak
        text = short(whole) if math.isfinite(whole) else f"{short(total)} × {short(peak)}"
        rescaled.append(_("{what} (sum {total})").format(what=what, total=text))
    return np.asarray(scaled, dtype=float) / total


def compose_weights(
    cs: CriteriaSet,
    group_weights: Mapping[str, float],
    local_weights: Mapping[str, float],
    mode: str,
    notes: tuple[str, ...] = (),
    *,
    settings: Mapping[str, Any] | None = None,
    scale: float = 1.0,
) -> Weights[Any]:
    """Normalise group and local weights (once) and combine them into global weights.

    Parameters
    ----------
    cs
        The criteria set (fixes the order of groups and criteria).
    group_weights, local_weights
        Relative weights by group id and by criterion id; every id must be present.
    mode
        Recorded in the result (``direct``, ``criteria_set``, ``ahp``, ``objective:...``).
    notes
        Notes to carry (e.g. consistency ratios from AHP).
    settings
        Echoed in the result; default ``{"mode": mode}``.
    scale
        What each block of weights is meant to sum to: 1 for fractions, 100 for the
        percentages of the sliders. A block summing to anything else is rescaled with a note.
    """
    out = list(notes)
    rescaled: list[str] = []
    gw = _normalise(
        [float(group_weights[g.id]) for g in cs.groups],
        [g.id for g in cs.groups],
        _("group weights"),
        rescaled,
        scale,
    )
    local: list[float] = []
    glob: list[float] = []
    zero_groups: list[str] = []
    for k, g in enumerate(cs.groups):
        raw = [float(local_weights[c.id]) for c in g.criteria]
        ids = [c.id for c in g.criteria]
        what = _("weights in group {group}").format(group=g.id)
        lw = _normalise(raw, ids, what, rescaled, scale)
        if gw[k] == 0:
            zero_groups.append(g.id)
        local += lw.tolist()
        glob += (gw[k] * lw).tolist()
    if rescaled:
        note = _("relative weights normalised to sum to 1: {blocks}")
        out.append(note.format(blocks="; ".join(rescaled)))
    zero = _("group {group} has weight 0: its criteria do not count")
    out += [zero.format(group=g) for g in zero_groups]
    return Weights(
        criteria=cs.criterion_ids,
        groups=tuple(g.id for g in cs.groups for _unused in g.criteria),
        group_ids=cs.group_ids,
        group_weights=gw,
        local_weights=np.asarray(local, dtype=float),
        global_weights=np.asarray(glob, dtype=float),
        mode=mode,
        notes=tuple(out),
        settings=dict(settings) if settings is not None else {"mode": mode},
    )


def direct_weights(source: Scenario | CriteriaSet) -> Weights[Any]:
    """Weights of a criteria set, or of a scenario in ``direct`` / ``criteria_set`` mode.

    In ``direct`` mode the scenario's group and criterion weights replace the set's; those it
    does not name keep the set's values (and a note says which).

    Raises
    ------
    ConfigurationError
        For a scenario in ``ahp`` mode (use :func:`ahp_request` and ``methods.ahp``) or in
        ``objective`` mode (``analysis.weights`` computes those from the decision matrix).
    """
    cs = source.criteria_set if isinstance(source, Scenario) else source
    w = source.weights if isinstance(source, Scenario) else None
    if isinstance(w, AHPWeights):
        msg = _("weights.mode is ahp: derive the weights from the judgments (ahp_request)")
        raise ConfigurationError(msg)
    if isinstance(w, ObjectiveWeights):
        msg = _("weights.mode is objective: compute the weights from the decision matrix")
        raise ConfigurationError(msg)
    if not isinstance(w, DirectWeights):
        notes = (
            []
            if cs.official_weights
            else [
                cs.weights_note
                or _("the criteria set publishes no official weights; its default weights are used")
            ]
        )
        groups = {g.id: g.weight for g in cs.groups}
        local = {c.id: c.weight for c in cs.criteria}
        return compose_weights(cs, groups, local, "criteria_set", tuple(notes))
    return given_weights(cs, w.groups, w.criteria)


def given_weights(
    cs: CriteriaSet,
    groups: Mapping[str, float],
    criteria: Mapping[str, float],
    *,
    scale: float = 1.0,
    where: str = "the scenario",
) -> Weights[Any]:
    """Direct weights typed in (a scenario's ``direct`` block, the UI's sliders).

    The given group and criterion weights replace the set's, the others keep the set's (noted).

    ``scale`` is what each block is meant to sum to (100 for the sliders' percentages; the
    set's own weights are then read as fractions of it); ``where`` names the source in notes
    (one of :data:`SOURCES`, translated here).
    """
    notes = []
    kept_g = [g.id for g in cs.groups if g.id not in groups]
    kept_c = [c.id for c in cs.criteria if c.id not in criteria]
    if groups and kept_g:
        note = _("groups not weighted in {where} keep the set's weights: {groups}")
        notes.append(note.format(where=_(where), groups=", ".join(kept_g)))
    if criteria and kept_c:
        note = _("criteria not weighted in {where} keep the set's weights: {criteria}")
        notes.append(note.format(where=_(where), criteria=", ".join(kept_c)))
    set_groups = {g.id: g.weight * scale for g in cs.groups}
    set_local = {c.id: c.weight * scale for c in cs.criteria}
    return compose_weights(
        cs,
        {**set_groups, **groups},
        {**set_local, **criteria},
        "direct",
        tuple(notes),
        scale=scale,
    )


@dataclass(frozen=True)
class AHPRequest:
    """The validated pairwise judgments of a scenario in ``ahp`` mode, ready for methods.ahp.

    ``group_block`` is None when the set has one group; a group with one criterion has no
    entry in ``criteria_blocks`` (its local weight is 1).
    """

    group_ids: tuple[str, ...]
    group_block: JudgmentBlock | None
    criteria_by_group: dict[str, tuple[str, ...]]
    criteria_blocks: dict[str, JudgmentBlock]
    derivation: str
    random_index: str
    completion: str = "implied"


def ahp_request(scenario: Scenario) -> AHPRequest:
    """The judgment blocks of a scenario whose ``weights.mode`` is ``ahp``."""
    w = scenario.weights
    if not isinstance(w, AHPWeights):
        msg = _("weights.mode is {mode}, not ahp; use direct_weights").format(mode=w.mode)
        raise ConfigurationError(msg)
    cs = scenario.criteria_set
    return AHPRequest(
        group_ids=cs.group_ids,
        group_block=w.groups,
        criteria_by_group={g.id: tuple(c.id for c in g.criteria) for g in cs.groups},
        criteria_blocks=dict(w.criteria),
        derivation=w.derivation,
        random_index=w.random_index,
        completion=w.completion,
    )
