"""No page of the app asks the internet for anything (fonts, icons, scripts, tiles).

An official's laptop on a closed network must get the whole app from the app's own server:
every page is opened in Chromium and every request whose host is not the app's is recorded
(and refused, so a slip fails fast instead of hanging). Once it was the favicon: Streamlit
fetched the ``:material/...:`` page icon from Google's font server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Route

from tests.browser.app_pages import app_pages, open_settled, page_url

pytestmark = pytest.mark.browser
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension"}


def test_no_page_requests_anything_outside_the_app(browser: BrowserContext, app_url: str) -> None:
    own = urlsplit(app_url).netloc
    outside: list[str] = []

    def guard(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in LOCAL_SCHEMES or parts.netloc == own:
            route.continue_()
            return
        outside.append(route.request.url)
        route.abort()

    tab = browser.new_page()
    tab.route("**/*", guard)
    seen: dict[str, list[str]] = {}
    try:
        for path, title in app_pages():
            before = len(outside)
            open_settled(tab, page_url(app_url, path))
            seen[title] = outside[before:]
    finally:
        tab.close()
    offending = {title: urls for title, urls in seen.items() if urls}
    assert not offending, f"pages that reach outside the app: {offending}"
    assert len(seen) >= 9
