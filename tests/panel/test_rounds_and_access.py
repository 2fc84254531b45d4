"""Delphi rounds, and who may read or write what (both backends)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from clusterrank.errors import AccessDenied, AnswersClosed, ConfigurationError, ValidationFailed
from clusterrank.panel import actions
from clusterrank.panel.service import expert_view, import_file, state
from clusterrank.store import (
    ExpertIdentity,
    Store,
    resolve_token,
    round_answers,
    save_comment,
    save_judgment,
    save_score,
    set_status,
)
from tests.panel.factory import (
    CANDIDATES,
    MED_CRITERIA,
    judgments_csv,
    make_scored_panel,
    score_of,
    scores_csv,
)

K = 5


def _identity(db: Store, token: str) -> ExpertIdentity:
    with db.session() as s:
        return resolve_token(s, token)


def test_delphi_round_two_on_items_without_consensus(db: Store, tmp_path: Path) -> None:
    made, access = make_scored_panel(db, tmp_path, K)
    import_file(db, access, judgments_csv(tmp_path, K))
    import_file(db, access, scores_csv(tmp_path, K))
    tokens = {t.ref: t.token for t in made.panel.experts}
    e2 = _identity(db, tokens["e2"])
    with db.session() as s:
        save_comment(
            s,
            e2,
            round_number=1,
            item_key="scores:st_potential:coal",
            text="=the coal cluster has 10 research partners",
            version=0,
        )
    first = actions.results(db, access, resamples=0)
    low = first["consensus"]["items_without_consensus"]
    assert low, "the factory's scores disagree on some items"
    with pytest.raises(Exception, match="still open"):
        actions.open_next(db, access)
    assert actions.close(db, access) == 1
    with pytest.raises(AnswersClosed), db.session() as s:
        save_score(
            s, e2, round_number=1, criterion="st_potential", candidate="coal", value=5, version=1
        )
    number, items = actions.open_next(db, access)
    assert number == 2
    assert items == low
    st = state(db, access)
    fb = st.current.feedback["items"]
    coal = fb["scores:st_potential:coal"]
    assert {"median", "q1", "q3", "iqr"} <= coal.keys()
    assert coal["comments"] == ["=the coal cluster has 10 research partners"]
    assert "e2" not in str(coal)  # anonymised
    # expert 3 revises one score in round 2; the rest carries over
    item = next(i for i in items if i.startswith("scores:"))
    _, crit, cand = item.split(":")
    before = score_of(3, MED_CRITERIA.index(crit), CANDIDATES.index(cand))
    e3 = _identity(db, tokens["e3"])
    with db.session() as s:
        save_score(s, e3, round_number=2, criterion=crit, candidate=cand, value=10, version=0)
    second = actions.results(db, access, resamples=0)
    assert second["round"] == 2
    moved = second["stability"]["scores"]
    assert moved["compared"] == 1
    assert moved["moved"] == int(before != 10)
    assert second["weights"] == pytest.approx(first["weights"])  # judgments carried over


def test_named_items_and_shorthands(db: Store, tmp_path: Path) -> None:
    _made, access = make_scored_panel(db, tmp_path, 3)
    import_file(db, access, judgments_csv(tmp_path, 3))
    actions.close(db, access)
    with pytest.raises(ConfigurationError, match="no item 'nowhere'"):
        actions.open_next(db, access, ["nowhere"])
    number, items = actions.open_next(db, access, ["groups", "org_development"])
    assert number == 2
    assert items[0] == "judgments:groups"
    assert len(items) == 1 + 5


def test_an_expert_token_reaches_only_its_own_answers(db: Store, tmp_path: Path) -> None:
    made, access = make_scored_panel(db, tmp_path, 3)
    import_file(db, access, scores_csv(tmp_path, 3))
    tokens = {t.ref: t.token for t in made.panel.experts}
    mine = expert_view(db, tokens["e1"])
    assert mine["expert"] == "e1"
    assert {s["candidate"] for s in mine["scores"]} == {
        "coal",
        "biomedical",
        "sheregesh",
        "agro",
        "light",
    }
    assert len(mine["scores"]) == 20  # e1's own 20 scores, nobody else's
    me = _identity(db, tokens["e1"])
    with pytest.raises(AccessDenied):
        actions.results(db, me)  # type: ignore[arg-type]
    with db.session() as s, pytest.raises(AccessDenied):
        round_answers(s, me)  # type: ignore[arg-type]
    with pytest.raises(AccessDenied):
        expert_view(db, "not-a-token")


def test_revoked_token_and_closed_panel_refuse_answers(db: Store, tmp_path: Path) -> None:
    made, access = make_scored_panel(db, tmp_path, 3)
    tokens = {t.ref: t.token for t in made.panel.experts}
    e1 = _identity(db, tokens["e1"])
    actions.revoke(db, access, "e1")
    with pytest.raises(AccessDenied), db.session() as s:
        save_judgment(
            s,
            e1,
            round_number=1,
            node="groups",
            row="production",
            column="science_technology",
            value=3,
            version=0,
        )
    new = actions.reissue(db, access, "e1")
    assert new.token != tokens["e1"]
    fresh = _identity(db, new.token)
    with db.session() as s:
        assert (
            save_judgment(
                s,
                fresh,
                round_number=1,
                node="groups",
                row="production",
                column="science_technology",
                value=3,
                version=0,
            )
            == 1
        )
    with db.session() as s:
        set_status(s, access, "closed")
    with pytest.raises(AccessDenied), db.session() as s:
        save_judgment(
            s,
            fresh,
            round_number=1,
            node="groups",
            row="production",
            column="science_technology",
            value=5,
            version=1,
        )
    with pytest.raises(AnswersClosed, match="closed"):
        import_file(db, access, scores_csv(tmp_path, 3))


def test_nothing_of_a_bad_file_is_stored(db: Store, tmp_path: Path) -> None:
    _made, access = make_scored_panel(db, tmp_path, 3)
    path = scores_csv(tmp_path, 3)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[30] = "e2,st_potential,coal,99"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        import_file(db, access, path)
    assert [p.line for p in info.value.problems] == [31]
    with db.reader() as s:
        count = s.execute(sa.text("SELECT count(*) FROM score")).scalar_one()
    assert count == 0


def test_injection_text_is_stored_as_text(db: Store, tmp_path: Path) -> None:
    experts = tmp_path / "x.csv"
    experts.write_text(
        "id,name\nrobert');DROP TABLE expert;--,\"Robert'); DROP TABLE panel;--\"\n",
        encoding="utf-8",
    )
    from clusterrank.panel.service import create, facilitator
    from tests.panel.factory import scored_scenario

    made = create(db, scored_scenario(tmp_path), experts)
    access = facilitator(db, made.panel.panel_id, made.panel.facilitator_key)
    st = state(db, access)
    assert st.experts[0].ref == "robert');DROP TABLE expert;--"
    assert st.experts[0].name == "Robert'); DROP TABLE panel;--"
