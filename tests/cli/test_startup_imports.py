"""Start-up: each command imports only what it uses (issue 9, "Start-up where users feel it").

Every case runs ``cli.main(argv)`` in a fresh interpreter (a subprocess: an in-process call
would see what earlier tests imported) and reads back ``sys.modules`` as it stands after the
command. ``--help`` and ``validate`` (a criteria set, an AHP file, scenarios with CSV data)
import none of pandas, pymcdm, matplotlib, scipy or streamlit; ``rank`` with TOPSIS imports
neither matplotlib nor streamlit, nor pymcdm (which imports matplotlib at its top).

Scope of ``validate``: a scenario whose data come from a CSV/XLSX file or inline values is
read and checked without pandas; a scenario with computed keys (``data.regional``) needs the
regional statistics of :mod:`criteria.regional`, which work on pandas tables, so pandas is
imported for that one case (asserted below, so the scope stays stated).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "configs"
HEAVY = ("pandas", "pymcdm", "matplotlib", "scipy", "streamlit")
NOT_IN_RANK = ("matplotlib", "streamlit", "pymcdm")

PROBE = """
import contextlib, io, json, sys
from clusterrank.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    code = main(json.loads(sys.argv[2]))
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    json.dump({"code": code, "output": out.getvalue(), "modules": sorted(sys.modules)}, fh)
"""


def imported_by(argv: list[str], tmp_path: Path) -> set[str]:
    """Modules loaded after ``clusterrank ARGV`` ran (exit 0 required) in a new interpreter."""
    report = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), json.dumps(argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["code"] == 0, result["output"]
    return set(result["modules"])


def loaded(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    """The ``packages`` (or any of their submodules) present in ``modules``."""
    return sorted(p for p in packages if any(m == p or m.startswith(f"{p}.") for m in modules))


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--help"], id="help"),
        pytest.param(["validate", str(CONFIGS / "criteria" / "five_groups.yaml")], id="criteria"),
        pytest.param(
            ["validate", str(CONFIGS / "ahp" / "cluster_choice_example.yaml")], id="ahp-file"
        ),
        pytest.param(
            ["validate", str(CONFIGS / "scenarios" / "kemerovo_clusters.yaml")], id="scenario"
        ),
        pytest.param(
            ["validate", str(CONFIGS / "scenarios" / "kemerovo_clusters_ahp.yaml")],
            id="scenario-ahp",
        ),
        pytest.param(
            ["validate", str(CONFIGS / "scenarios" / "eu_nuts2_regions.yaml")], id="scenario-eu"
        ),
    ],
)
def test_help_and_validate_import_no_heavy_library(argv: list[str], tmp_path: Path) -> None:
    assert loaded(imported_by(argv, tmp_path), HEAVY) == []


def test_rank_with_topsis_imports_neither_pymcdm_nor_plotting(tmp_path: Path) -> None:
    scenario = CONFIGS / "scenarios" / "kemerovo_clusters.yaml"
    modules = imported_by(["rank", str(scenario), "--method", "topsis"], tmp_path)
    assert loaded(modules, NOT_IN_RANK) == []
    assert "clusterrank.methods.topsis" in modules  # it did rank, with the own TOPSIS


def test_rank_help_imports_neither_pymcdm_nor_plotting(tmp_path: Path) -> None:
    """``rank --help`` names the objective weighting methods without importing pymcdm."""
    assert loaded(imported_by(["rank", "--help"], tmp_path), NOT_IN_RANK) == []


def test_validate_of_computed_regional_keys_is_the_one_case_needing_pandas(
    tmp_path: Path,
) -> None:
    """The documented exception: ``data.regional`` keys are computed with pandas tables;
    even then no ranking library, plotting or UI is imported."""
    scenario = CONFIGS / "scenarios" / "kemerovo_clusters_specialisation.yaml"
    modules = imported_by(["validate", str(scenario)], tmp_path)
    assert "pandas" in modules
    assert loaded(modules, ("pymcdm", "matplotlib", "streamlit")) == []


def test_the_probe_sees_a_heavy_import(tmp_path: Path) -> None:
    """The probe is not blind: a command that needs pandas (``methods`` prints a table)
    shows it in the list."""
    assert "pandas" in imported_by(["methods"], tmp_path)
