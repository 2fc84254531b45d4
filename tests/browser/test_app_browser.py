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
from playwright.sync_api import Browser, Page, expect

from tests.browser.app_pages import open_settled
from tests.browser.conftest import serve
from tests.helpers.synthetic import write_synthetic_scenario

pytestmark = pytest.mark.browser

AGRO = "Агропромышленный кластер Кемеровской области"
COAL = "«Комплексная переработка угля и техногенных отходов»"
SME_GROUP = "Share of small and medium-sized enterprises"


def ranking_names(page: Page) -> list[str]:
    """Candidate names in rank order, read from the first ranking table on the page."""
    table = page.get_by_test_id("stDataFrame").first
    expect(table.locator("table")).to_contain_text("Candidate")
    rows = table.locator("table tbody tr")
    return [rows.nth(k).locator("td").nth(1).inner_text().strip() for k in range(rows.count())]


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


UK_SCENARIO = "configs/scenarios/uk_nuts2_innovation.yaml"
AT_SCALE = (("", "Ranking"), ("weights", "Weights"), ("scenario", "Scenario"), ("export", "Export"))
WIDEST = """() => {
  const width = window.innerWidth;
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('[data-testid=stDataFrame]')) continue;  // a grid scrolls inside itself
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) wide.push(el.tagName + ' ' + Math.round(box.right));
  }
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
}"""


def no_horizontal_scroll(page: Page, where: str) -> None:
    """The page is no wider than the window, and nothing in the main block sticks out."""
    found = page.evaluate(WIDEST)
    assert found["scroll"] <= found["width"], (where, found)
    assert not found["wide"], (where, found)


def full_shot(page: Page, folder: Path, name: str, width: int) -> None:
    """The whole main column: the window made as tall as the page, then shot."""
    measure = "document.querySelector('[data-testid=stMain]').scrollHeight"
    height, previous = page.evaluate(measure), -1
    deadline = time.monotonic() + 60
    while height != previous and time.monotonic() < deadline:  # until the page stops growing
        page.wait_for_timeout(1500)
        previous, height = height, page.evaluate(measure)
    page.set_viewport_size({"width": width, "height": min(int(height) + 100, 8000)})
    page.wait_for_timeout(1500)  # charts redraw at the new size
    shot(page, folder, name)
    page.set_viewport_size({"width": width, "height": 900})


@pytest.mark.parametrize(("scenario", "widths"), [("uk", (1024, 1400)), ("synthetic250", (1024,))])
def test_pages_hold_up_at_real_sizes(
    chromium: Browser, screenshots: Path, tmp_path: Path, scenario: str, widths: tuple[int, ...]
) -> None:
    """UK (38 regions) at 1024 and 1400 px, the synthetic 250 at 1024 px: Ranking, Weights,
    Scenario and Export scroll only downwards; the Weights page's lock labels show."""
    path = UK_SCENARIO if scenario == "uk" else str(write_synthetic_scenario(tmp_path))
    with serve(env={"CLUSTERRANK_SCENARIO": path}, log_name=f"streamlit_{scenario}.log") as url:
        page = chromium.new_page(viewport={"width": widths[0], "height": 900})
        try:
            for width in widths:
                page.set_viewport_size({"width": width, "height": 900})
                for path_part, title in AT_SCALE:
                    open_settled(page, f"{url}/{path_part}")
                    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
                    no_horizontal_scroll(page, f"{title} at {width} px")
                    if title == "Weights":
                        lock = page.get_by_text("Lock", exact=True).first
                        expect(lock).to_be_visible()
                        assert lock.bounding_box()["width"] > 20  # type: ignore[index]
                    if title == "Ranking":
                        full_shot(page, screenshots, f"ranking_{scenario}_{width}", width)
        finally:
            page.close()
