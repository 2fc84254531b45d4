"""Screening rules: the YAML model and loader, and each rule kind's verdicts and reasons."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterrank.criteria.regional import load_screening_rules, screen, screening_rules_from_text
from clusterrank.errors import ValidationFailed

RULES = """rule_sets:
  - id: demo
    title: Demo
    source: test
    scoring: count
    rules:
      - id: spec
        title: LQ >= 2
        all_of:
          - {kind: threshold, metric: lq, op: ">=", value: 2}
      - id: strong
        title: LQ >= p75 and measure > p25
        all_of:
          - {kind: percentile, metric: lq, op: ">=", percentile: 75}
          - {kind: percentile, metric: measure, op: ">", percentile: 25}
      - id: size
        title: top 25% by measure
        all_of:
          - {kind: top_share, metric: measure, top_percent: 25}
"""


def _grids() -> tuple[pd.DataFrame, pd.DataFrame]:
    idx = ["r1", "r2", "r3", "r4"]
    lq = pd.DataFrame({"a": [2.31, 1.0, 0.5, 1.5], "b": [0.9, 1.99, 2.0, np.nan]}, index=idx)
    x = pd.DataFrame({"a": [100.0, 400.0, 50.0, 10.0], "b": [5.0, 5.0, 6.0, 7.0]}, index=idx)
    return lq, x


def test_threshold_percentile_and_top_share_with_reasons() -> None:
    """Each cell is told per rule whether it passes and why; counts give the score."""
    lq, x = _grids()
    res = screen(
        lq, screening_rules_from_text(RULES), metrics={"measure": x}, measure_name="employment"
    )
    d = res.details.set_index(["region_id", "sector_id", "rule"])
    assert d.loc[("r1", "a", "spec"), "reason"] == "LQ 2.31 >= 2"
    assert d.loc[("r2", "b", "spec"), "reason"] == "LQ 1.99 < 2"
    assert d.loc[("r4", "b", "spec"), "reason"] == "LQ missing"
    assert not d.loc[("r4", "b", "spec"), "passed"]
    # p75 of LQ in sector a over (2.31, 1.0, 0.5, 1.5) = 1.7025 (linear); p25 of x = 40.
    np.testing.assert_allclose(np.percentile([2.31, 1.0, 0.5, 1.5], 75), 1.7025)
    assert d.loc[("r1", "a", "strong"), "passed"]
    assert d.loc[("r1", "a", "strong"), "reason"] == (
        "LQ 2.31 >= p75 1.70 of sector 'a'; employment 100 > p25 40 of sector 'a'"
    )
    assert d.loc[("r2", "a", "size"), "reason"] == (
        "employment 400 ranks 1 of 4 in sector 'a' (top 25% = best 1)"
    )
    assert not d.loc[("r1", "a", "size"), "passed"]
    s = res.summary.set_index(["region_id", "sector_id"])
    assert s.loc[("r1", "a"), "score"] == 2
    assert s.loc[("r1", "a"), "rules_passed"] == "spec, strong"
    assert s.loc[("r2", "a"), "score"] == 1


def test_rounding_never_hides_the_side_of_a_threshold() -> None:
    """An LQ of 0.9996 is shown with enough digits to see that it is below 1."""
    res = screen(
        pd.DataFrame({"a": [0.9996]}, index=["r"]), load_screening_rules(), rule_sets=["simple_lq"]
    )
    assert res.details["reason"].iloc[0] == "LQ 0.9996 < 1"


def test_rule_set_lacking_a_measure_is_skipped_with_a_note() -> None:
    """The U.S. Cluster Mapping rule needs establishments; without them it is skipped, and a
    rule set defined on employment applied to turnover is noted."""
    lq, x = _grids()
    res = screen(
        lq.fillna(1.0),
        load_screening_rules(),
        metrics={"measure": x, "regional_share": x / 1000},
        measure_name="turnover",
    )
    assert set(res.summary["rule_set"]) == {"simple_lq", "eco_stars"}
    assert any("us_cluster_mapping_strong" in n and "establishments" in n for n in res.notes)
    assert any("eco_stars" in n and "defined on employment" in n for n in res.notes)


def test_eco_stars_count() -> None:
    """European Cluster Observatory: one star each for size (top 10% by employment),
    specialisation (LQ >= 2) and focus (top 10% by regional share); 10 regions -> best 1."""
    idx = [f"r{i}" for i in range(10)]
    lq = pd.DataFrame({"s": [2.5] + [1.0] * 9}, index=idx)
    emp = pd.DataFrame({"s": [900.0] + [100.0] * 9}, index=idx)
    share = pd.DataFrame({"s": [0.2, 0.3] + [0.01] * 8}, index=idx)
    res = screen(
        lq,
        load_screening_rules(),
        metrics={"measure": emp, "regional_share": share},
        measure_name="employment",
        rule_sets=["eco_stars"],
    )
    s = res.summary.set_index("region_id")
    assert s.loc["r0", "score"] == 2
    assert s.loc["r0", "rules_passed"] == "size, specialisation"
    assert s.loc["r1", "rules_passed"] == "focus"
    assert res.notes == ()


def test_shipped_rules_file_loads_with_sources() -> None:
    """The shipped rules: simple LQ >= 1, U.S. Cluster Mapping strong cluster, ECO stars."""
    rules = load_screening_rules()
    assert [s.id for s in rules.rule_sets] == [
        "simple_lq",
        "us_cluster_mapping_strong",
        "eco_stars",
    ]
    assert all(s.source.strip() for s in rules.rule_sets)


def test_rules_file_problems_reported_with_path_and_line() -> None:
    """A bad rules file: every problem with file, line and dotted path, tags stripped."""
    bad = (
        RULES.replace('op: ">=", value: 2', 'op: "=>", value: 2')
        .replace("percentile: 75}", "percentile: 175}")
        .replace("title: Demo", "title: Demo\n    colour: red")
    )
    with pytest.raises(ValidationFailed) as info:
        screening_rules_from_text(bad, "rules.yaml")
    text = str(info.value)
    assert "rules.yaml, line 11, rule_sets[0].rules[0].all_of[0].op:" in text
    assert "rules.yaml, line 15, rule_sets[0].rules[1].all_of[0].percentile:" in text
    assert "rules.yaml, line 4, rule_sets[0].colour: Extra inputs are not permitted" in text


def test_rules_file_duplicate_ids_and_bad_yaml() -> None:
    """Duplicate rule ids, unknown rule sets and unparsable YAML are clear errors."""
    dup = RULES.replace("id: strong", "id: spec")
    with pytest.raises(ValidationFailed, match="repeated: \\['spec'\\]"):
        screening_rules_from_text(dup)
    with pytest.raises(ValidationFailed, match="not valid YAML"):
        screening_rules_from_text("rule_sets: [")
    with pytest.raises(ValidationFailed, match="unknown rule set 'nope'"):
        load_screening_rules().get("nope")
