"""Result snapshots (immutable: recorded, listed, never changed) and the audit log."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.store.access import FacilitatorAccess, check_facilitator
from clusterrank.store.models import AuditEntry, ResultSnapshot, Round
from clusterrank.store.records import AuditInfo, ResultInfo
from clusterrank.store.rounds import round_row
from clusterrank.store.tx import audit, committing, utcnow


def record_result(
    session: Session, access: FacilitatorAccess, round_number: int, payload: Any
) -> int:
    """Store an aggregated result of a round as computed (JSON); the snapshot's id."""
    with committing(session):
        panel = check_facilitator(session, access)
        found = round_row(session, panel.id, round_number)
        snapshot = ResultSnapshot(
            panel_id=panel.id, round_id=found.id, created_at=utcnow(), payload=payload
        )
        session.add(snapshot)
        session.flush()
        audit(session, panel.id, access.actor, "result.record", {"round": round_number})
        return snapshot.id


def list_results(session: Session, access: FacilitatorAccess) -> tuple[ResultInfo, ...]:
    """Every recorded result of the panel, oldest first."""
    with committing(session):
        panel = check_facilitator(session, access)
        rows = session.execute(
            sa.select(ResultSnapshot, Round.number)
            .join(Round, Round.id == ResultSnapshot.round_id)
            .where(ResultSnapshot.panel_id == panel.id)
            .order_by(ResultSnapshot.id)
        )
        return tuple(ResultInfo(s.id, number, s.created_at, s.payload) for s, number in rows)


def append_audit(
    session: Session, access: FacilitatorAccess, action: str, detail: Any = None
) -> None:
    """Record something the facilitator did outside the store (an export, an apply)."""
    with committing(session):
        panel = check_facilitator(session, access)
        audit(session, panel.id, access.actor, action, {} if detail is None else detail)


def list_audit(session: Session, access: FacilitatorAccess) -> tuple[AuditInfo, ...]:
    """The panel's audit log, oldest first."""
    with committing(session):
        panel = check_facilitator(session, access)
        entries = session.scalars(
            sa.select(AuditEntry).where(AuditEntry.panel_id == panel.id).order_by(AuditEntry.id)
        )
        return tuple(AuditInfo(e.actor, e.action, e.detail, e.at) for e in entries)
