"""`clusterrank report`: the decision report from the command line, for a scenario or a panel."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.cli import KEMEROVO, REPO, SCENARIOS_DIR, Run

RunCli = Callable[..., Run]
PANELS = REPO / "configs" / "panels"


def test_html_report_of_a_scenario(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "kemerovo.html"
    done = run_cli("report", KEMEROVO, "--setting", "normalization=minmax", "-o", out)
    assert done.code == 0, done.err
    assert f"written: {out}" in done.err
    assert "HTML" in done.err
    html = out.read_text(encoding="utf-8")
    assert "TOPSIS, minmax normalisation" in html
    assert "Kemerovo region clusters, 2017" in html


def test_pdf_and_xlsx_reports_with_sensitivity(run_cli: RunCli, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    scenario = SCENARIOS_DIR / "seed004_technoparks.yaml"
    assert run_cli("report", scenario, "-o", pdf).code == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    done = run_cli("report", scenario, "--sensitivity", "-o", xlsx)
    assert done.code == 0, done.err
    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert {"inputs", "sources", "results", "stability", "method agreement"} <= set(book.sheetnames)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "{tmp}/report.docx"), "name it report.pdf, report.html or report.xlsx"),
        (("--lang", "de", "-o", "{tmp}/r.html"), "invalid choice"),
        (("-o", "{tmp}/missing/r.html"), "does not exist"),
    ],
)
def test_bad_output_or_options_exit_2_with_the_fix(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = run_cli("report", KEMEROVO, *(a.format(tmp=tmp_path) for a in args))
    assert done.code == 2
    assert message in done.err
    assert not list(tmp_path.glob("report.*"))


def test_a_report_needs_a_scenario_or_a_panel(run_cli: RunCli, tmp_path: Path) -> None:
    done = run_cli("report", "-o", tmp_path / "r.html")
    assert done.code == 2
    assert "give a scenario YAML file, or --panel PANEL" in done.err


def test_the_report_never_overwrites_its_scenario(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "s.html"
    target.write_text("keep", encoding="utf-8")
    done = run_cli("report", target, "-o", target)
    assert done.code == 2
    assert "the output file is one of the inputs" in done.err
    assert target.read_text(encoding="utf-8") == "keep"


def test_report_on_a_panel_uses_its_weights_round_and_consensus(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'panel.db'}"
    made = run_cli(
        "panel",
        "create",
        KEMEROVO,
        "--experts",
        PANELS / "kemerovo_illustrative_experts.csv",
        "--illustrative",
        "--format",
        "json",
        "--db",
        db,
    )
    assert made.code == 0, made.err
    panel = json.loads(made.out)
    monkeypatch.setenv("CLUSTERRANK_PANEL_KEY", panel["facilitator_key"])
    answers = PANELS / "kemerovo_illustrative_answers.csv"
    assert run_cli("panel", "import", panel["panel"], answers, "--db", db).code == 0
    out = tmp_path / "panel.html"
    done = run_cli("report", "--panel", panel["panel"], "--db", db, "-o", out)
    assert done.code == 0, done.err
    html = out.read_text(encoding="utf-8")
    assert "Expert panel" in html
    assert "round 1, aggregation AIJ" in html
    assert "ILLUSTRATIVE" in html
    assert "Kendall" in html

    wrong = run_cli(
        "report",
        SCENARIOS_DIR / "seed004_technoparks.yaml",
        "--panel",
        panel["panel"],
        "--db",
        db,
        "-o",
        tmp_path / "x.html",
    )
    assert wrong.code == 2
    assert "omit the scenario" in wrong.err
