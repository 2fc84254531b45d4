"""The panel database schema: SQLAlchemy 2 typed declarative models.

Changing anything here needs a new Alembic revision in ``store/migrations/versions``; the test
``tests/store/test_migrations.py`` compares this metadata with the migrated schema and fails on
any difference. Constraint names follow :data:`NAMING` so both backends name them alike.

Secrets never live here in clear: ``Panel.facilitator_key_hash`` and ``Expert.token_hash`` are
SHA-256 hex digests (see :mod:`store.keys`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
PANEL_STATUSES = ("open", "closed", "archived")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """A timezone-aware ``value`` in UTC, naive for SQLite.

        Raises
        ------
        ValueError
            ``value`` has no timezone.
        """
        if value is None:
            return None
        if value.tzinfo is None:
            msg = "timestamps must be timezone-aware (use store.tx.utcnow())"
            raise ValueError(msg)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The stored timestamp as timezone-aware UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """The declarative base: the naming convention for constraints, UTC timestamps."""

    metadata = sa.MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (SQLAlchemy's API)


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


class Panel(Base):
    """A panel: its scenario snapshot, what it asks, its settings, status and current round."""

    __tablename__ = "panel"
    __table_args__ = (
        sa.CheckConstraint("status IN ('open', 'closed', 'archived')", name="status"),
        sa.CheckConstraint("current_round >= 0", name="current_round"),
    )

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    title: Mapped[str] = mapped_column(sa.Text)
    scenario_yaml: Mapped[str] = mapped_column(sa.Text)
    scenario_sha256: Mapped[str] = mapped_column(sa.String(64))
    asked: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    aggregation: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    status: Mapped[str] = mapped_column(sa.String(16))
    current_round: Mapped[int]
    facilitator_key_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime]


class Expert(Base):
    """One invited expert; ``ref`` is the facilitator's own id for them (unique per panel)."""

    __tablename__ = "expert"
    __table_args__ = (
        sa.UniqueConstraint("panel_id", "ref"),
        sa.CheckConstraint("weight IS NULL OR weight >= 0", name="weight"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    panel_id: Mapped[str] = mapped_column(sa.String(32), _fk("panel.id"))
    ref: Mapped[str] = mapped_column(sa.String(200))
    display_name: Mapped[str] = mapped_column(sa.Text)
    stakeholder_group: Mapped[str | None] = mapped_column(sa.Text)
    weight: Mapped[float | None] = mapped_column(sa.Float)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(sa.Boolean)
    created_at: Mapped[datetime]


class Round(Base):
    """A Delphi round of a panel: when it opened and closed, its items and their feedback."""

    __tablename__ = "round"
    __table_args__ = (
        sa.UniqueConstraint("panel_id", "number"),
        sa.CheckConstraint("number >= 1", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    panel_id: Mapped[str] = mapped_column(sa.String(32), _fk("panel.id"))
    number: Mapped[int]
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    items: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    feedback: Mapped[Any | None] = mapped_column(sa.JSON, nullable=True)


class Judgment(Base):
    """One pairwise judgment: how many times ``row`` matters more than ``column`` at ``node``."""

    __tablename__ = "judgment"
    __table_args__ = (
        sa.UniqueConstraint("round_id", "expert_id", "node", "row", "column"),
        sa.CheckConstraint("value > 0", name="value"),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(_fk("round.id"))
    expert_id: Mapped[int] = mapped_column(_fk("expert.id"), index=True)
    node: Mapped[str] = mapped_column(sa.String(200))
    row: Mapped[str] = mapped_column(sa.String(200))
    column: Mapped[str] = mapped_column(sa.String(200))
    value: Mapped[float] = mapped_column(sa.Float)
    version: Mapped[int]
    updated_at: Mapped[datetime]


class Score(Base):
    """One score of a candidate on an expert-scored criterion, or an abstention (no value)."""

    __tablename__ = "score"
    __table_args__ = (
        sa.UniqueConstraint("round_id", "expert_id", "criterion", "candidate"),
        sa.CheckConstraint(
            "(abstain AND value IS NULL) OR (NOT abstain AND value IS NOT NULL)", name="abstain"
        ),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(_fk("round.id"))
    expert_id: Mapped[int] = mapped_column(_fk("expert.id"), index=True)
    criterion: Mapped[str] = mapped_column(sa.String(200))
    candidate: Mapped[str] = mapped_column(sa.String(200))
    value: Mapped[float | None] = mapped_column(sa.Float)
    abstain: Mapped[bool] = mapped_column(sa.Boolean)
    version: Mapped[int]
    updated_at: Mapped[datetime]


class Comment(Base):
    """An expert's comment on one item in one round, versioned."""

    __tablename__ = "comment"
    __table_args__ = (
        sa.UniqueConstraint("round_id", "expert_id", "item_key"),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(_fk("round.id"))
    expert_id: Mapped[int] = mapped_column(_fk("expert.id"), index=True)
    item_key: Mapped[str] = mapped_column(sa.String(400))
    text: Mapped[str] = mapped_column(sa.Text)
    version: Mapped[int]
    updated_at: Mapped[datetime]


class Submission(Base):
    """An expert's submission of a round."""

    __tablename__ = "submission"
    __table_args__ = (sa.UniqueConstraint("expert_id", "round_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    expert_id: Mapped[int] = mapped_column(_fk("expert.id"))
    round_id: Mapped[int] = mapped_column(_fk("round.id"), index=True)
    submitted_at: Mapped[datetime]


class ResultSnapshot(Base):
    """An aggregated result as it was computed; immutable (an update raises, see below)."""

    __tablename__ = "result_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    panel_id: Mapped[str] = mapped_column(sa.String(32), _fk("panel.id"), index=True)
    round_id: Mapped[int] = mapped_column(_fk("round.id"), index=True)
    created_at: Mapped[datetime]
    payload: Mapped[Any] = mapped_column(sa.JSON, nullable=False)


class AuditEntry(Base):
    """Who changed what: actor is ``facilitator``, ``cli`` or ``expert:<ref>``."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    panel_id: Mapped[str] = mapped_column(sa.String(32), _fk("panel.id"), index=True)
    actor: Mapped[str] = mapped_column(sa.String(220))
    action: Mapped[str] = mapped_column(sa.String(64))
    detail: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    at: Mapped[datetime]


@event.listens_for(ResultSnapshot, "before_update")
def _snapshots_are_immutable(*_args: object) -> None:
    msg = "result snapshots are immutable: record a new snapshot instead of changing one"
    raise TypeError(msg)


WEIGHT_MODES = ("sliders", "ahp", "objective", "panel")
ANALYSIS_KINDS = ("ranking", "sensitivity")


class Project(Base):
    """A saved project: its scenario (self-contained YAML), the data file as uploaded, dates.

    ``read_only`` marks a shipped example (saving into it makes a copy first); ``deleted_at``
    is a soft delete, undone within :data:`store.projects.UNDO_WINDOW`, purged after.
    ``language`` is the interface language last chosen with the project open (migration 0003).
    """

    __tablename__ = "project"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    scenario_yaml: Mapped[str] = mapped_column(sa.Text)
    scenario_sha256: Mapped[str] = mapped_column(sa.String(64))
    data_name: Mapped[str | None] = mapped_column(sa.Text)
    data_bytes: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    data_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    read_only: Mapped[bool] = mapped_column(sa.Boolean)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None] = mapped_column(index=True)
    language: Mapped[str | None] = mapped_column(sa.String(8))  # None: not chosen yet


class WeightSet(Base):
    """A named set of weights in a project: the editor it came from and that editor's inputs."""

    __tablename__ = "weight_set"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "name"),
        sa.CheckConstraint("mode IN ('sliders', 'ahp', 'objective', 'panel')", name="mode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(sa.String(32), _fk("project.id"))
    name: Mapped[str] = mapped_column(sa.String(200))
    mode: Mapped[str] = mapped_column(sa.String(16))
    payload: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SavedAnalysis(Base):
    """A ranking or sensitivity run with every setting it used and its result, as computed."""

    __tablename__ = "saved_analysis"
    __table_args__ = (sa.CheckConstraint("kind IN ('ranking', 'sensitivity')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(sa.String(32), _fk("project.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    name: Mapped[str] = mapped_column(sa.Text)
    settings: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    result: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    created_at: Mapped[datetime]


class ProjectPanel(Base):
    """A panel run for a project (a panel may belong to at most one project)."""

    __tablename__ = "project_panel"

    project_id: Mapped[str] = mapped_column(sa.String(32), _fk("project.id"), primary_key=True)
    panel_id: Mapped[str] = mapped_column(sa.String(32), _fk("panel.id"), primary_key=True)


class ProjectAudit(Base):
    """Who changed what in a project (the panels' ``audit_log`` needs a panel)."""

    __tablename__ = "project_audit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(sa.String(32), _fk("project.id"), index=True)
    actor: Mapped[str] = mapped_column(sa.String(220))
    action: Mapped[str] = mapped_column(sa.String(64))
    detail: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    at: Mapped[datetime]
