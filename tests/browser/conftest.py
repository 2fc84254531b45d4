"""A real browser against the real app: the app served on a free localhost port, Chromium
driven by Playwright.

``app_url`` starts ``streamlit run streamlit_app.py`` in a subprocess, waits for
``/_stcore/health`` and stops it afterwards (its log goes to ``artifacts/streamlit.log``).
``page`` opens Debian's Chromium (never a downloaded one) with a fresh, empty profile. A
missing Chromium is a failure, not a skip: ``make test`` installs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT = 90.0
# A rerun on a shared 2-core machine can take longer than Playwright's default 5 s; waiting is
# not what these tests measure (benchmarks do, as ratios), so assertions wait up to 20 s.
expect.set_options(timeout=20_000)


def chromium_path() -> str:
    """Debian's chromium, or a failure telling how to get it."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "/usr/bin/chromium"):
        if candidate and (found := shutil.which(candidate)):
            return found
    pytest.fail(
        "Chromium not found: the browser tests need Debian's chromium. "
        "`make test` installs it (apt-get install chromium); or set CHROMIUM=/path/to/chromium."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextlib.contextmanager
def serve(env: dict[str, str] | None = None, log_name: str = "streamlit.log") -> Iterator[str]:
    """``streamlit run streamlit_app.py`` on a free port (extra ``env``); its URL, then stop."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with (ARTIFACTS / log_name).open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while not _healthy(url):
                if process.poll() is not None:
                    pytest.fail(
                        f"streamlit exited with {process.returncode}; see artifacts/{log_name}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT:.0f} s")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app served by ``streamlit run`` on a free port; stopped after the session."""
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright driver for the whole session (the sync API allows only one)."""
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium as a browser that makes separate contexts (separate users)."""
    found = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=["--headless", *CHROMIUM_ARGS]
    )
    try:
        yield found
    finally:
        found.close()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[BrowserContext]:
    """Debian's Chromium with a new, empty profile, 1400×1300, downloads accepted."""
    executable = chromium_path()
    with tempfile.TemporaryDirectory(prefix="clusterrank-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=["--headless", *CHROMIUM_ARGS],
            viewport={"width": 1400, "height": 1300},
            accept_downloads=True,
        )
        context.set_default_timeout(60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    """A new tab (a new Streamlit session), closed after the test."""
    tab = browser.new_page()
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
