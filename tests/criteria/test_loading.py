"""Loading YAML files into models: paths, kinds, encodings, and where problems are reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clusterrank.criteria import (
    AHPFile,
    CriteriaSet,
    Scenario,
    any_from_text,
    criteria_set_from_text,
    load_ahp_file,
    load_any,
    load_criteria_set,
    load_scenario,
    scenario_from_text,
    validate_model,
)
from clusterrank.errors import ValidationFailed
from tests.helpers.criteria import CANDIDATES, CRITERIA_YAML, Writer

AHP_YAML = """\
goal: Выбор пилотного кластера
criteria: [cost, quality]
criteria_judgments: {judgments: [[cost, quality, 3]]}
alternatives: [a, b]
alternative_judgments:
  cost: {judgments: [[a, b, 2]]}
  quality: {items: [a, b], matrix: [[1, "1/4"], [4, 1]]}
"""

CYRILLIC_SET = """\
id: пять_групп
title: Пять групп критериев
source: Сид 003, «Методика исследования»
groups:
  - id: инфраструктура
    title: Инфраструктура территории
    criteria:
      - id: участники
        title: Число организаций-участников
        direction: benefit
        unit: организаций
        indicators: [{id: участники, title: Участники}]
"""


def test_load_criteria_set(write: Writer) -> None:
    cs = load_criteria_set(write("set.yaml", CRITERIA_YAML))
    assert isinstance(cs, CriteriaSet)
    assert cs.groups[0].title == "Инфраструктура территории"


def test_cyrillic_round_trips_intact(write: Writer) -> None:
    """Cyrillic ids, titles and units survive load -> JSON dump -> validate unchanged."""
    cs = load_criteria_set(write("набор.yaml", CYRILLIC_SET))
    assert cs.id == "пять_групп"
    assert cs.source == "Сид 003, «Методика исследования»"
    assert cs.criteria[0].id == "участники"
    assert cs.criteria[0].unit == "организаций"
    again = CriteriaSet.model_validate_json(cs.model_dump_json())
    assert again == cs


def test_scenario_resolves_paths_relative_to_its_file(
    scenario_files: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = scenario_files()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    sc = load_scenario(path)
    assert isinstance(sc, Scenario)
    assert sc.data.file == str((tmp_path / "data" / "data.csv").resolve())
    assert sc.criteria_set.id == "test_set"
    assert sc.candidates[0].name == "Угольный кластер"
    assert sc.source_name.endswith("scenario.yaml")


def test_scenario_from_text_uses_base_dir(scenario_files: Callable[..., Path]) -> None:
    path = scenario_files()
    sc = scenario_from_text(path.read_text(encoding="utf-8"), "upload.yaml", base_dir=path.parent)
    assert sc.source_name == "upload.yaml"
    assert Path(sc.data.file or "").name == "data.csv"


def test_inline_criteria_set(write: Writer) -> None:
    body = "\n".join("  " + line for line in CRITERIA_YAML.splitlines())
    values = "data:\n  values: {coal: {participants: 1}}\n"
    text = f"id: s\ncriteria_set:\n{body}\n{CANDIDATES}{values}"
    sc = load_scenario(write("s.yaml", text))
    assert sc.criteria_set.criterion_ids[0] == "participants"
    assert sc.data.values == {"coal": {"participants": 1.0}}


def test_load_ahp_file(write: Writer) -> None:
    ahp = load_ahp_file(write("h.yaml", AHP_YAML))
    assert ahp.goal == "Выбор пилотного кластера"
    assert ahp.alternative_judgments["quality"].triples() == (("a", "b", 0.25),)


def test_load_any_detects_each_kind(write: Writer, scenario_files: Callable[..., Path]) -> None:
    assert isinstance(load_any(write("c.yaml", CRITERIA_YAML)), CriteriaSet)
    assert isinstance(load_any(write("h.yaml", AHP_YAML)), AHPFile)
    assert isinstance(load_any(scenario_files()), Scenario)
    with pytest.raises(ValidationFailed, match="cannot tell what kind of file this is"):
        any_from_text("title: what am I\n", "x.yaml")


def test_bom_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + CRITERIA_YAML.encode("utf-8"))
    assert load_criteria_set(path).id == "test_set"


def test_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.yaml"
    path.write_bytes(CYRILLIC_SET.encode("cp1251"))
    with pytest.raises(ValidationFailed, match="not UTF-8 text"):
        load_criteria_set(path)


def test_problem_carries_file_path_and_line() -> None:
    text = CRITERIA_YAML.replace("weight: 3\n    criteria", "weight: -0.2\n    criteria")
    with pytest.raises(ValidationFailed) as info:
        criteria_set_from_text(text, "set.yaml")
    (p,) = info.value.problems
    assert (p.file, p.location, p.line) == ("set.yaml", "groups[1].weight", 22)
    assert p.message == "'weight' must be >= 0 (got -0.2)"
    assert str(p) == "set.yaml, line 22, groups[1].weight: 'weight' must be >= 0 (got -0.2)"


def test_inline_set_problems_are_prefixed(write: Writer) -> None:
    body = "\n".join(
        "  " + line
        for line in CRITERIA_YAML.replace(
            "unit: km\n", "unit: km\n        wieght: 1\n"
        ).splitlines()
    )
    text = f"id: s\ncriteria_set:\n{body}\n{CANDIDATES}"
    with pytest.raises(ValidationFailed) as info:
        load_scenario(write("s.yaml", text))
    (p,) = info.value.problems
    assert p.location == "criteria_set.groups[0].criteria[1].wieght"
    assert p.line == 21
    assert p.message.startswith("unknown key 'wieght' (did you mean 'weight'?); allowed: id, title")


def test_referenced_set_problems_name_that_file(
    write: Writer, scenario_files: Callable[..., Path]
) -> None:
    path = scenario_files(tail="missing_data: nonsense\n")
    write("criteria/set.yaml", CRITERIA_YAML.replace("direction: cost", "direction: down", 1))
    with pytest.raises(ValidationFailed) as info:
        load_scenario(path)
    files = sorted(Path(p.file).name for p in info.value.problems)
    assert files == ["scenario.yaml", "set.yaml"]
    by_file = {Path(p.file).name: p for p in info.value.problems}
    assert by_file["set.yaml"].location == "groups[0].criteria[1].direction"
    assert by_file["set.yaml"].line == 17
    assert by_file["scenario.yaml"].location == "missing_data"


def test_validate_model_for_forms() -> None:
    with pytest.raises(ValidationFailed) as info:
        validate_model(CriteriaSet, {"id": "x", "source": "s", "groups": [], "extra": 1}, "<form>")
    messages = {p.location: p.message for p in info.value.problems}
    assert messages["groups"] == "'groups' needs at least 1 item(s) (got 0)"
    assert messages["extra"].startswith("unknown key 'extra'; allowed: id, title, source")
    assert all(p.line is None and p.file == "<form>" for p in info.value.problems)
