"""The Sensitivity page in Chromium: the five analyses drawn, the rank-acceptability heatmap
with its values, a long SMAA run stopped from its Stop button, and the UK scenario (38
regions) at 1024 px with no horizontal scroll. Screenshots go to ``artifacts/screenshots/``
(``sensitivity.png`` is the one in the README tour)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.app_pages import open_settled
from tests.browser.conftest import ROOT, serve
from tests.browser.test_app_browser import go_to, shot, wait_idle

pytestmark = pytest.mark.browser

CANDIDATES = (
    "«Комплексная переработка угля и техногенных отходов»",
    "Биомедицинский кластер Кемеровской области",
    "Туристско-рекреационный кластер «Шерегеш»",
    "Агропромышленный кластер Кемеровской области",
    "Кластер легкой промышленности",
)
SECTIONS = (
    "Which weight changes the result first",
    "Weight sweeps",
    "SMAA-2: how often each candidate takes each rank",
    "Method agreement",
    "AHP judgment uncertainty",
)


def chart(page: Page, name: str) -> Locator:
    """The Vega-Lite chart whose accessible name (``st.altair_chart(alt=...)``) has ``name``."""
    return page.locator(f'[data-testid="stVegaLiteChart"][aria-label*="{name}"]')


def scroll_to(page: Page, heading: str) -> None:
    page.get_by_role("heading", name=heading).first.evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.mouse.move(0, 0)


def test_sensitivity_page_shows_the_heatmap(page: Page, app_url: str, screenshots: Path) -> None:
    page.goto(app_url)
    wait_idle(page)
    go_to(page, "Sensitivity")
    for title in SECTIONS:
        expect(page.get_by_role("heading", name=title).first).to_be_attached()
    expect(page.get_by_text("The winner changes first when")).to_be_visible()
    heatmap = chart(page, "Rank acceptability heatmap")
    expect(heatmap).to_be_visible()
    for name in CANDIDATES:
        expect(heatmap).to_contain_text(name)
    expect(heatmap).to_contain_text("100%")  # the last candidate is always last
    box = heatmap.bounding_box()
    assert box is not None
    assert box["height"] > 200  # five readable rows, not a squeezed strip
    for label in ("against the weight of", "Spearman", "group weight under perturbed"):
        expect(chart(page, label)).to_be_attached()
    scroll_to(page, "Which weight changes the result first")
    shot(page, screenshots, "sensitivity_stability")
    scroll_to(page, SECTIONS[2])
    shot(page, screenshots, "sensitivity")
    scroll_to(page, "Method agreement")
    shot(page, screenshots, "sensitivity_agreement")


def test_a_long_smaa_run_stops_from_its_button(page: Page, app_url: str, screenshots: Path) -> None:
    """VIKOR scores sample by sample, so a million samples take minutes: the page shows a
    progress bar and Stop; Stop ends the run after the chunk under way and the page shows
    the samples drawn."""
    page.goto(app_url)
    wait_idle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Ranking method")
    picker.click()
    page.get_by_role("option", name="Distance-based (compromise) · VIKOR").click()
    wait_idle(page)
    go_to(page, "Sensitivity")
    expect(page.get_by_text("SMAA-2 (method=vikor").first).to_be_attached()
    slider = page.get_by_test_id("stSlider").filter(has_text="Weight samples")
    thumb = slider.get_by_role("slider")
    thumb.focus()
    thumb.press("End")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stProgress")).to_be_visible()
    scroll_to(page, SECTIONS[2])
    shot(page, screenshots, "sensitivity_running")
    # A click can land while the half-second progress fragment is rerunning, and Streamlit
    # then drops it (the button stays); a person clicks again, and so does this test.
    stopping = page.get_by_text("Stopping after the chunk under way")
    stopped_text = re.compile(r"Stopped after [\d,]+ of 1,000,000 samples")
    for _attempt in range(5):
        if stop.count() == 0 or stopping.count() or page.get_by_text(stopped_text).count():
            break
        stop.click()
        page.wait_for_timeout(3000)
    stopped = page.get_by_text(re.compile(r"Stopped after [\d,]+ of 1,000,000 samples"))
    expect(stopped).to_be_visible(timeout=120_000)
    expect(page.get_by_role("button", name="Run all 1,000,000 samples")).to_be_visible()
    expect(chart(page, "Rank acceptability heatmap")).to_be_visible()
    scroll_to(page, SECTIONS[2])
    shot(page, screenshots, "sensitivity_stopped")


UK = ROOT / "configs" / "scenarios" / "uk_nuts2_innovation.yaml"
TABLE_WIDTHS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(d => {
    const s = d.querySelector('.dvn-scroller');
    return [[...d.querySelectorAll('th')].map(t => t.textContent).join('|'),
            s ? s.scrollWidth : 0, s ? s.clientWidth : 0];
})"""


def test_uk_regions_at_1024_px(page: Page, screenshots: Path) -> None:
    """With the 38 UK regions on a 1024 px laptop: no horizontal scroll; the two stability
    tables show every column ("holds to", "below", "above") without scrolling inside; the
    sweep and the heatmap draw five named regions; a screenshot of the whole page."""
    with serve(env={"CLUSTERRANK_SCENARIO": str(UK)}, log_name="streamlit_uk.log") as url:
        page.set_viewport_size({"width": 1024, "height": 900})
        open_settled(page, f"{url}/sensitivity")
        expect(page.get_by_text("The charts draw 5 of the 38 candidates")).to_be_visible()
        expect(chart(page, "Rank acceptability heatmap")).to_contain_text("Inner London - West")
        expect(chart(page, "against the weight of")).to_contain_text("now 5.0%")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"horizontal scroll at 1024 px: {widths}"
        for header in ("holds to", "above 'holds to'"):  # the grids draw their headers late
            expect(
                page.locator("[data-testid='stDataFrame'] th", has_text=header).first
            ).to_be_attached()
        tables = page.evaluate(TABLE_WIDTHS)
        stability = [t for t in tables if "holds to" in t[0]]
        assert len(stability) >= 2, tables
        for headers, scroll, client in stability:
            assert scroll <= client + 1, f"columns off-screen in {headers}: {scroll} > {client}"
        height = page.evaluate(
            "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
        )
        page.set_viewport_size({"width": 1024, "height": int(height) + 120})
        wait_idle(page)
        page.mouse.move(0, 0)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(screenshots / "sensitivity_uk_1024.png"))
