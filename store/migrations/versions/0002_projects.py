"""Projects: a scenario with its data, named weight sets, saved analyses, panels, audit.

Revision ID: 0002_projects
Revises: 0001_initial
Create Date: 2026-05-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_projects"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True)


def _project_fk(primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "project_id",
        sa.String(32),
        sa.ForeignKey("project.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("scenario_yaml", sa.Text(), nullable=False),
        sa.Column("scenario_sha256", sa.String(64), nullable=False),
        sa.Column("data_name", sa.Text(), nullable=True),
        sa.Column("data_bytes", sa.LargeBinary(), nullable=True),
        sa.Column("data_sha256", sa.String(64), nullable=True),
        sa.Column("read_only", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("deleted_at", TS, nullable=True),
    )
    op.create_index("ix_project_deleted_at", "project", ["deleted_at"])
    op.create_table(
        "weight_set",
        _id(),
        _project_fk(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("project_id", "name"),
        sa.CheckConstraint("mode IN ('sliders', 'ahp', 'objective', 'panel')", name="mode"),
    )
    op.create_table(
        "saved_analysis",
        _id(),
        _project_fk(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("kind IN ('ranking', 'sensitivity')", name="kind"),
    )
    op.create_index("ix_saved_analysis_project_id", "saved_analysis", ["project_id"])
    op.create_table(
        "project_panel",
        _project_fk(primary_key=True),
        sa.Column(
            "panel_id",
            sa.String(32),
            sa.ForeignKey("panel.id", ondelete="CASCADE"),
            nullable=False,
            primary_key=True,
        ),
    )
    op.create_table(
        "project_audit",
        _id(),
        _project_fk(),
        sa.Column("actor", sa.String(220), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_project_audit_project_id", "project_audit", ["project_id"])


def downgrade() -> None:
    for table in ("project_audit", "project_panel", "saved_analysis", "weight_set", "project"):
        op.drop_table(table)
