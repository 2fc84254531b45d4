"""Titles, descriptions, units and candidate names in both languages (``{ru: …, en: …}``).

A bilingual text is resolved to a plain ``str`` in the language of the load, falls back to
the other language, is refused with the file, line and place when its keys are wrong, and is
written back with both languages wherever a scenario is saved again. Every shipped criteria
set and scenario gives its titles in both languages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from clusterrank.analysis.weights import weights_from_sliders
from clusterrank.criteria.loading import criteria_set_from_text, load_scenario, scenario_from_text
from clusterrank.criteria.models import CriteriaSet, Scenario
from clusterrank.criteria.schema import json_schemas
from clusterrank.errors import ValidationFailed
from clusterrank.panel.snapshot import snapshot_dict
from clusterrank.reports.weights_yaml import scenario_text_with_weights
from tests.helpers.i18n import speaking

CONFIGS = Path(__file__).resolve().parents[2] / "configs"
KEMEROVO = CONFIGS / "scenarios" / "kemerovo_clusters.yaml"

SET = """\
id: bilingual
title: {ru: Набор критериев, en: Criteria set}
source: written for the tests
groups:
  - id: infra
    title:
      ru: Инфраструктура
      en: Infrastructure
    criteria:
      - id: invest
        title: {ru: Инвестиции}
        unit: {ru: млн руб., en: mln RUB}
        direction: benefit
        indicators: [{id: invest, title: {en: Investment}}]
      - id: plain
        title: Same in both
        direction: cost
        indicators: [{id: plain}]
"""


def _set(text: str = SET, lang: str = "en") -> CriteriaSet:
    with speaking(lang):
        return criteria_set_from_text(text, "set.yaml")


def test_mapping_resolves_to_the_language_of_the_load() -> None:
    en, ru = _set(lang="en"), _set(lang="ru")
    assert (en.title, en.groups[0].title) == ("Criteria set", "Infrastructure")
    assert (ru.title, ru.groups[0].title) == ("Набор критериев", "Инфраструктура")
    assert (en.criteria[0].unit, ru.criteria[0].unit) == ("mln RUB", "млн руб.")
    assert isinstance(ru.title, str)


def test_missing_language_falls_back_never_empty() -> None:
    """Only ``ru`` given: English falls back to Russian, and the other way round."""
    en, ru = _set(lang="en"), _set(lang="ru")
    assert en.criteria[0].title == ru.criteria[0].title == "Инвестиции"
    assert ru.criteria[0].indicators is not None
    assert ru.criteria[0].indicators[0].title == "Investment"
    assert en.criteria[1].title == ru.criteria[1].title == "Same in both"


def test_validation_context_language_wins() -> None:
    """``Model.model_validate(..., context={"lang": "ru"})`` resolves in Russian."""
    data = yaml.safe_load(SET)
    with speaking("en"):
        model = CriteriaSet.model_validate(data, context={"lang": "ru"})
    assert model.title == "Набор критериев"


@pytest.mark.parametrize(
    ("title", "line", "place", "words"),
    [
        ("{de: Infrastruktur}", 6, "groups[0].title", "takes the keys en, ru only (got 'de')"),
        ("{ru: '', en: Infra}", 6, "groups[0].title", "the 'ru' text must be non-empty"),
        ("{}", 6, "groups[0].title", "got no key"),
        ("{ru: [a, b]}", 6, "groups[0].title", "the 'ru' text must be non-empty (got ['a', 'b'])"),
    ],
)
def test_bad_mapping_is_refused_with_file_line_and_place(
    title: str, line: int, place: str, words: str
) -> None:
    text = SET.replace("    title:\n      ru: Инфраструктура\n      en: Infrastructure\n", "")
    text = text.replace("  - id: infra\n", f"  - id: infra\n    title: {title}\n")
    with pytest.raises(ValidationFailed) as info:
        criteria_set_from_text(text, "set.yaml")
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.location) == ("set.yaml", line, place)
    assert words in problem.message


def test_dump_keeps_both_languages() -> None:
    """``model_dump`` writes each bilingual text as given; plain texts stay plain."""
    dumped = _set(lang="ru").model_dump(mode="json")
    assert dumped["title"] == {"ru": "Набор критериев", "en": "Criteria set"}
    crit = dumped["groups"][0]["criteria"]
    assert crit[0]["title"] == {"ru": "Инвестиции"}
    assert crit[1]["title"] == "Same in both"
    again = CriteriaSet.model_validate(dumped, context={"lang": "en"})
    assert again.title == "Criteria set"
    assert again.texts("title") == {"ru": "Набор критериев", "en": "Criteria set"}
    assert again.criteria[1].texts("title") == {"en": "Same in both", "ru": "Same in both"}


def test_scenario_saved_with_new_weights_keeps_both_languages() -> None:
    """reports.weights_yaml rewrites only ``weights:``: titles keep ru and en."""
    text = KEMEROVO.read_text("utf-8")
    with speaking("ru"):
        scenario = scenario_from_text(text, KEMEROVO.name, KEMEROVO.parent)
    report = weights_from_sliders(scenario, {g.id: 1.0 for g in scenario.criteria_set.groups}, {})
    saved = yaml.safe_load(scenario_text_with_weights(text, report, KEMEROVO.name))
    assert saved["title"] == {
        "en": "Kemerovo region clusters, 2017",
        "ru": "Кластеры Кемеровской области, 2017",
    }
    assert set(saved["description"]) == {"en", "ru"}
    with speaking("en"):
        back = scenario_from_text(yaml.safe_dump(saved), "saved.yaml", KEMEROVO.parent)
    assert back.title == "Kemerovo region clusters, 2017"


def test_snapshot_keeps_both_languages() -> None:
    """A panel's self-contained snapshot (criteria set inline) keeps every bilingual text."""
    with speaking("ru"):
        body = snapshot_dict(load_scenario(KEMEROVO))
    assert body["title"]["en"] == "Kemerovo region clusters, 2017"
    group = body["criteria_set"]["groups"][0]
    assert group["title"] == {
        "en": "Infrastructure of the territory",
        "ru": "Инфраструктура территории",
    }
    with speaking("en"):
        back = Scenario.model_validate(body)
    assert back.criteria_set.groups[0].title == "Infrastructure of the territory"


def test_json_schema_accepts_both_forms() -> None:
    title = json_schemas()["criteria_set"]["properties"]["title"]
    forms = title["anyOf"]
    assert {"type": "string"} in forms
    mapping = next(f for f in forms if f.get("type") == "object")
    assert set(mapping["properties"]) == {"en", "ru"}
    assert mapping["additionalProperties"] is False


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"en", "ru"} and all(value.values())


def _sets() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted((CONFIGS / "criteria").glob("*.yaml")):
        out.append((path.name, yaml.safe_load(path.read_text("utf-8"))))
    for path in sorted((CONFIGS / "scenarios").glob("*.yaml")):
        inline = yaml.safe_load(path.read_text("utf-8"))["criteria_set"]
        if isinstance(inline, dict):
            out.append((path.name, inline))
    return out


@pytest.mark.parametrize(("name", "data"), _sets(), ids=[n for n, _ in _sets()])
def test_shipped_criteria_sets_have_both_languages(name: str, data: dict[str, Any]) -> None:
    """Every shipped set's title, group titles and criterion titles give ru and en."""
    missing = [] if _bilingual(data.get("title")) else ["title"]
    for g in data["groups"]:
        missing += [] if _bilingual(g.get("title")) else [f"group {g['id']}"]
        missing += [f"criterion {c['id']}" for c in g["criteria"] if not _bilingual(c.get("title"))]
    assert not missing, f"{name}: {missing}"


@pytest.mark.parametrize("path", sorted((CONFIGS / "scenarios").glob("*.yaml")), ids=str)
def test_shipped_scenarios_have_both_languages(path: Path) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert _bilingual(data["title"])
    assert _bilingual(data["description"])
    with speaking("ru"):
        ru = load_scenario(path)
    with speaking("en"):
        en = load_scenario(path)
    assert ru.title == data["title"]["ru"]
    assert en.title == data["title"]["en"]
    assert ru.criteria_set.criteria[0].title != en.criteria_set.criteria[0].title


def test_criteria_message_in_russian() -> None:
    """Needs the coordinator's merge of tr/s1_criteria.po into the shipped catalogue."""
    text = SET.replace("title: {ru: Набор критериев, en: Criteria set}", "title: {de: Satz}")
    with speaking("ru"), pytest.raises(ValidationFailed) as info:
        criteria_set_from_text(text, "set.yaml")
    message = str(info.value)
    assert "set.yaml, строка 2, title" in message
    assert "ключи en, ru" in message
    assert "takes the keys" not in message
    assert message.startswith("Найдена 1 проблема:")
