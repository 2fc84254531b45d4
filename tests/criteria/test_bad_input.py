"""The bad-input catalogue: every case asserts the message a user sees, and its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clusterrank.criteria import (
    ahp_file_from_text,
    criteria_set_from_text,
    decision_matrix,
    load_scenario,
    scenario_from_text,
)
from clusterrank.errors import Problem, ValidationFailed
from tests.helpers.criteria import CANDIDATES, CRITERIA_YAML


def _problems(call: Callable[[], object]) -> list[Problem]:
    with pytest.raises(ValidationFailed) as info:
        call()
    return list(info.value.problems)


def _set_problems(text: str) -> list[Problem]:
    return _problems(lambda: criteria_set_from_text(text, "set.yaml"))


def _scenario_text(tail: str, candidates: str = CANDIDATES) -> str:
    return f"id: s\ncriteria_set: criteria/set.yaml\n{candidates}{tail}"


def _scenario_problems(
    write: Callable[[str, str], Path], tail: str, cands: str = CANDIDATES
) -> list[Problem]:
    write("criteria/set.yaml", CRITERIA_YAML)
    path = write("s.yaml", _scenario_text(tail, cands))
    return _problems(lambda: load_scenario(path))


def test_malformed_yaml_gives_parser_line() -> None:
    (p,) = _set_problems("id: x\ngroups:\n  - id: a\n   criteria: [\n")
    assert p.line == 4
    assert p.message.startswith(  # PyYAML's wording, or libyaml's (criteria.yaml_parse.LOADER)
        ("not valid YAML: expected <block end>", "not valid YAML: did not find expected '-'")
    )


def test_lone_dash_direction_gets_a_hint() -> None:
    text = (
        "id: x\nsource: s\ngroups:\n  - id: g\n    criteria:\n      - id: c\n        direction: -\n"
    )
    (p,) = _set_problems(text)
    assert p.line == 7
    assert 'write the cost direction as "-" in quotes or as cost' in p.message


def test_tab_indentation_gets_a_hint() -> None:
    (p,) = _set_problems("id: x\n\tsource: y\n")
    assert (p.line, p.message.endswith("indent with spaces, not tabs")) == (2, True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty; expected a mapping of keys"),
        ("- a\n- b\n", "the file must be a mapping of keys and values (got a list)"),
        ("id: x\nid: y\n", "key 'id' appears twice (also on line 1); keep one"),
    ],
)
def test_whole_file_problems(text: str, message: str) -> None:
    (p,) = _set_problems(text)
    assert p.message == message


def test_unknown_key_with_typo_suggestion() -> None:
    (p,) = _set_problems(CRITERIA_YAML.replace("weight: 2", "wieght: 2"))
    assert (p.location, p.line) == ("groups[0].wieght", 7)
    assert p.message == (
        "unknown key 'wieght' (did you mean 'weight'?); "
        "allowed: id, title, description, weight, criteria"
    )


@pytest.mark.parametrize(
    ("old", "new", "location", "line", "message"),
    [
        (
            "id: distance\n",
            "id: participants\n",
            "groups[0].criteria[1].id",
            16,
            "duplicate criterion id 'participants' (also at groups[0].criteria[0])",
        ),
        (
            "id: critical_mass",
            "id: infrastructure",
            "groups[1].id",
            21,
            "duplicate group id 'infrastructure' (also at groups[0])",
        ),
        (
            "{id: gap,",
            "{id: employees,",
            "groups[1].criteria[0].indicators[1].id",
            30,
            "duplicate indicator id 'employees' (also at groups[1].criteria[0].indicators[0])",
        ),
        (
            "- id: strategy",
            "- id: gap",
            "groups[1].criteria[1].id",
            31,
            "expert-scored criterion 'gap' reads data key 'gap', which is also the indicator "
            "at groups[1].criteria[0].indicators[1]; rename one of them",
        ),
    ],
)
def test_duplicate_ids(old: str, new: str, location: str, line: int, message: str) -> None:
    problems = _set_problems(CRITERIA_YAML.replace(old, new, 1))
    assert [(p.location, p.line, p.message) for p in problems] == [(location, line, message)]


def test_negative_weight() -> None:
    (p,) = _set_problems(CRITERIA_YAML.replace("weight: 2", "weight: -0.2"))
    assert (p.location, p.line) == ("groups[0].weight", 7)
    assert p.message == "'weight' must be >= 0 (got -0.2)"


def test_all_zero_weights_at_each_level() -> None:
    text = CRITERIA_YAML.replace("weight: 2", "weight: 0").replace(
        "weight: 3\n    crit", "weight: 0\n    crit"
    )
    (p,) = _set_problems(text)
    assert (p.location, p.message) == (
        "groups",
        "all group weights are zero; give at least one a positive weight",
    )
    text = CRITERIA_YAML.replace("{id: employees, weight: 1}", "{id: employees, weight: 0}")
    (p,) = _set_problems(
        text.replace(
            "{id: gap, direction: cost, weight: 3}", "{id: gap, direction: cost, weight: 0}"
        )
    )
    assert (p.location, p.message) == (
        "groups[1].criteria[0].indicators",
        "all indicator weights are zero; give at least one a positive weight",
    )


def test_wrong_types_and_bad_values() -> None:
    text = (
        CRITERIA_YAML.replace("weight: 2", "weight: heavy")
        .replace("id: test_set", "id: test set")
        .replace("direction: cost\n", "direction: sideways\n", 1)
        .replace("max: 10", "max: 10, step: 1")
    )
    problems = _set_problems(text)
    assert [(p.line, p.location, p.message) for p in problems] == [
        (1, "id", "id 'test set' may contain only letters, digits, '_', '.' and '-' (no spaces)"),
        (7, "groups[0].weight", "'weight' must be a number (got 'heavy')"),
        (
            17,
            "groups[0].criteria[1].direction",
            "'direction' must be one of benefit/max/+ or cost/min/- (got 'sideways')",
        ),
        (
            33,
            "groups[1].criteria[1].expert_scale.step",
            "unknown key 'step'; allowed: min, max, anchors",
        ),
    ]


def test_several_problems_reported_at_once(write: Callable[[str, str], Path]) -> None:
    """A typo, a negative weight and a duplicate id in one file: all three, sorted by line."""
    text = (
        CRITERIA_YAML.replace("weight: 2", "weight: -1")
        .replace("unit: organisations", "unti: organisations")
        .replace("id: distance\n", "id: participants\n")
    )
    problems = _set_problems(text)
    assert [p.line for p in problems] == [7, 12, 16]
    assert [p.location for p in problems] == [
        "groups[0].weight",
        "groups[0].criteria[0].unti",
        "groups[0].criteria[1].id",
    ]


def test_no_candidates(write: Callable[[str, str], Path]) -> None:
    (p,) = _scenario_problems(write, "", "candidates: []\n")
    assert (p.location, p.line) == ("candidates", 3)
    assert p.message == "no candidates: add at least one under `candidates:`"


def test_one_candidate_is_valid(write: Callable[[str, str], Path]) -> None:
    write("criteria/set.yaml", CRITERIA_YAML)
    row = "{participants: 5, distance_km: 1, employees: 3, gap: 2, strategy: 4}"
    tail = f"data:\n  values: {{coal: {row}}}\n"
    sc = load_scenario(write("s.yaml", _scenario_text(tail, "candidates: [{id: coal}]\n")))
    dm = decision_matrix(sc)
    assert dm.shape == (1, 4)
    assert dm.values[0].tolist() == [5.0, 1.0, 0.5, 4.0]


def test_missing_criteria_file_names_the_path_tried(
    write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    path = write("s.yaml", _scenario_text("").replace("set.yaml", "nope.yaml"))
    (p,) = _problems(lambda: load_scenario(path))
    tried = (tmp_path / "criteria" / "nope.yaml").resolve()
    assert (p.location, p.line) == ("criteria_set", 2)
    assert p.message == f"criteria set file not found: tried {tried}"


def test_missing_data_file_names_the_path_tried(
    write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    (p,) = _scenario_problems(write, "data:\n  file: data/nope.csv\n")
    assert (p.location, p.line) == ("data.file", 8)
    assert p.message == f"data file not found: tried {(tmp_path / 'data' / 'nope.csv').resolve()}"


def test_unknown_names_in_scenario(write: Callable[[str, str], Path]) -> None:
    tail = (
        "data:\n"
        "  values: {coal: {strateg: 3}, ghost: {strategy: 1}}\n"
        "  provenance: {foo: {source: x}}\n"
        "weights:\n"
        "  groups: {infrastucture: 2}\n"
    )
    messages = [p.message for p in _scenario_problems(write, tail)]
    keys = "participants, distance_km, employees, gap, strategy"
    assert messages == [
        f"unknown data key 'strateg' (did you mean 'strategy'?); known: {keys}",
        "unknown candidate 'ghost'; known: coal, bio, tour",
        f"unknown data key 'foo'; known: {keys}",
        "unknown group 'infrastucture' (did you mean 'infrastructure'?); "
        "known: infrastructure, critical_mass",
    ]


def test_bad_policy_and_weights_mode(write: Callable[[str, str], Path]) -> None:
    problems = _scenario_problems(write, "missing_data: impute\nweights: {mode: magic}\n")
    assert [p.message for p in problems] == [
        "'missing_data' must be one of reject, drop_candidate, impute_worst, impute_mean "
        "(got 'impute') (did you mean 'impute_mean'?)",
        "'mode' must be one of 'direct', 'ahp', 'criteria_set', 'objective' (got 'magic')",
    ]


def test_pairwise_judgments_out_of_scale_and_not_reciprocal(
    write: Callable[[str, str], Path],
) -> None:
    tail = (
        "weights:\n"
        "  mode: ahp\n"
        "  groups: {judgments: [[infrastructure, critical_mass, 12]]}\n"
        "  criteria:\n"
        "    infrastructure: {items: [participants, distance], matrix: [[1, 3], [2, 1]]}\n"
        "    critical_mass: {judgments: [[mass, mass, 2]]}\n"
    )
    problems = _scenario_problems(write, tail)
    assert [(p.line, p.location, p.message) for p in problems] == [
        (
            9,
            "weights.groups.judgments[0][2]",
            "judgment 12 is outside Saaty's scale 1/9..9; write a value from 1/9 to 9",
        ),
        (
            11,
            "weights.criteria.infrastructure.matrix[1][0]",
            "matrix[0][1] = 3 and matrix[1][0] = 2 are not reciprocal; expected matrix[1][0] = 1/3",
        ),
        (
            12,
            "weights.criteria.critical_mass.judgments[0]",
            "'mass' is judged against itself; remove it",
        ),
    ]


def test_judgments_name_items_of_the_right_group(write: Callable[[str, str], Path]) -> None:
    tail = (
        "weights:\n"
        "  mode: ahp\n"
        "  groups: {judgments: [[infrastructure, critical_mass, 3]]}\n"
        "  criteria:\n"
        "    infrastructure: {judgments: [[participants, mass, 2]]}\n"
    )
    messages = [(p.location, p.message) for p in _scenario_problems(write, tail)]
    assert messages == [
        ("weights.criteria", "group 'critical_mass' has 2 criteria but no judgments among them"),
        (
            "weights.criteria.infrastructure.judgments[0][1]",
            "unknown criterion 'mass'; known: participants, distance",
        ),
    ]


def test_ahp_file_structure_problems() -> None:
    text = (
        "goal: g\ncriteria: [cost, quality]\n"
        "criteria_judgments: {judgments: [[cost, quality, 3], [quality, cost, 1/3]]}\n"
        "alternatives: [a, b]\n"
        "alternative_judgments:\n"
        "  cost: {judgments: [[a, b, 0]]}\n"
        "  quality: {judgments: [[a, b, nine]]}\n"
    )
    problems = _problems(lambda: ahp_file_from_text(text, "h.yaml"))
    assert [(p.line, p.location, p.message) for p in problems] == [
        (
            3,
            "criteria_judgments.judgments[1]",
            "duplicate judgment of the pair 'cost vs quality' (also at judgments[0])",
        ),
        (
            6,
            "alternative_judgments.cost.judgments[0][2]",
            "judgment 0 is outside Saaty's scale 1/9..9; write a value from 1/9 to 9",
        ),
        (
            7,
            "alternative_judgments.quality.judgments[0][2]",
            "a judgment must be a number or a fraction like \"1/3\" (got 'nine')",
        ),
    ]


def test_ahp_file_name_problems() -> None:
    text = (
        "goal: g\ncriteria: [cost, quality, time]\n"
        "criteria_judgments: {judgments: [[cost, quality, 3], [cost, tme, 2]]}\n"
        "alternatives: [a, b]\n"
        "alternative_judgments:\n"
        "  cost: {judgments: [[a, b, 2]]}\n"
        "  qualty: {judgments: [[a, b, 2]]}\n"
    )
    problems = _problems(lambda: ahp_file_from_text(text, "h.yaml"))
    assert [(p.location, p.message) for p in problems] == [
        (
            "criteria_judgments.judgments[1][1]",
            "unknown criterion 'tme' (did you mean 'time'?); known: cost, quality, time",
        ),
        ("alternative_judgments", "no judgments among the alternatives for criterion 'quality'"),
        ("alternative_judgments", "no judgments among the alternatives for criterion 'time'"),
        (
            "alternative_judgments.qualty",
            "unknown criterion 'qualty' (did you mean 'quality'?); known: cost, quality, time",
        ),
    ]


def test_ahp_judgments_must_connect_the_items() -> None:
    text = (
        "goal: g\ncriteria: [a, b, c, d]\n"
        "criteria_judgments: {judgments: [[a, b, 3], [c, d, 2]]}\nalternatives: [x]\n"
    )
    (p,) = _problems(lambda: ahp_file_from_text(text, "h.yaml"))
    assert p.location == "criteria_judgments"
    assert p.message == (
        "the judgments never connect these criterion sets to each other: a, b | c, d; "
        "add a judgment linking them"
    )


def test_scenario_text_without_base_dir_uses_cwd(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (p,) = _problems(lambda: scenario_from_text(_scenario_text(""), "upload.yaml"))
    assert p.message == "criteria set file not found: tried criteria/set.yaml"  # in the cwd
