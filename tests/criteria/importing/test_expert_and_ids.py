"""The import's expert-scored criteria (a scale with verbal anchors), ids made from the names
on request, a duplicate id said once, and the decimal-mark fix named by the caller. The
figures are made up for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.analysis.import_preview import check
from clusterrank.criteria.files import SHIPPED_CONFIGS
from clusterrank.criteria.importing import ImportChoices, Target, build_scenario, plan_import
from clusterrank.criteria.importing.expert import ExpertCriterion, parse_anchors
from clusterrank.criteria.loading import load_criteria_set, load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ValidationFailed

TABLE = (
    "Cluster,Code,Investment,Cost per job\n"
    "Coal,coal,2100.5,350\nChem,chem,1250,410\nMach,mach,980,300\n"
)
MGMT = ExpertCriterion(
    "mgmt", "Management quality", "Expert scores", 1, 5, {1: "weak", 3: "average", 5: "strong"}
)


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text(TABLE)
    return path


def _written(tmp_path: Path, choices: ImportChoices, table: Path) -> Path:
    built = build_scenario(plan_import(table, "mine.csv", choices), choices, Target("s", "s.csv"))
    (tmp_path / "s.csv").write_text(built.csv_text)
    (tmp_path / "s.yaml").write_text(built.yaml_text)
    return tmp_path / "s.yaml"


def test_expert_criterion_is_built_and_validated_with_its_scale(
    tmp_path: Path, table: Path
) -> None:
    scenario = load_scenario(_written(tmp_path, ImportChoices(expert=(MGMT,)), table))
    criterion = {c.id: c for g in scenario.criteria_set.groups for c in g.criteria}["mgmt"]
    assert criterion.combine_rule == "expert"
    assert criterion.direction == "benefit"
    assert criterion.expert_scale is not None
    assert (criterion.expert_scale.min, criterion.expert_scale.max) == (1, 5)
    assert criterion.expert_scale.anchors == {1.0: "weak", 3.0: "average", 5.0: "strong"}
    assert "mgmt" in scenario.criteria_set.data_keys
    assert scenario.missing_data == "impute_worst"  # its scores are missing until given
    header, *rows = (tmp_path / "s.csv").read_text().splitlines()
    assert header == "candidate_id,investment,cost_per_job,mgmt"
    assert rows[0] == "coal,2100.5,350,"  # no score yet


def test_typed_scores_are_written_and_the_policy_fills_the_rest(
    tmp_path: Path, table: Path
) -> None:
    scored = ExpertCriterion("mgmt", scale_min=1, scale_max=5, scores={"coal": 5, "chem": 2})
    scenario = load_scenario(_written(tmp_path, ImportChoices(expert=(scored,)), table))
    rows = (tmp_path / "s.csv").read_text().splitlines()[1:]
    assert [r.rsplit(",", 1)[1] for r in rows] == ["5", "2", ""]
    matrix = decision_matrix(scenario)
    j = matrix.criteria.index("mgmt")
    assert list(matrix.values[:, j]) == [5.0, 2.0, 2.0]  # impute_worst: the lowest score
    assert list(matrix.imputed[:, j]) == [False, False, True]


def test_unscored_expert_criterion_is_left_out_of_the_preview_only(table: Path) -> None:
    choices = ImportChoices(expert=(MGMT,))
    made, problems = check(plan_import(table, "mine.csv", choices), choices, Target("s", "s.csv"))
    assert problems == []
    assert made is not None
    assert made.unscored == ("mgmt",)
    assert "mgmt" in made.built.scenario.criteria_set.data_keys


def test_a_bad_scale_is_reported_by_the_model(table: Path) -> None:
    bad = ExpertCriterion("mgmt", scale_min=5, scale_max=1, anchors={3: "average"})
    choices = ImportChoices(expert=(bad,))
    with pytest.raises(ValidationFailed) as info:
        build_scenario(plan_import(table, "mine.csv", choices), choices, Target("s", "s.csv"))
    assert "'max' must be greater than 'min' (got min 5, max 1)" in str(info.value)


def test_expert_criteria_with_a_shipped_set_are_refused(table: Path) -> None:
    shipped = sorted((SHIPPED_CONFIGS / "criteria").glob("*.yaml"))[0]
    choices = ImportChoices(criteria_set=load_criteria_set(shipped), expert=(MGMT,))
    with pytest.raises(ValidationFailed, match="added only from scratch"):
        build_scenario(plan_import(table, "mine.csv", choices), choices, Target("s", "s.csv"))


def test_parse_anchors() -> None:
    assert parse_anchors("1 = weak; 2,5 = fair\n5=strong") == (
        {1.0: "weak", 2.5: "fair", 5.0: "strong"},
        [],
    )
    anchors, errors = parse_anchors("1 = weak; strong; x = y")
    assert anchors == {1.0: "weak"}
    assert errors == [
        "anchor 'strong' is not 'point = words' (e.g. '1 = weak')",
        "anchor 'x = y' is not 'point = words' (e.g. '1 = weak')",
    ]


def test_make_ids_overrides_a_guessed_id_column(table: Path) -> None:
    assert plan_import(table, "mine.csv").id_column == "Code"  # guessed
    plan = plan_import(table, "mine.csv", ImportChoices(make_ids=True, name_column="Cluster"))
    assert plan.id_column is None
    assert plan.ids == ["coal", "chem", "mach"]  # made from the names Coal, Chem, Mach
    assert plan.names == ["Coal", "Chem", "Mach"]
    forced = ImportChoices(id_column="Code", make_ids=True, name_column="Cluster")
    assert plan_import(table, "mine.csv", forced).id_column is None


def test_a_duplicate_id_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("Name,id,x\nA,a,1\nB,a,2\nC,c,3\n")
    plan = plan_import(path, "d.csv")
    made, problems = check(plan, ImportChoices(), Target("s", "s.csv"))
    assert made is None
    text = "\n".join(map(str, problems))
    assert text.count("'a'") == 1, text
    assert "id 'a' is on two rows" in text


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        (None, "state the decimal separator (--decimal , or --decimal .)"),
        ("choose the decimal mark above", "choose the decimal mark above"),
    ],
)
def test_the_decimal_fix_is_the_callers(tmp_path: Path, fix: str | None, expected: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Name,x\nA,"1,200"\nB,5\n')
    plan = (
        plan_import(path, "a.csv") if fix is None else plan_import(path, "a.csv", state_decimal=fix)
    )
    text = "\n".join(map(str, plan.problems))
    assert "is ambiguous" in text
    assert expected in text
    assert ("--decimal" in text) == (fix is None)
