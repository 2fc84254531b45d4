"""The first panel schema: panels, experts, rounds, answers, submissions, results, audit.

Revision ID: 0001_initial
Revises:
Create Date: 2026-05-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True)


def _fk(name: str, target: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey(target, ondelete="CASCADE"), nullable=nullable
    )


def _panel_fk() -> sa.Column[str]:
    return sa.Column(
        "panel_id",
        sa.String(32),
        sa.ForeignKey("panel.id", ondelete="CASCADE"),
        nullable=False,
    )


def _answer_columns() -> list[sa.Column[int]]:
    return [_id(), _fk("round_id", "round.id"), _fk("expert_id", "expert.id")]


def upgrade() -> None:
    op.create_table(
        "panel",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("scenario_yaml", sa.Text(), nullable=False),
        sa.Column("scenario_sha256", sa.String(64), nullable=False),
        sa.Column("asked", sa.JSON(), nullable=False),
        sa.Column("aggregation", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("current_round", sa.Integer(), nullable=False),
        sa.Column("facilitator_key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("status IN ('open', 'closed', 'archived')", name="status"),
        sa.CheckConstraint("current_round >= 0", name="current_round"),
    )
    op.create_table(
        "expert",
        _id(),
        _panel_fk(),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("stakeholder_group", sa.Text(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("panel_id", "ref"),
        sa.CheckConstraint("weight IS NULL OR weight >= 0", name="weight"),
    )
    op.create_table(
        "round",
        _id(),
        _panel_fk(),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("feedback", sa.JSON(), nullable=True),
        sa.UniqueConstraint("panel_id", "number"),
        sa.CheckConstraint("number >= 1", name="number"),
    )
    op.create_table(
        "judgment",
        *_answer_columns(),
        sa.Column("node", sa.String(200), nullable=False),
        sa.Column("row", sa.String(200), nullable=False),
        sa.Column("column", sa.String(200), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("round_id", "expert_id", "node", "row", "column"),
        sa.CheckConstraint("value > 0", name="value"),
        sa.CheckConstraint("version >= 1", name="version"),
    )
    op.create_table(
        "score",
        *_answer_columns(),
        sa.Column("criterion", sa.String(200), nullable=False),
        sa.Column("candidate", sa.String(200), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("abstain", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("round_id", "expert_id", "criterion", "candidate"),
        sa.CheckConstraint(
            "(abstain AND value IS NULL) OR (NOT abstain AND value IS NOT NULL)", name="abstain"
        ),
        sa.CheckConstraint("version >= 1", name="version"),
    )
    op.create_table(
        "comment",
        *_answer_columns(),
        sa.Column("item_key", sa.String(400), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("round_id", "expert_id", "item_key"),
        sa.CheckConstraint("version >= 1", name="version"),
    )
    op.create_table(
        "submission",
        _id(),
        _fk("expert_id", "expert.id"),
        _fk("round_id", "round.id"),
        sa.Column("submitted_at", TS, nullable=False),
        sa.UniqueConstraint("expert_id", "round_id"),
    )
    op.create_table(
        "result_snapshot",
        _id(),
        _panel_fk(),
        _fk("round_id", "round.id"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
    )
    op.create_table(
        "audit_log",
        _id(),
        _panel_fk(),
        sa.Column("actor", sa.String(220), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    for table in ("judgment", "score", "comment"):
        op.create_index(f"ix_{table}_expert_id", table, ["expert_id"])
    op.create_index("ix_submission_round_id", "submission", ["round_id"])
    op.create_index("ix_result_snapshot_panel_id", "result_snapshot", ["panel_id"])
    op.create_index("ix_result_snapshot_round_id", "result_snapshot", ["round_id"])
    op.create_index("ix_audit_log_panel_id", "audit_log", ["panel_id"])


def downgrade() -> None:
    for table in (
        "audit_log",
        "result_snapshot",
        "submission",
        "comment",
        "score",
        "judgment",
        "round",
        "expert",
        "panel",
    ):
        op.drop_table(table)
