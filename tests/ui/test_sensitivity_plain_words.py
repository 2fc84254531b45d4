"""The Sensitivity page in plain words: SMAA offers "around the current weights" first, says in
one sentence how the weights behind its numbers were drawn, explains its terms where they are
shown, and keeps the technical settings one click away."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

import clusterrank.ui.widgets.sensitivity_runs as runs
from clusterrank.ui.widgets.sensitivity_smaa import HEADERS, SAMPLING, sampling_sentence
from tests.helpers.ui import open_page, texts

UNIFORM = (
    "Weights were drawn uniformly over all possible weightings, ignoring the current ones: "
    "these shares say who wins when nothing is known about the weights."
)


@pytest.fixture
def page(app: AppTest) -> Iterator[AppTest]:
    at = open_page(app, "sensitivity")
    yield at
    job = at.session_state.get("sens__smaa_job")
    if isinstance(job, runs.SMAAJob):  # never leave a run going after a test
        job.stop()
        assert job.wait(30)


def test_around_the_current_weights_is_the_first_choice(page: AppTest) -> None:
    """The sampling box lists "around the current weights" first and starts on it; the SMAA
    numbers are introduced by the sentence saying so."""
    box = page.selectbox(key="sens__sampling")
    assert box.options[0] == "around the current weights"
    assert box.value == "around"
    page_text = texts(page)
    assert "Weights were drawn around the current weights (concentration 100" in page_text
    assert "5,000 weight samples drawn around the current weights, seed 0" in page_text


def test_uniform_sampling_is_said_in_one_sentence(page: AppTest) -> None:
    """Choosing uniform draws: the sentence says the current weights are ignored."""
    at = page.selectbox(key="sens__sampling").set_value("uniform").run()
    assert not at.exception
    assert UNIFORM in texts(at)
    assert "sampling=uniform" in texts(at)


def test_terms_are_explained_where_they_are_shown(page: AppTest) -> None:
    """Central weights, Copeland and WS get a line in the open; the technical settings of each
    analysis sit in an expander."""
    page_text = texts(page)
    assert "central weights are the average of the sampled weights under which it" in page_text
    assert "Copeland consensus: a candidate gains a point" in page_text
    assert "WS coefficient: how alike two rankings are" in page_text
    labels = [str(e.label) for e in page.expander]
    assert "SMAA settings (technical)" in labels
    assert labels.count("Technical settings") == 4
    assert "TOPSIS, vector normalisation" in page_text
    assert "block_size=" in texts(page)  # still there, one click away


def test_sampling_sentence_for_each_choice() -> None:
    """One sentence per sampling choice; data uncertainty adds one more."""
    assert sampling_sentence({"sampling": "uniform"}) == UNIFORM
    around = sampling_sentence({"sampling": "around", "concentration": 250.0})
    assert around.startswith("Weights were drawn around the current weights (concentration 250;")
    bounded = sampling_sentence({"sampling": "bounded", "data_uncertainty_pct": 5.0})
    assert bounded.startswith("Weights were drawn uniformly among all weightings within the")
    assert bounded.endswith("Every figure was also drawn within ± 5% of its value.")
    assert list(SAMPLING) == ["around", "uniform", "bounded"]
    assert set(HEADERS) == {
        "ranked first",
        "± error",
        "holistic acceptability",
        "confidence factor",
    }
