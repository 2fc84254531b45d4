"""An expert panel end to end in Chromium, against its own server and temporary database.

The facilitator creates the panel on the Panel page; three experts open their personal links
in three separate browser contexts at once and answer; one reloads mid-way and finds their
answers; the facilitator's progress shows all three without a manual refresh; the round
closes; the results show the aggregated weights; after apply the Ranking page ranks as
the panel's recorded result does. Screenshots of each step:
``artifacts/screenshots/panel_*.png`` (1400 px, and the expert page at 1024 px, where no
column may be cut off).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import serve
from tests.browser.test_app_browser import ranking_names, shot, wait_idle

pytestmark = pytest.mark.browser

EXPERTS = "id,name,group\ne1,Anna,science\ne2,Boris,business\ne3,Vera,government\n"
WIDE = {"width": 1400, "height": 1300}
NARROW = {"width": 1024, "height": 900}
PAIRS_EACH = 4  # judgments each expert gives (of 11): the first group against every other


@pytest.fixture(scope="module")
def panel_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's panel database: a fresh temporary SQLite file."""
    return tmp_path_factory.mktemp("panel-db") / "panel.db"


@pytest.fixture(scope="module")
def panel_url(panel_db: Path) -> Iterator[str]:
    """A second server whose CLUSTERRANK_DB is ``panel_db``."""
    with serve({"CLUSTERRANK_DB": str(panel_db)}, "streamlit_panel.log") as url:
        yield url


def _recorded_ranking(db: Path) -> list[str]:
    """Candidate names in rank order from the newest result the panel recorded."""
    with closing(sqlite3.connect(db)) as conn:
        (payload,) = conn.execute(
            "SELECT payload FROM result_snapshot ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return [row["name"] for row in json.loads(payload)["ranking"]]


def _new_page(chromium: Browser, viewport: dict[str, int]) -> Page:
    context = chromium.new_context(viewport=viewport)  # type: ignore[arg-type]
    context.set_default_timeout(60_000)
    return context.new_page()


def _section(page: Page, name: str) -> None:
    page.get_by_test_id("stButtonGroup").get_by_text(name, exact=True).click()
    wait_idle(page)


def _answered(page: Page, n: int) -> None:
    expect(page.get_by_text(f"{n} of 11 answered")).to_be_visible(timeout=60_000)


def _judge(page: Page, k: int, steps: int) -> None:
    """Move the k-th pair's slider ``steps`` stops towards its left item (saved at once)."""
    thumb = page.get_by_role("slider").nth(k)
    thumb.focus()
    for _ in range(steps):
        thumb.press("ArrowLeft")
    page.wait_for_timeout(400)
    wait_idle(page)


def _not_cut(page: Page, selector: str) -> None:
    """Every element matching ``selector`` lies inside the viewport's width."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    boxes = page.locator(selector)
    for i in range(boxes.count()):
        box = boxes.nth(i).bounding_box()
        if box is not None and box["width"] > 0:
            assert box["x"] >= 0, (selector, i, box)
            assert box["x"] + box["width"] <= width + 1, (selector, i, box, width)


def test_panel_in_the_browser(
    chromium: Browser, panel_url: str, panel_db: Path, screenshots: Path
) -> None:
    host = _new_page(chromium, WIDE)
    host.goto(panel_url)
    expect(host.get_by_test_id("stSidebarNav")).to_be_visible()
    wait_idle(host)
    before = ranking_names(host)

    # The facilitator creates the panel in the browser.
    host.goto(f"{panel_url}/panel")
    expect(host.get_by_role("heading", name="Expert panel")).to_be_visible()
    host.get_by_label("Experts (CSV: id,name[,group,weight])").fill(EXPERTS)
    host.get_by_role("button", name="Create panel").click()
    wait_idle(host)
    expect(host.locator("code").filter(has_text="token=")).to_have_count(3, timeout=60_000)
    links = [t.strip() for t in host.locator("code").all_inner_texts() if "token=" in t]
    assert len(links) == 3
    shot(host, screenshots, "panel_facilitator_links")

    # Three experts, three browser contexts, all open at once.
    experts = [_new_page(chromium, WIDE) for _ in links]
    for page, link in zip(experts, links, strict=True):
        page.goto(link)
    for page in experts:
        _answered(page, 0)
        expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    for k in range(PAIRS_EACH):
        for e, page in enumerate(experts):
            _judge(page, k, 8 - e % 2)  # everyone puts the first group far ahead
        if k == 1:  # one expert reloads mid-way and finds their two answers
            experts[0].reload()
            _answered(experts[0], 2)
            expect(experts[0].get_by_text(re.compile(r"^Saved: "))).to_have_count(2)
    for page in experts:
        _answered(page, PAIRS_EACH)
    shot(experts[0], screenshots, "panel_expert")
    narrow = _new_page(chromium, NARROW)
    narrow.goto(links[1])
    _answered(narrow, PAIRS_EACH)
    _not_cut(narrow, "[data-testid='stColumn']")
    _not_cut(narrow, "[data-testid='stSlider'], [data-testid='stCheckbox']")
    shot(narrow, screenshots, "panel_expert_1024")
    experts[2].get_by_role("button", name="Submit my answers").click()
    wait_idle(experts[2])

    # Progress refreshes on its own.
    _section(host, "Progress")
    table = host.get_by_test_id("stTable")
    expect(table).to_contain_text(f"{PAIRS_EACH} of 11", timeout=30_000)
    expect(table.locator("tbody tr")).to_have_count(3)
    for row in range(3):
        expect(table.locator("tbody tr").nth(row)).to_contain_text(f"{PAIRS_EACH} of 11")
    shot(host, screenshots, "panel_facilitator")
    host.set_viewport_size(NARROW)
    host.wait_for_timeout(500)
    _not_cut(host, "[data-testid='stTable'] th, [data-testid='stTable'] td")
    shot(host, screenshots, "panel_progress_1024")
    host.set_viewport_size(WIDE)

    # Close the round; results; apply.
    _section(host, "Rounds")
    host.get_by_role("button", name="Close the round").click()
    wait_idle(host)
    expect(host.get_by_text("is closed")).to_be_visible()
    _section(host, "Results")
    host.get_by_role("button", name="Compute results").click()
    wait_idle(host)
    expect(host.get_by_text("Aggregated weights")).to_be_visible()
    expect(host.get_by_test_id("stTable").first).to_contain_text("weight")
    shot(host, screenshots, "panel_results")
    _section(host, "Apply and export")
    host.get_by_role("button", name="Apply the panel's result to the scenario").click()
    wait_idle(host)
    expect(host.get_by_text("Applied:")).to_be_visible()
    expect(host.get_by_test_id("stSidebar")).to_contain_text("round 1, AIJ")
    host.get_by_test_id("stSidebarNav").get_by_text("Ranking", exact=True).click()
    wait_idle(host)
    after = ranking_names(host)
    assert sorted(after) == sorted(before)
    # The Ranking page now ranks with the panel's weights: exactly the panel's own ranking
    # (how far it moved from the file's depends on how the sliders were dragged).
    assert after == _recorded_ranking(panel_db)
    assert "round 1, AIJ" in host.get_by_test_id("stSidebar").inner_text()
    shot(host, screenshots, "panel_ranking_applied")
