"""In Chromium, in Russian: the sidebar switch, a reload that stays Russian, Russian numbers.

Switch to Russian in the sidebar, reload (the URL keeps ``lang=ru``), move a weight on the
Weights page and read the Ranking with a decimal comma; then a screenshot of every page in
Russian at 1400 px (``artifacts/screenshots/ru_<page>.png``). The Russian texts come from the
shipped catalogue (``clusterrank/i18n/locale/ru``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from clusterrank.i18n import _, use_language
from tests.browser.app_pages import app_pages, open_settled, page_url

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CRITERIA = ROOT / "configs" / "criteria" / "five_groups.yaml"
RUSSIAN_SCORE = re.compile(r"-?\d+,\d{4}")  # 0,7413: four decimals after a comma
ENGLISH_SCORE = re.compile(r"\d\.\d{4}")
LANG_RU = re.compile(r"[?&]lang=ru\b")


def ru(text: str) -> str:
    """``text`` as the Russian interface shows it."""
    with use_language("ru"):
        return _(text)


def sme_group_ru() -> str:
    """The Russian title of the SME-share group of the Kemerovo criteria set."""
    groups = yaml.safe_load(CRITERIA.read_text(encoding="utf-8"))["groups"]
    title = next(g["title"] for g in groups if g["id"] == "sme_share")
    return str(title["ru"])


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=90_000)


def nav(page: Page) -> str:
    return page.get_by_test_id("stSidebarNav").inner_text()


def score_lines(page: Page) -> list[str]:
    """The captions of the leading candidates' cards ("score 0,7646 · change ▲ 2" in ru).

    (The grid draws on a canvas; its accessible copy holds the raw numbers, so the cards,
    which are text, are where the page's number format is read.)
    """
    words = ru("score {score} · change {change}").split("{")[0].strip()
    captions = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer")
    return [t for t in captions.all_inner_texts() if t.strip().startswith(words)]


def leader(page: Page) -> str:
    table = page.get_by_test_id("stDataFrame").first
    return table.locator("table tbody tr").first.locator("td").nth(1).inner_text().strip()


def test_switch_to_russian_reload_and_rank_in_russian_formats(
    page: Page, app_url: str, screenshots: Path
) -> None:
    open_settled(page, app_url)
    expect(page).to_have_url(re.compile(r"[?&]lang=\w+"))  # the language is in the URL

    page.get_by_test_id("stSidebar").get_by_role("radio", name="Русский").click()
    wait_idle(page)
    expect(page.get_by_test_id("stSidebarNav")).to_contain_text(ru("Ranking"))
    expect(page).to_have_url(LANG_RU)

    page.reload()
    wait_idle(page)
    expect(page.get_by_test_id("stSidebarNav")).to_contain_text(ru("Weights"))
    expect(page).to_have_url(LANG_RU)
    expect(page.get_by_role("heading", name=ru("Ranking"), exact=True)).to_be_visible()
    before = leader(page)

    page.get_by_test_id("stSidebarNav").get_by_text(ru("Weights"), exact=True).click()
    wait_idle(page)
    expect(page).to_have_url(LANG_RU)  # a page switch keeps it
    slider = page.get_by_test_id("stSlider").filter(has_text=sme_group_ru()).get_by_role("slider")
    slider.focus()
    slider.press("End")
    wait_idle(page)

    page.get_by_test_id("stSidebarNav").get_by_text(ru("Ranking"), exact=True).click()
    wait_idle(page)
    deadline = time.monotonic() + 60
    while leader(page) == before and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert leader(page) != before, "the weight moved, the ranking did not change"
    shown = score_lines(page)
    assert len(shown) == 3, shown
    assert all(RUSSIAN_SCORE.search(s) and not ENGLISH_SCORE.search(s) for s in shown), shown
    page.screenshot(path=str(screenshots / "ru_ranking_reweighted.png"))


def test_every_page_in_russian_screenshot(page: Page, app_url: str, screenshots: Path) -> None:
    assert page.viewport_size is not None
    assert page.viewport_size["width"] == 1400
    for path, title in app_pages():
        open_settled(page, page_url(app_url, path, "lang=ru"))
        expect(page.get_by_test_id("stSidebarNav")).to_contain_text(ru(title))
        expect(page).to_have_url(LANG_RU)
        page.screenshot(path=str(screenshots / f"ru_{path}.png"), full_page=True)
