"""Seed 001's survey (Zedgenizova & Ignatyeva, Table 1) reported as a panel's scores are."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.errors import ValidationFailed
from clusterrank.panel.survey import load_survey, report, report_json
from tests.panel.factory import PANELS

SEED001 = PANELS / "seed001_social_capital.yaml"


def test_the_tool_agrees_with_the_papers_three_strongest_factors() -> None:
    """Seed 001, text after Table 1: cooperation, trust and the management's interest in
    knowledge development are the most influential factors. The tool orders by median level,
    then the share of the top two levels: trust (median very high, 80 %), cooperation
    (high, 71 %), management interest (high, 68 %) — the same three, trust first."""
    rows = report(load_survey(SEED001))
    assert [r.id for r in rows[:3]] == [
        "trust",
        "cooperation_among_firms",
        "management_interest_in_knowledge",
    ]
    top_two = {r.id: r.top_two for r in rows}
    assert top_two["trust"] == pytest.approx(0.80)
    assert top_two["cooperation_among_firms"] == pytest.approx(0.71)
    assert top_two["management_interest_in_knowledge"] == pytest.approx(0.68)
    # and the paper's weak factors come last (risk propensity, contacts with management)
    assert [r.id for r in rows[-2:]] == ["contacts_with_management", "risk_propensity"]


def test_median_level_and_quartiles_from_the_distribution() -> None:
    """Trust: 55 % very high, so the median level is very high; risk propensity: 12 + 21 =
    33 % at high or above, 65 % at not very high or above, so its median is not very high."""
    rows = {r.id: r for r in report(load_survey(SEED001))}
    assert rows["trust"].median_level == "very high"
    assert rows["risk_propensity"].median_level == "not very high"
    assert rows["risk_propensity"].q1_code == 1.0  # 35 % low
    assert rows["trust"].iqr == 1.0


def test_report_names_its_source_and_settings() -> None:
    payload = report_json(load_survey(SEED001))
    assert "Zedgenizova" in payload["source"]
    assert payload["respondents"] == 75
    assert "median level" in payload["settings"]["order"]


def test_bad_survey_files(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "id: s\nsource: x\nlevels: [good, bad]\nitems:\n"
        "  - {id: a, title: A, distribution: [60, 30]}\n"
        "  - {id: a, title: B, distribution: [50, 25, 25]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as info:
        load_survey(path)
    text = info.value.render()
    assert "sum to 90" in text
    assert "used twice" in text
    assert "one share per level" in text
