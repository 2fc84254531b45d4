"""Tokens reach only their own expert; refusals give nothing away; text is stored as text;
secrets are never stored in clear."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from clusterrank.errors import AccessDenied
from clusterrank.store import (
    NewExpert,
    Store,
    create_panel,
    my_answers,
    open_facilitator,
    reissue_token,
    resolve_token,
    revoke_expert,
    round_answers,
    save_comment,
    save_judgment,
    set_status,
)
from clusterrank.store.access import DENIED
from clusterrank.store.models import Base
from tests.store.factory import Made

INJECTION = "'); DROP TABLE panel; --"


def test_a_token_opens_only_its_own_expert(db: Store, made: Made) -> None:
    me, other = made.identity(db, "e00"), made.identity(db, "e01")
    with db.session() as s:
        save_judgment(s, other, round_number=1, node="g", row="a", column="b", value=9, version=0)
        assert (me.ref, other.ref) == ("e00", "e01")
        assert my_answers(s, me).judgments == ()
        forged = dataclasses.replace(me, expert_id=other.expert_id, ref="e01")
        with pytest.raises(AccessDenied):
            my_answers(s, forged)
        with pytest.raises(AccessDenied):
            round_answers(s, me)  # type: ignore[arg-type]  # an expert is no facilitator
    assert me.token_hash not in repr(me)


def test_unknown_revoked_and_closed_get_the_same_refusal(db: Store, made: Made) -> None:
    me, e01 = made.identity(db, "e00"), made.identity(db, "e01")
    messages = []
    with db.session() as s:
        for bad in ("not-a-token", "", "x" * 10_000):
            with pytest.raises(AccessDenied) as caught:
                resolve_token(s, bad)
            messages.append(str(caught.value))
        revoke_expert(s, made.access, "e00")
        with pytest.raises(AccessDenied) as caught:
            resolve_token(s, made.tokens["e00"])
        messages.append(str(caught.value))
        with pytest.raises(AccessDenied) as caught:  # an identity opened before the revocation
            save_judgment(s, me, round_number=1, node="g", row="a", column="b", value=2, version=0)
        messages.append(str(caught.value))
        new = reissue_token(s, made.access, "e00")
        assert resolve_token(s, new.token).ref == "e00"
        set_status(s, made.access, "closed")
        with pytest.raises(AccessDenied) as caught:
            save_comment(s, e01, round_number=1, item_key="k", text="t", version=0)
        messages.append(str(caught.value))
        with pytest.raises(AccessDenied) as caught:
            resolve_token(s, made.tokens["e01"])
        messages.append(str(caught.value))
        assert resolve_token(s, made.tokens["e01"], allow_closed=True).ref == "e01"
        for panel_id, key in (("nopanel", "k"), (made.created.panel_id, "wrong key")):
            with pytest.raises(AccessDenied) as caught:
                open_facilitator(s, panel_id, key)
            messages.append(str(caught.value))
    assert set(messages) == {DENIED}, messages


def test_injection_attempts_are_stored_as_text(db: Store) -> None:
    with db.session() as s:
        created = create_panel(
            s,
            title=INJECTION,
            scenario_yaml=INJECTION,
            asked={INJECTION: [INJECTION]},
            aggregation={},
            experts=[NewExpert(ref=INJECTION, name=INJECTION, group=INJECTION)],
        )
        me = resolve_token(s, created.experts[0].token)
        save_judgment(
            s, me, round_number=1, node=INJECTION, row=INJECTION, column="b", value=2, version=0
        )
        save_comment(s, me, round_number=1, item_key=INJECTION, text=INJECTION, version=0)
        mine = my_answers(s, me)
        tables = set(sa.inspect(s.connection()).get_table_names())
    assert me.ref == me.display_name == me.group == INJECTION
    assert (mine.judgments[0].node, mine.judgments[0].row) == (INJECTION, INJECTION)
    assert (mine.comments[0].item_key, mine.comments[0].text) == (INJECTION, INJECTION)
    assert "panel" in tables


def _every_text_cell(db: Store) -> str:
    cells: list[str] = []
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                cells.extend(str(value) for value in row)
    return "\n".join(cells)


def test_tokens_and_keys_are_never_stored_in_clear(db: Store, made: Made, tmp_path: Path) -> None:
    with db.session() as s:
        again = reissue_token(s, made.access, "e01")
    secrets = [made.created.facilitator_key, again.token, *made.tokens.values()]
    stored = _every_text_cell(db)
    assert not [x for x in secrets if x in stored]
    assert "e01" in stored  # the search itself works
    if db.backend == "sqlite":
        files = list(Path(db.url.removeprefix("sqlite:///")).parent.glob("panel.db*"))
        raw = b"".join(f.read_bytes() for f in files)
        assert len(files) >= 2
        assert b"e01" in raw
        assert not [x for x in secrets if x.encode() in raw]
