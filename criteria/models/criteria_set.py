"""The criteria set: groups -> criteria -> indicators (or an expert score on a scale).

See ``docs/file-formats.md`` section 1. A criterion is measured either by quantitative
indicators (combined by ``single``, ``sum`` or ``weighted_mean``) or by an expert score on a
declared scale; the *data keys* a scenario must supply are the indicator ids plus the ids of
expert-scored criteria.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from clusterrank.criteria.models.common import (
    CrossProblem,
    Direction,
    FrozenModel,
    Id,
    Loc,
    Number,
    Weight,
    all_zero_problem,
    duplicate_problems,
    loc_text,
    raise_if_problems,
)
from clusterrank.criteria.models.texts import OptionalText, Text
from clusterrank.criteria.shown import short
from clusterrank.i18n import _


class Indicator(FrozenModel):
    """A measured quantity; its id is the data column key."""

    id: Id
    title: Text = ""
    unit: Text = ""
    direction: Direction | None = Field(
        default=None, description="defaults to the criterion's direction"
    )
    weight: Weight = 1.0
    source: str | None = None
    description: OptionalText = None


class ExpertScale(FrozenModel):
    """A declared scoring scale for an expert-scored criterion, with verbal anchors."""

    min: Number
    max: Number
    anchors: dict[float, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> ExpertScale:
        problems: list[CrossProblem] = []
        if self.min >= self.max:
            problems.append(
                (
                    ("max",),
                    _("'max' must be greater than 'min' (got min {low}, max {high})").format(
                        low=short(self.min), high=short(self.max)
                    ),
                )
            )
        else:
            for point in self.anchors:
                if not self.min <= point <= self.max:
                    msg = _("anchor {point} lies outside the scale {low}..{high}").format(
                        point=short(point), low=short(self.min), high=short(self.max)
                    )
                    problems.append((("anchors", _anchor_key(point)), msg))
        raise_if_problems(problems)
        return self


def _anchor_key(point: float) -> int | str:
    return str(int(point)) if float(point).is_integer() else str(point)


class Criterion(FrozenModel):
    """One criterion: its direction, local weight, and how it is measured."""

    id: Id
    title: Text = ""
    description: OptionalText = None
    direction: Direction
    unit: Text = ""
    weight: Weight = 1.0
    source: str | None = None
    indicators: tuple[Indicator, ...] | None = Field(default=None, min_length=1)
    combine: Literal["single", "sum", "weighted_mean"] | None = Field(
        default=None, description="how indicators combine; default single"
    )
    expert_scale: ExpertScale | None = None

    @property
    def combine_rule(self) -> Literal["single", "sum", "weighted_mean", "expert"]:
        """The effective rule: ``expert`` for an expert score, else ``combine`` (default single)."""
        if self.expert_scale is not None:
            return "expert"
        return self.combine or "single"

    def indicator_direction(self, indicator: Indicator) -> Literal["benefit", "cost"]:
        """An indicator's own direction, or the criterion's when it declares none."""
        return indicator.direction or self.direction

    @property
    def data_keys(self) -> tuple[str, ...]:
        """The data keys this criterion reads: its indicator ids, or its own id if expert."""
        if self.indicators is None:
            return (self.id,)
        return tuple(ind.id for ind in self.indicators)

    @model_validator(mode="after")
    def _check(self) -> Criterion:
        raise_if_problems(self._problems())
        return self

    def _problems(self) -> list[CrossProblem]:
        if self.indicators is None and self.expert_scale is None:
            return [((), _("give either 'indicators' or 'expert_scale'"))]
        if self.indicators is not None and self.expert_scale is not None:
            return [((), _("give either 'indicators' or 'expert_scale', not both"))]
        if self.indicators is None:
            if self.combine is not None:
                return [(("combine",), _("'combine' applies to indicators only; remove it"))]
            return []
        rule = self.combine_rule
        if rule == "single":
            return self._single_problems(self.indicators)
        if rule == "sum":
            return self._sum_problems(self.indicators)
        return self._weighted_mean_problems(self.indicators)

    def _single_problems(self, inds: tuple[Indicator, ...]) -> list[CrossProblem]:
        """``combine: single``: exactly one indicator, in the criterion's direction."""
        if len(inds) != 1:
            msg = _(
                "combine: single needs exactly one indicator (got {count}); "
                "use sum or weighted_mean to combine several"
            ).format(count=len(inds))
            return [(("indicators",), msg)]
        if self.indicator_direction(inds[0]) != self.direction:
            msg = _(
                "indicator direction {got!r} contradicts the criterion's "
                "{direction!r}; with combine: single they must agree"
            ).format(got=inds[0].direction, direction=self.direction)
            return [(("indicators", 0, "direction"), msg)]
        return []

    def _sum_problems(self, inds: tuple[Indicator, ...]) -> list[CrossProblem]:
        """``combine: sum``: indicators in one unit, each in the criterion's direction."""
        out: list[CrossProblem] = []
        units = sorted({ind.unit or self.unit for ind in inds})
        if len(units) > 1:
            msg = _("combine: sum needs indicators in one unit (got {units})").format(
                units=", ".join(map(repr, units))
            )
            out.append((("indicators",), msg))
        for i, ind in enumerate(inds):
            if self.indicator_direction(ind) != self.direction:
                msg = _(
                    "combine: sum needs every indicator in the criterion's direction "
                    "{direction!r} (got {got!r})"
                ).format(direction=self.direction, got=ind.direction)
                out.append((("indicators", i, "direction"), msg))
        return out

    def _weighted_mean_problems(self, inds: tuple[Indicator, ...]) -> list[CrossProblem]:
        """``combine: weighted_mean``: a benefit criterion, indicator weights not all zero."""
        out: list[CrossProblem] = []
        if self.direction != "benefit":
            msg = _(
                "combine: weighted_mean yields a 0..1 benefit score, so the criterion's "
                "direction must be benefit (got {got!r}); put 'cost' on the "
                "indicators instead"
            ).format(got=self.direction)
            out.append((("direction",), msg))
        out += all_zero_problem([i.weight for i in inds], ("indicators",), "indicator")
        return out


class Group(FrozenModel):
    """A group of criteria with a relative group weight."""

    id: Id
    title: Text = ""
    description: OptionalText = None
    weight: Weight = 1.0
    criteria: tuple[Criterion, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Group:
        raise_if_problems(
            all_zero_problem([c.weight for c in self.criteria], ("criteria",), "criterion")
        )
        return self


class CriteriaSet(FrozenModel):
    """A named, cited set of criteria in groups (``configs/criteria/*.yaml``)."""

    id: Id
    title: Text = ""
    source: str = Field(min_length=1, description="the citation this set comes from")
    description: OptionalText = None
    official_weights: bool = False
    weights_note: OptionalText = None
    groups: tuple[Group, ...] = Field(min_length=1)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion, in group order then file order (the decision-matrix column order)."""
        return tuple(c for g in self.groups for c in g.criteria)

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        """Every criterion's id, in order."""
        return tuple(c.id for c in self.criteria)

    @property
    def group_ids(self) -> tuple[str, ...]:
        """Every group's id, in order."""
        return tuple(g.id for g in self.groups)

    @property
    def data_keys(self) -> tuple[str, ...]:
        """Indicator ids plus expert-scored criterion ids, in column order."""
        return tuple(k for c in self.criteria for k in c.data_keys)

    def group_of(self, criterion_id: str) -> Group:
        """The group holding a criterion (``KeyError`` if none does)."""
        for g in self.groups:
            if any(c.id == criterion_id for c in g.criteria):
                return g
        raise KeyError(criterion_id)

    def key_direction(self, key: str) -> Literal["benefit", "cost"]:
        """The direction of a data key (an indicator's effective one, or an expert criterion's)."""
        for c in self.criteria:
            if c.indicators is None and c.id == key:
                return c.direction
            for ind in c.indicators or ():
                if ind.id == key:
                    return c.indicator_direction(ind)
        raise KeyError(key)

    @model_validator(mode="after")
    def _check(self) -> CriteriaSet:
        problems = id_problems(self.model_dump(include={"groups"}))
        problems += all_zero_problem([g.weight for g in self.groups], ("groups",), "group")
        raise_if_problems(problems)
        return self


def _items(value: object, key: str) -> list[tuple[int, dict[str, Any]]]:
    seq = value.get(key) if isinstance(value, dict) else None
    if not isinstance(seq, list | tuple):
        return []
    return [(i, item) for i, item in enumerate(seq) if isinstance(item, dict)]


def id_problems(data: object) -> list[CrossProblem]:
    """Duplicate-id problems of a criteria set given as plain data (valid or not).

    The loader also runs this on a document that failed other checks, so duplicate ids are
    reported together with every other problem rather than after they are fixed.
    """
    groups: list[tuple[str, Loc]] = []
    crits: list[tuple[str, Loc]] = []
    inds: list[tuple[str, Loc]] = []
    experts: list[tuple[str, Loc]] = []
    for gi, g in _items(data, "groups"):
        groups.append((str(g.get("id")), ("groups", gi)))
        for ci, c in _items(g, "criteria"):
            cloc: Loc = ("groups", gi, "criteria", ci)
            crits.append((str(c.get("id")), cloc))
            if c.get("indicators") is None:
                experts.append((str(c.get("id")), cloc))
            for ii, ind in _items(c, "indicators"):
                inds.append((str(ind.get("id")), (*cloc, "indicators", ii)))
    problems = duplicate_problems("group", groups)
    problems += duplicate_problems("criterion", crits)
    problems += duplicate_problems("indicator", inds)
    ind_at = dict(reversed(inds))
    for ident, loc in experts:
        if ident in ind_at:
            msg = _(
                "expert-scored criterion {ident!r} reads data key {ident!r}, which is also "
                "the indicator at {place}; rename one of them"
            ).format(ident=ident, place=loc_text(ind_at[ident]))
            problems.append(((*loc, "id"), msg))
    return problems
