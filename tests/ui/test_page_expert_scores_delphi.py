"""The expert's page under AppTest: score questions, and a Delphi round's feedback.

Scores: each expert-scored criterion shows its scale's verbal anchors, each candidate its
facts from the scenario; a score, an abstention and a comment are each saved the moment they
are given and come back on reload. Delphi: after round 1 is closed and round 2 opened on some
items (as ``panel round`` does), the expert sees beside each reopened item the group's median
and IQR of round 1, the other experts' comments without names, and their own round-1 answer.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from clusterrank.panel import expert
from clusterrank.panel.actions import close, open_next
from clusterrank.panel.service import Created, facilitator
from clusterrank.store import Store, my_answers, resolve_token
from clusterrank.store.records import RoundAnswers
from clusterrank.ui.expert_saves import ABSTAIN, comment_key, pair_key, score_key
from tests.helpers.ui import shown
from tests.ui.panel_fixtures import expert_app
from tests.ui.scored_panel_fixtures import ASKED, NAMES, scored_db  # noqa: F401 (fixture)

GOV, OPEN = "governance", "openness"


def _texts(at: AppTest) -> str:
    """Every markdown, caption, info and title of the page, as a reader sees it."""
    parts = (*at.markdown, *at.caption, *at.info, *at.title)
    return shown(" ".join(str(m.value) for m in parts))


def _progress(at: AppTest) -> str:
    return str(at.get("progress")[0].proto.text)


def _mine(db: Store, token: str, round_number: int | None = None) -> RoundAnswers:
    with db.reader() as s:
        return my_answers(s, resolve_token(s, token), round_number)


def test_score_questions_show_the_anchors_and_the_candidates_facts(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    _db, made = scored_db
    at = expert_app(made.panel.panel_id, made.panel.experts[0].token)
    assert f"0 of {ASKED} answered" in _progress(at)
    assert len(at.select_slider) == 3  # groups, size, quality: one pair each
    assert len(at.pills) == 6  # two scored criteria × three candidates
    text = _texts(at)
    assert "Score: Governance of the cluster" in text
    assert "scale 0 to 10" in text
    for anchor in (
        "0 = nobody coordinates the cluster",
        "5 = a coordinator, few members engaged",
        "10 = a specialised organisation with a mandate",
        "1 = closed to newcomers",
        "5 = open to any firm of the trade",
    ):
        assert anchor in text
    # the facts beside the question: the indicators' titles and units, thousands separated
    assert "Employees of the participants, 2016: 8,000 persons" in text
    assert "Employees of the participants, 2016: 1,234,567 persons" in text
    assert "Participant organisations: 97 organisations" in text
    assert "employees_2016" not in text  # never the raw data column
    assert "Governance of the cluster:" not in text  # an expert-scored criterion is no fact
    gov = at.pills(key=score_key(1, GOV, "coal"))
    assert gov.options[0] == "0"
    assert gov.options[-1] == "Abstain / conflict of interest"
    assert len(at.pills(key=score_key(1, OPEN, "coal")).options) == 5 + 1  # 1..5, abstain


def test_score_abstention_and_comment_are_saved_at_once_and_come_back(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    db, made = scored_db
    pid, token = made.panel.panel_id, made.panel.experts[0].token
    at = expert_app(pid, token)
    at.pills(key=score_key(1, GOV, "coal")).set_value(7.0).run()
    assert not at.exception, [e.value for e in at.exception]
    mine = _mine(db, token)
    assert [(s.criterion, s.candidate, s.value, s.abstain) for s in mine.scores] == [
        (GOV, "coal", 7.0, False)
    ]
    at.pills(key=score_key(1, GOV, "coal")).set_value(3.0).run()  # changed again at once
    at.pills(key=score_key(1, OPEN, "pharma")).set_value(ABSTAIN).run()
    at.text_input(key=comment_key(1, f"scores:{GOV}:coal")).input("I chair its board").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]  # nothing refused
    mine = _mine(db, token)
    assert sorted((s.criterion, s.candidate, s.value, s.abstain) for s in mine.scores) == [
        (GOV, "coal", 3.0, False),
        (OPEN, "pharma", None, True),
    ]
    assert [(c.item_key, c.text) for c in mine.comments] == [
        (f"scores:{GOV}:coal", "I chair its board")
    ]
    assert f"2 of {ASKED} answered" in _progress(at)  # an abstention counts as answered

    again = expert_app(pid, token)  # a reload: a new session reads the database
    assert again.pills(key=score_key(1, GOV, "coal")).value == 3.0
    assert again.pills(key=score_key(1, OPEN, "pharma")).value == ABSTAIN
    assert again.pills(key=score_key(1, GOV, "pharma")).value is None
    assert again.text_input(key=comment_key(1, f"scores:{GOV}:coal")).value == "I chair its board"
    assert f"2 of {ASKED} answered" in _progress(again)


def _round_one(db: Store, made: Created) -> dict[str, str]:
    """Three experts answer round 1 (governance of coal 2, 5, 9; groups 3, 5, 1/3)."""
    tokens = {e.ref: e.token for e in made.panel.experts}
    for ref, score, pair in (("e1", 2.0, 3.0), ("e2", 5.0, 5.0), ("e3", 9.0, 1 / 3)):
        expert.save_cell(db, tokens[ref], 1, (GOV, "coal"), score, 0)
        expert.save_cell(db, tokens[ref], 1, (OPEN, "ski"), 4.0, 0)
        expert.save_pair(db, tokens[ref], 1, "groups", ("size", "quality"), pair, 0)
    expert.save_note(db, tokens["e2"], 1, f"scores:{GOV}:coal", "a board meets twice a year", 0)
    expert.save_note(db, tokens["e3"], 1, "judgments:groups", "size is what investors see", 0)
    return tokens


def test_round_closed_shows_the_answers_read_only(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    db, made = scored_db
    tokens = _round_one(db, made)
    close(db, facilitator(db, made.panel.panel_id, made.panel.facilitator_key))
    at = expert_app(made.panel.panel_id, tokens["e1"])
    assert "This round is closed" in _texts(at)
    gov = at.pills(key=score_key(1, GOV, "coal"))
    assert gov.value == 2.0
    assert gov.disabled
    assert at.button(key="xsubmit__1").disabled


def test_delphi_round_shows_group_median_iqr_comments_and_own_answer(
    scored_db: tuple[Store, Created],  # noqa: F811
) -> None:
    db, made = scored_db
    pid = made.panel.panel_id
    tokens = _round_one(db, made)
    access = facilitator(db, pid, made.panel.facilitator_key)
    close(db, access)
    number, items = open_next(db, access, ["groups", f"scores:{GOV}:coal"])
    assert (number, items) == (2, ["judgments:groups", f"scores:{GOV}:coal"])

    at = expert_app(pid, tokens["e1"])
    text = _texts(at)
    assert "Round 2 (Delphi)" in text
    assert "0 of 2 answered" in _progress(at)  # only the reopened items are asked
    assert len(at.select_slider) == 1
    assert [p.key for p in at.pills] == [score_key(2, GOV, "coal")]
    # Quartiles are Hyndman & Fan's definition 2 (methods/group/scores.py): with three answers
    # Q1 is the lowest and Q3 the highest. The score: 2, 5, 9 → median 5, IQR 9 − 2 = 7.
    assert "group median 5, IQR 7 in the last round; you said 2" in text
    # the pair: 3, 5, 1/3 → median 3, IQR 5 − 1/3 = 4.67; e1 said 3 ("moderately more")
    assert (
        "group median 3, IQR 4.67 (3 answers) in the last round; "
        "you said: Size is moderately more important than Quality"
    ) in text
    carried = "your answer from the last round stands unless you change it"
    assert text.count(carried) == 2  # the carry-over rule, said for both untouched items
    comments = " ".join(str(m.value) for e in at.expander for m in e.markdown)
    assert "a board meets twice a year" in shown(comments)
    assert "size is what investors see" in shown(comments)
    everything = text + shown(comments)
    for other in NAMES[1:]:  # the comments' authors are never named
        assert other.split()[0] not in everything
        assert other.split()[1] not in everything

    # a new answer goes to round 2; round 1 keeps what e1 said
    at.pills(key=score_key(2, GOV, "coal")).set_value(5.0).run()
    assert not at.exception, [e.value for e in at.exception]
    now = _mine(db, tokens["e1"], 2)
    then = _mine(db, tokens["e1"], 1)
    assert [(s.criterion, s.candidate, s.value) for s in now.scores] == [(GOV, "coal", 5.0)]
    assert (GOV, "coal", 2.0) in [(s.criterion, s.candidate, s.value) for s in then.scores]
    assert at.select_slider(key=pair_key(2, "groups", "size", "quality")).value == 0
    assert "1 of 2 answered" in _progress(at)
    assert _texts(at).count(carried) == 1  # the score is answered in round 2 now
