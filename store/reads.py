"""Reading a panel: the facilitator sees everything, an expert sees only their own answers.

The expert's functions take an :class:`~store.access.ExpertIdentity` (from a token), never an
expert id, so a page cannot be talked into showing someone else's answers.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.store.access import (
    ExpertIdentity,
    FacilitatorAccess,
    check_expert,
    check_facilitator,
)
from clusterrank.store.models import Comment, Expert, Judgment, Panel, Score, Submission
from clusterrank.store.records import (
    CommentRow,
    ExpertInfo,
    JudgmentRow,
    PanelInfo,
    RoundAnswers,
    ScoreRow,
)
from clusterrank.store.rounds import round_row
from clusterrank.store.tx import committing


def panel_info(session: Session, access: FacilitatorAccess) -> PanelInfo:
    """The panel's settings and state."""
    with committing(session):
        return _info(check_facilitator(session, access))


def _info(panel: Panel) -> PanelInfo:
    return PanelInfo(
        panel_id=panel.id,
        title=panel.title,
        scenario_yaml=panel.scenario_yaml,
        scenario_sha256=panel.scenario_sha256,
        asked=panel.asked,
        aggregation=panel.aggregation,
        status=panel.status,
        current_round=panel.current_round,
        created_at=panel.created_at,
    )


def expert_panel(session: Session, who: ExpertIdentity) -> PanelInfo:
    """The panel an expert's token opens (title, what it asks, its scenario snapshot).

    Only an open panel: a closed or archived one refuses the token (one message for all).
    """
    with committing(session):
        _expert, panel = check_expert(session, who)
        return _info(panel)


def list_experts(session: Session, access: FacilitatorAccess) -> tuple[ExpertInfo, ...]:
    """Every expert of the panel in the order they were invited (no secrets)."""
    with committing(session):
        panel = check_facilitator(session, access)
        experts = session.scalars(
            sa.select(Expert).where(Expert.panel_id == panel.id).order_by(Expert.id)
        )
        return tuple(
            ExpertInfo(
                ref=e.ref,
                name=e.display_name,
                group=e.stakeholder_group,
                weight=e.weight,
                revoked=e.revoked,
                created_at=e.created_at,
            )
            for e in experts
        )


def round_answers(
    session: Session, access: FacilitatorAccess, round_number: int | None = None
) -> RoundAnswers:
    """Every answer, comment and submission of a round (default: the current one)."""
    with committing(session):
        panel = check_facilitator(session, access)
        number = panel.current_round if round_number is None else round_number
        return _answers(session, panel.id, number, None)


def my_answers(
    session: Session, who: ExpertIdentity, round_number: int | None = None
) -> RoundAnswers:
    """The expert's own answers to a round (default: the current one), nobody else's.

    Allowed after the panel closed (an expert may look back at what they said), never with a
    revoked token.
    """
    with committing(session):
        expert, panel = check_expert(session, who, allow_closed=True)
        number = panel.current_round if round_number is None else round_number
        return _answers(session, panel.id, number, expert.id)


def _answers(session: Session, panel_id: str, number: int, expert_id: int | None) -> RoundAnswers:
    round_id = round_row(session, panel_id, number).id

    def rows(model: type[Judgment] | type[Score] | type[Comment]) -> Any:
        query = (
            sa.select(Expert.ref, model)
            .join(Expert, Expert.id == model.expert_id)
            .where(model.round_id == round_id)
            .order_by(model.id)
        )
        return query if expert_id is None else query.where(model.expert_id == expert_id)

    judgments = tuple(
        JudgmentRow(ref, j.node, j.row, j.column, j.value, j.version, j.updated_at)
        for ref, j in session.execute(rows(Judgment))
        if isinstance(j, Judgment)
    )
    scores = tuple(
        ScoreRow(ref, s.criterion, s.candidate, s.value, s.abstain, s.version, s.updated_at)
        for ref, s in session.execute(rows(Score))
        if isinstance(s, Score)
    )
    comments = tuple(
        CommentRow(ref, c.item_key, c.text, c.version, c.updated_at)
        for ref, c in session.execute(rows(Comment))
        if isinstance(c, Comment)
    )
    submitted = sa.select(Expert.ref, Submission.submitted_at).join(
        Expert, Expert.id == Submission.expert_id
    )
    submitted = submitted.where(Submission.round_id == round_id)
    if expert_id is not None:
        submitted = submitted.where(Submission.expert_id == expert_id)
    done = {ref: at for ref, at in session.execute(submitted)}
    return RoundAnswers(number, judgments, scores, comments, done)
