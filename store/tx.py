"""Short transactions: every repository function commits (or rolls back) before it returns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from clusterrank.errors import StoreError
from clusterrank.i18n import _
from clusterrank.store.models import AuditEntry


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


@contextmanager
def committing(session: Session) -> Iterator[Session]:
    """Run the block as one transaction: commit at the end, roll back on any error.

    A database that stays locked past the busy timeout, or a server that went away, becomes a
    :class:`StoreError` saying that nothing was saved, so no caller mistakes it for success.
    """
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        msg = _("the panel database did not answer, nothing was saved; try again ({reason})")
        msg = msg.format(reason=exc.orig)
        raise StoreError(msg) from exc
    except BaseException:
        session.rollback()
        raise


def audit(session: Session, panel_id: str, actor: str, action: str, detail: Any) -> None:
    """Add an audit entry to the current transaction (it commits with the change it records)."""
    entry = AuditEntry(panel_id=panel_id, actor=actor, action=action, detail=detail, at=utcnow())
    session.add(entry)
