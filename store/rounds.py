"""Rounds: the facilitator closes one and opens the next (Delphi), experts answer the open one."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.errors import AnswersClosed, NotFound, StoreError
from clusterrank.i18n import _
from clusterrank.store.access import (
    ExpertIdentity,
    FacilitatorAccess,
    check_expert,
    check_facilitator,
)
from clusterrank.store.models import Panel, Round
from clusterrank.store.records import RoundInfo
from clusterrank.store.tx import audit, committing, utcnow


def round_row(session: Session, panel_id: str, number: int) -> Round:
    """Round ``number`` of the panel, or :class:`NotFound` naming it."""
    found = session.scalars(
        sa.select(Round).where(Round.panel_id == panel_id, Round.number == number)
    ).first()
    if found is None:
        msg = _("this panel has no round {round}").format(round=number)
        raise NotFound(msg)
    return found


def open_round_for_answers(session: Session, panel: Panel, number: int) -> Round:
    """The round an answer goes to: it must be the panel's current round and still open."""
    if number != panel.current_round:
        msg = _(
            "round {round} no longer accepts answers: the panel is in round "
            "{current}; reload the page to see what it asks"
        ).format(round=number, current=panel.current_round)
        raise AnswersClosed(msg)
    found = round_row(session, panel.id, number)
    if found.closed_at is not None:
        msg = _("round {round} is closed: the facilitator no longer accepts answers to it").format(
            round=number
        )
        raise AnswersClosed(msg)
    return found


def info(found: Round) -> RoundInfo:
    """The plain record of a stored round."""
    return RoundInfo(
        number=found.number,
        opened_at=found.opened_at,
        closed_at=found.closed_at,
        items=found.items,
        feedback=found.feedback,
    )


def close_round(session: Session, access: FacilitatorAccess) -> int:
    """Close the current round (answers to it are refused from now on); its number."""
    with committing(session):
        panel = check_facilitator(session, access)
        current = round_row(session, panel.id, panel.current_round)
        if current.closed_at is not None:
            msg = _("round {round} is already closed").format(round=current.number)
            raise StoreError(msg)
        current.closed_at = utcnow()
        audit(session, panel.id, access.actor, "round.close", {"round": current.number})
        return current.number


def open_round(
    session: Session, access: FacilitatorAccess, items: Any, feedback: Any = None
) -> int:
    """Open the next round on ``items``, with the ``feedback`` experts see; its number.

    Raises
    ------
    StoreError
        If the current round is still open (close it first).
    """
    with committing(session):
        panel = check_facilitator(session, access)
        current = round_row(session, panel.id, panel.current_round)
        if current.closed_at is None:
            msg = _("round {round} is still open: close it before opening the next").format(
                round=current.number
            )
            raise StoreError(msg)
        number = panel.current_round + 1
        session.add(
            Round(
                panel_id=panel.id, number=number, opened_at=utcnow(), items=items, feedback=feedback
            )
        )
        panel.current_round = number
        audit(session, panel.id, access.actor, "round.open", {"round": number})
        return number


def list_rounds(session: Session, access: FacilitatorAccess) -> tuple[RoundInfo, ...]:
    """Every round of the panel, oldest first."""
    with committing(session):
        panel = check_facilitator(session, access)
        rounds = session.scalars(
            sa.select(Round).where(Round.panel_id == panel.id).order_by(Round.number)
        )
        return tuple(info(r) for r in rounds)


def expert_round(session: Session, who: ExpertIdentity) -> RoundInfo:
    """The panel's current round as the expert sees it: what it asks and the feedback shown."""
    with committing(session):
        _expert, panel = check_expert(session, who, allow_closed=True)
        return info(round_row(session, panel.id, panel.current_round))
