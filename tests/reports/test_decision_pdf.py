"""The decision report as PDF: every shipped scenario typesets; Kemerovo is read back.

The PDF of each scenario in configs/scenarios is made once (module fixture, ~20 s in all).
Kemerovo's is turned into PNG pages with poppler's ``pdftoppm`` and its text layer read with
``pdftotext``: the candidates' Cyrillic names, the method, the weights and "page X of Y"
must be there as text (DejaVu Sans, Cyrillic included; charts' text selectable).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clusterrank.criteria.loading import load_scenario
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.pdf import render_pdf
from tests.helpers.cli import KEMEROVO, SCENARIOS_DIR

pytestmark = [pytest.mark.slow]


@pytest.fixture(autouse=True)
def poppler() -> None:
    """Missing poppler-utils is a failure, not a skip: ``make test`` installs it."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.fail("poppler-utils is not installed: run `make documents`")


SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Scenario stem -> its report's PDF (Kemerovo's with sensitivity)."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for path in SCENARIOS:
        report = decision_report(load_scenario(path), sensitivity=path == KEMEROVO)
        target = folder / f"{path.stem}.pdf"
        target.write_bytes(render_pdf(report))
        out[path.stem] = target
    return out


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def _pages(text: str) -> int:
    found = re.findall(r"page (\d+) of (\d+)", text)
    assert found, "no page numbers"
    return int(found[0][1])


@pytest.mark.parametrize("stem", [p.stem for p in SCENARIOS])
def test_every_shipped_scenario_typesets_as_a_numbered_a4_pdf(
    pdfs: dict[str, Path], stem: str
) -> None:
    pdf = pdfs[stem]
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = _text(pdf)
    pages = _pages(text)
    assert pages > 1
    assert f"page 1 of {pages}" in text
    assert f"page {pages} of {pages}" in text
    assert "The answer" in text
    assert "Sign-off" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert f"Pages:           {pages}" in info.stdout
    assert "595.276 x 841.89 pts (A4)" in info.stdout


def test_kemerovo_pdf_pages_render_and_its_text_holds_names_method_and_weights(
    pdfs: dict[str, Path], tmp_path: Path
) -> None:
    pdf = pdfs["kemerovo_clusters"]
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    text = _text(pdf)
    assert len(pngs) == _pages(text) > 1
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 5_000 for p in pngs)
    flat = " ".join(text.split())
    scenario = load_scenario(KEMEROVO)
    for candidate in scenario.candidates:
        assert " ".join(candidate.name.split()) in flat, candidate.name
    assert "TOPSIS, vector normalisation" in flat
    assert "20.0%" in flat
    assert "10.0%" in flat
    assert "Кластер легкой промышленности" in flat
    assert "not assessable" in flat
    assert "Scores in rank order" in flat  # a chart's title: SVG text stays text
    assert "SMAA-2 drew 2,000 weight vectors" in flat
