"""Alembic: an empty database reaches head, downgrade/upgrade round-trips, ORM == migrations."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clusterrank.errors import StoreError
from clusterrank.store import migrate, open_store
from clusterrank.store.engine import engine_for, resolve_url
from clusterrank.store.models import Base

TABLES = {
    "alembic_version",
    "panel",
    "expert",
    "round",
    "judgment",
    "score",
    "comment",
    "submission",
    "result_snapshot",
    "audit_log",
    "project",
    "weight_set",
    "saved_analysis",
    "project_panel",
    "project_audit",
}
PROJECT_TABLES = {"project", "weight_set", "saved_analysis", "project_panel", "project_audit"}
PANEL_TABLES = TABLES - PROJECT_TABLES


def test_empty_database_is_upgraded_to_head_on_open(store_url: str) -> None:
    db = open_store(store_url)
    assert migrate.current(db.engine) == migrate.head() == "0003_project_language"
    assert set(sa.inspect(db.engine).get_table_names()) == TABLES


def test_downgrade_to_base_and_upgrade_again(store_url: str) -> None:
    db = open_store(store_url)
    migrate.downgrade(db.engine, "base")
    assert set(sa.inspect(db.engine).get_table_names()) == {"alembic_version"}
    assert migrate.current(db.engine) is None
    migrate.upgrade(db.engine)
    assert set(sa.inspect(db.engine).get_table_names()) == TABLES
    assert migrate.current(db.engine) == migrate.head()


def test_orm_metadata_matches_the_migrated_schema(store_url: str) -> None:
    db = open_store(store_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == [], f"models.py and the migrations differ, add a revision: {diffs}"


def test_without_upgrade_an_empty_database_is_refused(store_url: str) -> None:
    with pytest.raises(StoreError, match=r"the panel database is empty.*upgrades enabled"):
        open_store(store_url, upgrade=False)
    assert migrate.current(engine_for(resolve_url(store_url))) is None
    open_store(store_url)
    assert open_store(store_url, upgrade=False).backend in {"sqlite", "postgresql"}


def test_a_database_from_a_newer_clusterrank_is_refused(store_url: str) -> None:
    db = open_store(store_url)
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(StoreError, match=r"'0099_future'.*newer clusterrank"):
        open_store(store_url)
