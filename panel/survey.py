"""A scored survey published as a distribution of answers, reported as a panel's scores are.

Some sources print only how the respondents' answers were distributed over a verbal scale
(per item, the percentage of respondents choosing each level), not the individual answers.
Such a survey file (``configs/panels/*.yaml``, format in ``docs/file-formats.md``) is
reported with the same statistics as a panel's scores (:func:`methods.group.summarize_scores`,
levels coded best = L .. worst = 1, each level weighted by its share): the distribution, the
median level, the quartiles and IQR in levels, the share within one level of the median and
the share of the top two levels; items are ordered by median level, then by the share of the
top two levels, then by the mean level. No individual answer is invented: the distribution
is all there is, and a weighted statistic of the levels is exactly a statistic of the
respondents' answers when the shares are exact (rounded percentages make it approximate).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import Field, model_validator

from clusterrank.criteria.files import display_name, read_text
from clusterrank.criteria.loading import validate_model
from clusterrank.criteria.models.common import FrozenModel, Id, raise_if_problems
from clusterrank.criteria.yaml_parse import parse_yaml
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _
from clusterrank.methods.group import summarize_scores
from clusterrank.panel.text import short_number

SUM_TOLERANCE = 1.0
"""How far (in points) a row of percentages may sum from 100 (rounding in print)."""


class SurveyItem(FrozenModel):
    """One surveyed factor with the share of respondents at each level."""

    id: Id
    title: str = Field(min_length=1)
    distribution: tuple[float, ...] = Field(
        description="share of respondents at each level, best level first (percent)"
    )


class Survey(FrozenModel):
    """A survey reported as distributions over a verbal scale (best level first)."""

    id: Id
    title: str = ""
    source: str = Field(min_length=1, description="the citation the figures come from")
    location: str = Field(default="", description="table or page in the source")
    description: str | None = None
    respondents: int | None = Field(default=None, ge=1)
    unit: str = Field(default="percent", pattern="^percent$")
    levels: tuple[str, ...] = Field(min_length=2, description="verbal levels, best first")
    items: tuple[SurveyItem, ...] = Field(min_length=1)
    source_claim: str | None = Field(
        default=None, description="what the source itself concludes, quoted or paraphrased"
    )

    @model_validator(mode="after")
    def _check(self) -> Survey:
        problems: list[Any] = []
        seen: set[str] = set()
        for k, item in enumerate(self.items):
            if item.id in seen:
                msg = _("item id {item} is used twice").format(item=repr(item.id))
                problems.append((("items", k, "id"), msg))
            seen.add(item.id)
            if len(item.distribution) != len(self.levels):
                msg = _(
                    "distribution has {shares} shares but there are {levels} levels; give one "
                    "share per level, best first"
                ).format(shares=len(item.distribution), levels=len(self.levels))
                problems.append((("items", k, "distribution"), msg))
                continue
            if any(not math.isfinite(x) or x < 0 for x in item.distribution):
                msg = _("every share must be a number >= 0")
                problems.append((("items", k, "distribution"), msg))
            elif abs(sum(item.distribution) - 100.0) > SUM_TOLERANCE:
                msg = _("shares sum to {total}, not 100 (percent)").format(
                    total=short_number(sum(item.distribution))
                )
                problems.append((("items", k, "distribution"), msg))
        raise_if_problems(problems)
        return self


def load_survey(path: str | os.PathLike[str]) -> Survey:
    """Load and validate a survey file (every problem listed with its place)."""
    name = display_name(path)
    data, _node = parse_yaml(read_text(path, name), name)
    if not isinstance(data, dict) or "levels" not in data:
        msg = _("not a survey file: it needs 'levels' and 'items' (see docs/file-formats.md)")
        raise ValidationFailed([Problem(name, "", msg)])
    return validate_model(Survey, data, name)


@dataclass(frozen=True)
class SurveyRow:
    """One factor's summary: its distribution, median level, quartiles, IQR and agreement shares."""

    id: str
    title: str
    distribution: tuple[float, ...]
    median_level: str
    median_code: float
    q1_code: float
    q3_code: float
    iqr: float
    within_one_level: float
    top_two: float
    mean_code: float


def report(survey: Survey) -> list[SurveyRow]:
    """Items with their statistics, strongest first (order in the module docstring)."""
    n_levels = len(survey.levels)
    codes = np.arange(n_levels, 0, -1, dtype=float)  # best level = L, worst = 1
    rows = []
    for item in survey.items:
        shares = np.asarray(item.distribution, dtype=float)
        s = summarize_scores(codes[:, None], expert_weights=shares, method="mean")
        median = float(s.median[0])
        lo, hi = math.floor(median), math.ceil(median)
        level = survey.levels[n_levels - hi]
        if lo != hi:  # the cumulative share hits exactly 50 % between two levels
            level = f"{level} / {survey.levels[n_levels - lo]}"
        rows.append(
            SurveyRow(
                id=item.id,
                title=item.title,
                distribution=item.distribution,
                median_level=level,
                median_code=median,
                q1_code=float(s.q1[0]),
                q3_code=float(s.q3[0]),
                iqr=float(s.iqr[0]),
                within_one_level=float(s.within_one_step[0]),
                top_two=float(shares[:2].sum() / shares.sum()),
                mean_code=float(s.values[0]),
            )
        )
    rows.sort(key=lambda r: (-r.median_code, -r.top_two, -r.mean_code))
    return rows


def report_json(survey: Survey) -> dict[str, Any]:
    """The report as JSON, with the survey's source and the settings of every number."""
    rows = report(survey)
    return {
        "survey": survey.id,
        "title": survey.title,
        "source": survey.source,
        "location": survey.location,
        "respondents": survey.respondents,
        "levels": list(survey.levels),
        "settings": {
            "coding": f"{survey.levels[0]} = {len(survey.levels)} ... {survey.levels[-1]} = 1",
            "weights": _("each level weighted by its share of respondents"),
            "quantiles": _("Hyndman-Fan definition 2 (averaged inverted CDF), as for panel scores"),
            "order": _("median level, then share of the top two levels, then mean level"),
        },
        "items": [
            {
                "rank": k + 1,
                "id": r.id,
                "title": r.title,
                "distribution": dict(zip(survey.levels, r.distribution, strict=True)),
                "median_level": r.median_level,
                "q1": r.q1_code,
                "q3": r.q3_code,
                "iqr": r.iqr,
                "within_one_level": r.within_one_level,
                "top_two_share": r.top_two,
                "mean_level": r.mean_code,
            }
            for k, r in enumerate(rows)
        ],
        "source_claim": survey.source_claim,
    }
