"""Texts of analysis/ in Russian: quality reasons (plural forms), provenance, explanations.

Reads the shipped Russian catalogue (``clusterrank/i18n/locale/ru``).
Numbers come through ``clusterrank.i18n.formats``: a decimal comma in Russian.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.provenance import panel_label, weight_source
from clusterrank.analysis.quality import _reason
from clusterrank.analysis.weights import resolve_weights
from clusterrank.criteria.loading import load_scenario
from clusterrank.methods.explain import contributions
from clusterrank.methods.problem import DecisionProblem
from tests.helpers.i18n import speaking

KEMEROVO_AHP = Path(__file__).resolve().parents[2] / "configs/scenarios/kemerovo_clusters_ahp.yaml"


@pytest.mark.parametrize(
    ("imputed", "expected"),
    [
        (1, "по правилу заполнен 1 показатель из 2 (больше половины)"),
        (3, "по правилу заполнено 3 показателя из 5 (больше половины)"),
        (5, "по правилу заполнено 5 показателей из 6 (больше половины)"),
    ],
)
def test_quality_reason_has_russian_plural_forms(imputed: int, expected: str) -> None:
    """Russian plural forms: one (1), few (3), many (5)."""
    cells = {1: 2, 3: 5, 5: 6}[imputed]
    with speaking("ru"):
        assert _reason(imputed, cells, 0.5) == expected
    with speaking("en"):
        assert _reason(imputed, cells, 0.5) == f"{imputed} of {cells} figures imputed (above half)"


def test_quality_reason_with_another_threshold_formats_the_percentage() -> None:
    with speaking("ru"):
        assert _reason(5, 6, 0.6) == "по правилу заполнено 5 показателей из 6 (больше 60\xa0%)"
    with speaking("en"):
        assert _reason(5, 6, 0.6) == "5 of 6 figures imputed (above 60%)"


def test_ahp_provenance_summary_in_russian_with_a_decimal_comma() -> None:
    """The shipped AHP scenario's judgments are consistent: CR 0,00x ≤ 0,10."""
    weights = resolve_weights(load_scenario(KEMEROVO_AHP))
    with speaking("ru"):
        summary = weight_source(weights).summary
    assert re.fullmatch(
        r"Парные сравнения МАИ \(собственный вектор\), CR 0,00\d ≤ 0,10"
        r" \(худшая из матриц \(\d\): .+\)",
        summary,
    ), summary


def test_panel_label_in_russian() -> None:
    payload = {
        "panel": "p7",
        "title": "Пилотные кластеры",
        "round": 2,
        "aggregation": "aij",
        "consensus": {"s_star": {"groups": 0.784}, "kendall_w": 0.5},
    }
    with speaking("ru"):
        assert panel_label(payload) == (
            "экспертная группа «Пилотные кластеры» (p7), раунд 2, AIJ, согласованность мнений: "
            "наименьший S* 0,78 (groups), W Кендалла 0,50"
        )


def test_explanation_sentence_in_russian() -> None:
    problem = DecisionProblem.of(np.array([[1.0, 2.0], [3.0, 1.0]]), ["benefit", "cost"])
    with speaking("ru"):
        text = contributions(problem, [0.5, 0.5], "wsm", {"normalization": "minmax"}).description
    assert text.startswith("Взвешенная сумма, нормализация minmax: каждое значение — вес критерия")
