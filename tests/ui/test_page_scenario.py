"""The Scenario page in AppTest: criteria tree and data, shipped picker, uploads (valid and
invalid; an invalid one lists every problem and keeps the previous scenario)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.ui import ROOT, open_page, ranking_ids, shown, texts

KEMEROVO_YAML = (ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml").read_bytes()
KEMEROVO_CSV = (ROOT / "configs" / "data" / "kemerovo_clusters.csv").read_text("utf-8")

BROKEN = b"""\
id: broken
title: Broken upload
criteria_set: ../criteria/five_groups.yaml
colour: blue
candidates:
  - {id: a, name: A}
  - {id: a, name: A again}
missing_data: sometimes
weights:
  mode: direct
  groups: {infrastructure: -1, nowhere: 2}
"""


def _upload(at: AppTest, yaml_bytes: bytes, csv_text: str | None = None) -> AppTest:
    at.file_uploader(key="scenario__upload_yaml").set_value(
        ("my_scenario.yaml", yaml_bytes, "application/x-yaml")
    )
    if csv_text is not None:
        at.file_uploader(key="scenario__upload_data").set_value(
            ("my_data.csv", csv_text.encode("utf-8"), "text/csv")
        )
    at.button(key="scenario__load_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_scenario_page_shows_criteria_tree_and_marked_data(app: AppTest) -> None:
    """The criteria tree (five groups at 20 %, criteria with directions, units, weights and
    sources), the data table, and the legend naming imputed and illustrative cells."""
    open_page(app, "scenario")
    page = texts(app)
    assert "illustrative" in page
    assert "9 cell(s) filled by the missing-data policy" in page
    tree = next(df.value for df in app.dataframe if "direction" in df.value.columns)
    assert tree["group"].nunique() == 5
    assert all(g.endswith("(20%)") for g in tree["group"])
    assert "↑ benefit" in set(tree["direction"])
    assert "persons" in set(tree["unit"])
    assert tree["global weight"].sum() == pytest.approx(1.0)
    sources = next(df.value for df in app.dataframe if "source" in df.value.columns)
    assert len(sources) == len(tree)  # the sources in their own table, a row per criterion
    assert "Seed 003" in " ".join(sources["source"])


def test_invalid_upload_lists_every_problem_and_keeps_the_scenario(app: AppTest) -> None:
    """Each problem is its own error box naming the file and the place; nothing is replaced."""
    open_page(app, "scenario")
    _upload(app, BROKEN)
    errors = [shown(e.value) for e in app.error]
    assert "problem(s) in the upload; nothing was changed" in errors[0]
    assert "Still loaded: Kemerovo region clusters, 2017" in errors[0]
    details = "\n".join(errors[1:])
    for place in ("colour", "candidates", "missing_data", "weights.groups"):
        assert place in details, place
    assert all("my_scenario.yaml" in e for e in errors[1:])
    assert not any("Traceback" in e for e in errors)
    assert app.header[0].value == "Kemerovo region clusters, 2017"
    open_page(app, "ranking")
    assert ranking_ids(app)[0] == "coal"


def test_valid_upload_with_its_own_data_replaces_the_scenario(app: AppTest) -> None:
    """The shipped scenario uploaded with edited data (light industry now leads on every
    figure) is loaded from the upload and re-ranked."""
    lines = KEMEROVO_CSV.splitlines()
    lines = [ln for ln in lines if not ln.startswith("light,")]
    lines.append("light,99999,999,99999,99,99,1")
    open_page(app, "scenario")
    _upload(app, KEMEROVO_YAML, "\n".join(lines) + "\n")
    assert not app.error, [e.value for e in app.error]
    assert "uploaded: my_scenario.yaml" in texts(app)
    open_page(app, "ranking")
    assert ranking_ids(app)[0] == "light"


def test_upload_without_yaml_says_what_to_do(app: AppTest) -> None:
    open_page(app, "scenario")
    app.button(key="scenario__load_upload").click().run()
    assert any("choose a scenario YAML file" in e.value for e in app.error)


def test_shipped_picker_loads_the_ahp_scenario(app: AppTest) -> None:
    """Picking the AHP scenario loads it and switches the weights to its judgments."""
    open_page(app, "scenario")
    app.selectbox(key="scenario__shipped").set_value("kemerovo_clusters_ahp.yaml").run()
    assert not app.exception
    assert "AHP" in app.header[0].value
    assert app.session_state["weight_mode"] == "ahp"
