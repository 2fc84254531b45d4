"""Projects: create, rename, duplicate, soft delete with undo, list; weight sets; analyses.

Every function is one committed transaction; changes write a ``project_audit`` entry with
them. A deleted project is hidden at once and can be restored for :data:`UNDO_WINDOW`;
:func:`purge_deleted` removes it (with its weight sets and analyses) after that.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clusterrank.errors import NotFound, StoreError
from clusterrank.i18n import N_, _
from clusterrank.store import keys
from clusterrank.store.models import (
    ANALYSIS_KINDS,
    WEIGHT_MODES,
    Panel,
    Project,
    ProjectAudit,
    ProjectPanel,
    SavedAnalysis,
    WeightSet,
)
from clusterrank.store.project_records import (
    AnalysisInfo,
    ProjectInfo,
    ProjectPanelInfo,
    WeightSetInfo,
)
from clusterrank.store.tx import committing, utcnow

UNDO_WINDOW = timedelta(minutes=10)
MAX_NAME_CHARS = 200


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


NAMED = {
    "project": N_("a project needs a name of 1 to {maximum} characters (got {name})"),
    "weight set": N_("a weight set needs a name of 1 to {maximum} characters (got {name})"),
    "saved analysis": N_("a saved analysis needs a name of 1 to {maximum} characters (got {name})"),
}


def _name(name: str, what: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > MAX_NAME_CHARS:
        msg = _(NAMED[what]).format(maximum=MAX_NAME_CHARS, name=repr(name))
        raise StoreError(msg)
    return clean


def _audit(session: Session, project_id: str, actor: str, action: str, detail: Any) -> None:
    session.add(
        ProjectAudit(project_id=project_id, actor=actor, action=action, detail=detail, at=utcnow())
    )


def _info(project: Project, *, with_data: bool = False) -> ProjectInfo:
    return ProjectInfo(
        project_id=project.id,
        name=project.name,
        scenario_yaml=project.scenario_yaml,
        scenario_sha256=project.scenario_sha256,
        data_name=project.data_name,
        data_sha256=project.data_sha256,
        read_only=project.read_only,
        created_at=project.created_at,
        updated_at=project.updated_at,
        deleted_at=project.deleted_at,
        data_bytes=project.data_bytes if with_data else None,
        language=project.language,
    )


def _live(session: Session, project_id: str) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        msg = _("there is no project {project} (deleted, or a wrong link): see Projects").format(
            project=repr(project_id)
        )
        raise NotFound(msg)
    return project


def _writable(session: Session, project_id: str) -> Project:
    project = _live(session, project_id)
    if project.read_only:
        msg = _("{project} is a shipped example and opens read-only: duplicate it to edit").format(
            project=repr(project.name)
        )
        raise StoreError(msg)
    return project


def create_project(
    session: Session,
    *,
    name: str,
    scenario_yaml: str,
    data_name: str | None = None,
    data_bytes: bytes | None = None,
    read_only: bool = False,
    actor: str = "user",
) -> ProjectInfo:
    """Save a new project; ``scenario_yaml`` should be self-contained (data inline)."""
    now = utcnow()
    with committing(session):
        project = Project(
            id=keys.new_panel_id(),
            name=_name(name, "project"),
            scenario_yaml=scenario_yaml,
            scenario_sha256=_sha(scenario_yaml.encode("utf-8")),
            data_name=data_name,
            data_bytes=data_bytes,
            data_sha256=None if data_bytes is None else _sha(data_bytes),
            read_only=read_only,
            created_at=now,
            updated_at=now,
            deleted_at=None,
        )
        session.add(project)
        session.flush()
        _audit(session, project.id, actor, "project.create", {"name": project.name})
        return _info(project)


def get_project(session: Session, project_id: str, *, with_data: bool = False) -> ProjectInfo:
    """A live project by id.

    Raises
    ------
    NotFound
        No such project, or it was deleted.
    """
    with committing(session):
        return _info(_live(session, project_id), with_data=with_data)


def list_projects(session: Session) -> tuple[ProjectInfo, ...]:
    """The live projects, most recently changed first."""
    with committing(session):
        rows = session.scalars(
            sa.select(Project)
            .where(Project.deleted_at.is_(None))
            .order_by(Project.updated_at.desc(), Project.id)
        )
        return tuple(_info(p) for p in rows)


def find_example(session: Session, name: str) -> ProjectInfo | None:
    """The live read-only project (a shipped example) called ``name``, if any."""
    with committing(session):
        found = session.scalars(
            sa.select(Project)
            .where(Project.read_only, Project.name == name, Project.deleted_at.is_(None))
            .order_by(Project.created_at)
        ).first()
        return None if found is None else _info(found)


def rename_project(session: Session, project_id: str, name: str, actor: str = "user") -> None:
    """Give a project a new name."""
    with committing(session):
        project = _writable(session, project_id)
        before = project.name
        project.name = _name(name, "project")
        project.updated_at = utcnow()
        _audit(session, project_id, actor, "project.rename", {"from": before, "to": project.name})


def duplicate_project(
    session: Session, project_id: str, name: str | None = None, actor: str = "user"
) -> ProjectInfo:
    """An editable copy of a project with its weight sets (a copy of an example is editable)."""
    now = utcnow()
    with committing(session):
        source = _live(session, project_id)
        copy = Project(
            id=keys.new_panel_id(),
            name=_name(name or _("{name} (copy)").format(name=source.name), "project"),
            scenario_yaml=source.scenario_yaml,
            scenario_sha256=source.scenario_sha256,
            data_name=source.data_name,
            data_bytes=source.data_bytes,
            data_sha256=source.data_sha256,
            read_only=False,
            created_at=now,
            updated_at=now,
            deleted_at=None,
            language=source.language,
        )
        session.add(copy)
        session.flush()
        for ws in session.scalars(sa.select(WeightSet).where(WeightSet.project_id == source.id)):
            session.add(
                WeightSet(
                    project_id=copy.id,
                    name=ws.name,
                    mode=ws.mode,
                    payload=ws.payload,
                    created_at=now,
                    updated_at=now,
                )
            )
        _audit(session, copy.id, actor, "project.duplicate", {"from": source.id})
        return _info(copy)


def delete_project(session: Session, project_id: str, actor: str = "user") -> None:
    """Hide a project (soft delete); :func:`restore_project` undoes it within the window."""
    with committing(session):
        project = _live(session, project_id)
        project.deleted_at = utcnow()
        _audit(session, project_id, actor, "project.delete", {})


def restore_project(
    session: Session, project_id: str, actor: str = "user", now: datetime | None = None
) -> ProjectInfo:
    """Undo a delete made less than :data:`UNDO_WINDOW` ago.

    Raises
    ------
    NotFound
        No such deleted project, or it was deleted too long ago to restore.
    """
    at = now or utcnow()
    with committing(session):
        project = session.get(Project, project_id)
        if project is None or project.deleted_at is None:
            msg = _("there is no deleted project {project} to restore").format(
                project=repr(project_id)
            )
            raise NotFound(msg)
        if at - project.deleted_at > UNDO_WINDOW:
            minutes = int(UNDO_WINDOW.total_seconds() // 60)
            msg = _(
                "{project} was deleted more than {minutes} minutes ago: too late to undo"
            ).format(project=repr(project.name), minutes=minutes)
            raise NotFound(msg)
        project.deleted_at = None
        _audit(session, project_id, actor, "project.restore", {})
        return _info(project)


def purge_deleted(session: Session, now: datetime | None = None) -> int:
    """Remove projects deleted longer than :data:`UNDO_WINDOW` ago; how many were removed."""
    cutoff = (now or utcnow()) - UNDO_WINDOW
    with committing(session):
        result = session.execute(
            sa.delete(Project).where(Project.deleted_at.is_not(None), Project.deleted_at < cutoff)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def save_weight_set(
    session: Session,
    project_id: str,
    *,
    name: str,
    mode: str,
    payload: Any,
    overwrite: bool = False,
    actor: str = "user",
) -> WeightSetInfo:
    """Save a named weight set; an existing name is replaced only with ``overwrite``.

    Raises
    ------
    StoreError
        The project is read-only, the mode is unknown, or the name is taken (and not
        ``overwrite``): the message says to pick another name or confirm replacing it.
    """
    if mode not in WEIGHT_MODES:
        msg = _("weight set mode must be one of {choices} (got {mode})").format(
            choices=", ".join(WEIGHT_MODES), mode=repr(mode)
        )
        raise StoreError(msg)
    clean = _name(name, "weight set")
    try:
        with committing(session):
            return _save_weight_set(session, project_id, clean, mode, payload, overwrite, actor)
    except IntegrityError as exc:  # two sessions created the same name at once
        raise StoreError(_taken(clean)) from exc


def _taken(name: str) -> str:
    return _("a weight set called {name} already exists: choose another name or replace it").format(
        name=repr(name)
    )


def _save_weight_set(
    session: Session,
    project_id: str,
    name: str,
    mode: str,
    payload: Any,
    overwrite: bool,
    actor: str,
) -> WeightSetInfo:
    project = _writable(session, project_id)
    now = utcnow()
    found = session.scalars(
        sa.select(WeightSet).where(WeightSet.project_id == project.id, WeightSet.name == name)
    ).first()
    if found is not None and not overwrite:
        raise StoreError(_taken(name))
    if found is None:
        found = WeightSet(project_id=project.id, name=name, created_at=now)
        session.add(found)
    found.mode = mode
    found.payload = payload
    found.updated_at = now
    project.updated_at = now
    session.flush()
    _audit(session, project.id, actor, "weights.save", {"name": name, "mode": mode})
    return WeightSetInfo(name, mode, payload, found.created_at, now)


def list_weight_sets(session: Session, project_id: str) -> tuple[WeightSetInfo, ...]:
    """The project's weight sets by name."""
    with committing(session):
        _live(session, project_id)
        rows = session.scalars(
            sa.select(WeightSet).where(WeightSet.project_id == project_id).order_by(WeightSet.name)
        )
        return tuple(
            WeightSetInfo(w.name, w.mode, w.payload, w.created_at, w.updated_at) for w in rows
        )


def save_analysis(
    session: Session,
    project_id: str,
    *,
    kind: str,
    name: str,
    settings: Any,
    result: Any,
    actor: str = "user",
) -> int:
    """Save a ranking or sensitivity run with all its settings and its result; its id."""
    if kind not in ANALYSIS_KINDS:
        msg = _("an analysis is one of {choices} (got {kind})").format(
            choices=", ".join(ANALYSIS_KINDS), kind=repr(kind)
        )
        raise StoreError(msg)
    with committing(session):
        project = _writable(session, project_id)
        row = SavedAnalysis(
            project_id=project.id,
            kind=kind,
            name=_name(name, "saved analysis"),
            settings=settings,
            result=result,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        _audit(session, project.id, actor, "analysis.save", {"kind": kind, "id": row.id})
        return row.id


def list_analyses(session: Session, project_id: str) -> tuple[AnalysisInfo, ...]:
    """The project's saved analyses, oldest first."""
    with committing(session):
        _live(session, project_id)
        rows = session.scalars(
            sa.select(SavedAnalysis)
            .where(SavedAnalysis.project_id == project_id)
            .order_by(SavedAnalysis.id)
        )
        return tuple(
            AnalysisInfo(a.id, a.kind, a.name, a.settings, a.result, a.created_at) for a in rows
        )


def link_panel(session: Session, project_id: str, panel_id: str, actor: str = "user") -> None:
    """Record that ``panel_id`` was run for the project."""
    with committing(session):
        _live(session, project_id)
        session.add(ProjectPanel(project_id=project_id, panel_id=panel_id))
        _audit(session, project_id, actor, "panel.link", {"panel": panel_id})


def project_panels(session: Session, project_id: str) -> tuple[str, ...]:
    """The ids of the panels run for the project."""
    with committing(session):
        return tuple(
            session.scalars(
                sa.select(ProjectPanel.panel_id)
                .where(ProjectPanel.project_id == project_id)
                .order_by(ProjectPanel.panel_id)
            )
        )


def panels_of_project(session: Session, project_id: str) -> tuple[ProjectPanelInfo, ...]:
    """The panels run for the project (title, status, round, created), newest first.

    No key or token is read: opening one still needs its facilitator key.
    """
    with committing(session):
        _live(session, project_id)
        rows = session.execute(
            sa.select(Panel.id, Panel.title, Panel.status, Panel.current_round, Panel.created_at)
            .join(ProjectPanel, ProjectPanel.panel_id == Panel.id)
            .where(ProjectPanel.project_id == project_id)
            .order_by(Panel.created_at.desc(), Panel.id)
        )
        return tuple(ProjectPanelInfo(*row) for row in rows)


def project_audit(session: Session, project_id: str) -> tuple[tuple[str, str, Any], ...]:
    """The project's audit log as (actor, action, detail), oldest first."""
    with committing(session):
        rows = session.scalars(
            sa.select(ProjectAudit)
            .where(ProjectAudit.project_id == project_id)
            .order_by(ProjectAudit.id)
        )
        return tuple((a.actor, a.action, a.detail) for a in rows)
