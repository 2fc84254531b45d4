"""Saving answers: one judgment, score or comment per committed transaction, versioned.

Optimistic versioning: the caller passes the version of the answer it last saw (``0`` when it
saw none). A matching version is replaced and the new version returned; anything else raises
:class:`~errors.Conflict` naming the item, so two tabs of one expert never silently overwrite
each other. A first answer is an insert guarded by the table's unique key: of two concurrent
first inserts one wins and the other gets the Conflict.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clusterrank.errors import Conflict, InvalidAnswer
from clusterrank.i18n import _
from clusterrank.store.access import ExpertIdentity, check_expert
from clusterrank.store.models import Comment, Judgment, Score, Submission
from clusterrank.store.rounds import open_round_for_answers
from clusterrank.store.tx import audit, committing, utcnow

AnswerModel = type[Judgment] | type[Score] | type[Comment]


def save_judgment(
    session: Session,
    who: ExpertIdentity,
    *,
    round_number: int,
    node: str,
    row: str,
    column: str,
    value: float,
    version: int,
) -> int:
    """Save how many times ``row`` matters more than ``column`` at ``node``; the new version.

    Raises
    ------
    AccessDenied, AnswersClosed, Conflict, InvalidAnswer
        Bad token or closed panel; a round that is not open; a stale ``version``; a value
        that is not a finite number > 0.
    """
    if not _finite(value) or value <= 0:
        msg = _("judgment {row} vs {column}: must be a finite number > 0 (got {value})").format(
            row=repr(row), column=repr(column), value=repr(value)
        )
        raise InvalidAnswer(msg)
    item = judgment_item(node, row, column)
    key = {"node": node, "row": row, "column": column}
    return _save(session, who, round_number, Judgment, key, {"value": float(value)}, version, item)


def save_score(
    session: Session,
    who: ExpertIdentity,
    *,
    round_number: int,
    criterion: str,
    candidate: str,
    value: float | None,
    version: int,
    abstain: bool = False,
) -> int:
    """Save a score of ``candidate`` on ``criterion`` (or an abstention); the new version."""
    if abstain != (value is None) or (value is not None and not _finite(value)):
        msg = _(
            "score of {candidate} on {criterion}: give a finite number, or abstain "
            "with no value (got value={value}, abstain={abstain})"
        ).format(
            candidate=repr(candidate), criterion=repr(criterion), value=repr(value), abstain=abstain
        )
        raise InvalidAnswer(msg)
    item = score_item(criterion, candidate)
    key = {"criterion": criterion, "candidate": candidate}
    values = {"value": None if value is None else float(value), "abstain": abstain}
    return _save(session, who, round_number, Score, key, values, version, item)


def save_comment(
    session: Session,
    who: ExpertIdentity,
    *,
    round_number: int,
    item_key: str,
    text: str,
    version: int,
) -> int:
    """Save the expert's comment on ``item_key`` (any text, stored as given); the new version."""
    item = _("comment on {item}").format(item=repr(item_key))
    return _save(
        session, who, round_number, Comment, {"item_key": item_key}, {"text": text}, version, item
    )


def clear_judgment(
    session: Session,
    who: ExpertIdentity,
    *,
    round_number: int,
    node: str,
    row: str,
    column: str,
    version: int,
) -> None:
    """Withdraw a judgment ("don't know"): the stored one must still be at ``version``.

    Raises
    ------
    AccessDenied, AnswersClosed, Conflict
        As :func:`save_judgment`.
    """
    item = f"judgment {row!r} vs {column!r} at {node!r}"
    with committing(session):
        expert, panel = check_expert(session, who)
        found = open_round_for_answers(session, panel, round_number)
        where = [
            Judgment.round_id == found.id,
            Judgment.expert_id == expert.id,
            Judgment.node == node,
            Judgment.row == row,
            Judgment.column == column,
        ]
        stored = session.execute(sa.select(Judgment.version).where(*where)).scalar_one_or_none()
        if stored is None and version == 0:
            return
        if stored != version:
            raise _conflict(item, version, stored)
        session.execute(sa.delete(Judgment).where(*where, Judgment.version == version))
        detail = {"round": round_number, "node": node, "row": row, "column": column}
        audit(session, panel.id, who.actor, "judgment.clear", detail)


def submit(session: Session, who: ExpertIdentity, *, round_number: int) -> datetime:
    """Mark the expert's answers to the round as submitted; when (the first time counts)."""
    with committing(session):
        expert, panel = check_expert(session, who)
        found = open_round_for_answers(session, panel, round_number)
        done = session.scalars(
            sa.select(Submission).where(
                Submission.expert_id == expert.id, Submission.round_id == found.id
            )
        ).first()
        if done is not None:
            return done.submitted_at
        at = utcnow()
        session.add(Submission(expert_id=expert.id, round_id=found.id, submitted_at=at))
        audit(session, panel.id, who.actor, "round.submit", {"round": round_number})
        return at


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _save(
    session: Session,
    who: ExpertIdentity,
    round_number: int,
    model: AnswerModel,
    key: dict[str, str],
    values: dict[str, Any],
    version: int,
    item: str,
) -> int:
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        msg = _("{item}: version must be the integer you last read, 0 for none (got {version})")
        msg = msg.format(item=item, version=repr(version))
        raise InvalidAnswer(msg)
    with committing(session):
        expert, panel = check_expert(session, who)
        found = open_round_for_answers(session, panel, round_number)
        new = upsert(session, model, found.id, expert.id, key, values, version, item)
        detail = {"round": round_number, **key, **values, "version": new}
        audit(session, panel.id, who.actor, f"{model.__tablename__}.save", detail)
        return new


def upsert(
    session: Session,
    model: AnswerModel,
    round_id: int,
    expert_id: int,
    key: dict[str, str],
    values: dict[str, Any],
    version: int | None,
    item: str,
) -> int:
    """Insert or replace one answer inside the caller's transaction; its new version.

    ``version=None`` replaces whatever is there (a facilitator's import); otherwise the
    version must match the stored one (``0``: nothing stored yet) or :class:`Conflict` is raised.
    """
    where = [model.round_id == round_id, model.expert_id == expert_id]
    where += [getattr(model, name) == text for name, text in key.items()]
    stored = session.execute(sa.select(model.version).where(*where)).scalar_one_or_none()
    expected = (stored or 0) if version is None else version
    if (stored or 0) != expected:
        raise _conflict(item, expected, stored)
    now = utcnow()
    if stored is None:
        row = model(round_id=round_id, expert_id=expert_id, **key, **values)
        row.version, row.updated_at = 1, now
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            raise _conflict(item, expected, None) from None
        return 1
    changed = session.execute(
        sa.update(model)
        .where(*where, model.version == expected)
        .values(**values, version=expected + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if getattr(changed, "rowcount", 1) != 1:
        raise _conflict(item, expected, None)
    return expected + 1


def _conflict(item: str, seen: int, stored: int | None) -> Conflict:
    had = _("no answer") if seen == 0 else _("version {version}").format(version=seen)
    now = _("another answer") if stored is None else _("version {version}").format(version=stored)
    msg = _(
        "{item} was changed elsewhere (another tab or device) since you loaded it: you had "
        "{had}, the database now has {now}. Reload to see the saved answer, then change it again."
    ).format(item=item, had=had, now=now)
    return Conflict(msg)


def judgment_item(node: str, row: str, column: str) -> str:
    """``judgment 'a' vs 'b' at 'groups'``: a judgment named in a message."""
    return _("judgment {row} vs {column} at {node}").format(
        row=repr(row), column=repr(column), node=repr(node)
    )


def score_item(criterion: str, candidate: str) -> str:
    """``score of 'coal' on 'strategy'``: a score named in a message."""
    return _("score of {candidate} on {criterion}").format(
        candidate=repr(candidate), criterion=repr(criterion)
    )
