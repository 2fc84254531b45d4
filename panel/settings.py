"""A panel's aggregation settings: every choice that changes a number, stored and echoed.

Kept with the panel (``aggregation`` in the store) when it is created; a ``results`` call may
override some of them (e.g. ``--aggregation aip``), and every result echoes the settings it
used in full.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _
from clusterrank.methods.ahp import COMPLETIONS, DERIVATIONS
from clusterrank.methods.ahp.random_index import table_names
from clusterrank.methods.group.bootstrap import MAX_RESAMPLES
from clusterrank.methods.group.weighted_stats import AGGREGATIONS

JUDGMENT_AGGREGATIONS = ("aij", "aip")
AIP_MEANS = ("geometric", "arithmetic")
EXPERT_WEIGHTINGS = ("equal", "expert", "group")


@dataclass(frozen=True)
class PanelSettings:
    """How a panel's answers become a result.

    Attributes
    ----------
    aggregation
        ``aij`` (weighted geometric mean of the judgments, then priorities) or ``aip``
        (priorities of each expert, then their weighted ``aip_mean``).
    aip_mean
        ``geometric`` (default) or ``arithmetic`` mean of priorities (AIP only).
    derivation, random_index, completion
        AHP priorities (eigenvector / geometric_mean), RI table, missing-judgment completion.
    expert_weights
        ``equal`` (default), ``expert`` (the experts file's weights) or ``group`` (the
        ``group_weights`` of stakeholder groups, shared by their members).
    score_aggregation, trim, score_step
        ``median`` (default), ``mean`` or ``trimmed_mean`` of the scores; the share cut from
        each tail by the trimmed mean; one step of the score scale (for "within one step").
    threshold
        Consensus threshold: a node with S* below it, or a scored item with fewer than this
        share of answers within one step of the median (or an IQR above one step), lacks
        consensus and is asked again in the next Delphi round by default.
    resamples, seed, top_k
        Bootstrap over experts: resamples, random seed, and the k of "top k".
    illustrative
        The panel's answers are illustrative, not real: every output says so.
    """

    aggregation: str = "aij"
    aip_mean: str = "geometric"
    derivation: str = "eigenvector"
    random_index: str = "saaty"
    completion: str = "implied"
    expert_weights: str = "equal"
    group_weights: dict[str, float] = field(default_factory=dict)
    score_aggregation: str = "median"
    trim: float = 0.1
    score_step: float = 1.0
    threshold: float = 0.75
    resamples: int = 500
    seed: int = 0
    top_k: int = 3
    illustrative: bool = False

    def __post_init__(self) -> None:
        _check(self)

    def to_json(self) -> dict[str, Any]:
        """The settings as a JSON-ready dict (stored with the panel)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> PanelSettings:
        """Settings stored with a panel (unknown keys ignored, missing ones default)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in dict(data or {}).items() if k in names})

    def updated(self, **changes: Any) -> PanelSettings:
        """A copy with the given settings changed (``None`` values ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _choice(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        msg = _("{setting} must be one of {choices} (got {value})").format(
            setting=_(what), choices=", ".join(allowed), value=repr(value)
        )
        raise ConfigurationError(msg)


def _check(s: PanelSettings) -> None:
    _choice(s.aggregation, JUDGMENT_AGGREGATIONS, N_("aggregation"))
    _choice(s.aip_mean, AIP_MEANS, N_("the AIP mean"))
    _choice(s.derivation, tuple(DERIVATIONS), N_("derivation"))
    _choice(s.random_index, tuple(table_names()), N_("random index table"))
    _choice(s.completion, tuple(COMPLETIONS), N_("completion"))
    _choice(s.expert_weights, EXPERT_WEIGHTINGS, N_("expert weights"))
    _choice(s.score_aggregation, tuple(AGGREGATIONS), N_("score aggregation"))
    for name, value in s.group_weights.items():
        if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
            msg = _("the weight of group {group} must be a number >= 0 (got {value})").format(
                group=repr(name), value=repr(value)
            )
            raise ConfigurationError(msg)
    if s.expert_weights == "group" and not s.group_weights:
        msg = _(
            "expert weights by group need group weights, e.g. --group-weights business=1,science=2"
        )
        raise ConfigurationError(msg)
    _check_numbers(s)


def _check_numbers(s: PanelSettings) -> None:
    if not (0 <= s.trim < 0.5):
        msg = _("trim must be in [0, 0.5) (got {value})").format(value=repr(s.trim))
        raise ConfigurationError(msg)
    if not (math.isfinite(s.score_step) and s.score_step > 0):
        msg = _("the score step must be a number > 0 (got {value})").format(
            value=repr(s.score_step)
        )
        raise ConfigurationError(msg)
    if not (math.isfinite(s.threshold) and 0 <= s.threshold <= 1):
        msg = _("the consensus threshold must be in [0, 1] (got {value}); 0.75 is usual").format(
            value=repr(s.threshold)
        )
        raise ConfigurationError(msg)
    if not (isinstance(s.resamples, int) and 0 <= s.resamples <= MAX_RESAMPLES):
        msg = _("resamples must be a whole number in 0..{maximum} (got {value})").format(
            maximum=MAX_RESAMPLES, value=repr(s.resamples)
        )
        raise ConfigurationError(msg)
    if not (isinstance(s.top_k, int) and s.top_k >= 1):
        msg = _("top_k must be a whole number >= 1 (got {value})").format(value=repr(s.top_k))
        raise ConfigurationError(msg)
