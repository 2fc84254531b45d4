"""Expert weights for a panel: equal by default, per expert, or by stakeholder group.

Rules (every result carries its scheme and the equal-weights alternative, so a weighted
panel result can always be shown beside the unweighted one):

``equal``
    α_k = 1/K.
``expert``
    α_k = v_k / Σ v, from one non-negative weight v_k per expert.
``group``
    Each stakeholder group g has a weight G_g; its members share it, equally or in
    proportion to their own weights v_k within the group:
    α_k = G_g · v_k / Σ_{j in g} v_j, then Σ α = 1 (groups without members drop out, noted).
    A large group therefore does not outweigh a small one by its size alone.

AIJ and AIP accept these α directly (:func:`methods.ahp.group.aggregate_judgments`,
:func:`methods.ahp.group.aggregate_priorities`).

References
----------
Forman, E., Peniwati, K. (1998). Aggregating individual judgments and priorities with the
analytic hierarchy process. *European Journal of Operational Research* 108(1), 165–169.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]


def check_expert_weights(weights: npt.ArrayLike | None, k: int) -> FloatArray:
    """K non-negative finite expert weights, not all zero, returned summing to 1.

    ``None`` gives equal weights 1/K.
    """
    if k < 1:
        msg = _("a panel needs at least one expert")
        raise MethodInputError(msg)
    if weights is None:
        return np.full(k, 1.0 / k)
    w = np.asarray(weights, dtype=float)
    if w.shape != (k,):
        msg = _("expected {k} expert weights (one per expert), got shape {shape}").format(
            k=k, shape=w.shape
        )
        raise MethodInputError(msg)
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if bad.size:
        j = int(bad[0])
        msg = _("expert weights must be finite numbers >= 0; expert {number} has {value}").format(
            number=j + 1, value=f"{w[j]:g}"
        )
        raise MethodInputError(msg)
    if w.max() <= 0:
        msg = _("expert weights must not all be zero; give at least one expert a positive weight")
        raise MethodInputError(msg)
    return np.asarray(w / w.sum(), dtype=float)


@dataclass(frozen=True)
class ExpertWeights:
    """Normalised expert weights with the scheme that made them and the equal alternative.

    Attributes
    ----------
    experts
        Expert ids in order.
    weights
        α_k, summing to 1.
    equal
        1/K for every expert (the unweighted alternative to show beside).
    scheme
        ``"equal"``, ``"expert"`` or ``"group"``.
    notes
        Remarks a user must see.
    """

    experts: tuple[str, ...]
    weights: FloatArray
    equal: FloatArray
    scheme: str
    notes: tuple[str, ...] = ()

    @property
    def is_equal(self) -> bool:
        """True when the weights are (numerically) the equal ones."""
        return bool(np.allclose(self.weights, self.equal, rtol=0, atol=1e-12))

    @property
    def weight_map(self) -> dict[str, float]:
        """Expert id -> α_k."""
        return dict(zip(self.experts, self.weights.tolist(), strict=True))


def _positive(value: object, what: str) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        msg = _("{what} must be a number >= 0 (got {value!r})").format(what=what, value=value)
        raise MethodInputError(msg) from exc
    if not math.isfinite(v) or v < 0:
        msg = _("{what} must be a finite number >= 0 (got {value!r})").format(
            what=what, value=value
        )
        raise MethodInputError(msg)
    return v


def expert_weights(
    experts: Sequence[str],
    *,
    weights: Mapping[str, float] | None = None,
    groups: Mapping[str, str] | None = None,
    group_weights: Mapping[str, float] | None = None,
) -> ExpertWeights:
    """Expert weights by the rules in the module docstring.

    Parameters
    ----------
    experts
        Unique expert ids.
    weights
        Optional weight per expert (every expert needs one when given).
    groups
        Expert id -> stakeholder group (needed with ``group_weights``).
    group_weights
        Group -> weight; switches the ``group`` scheme on.

    Raises
    ------
    MethodInputError
        Duplicate ids, a missing or unknown expert, an expert without a group, a group
        without a weight, negative or non-finite weights, or all weights zero.
    """
    ids = tuple(str(e) for e in experts)
    if len(set(ids)) != len(ids):
        dup = next(e for e in ids if ids.count(e) > 1)
        msg = _("expert ids must be unique (got {name!r} more than once)").format(name=dup)
        raise MethodInputError(msg)
    k = len(ids)
    equal = check_expert_weights(None, k)
    own = np.ones(k) if weights is None else _own_weights(ids, weights)
    if group_weights is None:
        scheme = "equal" if weights is None else "expert"
        return ExpertWeights(ids, check_expert_weights(own, k), equal, scheme, ())
    if groups is None:
        msg = _("group weights need each expert's stakeholder group")
        raise MethodInputError(msg)
    out, notes = _group_scheme(ids, own, groups, group_weights)
    return ExpertWeights(ids, check_expert_weights(out, k), equal, "group", tuple(notes))


def _own_weights(ids: tuple[str, ...], weights: Mapping[str, float]) -> FloatArray:
    """Each expert's own weight, in the order of ``ids``; ``weights`` must name them exactly."""
    unknown = sorted(set(map(str, weights)) - set(ids))
    missing = [e for e in ids if e not in weights]
    if unknown or missing:
        what = (
            _("unknown expert {expert!r}").format(expert=unknown[0])
            if unknown
            else _("no weight for {expert!r}").format(expert=missing[0])
        )
        msg = _("per-expert weights must name every expert exactly: {what}").format(what=what)
        raise MethodInputError(msg)
    return np.array(
        [_positive(weights[e], _("the weight of expert {expert!r}").format(expert=e)) for e in ids]
    )


def _group_scheme(
    ids: tuple[str, ...],
    own: FloatArray,
    groups: Mapping[str, str],
    group_weights: Mapping[str, float],
) -> tuple[FloatArray, list[str]]:
    """Split each group's weight among its experts in proportion to their own weights.

    Returns the (unnormalised) expert weights and notes on groups that count for nothing.
    """
    notes: list[str] = []
    out = np.zeros(len(ids))
    member_of: dict[str, list[int]] = {}
    for pos, e in enumerate(ids):
        if e not in groups:
            msg = _(
                "expert {expert!r} has no stakeholder group; give one or drop the group weights"
            ).format(expert=e)
            raise MethodInputError(msg)
        member_of.setdefault(str(groups[e]), []).append(pos)
    for g, members in member_of.items():
        if g not in group_weights:
            msg = _("stakeholder group {group!r} has no weight; give every group one").format(
                group=g
            )
            raise MethodInputError(msg)
        gw = _positive(group_weights[g], _("the weight of group {group!r}").format(group=g))
        inside = own[members].sum()
        if inside <= 0:
            note = _("every expert of group {group!r} has weight 0; the group counts for nothing")
            notes.append(note.format(group=g))
            continue
        out[members] = gw * own[members] / inside
    empty = sorted(set(map(str, group_weights)) - set(member_of))
    if empty:
        notes.append(
            _(
                "group(s) {groups} have no experts; the other groups' "
                "weights are rescaled to sum to 1"
            ).format(groups=", ".join(map(repr, empty)))
        )
    return out, notes
