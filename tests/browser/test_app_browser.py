"""End to end in Chromium: the app opens on the Kemerovo ranking, a weight change re-orders
it, and the CSV download holds the new order. Screenshots of every page go to
``artifacts/screenshots/``."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AGRO = "Агропромышленный кластер Кемеровской области"
COAL = "«Комплексная переработка угля и техногенных отходов»"
SME_GROUP = "Share of small and medium-sized enterprises"


def ranking_names(page: Page) -> list[str]:
    """Candidate names in rank order, read from the first ranking table on the page."""
    table = page.get_by_test_id("stDataFrame").first
    expect(table.locator("table")).to_contain_text("Candidate")
    rows = table.locator("table tbody tr")
    return [rows.nth(k).locator("td").nth(2).inner_text().strip() for k in range(rows.count())]


def wait_for_leader(page: Page, name: str, timeout_s: float = 60.0) -> list[str]:
    """Poll the ranking table until ``name`` ranks first (the rerun has landed)."""
    deadline = time.monotonic() + timeout_s
    names = ranking_names(page)
    while names[:1] != [name] and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        names = ranking_names(page)
    return names


def go_to(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    expect(page.get_by_role("heading", name=title, exact=True).first).to_be_visible()
    wait_idle(page)


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished the rerun (no 'Running...' indicator)."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def shot(page: Page, folder: Path, name: str) -> None:
    page.wait_for_timeout(800)  # let charts finish drawing
    page.screenshot(path=str(folder / f"{name}.png"))


def test_ranking_reacts_to_a_weight_and_downloads_as_csv(
    page: Page, app_url: str, screenshots: Path
) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Ranking", exact=True)).to_be_visible()
    wait_idle(page)
    before = ranking_names(page)
    assert before[0] == COAL
    assert len(before) == 5
    shot(page, screenshots, "ranking")

    go_to(page, "Weights")
    slider = page.get_by_test_id("stSlider").filter(has_text=SME_GROUP).get_by_role("slider")
    slider.focus()
    slider.press("End")
    after = wait_for_leader(page, AGRO)
    assert after[0] == AGRO
    assert after != before
    shot(page, screenshots, "weights")

    go_to(page, "Ranking")
    assert ranking_names(page) == after

    go_to(page, "Export")
    with page.expect_download() as info:
        page.get_by_role("button", name="Ranking (CSV)").click()
    download = info.value
    target = screenshots.parent / download.suggested_filename
    download.save_as(target)
    frame = pd.read_csv(io.BytesIO(target.read_bytes()), encoding="utf-8-sig")
    assert frame["name"].tolist() == after
    assert frame["rank"].is_monotonic_increasing
    assert frame.loc[0, "id"] == "agro"
    assert frame.loc[0, "rank"] == 1
    old_rank = before.index(AGRO) + 1  # no ties in the file's ranking
    assert frame.loc[0, "rank_change"] == old_rank - 1
    assert "topsis" in frame.loc[0, "settings"]
    assert "normalization=vector" in frame.loc[0, "settings"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Scenario with these weights (YAML)").click()
    saved = yaml.safe_load(Path(info.value.path()).read_text(encoding="utf-8"))
    assert saved["weights"]["mode"] == "direct"
    assert saved["weights"]["groups"]["sme_share"] == pytest.approx(1.0)
    assert saved["candidates"][0]["name"] == COAL
    page.mouse.move(0, 0)
    shot(page, screenshots, "export")


def test_scenario_and_ahp_pages_render(page: Page, app_url: str, screenshots: Path) -> None:
    page.goto(app_url)
    wait_idle(page)
    go_to(page, "Scenario")
    expect(page.get_by_text("illustrative, not from any source").first).to_be_visible()
    expect(page.get_by_text("Кластер легкой промышленности").first).to_be_attached()
    page.get_by_role("heading", name="Criteria:").first.scroll_into_view_if_needed()
    shot(page, screenshots, "scenario")
    go_to(page, "Weights")
    page.get_by_text("AHP pairwise judgments", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("equally important").first).to_be_visible()
    # A cycle: infrastructure >> critical mass >> SME share >> infrastructure.
    judge(page, "Infrastructure of the territory", "Critical mass of participants", "Home")
    judge(page, "Critical mass of participants", "Share of small and medium-sized", "Home")
    judge(page, "Infrastructure of the territory", "Share of small and medium-sized", "End")
    warning = page.get_by_text("Inconsistent judgments: CR")
    expect(warning).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Suggested:")).to_have_count(3)
    page.get_by_role("heading", name="Groups").first.scroll_into_view_if_needed()
    warning.scroll_into_view_if_needed()
    shot(page, screenshots, "weights_ahp")


def judge(page: Page, left: str, right: str, key: str) -> None:
    """Move the judgment slider of a pair to an end: Home = left item extremely more
    important, End = right item."""
    row = page.get_by_test_id("stSlider").filter(has_text=left).filter(has_text=right)
    thumb = row.get_by_role("slider")
    thumb.focus()
    thumb.press(key)
    expect(row).to_contain_text("9 ·", timeout=60_000)
    wait_idle(page)
