"""The New scenario page in AppTest: a ';'-separated CSV with decimal commas is read, its
detected settings shown, its columns chosen, a preview ranking shown at once, and "Create"
saves it as a project in a temporary database; a bad file lists every problem and stores
nothing. The figures are made up for the tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.store import Store, open_store
from clusterrank.store.projects import get_project, list_projects
from tests.helpers.ui import open_page, start_app, texts

CSV = (
    "Cluster;Code;Investment, mln RUB;Cost per job, thous RUB;Export share, %\r\n"
    "Coal and coke;coal;2100,5;350,2;12,5\r\n"
    "Chemicals;chem;1 250,0;410,0;8,0\r\n"
    "Machinery;mach;980,25;;15,5\r\n"
    "Tourism;tour;310,0;120,0;н/д\r\n"
)
BAD = (
    "Cluster;Code;Investment, mln RUB;Jobs\n"
    "Coal;coal;2100,5;abc\n"
    "Chemicals;coal;1250,0;40\n"
    "Machinery;mach;lots;50\n"
)
RANKING = {"rank", "candidate", "score", "id"}


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "projects.db"))
    return open_store()


def _uploaded(name: str, text: str) -> AppTest:
    at = open_page(start_app(), "new_scenario")
    at.file_uploader(key="import__file").set_value((name, text.encode("utf-8"), "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _frame(at: AppTest, columns: set[str]) -> pd.DataFrame:
    for df in at.dataframe:
        if isinstance(df.value, pd.DataFrame) and set(df.value.columns) >= columns:
            return df.value
    raise AssertionError(f"no table with the columns {sorted(columns)}")


def test_a_semicolon_csv_with_decimal_commas_is_previewed_and_created(db: Store) -> None:
    at = _uploaded("my clusters.csv", CSV)
    shown = texts(at)
    assert "Detected in my clusters.csv" in shown
    assert "separator: ';'" in shown or "separator: semicolon" in shown.lower(), shown
    assert "decimal mark: comma (detected)" in shown
    assert "header row: row 1" in shown
    assert "4 candidate row(s), 5 column(s)" in shown
    assert at.selectbox(key="import__id_column").value == "Code"  # guessed from the header
    at.selectbox(key="import__name_column").set_value("Cluster").run()
    ranking = _frame(at, RANKING)
    assert sorted(ranking["id"]) == ["chem", "coal", "mach", "tour"]
    assert "topsis" in texts(at).lower()  # the preview's settings are named
    effect = _frame(at, {"candidate", "indicator", "what happens", "value used"})
    filled = dict(zip(effect["candidate"], effect["value used"], strict=True))
    assert filled == {"mach": 410.0, "tour": 8.0}  # the worst observed: cost max, benefit min
    assert db_names(db) == []  # nothing saved before "Create"
    at.text_input(key="import__project_name").set_value("Clusters 2024")
    at.button(key="import__create").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Created the project Clusters 2024 and opened it" in "\n".join(
        s.value.replace("\\", "") for s in at.success
    )
    project_id = at.session_state["open_project"]
    with db.session() as s:
        stored = get_project(s, project_id, with_data=True)
    assert stored.name == "Clusters 2024"
    assert stored.data_bytes == CSV.encode("utf-8")
    assert at.query_params["project"] in (project_id, [project_id])
    made = at.session_state["import__created"]
    assert "coal,2100.5,350.2,12.5" in made["csv"]  # decimal commas read as numbers
    assert at.session_state["loaded"].source == "project: Clusters 2024"


def db_names(db: Store) -> list[str]:
    with db.session() as s:
        return [p.name for p in list_projects(s)]


def test_a_bad_file_lists_every_problem_at_once_and_stores_nothing(db: Store) -> None:
    at = _uploaded("bad.csv", BAD)
    errors = [e.value.replace("\\", "") for e in at.error]
    heading = errors[0]
    assert "problems in bad.csv" in heading
    joined = "\n".join(errors[1:])
    assert "'abc'" in joined
    assert "'Jobs'" in joined
    assert "'lots'" in joined
    assert "'Investment, mln RUB'" in joined
    assert "id 'coal' is on two rows" in joined
    assert "bad.csv, line 2" in joined  # the row of 'abc'
    assert "bad.csv, line 4" in joined  # the row of 'lots'
    assert "write a number, or leave it empty" in joined  # the fix
    assert all("bad.csv" in e for e in errors[1:])  # every message names the user's file
    assert "/tmp" not in "\n".join(errors)  # never a server path
    assert at.button(key="import__create").disabled
    assert db_names(db) == []


def test_an_expert_scored_criterion_is_added_previewed_and_removed(db: Store) -> None:
    at = _uploaded("my clusters.csv", CSV)
    at.text_input(key="import__expert_title").set_value("Management quality")
    at.text_input(key="import__expert_anchors").set_value("1 = weak; 3 = average; 5 = strong")
    at.button(key="import__expert_add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "Management quality" in shown
    assert "1 = weak; 3 = average; 5 = strong" in shown
    assert "missing until a panel gives them or you type them" in shown
    assert "left out of this preview: management_quality" in shown.replace("\\", "")
    assert not at.button(key="import__create").disabled  # the rest ranks meanwhile
    at.button(key="import__expert_remove__management_quality").click().run()
    assert "left out of this preview" not in texts(at)
    assert at.session_state["import__expert"] == []


def test_made_ids_override_the_guessed_id_column(db: Store) -> None:
    at = _uploaded("my clusters.csv", CSV)
    assert at.selectbox(key="import__id_column").value == "Code"
    at.selectbox(key="import__name_column").set_value("Cluster").run()
    at.selectbox(key="import__id_column").set_value("(none: make ids from the names)").run()
    assert not at.exception, [e.value for e in at.exception]
    ranking = _frame(at, RANKING)
    assert sorted(ranking["id"]) == ["chemicals", "coal_and_coke", "machinery", "tourism"]


def test_an_ambiguous_number_points_at_the_decimal_mark_choice(db: Store) -> None:
    at = _uploaded("a.csv", 'Name,Jobs\nA,"1,200"\nB,5\n')
    joined = "\n".join(e.value.replace("\\", "") for e in at.error)
    assert "is ambiguous" in joined
    assert "choose the decimal mark" in joined
    assert "--decimal" not in joined
