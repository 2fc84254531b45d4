"""Plain words for a ranking method and its settings: "TOPSIS, vector normalisation".

For captions a reader sees first; the exact ``name=value`` line (``RankingResult.settings_text``)
stays one click away. Only the settings of the ranking catalogue are worded; an unknown one is
shown as ``name value`` so nothing is ever hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from clusterrank.i18n import N_, _
from clusterrank.methods.info import translated
from clusterrank.methods.registry import available_methods

NORMALISATIONS = {
    "vector": N_("vector normalisation"),
    "minmax": N_("min-max normalisation"),
    "max": N_("max normalisation"),
    "sum": N_("sum normalisation"),
    "linear": N_("linear normalisation"),
}
"""Normalisation setting value -> its caption (an English msgid: show it through ``_()``)."""
PREFERENCE_FUNCTIONS = {
    "usual": N_("usual preference function (any difference counts in full)"),
    "ushape": N_("U-shape preference function (a difference above q counts in full)"),
    "vshape": N_("V-shape preference function (grows linearly up to p)"),
    "level": N_("level preference function (half between q and p, full above p)"),
    "vshape_2": N_("linear preference function between q and p"),
}
"""Preference function setting value -> its caption (an English msgid)."""
MODES = {
    "distributive": N_("priorities as shares (distributive mode)"),
    "ideal": N_("best value = 1 (ideal mode)"),
}
"""AHP synthesis mode -> its caption (an English msgid)."""
_NEEDS = {"p": ("vshape", "level", "vshape_2"), "q": ("ushape", "level", "vshape_2")}
_THRESHOLD = {
    "p": (
        N_("preference threshold p = each criterion's range"),
        N_("preference threshold p per criterion ({values})"),
        N_("preference threshold p = {value} for every criterion"),
    ),
    "q": (
        N_("indifference threshold q = 0"),
        N_("indifference threshold q per criterion ({values})"),
        N_("indifference threshold q = {value} for every criterion"),
    ),
}


CHOICES: dict[str, Mapping[str, str]] = {
    "normalization": NORMALISATIONS,
    "preference_function": PREFERENCE_FUNCTIONS,
    "mode": MODES,
}
"""Setting name -> its typed values' captions, for pickers that show words beside the value."""


def choice_words(setting: str, value: Any) -> str:
    """``vector normalisation (vector)`` in the current language; the value alone if unknown."""
    words = CHOICES.get(setting, {}).get(str(value))
    return _("{words} ({value})").format(words=_(words), value=value) if words else str(value)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _threshold(key: str, value: Any, settings: Mapping[str, Any]) -> str:
    if settings.get("preference_function", "usual") not in _NEEDS[key]:
        return ""  # the preference function does not use it
    default, each, every = _THRESHOLD[key]
    if value is None:
        return _(default)
    if isinstance(value, list | tuple):
        return _(each).format(values=", ".join(map(_number, value)))
    return _(every).format(value=_number(value))


def _known(words: Mapping[str, str], value: Any, unknown: str) -> str:
    """The caption of a known setting value, else ``unknown`` filled with the value."""
    found = words.get(str(value))
    return _(found) if found else _(unknown).format(value=value)


_WORDS: dict[str, Callable[[Any, Mapping[str, Any]], str]] = {
    "normalization": lambda v, _s: _known(NORMALISATIONS, v, N_("{value} normalisation")),
    "mode": lambda v, _s: _known(MODES, v, N_("mode {value}")),
    "v": lambda v, _s: _("weight of the majority rule v = {value}").format(value=_number(v)),
    "l": lambda v, _s: _("sum-product balance λ = {value}").format(value=_number(v)),
    "preference_function": lambda v, _s: _known(PREFERENCE_FUNCTIONS, v, N_("{value} preference")),
    "p": lambda v, s: _threshold("p", v, s),
    "q": lambda v, s: _threshold("q", v, s),
    "bounds": lambda v, _s: _("bounds from the data range") if v is None else _("bounds as given"),
}


def method_words(title: str, settings: Mapping[str, Any]) -> str:
    """``title`` and each setting in plain words, comma-separated, in the current language.

    >>> method_words("TOPSIS", {"normalization": "vector"})
    'TOPSIS, vector normalisation'
    >>> method_words("PROMETHEE II", {"preference_function": "usual", "p": None, "q": None})
    'PROMETHEE II, usual preference function (any difference counts in full)'
    """
    parts = [translated(title)]
    for key, value in settings.items():
        word = _WORDS.get(key)
        text = word(value, settings) if word else f"{key.replace('_', ' ')} {_number(value)}"
        if text:
            parts.append(text)
    return ", ".join(parts)


def describe(method: str, settings: Mapping[str, Any]) -> str:
    """:func:`method_words` for a registry name, with the method's display title.

    >>> describe("topsis", {"normalization": "vector"})
    'TOPSIS, vector normalisation'
    """
    title = next((m.title for m in available_methods("ranking") if m.name == method), method)
    return method_words(title, settings)
