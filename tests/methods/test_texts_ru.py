"""Texts of methods/ in Russian: method titles and descriptions, advice, captions and notes.

Reads the shipped Russian catalogue (``clusterrank/i18n/locale/ru``).
The English texts (the msgids) stay byte-identical: checked beside each Russian one.
"""

from __future__ import annotations

import numpy as np

from clusterrank.methods.families import FAMILIES, advice, family_title
from clusterrank.methods.registry import AHP_INFO, available_methods, rank
from clusterrank.methods.result import tie_notes
from clusterrank.methods.settings_words import describe
from clusterrank.methods.weighted_sum import WSM_INFO
from tests.helpers.i18n import speaking


def test_method_title_and_description_in_russian() -> None:
    """A word title is translated, a method's name is not; the description follows."""
    with speaking("ru"):
        assert WSM_INFO.title_text == "Взвешенная сумма (WSM / SAW)"
        assert WSM_INFO.description_text == "Взвешенная сумма нормализованных значений критериев."
        assert AHP_INFO.title_text == "Синтез МАИ"
        topsis = next(m for m in available_methods("ranking") if m.name == "topsis")
        assert topsis.title_text == "TOPSIS"
        assert topsis.settings["normalization"].help_text.startswith("vector — классический")
    with speaking("en"):
        assert WSM_INFO.title_text == "Weighted sum (WSM / SAW)"
        assert WSM_INFO.description_text == "Weighted sum of normalised criterion values."


def test_every_method_text_is_translated() -> None:
    """No catalogue method keeps an English description or setting help in Russian."""
    with speaking("ru"):
        for info in available_methods():
            assert info.description_text != info.description, info.name
            for name, spec in info.settings.items():
                assert not spec.help or spec.help_text != spec.help, (info.name, name)


def test_family_advice_in_russian() -> None:
    with speaking("ru"):
        assert advice("topsis").suits_text.startswith("Надёжный выбор по умолчанию")
        assert family_title("compensatory") == "Компенсаторные (полезность)"
        assert all(f.meaning_text != f.meaning for f in FAMILIES)
    with speaking("en"):
        assert advice("topsis").suits_text.startswith("A sound default")


def test_settings_in_plain_russian() -> None:
    with speaking("ru"):
        assert describe("topsis", {"normalization": "vector"}) == "TOPSIS, векторная нормализация"
        assert describe("wsm", {"normalization": "minmax"}) == (
            "Взвешенная сумма (WSM / SAW), минимаксная нормализация"
        )
    with speaking("en"):
        assert describe("topsis", {"normalization": "vector"}) == "TOPSIS, vector normalisation"


def test_method_notes_in_russian() -> None:
    """A tie and a lone candidate are noted in Russian; a constant column too."""
    with speaking("ru"):
        assert tie_notes(["a", "b", "c"], np.array([1, 1, 3])) == [
            "равенство: a, b делят 1-е место (одинаковые оценки)"
        ]
        single = rank([[1.0, 2.0]], [0.5, 0.5], ["benefit", "cost"], "topsis")
        assert any("принята равной 0,5" in note for note in single.notes)
        flat = rank([[1.0, 2.0], [1.0, 3.0]], [0.5, 0.5], ["benefit", "benefit"], "topsis")
        assert any("одинаков у всех кандидатов" in note for note in flat.notes)
