"""A project remembers its interface language (``project.language``, NULL: not chosen yet).

Revision ID: 0003_project_language
Revises: 0002_projects
Create Date: 2026-06-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_project_language"
down_revision = "0002_projects"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("project", sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite >= 3.35), not batch mode: batch mode would copy and drop
    # the project table, and dropping it would cascade to its weight sets and analyses.
    op.drop_column("project", "language")
