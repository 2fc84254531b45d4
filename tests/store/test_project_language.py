"""A project remembers its interface language, on both backends; migration 0003 adds it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from clusterrank.errors import NotFound, StoreError
from clusterrank.store import Store, migrate, open_store
from clusterrank.store.project_language import project_language, set_project_language
from clusterrank.store.projects import (
    create_project,
    delete_project,
    duplicate_project,
    get_project,
    list_projects,
    project_audit,
)

YAML = "scenario:\n  id: mine\n"


def _project(db: Store, *, read_only: bool = False) -> str:
    with db.session() as s:
        return create_project(s, name="Mine", scenario_yaml=YAML, read_only=read_only).project_id


def test_a_new_project_has_no_language_until_one_is_chosen(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        assert project_language(s, pid) is None
        assert get_project(s, pid).language is None


def test_the_chosen_language_is_stored_read_back_and_audited(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        before = get_project(s, pid).updated_at
        set_project_language(s, pid, "ru_RU.UTF-8")  # normalised to the language code
    with db.session() as s:
        assert project_language(s, pid) == "ru"
        info = get_project(s, pid)
        assert info.language == "ru"
        assert info.updated_at == before  # a preference, not a change of the project
        assert [p.language for p in list_projects(s)] == ["ru"]
        set_project_language(s, pid, "en")
        set_project_language(s, pid, "en")  # the same again writes nothing
        audit = [(a, d) for _, a, d in project_audit(s, pid) if a == "project.language"]
    assert audit == [
        ("project.language", {"from": None, "to": "ru"}),
        ("project.language", {"from": "ru", "to": "en"}),
    ]


def test_none_forgets_the_language_and_a_copy_keeps_it(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        set_project_language(s, pid, "ru")
        copy = duplicate_project(s, pid)
        assert copy.language == "ru"
        set_project_language(s, pid, None)
        assert project_language(s, pid) is None
        assert project_language(s, copy.project_id) == "ru"


def test_an_unknown_language_is_refused_naming_the_ones_spoken(db: Store) -> None:
    pid = _project(db)
    with db.session() as s, pytest.raises(StoreError, match=r"en, ru, not 'de'"):
        set_project_language(s, pid, "de")
    with db.session() as s:
        assert project_language(s, pid) is None


def test_a_read_only_example_keeps_no_language(db: Store) -> None:
    pid = _project(db, read_only=True)
    with db.session() as s, pytest.raises(StoreError, match="read-only"):
        set_project_language(s, pid, "ru")


def test_a_deleted_or_unknown_project_has_no_language(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        delete_project(s, pid)
    for wanted in (pid, "nope"):
        with db.session() as s, pytest.raises(NotFound):
            project_language(s, wanted)
        with db.session() as s, pytest.raises(NotFound):
            set_project_language(s, wanted, "ru")


def test_migration_0003_adds_the_column_and_downgrade_keeps_the_projects(store_url: str) -> None:
    db = open_store(store_url)
    assert migrate.head() == "0003_project_language"
    pid = _project(db)
    with db.session() as s:
        set_project_language(s, pid, "ru")
    migrate.downgrade(db.engine, "0002_projects")
    columns = {c["name"] for c in sa.inspect(db.engine).get_columns("project")}
    assert "language" not in columns
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT name FROM project")).scalars().all() == ["Mine"]
    migrate.upgrade(db.engine)
    with db.session() as s:
        assert get_project(s, pid).name == "Mine"
        assert project_language(s, pid) is None  # the column came back empty (NULL)
