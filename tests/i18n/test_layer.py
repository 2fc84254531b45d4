"""The translation layer itself: languages, contexts, fallbacks, catalogues and formats."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

import clusterrank.i18n as i18n
from clusterrank.i18n import _, formats, from_environment, language, normalize, pick, use_language
from tests.helpers.i18n import catalogue_from, with_catalogue


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ru", "ru"),
        ("ru_RU.UTF-8", "ru"),
        ("RU", "ru"),
        ("en-GB", "en"),
        ("de_DE", None),
        ("", None),
    ],
)
def test_language_codes_are_normalised(given: str, expected: str | None) -> None:
    assert normalize(given) == expected


def test_the_environment_chooses_in_order_and_defaults_to_english() -> None:
    assert from_environment({"CLUSTERRANK_LANG": "ru", "LANG": "en_US.UTF-8"}) == "ru"
    assert from_environment({"LC_ALL": "", "LANG": "ru_RU.UTF-8"}) == "ru"
    assert from_environment({"LANG": "de_DE.UTF-8"}) == "en"
    assert from_environment({}) == "en"


def test_a_language_set_in_one_thread_does_not_leak_into_another() -> None:
    """Invariant: each Streamlit session's script thread has its own language."""
    seen: dict[str, str] = {}

    def worker() -> None:
        seen["other"] = language()

    with use_language("ru"):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        seen["here"] = language()
    assert seen == {"other": "en", "here": "ru"}
    assert language() == "en"


def test_bilingual_texts_fall_back_to_the_other_language_never_to_empty() -> None:
    both = {"ru": "Рейтинг", "en": "Ranking"}
    assert pick(both, "ru") == "Рейтинг"
    assert pick(both, "en") == "Ranking"
    assert pick({"en": "Ranking", "ru": "  "}, "ru") == "Ranking"
    assert pick({"ru": "Рейтинг"}, "en") == "Рейтинг"
    assert pick("Same", "ru") == "Same"
    assert pick(None) == ""


def test_messages_translate_in_context_and_untranslated_ones_stay_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    part = tmp_path / "part.po"
    part.write_text('msgid "Export"\nmsgstr "Экспорт"\n', encoding="utf-8")
    with_catalogue(monkeypatch, [part])
    with use_language("ru"):
        assert _("Export") == "Экспорт"
        assert _("Not in any catalogue") == "Not in any catalogue"
    assert _("Export") == "Export"


def test_russian_plurals_have_three_forms(tmp_path: Path) -> None:
    part = tmp_path / "part.po"
    part.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
        'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "{n} figure"\nmsgid_plural "{n} figures"\n'
        'msgstr[0] "{n} показатель"\nmsgstr[1] "{n} показателя"\nmsgstr[2] "{n} показателей"\n',
        encoding="utf-8",
    )
    ru = catalogue_from([part])
    forms = [ru.ngettext("{n} figure", "{n} figures", n).format(n=n) for n in (1, 3, 5, 11, 21)]
    assert forms == [
        "1 показатель",
        "3 показателя",
        "5 показателей",
        "11 показателей",
        "21 показатель",
    ]


def test_a_catalogue_without_mo_is_compiled_from_its_po(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "clusterrank.po").write_text('msgid "Export"\nmsgstr "Экспорт"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        assert i18n.translations("ru").gettext("Export") == "Экспорт"
    finally:
        i18n.translations.cache_clear()


def test_numbers_percentages_and_dates_follow_the_language() -> None:
    """The issue's examples: 0,7413 · 1 345 · 52 % in Russian."""
    nbsp = "\u00a0"
    with use_language("ru"):
        assert formats.number(0.7413) == "0,7413"
        assert formats.integer(1345) == f"1{nbsp}345"
        assert formats.percent(0.52) == f"52{nbsp}%"
        assert formats.percent(0.5234, 1) == f"52,3{nbsp}%"
        assert formats.date(dt.date(2026, 11, 30)) == "30 нояб. 2026\u202fг."  # CLDR: narrow nbsp
        assert formats.chart_locale()["number"]["decimal"] == ","
    assert formats.number(0.7413) == "0.7413"
    assert formats.integer(1345) == "1,345"
    assert formats.percent(0.52) == "52%"
    assert formats.number(1345.5, 1, group=False) == "1345.5"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_are_never_formatted_as_figures(bad: float) -> None:
    with pytest.raises(ValueError, match="non-finite"):
        formats.number(bad)
