"""The decision report's builder and its HTML: every shipped scenario, Kemerovo in detail.

The report must answer who, why, how sure, from what data and by whose weights, with the
numbers of the ranking itself (``clusterrank rank``), and be ONE self-contained HTML file.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria.loading import load_scenario
from clusterrank.errors import ConfigurationError
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.formats import format_of, render
from clusterrank.reports.decision.html import figure, num, render_html
from clusterrank.reports.decision.model import DecisionReport
from tests.helpers.cli import KEMEROVO, SCENARIOS_DIR

SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))
NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*["']?https?:""")


@pytest.fixture(scope="module")
def kemerovo() -> DecisionReport:
    return decision_report(load_scenario(KEMEROVO), sensitivity=True, now=NOW)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_shipped_scenario_builds_one_self_contained_html(path: Path) -> None:
    scenario = load_scenario(path)
    report = decision_report(scenario, now=NOW)
    expected = rank_scenario(scenario).to_frame()
    assert [r.candidate for r in report.ranking] == list(expected["id"])
    np.testing.assert_allclose([r.score for r in report.ranking], expected["score"])
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>")
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<link" not in html
    assert "<script" not in html
    assert html.count("<svg") >= 3  # ranking, weights, why (and contributions)
    assert report.scenario_hash in html
    assert report.version in html
    assert report.method_caption in html
    assert re.fullmatch(r"[0-9a-f]{12}", report.scenario_hash)


def test_kemerovo_answers_who_why_how_sure_what_data_whose_weights(
    kemerovo: DecisionReport,
) -> None:
    assert [q for q, _ in kemerovo.summary] == [
        "Who",
        "Why",
        "How sure",
        "From what data",
        "By whose weights",
    ]
    assert kemerovo.winner.candidate == "coal"
    assert kemerovo.method_caption == "TOPSIS, vector normalisation"
    assert kemerovo.data.imputed == 9
    assert kemerovo.data.cells == 30
    light = next(r for r in kemerovo.ranking if r.candidate == "light")
    assert not light.assessable
    assert light.reason == "4 of 6 figures imputed (above half)"
    assert any("not assessable" in c and light.name in c for c in kemerovo.caveats)
    assert kemerovo.weights.kind == "given"
    # the "why" table is the leader minus the runner-up, largest difference first
    why = kemerovo.why
    assert why is not None
    assert why.exact
    diffs = [float(r[3] or 0) for r in why.pair.rows]
    assert diffs == sorted(diffs, key=abs, reverse=True)
    np.testing.assert_allclose([float(r[1] or 0) - float(r[2] or 0) for r in why.pair.rows], diffs)
    assert why.leader == kemerovo.ranking[0].name
    assert why.runner_up == kemerovo.ranking[1].name


def test_kemerovo_sensitivity_and_every_setting_are_stated(kemerovo: DecisionReport) -> None:
    sens = kemerovo.sensitivity
    assert sens is not None
    assert sens.winner_line.startswith(kemerovo.winner.name)
    assert "coal" not in sens.winner_line  # ids in the analysis's words became names
    assert sens.smaa is not None
    assert len(sens.agreement) == 5
    assert "2,000 weight vectors" in sens.smaa_line
    assert "seed 0" in sens.smaa_line
    assert "of 2,000 weightings drawn around the weights in use" in sens.brief
    assert sens.brief in dict(kemerovo.summary)["How sure"]
    rows = {(s, k): v for s, k, v in kemerovo.settings}
    assert rows[("method", "normalization")] == "vector"
    assert rows[("data", "missing_data")] == "impute_worst"
    assert rows[("sensitivity", "SMAA samples")] == "2000"
    assert rows[("sensitivity", "SMAA seed")] == "0"
    assert rows[("report", "exported")] == "2026-01-15T09:30:00+00:00"
    assert kemerovo.date == "2026-01-15"


def test_kemerovo_html_marks_imputed_cells_and_the_not_assessable_candidate(
    kemerovo: DecisionReport,
) -> None:
    html = render_html(kemerovo)
    assert html.count('class="n imputed"') == 9
    assert "not assessable" in html
    assert "Кластер легкой промышленности" in html
    assert "«Комплексная переработка угля и техногенных отходов»" in html
    assert "counter(pages)" in html  # page X of Y in the PDF's margin boxes
    assert "Sign-off" in html


def test_without_sensitivity_the_report_says_how_to_get_it() -> None:
    report = decision_report(load_scenario(KEMEROVO), now=NOW)
    assert report.sensitivity is None
    assert "--sensitivity" in dict(report.summary)["How sure"]
    assert ("sensitivity", "run", "no") in report.settings


def test_ahp_weights_show_their_judgments_and_consistency() -> None:
    report = decision_report(load_scenario(SCENARIOS_DIR / "kemerovo_clusters_ahp.yaml"))
    assert report.weights.kind == "ahp"
    assert report.weights.judgments is not None
    assert len(report.weights.judgments) > 0
    assert report.weights.consistency is not None
    assert "CR" in report.weights.summary
    html = render_html(report)
    assert "AHP pairwise judgments" in html
    assert "AHP consistency" in html


def test_a_method_without_exact_contributions_says_they_are_indicative() -> None:
    report = decision_report(load_scenario(KEMEROVO), method="vikor")
    assert report.why is not None
    assert not report.why.exact
    assert "indicative" in report.why.sentence
    assert any("indicative" in c for c in report.caveats)
    assert not report.higher_is_better
    assert "lower score is better" in report.headline


def test_the_suffix_chooses_the_format_and_a_wrong_one_names_the_fix() -> None:
    assert format_of("a/b/report.PDF") == "pdf"
    assert format_of("report.html") == "html"
    assert format_of("report.xlsx") == "xlsx"
    with pytest.raises(ConfigurationError, match=r"name it report\.pdf, report\.html"):
        format_of("report.docx")
    with pytest.raises(ConfigurationError, match="unknown report format"):
        render(decision_report(load_scenario(KEMEROVO)), "docx")
    with pytest.raises(ConfigurationError, match="written in en"):
        decision_report(load_scenario(KEMEROVO), lang="xx")


def test_numbers_read_as_a_reader_expects() -> None:
    assert figure(16000.0) == "16\u202f000"
    assert figure(0.92) == "0.92"
    assert figure(1860.8) == "1\u202f861"
    assert figure(float("nan")) == "—"
    assert num(0.74129) == "0.7413"
    assert num(3) == "3"
    assert num(None) == ""
    assert num("x") == "x"
    assert num(float("inf")) == "—"


def test_without_the_pdf_engine_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from clusterrank.errors import ClusterRankError
    from clusterrank.reports.decision.pdf import MISSING_ENGINE, engine_problem, render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as without pango
    assert engine_problem() == MISSING_ENGINE
    with pytest.raises(ClusterRankError, match="make documents"):
        render_pdf(decision_report(load_scenario(KEMEROVO)))
