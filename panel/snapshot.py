"""A panel's scenario as a self-contained YAML snapshot: nothing it needs lives in other files.

When a panel is created its scenario is loaded and validated as usual, then written back as
one YAML document with the criteria set inline and every figure of its data inline
(``data.values``): the data file's cells and any computed regional keys, read now. So editing
or deleting the scenario's files later never changes what the panel decided on. The store
keeps this text and its SHA-256. The snapshot is read back with no file access at all (an
empty :class:`~criteria.files.FileScope`), and is checked to load before the panel is made.
"""

from __future__ import annotations

import math
import os
from typing import Any

import yaml

from clusterrank.criteria.data_sources import read_data_and_notes
from clusterrank.criteria.files import FileScope, display_name
from clusterrank.criteria.loading import load_scenario, scenario_from_text
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.tables import read_table
from clusterrank.i18n import N_, _

HEADER = (
    "# Scenario snapshot of a clusterrank expert panel: self-contained (criteria set and every\n"
    "# figure inline), so the panel does not depend on files that may change later.\n"
)
NO_FILES_FIX = N_("a panel's scenario snapshot names no files")


def _file_columns(scenario: Scenario) -> set[str]:
    """The data keys the scenario's data file has a column for (none without a file)."""
    spec = scenario.data
    if spec.file is None:
        return set()
    header = set(read_table(spec.file, display_name(spec.file), spec.sheet).header)
    named = {key: spec.columns.get(key, key) for key in scenario.criteria_set.data_keys}
    return {key for key, column in named.items() if column in header}


def unscored_keys(scenario: Scenario) -> tuple[str, ...]:
    """Expert-scored criteria with no figure anywhere (the panel is to score them)."""
    inline = scenario.data.values
    in_file = _file_columns(scenario)
    return tuple(
        c.id
        for c in scenario.criteria_set.criteria
        if c.expert_scale is not None
        and c.id not in in_file
        and not any(c.id in row for row in inline.values())
    )


def _inline_data(scenario: Scenario) -> dict[str, Any]:
    cs = scenario.criteria_set
    empty = unscored_keys(scenario)
    keys = tuple(k for k in cs.data_keys if k not in empty)
    table = read_data_and_notes(scenario.data, scenario.candidate_ids, keys, scenario.source_name)[
        0
    ]
    values: dict[str, dict[str, float | None]] = {}
    for i, cand in enumerate(table.candidates):
        row: dict[str, float | None] = {}
        for key in cs.data_keys:
            if key in empty:
                row[key] = None
                continue
            x = float(table.cells[i, table.keys.index(key)])
            row[key] = None if math.isnan(x) else x
        values[cand] = row
    data: dict[str, Any] = {"values": values}
    provenance = scenario.data.provenance
    if provenance:
        data["provenance"] = {
            k: p.model_dump(mode="json", exclude_none=True) for k, p in provenance.items()
        }
    return data


def snapshot_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data with the criteria set and every figure inline."""
    body = scenario.model_dump(mode="json", exclude_none=True, exclude={"data"})
    body["data"] = _inline_data(scenario)
    return body


def dump_yaml(body: dict[str, Any], header: str = HEADER) -> str:
    """YAML text of a scenario dictionary (Unicode kept, keys in their order)."""
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    return header + text


def snapshot_scenario(
    path: str | os.PathLike[str], scope: FileScope | None = None
) -> tuple[str, Scenario]:
    """Load ``path`` and return its self-contained YAML snapshot and the scenario it loads to.

    Raises
    ------
    ValidationFailed
        The scenario or its data fail validation (every problem listed).
    """
    scenario = load_scenario(path, scope=scope)
    text = dump_yaml(snapshot_dict(scenario))
    return text, load_snapshot(text, scenario.source_name)


def snapshot_of(scenario: Scenario) -> tuple[str, Scenario]:
    """The self-contained YAML snapshot of an already loaded scenario, and what it loads to.

    Its data file (if any) is read again now, so it must still exist.
    """
    text = dump_yaml(snapshot_dict(scenario))
    return text, load_snapshot(text, scenario.source_name)


def load_snapshot(text: str, name: str | None = None) -> Scenario:
    """The scenario of a snapshot (no file is read: a snapshot names none)."""
    label = _("panel scenario snapshot") if name is None else name
    return scenario_from_text(text, label, scope=FileScope(roots=(), fix=_(NO_FILES_FIX)))
