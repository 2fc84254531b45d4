"""Panel lifecycle through the repositories, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from clusterrank.errors import AnswersClosed, NotFound, StoreError
from clusterrank.store import (
    NewExpert,
    Store,
    add_experts,
    append_audit,
    close_round,
    expert_round,
    list_audit,
    list_experts,
    list_results,
    list_rounds,
    my_answers,
    open_round,
    panel_info,
    record_result,
    round_answers,
    save_comment,
    save_judgment,
    save_score,
    submit,
)
from clusterrank.store.imports import JudgmentIn, ScoreIn, import_answers
from clusterrank.store.models import ResultSnapshot
from tests.store.factory import SCENARIO, Made


def test_created_panel_is_open_in_round_one_with_its_experts(db: Store, made: Made) -> None:
    with db.reader() as s:
        info = panel_info(s, made.access)
        experts = list_experts(s, made.access)
        rounds = list_rounds(s, made.access)
    assert (info.status, info.current_round, info.scenario_yaml) == ("open", 1, SCENARIO)
    assert len(info.scenario_sha256) == 64
    assert [e.ref for e in experts] == ["e00", "e01", "e02"]
    assert [(r.number, r.is_open, r.items) for r in rounds] == [(1, True, info.asked)]
    assert info.created_at.tzinfo is not None


def test_answers_are_stored_and_listed_per_round(db: Store, made: Made) -> None:
    me = made.identity(db, "e00")
    with db.session() as s:
        v = save_judgment(
            s, me, round_number=1, node="groups", row="a", column="b", value=3.0, version=0
        )
        assert (
            save_score(s, me, round_number=1, criterion="c1", candidate="x", value=4, version=0)
            == 1
        )
        save_score(
            s,
            me,
            round_number=1,
            criterion="c1",
            candidate="y",
            value=None,
            abstain=True,
            version=0,
        )
        save_comment(s, me, round_number=1, item_key="c1", text="unsure about y", version=0)
        v = save_judgment(
            s, me, round_number=1, node="groups", row="a", column="b", value=5.0, version=v
        )
        when = submit(s, me, round_number=1)
        assert submit(s, me, round_number=1) == when  # the first submission counts
    assert v == 2
    with db.reader() as s:
        mine = my_answers(s, me)
        everyone = round_answers(s, made.access)
    assert [(j.value, j.version) for j in mine.judgments] == [(5.0, 2)]
    assert [(x.candidate, x.value, x.abstain) for x in mine.scores] == [
        ("x", 4.0, False),
        ("y", None, True),
    ]
    assert mine.comments[0].text == "unsure about y"
    assert set(mine.submitted) == {"e00"}
    assert everyone == mine


def test_rounds_close_and_reopen_with_feedback(db: Store, made: Made) -> None:
    me = made.identity(db, "e01")
    with db.session() as s:
        with pytest.raises(StoreError, match="still open"):
            open_round(s, made.access, items=["c1"])
        assert close_round(s, made.access) == 1
        with pytest.raises(AnswersClosed, match="round 1 is closed"):
            save_score(s, me, round_number=1, criterion="c1", candidate="x", value=1, version=0)
        assert open_round(s, made.access, items=["c1"], feedback={"c1": {"median": 3}}) == 2
        with pytest.raises(AnswersClosed, match="panel is in round 2"):
            save_score(s, me, round_number=1, criterion="c1", candidate="x", value=1, version=0)
        assert (
            save_score(s, me, round_number=2, criterion="c1", candidate="x", value=1, version=0)
            == 1
        )
        shown = expert_round(s, me)
    assert (shown.number, shown.items, shown.feedback) == (2, ["c1"], {"c1": {"median": 3}})


def test_result_snapshots_are_recorded_and_immutable(db: Store, made: Made) -> None:
    with db.session() as s:
        sid = record_result(s, made.access, 1, {"weights": {"a": 0.6, "b": 0.4}})
        snapshot = s.get(ResultSnapshot, sid)
        assert snapshot is not None
        snapshot.payload = {"weights": {}}
        with pytest.raises(TypeError, match="immutable"):
            s.commit()
        s.rollback()
    with db.reader() as s:
        results = list_results(s, made.access)
    assert [(r.round_number, r.payload) for r in results] == [
        (1, {"weights": {"a": 0.6, "b": 0.4}})
    ]


def test_audit_log_names_who_changed_what(db: Store, made: Made) -> None:
    me = made.identity(db, "e02")
    with db.session() as s:
        save_judgment(s, me, round_number=1, node="groups", row="a", column="b", value=2, version=0)
        append_audit(s, made.access, "export", {"file": "panel.xlsx"})
        log = list_audit(s, made.access)
    actions = [(e.actor, e.action) for e in log]
    assert actions[0] == ("facilitator", "panel.create")
    assert ("expert:e02", "judgment.save") in actions
    assert actions[-1] == ("facilitator", "export")


def test_import_stores_all_of_a_batch_or_none_of_it(db: Store, made: Made) -> None:
    good = [JudgmentIn("e00", "groups", "a", "b", 3.0), JudgmentIn("e01", "groups", "a", "b", 0.5)]
    scores = [ScoreIn("e00", "c1", "x", 4.0), ScoreIn("e01", "c1", "x", None, abstain=True)]
    with db.session() as s:
        assert import_answers(s, made.access, round_number=1, judgments=good, scores=scores) == 4
        bad = [
            JudgmentIn("e00", "groups", "a", "c", 2.0),
            JudgmentIn("nobody", "groups", "a", "b", 2),
        ]
        with pytest.raises(NotFound, match="'nobody'"):
            import_answers(s, made.access, round_number=1, judgments=bad)
        answers = round_answers(s, made.access)
    assert sorted((j.expert, j.column, j.value) for j in answers.judgments) == [
        ("e00", "b", 3.0),
        ("e01", "b", 0.5),
    ]
    assert len(answers.scores) == 2


def test_added_experts_get_tokens_and_duplicates_are_refused(db: Store, made: Made) -> None:
    with db.session() as s:
        issued = add_experts(
            s, made.access, [NewExpert("e10", "New one", group="business", weight=2)]
        )
        with pytest.raises(StoreError, match="'e10' is already on this panel"):
            add_experts(s, made.access, [NewExpert("e10", "Again")])
        with pytest.raises(StoreError, match="'weight' must be a finite number"):
            add_experts(s, made.access, [NewExpert("e11", "Bad", weight=float("nan"))])
        refs = [e.ref for e in list_experts(s, made.access)]
        count = s.scalar(sa.text("SELECT count(*) FROM expert"))
    assert [t.ref for t in issued] == ["e10"]
    assert len(issued[0].token) == 43
    assert refs == ["e00", "e01", "e02", "e10"]
    assert count == 4
