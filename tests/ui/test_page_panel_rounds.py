"""The facilitator's Panel page under AppTest: the score chart, a Delphi round, round comparison.

A panel that asks scores (:mod:`tests.ui.scored_panel_fixtures`), opened on the page with its
id and key. Three experts agree on every pair and every score but one (governance of coal:
2, 5, 9), so that item alone lacks consensus and the Delphi round reopens it.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from clusterrank.panel import expert
from clusterrank.panel.service import Created, state
from clusterrank.store import Store
from clusterrank.ui.panel_access import ACCESS
from tests.helpers.ui import open_page, shown, start_app
from tests.ui.scored_panel_fixtures import scored_db  # noqa: F401 (fixture)

DISPUTED = "scores:governance:coal"
PAIRS = {"groups": 3.0, "size": 2.0, "quality": 0.5}


def _answer_all(db: Store, made: Created) -> None:
    """Every expert answers every question of round 1 (see the module docstring)."""
    q = made.questionnaire
    for k, e in enumerate(made.panel.experts):
        for node in q.nodes:
            (pair,) = node.pairs
            expert.save_pair(db, e.token, 1, node.id, pair, PAIRS[node.id], 0)
        for c in q.scored:
            for cand in q.candidates:
                value = (2.0, 5.0, 9.0)[k] if (c.id, cand) == ("governance", "coal") else 4.0
                expert.save_cell(db, e.token, 1, (c.id, cand), value, 0)


def _open(made: Created) -> AppTest:
    at = open_page(start_app(), "panel")
    at.text_input(key="panel_open__id").set_value(made.panel.panel_id)
    at.text_input(key="panel_open__key").set_value(made.panel.facilitator_key)
    next(b for b in at.button if b.label == "Open").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _section(at: AppTest, name: str) -> AppTest:
    at.segmented_control(key="panel_section").set_value(name).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _compute(at: AppTest) -> AppTest:
    _section(at, "results")
    at.button(key="pr__compute").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _chart_rows(at: AppTest) -> list[dict[str, object]]:
    """The rows of the data behind the page's Vega-Lite (Altair) charts."""
    rows: list[dict[str, object]] = []
    for chart in at.get("vega_lite_chart"):
        for named in chart.proto.datasets:
            table = pa.ipc.open_stream(named.data.data).read_all()
            rows += table.to_pandas().to_dict("records")
    return rows


def _texts(at: AppTest) -> str:
    return shown(" ".join(str(m.value) for m in (*at.markdown, *at.caption)))


def test_results_show_the_score_distribution_per_item(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    db, made = scored_db
    _answer_all(db, made)
    at = _compute(_open(made))
    assert "Scores (median and quartiles per item)" in _texts(at)
    rows = _chart_rows(at)
    by_item = {str(r["item"]): r for r in rows if "item" in r}
    assert len(by_item) == 6  # two criteria × three candidates, one bar each
    # Hyndman & Fan definition 2 quartiles of 2, 5, 9: Q1 2, median 5, Q3 9
    disputed = by_item["governance · coal"]
    assert (disputed["q1"], disputed["median"], disputed["q3"]) == (2.0, 5.0, 9.0)
    agreed = by_item["openness · ski"]
    assert (agreed["q1"], agreed["median"], agreed["q3"]) == (4.0, 4.0, 4.0)
    assert f"below the consensus threshold 0.75: {DISPUTED}" in _texts(at)


def test_delphi_round_from_the_page_and_rounds_compared(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    db, made = scored_db
    _answer_all(db, made)
    at = _compute(_open(made))  # round 1's result, recorded

    _section(at, "rounds")
    at.button(key="pround_close").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Round 1 is **closed**" in str([m.value for m in at.markdown])
    at.button(key="pround_open").click().run()
    assert not at.exception, [e.value for e in at.exception]
    current = state(db, at.session_state[ACCESS]).current
    assert (current.number, current.is_open) == (2, True)
    assert list(current.items or ()) == [DISPUTED]  # only the item without consensus

    first = made.panel.experts[0].token
    expert.save_cell(db, first, 2, ("governance", "coal"), 9.0, 0)  # e1 moves 2 → 9
    _compute(at)  # round 2's result
    _section(at, "rounds")
    text = _texts(at)
    frames = [t.value for t in at.dataframe if isinstance(t.value, pd.DataFrame)]
    weights = next(f for f in frames if {"round 1", "round 2"} <= set(f.columns))
    assert list(weights["round 1"]) == list(weights["round 2"])  # judgments carried over
    scores = next(f for f in frames if "item" in f.columns)
    assert list(scores["item"]) == ["governance · coal"]  # the reopened items only
    row = scores.set_index("item").loc["governance · coal"]
    assert (row["round 1"], row["round 2"]) == (5.0, 9.0)  # median of 2, 5, 9 then 9, 5, 9
    # stability (von der Gracht 2012), over the answers given in both rounds: e1's, moved
    assert "Round 1 → 2, scores: 1 of 1 answers given again moved (100%)" in text
