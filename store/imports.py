"""Answers the facilitator brings in (paper, spreadsheet): all of a batch, or none of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.errors import AnswersClosed, InvalidAnswer, NotFound
from clusterrank.i18n import _
from clusterrank.store.access import FacilitatorAccess, check_facilitator
from clusterrank.store.answers import judgment_item, score_item, upsert
from clusterrank.store.models import Expert, Judgment, Score
from clusterrank.store.rounds import round_row
from clusterrank.store.tx import audit, committing


@dataclass(frozen=True)
class JudgmentIn:
    """One pairwise judgment to import: ``value`` is how many times ``row`` beats ``column``."""

    expert: str
    node: str
    row: str
    column: str
    value: float


@dataclass(frozen=True)
class ScoreIn:
    """One score to import: a value, or an abstention (``value`` None, ``abstain`` true)."""

    expert: str
    criterion: str
    candidate: str
    value: float | None
    abstain: bool = False


def import_answers(
    session: Session,
    access: FacilitatorAccess,
    *,
    round_number: int,
    judgments: Sequence[JudgmentIn] = (),
    scores: Sequence[ScoreIn] = (),
) -> int:
    """Store every answer of the batch in one transaction (replacing what is there); the count.

    The values are expected to be validated by the caller (``panel``); the database's own
    checks still refuse a judgment <= 0 or a score that is neither a value nor an abstention,
    and then nothing of the batch is stored.

    Raises
    ------
    NotFound
        An expert id the panel does not have, or a round it does not have.
    AnswersClosed
        The panel is archived.
    """
    with committing(session):
        panel = check_facilitator(session, access)
        if panel.status == "archived":
            msg = _("the panel is archived: it accepts no more answers")
            raise AnswersClosed(msg)
        found = round_row(session, panel.id, round_number)
        query = sa.select(Expert.ref, Expert.id).where(Expert.panel_id == panel.id)
        experts = {ref: number for ref, number in session.execute(query)}

        def expert_id(ref: str) -> int:
            if ref not in experts:
                msg = _(
                    "this panel has no expert with id {expert}: nothing of the file was stored"
                ).format(expert=repr(ref))
                raise NotFound(msg)
            return experts[ref]

        for j in judgments:
            if not j.value > 0:
                msg = _("judgment {row} vs {column}: must be > 0 (got {value})").format(
                    row=repr(j.row), column=repr(j.column), value=j.value
                )
                raise InvalidAnswer(msg)
            key = {"node": j.node, "row": j.row, "column": j.column}
            item = judgment_item(j.node, j.row, j.column)
            upsert(
                session,
                Judgment,
                found.id,
                expert_id(j.expert),
                key,
                {"value": j.value},
                None,
                item,
            )
        for s in scores:
            if s.abstain != (s.value is None):
                msg = _("score of {candidate} on {criterion}: a value or an abstention").format(
                    candidate=repr(s.candidate), criterion=repr(s.criterion)
                )
                raise InvalidAnswer(msg)
            key = {"criterion": s.criterion, "candidate": s.candidate}
            values = {"value": s.value, "abstain": s.abstain}
            item = score_item(s.criterion, s.candidate)
            upsert(session, Score, found.id, expert_id(s.expert), key, values, None, item)
        count = len(judgments) + len(scores)
        audit(
            session,
            panel.id,
            access.actor,
            "answers.import",
            {"round": round_number, "count": count},
        )
        return count
