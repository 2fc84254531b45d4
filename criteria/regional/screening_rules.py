"""Screening rules for region × sector cells, declared in YAML and validated by pydantic.

A rules file holds rule sets; a rule set holds rules; a rule passes when all its conditions
pass. Three kinds of condition::

    {kind: threshold, metric: lq, op: ">=", value: 2}                  # LQ >= 2
    {kind: percentile, metric: lq, op: ">=", percentile: 75, within: sector}
    {kind: top_share, metric: measure, top_percent: 10, within: sector}  # best 10% by rank

Metrics: ``lq`` (location quotient of the report's measure), ``measure`` (its raw figure),
``regional_share`` (the sector's share of the region's total, 0..1), or the name of any other
measure in the table (``employment``, ``establishments``...). A rule set's ``scoring`` is
``any`` (the cell passes when one rule passes) or ``count`` (stars = rules passed).

Every problem in a file is reported at once with its dotted path and line, as
``screening_rules.yaml, line 12, rule_sets[1].rules[0].all_of[0].value: ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from clusterrank.criteria.files import SHIPPED_CONFIGS, FileScope, display_name, read_text
from clusterrank.criteria.yaml_parse import duplicate_keys, parse_document
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$", min_length=1)]
Op = Literal[">=", ">", "<=", "<"]
Within = Literal["sector", "all"]
DEFAULT_RULES_PATH = SHIPPED_CONFIGS / "regional" / "screening_rules.yaml"
_TAGS = {"threshold", "percentile", "top_share"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Threshold(_Strict):
    """``metric op value``, e.g. LQ >= 1."""

    kind: Literal["threshold"]
    metric: Id
    op: Op = ">="
    value: float


class Percentile(_Strict):
    """``metric op`` the q-th percentile of the metric across regions (linear interpolation)."""

    kind: Literal["percentile"]
    metric: Id
    op: Op = ">="
    percentile: float = Field(ge=0, le=100)
    within: Within = "sector"


class TopShare(_Strict):
    """Among the best ``top_percent`` % by rank (largest first, ties share the better rank)."""

    kind: Literal["top_share"]
    metric: Id
    top_percent: float = Field(gt=0, le=100)
    within: Within = "sector"


Condition = Annotated[Threshold | Percentile | TopShare, Field(discriminator="kind")]


class Rule(_Strict):
    """One named rule; passes when every condition passes."""

    id: Id
    title: str
    description: str | None = None
    all_of: list[Condition] = Field(min_length=1)


class RuleSet(_Strict):
    """A published screening method (or a house rule), with its source."""

    id: Id
    title: str
    source: str = Field(min_length=1)
    description: str | None = None
    scoring: Literal["any", "count"] = "any"
    intended_measure: str | None = None
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_rules(self) -> RuleSet:
        ids = [r.id for r in self.rules]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            msg = _("rule ids must be unique within a rule set; repeated: {ids}").format(ids=dup)
            raise ValueError(msg)
        return self

    def metrics(self) -> set[str]:
        """Every metric the rule set's conditions read."""
        return {c.metric for r in self.rules for c in r.all_of}


class ScreeningRules(_Strict):
    """The whole rules file."""

    rule_sets: list[RuleSet] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_sets(self) -> ScreeningRules:
        ids = [s.id for s in self.rule_sets]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            msg = _("rule set ids must be unique; repeated: {ids}").format(ids=dup)
            raise ValueError(msg)
        return self

    def get(self, rule_set_id: str) -> RuleSet:
        """The rule set with this id, or a clear error naming the choices."""
        for s in self.rule_sets:
            if s.id == rule_set_id:
                return s
        msg = _("unknown rule set {rule_set!r}; choose from {choices}").format(
            rule_set=rule_set_id, choices=[s.id for s in self.rule_sets]
        )
        where = "<rules>"
        raise ValidationFailed.single(where, "rule_sets", msg)


def load_screening_rules(
    path: str | Path | None = None, scope: FileScope | None = None
) -> ScreeningRules:
    """Read and validate a rules YAML file (the shipped one when ``path`` is None).

    With a ``scope`` (the command line's, unless ``--allow-outside``) the file must lie
    inside its roots. The file must be a regular file within the text size limit.
    """
    p = Path(path) if path is not None else DEFAULT_RULES_PATH
    label = display_name(p)
    if scope is not None:
        try:
            p = scope.resolve(str(p), Path.cwd())
        except PermissionError as exc:
            raise ValidationFailed.single(label, "", str(exc)) from exc
    return screening_rules_from_text(read_text(p, label), label)


def screening_rules_from_text(text: str, label: str = "<inline>") -> ScreeningRules:
    """Validate rules YAML given as text; every problem is reported at once.

    Parsed by :func:`criteria.yaml_parse.parse_document`, the scenarios' own bounded parser
    (nesting and alias expansion limited, repeated keys reported).
    """
    data, root = parse_document(text, label)
    if not isinstance(data, dict) or root is None:
        kind = _("nothing") if data is None else _("a {type}").format(type=type(data).__name__)
        msg = _("expected a mapping with a 'rule_sets' list (got {got})").format(got=kind)
        raise ValidationFailed.single(label, "", msg, 1)
    dupes = duplicate_keys(root, label)
    if dupes:
        raise ValidationFailed(dupes)
    try:
        return ScreeningRules.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _clean_loc(err["loc"])
            problems.append(Problem(label, _dotted(loc), err["msg"], _line_of(root, loc)))
        raise ValidationFailed(problems) from exc


def _clean_loc(loc: tuple[Any, ...]) -> list[str | int]:
    """Drop pydantic's discriminator tags (``all_of.0.threshold.value`` -> ``all_of[0].value``)."""
    out: list[str | int] = []
    for k, part in enumerate(loc):
        if (
            isinstance(part, str)
            and part in _TAGS
            and k >= 2
            and isinstance(loc[k - 1], int)
            and loc[k - 2] == "all_of"
        ):
            continue
        out.append(part)
    return out


def _dotted(loc: list[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_of(node: yaml.Node | None, loc: list[str | int]) -> int | None:
    """1-based line of the deepest YAML node the location reaches."""
    best = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        nxt = None
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == part), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            nxt = node.value[part]
        if nxt is None:
            break
        node, best = nxt, nxt.start_mark.line + 1
    return best
