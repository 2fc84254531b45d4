"""What the project repository returns: frozen plain records, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ProjectInfo:
    """A project as stored (its scenario text; the data file's bytes only when asked for)."""

    project_id: str
    name: str
    scenario_yaml: str
    scenario_sha256: str
    data_name: str | None
    data_sha256: str | None
    read_only: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    data_bytes: bytes | None = field(default=None, repr=False)
    language: str | None = None  # the interface language chosen for it; None: not chosen


@dataclass(frozen=True)
class WeightSetInfo:
    """A named weight set: the editor (``mode``) and that editor's inputs (``payload``)."""

    name: str
    mode: str
    payload: Any
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class AnalysisInfo:
    """A saved ranking or sensitivity run: its settings and result as computed."""

    analysis_id: int
    kind: str
    name: str
    settings: Any
    result: Any
    created_at: datetime


@dataclass(frozen=True)
class ProjectPanelInfo:
    """A panel run for a project, as anyone with the project may see it (never its key)."""

    panel_id: str
    title: str
    status: str
    current_round: int
    created_at: datetime
