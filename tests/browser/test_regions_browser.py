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


def whole_page(page: Page, path: Path, width: int = 1400) -> None:
    """Screenshot of the entire page: the viewport is grown to the content's height first
    (Streamlit scrolls inside its main block, so a plain full-page shot would cut it)."""
    page.set_viewport_size({"width": width, "height": 1300})
    page.wait_for_timeout(1000)  # the layout reflows at the new width before it is measured
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
    )
    page.set_viewport_size({"width": width, "height": int(height) + 120})
    wait_idle(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(1500)  # let the charts and tables redraw at the new size
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))


def test_regions_page_in_a_browser(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_idle(page)
    go_to(page, "Regions")
    headings = page.get_by_role("heading", level=2)
    expect(headings.first).to_have_text("Compare regions")  # the page opens on the comparison
    expect(page.get_by_test_id("stAlertContentInfo").first).to_contain_text(
        "every location quotient is 1 by construction"
    )
    expect(page.get_by_text("every LQ is 1").first).to_be_visible()
    expect(
        page.get_by_role("heading", name="Diversification: HHI per region and year")
    ).to_be_visible()
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts.nth(2)).to_be_attached(timeout=60_000)  # comparison, map, HHI (+ folded)
    expect(page.get_by_text("© EuroGeographics for the administrative boundaries")).to_be_visible()
    page.get_by_text("Location quotients (all 1 by construction").click()
    expect(page.get_by_text("Mining and quarrying").first).to_be_attached()

    full = rank_scenario_file(UK).to_frame()
    leader = full.iloc[0]
    expect(page.get_by_text(f"Rank {int(leader['rank'])} of 38:").first).to_be_visible()
    picker = page.get_by_test_id("stMultiSelect").filter(has_text="Regions to compare")
    search = picker.locator("input")
    search.click()
    page.keyboard.type("UKM7")  # findable by code...
    expect(page.get_by_role("option", name="Eastern Scotland (UKM7)")).to_be_visible()
    search.fill("")
    page.keyboard.type("Tees Val")  # ...and by name
    expect(page.get_by_role("option", name="Tees Valley and Durham (UKC1)")).to_be_visible()
    search.fill("")
    page.keyboard.press("Escape")
    page.mouse.click(5, 5)
    wait_idle(page)
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
    narrow = SHOT.with_name("regions_1024.png")
    whole_page(page, narrow, width=1024)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"horizontal scroll at 1024 px: {widths}"
