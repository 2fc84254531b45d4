"""Descriptions of the available methods, for `clusterrank methods`, the UI pickers and docs.

Titles, descriptions and help texts are English msgids marked with ``N_`` where they are
defined (module level, before any language is set); show them through :meth:`MethodInfo.text`,
:attr:`MethodInfo.title_text`, :attr:`MethodInfo.description_text` and
:attr:`SettingInfo.help_text`, which translate into the current language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from clusterrank.i18n import _

MethodKind = Literal["ranking", "weighting", "correlation"]
TextField = Literal["title", "description"]


def translated(text: str) -> str:
    """``text`` in the current language; ``""`` stays ``""`` (gettext would give the header)."""
    return _(text) if text else ""


@dataclass(frozen=True)
class SettingInfo:
    """One setting a method accepts: its default and, when it is a choice, the choices."""

    default: Any
    choices: tuple[Any, ...] = ()
    help: str = ""

    @property
    def help_text(self) -> str:
        """The help text in the current language (``""`` when there is none)."""
        return translated(self.help)


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

    def text(self, name: TextField) -> str:
        """The field ``name`` (``"title"``, ``"description"``) in the current language."""
        return translated(str(getattr(self, name)))

    @property
    def title_text(self) -> str:
        """The display title in the current language (a method's name stays as it is)."""
        return self.text("title")

    @property
    def description_text(self) -> str:
        """The description in the current language (``""`` when there is none)."""
        return self.text("description")
