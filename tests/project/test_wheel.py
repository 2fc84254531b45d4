"""The wheel a user installs works on its own, from any folder.

Builds the wheel from this checkout, installs it (without dependencies) into a fresh
virtualenv whose third-party packages come from the test's own environment, and runs the
installed ``clusterrank`` from an empty temporary folder: the package must find its shipped
configs (package data, through ``importlib.resources``), and nothing may come from the
checkout. This is the case that failed before: ``regions specialisation`` reading
``…/site-packages/configs/regional/screening_rules.yaml``.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    done = subprocess.run(
        [*build, "--wheel-dir", str(out), str(REPO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (found,) = out.glob("clusterrank-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; returns its bin folder."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / "bin"
    python = bin_dir / "python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile"]
    done = subprocess.run(
        [*install, "--target", target, str(wheel)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # Third-party packages from this environment, appended after the venv's own site-packages
    # (a path added by a .pth file is not itself a site dir: this checkout's editable finder
    # there is never activated).
    (Path(target) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    script = bin_dir / "clusterrank"
    script.write_text(
        f"#!{python}\nimport sys\nfrom clusterrank.cli import main\nsys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return bin_dir


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    return subprocess.run(
        [str(bin_dir / "clusterrank"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_wheel_holds_one_namespace_and_the_shipped_configs(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.startswith("clusterrank-")}
    assert tops == {"clusterrank"}, tops
    for shipped in (
        "clusterrank/configs/scenarios/kemerovo_clusters.yaml",
        "clusterrank/configs/regional/screening_rules.yaml",
        "clusterrank/configs/data/kemerovo_clusters.csv",
        "clusterrank/store/migrations/versions/0001_initial.py",
        "clusterrank/streamlit_app.py",
        "clusterrank/ui/pages/ranking.py",
        "clusterrank/reports/decision/templates/report.html.j2",
        "clusterrank/reports/decision/templates/_style.html.j2",
    ):
        assert shipped in names, shipped


def test_installed_package_runs_from_any_folder(installed: Path, tmp_path: Path) -> None:
    where = _run(installed, tmp_path, "--help")
    assert where.returncode == 0, where.stderr
    site_dir = subprocess.run(
        [str(installed / "python"), "-c", "import clusterrank; print(clusterrank.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert str(REPO) not in site_dir, site_dir  # the installed copy, not the checkout
    shipped = Path(site_dir).parent / "configs"

    rank = _run(installed, tmp_path, "rank", str(shipped / "scenarios" / "kemerovo_clusters.yaml"))
    assert rank.returncode == 0, rank.stderr
    assert "coal" in rank.stdout

    table = shipped / "data" / "seed003_table1_gva_structure.csv"
    regions = _run(
        installed, tmp_path, "regions", "specialisation", str(table), "--total-sector", "total"
    )
    assert regions.returncode == 0, regions.stderr
    assert "screening" in regions.stdout.lower()

    schema = _run(installed, tmp_path, "schema", "-o", "schemas")
    assert schema.returncode == 0, schema.stderr
    written = sorted(p.name for p in (tmp_path / "schemas").glob("*.json"))
    assert written, schema.stdout
    json.loads((tmp_path / "schemas" / written[0]).read_text(encoding="utf-8"))

    report = _run(
        installed,
        tmp_path,
        "report",
        str(shipped / "scenarios" / "kemerovo_clusters.yaml"),
        "-o",
        "report.html",
    )
    assert report.returncode == 0, report.stderr
    assert "Decision report" in (tmp_path / "report.html").read_text(encoding="utf-8")

    app = _run(installed, tmp_path, "app", "--help")
    assert app.returncode == 0, app.stderr
    assert "--port" in app.stdout
