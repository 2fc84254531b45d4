"""The shipped NUTS-2 boundaries: every region of the UK and EU scenarios has a polygon, the
map takes the chosen regions and their countries' others as context, and a code without a
polygon is reported, not guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from clusterrank.errors import ValidationFailed
from clusterrank.reports.regions_map import (
    BOUNDARIES_FILE,
    label_point,
    map_features,
    read_boundaries,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "configs" / "data"


@pytest.fixture(scope="module")
def shapes() -> dict[str, dict]:
    return read_boundaries(DATA / BOUNDARIES_FILE)


@pytest.mark.parametrize("table", ["uk_nuts2_innovation.csv", "eu_nuts2_indicators.csv"])
def test_every_scenario_region_has_a_polygon(shapes: dict[str, dict], table: str) -> None:
    ids = pd.read_csv(DATA / table, comment="#")["nuts_id"]
    assert set(ids) <= set(shapes)


def test_the_file_is_small_and_documented() -> None:
    assert (DATA / BOUNDARIES_FILE).stat().st_size < 400_000
    readme = (DATA / "README_regional.md").read_text(encoding="utf-8")
    assert BOUNDARIES_FILE in readme
    assert "© EuroGeographics for the administrative boundaries" in readme


def test_map_takes_the_chosen_and_their_countries_others(shapes: dict[str, dict]) -> None:
    candidates = ["UKC1", "UKJ1", "UKM7", "DE21", "XX99"]
    drawn = map_features(shapes, ["UKJ1", "XX99", "UKC1"], {"UKJ1": "Oxford"}, candidates)
    ids = [f["properties"]["nuts_id"] for f in drawn.features]
    assert ids == ["UKM7", "UKJ1", "UKC1"]  # context first (same country only), then chosen
    assert [f["properties"]["chosen"] for f in drawn.features] == [False, True, True]
    assert drawn.missing == ("XX99",)
    assert drawn.labels["nuts_id"].tolist() == ["UKJ1", "UKC1"]
    assert drawn.labels["name"].tolist()[0] == "Oxford"
    lon, lat = drawn.labels[["lon", "lat"]].to_numpy()[0]
    assert -2.0 < lon < 0.5
    assert 51.0 < lat < 52.5


def test_overseas_context_is_left_out(shapes: dict[str, dict]) -> None:
    """Canarias (ES70) would stretch a map of Spain to Africa: context keeps to Europe."""
    drawn = map_features(shapes, ["ES30"], {}, ["ES30", "ES70", "ES51"])
    assert [f["properties"]["nuts_id"] for f in drawn.features] == ["ES51", "ES30"]


def test_label_point_is_the_largest_rings_mean() -> None:
    square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    tiny = [[9, 9], [9.1, 9], [9, 9.1], [9, 9]]
    geometry = {"type": "MultiPolygon", "coordinates": [[tiny], [square]]}
    assert label_point(geometry) == pytest.approx((0.8, 0.8))


def test_an_unreadable_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "b.geojson"
    bad.write_text(json.dumps({"features": [{"geometry": {}}]}), encoding="utf-8")
    with pytest.raises(ValidationFailed, match="reinstall"):
        read_boundaries(bad)
