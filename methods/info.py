"""Descriptions of the available methods, for `clusterrank methods`, the UI pickers and docs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

MethodKind = Literal["ranking", "weighting", "correlation"]


@dataclass(frozen=True)
class SettingInfo:
    """One setting a method accepts: its default and, when it is a choice, the choices."""

    default: Any
    choices: tuple[Any, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class MethodInfo:
    """What a user needs to know to pick a method.

    Attributes
    ----------
    name
        Registry name used in YAML, CLI and UI (lower case, e.g. ``"topsis"``, ``"vikor"``).
    title
        Display title.
    kind
        ``"ranking"``, ``"weighting"`` (objective weights) or ``"correlation"``.
    implementation
        ``"clusterrank"`` for own vectorised kernels, ``"pymcdm"`` for the adapter.
    higher_is_better
        Score orientation of a ranking method (VIKOR and SPOTIS rank ascending).
    batch
        True when scores for a batch of weight vectors come from one vectorised pass.
    settings
        Setting name -> :class:`SettingInfo`.
    reference
        The publication the method follows.
    """

    name: str
    title: str
    kind: MethodKind
    implementation: str
    reference: str
    higher_is_better: bool = True
    batch: bool = False
    settings: Mapping[str, SettingInfo] = field(default_factory=dict)
    description: str = ""
