"""The scenario: candidates, their data, the criteria set, weights, missing-data policy, method.

See ``docs/file-formats.md`` section 2. `criteria.loading.load_scenario` resolves a
``criteria_set:`` path (relative to the scenario file) before validation, so a validated
:class:`Scenario` always holds the criteria set itself. ``data.file`` is resolved against
``context={"base_dir": ...}`` when given (the loader passes the scenario's folder), else
against the working directory, must lie inside ``context["scope"]`` (a
:class:`criteria.files.FileScope`; default: that folder and the shipped configs) and is
stored as an absolute path.

The method name is not checked here (criteria may not import methods); analysis does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from clusterrank.criteria.models.ahp_file import Completion, JudgmentBlock
from clusterrank.criteria.models.common import (
    CrossProblem,
    FrozenModel,
    Id,
    Loc,
    Weight,
    duplicate_problems,
    fail,
    raise_if_problems,
    unknown_name,
)
from clusterrank.criteria.models.criteria_set import CriteriaSet, id_problems
from clusterrank.criteria.models.data_spec import (
    Candidate,
    DataSpec,
    regional_problems,
    resolve_regional,
)
from clusterrank.criteria.models.texts import OptionalText, Text
from clusterrank.i18n import _, ngettext

MissingPolicy = Literal["reject", "drop_candidate", "impute_worst", "impute_mean"]


class CriteriaSetWeights(FrozenModel):
    """Use the criteria set's own group and local weights."""

    mode: Literal["criteria_set"] = "criteria_set"


class DirectWeights(FrozenModel):
    """Relative weights typed in: per group, and local per criterion (others keep the set's)."""

    mode: Literal["direct"] = "direct"
    groups: dict[str, Weight] = Field(default_factory=dict)
    criteria: dict[str, Weight] = Field(default_factory=dict)


class AHPWeights(FrozenModel):
    """Weights from pairwise judgments among the groups and among each group's criteria."""

    mode: Literal["ahp"] = "ahp"
    derivation: Literal["eigenvector", "geometric_mean"] = "eigenvector"
    random_index: Literal["saaty", "alonso_lamata"] = "saaty"
    completion: Completion = "implied"
    groups: JudgmentBlock | None = None
    criteria: dict[str, JudgmentBlock] = Field(default_factory=dict)


ObjectiveMethod = Literal["entropy", "critic", "standard_deviation", "merec"]
"""Objective weighting methods (``methods.objective_weights``; criteria may not import it)."""


class ObjectiveWeights(FrozenModel):
    """Weights computed from the data (after the missing-data policy) by an objective method."""

    mode: Literal["objective"] = "objective"
    method: ObjectiveMethod = Field(
        description="entropy | critic | standard_deviation | merec (see `clusterrank methods`)",
    )


WeightsSpec = Annotated[
    DirectWeights | AHPWeights | CriteriaSetWeights | ObjectiveWeights, Discriminator("mode")
]


class MethodSpec(FrozenModel):
    """The ranking method and its settings (names are checked by the analysis layer)."""

    name: str = Field(default="topsis", min_length=1)
    settings: dict[str, Any] = Field(default_factory=dict)


class Scenario(FrozenModel):
    """Candidates + data + criteria set + weights + policy + method (``configs/scenarios``)."""

    id: Id
    title: Text = ""
    description: OptionalText = None
    criteria_set: CriteriaSet
    candidates: tuple[Candidate, ...] = ()
    data: DataSpec = Field(default_factory=DataSpec)
    missing_data: MissingPolicy = "reject"
    weights: WeightsSpec = Field(default_factory=CriteriaSetWeights)
    method: MethodSpec = Field(default_factory=MethodSpec)
    _source: str = PrivateAttr(default="")

    @property
    def source_name(self) -> str:
        """The file this scenario was loaded from (set by the loader), for messages."""
        return self._source or _("scenario {id}").format(id=self.id)

    def with_source(self, name: str) -> Scenario:
        """Record the file name used in messages about this scenario (returns ``self``)."""
        self._source = name
        return self

    @property
    def candidate_ids(self) -> tuple[str, ...]:
        """Every candidate's id, in order."""
        return tuple(c.id for c in self.candidates)

    @field_validator("criteria_set", mode="before")
    @classmethod
    def _inline_only(cls, value: object) -> object:
        if isinstance(value, str):
            fail(
                "criteria_set_path",
                "a criteria-set path ({got}) is resolved by criteria.load_scenario; "
                "Scenario.model_validate needs the criteria set inline",
                got=repr(value),
            )
        return value

    @field_validator("weights", mode="before")
    @classmethod
    def _default_mode(cls, value: object) -> object:
        if isinstance(value, dict) and "mode" not in value:
            return {**value, "mode": "direct"}
        return value

    @model_validator(mode="after")
    def _check(self) -> Scenario:
        cs = self.criteria_set
        out: list[CrossProblem] = []
        if not self.candidates:
            msg = _("no candidates: add at least one under `candidates:`")
            out.append((("candidates",), msg))
        out += raw_scenario_id_problems({"candidates": [{"id": c.id} for c in self.candidates]})
        out += self._data_problems(cs.data_keys)
        out += regional_problems(self.data, self.candidates, cs.data_keys)
        if isinstance(self.weights, DirectWeights):
            out += _direct_problems(self.weights, cs)
        elif isinstance(self.weights, AHPWeights):
            out += _ahp_problems(self.weights, cs)
        raise_if_problems(out)
        if self.data.regional:  # each computed key learns its candidates' regions and provenance
            return self.model_copy(update={"data": resolve_regional(self.data, self.candidates)})
        return self

    def _data_problems(self, keys: Sequence[str]) -> list[CrossProblem]:
        out: list[CrossProblem] = []
        ids = self.candidate_ids
        for cand, row in self.data.values.items():
            if cand not in ids:
                out.append((("data", "values", cand), unknown_name("candidate", cand, ids)))
            out += [
                (("data", "values", cand, key), unknown_name("data key", key, keys))
                for key in row
                if key not in keys
            ]
        for field in ("provenance", "columns"):
            mapping: dict[str, Any] = getattr(self.data, field)
            out += [
                (("data", field, key), unknown_name("data key", key, keys))
                for key in mapping
                if key not in keys
            ]
        return out


def raw_scenario_id_problems(data: object) -> list[CrossProblem]:
    """Duplicate candidate ids (and an inline criteria set's duplicate ids) from plain data."""
    if not isinstance(data, dict):
        return []
    cands = data.get("candidates")
    entries = [
        (str(c.get("id")), ("candidates", i))
        for i, c in enumerate(cands if isinstance(cands, list | tuple) else [])
        if isinstance(c, dict)
    ]
    out = duplicate_problems("candidate", entries)
    inline = data.get("criteria_set")
    if isinstance(inline, dict):
        out += [(("criteria_set", *loc), msg) for loc, msg in id_problems(inline)]
    return out


def _direct_problems(w: DirectWeights, cs: CriteriaSet) -> list[CrossProblem]:
    out: list[CrossProblem] = [
        (("weights", "groups", g), unknown_name("group", g, cs.group_ids))
        for g in w.groups
        if g not in cs.group_ids
    ]
    out += [
        (("weights", "criteria", c), unknown_name("criterion", c, cs.criterion_ids))
        for c in w.criteria
        if c not in cs.criterion_ids
    ]
    if out:
        return out
    if sum(w.groups.get(g.id, g.weight) for g in cs.groups) <= 0:
        msg = _("all group weights are zero; give one a positive weight")
        out.append((("weights", "groups"), msg))
    for g in cs.groups:
        if sum(w.criteria.get(c.id, c.weight) for c in g.criteria) <= 0:
            msg = _(
                "all criterion weights in group {group!r} are zero; give one a positive weight"
            ).format(group=g.id)
            out.append((("weights", "criteria"), msg))
    return out


def _ahp_problems(w: AHPWeights, cs: CriteriaSet) -> list[CrossProblem]:
    out: list[CrossProblem] = []
    if w.groups is not None:
        out += [
            (("weights", "groups", *loc), m)
            for loc, m in w.groups.check_names(cs.group_ids, "group")
        ]
    elif len(cs.groups) > 1:
        msg = _("mode: ahp needs 'groups' judgments (there are several groups)")
        out.append((("weights",), msg))
    by_id = {g.id: g for g in cs.groups}
    for gid, block in w.criteria.items():
        loc: Loc = ("weights", "criteria", gid)
        if gid not in by_id:
            out.append((loc, unknown_name("group", gid, cs.group_ids)))
            continue
        names = tuple(c.id for c in by_id[gid].criteria)
        out += [((*loc, *rel), m) for rel, m in block.check_names(names, "criterion")]
    for g in cs.groups:
        if len(g.criteria) > 1 and g.id not in w.criteria:
            count = len(g.criteria)
            msg = ngettext(
                "group {group!r} has {count} criterion but no judgments among them",
                "group {group!r} has {count} criteria but no judgments among them",
                count,
            ).format(group=g.id, count=count)
            out.append((("weights", "criteria"), msg))
    return out
