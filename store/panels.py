"""Panels and their experts: create, invite, revoke, reissue, change status.

Secrets are returned once (:class:`~store.records.NewPanel`, :class:`~store.records.IssuedToken`)
and only their SHA-256 is stored. Every function is one committed transaction that also writes
its audit entry.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.errors import NotFound, StoreError
from clusterrank.i18n import _
from clusterrank.store import keys
from clusterrank.store.access import FacilitatorAccess, check_facilitator
from clusterrank.store.models import PANEL_STATUSES, Expert, Panel, Round
from clusterrank.store.records import IssuedToken, NewExpert, NewPanel
from clusterrank.store.tx import audit, committing, utcnow


def create_panel(
    session: Session,
    *,
    title: str,
    scenario_yaml: str,
    asked: Any,
    aggregation: Any,
    experts: Sequence[NewExpert] = (),
    first_round_items: Any = None,
    actor: str = "facilitator",
) -> NewPanel:
    """Create an open panel with round 1 open, invite ``experts``; return the secrets once.

    Parameters
    ----------
    scenario_yaml
        The scenario as YAML text: a snapshot, so later edits of the file do not change the
        panel; its SHA-256 is stored beside it.
    asked, aggregation
        What is asked and how answers are aggregated (JSON-serialisable, opaque to the store).
    first_round_items
        The items round 1 asks (default: ``asked``).
    """
    key = keys.new_token()
    now = utcnow()
    with committing(session):
        panel = Panel(
            id=keys.new_panel_id(),
            title=title,
            scenario_yaml=scenario_yaml,
            scenario_sha256=hashlib.sha256(scenario_yaml.encode("utf-8")).hexdigest(),
            asked=asked,
            aggregation=aggregation,
            status="open",
            current_round=1,
            facilitator_key_hash=keys.digest(key),
            created_at=now,
        )
        session.add(panel)
        items = asked if first_round_items is None else first_round_items
        session.add(Round(panel_id=panel.id, number=1, opened_at=now, items=items))
        session.flush()
        audit(session, panel.id, actor, "panel.create", {"title": title})
        issued = _invite(session, panel.id, experts, actor)
        return NewPanel(panel_id=panel.id, facilitator_key=key, experts=issued)


def add_experts(
    session: Session, access: FacilitatorAccess, experts: Sequence[NewExpert]
) -> tuple[IssuedToken, ...]:
    """Invite more experts to a panel; their tokens are returned once."""
    with committing(session):
        panel = check_facilitator(session, access)
        return _invite(session, panel.id, experts, access.actor)


def _invite(
    session: Session, panel_id: str, experts: Sequence[NewExpert], actor: str
) -> tuple[IssuedToken, ...]:
    existing = set(session.scalars(sa.select(Expert.ref).where(Expert.panel_id == panel_id)))
    issued = []
    for new in experts:
        _check_new_expert(new, existing)
        existing.add(new.ref)
        token = keys.new_token()
        session.add(
            Expert(
                panel_id=panel_id,
                ref=new.ref,
                display_name=new.name,
                stakeholder_group=new.group,
                weight=new.weight,
                token_hash=keys.digest(token),
                revoked=False,
                created_at=utcnow(),
            )
        )
        issued.append(IssuedToken(ref=new.ref, name=new.name, token=token))
    if issued:
        audit(session, panel_id, actor, "expert.add", {"refs": [t.ref for t in issued]})
    return tuple(issued)


def _check_new_expert(new: NewExpert, existing: set[str]) -> None:
    if not new.ref.strip():
        msg = _("an expert needs a non-empty id")
        raise StoreError(msg)
    if new.ref in existing:
        msg = _("expert id {expert} is already on this panel: give each expert their own id")
        msg = msg.format(expert=repr(new.ref))
        raise StoreError(msg)
    if new.weight is not None and not (math.isfinite(new.weight) and new.weight >= 0):
        msg = _("expert {expert}: 'weight' must be a finite number >= 0 (got {weight})").format(
            expert=repr(new.ref), weight=new.weight
        )
        raise StoreError(msg)


def _expert(session: Session, panel_id: str, ref: str) -> Expert:
    expert = session.scalars(
        sa.select(Expert).where(Expert.panel_id == panel_id, Expert.ref == ref)
    ).first()
    if expert is None:
        msg = _("this panel has no expert with id {expert}: see `clusterrank panel status`").format(
            expert=repr(ref)
        )
        raise NotFound(msg)
    return expert


def revoke_expert(session: Session, access: FacilitatorAccess, ref: str) -> None:
    """Revoke expert ``ref``'s token: their link stops working; their answers stay."""
    with committing(session):
        panel = check_facilitator(session, access)
        _expert(session, panel.id, ref).revoked = True
        audit(session, panel.id, access.actor, "expert.revoke", {"ref": ref})


def reissue_token(session: Session, access: FacilitatorAccess, ref: str) -> IssuedToken:
    """A new token for expert ``ref`` (the old one stops working; a revoked expert returns)."""
    token = keys.new_token()
    with committing(session):
        panel = check_facilitator(session, access)
        expert = _expert(session, panel.id, ref)
        expert.token_hash = keys.digest(token)
        expert.revoked = False
        audit(session, panel.id, access.actor, "expert.reissue", {"ref": ref})
        return IssuedToken(ref=expert.ref, name=expert.display_name, token=token)


def set_status(session: Session, access: FacilitatorAccess, status: str) -> None:
    """Open, close or archive the panel; only an open panel accepts answers."""
    if status not in PANEL_STATUSES:
        msg = _("panel status must be one of {choices} (got {status})").format(
            choices=", ".join(PANEL_STATUSES), status=repr(status)
        )
        raise StoreError(msg)
    with committing(session):
        panel = check_facilitator(session, access)
        before = panel.status
        panel.status = status
        audit(
            session,
            panel.id,
            access.actor,
            "panel.status",
            {"from": before, "to": status},
        )
