"""Who is asking: an expert's token or the facilitator's key, turned into an identity.

The identities carry the hash of the secret that opened them, and every repository function
re-checks that hash against the database on each call. So an identity cannot be forged by
changing an id in it, and a token revoked while a page is open stops working at once.

Every refusal has one message, whatever the cause (unknown token, revoked token, closed panel,
unknown panel, wrong key): a refusal never tells a stranger that a panel exists.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from clusterrank.errors import AccessDenied
from clusterrank.i18n import N_, _
from clusterrank.store import keys
from clusterrank.store.models import Expert, Panel
from clusterrank.store.tx import committing

DENIED = N_(
    "this link or key does not open any panel: it may be mistyped, revoked, or the panel is "
    "no longer open. Ask the panel's facilitator for a new link."
)
_DUMMY_HASH = keys.digest("no panel has this key")


@dataclass(frozen=True)
class ExpertIdentity:
    """An expert as their token proves them: obtained only from :func:`resolve_token`."""

    panel_id: str
    expert_id: int
    ref: str
    display_name: str
    group: str | None
    token_hash: str = field(repr=False)

    @property
    def actor(self) -> str:
        """How the audit log names this expert."""
        return f"expert:{self.ref}"


@dataclass(frozen=True)
class FacilitatorAccess:
    """The facilitator of one panel, as their key proves them: from :func:`open_facilitator`."""

    panel_id: str
    key_hash: str = field(repr=False)
    actor: str = "facilitator"


def _denied() -> AccessDenied:
    return AccessDenied(_(DENIED))


def resolve_token(session: Session, token: str, *, allow_closed: bool = False) -> ExpertIdentity:
    """The expert whose personal token this is.

    Parameters
    ----------
    token
        The token from the expert's link, as given.
    allow_closed
        Accept a panel that is closed or archived (for reading one's own answers afterwards);
        by default only an open panel is accepted.

    Raises
    ------
    AccessDenied
        Unknown or revoked token, or a panel that is not open (one message for all).
    """
    with committing(session):
        expert, _panel = _expert_by_hash(
            session, keys.digest(token) if keys.plausible(token) else "", allow_closed
        )
        return ExpertIdentity(
            panel_id=expert.panel_id,
            expert_id=expert.id,
            ref=expert.ref,
            display_name=expert.display_name,
            group=expert.stakeholder_group,
            token_hash=expert.token_hash,
        )


def _expert_by_hash(session: Session, token_hash: str, allow_closed: bool) -> tuple[Expert, Panel]:
    row = session.execute(
        sa.select(Expert, Panel)
        .join(Panel, Panel.id == Expert.panel_id)
        .where(Expert.token_hash == token_hash)
    ).first()
    if row is None:
        raise _denied()
    expert, panel = row
    if expert.revoked or (panel.status != "open" and not allow_closed):
        raise _denied()
    return expert, panel


def check_expert(
    session: Session, who: ExpertIdentity, *, allow_closed: bool = False
) -> tuple[Expert, Panel]:
    """Re-check ``who`` inside the caller's transaction; the expert and panel rows it opens.

    The rows come from the token hash alone, never from the ids in ``who``.
    """
    if not isinstance(who, ExpertIdentity):
        raise _denied()
    expert, panel = _expert_by_hash(session, who.token_hash, allow_closed)
    if expert.id != who.expert_id or panel.id != who.panel_id:
        raise _denied()
    return expert, panel


def open_facilitator(
    session: Session, panel_id: str, key: str, *, actor: str = "facilitator"
) -> FacilitatorAccess:
    """The facilitator's access to ``panel_id`` if ``key`` is its facilitator key.

    Raises
    ------
    AccessDenied
        Unknown panel or wrong key (one message for both).
    """
    with committing(session):
        panel = None
        if isinstance(panel_id, str) and 0 < len(panel_id) <= 32:
            panel = session.get(Panel, panel_id)
        stored = panel.facilitator_key_hash if panel is not None else _DUMMY_HASH
        given = key if keys.plausible(key) else ""
        if not keys.same_digest(given, stored) or panel is None:
            raise _denied()
        return FacilitatorAccess(panel_id=panel.id, key_hash=stored, actor=actor)


def check_facilitator(session: Session, access: FacilitatorAccess) -> Panel:
    """Re-check ``access`` inside the caller's transaction; the panel row it opens."""
    if not isinstance(access, FacilitatorAccess):
        raise _denied()
    panel = session.get(Panel, access.panel_id)
    if (
        panel is None
        or not isinstance(access.key_hash, str)
        or not hmac.compare_digest(panel.facilitator_key_hash, access.key_hash)
    ):
        raise _denied()
    return panel
