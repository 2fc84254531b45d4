"""Reading the sensitivity results for a person.

Which weight changes the answer first, and the stability intervals as a table with names instead of
ids.

:func:`first_change` names the weight move that really alters the result first, through
:meth:`methods.sensitivity.StabilityResult.most_fragile`, which counts only the bounds where
something changes (a bound of 0 or 1 beyond which nothing happens is no fragility); ``None``
when no single weight can change the result.

References
----------
Triantaphyllou, E. and Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151-194
(the smallest weight change that alters the ranking as the measure of criticality).
Mareschal, B. (1988). Weight stability intervals in multicriteria decision aid. *European
Journal of Operational Research* 33(1), 54-64.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from clusterrank.errors import MethodInputError
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.sensitivity import StabilityInterval, StabilityResult

LEVEL_WORDS = {"winner": N_("The winner"), "ranking": N_("The ranking")}
"""Marked only: :func:`level_words` translates them where they are shown."""
TOP_LEVEL = re.compile(r"top (\d+)")


@dataclass(frozen=True)
class FirstChange:
    """The criterion whose weight alters ``level`` after the smallest move.

    Attributes
    ----------
    interval
        Its stability interval at ``level``.
    distance
        Weight move from the current weight to the nearer bound where ``level`` changes.
    direction
        ``"up"`` when the change comes as the weight grows, ``"down"`` when it shrinks.
    change
        What happens there (candidate ids as the analysis states them).
    """

    interval: StabilityInterval
    distance: float
    direction: str
    change: str

    @property
    def criterion(self) -> str:
        """The id of the criterion whose weight moves."""
        return self.interval.criterion


def change_distance(iv: StabilityInterval) -> tuple[float, str, str]:
    """Distance to the nearer bound of ``iv`` where something changes, its side and what.

    Returns ``(inf, "", "")`` when ``level`` holds over the whole of [0, 1].
    """
    return iv.first_change()


def first_change(result: StabilityResult, level: str = "winner") -> FirstChange | None:
    """The criterion whose weight changes ``level`` after the smallest move, or ``None``.

    Ties in distance go to the criterion listed first in the criteria set.

    Raises
    ------
    MethodInputError
        When ``level`` is not one of the result's levels.

    References
    ----------
    Triantaphyllou and Sánchez (1997); Mareschal (1988).
    """
    iv = result.most_fragile(level)
    if iv is None:
        return None
    distance, direction, change = iv.first_change()
    return FirstChange(iv, distance, direction, change)


def level_words(level: str) -> str:
    """``winner`` -> "The winner", ``top 3`` -> "The top 3", ``ranking`` -> "The ranking"."""
    if level in LEVEL_WORDS:
        return _(LEVEL_WORDS[level])
    if m := TOP_LEVEL.fullmatch(level):
        return _("The top {k}").format(k=m.group(1))
    return level


def percent(x: float) -> str:
    """``x`` (a fraction) as a percentage with one decimal, e.g. ``12.5%`` (``12,5 %`` in ru)."""
    return formats.percent(x, 1)


def first_change_sentence(
    found: FirstChange | None,
    level: str,
    titles: Mapping[str, str],
    names: Mapping[str, str],
) -> str:
    """The headline of the stability section, in words.

    "The winner changes first when <criterion> moves: it holds for weights <lo>..<hi>, now
    <w>", followed by what happens at the bound; or a sentence saying no single weight
    changes ``level``.
    """
    subject = level_words(level)
    if found is None:
        return _(
            "{subject} stays the same whichever single weight moves, from 0% to 100% "
            "(the other weights keeping their proportions)."
        ).format(subject=subject)
    iv = found.interval
    title = titles.get(iv.criterion, iv.criterion)
    where = percent(iv.upper if found.direction == "up" else iv.lower)
    if found.distance == 0:
        where = _("{weight} (the current weight is on a bound)").format(weight=percent(iv.weight))
    past = (
        _("Above {where}: {change}.") if found.direction == "up" else _("Below {where}: {change}.")
    )
    head = _(
        "{subject} changes first when **{criterion}** moves: it holds for weights "
        "{lower}..{upper}, now {weight}."
    ).format(
        subject=subject,
        criterion=title,
        lower=percent(iv.lower),
        upper=percent(iv.upper),
        weight=percent(iv.weight),
    )
    return head + " " + past.format(where=where, change=with_names(found.change, names))


def move_text(distance: float, direction: str) -> str:
    """``+10.9 pp`` (the weight must grow), ``-8.3 pp`` (shrink) or ``none in 0-100%``."""
    if math.isinf(distance):
        return _("none in 0-100%")
    points = formats.number(100 * distance, 1)
    if direction == "up":
        return _("+{points} pp").format(points=points)
    return _("-{points} pp").format(points=points)


def with_names(text: str, names: Mapping[str, str]) -> str:
    """``text`` with every candidate id (a whole word) replaced by the candidate's name."""
    ids = sorted((i for i in names if i), key=len, reverse=True)
    if not ids or not text:
        return text
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")
    return pattern.sub(lambda m: names[m.group(1)], text)


def stability_table(
    result: StabilityResult,
    level: str,
    titles: Mapping[str, str],
    names: Mapping[str, str],
) -> pd.DataFrame:
    """Stability intervals at ``level``, the criterion closest to a change first.

    Columns: ``criterion`` (title), ``weight``, ``holds from``, ``holds to`` (fractions of 1),
    ``move to a change`` (text, see :func:`move_text`), ``below`` and ``above`` (what changes
    past each bound, with candidate names, or "no change"). The column names are ids: the
    page gives them headings in the reader's language; the texts in the cells are in the
    current language.
    """
    rows = []
    for iv in result.intervals:
        if iv.level != level:
            continue
        distance, direction, _change = change_distance(iv)
        rows.append(
            {
                "criterion": titles.get(iv.criterion, iv.criterion),
                "weight": iv.weight,
                "holds from": iv.lower,
                "holds to": iv.upper,
                "move to a change": move_text(distance, direction),
                "below": with_names(iv.change_below, names) or _("no change"),
                "above": with_names(iv.change_above, names) or _("no change"),
                "_order": distance,
            }
        )
    if not rows:
        msg = _("no stability level {level!r}; levels are {levels}").format(
            level=level, levels=result.levels()
        )
        raise MethodInputError(msg)
    frame = pd.DataFrame(rows).sort_values("_order", kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def unique_labels(ids: Sequence[str], names: Mapping[str, str]) -> dict[str, str]:
    """Each id's display name, the id appended to a name two candidates share.

    So a chart's legend never merges two candidates into one series.
    """
    plain_names = [names.get(i, i) for i in ids]
    counts = Counter(plain_names)
    return {
        i: (n if counts[n] == 1 else f"{n} ({i})") for i, n in zip(ids, plain_names, strict=True)
    }


def shown_candidates(
    order: Sequence[str], picked: Sequence[str], *, top: int, cap: int
) -> list[str]:
    """The candidates a chart draws as series, in rank order.

    Every candidate when ``order`` (ids, best first) holds at most ``cap``; otherwise the
    first ``top`` and those in ``picked`` (ids not in ``order`` are ignored), at most ``cap``
    in all (the best-ranked picks first).
    """
    if len(order) <= cap:
        return list(order)
    wanted = set(order[:top]) | set(picked)
    return [i for i in order if i in wanted][:cap]
