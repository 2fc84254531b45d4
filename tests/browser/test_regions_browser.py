"""The Regions page in Chromium: the shipped seed 003 table analysed (heatmap, HHI series,
screening, profile), UK regions side by side with their ranks, the LQ table downloaded as CSV,
and a screenshot of the whole page saved to ``artifacts/screenshots/regions.png``."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from clusterrank.analysis.ranking import rank_scenario_file
from clusterrank.reports.regions_view import specialisation_view
from tests.browser.conftest import ROOT
from tests.browser.test_app_browser import go_to, wait_idle

pytestmark = pytest.mark.browser

TABLE1 = ROOT / "configs" / "data" / "seed003_table1_gva_structure.csv"
UK = ROOT / "configs" / "scenarios" / "uk_nuts2_innovation.yaml"
SHOT = ROOT / "artifacts" / "screenshots" / "regions.png"  # `make screenshots` copies it to docs/


def whole_page(page: Page, path: Path) -> None:
    """Screenshot of the entire page: the viewport is grown to the content's height first
    (Streamlit scrolls inside its main block, so a plain full-page shot would cut it)."""
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
    )
    page.set_viewport_size({"width": 1400, "height": int(height) + 120})
    wait_idle(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(1500)  # let the charts and tables redraw at the new size
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))


def test_regions_page_in_a_browser(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_idle(page)
    go_to(page, "Regions")
    expect(page.get_by_role("heading", name="Location quotients")).to_be_visible()
    expect(page.get_by_test_id("stAlertContentInfo").first).to_contain_text("every LQ is 1")
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(4, timeout=60_000)  # heatmap, HHI, profile, comparison
    expect(page.get_by_text("Mining and quarrying").first).to_be_attached()

    full = rank_scenario_file(UK).to_frame()
    leader = full.iloc[0]
    expect(page.get_by_text(f"Rank {int(leader['rank'])} of 38").first).to_be_visible()
    expect(page.get_by_text("known false zero").first).to_be_visible()
    expect(page.get_by_text("Attribution: Contains data from the Nesta BEIS")).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("button", name="LQ table (CSV)").click()
    got = pd.read_csv(io.BytesIO(Path(info.value.path()).read_bytes()), encoding="utf-8-sig")
    expected = specialisation_view(
        TABLE1.read_text(encoding="utf-8-sig"), "table1", total_sector="total"
    ).lq
    assert list(got.columns) == list(expected.columns)
    np.testing.assert_allclose(
        got.drop(columns=["region_id"]), expected.drop(columns=["region_id"])
    )

    whole_page(page, SHOT)
    assert SHOT.stat().st_size > 50_000
