"""Projects on both backends: CRUD, weight-set names, soft delete and undo, concurrent saves."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from clusterrank.errors import NotFound, StoreError
from clusterrank.store import Store
from clusterrank.store.projects import (
    UNDO_WINDOW,
    create_project,
    delete_project,
    duplicate_project,
    get_project,
    link_panel,
    list_analyses,
    list_projects,
    list_weight_sets,
    panels_of_project,
    project_audit,
    project_panels,
    purge_deleted,
    rename_project,
    restore_project,
    save_analysis,
    save_weight_set,
)
from clusterrank.store.tx import utcnow
from tests.store.factory import make_panel

YAML = "scenario:\n  id: mine\n"
DATA = b"id;x\na;2100,5\n"


def _project(db: Store, name: str = "Mine", *, read_only: bool = False) -> str:
    with db.session() as s:
        made = create_project(
            s,
            name=name,
            scenario_yaml=YAML,
            data_name="mine.csv",
            data_bytes=DATA,
            read_only=read_only,
        )
    return made.project_id


def test_create_get_list_rename(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        got = get_project(s, pid, with_data=True)
        assert (got.name, got.scenario_yaml, got.data_name, got.data_bytes) == (
            "Mine",
            YAML,
            "mine.csv",
            DATA,
        )
        assert got.data_sha256 is not None
        assert len(got.scenario_sha256) == 64
        assert get_project(s, pid).data_bytes is None  # bytes only when asked for
        rename_project(s, pid, "  Renamed ")
        assert [p.name for p in list_projects(s)] == ["Renamed"]
        assert [a[1] for a in project_audit(s, pid)] == ["project.create", "project.rename"]
        with pytest.raises(StoreError, match="needs a name"):
            rename_project(s, pid, "   ")


def test_duplicate_copies_weight_sets_and_an_example_copy_is_editable(db: Store) -> None:
    example = _project(db, "Kemerovo", read_only=True)
    with db.session() as s, pytest.raises(StoreError, match="read-only: duplicate it"):
        save_weight_set(s, example, name="w", mode="sliders", payload={})
    with db.session() as s:
        copy = duplicate_project(s, example)
        assert (copy.name, copy.read_only) == ("Kemerovo (copy)", False)
        save_weight_set(s, copy.project_id, name="mine", mode="sliders", payload={"g": 50})
        again = duplicate_project(s, copy.project_id, "Third")
        assert [w.payload for w in list_weight_sets(s, again.project_id)] == [{"g": 50}]
        assert list_weight_sets(s, example) == ()


def test_weight_set_names_are_unique_and_overwrite_needs_confirmation(db: Store) -> None:
    pid = _project(db)
    with db.session() as s:
        save_weight_set(s, pid, name="Experts", mode="ahp", payload={"v": 1})
        with pytest.raises(StoreError, match="'Experts' already exists: choose another name"):
            save_weight_set(s, pid, name="Experts", mode="sliders", payload={"v": 2})
        assert [(w.mode, w.payload) for w in list_weight_sets(s, pid)] == [("ahp", {"v": 1})]
        save_weight_set(s, pid, name="Experts", mode="sliders", payload={"v": 2}, overwrite=True)
        assert [(w.mode, w.payload) for w in list_weight_sets(s, pid)] == [("sliders", {"v": 2})]
        with pytest.raises(StoreError, match="mode must be one of"):
            save_weight_set(s, pid, name="x", mode="guess", payload={})
    other = _project(db, "Other")
    with db.session() as s:  # the same name in another project is fine
        save_weight_set(s, other, name="Experts", mode="objective", payload={})


def test_soft_delete_hides_undo_restores_and_purge_removes_after_the_window(db: Store) -> None:
    pid, keep = _project(db, "Gone"), _project(db, "Kept")
    with db.session() as s:
        save_weight_set(s, pid, name="w", mode="sliders", payload={})
        delete_project(s, pid)
        assert [p.name for p in list_projects(s)] == ["Kept"]
        with pytest.raises(NotFound, match="no project"):
            get_project(s, pid)
        restore_project(s, pid)
        assert {p.name for p in list_projects(s)} == {"Gone", "Kept"}
        assert len(list_weight_sets(s, pid)) == 1
        delete_project(s, pid)
        late = utcnow() + UNDO_WINDOW + timedelta(seconds=1)
        with pytest.raises(NotFound, match="too late to undo"):
            restore_project(s, pid, now=late)
        assert purge_deleted(s) == 0  # still inside the window
        assert purge_deleted(s, now=late) == 1
        with pytest.raises(NotFound, match="no deleted project"):
            restore_project(s, pid)
        assert [p.project_id for p in list_projects(s)] == [keep]


def test_analyses_and_panel_links(db: Store) -> None:
    pid = _project(db)
    made = make_panel(db, 1)
    with db.session() as s:
        aid = save_analysis(
            s, pid, kind="ranking", name="Run 1", settings={"method": "topsis"}, result=[1, 2]
        )
        with pytest.raises(StoreError, match="ranking, sensitivity"):
            save_analysis(s, pid, kind="guess", name="x", settings={}, result={})
        assert [(a.analysis_id, a.settings, a.result) for a in list_analyses(s, pid)] == [
            (aid, {"method": "topsis"}, [1, 2])
        ]
        link_panel(s, pid, made.created.panel_id)
        assert project_panels(s, pid) == (made.created.panel_id,)
        (listed,) = panels_of_project(s, pid)
        assert (listed.panel_id, listed.status, listed.current_round) == (
            made.created.panel_id,
            "open",
            1,
        )
        assert not any("key" in f for f in vars(listed))  # the key is never read or shown


def _race(db: Store, pid: str, names: list[str]) -> list[str]:
    barrier = threading.Barrier(len(names))
    outcomes: list[str] = [""] * len(names)

    def save(i: int) -> None:
        with db.session() as s:
            barrier.wait()
            try:
                save_weight_set(s, pid, name=names[i], mode="sliders", payload={"i": i})
                outcomes[i] = "saved"
            except StoreError as exc:
                outcomes[i] = str(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(names))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def test_two_sessions_saving_weight_sets_at_once(db: Store) -> None:
    pid = _project(db)
    assert _race(db, pid, ["A", "B"]) == ["saved", "saved"]
    outcomes = _race(db, pid, ["Same", "Same"])
    assert sorted(outcomes)[1] == "saved", outcomes
    assert "already exists" in sorted(outcomes)[0], outcomes
    with db.session() as s:
        assert [w.name for w in list_weight_sets(s, pid)] == ["A", "B", "Same"]
