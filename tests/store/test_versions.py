"""Optimistic versions: a stale version is a Conflict naming the item; nothing is overwritten."""

from __future__ import annotations

import threading

import pytest

from clusterrank.errors import Conflict, InvalidAnswer
from clusterrank.store import Store, my_answers, save_comment, save_judgment, save_score
from tests.store.factory import Made


def test_stale_version_raises_conflict_naming_the_item(db: Store, made: Made) -> None:
    me = made.identity(db, "e00")
    with db.session() as s:
        save_judgment(
            s, me, round_number=1, node="groups", row="econ", column="innov", value=3, version=0
        )
        with pytest.raises(
            Conflict, match=r"judgment 'econ' vs 'innov' at 'groups'.*you had no answer"
        ):
            save_judgment(
                s, me, round_number=1, node="groups", row="econ", column="innov", value=7, version=0
            )
        with pytest.raises(Conflict, match="you had version 5, the database now has version 1"):
            save_judgment(
                s, me, round_number=1, node="groups", row="econ", column="innov", value=7, version=5
            )
        assert my_answers(s, me).judgments[0].value == 3.0


def test_two_tabs_of_one_expert_cannot_silently_overwrite_each_other(db: Store, made: Made) -> None:
    me = made.identity(db, "e01")
    with db.session() as tab1, db.session() as tab2:
        seen = save_score(
            tab1, me, round_number=1, criterion="c1", candidate="x", value=2, version=0
        )
        # both tabs loaded version 1; tab 1 saves first, tab 2's save is refused
        assert (
            save_score(
                tab1, me, round_number=1, criterion="c1", candidate="x", value=3, version=seen
            )
            == 2
        )
        with pytest.raises(Conflict, match="score of 'x' on 'c1'"):
            save_score(
                tab2, me, round_number=1, criterion="c1", candidate="x", value=9, version=seen
            )
        save_comment(tab1, me, round_number=1, item_key="c1", text="first", version=0)
        with pytest.raises(Conflict, match="comment on 'c1'"):
            save_comment(tab2, me, round_number=1, item_key="c1", text="second", version=0)
        final = my_answers(tab2, me)
    assert [(x.value, x.version) for x in final.scores] == [(3.0, 2)]
    assert [c.text for c in final.comments] == ["first"]


def test_two_concurrent_first_inserts_one_wins_the_other_conflicts(db: Store, made: Made) -> None:
    me = made.identity(db, "e02")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def write(value: float) -> None:
        with db.session() as s:
            barrier.wait()
            try:
                save_judgment(
                    s, me, round_number=1, node="g", row="a", column="b", value=value, version=0
                )
                outcomes.append("saved")
            except Conflict:
                outcomes.append("conflict")

    threads = [threading.Thread(target=write, args=(v,)) for v in (2.0, 4.0)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "saved"], outcomes
    with db.reader() as s:
        assert len(my_answers(s, me).judgments) == 1


@pytest.mark.parametrize("value", [0.0, -1.0, float("nan"), float("inf")])
def test_impossible_judgments_are_refused(db: Store, made: Made, value: float) -> None:
    me = made.identity(db, "e00")
    with db.session() as s, pytest.raises(InvalidAnswer, match="finite number > 0"):
        save_judgment(s, me, round_number=1, node="g", row="a", column="b", value=value, version=0)
