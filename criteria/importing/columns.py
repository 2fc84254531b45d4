"""What each column of an imported table is: ids, names, or an indicator, with guesses to check.

* **Id and name columns.** Asked for by name, or guessed: a column headed like ``id``,
  ``code``, ``код`` holds ids; one headed like ``name``, ``название``, ``project`` (or else
  the first text column) holds names. Without an id column, ids are made safe from the
  names (:func:`make_ids`): lower case, Latin and Cyrillic letters and digits kept, the rest
  turned into ``_``, a suffix added where two would be the same.
* **Indicators.** Every numeric column: its key (made safe from the header), title, unit
  (``Investment, mln RUB`` → unit ``mln RUB``; ``Share (%)`` or cells with ``%`` → ``%``) and
  direction. The direction is a *guess* from the name (cost words such as cost, price,
  debt, unemployment, затраты, стоимость, долг, безработица), always marked for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clusterrank.i18n import _

COST_WORDS = (
    "cost", "price", "expense", "expenditure", "loss", "debt", "unemploy", "crime", "risk",
    "payback", "emission", "pollution", "waste", "tariff", "accident", "mortality", "poverty",
    "затрат", "стоимост", "расход", "издерж", "убыт", "долг", "задолжен", "безработ",
    "преступ", "риск", "окупаем", "выброс", "загрязн", "цена", "цены", "тариф", "смертн",
    "бедност", "аварий",
)  # fmt: skip
"""Word stems that make a column a cost (lower is better); anything else is a benefit."""
ID_WORDS = ("id", "code", "код", "идентификатор", "candidate_id", "key", "№", "no", "#")
NAME_WORDS = ("name", "title", "название", "наименование", "project", "проект", "region",
              "регион", "cluster", "кластер", "country", "страна", "candidate")  # fmt: skip
_NOT_ID = re.compile(r"[^0-9a-zа-яё]+")
_UNIT_AFTER_COMMA = re.compile(r"^(?P<title>.+?),\s*(?P<unit>[^,]{1,30})$")
_UNIT_IN_BRACKETS = re.compile(r"^(?P<title>.+?)\s*[(\[](?P<unit>[^()\[\]]{1,30})[)\]]$")
MAX_ID_LENGTH = 40


def slug(text: str) -> str:
    """``Уголь и кокс (2016)`` → ``уголь_и_кокс_2016``: letters and digits kept, lower case."""
    out = _NOT_ID.sub("_", text.lower().replace("ё", "е")).strip("_")
    return out[:MAX_ID_LENGTH].rstrip("_")


def unique(names: Iterable[str], fallback: str) -> list[str]:
    """The names made unique by a suffix (``a``, ``a_2``); an empty one becomes ``fallback_k``."""
    out: list[str] = []
    seen: set[str] = set()
    for k, name in enumerate(names, start=1):
        base = name or f"{fallback}_{k}"
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base}_{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def make_ids(names: Sequence[str]) -> list[str]:
    """Safe, unique candidate ids made from their names."""
    return unique((slug(n) for n in names), "row")


def _header_words(header: str) -> set[str]:
    return {w for w in re.split(r"[\s_.,:;()\[\]/-]+", header.lower()) if w}


def guess_id_column(header: Sequence[str], text_columns: Sequence[str]) -> str | None:
    """The text column whose header says it holds ids, else None (ids made from names)."""
    for name in text_columns:
        if name.strip().lower() in ID_WORDS or _header_words(name) & {"id", "код", "code"}:
            return name
    return None


def guess_name_column(text_columns: Sequence[str], id_column: str | None) -> str | None:
    """The text column whose header says it holds names, else the first text column left."""
    rest = [c for c in text_columns if c != id_column]
    for name in rest:
        if _header_words(name) & set(NAME_WORDS):
            return name
    return rest[0] if rest else None


@dataclass(frozen=True)
class Direction:
    """A guessed direction and why: the cost word found in the name, or none."""

    value: str
    word: str = ""

    @property
    def reason(self) -> str:
        """Why this direction was guessed, for the user to check."""
        if self.word:
            return _("cost: the name contains {word!r}").format(word=self.word)
        return _("benefit: no cost word in the name")


def guess_direction(header: str) -> Direction:
    """``cost`` when the name holds a cost word (see :data:`COST_WORDS`), else ``benefit``."""
    low = header.lower()
    for word in COST_WORDS:
        if word in low:
            return Direction("cost", word)
    return Direction("benefit")


def split_unit(header: str, percent_cells: bool = False) -> tuple[str, str]:
    """The header's title and unit: ``Investment, mln RUB`` → (``Investment``, ``mln RUB``).

    ``%`` anywhere in the header, or ``%`` signs in the cells, make the unit a percent.
    """
    text = " ".join(header.split())
    for pattern in (_UNIT_IN_BRACKETS, _UNIT_AFTER_COMMA):
        match = pattern.match(text)
        if match and not any(ch.isdigit() for ch in match["unit"][:1]):
            unit = match["unit"].strip()
            return match["title"].strip(), "%" if "%" in unit else unit
    if "%" in text:
        return text.replace("%", "").strip(" ,()"), "%"
    return text, "%" if percent_cells else ""


@dataclass(frozen=True)
class Indicator:
    """An indicator column as guessed: key, title, unit and direction (always to check)."""

    column: str
    key: str
    title: str
    unit: str
    direction: Direction


def indicators(
    columns: Sequence[str], percent: Sequence[bool], taken: Iterable[str] = ()
) -> list[Indicator]:
    """One indicator per numeric column, keys unique and distinct from ``taken``."""
    split = [split_unit(c, p) for c, p in zip(columns, percent, strict=True)]
    reserved = set(taken)
    keys = unique((slug(title) or "indicator" for title, _unit in split), "indicator")
    keys = [k if k not in reserved else f"{k}_value" for k in keys]
    return [
        Indicator(c, k, title or c, unit, guess_direction(c))
        for c, k, (title, unit) in zip(columns, keys, split, strict=True)
    ]
