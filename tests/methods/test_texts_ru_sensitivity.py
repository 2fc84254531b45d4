"""Notes and messages of sensitivity, AHP and group decisions in Russian.

Reads the shipped Russian catalogue (``clusterrank/i18n/locale/ru``).
Each Russian text is checked beside its English one, which stays byte-identical.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp.consistency import analyse
from clusterrank.methods.ahp.pairwise import parse_judgment_value
from clusterrank.methods.group import consensus_label, kendall_w
from clusterrank.methods.sensitivity.sampling import WeightSampling
from clusterrank.methods.sensitivity.smaa import smaa
from tests.helpers.i18n import speaking

# Row 3 is worst on every criterion, so it never ranks first in any SMAA sample.
MATRIX = np.array([[3.0, 1.0, 2.0], [1.0, 3.0, 2.5], [0.5, 0.5, 1.0]])
# Saaty's scale, judgments contradicting each other: a > b > c but c > a (CR far above 0.1).
CYCLIC = [[1, 5, 1 / 5], [1 / 5, 1, 5], [5, 1 / 5, 1]]


def _smaa_notes() -> tuple[str, ...]:
    sampling = WeightSampling.bounded([0.1, 0.1, 0.1], [0.6, 0.6, 0.6])
    return smaa(MATRIX, None, "topsis", sampling=sampling, n_samples=500, seed=1).notes


def test_smaa_notes_in_russian_with_plural_and_percent() -> None:
    """A candidate never first: one-form plural; the acceptance rate in Russian percent."""
    with speaking("en"):
        english = _smaa_notes()
    with speaking("ru"):
        russian = _smaa_notes()
    assert any(
        re.fullmatch(r"bounded sampling by rejection: about \d+\.\d% of .*", n) for n in english
    )
    assert (
        "1 candidate(s) never ranked first: they have no central weights (shown as missing) "
        "and a confidence factor of 0" in english
    )
    assert any(
        re.fullmatch(
            r"выборка в границах методом отклонения: принято около \d+,\d\xa0% розыгрышей", n
        )
        for n in russian
    )
    assert (
        "1 кандидат ни разу не занял первое место: у него нет центральных весов (показаны как "
        "пропущенные), коэффициент доверия равен 0" in russian
    )


def test_ahp_consistency_note_and_summary_in_russian() -> None:
    """CR with a decimal comma, the verdict and the threshold in Russian words."""
    with speaking("en"):
        english = analyse(CYCLIC, ["a", "b", "c"])
    with speaking("ru"):
        russian = analyse(CYCLIC, ["a", "b", "c"])
        summary = russian.summary()
    cr = f"{english.cr:.3f}"
    assert english.notes[-1].startswith(f"CR = {cr} exceeds 0.1: the judgments are too")
    assert russian.notes[-1] == (
        f"CR = {cr.replace('.', ',')} превышает 0.1: суждения слишком несогласованны, чтобы им "
        "доверять; пересмотрите наиболее несогласованные"
    )
    assert summary.startswith(f"CR = {cr.replace('.', ',')} (CI = ")
    assert summary.endswith("слишком несогласованно, пересмотрите суждения (порог 0.1)")


def test_ahp_judgment_error_in_russian() -> None:
    """A judgment that is not a number is refused in Russian, the example kept."""
    with speaking("ru"), pytest.raises(MethodInputError) as caught:
        parse_judgment_value("three")
    assert (
        str(caught.value) == "суждение должно быть числом, например 3 или '1/3' (получено 'three')"
    )


def test_group_consensus_word_and_kendall_note_in_russian() -> None:
    """Goepel's word is shown in Russian (the stored word stays English); W's tie note too."""
    ranks = [[1, 2, 3, 4], [1, 1, 3, 4], [2, 1, 3, 4]]
    with speaking("en"):
        assert consensus_label("high") == "high"
        assert "1 of 3 raters have ties; W is tie-corrected" in kendall_w(ranks).notes
    with speaking("ru"):
        assert consensus_label("high") == "высокая"
        assert consensus_label("very low") == "очень низкая"
        assert "у 1 из 3 экспертов есть связанные ранги; W скорректирован на связи" in (
            kendall_w(ranks).notes
        )
