"""Building blocks shared by every model a user writes: ids, relative weights, directions.

The cross-field rules of each model are collected as ``(relative location, message)`` pairs
and raised together as one ``cross_field`` error (see :func:`raise_if_problems`);
`criteria.loading` expands it back into one :class:`errors.Problem` per pair, so every broken
rule in a file is reported at once, each at its own dotted path and line.

Directions are parsed here with the same alias set as ``methods/directions.py`` (criteria may
not import methods): benefit/max/maximise/maximize/+/+1/1 and cost/min/minimise/minimize/-/-1/-1.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, NoReturn

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from clusterrank.criteria.models.texts import BilingualTexts
from clusterrank.i18n import N_, _

Loc = tuple[str | int, ...]
CrossProblem = tuple[Loc, str]

_BENEFIT_ALIASES = ("benefit", "max", "maximise", "maximize", "+", "+1", "1")
_COST_ALIASES = ("cost", "min", "minimise", "minimize", "-", "-1")
DIRECTION_ALIASES: dict[str, Literal["benefit", "cost"]] = {
    **{a: "benefit" for a in _BENEFIT_ALIASES},
    **{a: "cost" for a in _COST_ALIASES},
}

_ID_RE = re.compile(r"[\w.-]+")  # \w is Unicode-aware: Cyrillic ids are allowed


class FrozenModel(BilingualTexts):
    """Base of every user-file model: unknown keys are errors, instances are immutable.

    Numbers written where text is expected (``title: 2017``) are kept as text. Display texts
    declared :data:`~criteria.models.texts.Text` may be given in both languages.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, str_strip_whitespace=True
    )


def fail(kind: str, template: str, **ctx: Any) -> NoReturn:
    """Raise a pydantic error of type ``kind`` whose message is ``template`` filled from ``ctx``."""
    raise PydanticCustomError(kind, template, ctx)


def parse_direction_word(value: object) -> Literal["benefit", "cost"]:
    """Map a direction alias (``"max"``, ``"-"``, ``1`` ...) to ``"benefit"`` or ``"cost"``."""
    key = str(value).strip().lower() if value is not None else ""
    if isinstance(value, bool) or key not in DIRECTION_ALIASES:
        fail(
            "direction",
            _("'direction' must be one of benefit/max/+ or cost/min/- (got {got})"),
            got=repr(value),
        )
    return DIRECTION_ALIASES[key]


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        fail(
            "id_format",
            _("id {got} may contain only letters, digits, '_', '.' and '-' (no spaces)"),
            got=repr(value),
        )
    return value


def _reject_bool(value: object) -> object:
    if isinstance(value, bool):
        fail("number_not_bool", _("must be a number (got {got})"), got=repr(value))
    return value


def _check_name(value: str) -> str:
    if not value:
        fail("empty_name", _("must not be empty"))
    return value


Id = Annotated[str, AfterValidator(_check_id)]
"""An identifier: letters of any alphabet, digits, ``_``, ``.``, ``-``."""

Name = Annotated[str, AfterValidator(_check_name)]
"""A non-empty display name (any Unicode, spaces allowed)."""

Weight = Annotated[
    float,
    BeforeValidator(_reject_bool),
    Field(ge=0, allow_inf_nan=False, description="relative weight, >= 0; normalised later"),
]
"""A relative weight: a finite number >= 0 (weights are normalised to sum 1 later)."""

Number = Annotated[float, BeforeValidator(_reject_bool), Field(allow_inf_nan=False)]
"""A finite number."""

Direction = Annotated[
    Literal["benefit", "cost"],
    BeforeValidator(parse_direction_word),
    WithJsonSchema({"enum": sorted(DIRECTION_ALIASES), "description": "benefit or cost"}),
]
"""A criterion direction, stored as ``"benefit"`` or ``"cost"`` whatever alias was written."""


def direction_sign(direction: str) -> int:
    """+1 for benefit, -1 for cost (the convention of ``methods.directions``)."""
    return 1 if DIRECTION_ALIASES[direction] == "benefit" else -1


def loc_text(loc: Iterable[str | int]) -> str:
    """Render a location tuple as a dotted path: ``groups[2].criteria[0].weight``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def suggest(word: str, known: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` when a close match exists, else ``""``."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return _(" (did you mean {close!r}?)").format(close=close[0]) if close else ""


KINDS = (
    N_("candidate"),
    N_("data key"),
    N_("group"),
    N_("criterion"),
    N_("indicator"),
    N_("alternative"),
)
"""The kinds of things a file names (unknown_name, duplicate_problems), for the catalogue."""


def unknown_name(kind: str, name: str, known: Sequence[str]) -> str:
    """Message for a reference to something that does not exist (``kind``: one of KINDS)."""
    listing = ", ".join(known) if known else _("(none)")
    return _("unknown {kind} {name!r}{hint}; known: {known}").format(
        kind=_(kind), name=name, hint=suggest(name, known), known=listing
    )


def duplicate_problems(
    kind: str, entries: Sequence[tuple[str, Loc]], id_key: str = "id"
) -> list[CrossProblem]:
    """One problem per repeated id, pointing at the repeat and naming the first occurrence."""
    first: dict[str, Loc] = {}
    out: list[CrossProblem] = []
    for ident, loc in entries:
        if ident in first:
            msg = _("duplicate {kind} id {ident!r} (also at {place})").format(
                kind=_(kind), ident=ident, place=loc_text(first[ident])
            )
            out.append(((*loc, id_key), msg))
        else:
            first[ident] = loc
    return out


def all_zero_problem(weights: Sequence[float], loc: Loc, what: str) -> list[CrossProblem]:
    """A problem when every weight of a level is zero (they cannot be normalised).

    Weights are >= 0 here, so "all zero" is "none positive": no sum, which could overflow
    for weights near 1e308.
    """
    if weights and not any(w > 0 for w in weights):
        msg = _("all {what} weights are zero; give at least one a positive weight").format(
            what=_(what)
        )
        return [(loc, msg)]
    return []


def repeated(values: Iterable[str]) -> list[str]:
    """Values that occur more than once, in first-seen order."""
    counts = Counter(values)
    return [v for v, c in counts.items() if c > 1]


def raise_if_problems(problems: Sequence[CrossProblem]) -> None:
    """Raise every cross-field problem of one model together as a ``cross_field`` error.

    The error's context holds the list of ``(relative loc, message)`` pairs; its message
    lists them all, so ``str(ValidationError)`` is readable even without `criteria.loading`.
    """
    if not problems:
        return
    summary = "; ".join(f"{loc_text(loc) or '(here)'}: {msg}" for loc, msg in problems)
    ctx: dict[str, Any] = {"summary": summary, "problems": [(tuple(loc), m) for loc, m in problems]}
    fail("cross_field", "{summary}", **ctx)


def connection_problems(
    triples: Sequence[tuple[str, str, float]], items: Sequence[str], kind: str
) -> list[CrossProblem]:
    """A problem when the judgments leave some items unconnected to the rest."""
    parent = {name: name for name in items}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b, _value in triples:
        parent[root(a)] = root(b)
    clusters: dict[str, list[str]] = {}
    for name in items:
        clusters.setdefault(root(name), []).append(name)
    if len(clusters) <= 1:
        return []
    parts = " | ".join(", ".join(c) for c in clusters.values())
    msg = _(
        "the judgments never connect these {kind} sets to each other: {parts}; "
        "add a judgment linking them"
    ).format(kind=_(kind), parts=parts)
    return [((), msg)]
