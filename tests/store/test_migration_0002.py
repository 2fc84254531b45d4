"""Upgrading a database made by 0001_initial to 0002_projects keeps every panel row intact."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from clusterrank.store import migrate, open_store, round_answers, save_judgment
from clusterrank.store.engine import Store, engine_for, resolve_url
from clusterrank.store.projects import create_project, list_projects
from tests.store.factory import make_panel
from tests.store.test_migrations import PANEL_TABLES, TABLES

PANEL_DATA = ("panel", "expert", "round", "judgment", "audit_log")


def _counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in PANEL_DATA
        }


def test_a_0001_database_with_panel_data_upgrades_to_0002_intact(store_url: str) -> None:
    engine = engine_for(resolve_url(store_url))
    migrate.upgrade(engine, "0001_initial")
    assert set(sa.inspect(engine).get_table_names()) == PANEL_TABLES
    # Fill the old schema through the repository (the ORM's panel tables are unchanged).
    old = Store(
        url=resolve_url(store_url),
        engine=engine,
        session=sessionmaker(engine, expire_on_commit=False),
        reader=sessionmaker(engine, expire_on_commit=False),
    )
    made = make_panel(old, 3)
    identity = made.identity(old, "e01")
    with old.session() as s:
        save_judgment(
            s, identity, round_number=1, node="groups", row="a", column="b", value=3.0, version=0
        )
    before = _counts(engine)
    with old.session() as s:
        answers_before = round_answers(s, made.access)

    db = open_store(store_url)  # upgrades to head

    assert migrate.current(db.engine) == migrate.head() == "0003_project_language"
    assert set(sa.inspect(db.engine).get_table_names()) == TABLES
    assert _counts(db.engine) == before
    with db.session() as s:
        assert round_answers(s, made.access) == answers_before
        create_project(s, name="After upgrade", scenario_yaml="scenario: {}\n")
    with db.session() as s:
        assert [p.name for p in list_projects(s)] == ["After upgrade"]


def test_downgrade_to_0001_keeps_panels_and_upgrade_again(store_url: str) -> None:
    db = open_store(store_url)
    made = make_panel(db, 2)
    with db.session() as s:
        create_project(s, name="Dropped on downgrade", scenario_yaml="x: 1\n")
    before = _counts(db.engine)
    migrate.downgrade(db.engine, "0001_initial")
    assert set(sa.inspect(db.engine).get_table_names()) == PANEL_TABLES
    assert _counts(db.engine) == before
    migrate.upgrade(db.engine)
    assert set(sa.inspect(db.engine).get_table_names()) == TABLES
    assert _counts(db.engine) == before
    with db.session() as s:
        assert list_projects(s) == ()
        assert round_answers(s, made.access).judgments == ()
