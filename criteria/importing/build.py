"""An :class:`~criteria.importing.plan.ImportPlan` becomes a scenario, its YAML and its CSV.

:func:`build_scenario` validates the scenario with the same :class:`~criteria.models.Scenario`
model a YAML file goes through (figures inline, so nothing needs to be on disk yet), and
writes the two texts a user keeps: the scenario YAML naming its data file, and the data CSV
(``candidate_id`` then one column per data key, numbers with a decimal point, no data left
empty), which ``clusterrank validate`` reads unchanged. A guessed direction carries the
YAML comment ``# direction guessed from the name: check``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import yaml

from clusterrank.criteria.importing.columns import slug, unique
from clusterrank.criteria.importing.plan import ImportChoices, ImportPlan
from clusterrank.criteria.loading import validate_model
from clusterrank.criteria.models import Scenario
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _

GUESSED = "  # direction guessed from the name: check"
ID_COLUMN = "candidate_id"


@dataclass(frozen=True)
class BuiltScenario:
    """The validated scenario and the two files that hold it."""

    scenario: Scenario
    yaml_text: str
    csv_text: str


@dataclass(frozen=True)
class Target:
    """How the scenario is named and where its data and criteria set are written."""

    scenario_id: str
    data_file: str
    """The data CSV's name relative to the scenario YAML."""
    title: str = ""
    criteria_set_ref: str | None = None
    """The criteria set's path relative to the YAML (else the set is written inline)."""
    missing_data: str | None = None
    """The missing-data policy (default: reject, or impute_worst when figures are missing)."""


def build_scenario(plan: ImportPlan, choices: ImportChoices, target: Target) -> BuiltScenario:
    """The scenario of ``plan`` under ``choices``, validated, with its YAML and CSV texts.

    Raises
    ------
    ValidationFailed
        Every problem of the plan, of the mapping onto a criteria set, and of the scenario
        model, at once.
    """
    plan.raise_if_problems()
    source, criteria_set, guessed = _criteria(plan, choices)
    if criteria_set == "criteria_set":
        chosen = choices.criteria_set
        assert chosen is not None  # _criteria returns the reference only for a chosen set
        criteria_set = target.criteria_set_ref or chosen.model_dump(mode="json", exclude_none=True)
    by_column = {ind.column: plan.values[ind.key] for ind in plan.indicators}
    scores = {e.id: e.column(plan.ids) for e in choices.expert}
    columns = {k: by_column[c] if c is not None else scores[k] for k, c in source.items()}
    missing = plan.missing_cells or any(np.isnan(v).any() for v in columns.values())
    policy = target.missing_data or ("impute_worst" if missing else "reject")
    doc: dict[str, Any] = {
        "id": target.scenario_id,
        "title": target.title or _("Imported from {file}").format(file=plan.label),
        "description": _(
            "Made by the import from {file} ({detected}). "
            "Check every direction marked as guessed, the units and the missing-data policy."
        ).format(file=plan.label, detected=plan.sniffed.described()),
        "criteria_set": criteria_set,
        "candidates": [
            {"id": i, "name": n} if n and n != i else {"id": i}
            for i, n in zip(plan.ids, plan.names, strict=True)
        ],
        "data": {"file": target.data_file, "id_column": ID_COLUMN},
        "missing_data": policy,
        "method": {"name": "topsis", "settings": {"normalization": "vector"}},
    }
    provenance = {
        k: {"source": _column_source(plan.label, c) if c else _("expert scores typed at import")}
        for k, c in source.items()
    }
    doc["data"]["provenance"] = provenance
    inline = {**doc, "data": {"values": _values(plan.ids, columns), "provenance": provenance}}
    if choices.criteria_set is not None:
        inline["criteria_set"] = choices.criteria_set
    scenario = validate_model(Scenario, inline, plan.label)
    text = _yaml(doc, guessed)
    return BuiltScenario(scenario, text, _csv(plan.ids, columns))


def _column_source(label: str, column: str) -> str:
    """The provenance of figures read from ``column`` of the imported file."""
    return _("{file}, column {column!r}").format(file=label, column=column)


def _criteria(
    plan: ImportPlan, choices: ImportChoices
) -> tuple[dict[str, str | None], Any, list[bool]]:
    """Data key -> its column (None: expert scores), the criteria set, guesses.

    The criteria set is an inline dict, or the reference ``"criteria_set"`` to a chosen set.
    """
    if choices.criteria_set is None:
        return _from_scratch(plan, choices)
    cs = choices.criteria_set
    if choices.expert:
        msg = _(
            "expert-scored criteria are added only from scratch; a shipped criteria set "
            "declares its own"
        )
        raise ValidationFailed.single(plan.label, "expert", msg)
    by_column = {ind.column: ind.column for ind in plan.indicators}
    by_key = {ind.key: ind.column for ind in plan.indicators}
    problems: list[Problem] = []
    source: dict[str, str | None] = {}
    for key in cs.data_keys:
        given = choices.mapping.get(key)
        column = by_column.get(given) if given is not None else by_key.get(key)
        if column is None:
            msg = _(
                "no column for indicator {key!r} of criteria set {criteria_set!r}; map one of "
                "the columns {columns}"
            ).format(
                key=key,
                criteria_set=cs.id,
                columns=", ".join(repr(i.column) for i in plan.indicators),
            )
            problems.append(Problem(plan.label, f"mapping.{key}", msg))
        else:
            source[key] = column
    if problems:
        raise ValidationFailed(problems)
    return source, "criteria_set", []


def _from_scratch(
    plan: ImportPlan, choices: ImportChoices
) -> tuple[dict[str, str | None], Any, list[bool]]:
    """One criterion per indicator column kept, in groups (default: one, "Indicators").

    Expert-scored criteria follow in their groups; they read no column (no scores yet).
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    guessed: dict[str, bool] = {}
    for ind in plan.indicators:
        direction = choices.directions.get(ind.column)
        guessed[ind.key] = direction is None
        groups.setdefault(choices.groups.get(ind.column, _("Indicators")), []).append(
            {
                "id": ind.key,
                "title": ind.title,
                "direction": direction or ind.direction.value,
                "unit": choices.units.get(ind.column, ind.unit),
                "source": _column_source(plan.label, ind.column),
                "indicators": [{"id": ind.key, "title": ind.column}],
                "combine": "single",
            }
        )
    for expert in choices.expert:
        guessed[expert.id] = False
        groups.setdefault(expert.group, []).append(expert.criterion())
    group_ids = unique((slug(title) for title in groups), "group")
    cs: dict[str, Any] = {
        "id": "imported",
        "title": _("Indicators of {file}").format(file=plan.label),
        "source": _("Imported from {file}").format(file=plan.label),
        "weights_note": _("Equal weights are an editable default: the imported file gives none."),
        "groups": [
            {"id": gid, "title": title, "criteria": crits}
            for gid, (title, crits) in zip(group_ids, groups.items(), strict=True)
        ],
    }
    order = [c["id"] for g in cs["groups"] for c in g["criteria"]]
    source: dict[str, str | None] = {ind.key: ind.column for ind in plan.indicators}
    return {k: source.get(k) for k in order}, cs, [guessed[k] for k in order]


def _values(ids: list[str], columns: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    return {
        cand: {k: (None if math.isnan(float(v[i])) else float(v[i])) for k, v in columns.items()}
        for i, cand in enumerate(ids)
    }


def _csv(ids: list[str], columns: Mapping[str, Any]) -> str:
    """``candidate_id`` and one column per key; ``.`` for decimals, no data left empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([ID_COLUMN, *columns])
    for i, cand in enumerate(ids):
        cells = [float(v[i]) for v in columns.values()]
        writer.writerow([cand, *("" if math.isnan(x) else f"{x:.15g}" for x in cells)])
    return out.getvalue()


def _yaml(doc: dict[str, Any], guessed: list[bool]) -> str:
    """The scenario as YAML; each guessed direction marked with a comment to check it."""
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    lines, k = [], 0
    for line in text.splitlines():
        if line.lstrip().startswith("direction:") and k < len(guessed):
            line += GUESSED if guessed[k] else ""
            k += 1
        lines.append(line)
    head = "# Made by `clusterrank init`: check the guessed directions, units and policy.\n"
    return head + "\n".join(lines) + "\n"
