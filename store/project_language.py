"""A project's interface language: the one chosen last while it was open (NULL: never chosen).

Kept apart from the project's content: choosing a language is written to the audit log but
does not count as a change of the project (``updated_at`` stays, so the list keeps its order).
A shipped example opens read-only and keeps no language.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clusterrank.errors import StoreError
from clusterrank.i18n import LANGUAGES, _, normalize
from clusterrank.store.projects import _audit, _live, _writable
from clusterrank.store.tx import committing


def project_language(session: Session, project_id: str) -> str | None:
    """The language chosen for a live project, or None when none was chosen.

    Raises
    ------
    NotFound
        No such project, or it was deleted.
    """
    with committing(session):
        return _live(session, project_id).language


def set_project_language(
    session: Session, project_id: str, language: str | None, actor: str = "user"
) -> None:
    """Remember ``language`` (``"ru"``, ``"en"``; None forgets it) for a project.

    Raises
    ------
    StoreError
        A language the interface does not speak, or a read-only example.
    NotFound
        No such project, or it was deleted.
    """
    code = normalize(language)
    if language is not None and code is None:
        msg = _("the interface speaks {languages}, not {language}").format(
            languages=", ".join(LANGUAGES), language=repr(language)
        )
        raise StoreError(msg)
    with committing(session):
        project = _writable(session, project_id)
        if project.language == code:
            return
        before, project.language = project.language, code
        _audit(session, project_id, actor, "project.language", {"from": before, "to": code})
