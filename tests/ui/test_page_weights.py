"""The Weights page in AppTest: sliders kept normalised with locks and re-ranking at once,
AHP judgments with live consistency and fixes, objective weights, save and reset."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.ui import open_page, ranking_frame, ranking_ids, shown, texts

GROUPS = ("infrastructure", "critical_mass", "sme_share", "rd_potential", "strategy")


def _group_values(at: AppTest) -> dict[str, float]:
    return {g: float(at.slider(key=f"w_group__{g}").value) for g in GROUPS}


@pytest.fixture
def weights_page(app: AppTest) -> AppTest:
    return open_page(app, "weights")


def test_moving_a_slider_reranks_and_keeps_the_sum(weights_page: AppTest) -> None:
    """All weight on SME share: the agro-industrial cluster (92 % SMEs, the highest) leads,
    the other group sliders drop to 0 so the groups still sum to 100, the change column shows
    the moves, and the Ranking page shows the same order."""
    at = weights_page
    before = ranking_ids(at)
    at.slider(key="w_group__sme_share").set_value(100.0).run()
    assert not at.exception
    values = _group_values(at)
    assert sum(values.values()) == pytest.approx(100.0)
    assert values["sme_share"] == pytest.approx(100.0)
    after = ranking_ids(at)
    assert after != before
    assert after[0] == "agro"
    assert any(c.startswith("▲") for c in ranking_frame(at)["change"])
    open_page(at, "ranking")
    assert ranking_ids(at) == after


def test_locked_weight_does_not_move(weights_page: AppTest) -> None:
    """With critical mass locked at 20 %, raising infrastructure to 90 % is capped at 80 %
    and only the unlocked groups give way."""
    at = weights_page
    at.checkbox(key="lock__w_group__critical_mass").check().run()
    at.slider(key="w_group__infrastructure").set_value(90.0).run()
    values = _group_values(at)
    assert values["critical_mass"] == pytest.approx(20.0)
    assert values["infrastructure"] == pytest.approx(80.0)
    assert values["strategy"] == pytest.approx(0.0)
    assert sum(values.values()) == pytest.approx(100.0)


def test_criterion_sliders_show_local_and_global(weights_page: AppTest) -> None:
    """Inside critical mass, participants at 75 % leaves employees 25 %; with the group at
    20 % their global weights are 15 % and 5 %."""
    at = weights_page
    at.slider(key="w_local__critical_mass__participants").set_value(75.0).run()
    assert at.slider(key="w_local__critical_mass__employees").value == pytest.approx(25.0)
    captions = texts(at)
    assert "local 75.0% of Critical mass of participants · global 15.0%" in captions
    assert "global 5.0%" in captions
    label = shown(at.slider(key="w_local__critical_mass__employees").label)
    assert "[persons]" in label
    assert "benefit" in label


def test_inconsistent_ahp_shows_warning_and_fixes(weights_page: AppTest) -> None:
    """A cycle (infrastructure ≫ critical mass ≫ SME share ≫ infrastructure) gives CR far
    above 0.10: the warning and three suggested fixes appear, and applying the first lowers CR."""
    at = weights_page
    at.segmented_control(key="weight_mode__pick").set_value("ahp").run()
    assert not at.exception
    at.select_slider(key="ahp__groups__infrastructure__critical_mass").set_value(8).run()
    at.select_slider(key="ahp__groups__critical_mass__sme_share").set_value(8).run()
    at.select_slider(key="ahp__groups__infrastructure__sme_share").set_value(-8).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("Inconsistent judgments: CR" in w and "above 0.10" in w for w in warnings)
    fixes = [m.value for m in at.markdown if "Suggested:" in m.value]
    assert len(fixes) == 3
    assert "more important than" in fixes[0]
    cr_metric = next(m for m in at.metric if m.label == "CR")
    cr_before = float(cr_metric.value)
    at.button(key="ahp_fix__groups__0").click().run()
    cr_after = float(next(m for m in at.metric if m.label == "CR").value)
    assert cr_after < cr_before
    assert "mode=ahp" in texts(at)


def test_ahp_sentence_reads_the_judgment(weights_page: AppTest) -> None:
    at = weights_page
    at.segmented_control(key="weight_mode__pick").set_value("ahp").run()
    at.select_slider(key="ahp__groups__infrastructure__strategy").set_value(2).run()
    assert (
        "Infrastructure of the territory is moderately more important than Development strategy"
        in texts(at)
    )


def test_objective_weights_from_the_data(weights_page: AppTest) -> None:
    """CRITIC weights are computed from the data and used for the ranking."""
    at = weights_page
    at.segmented_control(key="weight_mode__pick").set_value("objective").run()
    at.selectbox(key="objective__pick").set_value("critic").run()
    assert not at.exception
    assert "mode=objective" in texts(at)
    table = next(df.value for df in at.dataframe if "global weight" in df.value.columns)
    assert table["global weight"].sum() == pytest.approx(1.0)
    assert table["global weight"].nunique() > 1


def test_save_makes_a_new_baseline_and_reset_restores_the_file(weights_page: AppTest) -> None:
    at = weights_page
    original = ranking_ids(at)
    at.slider(key="w_group__sme_share").set_value(100.0).run()
    at.button(key="weights__save").click().run()
    assert set(ranking_frame(at)["change"]) == {"="}
    at.button(key="weights__reset").click().run()
    assert not at.exception
    assert _group_values(at) == pytest.approx(dict.fromkeys(GROUPS, 20.0))
    assert ranking_ids(at) == original
