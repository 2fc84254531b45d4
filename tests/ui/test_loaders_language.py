"""A loaded scenario read again in another language (:func:`ui.loaders.again`).

Bilingual titles are picked when a scenario loads; the same file, the same uploaded bytes or
the same self-contained snapshot text give the other language's titles, and what is not a
title (where the weights came from) stays.
"""

from __future__ import annotations

from dataclasses import replace

from clusterrank.i18n import use_language
from clusterrank.panel.snapshot import snapshot_scenario
from clusterrank.ui.loaders import Loaded, Upload, again, load_shipped, load_uploaded
from tests.helpers.ui import ROOT

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
RU = "Инвестиции в основной капитал по видам деятельности кластера (2016)"
EN = "Fixed investment in the cluster's activities (2016)"


def test_a_shipped_file_is_read_again_in_the_new_language() -> None:
    with use_language("en"):
        english = load_shipped(KEMEROVO)
    with use_language("ru"):
        russian = again(english)
    assert EN in english.matrix.criterion_titles
    assert RU in russian.matrix.criterion_titles


def test_the_same_uploaded_bytes_are_loaded_again_in_the_new_language() -> None:
    text, _notes = snapshot_scenario(KEMEROVO)
    with use_language("en"):
        english = load_uploaded(Upload("mine.yaml", text.encode()), None, None)
    with use_language("ru"):
        russian = again(english)
    assert EN in english.matrix.criterion_titles
    assert RU in russian.matrix.criterion_titles
    assert russian.origin == english.origin


def test_a_snapshot_keeps_its_source_line_and_where_its_weights_came_from() -> None:
    text, _notes = snapshot_scenario(KEMEROVO)
    with use_language("en"):
        base = load_shipped(KEMEROVO)
        panel = Loaded(base.scenario, base.matrix, "panel round 2", text, weights_from="panel")
    with use_language("ru"):
        russian = again(replace(panel, origin=None))
    assert RU in russian.matrix.criterion_titles
    assert (russian.source, russian.weights_from, russian.text) == ("panel round 2", "panel", text)
