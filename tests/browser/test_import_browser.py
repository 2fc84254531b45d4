"""Bring your own spreadsheet, in Chromium, against its own server and temporary database.

A new user uploads a ';'-separated CSV with decimal commas (12 clusters × 6 indicators,
illustrative figures generated here, from no source), picks the name column, sees the
detected settings and the preview ranking, creates the project, saves a weight set on the
Weights page, reloads, and finds the project and its weight set intact. Screenshots:
``artifacts/screenshots/import_*.png`` at 1400 px and 1024 px.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import serve
from tests.browser.test_app_browser import shot, wait_idle

pytestmark = pytest.mark.browser

WIDE = {"width": 1400, "height": 1300}
NARROW = {"width": 1024, "height": 900}
INDICATORS = (
    "Investment, mln RUB",
    "Jobs created",
    "Export share, %",
    "Cost per job, thous RUB",
    "Patents",
    "Payback, years",
)
WEIGHT_SET = "Analyst's first view"


def _csv() -> bytes:
    """12 rows × 6 indicators with decimal commas; illustrative figures, seeded."""
    rng = random.Random(12)
    lines = ["Region;Cluster;" + ";".join(INDICATORS)]
    for k in range(1, 13):
        cells = [f"{rng.uniform(100, 5000):.1f}", str(rng.randint(50, 900))]
        cells += [f"{rng.uniform(1, 40):.2f}", f"{rng.uniform(80, 900):.1f}"]
        cells += [str(rng.randint(0, 60)), f"{rng.uniform(2, 15):.1f}"]
        lines.append(f"Region {k};Cluster {k:02d};" + ";".join(c.replace(".", ",") for c in cells))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@pytest.fixture(scope="module")
def import_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose CLUSTERRANK_DB is a fresh temporary SQLite file."""
    db = tmp_path_factory.mktemp("import-db") / "projects.db"
    with serve({"CLUSTERRANK_DB": str(db)}, "streamlit_import.log") as url:
        yield url


def _nav(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_idle(page)


def _pick(page: Page, label: str, option: str) -> None:
    page.get_by_label(label).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def test_a_new_user_ranks_her_spreadsheet_and_finds_it_after_a_reload(
    chromium: Browser, import_url: str, screenshots: Path
) -> None:
    context = chromium.new_context(viewport=WIDE)  # type: ignore[arg-type]
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{import_url}/new_scenario")
    expect(page.get_by_role("heading", name="New scenario")).to_be_visible()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "my_clusters.csv", "mimeType": "text/csv", "buffer": _csv()}]
    )
    wait_idle(page)
    expect(page.get_by_text("Detected in my_clusters.csv")).to_be_visible()
    expect(page.get_by_text("decimal mark: comma (detected)")).to_be_visible()
    shot(page, screenshots, "import_detected")
    _pick(page, "Name column", "Cluster")  # the guess was "Region"
    expect(page.get_by_text("Preview ranking", exact=True)).to_be_visible()
    ranking = page.get_by_test_id("stDataFrame").filter(has_text="candidate").last
    expect(ranking).to_contain_text("Cluster 01")
    ranking.scroll_into_view_if_needed()
    shot(page, screenshots, "import_preview")
    page.set_viewport_size(NARROW)
    page.wait_for_timeout(500)
    shot(page, screenshots, "import_preview_1024")
    page.set_viewport_size(WIDE)
    page.get_by_label("Project name").fill("My 12 clusters")
    page.get_by_label("Project name").press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Create", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("Created the project My 12 clusters")).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_contain_text("project: My 12 clusters")
    assert re.search(r"[?&]project=", page.url), page.url
    shot(page, screenshots, "import_created")

    _nav(page, "Weights")
    page.get_by_label("Weight set name").fill(WEIGHT_SET)
    page.get_by_label("Weight set name").press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Save weight set").click()
    wait_idle(page)
    expect(page.get_by_text(f"Saved: {WEIGHT_SET}")).to_be_visible()

    page.reload()
    wait_idle(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("project: My 12 clusters")
    expect(page.get_by_text(f"Saved: {WEIGHT_SET}")).to_be_visible()
    _nav(page, "Projects")
    expect(page.get_by_text("My 12 clusters", exact=True)).to_be_visible()
    expect(page.get_by_text("open", exact=True)).to_be_visible()
    shot(page, screenshots, "import_projects_after_reload")
    page.set_viewport_size(NARROW)
    _nav(page, "Ranking")
    expect(page.get_by_test_id("stDataFrame").first).to_contain_text("Cluster")
    shot(page, screenshots, "import_ranking_1024")
    context.close()
