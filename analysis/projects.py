"""Projects as use cases: open a saved project as a validated scenario; export it as a zip.

A project's scenario is stored self-contained (criteria set and every figure inline, see
:mod:`panel.snapshot`), so opening it reads no file at all. The export holds that YAML (which
``clusterrank validate`` accepts as it is), the data file as it was imported, and the weight
sets as YAML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

import yaml

from clusterrank.criteria.files import FileScope
from clusterrank.criteria.loading import scenario_from_text
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import N_, _
from clusterrank.store.project_records import ProjectInfo, WeightSetInfo

NO_FILES_FIX = N_("a project's scenario is self-contained and names no files")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def open_scenario(project: ProjectInfo) -> Scenario:
    """The project's scenario, validated (no file is read).

    Raises
    ------
    ValidationFailed
        The stored scenario no longer validates (every problem listed, named by the project).
    """
    label = _("project {name}").format(name=project.name)
    return scenario_from_text(
        project.scenario_yaml, label, scope=FileScope(roots=(), fix=_(NO_FILES_FIX))
    )


def file_stem(name: str) -> str:
    """A file name made safe from a project name (``project`` when nothing is left)."""
    return _UNSAFE.sub("_", name).strip("._-") or "project"


def weight_sets_yaml(weight_sets: Sequence[WeightSetInfo]) -> str:
    """The weight sets as YAML: name, editor, its inputs and when each was saved."""
    body = [
        {
            "name": w.name,
            "mode": w.mode,
            "payload": w.payload,
            "updated_at": w.updated_at.isoformat(),
        }
        for w in weight_sets
    ]
    return yaml.safe_dump({"weight_sets": body}, allow_unicode=True, sort_keys=False)


def export_zip(project: ProjectInfo, weight_sets: Sequence[WeightSetInfo]) -> bytes:
    """The project as a zip: ``<name>.yaml``, ``data/<file>`` as imported, ``weight_sets.yaml``."""
    stem = file_stem(project.name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}/{stem}.yaml", project.scenario_yaml)
        if project.data_name and project.data_bytes is not None:
            archive.writestr(f"{stem}/data/{file_stem(project.data_name)}", project.data_bytes)
        archive.writestr(f"{stem}/weight_sets.yaml", weight_sets_yaml(weight_sets))
    return buffer.getvalue()
