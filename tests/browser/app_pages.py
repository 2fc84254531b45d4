"""The app's pages as ``streamlit_app.py`` lists them: (URL path, title), for per-page checks.

Read from the file itself, so a page added there is checked without editing the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
_PAGE = re.compile(
    r'st\.Page\(\s*(?:page=)?"ui/pages/(?P<file>\w+)\.py",\s*title=(?:_\()?"(?P<title>[^"]+)"'
)


def app_pages() -> list[tuple[str, str]]:
    """Every page of the navigation: its URL path (the file's stem) and its English title.

    The title is the catalogue's message id (``title=_("Ranking")``): ``_(title)`` in a
    language gives the title the navigation shows in it.
    """
    text = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    found = [(m["file"], m["title"]) for m in _PAGE.finditer(text)]
    assert len(found) >= 9, f"expected the app's pages in streamlit_app.py, found {found}"
    return found


def default_page() -> str:
    """The file stem of the page marked ``default=True`` (served at ``/``, not ``/<stem>``)."""
    text = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    calls = re.findall(r"st\.Page\((?:[^()]|\([^()]*\))*\)", text)
    marked = [c for c in calls if "default=True" in c]
    assert len(marked) == 1, f"expected one default page in streamlit_app.py, found {marked}"
    found = re.search(r"ui/pages/(\w+)\.py", marked[0])
    assert found, marked[0]
    return found.group(1)


def page_url(app_url: str, path: str, query: str = "") -> str:
    """The address of page ``path``: ``/`` for the default page (``/ranking`` is not found)."""
    where = "" if path == default_page() else path
    return f"{app_url}/{where}" + (f"?{query}" if query else "")


def open_settled(page: Page, url: str) -> None:
    """Open ``url`` and wait until the script has run and the charts have drawn."""
    page.goto(url)
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=90_000)
    expect(page.get_by_test_id("stMainBlockContainer")).to_be_visible()
    page.wait_for_timeout(1500)  # charts and grids draw after the script has finished
