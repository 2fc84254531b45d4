"""The expert's page under AppTest: valid, bad and revoked links; answers saved and reloaded."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from clusterrank.panel.actions import close, revoke
from clusterrank.panel.service import Created, facilitator
from clusterrank.store import Store, my_answers, resolve_token
from clusterrank.store.access import DENIED
from clusterrank.ui.expert_saves import pair_key, unknown_key
from tests.ui.panel_fixtures import expert_app

GROUPS = "groups"


def _texts(at: AppTest) -> str:
    return " ".join(str(m.value) for m in (*at.markdown, *at.caption, *at.title))


def _first_pair(made: Created) -> tuple[str, str]:
    node = made.questionnaire.node(GROUPS)
    return node.pairs[0]


def test_valid_link_shows_only_the_questionnaire(panel_db: tuple[Store, Created]) -> None:
    _db, made = panel_db
    token = made.panel.experts[0].token
    at = expert_app(made.panel.panel_id, token)
    assert at.title[0].value.replace("\\", "") == "Kemerovo test panel"
    assert "0 of 11 answered" in str(at.get("progress")[0].proto.text)
    assert len(at.select_slider) == 11  # one per pair of both nodes
    assert not at.sidebar.children or not any(at.sidebar.markdown)  # no scenario summary
    assert "Scenario:" not in _texts(at)


def test_bad_revoked_and_closed_links_get_one_sentence(panel_db: tuple[Store, Created]) -> None:
    db, made = panel_db
    pid = made.panel.panel_id
    first, second = made.panel.experts[0], made.panel.experts[1]
    access = facilitator(db, pid, made.panel.facilitator_key)
    revoke(db, access, second.ref)
    for panel_id, token in (
        (pid, "x" * 43),  # unknown token
        (pid, second.token),  # revoked
        ("nopanel", first.token),  # another panel id in the link
    ):
        at = expert_app(panel_id, token)
        assert [e.value for e in at.error] == [DENIED]
        assert not at.title
        assert not at.select_slider
        assert not at.button
    close(db, access)
    from clusterrank.store import set_status

    with db.session() as s:
        set_status(s, access, "closed")
    at = expert_app(pid, first.token)
    assert [e.value for e in at.error] == [DENIED]


def test_answer_is_stored_and_comes_back_on_reload(panel_db: tuple[Store, Created]) -> None:
    db, made = panel_db
    pid, token = made.panel.panel_id, made.panel.experts[0].token
    a, b = _first_pair(made)
    at = expert_app(pid, token)
    at.select_slider(key=pair_key(1, GROUPS, a, b)).set_value(4).run()  # a 5 × b
    assert not at.exception
    with db.reader() as s:
        mine = my_answers(s, resolve_token(s, token))
    assert [(j.node, j.row, j.column, j.value) for j in mine.judgments] == [(GROUPS, a, b, 5.0)]
    assert "1 of 11 answered" in str(at.get("progress")[0].proto.text)
    again = expert_app(pid, token)  # a reload: a new session reads the database
    assert again.select_slider(key=pair_key(1, GROUPS, a, b)).value == 4
    assert again.checkbox(key=unknown_key(1, GROUPS, a, b)).value is False
    again.checkbox(key=unknown_key(1, GROUPS, a, b)).check().run()  # "don't know"
    with db.reader() as s:
        assert my_answers(s, resolve_token(s, token)).judgments == ()


def test_stale_tab_gets_a_conflict_and_the_stored_value(panel_db: tuple[Store, Created]) -> None:
    db, made = panel_db
    pid, token = made.panel.panel_id, made.panel.experts[0].token
    a, b = _first_pair(made)
    one, two = expert_app(pid, token), expert_app(pid, token)
    one.select_slider(key=pair_key(1, GROUPS, a, b)).set_value(2).run()
    two.select_slider(key=pair_key(1, GROUPS, a, b)).set_value(-2).run()
    assert any("changed elsewhere" in str(w.value) for w in two.warning)
    assert two.select_slider(key=pair_key(1, GROUPS, a, b)).value == 2  # the stored one
    with db.reader() as s:
        assert my_answers(s, resolve_token(s, token)).judgments[0].value == 3.0


def test_submit_marks_the_round_done(panel_db: tuple[Store, Created]) -> None:
    db, made = panel_db
    pid, token = made.panel.panel_id, made.panel.experts[0].token
    at = expert_app(pid, token)
    at.button(key="xsubmit__1").click().run()
    assert any("Submitted" in str(s.value) for s in at.success)
    with db.reader() as s:
        assert my_answers(s, resolve_token(s, token)).submitted
