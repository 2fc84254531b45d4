"""`clusterrank app` serves the packaged front end (the wheel test runs its --help installed)."""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from clusterrank.cli import main
from clusterrank.cli.commands import app

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_app_runs_the_packaged_entry_script_with_the_repository_settings() -> None:
    cmd = app.command(argparse.Namespace(port=8600, address="127.0.0.1"))
    script = Path(cmd[4])
    assert cmd[1:4] == ["-m", "streamlit", "run"]
    assert script.name == "streamlit_app.py"
    assert script.resolve() == (REPO / "streamlit_app.py").resolve()
    assert cmd[5:9] == ["--server.port", "8600", "--server.address", "127.0.0.1"]
    settings = (REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'toolbarMode = "minimal"' in settings
    assert "minimal" in cmd
    assert "gatherUsageStats = false" in settings
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"


def test_app_refuses_a_port_out_of_range() -> None:
    assert main(["app", "--port", "70000"]) == 2


def test_app_serves_the_front_end(tmp_path: Path) -> None:
    """Started from another folder, the app answers Streamlit's health check."""
    port = _free_port()
    log = tmp_path / "streamlit.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "clusterrank", "app", "--port", str(port)],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        healthy = False
        while time.monotonic() < deadline and proc.poll() is None and not healthy:
            try:
                url = f"http://127.0.0.1:{port}/_stcore/health"
                with urllib.request.urlopen(url, timeout=2) as answer:
                    healthy = answer.status == 200
            except OSError:
                time.sleep(0.5)
        assert healthy, log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
