"""Plain words for a ranking method and its settings: "TOPSIS, vector normalisation".

For captions a reader sees first; the exact ``name=value`` line (``RankingResult.settings_text``)
stays one click away. Only the settings of the ranking catalogue are worded; an unknown one is
shown as ``name value`` so nothing is ever hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from clusterrank.methods.registry import available_methods

NORMALISATIONS = {
    "vector": "vector",
    "minmax": "min-max",
    "max": "max",
    "sum": "sum",
    "linear": "linear",
}
PREFERENCE_FUNCTIONS = {
    "usual": "usual preference function (any difference counts in full)",
    "ushape": "U-shape preference function (a difference above q counts in full)",
    "vshape": "V-shape preference function (grows linearly up to p)",
    "level": "level preference function (half between q and p, full above p)",
    "vshape_2": "linear preference function between q and p",
}
_NEEDS = {"p": ("vshape", "level", "vshape_2"), "q": ("ushape", "level", "vshape_2")}
_THRESHOLD = {"p": "preference threshold p", "q": "indifference threshold q"}
_THRESHOLD_DEFAULT = {"p": "each criterion's range", "q": "0"}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _threshold(key: str, value: Any, settings: Mapping[str, Any]) -> str:
    if settings.get("preference_function", "usual") not in _NEEDS[key]:
        return ""  # the preference function does not use it
    if value is None:
        return f"{_THRESHOLD[key]} = {_THRESHOLD_DEFAULT[key]}"
    if isinstance(value, list | tuple):
        return f"{_THRESHOLD[key]} per criterion ({', '.join(map(_number, value))})"
    return f"{_THRESHOLD[key]} = {_number(value)} for every criterion"


_WORDS: dict[str, Callable[[Any, Mapping[str, Any]], str]] = {
    "normalization": lambda v, _: f"{NORMALISATIONS.get(str(v), str(v))} normalisation",
    "mode": lambda v, _: {
        "distributive": "priorities as shares (distributive mode)",
        "ideal": "best value = 1 (ideal mode)",
    }.get(str(v), f"mode {v}"),
    "v": lambda v, _: f"weight of the majority rule v = {_number(v)}",
    "l": lambda v, _: f"sum-product balance λ = {_number(v)}",
    "preference_function": lambda v, _: PREFERENCE_FUNCTIONS.get(str(v), f"{v} preference"),
    "p": lambda v, s: _threshold("p", v, s),
    "q": lambda v, s: _threshold("q", v, s),
    "bounds": lambda v, _: "bounds from the data range" if v is None else "bounds as given",
}


def method_words(title: str, settings: Mapping[str, Any]) -> str:
    """``title`` and each setting in plain words, comma-separated.

    >>> method_words("TOPSIS", {"normalization": "vector"})
    'TOPSIS, vector normalisation'
    >>> method_words("PROMETHEE II", {"preference_function": "usual", "p": None, "q": None})
    'PROMETHEE II, usual preference function (any difference counts in full)'
    """
    parts = [title]
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
