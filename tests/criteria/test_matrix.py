"""Decision matrices: reading CSV/XLSX, missing-data policies, combining indicators.

Expected values are worked by hand in each docstring from the fixture data
(``tests/helpers/criteria.py``): weighted_mean scales each indicator to 0..1 by min-max
across the candidates, flips cost indicators, and averages with normalised weights.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.criteria import DecisionMatrix, Scenario, decision_matrix, load_scenario
from clusterrank.errors import ValidationFailed
from tests.helpers.criteria import CRITERIA_YAML

GAPPY_CSV = """\
candidate_id,participants,distance_km,employees,gap,strategy
coal,70,10,8000,2,7
bio,,30,22000,4,5
tour,97,20,1000,,8
"""

Make = Callable[..., Path]


def _vals(dm: DecisionMatrix) -> npt.NDArray[np.float64]:
    return dm.values  # noqa: PD011 (a numpy array on a dataclass, not pandas)


def _dm_values(make: Make, policy: str, csv: str = GAPPY_CSV) -> DecisionMatrix:
    return decision_matrix(load_scenario(make(csv=csv, tail=f"missing_data: {policy}\n")))


def test_complete_data(scenario_files: Make) -> None:
    """mass = 1/4 * employees' + 3/4 * (1 - gap'): employees 8000, 22000, 1000 -> 1/3, 1, 0;
    gap 2, 4, 1 (cost) -> 1/3, 1, 0 flipped to 2/3, 0, 1."""
    dm = decision_matrix(load_scenario(scenario_files()))
    expected = np.array(
        [[70, 10, 1 / 12 + 0.5, 7], [59, 30, 0.25, 5], [97, 20, 0.75, 8]], dtype=float
    )
    np.testing.assert_allclose(_vals(dm), expected, rtol=1e-12)
    assert dm.directions.tolist() == [1, -1, 1, 1]
    assert dm.candidates == ("coal", "bio", "tour")
    assert dm.candidate_names == ("Угольный кластер", "Биомедицинский", "Шерегеш")
    assert dm.criterion_titles[0] == "Число участников"
    assert dm.units == ("organisations", "km", "score 0..1", "score 0..10")
    assert dm.groups == ("infrastructure", "infrastructure", "critical_mass", "critical_mass")
    assert not dm.imputed.any()
    assert dm.notes == (
        "no provenance given for data keys: participants, distance_km, employees, gap, strategy",
    )


def test_reject_lists_every_missing_cell(scenario_files: Make) -> None:
    with pytest.raises(ValidationFailed) as info:
        _dm_values(scenario_files, "reject")
    fix = "fill it, or set missing_data: drop_candidate | impute_worst | impute_mean"
    assert [(p.location, p.message) for p in info.value.problems] == [
        (
            "data: candidate bio, key participants",
            f"no value for candidate 'bio', key 'participants'; {fix}",
        ),
        ("data: candidate tour, key gap", f"no value for candidate 'tour', key 'gap'; {fix}"),
    ]


def test_drop_candidate(scenario_files: Make) -> None:
    """Only tour lacks a value; with coal and bio left, gap 2, 4 -> flipped 1, 0 and
    employees 8000, 22000 -> 0, 1, so mass = 0.75 for coal and 0.25 for bio."""
    csv = GAPPY_CSV.replace("bio,,30", "bio,59,30")
    dm = _dm_values(scenario_files, "drop_candidate", csv)
    assert dm.candidates == ("coal", "bio")
    np.testing.assert_allclose(_vals(dm), [[70, 10, 0.75, 7], [59, 30, 0.25, 5]], rtol=1e-12)
    (note,) = dm.cell_notes
    assert (note.candidate, note.key, note.action) == ("tour", "gap", "dropped_candidate")
    assert note.message == "candidate 'tour' dropped: no value for gap"
    assert dm.notes[0] == "missing_data: drop_candidate dropped 1 of 3 candidates"


def test_drop_every_candidate_is_an_error(scenario_files: Make) -> None:
    csv = GAPPY_CSV.replace("coal,70", "coal,")
    with pytest.raises(ValidationFailed, match="drop_candidate leaves none"):
        _dm_values(scenario_files, "drop_candidate", csv)


def test_impute_worst(scenario_files: Make) -> None:
    """bio.participants (benefit) <- min(70, 97) = 70; tour.gap (cost) <- max(2, 4) = 4.
    gap 2, 4, 4 -> flipped 1, 0, 0; employees -> 1/3, 1, 0; mass = 5/6, 1/4, 0."""
    dm = _dm_values(scenario_files, "impute_worst")
    np.testing.assert_allclose(_vals(dm)[:, 0], [70, 70, 97], rtol=1e-12)
    np.testing.assert_allclose(_vals(dm)[:, 2], [5 / 6, 0.25, 0.0], rtol=1e-12, atol=1e-15)
    assert dm.imputed.tolist() == [
        [False, False, False, False],
        [True, False, False, False],
        [False, False, True, False],
    ]
    assert [(n.candidate, n.key, n.action, n.value) for n in dm.cell_notes] == [
        ("bio", "participants", "imputed_worst", 70.0),
        ("tour", "gap", "imputed_worst", 4.0),
    ]
    assert (
        dm.notes[0] == "missing_data: impute_worst filled 2 cell(s) with the worst observed value"
    )


def test_impute_mean(scenario_files: Make) -> None:
    """bio.participants <- (70 + 97) / 2 = 83.5; tour.gap <- (2 + 4) / 2 = 3, so gap' flipped
    is 1, 0, 0.5 and mass = 5/6, 1/4, 3/8."""
    dm = _dm_values(scenario_files, "impute_mean")
    np.testing.assert_allclose(_vals(dm)[:, 0], [70, 83.5, 97], rtol=1e-12)
    np.testing.assert_allclose(_vals(dm)[:, 2], [5 / 6, 0.25, 0.375], rtol=1e-12)
    assert (
        dm.cell_notes[1].message
        == "gap for tour was missing; filled with the mean of the observed values (3)"
    )


def test_impute_needs_an_observed_value(scenario_files: Make) -> None:
    csv = GAPPY_CSV.replace(",2,7", ",,7").replace(",4,5", ",,5")
    with pytest.raises(ValidationFailed) as info:
        _dm_values(scenario_files, "impute_mean", csv)
    (p,) = info.value.problems
    assert (
        p.message
        == "no candidate has a value for key 'gap', so impute_mean has nothing to fill from; "
        "give at least one candidate a figure (an expert-scored criterion gets its scores "
        "from a panel or typed in)"
    )


def test_non_numeric_cell(scenario_files: Make) -> None:
    """Each bad cell is named by row and column, with its line; "1,200" is ambiguous (1200
    or 1.2) in a file whose other numbers do not show the decimal mark, so it is refused."""
    csv = GAPPY_CSV.replace("coal,70", "coal,abc").replace("tour,97,20", 'tour,97,"1,200"')
    with pytest.raises(ValidationFailed) as info:
        _dm_values(scenario_files, "reject", csv)
    first = info.value.problems[0]
    assert first.message == "'abc' is not a number; write a number or leave it empty for missing"
    assert (Path(first.file).name, first.line, first.location) == (
        "data.csv",
        2,
        "row coal, column participants",
    )
    assert [p.line for p in info.value.problems] == [2, 4]
    second = info.value.problems[1]
    assert second.location == "row tour, column distance_km"
    assert second.message.startswith(
        "'1,200' is ambiguous: 1200 with thousands grouped, or 1.2 with a decimal mark"
    )


def test_file_structure_problems(scenario_files: Make) -> None:
    csv = "id,participants,distance_km\ncoal,1,2\n"
    with pytest.raises(ValidationFailed) as info:
        _dm_values(scenario_files, "reject", csv)
    (p,) = info.value.problems
    assert p.message.startswith(
        "id column 'candidate_id' not found; columns: id, participants, distance_km"
    )
    csv = GAPPY_CSV.replace("tour,97", "coal,97")
    with pytest.raises(ValidationFailed) as info:
        _dm_values(scenario_files, "impute_mean", csv)
    assert [p.message for p in info.value.problems] == [
        "candidate 'coal' has two rows (also row 2); keep one",
        "candidate 'tour' has no row in the file (id column 'candidate_id')",
    ]


def test_missing_mapped_column_and_absent_key(scenario_files: Make) -> None:
    csv = GAPPY_CSV.replace(",strategy", ",strat")
    path = scenario_files(csv=csv, tail="  columns: {gap: gap_pct}\nmissing_data: impute_mean\n")
    with pytest.raises(ValidationFailed) as info:
        decision_matrix(load_scenario(path))
    messages = [p.message for p in info.value.problems]
    assert messages[0].startswith(
        "column 'gap_pct' (mapped from data key 'gap') not found; columns: "
    )
    assert messages[1] == (
        "no data for key 'strategy': add a column in the data file "
        "(data.columns maps keys to column names)"
    )


def test_inline_values_override_and_mapping(scenario_files: Make) -> None:
    csv = GAPPY_CSV.replace(",gap,", ",gap_pct,")
    tail = "  columns: {gap: gap_pct}\n  values: {bio: {participants: 60}, tour: {gap: 1}}\n"
    dm = decision_matrix(load_scenario(scenario_files(csv=csv, tail=tail)))
    np.testing.assert_allclose(_vals(dm)[:, 0], [70, 60, 97])
    np.testing.assert_allclose(_vals(dm)[:, 2], [1 / 12 + 0.5, 0.25, 0.75], rtol=1e-12)


def test_expert_score_outside_scale(scenario_files: Make) -> None:
    with pytest.raises(ValidationFailed) as info:
        decision_matrix(load_scenario(scenario_files(csv=GAPPY_CSV.replace(",8\n", ",11\n"))))
    assert info.value.problems[0].message == (
        "score 11 for candidate 'tour', criterion 'strategy' lies outside its scale 0..10"
    )


def test_illustrative_cells_are_marked(scenario_files: Make) -> None:
    tail = "  provenance:\n    strategy: {source: made up for the test, illustrative: true}\n"
    dm = decision_matrix(load_scenario(scenario_files(tail=tail)))
    assert dm.illustrative[:, 3].all()
    assert not dm.illustrative[:, :3].any()
    assert [n.action for n in dm.cell_notes] == ["illustrative"] * 3
    assert dm.notes[0] == (
        "criterion strategy uses illustrative figures (strategy: made up for the test); "
        "replace them with real figures before any decision"
    )


def test_xlsx_input(scenario_files: Make, tmp_path: Path) -> None:
    frame = pd.read_csv(io.StringIO(GAPPY_CSV.replace("bio,,", "bio,59,")))
    path = scenario_files(tail="  sheet: Данные\nmissing_data: impute_worst\n")
    xlsx = tmp_path / "data" / "data.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Обложка", index=False)
        frame.to_excel(writer, sheet_name="Данные", index=False)
    path.write_text(
        path.read_text(encoding="utf-8").replace("data.csv", "data.xlsx"), encoding="utf-8"
    )
    dm = decision_matrix(load_scenario(path))
    np.testing.assert_allclose(_vals(dm)[:, 0], [70, 59, 97])
    path.write_text(
        path.read_text(encoding="utf-8").replace("sheet: Данные", "sheet: Data"), encoding="utf-8"
    )
    with pytest.raises(
        ValidationFailed, match="sheet 'Data' not found; sheets in the file: Обложка, Данные"
    ):
        decision_matrix(load_scenario(path))


def test_csv_with_bom(scenario_files: Make, tmp_path: Path) -> None:
    path = scenario_files()
    (tmp_path / "data" / "data.csv").write_bytes(
        b"\xef\xbb\xbf" + GAPPY_CSV.replace("bio,,", "bio,59,").encode()
    )
    dm = decision_matrix(
        load_scenario(path.parent / path.name).model_copy(update={"missing_data": "impute_mean"})
    )
    assert _vals(dm)[1, 0] == 59


def _sum_scenario(values: dict[str, dict[str, float]]) -> Scenario:
    cs = yaml.safe_load(CRITERIA_YAML)
    cs["groups"][0]["criteria"][0] = {
        "id": "participants",
        "direction": "benefit",
        "combine": "sum",
        "indicators": [{"id": "anchors", "unit": "org"}, {"id": "smes", "unit": "org"}],
    }
    return Scenario.model_validate(
        {"id": "s", "criteria_set": cs, "candidates": [{"id": c} for c in values]}
    )


def test_sum_combine() -> None:
    data = pd.DataFrame(
        {
            "anchors": [6, 17],
            "smes": [54, 30],
            "distance_km": [1, 2],
            "employees": [1, 2],
            "gap": [1, 2],
            "strategy": [1, 2],
        },
        index=["coal", "bio"],
    )
    dm = decision_matrix(_sum_scenario({"coal": {}, "bio": {}}), data=data)
    np.testing.assert_allclose(_vals(dm)[:, 0], [60, 47])
    assert dm.units[0] == "org"


def test_constant_indicator_scores_half_with_a_note() -> None:
    data = pd.DataFrame(
        {
            "anchors": [1, 2],
            "smes": [1, 1],
            "distance_km": [1, 2],
            "employees": [5, 5],
            "gap": [1, 2],
            "strategy": [1, 2],
        },
        index=["coal", "bio"],
    )
    dm = decision_matrix(_sum_scenario({"coal": {}, "bio": {}}), data=data)
    np.testing.assert_allclose(_vals(dm)[:, 2], [0.125 + 0.75, 0.125])
    assert any(
        n.startswith("indicator employees is the same for every candidate (5)") for n in dm.notes
    )


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(
        st.tuples(*[st.floats(-1e6, 1e6, allow_nan=False) for _ in range(2)]),
        min_size=2,
        max_size=6,
    )
)
def test_weighted_mean_is_a_score_in_unit_interval(rows: list[tuple[float, float]]) -> None:
    """Invariant: weighted_mean scores lie in [0, 1]; a candidate best on both indicators
    (most employees, least gap) scores exactly 1."""
    emp = np.array([r[0] for r in rows])
    gap = np.array([r[1] for r in rows])
    ids = [f"c{i}" for i in range(len(rows))]
    data = pd.DataFrame(
        {
            "anchors": 1.0,
            "smes": 1.0,
            "distance_km": 1.0,
            "employees": emp,
            "gap": gap,
            "strategy": 1.0,
        },
        index=ids,
    )
    mass = _vals(decision_matrix(_sum_scenario({c: {} for c in ids}), data=data))[:, 2]
    assert np.all((mass >= -1e-12) & (mass <= 1 + 1e-12))
    best = (emp == emp.max()) & (gap == gap.min())
    if best.any() and emp.max() > emp.min() and gap.max() > gap.min():
        np.testing.assert_allclose(mass[best], 1.0, rtol=1e-12)
