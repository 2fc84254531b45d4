"""axe-core's WCAG 2.1 A and AA rules on every page of the app, in Chromium.

axe-core (Deque, MPL 2.0) comes bundled in ``axe-playwright-python``; it runs in the page, so no
request leaves the machine. Every page listed in ``streamlit_app.py`` is opened with the
shipped UK and Kemerovo data and must have no violation, colour contrast included (captions,
help text, selected controls: fixed through ``.streamlit/config.toml``). Disabled widgets are
left out: WCAG 1.4.3 exempts inactive components, and Streamlit marks their labels
``disabled``. Chart text (Vega SVG) is not seen by axe; ``chart_theme`` sets it and
``tests/ui/test_chart_theme.py`` checks its contrast.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext

from tests.browser.app_pages import app_pages, open_settled, page_url

pytestmark = pytest.mark.browser
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
INACTIVE = [["label[disabled]"], ["[aria-disabled='true']"], ["[disabled]"]]


def _violations(result: dict[str, Any]) -> list[str]:
    out = []
    for rule in result["violations"]:
        for node in rule["nodes"][:5]:
            summary = " ".join(str(node.get("failureSummary", "")).split())[:240]
            out.append(f"{rule['id']}: {node['html'][:160]} — {summary}")
    return out


@pytest.mark.parametrize("width", [1024, 1400])
def test_every_page_meets_wcag_aa(browser: BrowserContext, app_url: str, width: int) -> None:
    axe = Axe()
    tab = browser.new_page()
    tab.set_viewport_size({"width": width, "height": 1000})
    found: dict[str, list[str]] = {}
    checked: dict[str, int] = {}
    try:
        for path, title in app_pages():
            open_settled(tab, page_url(app_url, path))
            result = axe.run(
                tab,
                context={"exclude": INACTIVE},
                options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": []},
            ).response
            checked[title] = len(result["passes"]) + len(result["violations"])
            if result["violations"]:
                found[title] = _violations(result)
    finally:
        tab.close()
    assert not found, f"WCAG 2.1 AA violations at {width} px: {found}"
    assert all(n > 0 for n in checked.values()), checked  # axe ran on every page
    assert len(checked) >= 9
