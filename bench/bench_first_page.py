"""How long the app's first page takes in Chromium, as a ratio to an empty Streamlit page.

Two ``streamlit run`` servers on free localhost ports: the app (``streamlit_app.py``, which
opens on the Ranking page of the shipped Kemerovo scenario) and a one-line page. Debian's
Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) is driven headless by Playwright; every
load is a new tab, so a new Streamlit session, on a warm server (one warm-up load first).
Times run from the start of navigation to:

- the app: the ranking table visible ("table"), and settled: the last change to the page
  before it stayed unchanged for ``QUIET_MS`` (a MutationObserver on the whole document,
  attributes included, so charts, tables and status indicators all count);
- the empty page: its one line of text visible.

Each is the median of ``--loads`` loads; the ratio divides by the empty page's median. The
warm-up load of the app is shown too: the first visitor after a start pays the imports.
Target (issue 9): the app's first page under 1.5 s.

Run: ``python -m bench.bench_first_page [--quick] [--loads N]``. Prints a markdown table and
writes it to ``bench/results/first_page.md``.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
APP = ROOT / "streamlit_app.py"
EMPTY_TEXT = "empty page ready"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STARTUP_TIMEOUT = 90.0
LOAD_TIMEOUT_MS = 60_000
QUIET_MS = 1_000
WATCH_MUTATIONS = """
window.__lastMutation = performance.now();
new MutationObserver(() => { window.__lastMutation = performance.now(); }).observe(
  document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


@dataclass(frozen=True)
class Row:
    case: str
    until: str
    median_ms: float
    ratio: float


def chromium() -> str:
    """Debian's Chromium (``$CHROMIUM`` first); never a downloaded one."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "chromium"):
        if candidate and (found := shutil.which(candidate)):
            return found
    msg = "Chromium not found: apt-get install chromium, or set CHROMIUM=/path/to/chromium"
    raise RuntimeError(msg)


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


@contextmanager
def served(script: Path, cwd: Path = ROOT) -> Iterator[str]:
    """``streamlit run script`` (from ``cwd``) on a free port; yields its URL, stops it after."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
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
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _healthy(url):
            if process.poll() is not None:
                msg = f"streamlit run {script.name} exited with {process.returncode}"
                raise RuntimeError(msg)
            if time.monotonic() > deadline:
                msg = f"streamlit run {script.name} not healthy after {STARTUP_TIMEOUT:.0f} s"
                raise RuntimeError(msg)
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _load_app(context: BrowserContext, url: str) -> tuple[float, float]:
    """One load of the app in a new tab: seconds to the ranking table, and to settled."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        table = page.get_by_test_id("stDataFrame").first
        table.wait_for(state="visible", timeout=LOAD_TIMEOUT_MS)
        shown = time.perf_counter() - start
        settled = _settled(page, start)
        errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
        if errors.count():
            msg = "the app showed an error during the benchmark"
            raise RuntimeError(msg)
        return shown, settled
    finally:
        page.close()


def _settled(page: Page, start: float) -> float:
    """Seconds from ``start`` to the page's last change, once it has been quiet for QUIET_MS."""
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        quiet_ms = float(page.evaluate("performance.now() - window.__lastMutation"))
        now = time.perf_counter()
        if quiet_ms >= QUIET_MS:
            return now - quiet_ms / 1000 - start
        page.wait_for_timeout(50)
    msg = f"the page kept changing for {LOAD_TIMEOUT_MS / 1000:.0f} s"
    raise RuntimeError(msg)


def _load_empty(context: BrowserContext, url: str) -> float:
    """One load of the one-line page in a new tab: seconds to its text."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.get_by_text(EMPTY_TEXT).wait_for(state="visible", timeout=LOAD_TIMEOUT_MS)
        return time.perf_counter() - start
    finally:
        page.close()


T = TypeVar("T")


def _repeat(loads: int, once: Callable[[], T]) -> tuple[T, list[T]]:
    """The first (cold) load, then ``loads`` warm ones."""
    first = once()  # warm-up: the server imports the app's modules, the browser caches files
    return first, [once() for _ in range(loads)]


def run(loads: int) -> list[Row]:
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="clusterrank-bench-") as folder,
        sync_playwright() as pw,
    ):
        empty = Path(folder) / "empty_page.py"
        empty.write_text(f"import streamlit as st\nst.write({EMPTY_TEXT!r})\n", encoding="utf-8")
        browser = pw.chromium.launch(
            executable_path=chromium(), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1300})
            context.add_init_script(WATCH_MUTATIONS)
            with served(empty) as url:
                _, warm = _repeat(loads, lambda: _load_empty(context, url))
                empty_times = warm
            with served(APP) as url:
                cold, app_times = _repeat(loads, lambda: _load_app(context, url))
        finally:
            browser.close()
    unit = statistics.median(empty_times)
    shown = statistics.median(t[0] for t in app_times)
    settled = statistics.median(t[1] for t in app_times)
    first = cold[0]
    return [
        Row("empty page (one st.write)", "text visible", 1000 * unit, 1.0),
        Row(
            "app, first visit after the server started (one load)",
            "ranking table visible",
            1000 * first,
            first / unit,
        ),
        Row("app, Ranking page (Kemerovo)", "ranking table visible", 1000 * shown, shown / unit),
        Row(
            "app, Ranking page (Kemerovo)",
            "settled (page unchanged after)",
            1000 * settled,
            settled / unit,
        ),
    ]


def table(rows: list[Row], loads: int) -> str:
    lines = [
        f"median of {loads} loads after one warm-up, new tab (session) each, warm server; "
        "target: the app's page under 1.5 s",
        "",
        "| page | until | median (ms) | × empty page |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {r.case} | {r.until} | {r.median_ms:.0f} | {r.ratio:.1f} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    loads = 3 if "--quick" in args else 7
    if "--loads" in args:
        loads = int(args[args.index("--loads") + 1])
    text = "### First page in Chromium (streamlit run, headless)\n\n" + table(run(loads), loads)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "first_page.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
