"""The Projects page in AppTest: import, open via ``?project=ID`` after a reload, rename,
duplicate, delete with confirmation and undo, and the read-only example copied on save;
weight sets saved on the Weights page are found by a fresh session."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.panel.snapshot import snapshot_scenario
from clusterrank.store import Store, open_store
from clusterrank.store.projects import (
    create_project,
    get_project,
    list_analyses,
    list_projects,
    panels_of_project,
    save_weight_set,
)
from tests.helpers.ui import (
    APP,
    ROOT,
    TIMEOUT,
    open_page,
    ranking_frame,
    ranking_ids,
    shown,
    start_app,
    texts,
)

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
KEMEROVO_CSV = ROOT / "configs" / "data" / "kemerovo_clusters.csv"
OPEN = "open_project"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "projects.db"))
    return open_store()


def _saved(db: Store, name: str = "Mine") -> str:
    text, _ = snapshot_scenario(KEMEROVO)
    with db.session() as s:
        return create_project(s, name=name, scenario_yaml=text).project_id


def _reopened(project_id: str, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["project"] = project_id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return open_page(at, page) if page else at


def _said(at: AppTest) -> str:
    """The page's text with its success messages."""
    return texts(at) + "\n" + "\n".join(shown(m.value) for m in at.success)


def _names(db: Store) -> list[str]:
    with db.session() as s:
        return sorted(p.name for p in list_projects(s))


def test_import_a_scenario_with_its_data_and_reopen_it_from_the_url(db: Store) -> None:
    at = open_page(start_app(), "projects")
    at.file_uploader(key="projects__upload_yaml").set_value(
        ("mine.yaml", KEMEROVO.read_bytes(), "application/x-yaml")
    )
    at.file_uploader(key="projects__upload_data").set_value(
        ("kemerovo_clusters.csv", KEMEROVO_CSV.read_bytes(), "text/csv")
    )
    at.text_input(key="projects__import_name").set_value("My clusters")
    at.button(key="projects__import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Imported 'My clusters' and opened it." in _said(at)
    project_id = at.session_state[OPEN]
    with db.session() as s:
        stored = get_project(s, project_id, with_data=True)
    assert stored.data_bytes == KEMEROVO_CSV.read_bytes()
    assert "file:" not in stored.scenario_yaml  # self-contained: figures inline
    again = _reopened(project_id)
    assert again.session_state[OPEN] == project_id
    assert again.session_state["loaded"].source == "project: My clusters"


def test_a_wrong_project_link_says_so_and_keeps_the_default(db: Store) -> None:
    at = _reopened("nope")
    assert "there is no project 'nope'" in texts(at)
    assert at.session_state["loaded"].source == "configs/scenarios/kemerovo_clusters.yaml"


def test_rename_duplicate_delete_with_confirmation_and_undo(db: Store) -> None:
    pid = _saved(db)
    at = open_page(start_app(), "projects")
    at.text_input(key=f"projects__name__{pid}").set_value("Renamed")
    at.button(key=f"projects__rename__{pid}").click().run()
    assert _names(db) == ["Renamed"]
    at.button(key=f"projects__dup__{pid}").click().run()
    assert _names(db) == ["Renamed", "Renamed (copy)"]
    at.button(key=f"projects__del__{pid}").click().run()
    assert _names(db) == ["Renamed", "Renamed (copy)"]  # nothing before the confirmation
    assert "Delete Renamed?" in texts(at)
    at.button(key=f"projects__yes__{pid}").click().run()
    assert _names(db) == ["Renamed (copy)"]
    assert "Deleted Renamed. Undo within 10 minutes." in texts(at)
    at.button(key="projects__undo").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _names(db) == ["Renamed", "Renamed (copy)"]
    assert "Restored 'Renamed'." in _said(at)


def test_saving_weights_in_an_example_makes_a_copy_and_a_fresh_session_finds_them(
    db: Store,
) -> None:
    at = open_page(start_app(), "projects")
    at.selectbox(key="projects__example").set_value(KEMEROVO.name)
    at.button(key="projects__open_example").click().run()
    example = at.session_state[OPEN]
    open_page(at, "weights")
    at.text_input(key="weightset__name").set_value("Planner's view")
    at.button(key="weightset__save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert 'Saved weight set "Planner\'s view" (sliders).' in _said(at)
    copy = at.session_state[OPEN]
    assert copy != example
    with db.session() as s:
        assert get_project(s, example).read_only
        assert not get_project(s, copy).read_only
    at.button(key="weightset__save").click().run()
    assert "already exists: choose another name or replace it" in texts(at)
    fresh = _reopened(copy, "weights")
    assert "Saved: Planner's view" in texts(fresh)


def test_ranking_compares_two_saved_weight_sets(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "weights")
    for name in ("A", "B"):
        at.text_input(key="weightset__name").set_value(name)
        at.button(key="weightset__save").click().run()
    open_page(at, "ranking")
    at.toggle(key="wscompare__show").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "change A→B" in d.value.columns)
    assert len(table) == 5  # Kemerovo's five clusters
    assert set(table["change A→B"]) == {0}  # the same weights saved twice


def _ranked(at: AppTest) -> list[tuple[str, float]]:
    """The Ranking page's table as (id, score) in rank order."""
    frame = ranking_frame(open_page(at, "ranking"))
    return [(str(i), float(s)) for i, s in zip(frame["id"], frame["score"], strict=True)]


def test_a_saved_weight_set_goes_back_on_the_sliders_and_gives_its_ranking(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "weights")
    groups = dict(at.session_state["slider_groups"])
    first = next(iter(groups))
    at.slider(key=f"w_group__{first}").set_value(90.0).run()
    saved_ranking = _ranked(at)
    open_page(at, "weights")
    at.text_input(key="weightset__name").set_value("Mostly one group")
    at.button(key="weightset__save").click().run()
    at.slider(key=f"w_group__{first}").set_value(5.0).run()
    assert _ranked(at) != saved_ranking  # the change moved the scores
    open_page(at, "weights")
    at.selectbox(key="weightset__pick").set_value("Mostly one group")
    at.button(key="weightset__use").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Weight set 'Mostly one group' is on the sliders now" in _said(at)
    assert at.slider(key=f"w_group__{first}").value == pytest.approx(90.0)
    restored = _ranked(at)
    assert [i for i, _ in restored] == [i for i, _ in saved_ranking]
    # stored as percentages and re-normalised: equal to rounding in the last digit
    assert [s for _, s in restored] == pytest.approx([s for _, s in saved_ranking], rel=1e-12)


def _use(at: AppTest, name: str) -> AppTest:
    open_page(at, "weights")
    at.selectbox(key="weightset__pick").set_value(name)
    at.button(key="weightset__use").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_ahp_weight_set_goes_back_in_the_ahp_editor_with_its_judgments(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "weights")
    at.segmented_control(key="weight_mode__pick").set_value("ahp").run()
    block, pairs = next(iter(at.session_state["ahp_values"].items()))
    a, b = next(iter(pairs)).split("|")
    judgment = f"ahp__{block}__{a}__{b}"
    at.select_slider(key=judgment).set_value(5).run()
    at.selectbox(key="ahp_derivation__pick").set_value("geometric_mean").run()
    saved_ranking = _ranked(at)
    open_page(at, "weights")
    at.text_input(key="weightset__name").set_value("Judged")
    at.button(key="weightset__save").click().run()
    assert "Saved weight set 'Judged' (ahp)." in _said(at)
    at.select_slider(key=judgment).set_value(-7).run()
    at.selectbox(key="ahp_derivation__pick").set_value("eigenvector").run()
    assert _ranked(at) != saved_ranking  # the change moved the scores
    at = _use(at, "Judged")
    assert "Weight set 'Judged' is in the AHP editor now" in _said(at)
    assert at.session_state["weight_mode"] == "ahp"
    assert at.segmented_control(key="weight_mode__pick").value == "ahp"
    assert at.select_slider(key=judgment).value == 5
    assert at.selectbox(key="ahp_derivation__pick").value == "geometric_mean"
    assert _ranked(at) == saved_ranking  # the same judgments: identical to the digit


def test_an_objective_weight_set_selects_its_method_again(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "weights")
    at.segmented_control(key="weight_mode__pick").set_value("objective").run()
    at.selectbox(key="objective__pick").set_value("critic").run()
    saved_ranking = _ranked(at)
    open_page(at, "weights")
    at.text_input(key="weightset__name").set_value("From the data")
    at.button(key="weightset__save").click().run()
    at.segmented_control(key="weight_mode__pick").set_value("sliders").run()
    at = _use(at, "From the data")
    assert at.segmented_control(key="weight_mode__pick").value == "objective"
    assert at.selectbox(key="objective__pick").value == "critic"
    assert _ranked(at) == saved_ranking


def test_an_old_ahp_weight_set_of_percentages_only_goes_on_the_sliders(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "weights")
    groups = dict(at.session_state["slider_groups"])
    local = {g: dict(b) for g, b in at.session_state["slider_local"].items()}
    first = next(iter(groups))
    groups = {g: (70.0 if g == first else 30.0 / (len(groups) - 1)) for g in groups}
    with db.session() as s:  # as saved before the AHP judgments were kept
        save_weight_set(s, pid, name="Old", mode="ahp", payload={"groups": groups, "local": local})
    at = _use(_reopened(pid, "weights"), "Old")
    assert "Weight set 'Old' is on the sliders now (saved from the ahp editor)." in _said(at)
    assert at.session_state["weight_mode"] == "sliders"
    assert at.slider(key=f"w_group__{first}").value == pytest.approx(70.0)


def test_save_a_ranking_list_it_and_reproduce_it_identically(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "ranking")
    at.selectbox(key="method__pick").set_value("vikor").run()
    at.text_input(key="rankingsave__name").set_value("VIKOR view")
    at.button(key="rankingsave__save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with db.session() as s:
        (saved,) = list_analyses(s, pid)  # in the database before the page says so
    assert "Saved the ranking 'VIKOR view'" in _said(at)
    assert saved.settings["method"] == "vikor"
    assert saved.settings["settings"] == at.session_state["method_settings"]["vikor"]
    assert saved.settings["weights"]["groups"] == pytest.approx(at.session_state["slider_groups"])
    by_rank = sorted(zip(saved.result["ranks"], saved.result["candidates"], strict=True))
    assert [c for _, c in by_rank] == ranking_ids(at)  # the result shown is the one stored
    fresh = _reopened(pid, "projects")
    assert "VIKOR view" in texts(fresh)
    assert "method vikor" in texts(fresh)
    fresh.button(key=f"analyses__reproduce__{saved.analysis_id}").click().run()
    assert not fresh.exception, [e.value for e in fresh.exception]
    assert "Reproduced: identical ranks and scores." in "\n".join(
        shown(m.value) for m in fresh.info
    )


def test_a_panel_created_with_a_project_open_is_listed_without_its_key(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "panel")
    at.text_input(key="pc__title").set_value("Kuzbass experts")
    at.text_area(key="pc__experts").set_value("id,name\ne1,Anna\ne2,Boris\n")
    next(b for b in at.button if b.label == "Create panel").click().run()
    assert not at.exception, [e.value for e in at.exception]
    panel_id, key = at.session_state["panel_new_key"]
    with db.session() as s:
        (listed,) = panels_of_project(s, pid)
    assert listed.panel_id == panel_id
    open_page(at, "projects")
    page = texts(at)
    assert "Panels of the open project" in page
    assert "**Kuzbass experts** · open · round 1 · created" in page
    assert "facilitator key" in page
    links = [el.proto for el in at.get("page_link")]
    assert any(panel_id in link.label and "panel" in link.page for link in links)
    assert key not in page
    assert all(key not in str(link) for link in links)


def test_a_saved_smaa_run_is_listed_and_reproduced_identically(db: Store) -> None:
    pid = _saved(db)
    at = _reopened(pid, "sensitivity")
    at.select_slider(key="sens__samples").set_value(1_000)
    at.number_input(key="sens__seed").set_value(5).run()
    job = at.session_state["sens__smaa_job"]
    assert job.wait(60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="senssave__name").set_value("Robustness check")
    at.button(key="senssave__save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Saved the SMAA run 'Robustness check' in the project" in _said(at)
    with db.session() as s:
        (saved,) = list_analyses(s, pid)
    assert saved.kind == "sensitivity"
    assert saved.settings["smaa"]["n_samples"] == 1_000
    assert saved.settings["smaa"]["seed"] == 5
    assert saved.settings["smaa"]["sampling"] == "around"  # the page's first choice
    assert saved.result["acceptability"] == job.result.acceptability.tolist()
    fresh = _reopened(pid, "projects")
    assert "Robustness check" in texts(fresh)
    assert "1,000 samples, seed 5, weights drawn around" in texts(fresh)
    fresh.button(key=f"analyses__reproduce__{saved.analysis_id}").click().run()
    assert not fresh.exception, [e.value for e in fresh.exception]
    assert "Reproduced: identical rank acceptabilities." in "\n".join(
        shown(m.value) for m in fresh.info
    )


def test_a_panel_created_on_a_read_only_example_belongs_to_its_copy(db: Store) -> None:
    at = open_page(start_app(), "projects")
    at.selectbox(key="projects__example").set_value(KEMEROVO.name)
    at.button(key="projects__open_example").click().run()
    example = at.session_state[OPEN]
    open_page(at, "panel")
    at.text_area(key="pc__experts").set_value("id,name\ne1,Anna\ne2,Boris\n")
    next(b for b in at.button if b.label == "Create panel").click().run()
    assert not at.exception, [e.value for e in at.exception]
    copy = at.session_state[OPEN]
    assert copy != example
    panel_id, _key = at.session_state["panel_new_key"]
    with db.session() as s:
        assert panels_of_project(s, example) == ()
        assert [p.panel_id for p in panels_of_project(s, copy)] == [panel_id]
