"""The command line in Russian (issue 14): ``--lang`` or the locale, help, messages, tables.

``--lang ru`` (before or after the command) or ``LANG=ru_RU.UTF-8`` gives Russian help
(argparse's own words too), Russian messages and tables with decimal commas; ``--lang en``
English; an unknown language exits 2 naming ``en, ru``. JSON keeps its English keys and the
same numbers in both languages, only texts differ.

The Russian tests read the shipped catalogue (``clusterrank/i18n/locale``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from clusterrank.cli.language import chosen, requested
from clusterrank.cli.output import heading, number_text, percent_text
from clusterrank.i18n import use_language
from tests.helpers.cli import KEMEROVO, REPO, Run

RunCli = Callable[..., Run]
SURVEY = REPO / "configs" / "panels" / "seed001_social_capital.yaml"


@pytest.mark.parametrize(
    ("argv", "value"),
    [
        (["--lang", "ru", "rank", "x"], "ru"),
        (["rank", "x", "--lang=en"], "en"),
        (["rank", "x", "--lang", "ru", "--lang", "en"], "en"),
        (["rank", "--", "--lang", "ru"], None),
        (["rank", "x"], None),
    ],
)
def test_the_language_is_read_from_argv_by_hand(argv: list[str], value: str | None) -> None:
    assert requested(argv) == value


def test_without_lang_the_environment_decides_and_an_unknown_lang_falls_back_to_it() -> None:
    assert chosen(["rank"], {"LANG": "ru_RU.UTF-8"}) == "ru"
    assert chosen(["rank"], {"CLUSTERRANK_LANG": "en", "LANG": "ru_RU.UTF-8"}) == "en"
    assert chosen(["--lang", "xx"], {"LC_ALL": "ru_RU.UTF-8"}) == "ru"
    assert chosen(["--lang", "en"], {"LANG": "ru_RU.UTF-8"}) == "en"


def test_numbers_and_headings_of_tables_follow_the_language() -> None:
    with use_language("en"):
        assert number_text(1345.74125) == "1345.7413"  # Python's digits, unchanged in English
        assert percent_text(0.52) == "52%"
        assert heading("rank") == "rank"
        assert heading("rank 21+") == "rank 21+"
    with use_language("ru"):
        assert number_text(1345.74125) == "1345,7413"
        assert number_text(12345.5, ",.1f") == "12\xa0345,5"
        assert number_text(float("nan")) == "nan"  # never a figure
        assert percent_text(0.52) == "52\xa0%"


def test_an_unknown_language_exits_2_naming_the_languages(run_cli: RunCli) -> None:
    for argv in (["--lang", "xx", "methods"], ["methods", "--lang", "xx"]):
        done = run_cli(*argv)
        assert done.code == 2
        assert "--lang" in done.err
        assert "'en', 'ru'" in done.err


def test_lang_en_is_english_before_or_after_the_command(run_cli: RunCli) -> None:
    plain = run_cli("rank", KEMEROVO)
    for argv in (["--lang", "en", "rank", KEMEROVO], ["rank", KEMEROVO, "--lang", "en"]):
        done = run_cli(*argv)
        assert done.code == 0, done.err
        assert done.out == plain.out
    assert "0.7413" in plain.out
    assert "usage: clusterrank" in run_cli("--lang", "en", "--help").out


def test_the_report_takes_the_language_of_lang(
    run_cli: RunCli, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``report --lang`` is the global option: the report builder gets the language set."""
    seen: dict[str, str] = {}

    def builder(scenario: Any, **kwargs: Any) -> Any:
        seen["lang"] = kwargs["lang"]
        raise RuntimeError("stop")  # the language is all this test wants

    monkeypatch.setattr("clusterrank.reports.decision.build.decision_report", builder)
    done = run_cli("report", KEMEROVO, "-o", tmp_path / "r.html", "--lang", "ru")
    assert seen == {"lang": "ru"}
    assert done.code == 1


def _shape(value: Any) -> Any:
    """``value`` with every text replaced by its type: what must not depend on the language."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return "text" if isinstance(value, str) else value


def test_json_is_the_same_in_both_languages_but_for_texts(run_cli: RunCli) -> None:
    en = run_cli("rank", KEMEROVO, "--format", "json", "--lang", "en")
    ru = run_cli("rank", KEMEROVO, "--format", "json", "--lang", "ru")
    assert en.code == ru.code == 0
    assert _shape(json.loads(en.out)) == _shape(json.loads(ru.out))


def test_lang_ru_gives_russian_help_with_argparse_words(run_cli: RunCli) -> None:
    done = run_cli("--lang", "ru", "--help")
    assert done.code == 0
    assert done.out.startswith("использование: clusterrank")
    assert "позиционные аргументы" in done.out
    assert "показать эту справку и выйти" in done.out
    assert "Ранжирование кластеров-кандидатов" in done.out
    sub = run_cli("rank", "--help", "--lang", "ru")
    assert "метод ранжирования" in sub.out


def test_lang_ru_gives_a_russian_table_with_decimal_commas(run_cli: RunCli) -> None:
    done = run_cli("rank", KEMEROVO, "--lang", "ru")
    assert done.code == 0, done.err
    assert "0,7413" in done.out
    assert "0.7413" not in done.out
    head = next(line for line in done.out.splitlines() if "coal" in line or "место" in line)
    assert "место" in head
    assert "весовые коэффициенты: investment=0,2000" in done.out


def test_the_locale_alone_makes_it_russian(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    done = run_cli("rank", KEMEROVO)
    assert "0,7413" in done.out
    assert "использование:" in run_cli("rank", "--help").out
    bad = run_cli("rank")
    assert bad.code == 2
    assert bad.err.startswith("ошибка: укажите файл сценария YAML")
    english = run_cli("rank", KEMEROVO, "--lang", "en")
    assert "0.7413" in english.out


def test_argparse_errors_are_russian(run_cli: RunCli) -> None:
    done = run_cli("--lang", "ru", "rank", KEMEROVO, "--format", "xml")
    assert done.code == 2
    assert "ошибка: аргумент --format: недопустимое значение: 'xml'" in done.err


def test_panel_messages_are_russian(run_cli: RunCli, tmp_path: Any) -> None:
    db = f"sqlite:///{tmp_path / 'panel.db'}"
    experts = REPO / "configs" / "panels" / "kemerovo_illustrative_experts.csv"
    made = run_cli(
        "panel", "create", KEMEROVO, "--experts", experts, "--illustrative", "--db", db,
        "--lang", "ru",
    )  # fmt: skip
    assert made.code == 0, made.err
    assert "ИЛЛЮСТРАТИВНАЯ экспертная группа" in made.out
    assert "ключ модератора:" in made.out
    line = next(t for t in made.out.splitlines() if t.startswith("экспертная группа "))
    panel = line.split()[2]
    denied = run_cli("panel", "status", panel, "--key", "wrong", "--db", db, "--lang", "ru")
    assert denied.code == 2
    assert "не открывает ни одну экспертную группу" in denied.err
    survey = run_cli("panel", "survey", SURVEY, "--lang", "ru")
    assert survey.code == 0, survey.err
    assert "респондентов:" in survey.out
    assert "\xa0%" in survey.out
