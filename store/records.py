"""What repository functions return: frozen plain records, never live ORM objects.

They outlive their session, can be cached by a page and compared in tests. Secrets appear in
exactly two places, :class:`NewPanel` and :class:`IssuedToken`, returned once when created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class NewExpert:
    """An expert to invite: ``ref`` is the facilitator's id for them (unique in the panel)."""

    ref: str
    name: str
    group: str | None = None
    weight: float | None = None


@dataclass(frozen=True)
class IssuedToken:
    """An expert's personal token, shown once; only its hash is stored."""

    ref: str
    name: str
    token: str = field(repr=False)


@dataclass(frozen=True)
class NewPanel:
    """A created panel: its id, the facilitator key and the experts' tokens, shown once."""

    panel_id: str
    facilitator_key: str = field(repr=False)
    experts: tuple[IssuedToken, ...] = ()


@dataclass(frozen=True)
class PanelInfo:
    """A panel as stored (without the facilitator key)."""

    panel_id: str
    title: str
    scenario_yaml: str
    scenario_sha256: str
    asked: Any
    aggregation: Any
    status: str
    current_round: int
    created_at: datetime


@dataclass(frozen=True)
class ExpertInfo:
    """An invited expert (without their token)."""

    ref: str
    name: str
    group: str | None
    weight: float | None
    revoked: bool
    created_at: datetime


@dataclass(frozen=True)
class RoundInfo:
    """A round: when it opened and closed, its items and their feedback."""

    number: int
    opened_at: datetime
    closed_at: datetime | None
    items: Any
    feedback: Any

    @property
    def is_open(self) -> bool:
        """Whether the round still accepts answers."""
        return self.closed_at is None


@dataclass(frozen=True)
class JudgmentRow:
    """A stored pairwise judgment with its version."""

    expert: str
    node: str
    row: str
    column: str
    value: float
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class ScoreRow:
    """A stored score or abstention with its version."""

    expert: str
    criterion: str
    candidate: str
    value: float | None
    abstain: bool
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class CommentRow:
    """A stored comment with its version."""

    expert: str
    item_key: str
    text: str
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class RoundAnswers:
    """Every answer of one round (facilitator) or of one expert in it (that expert)."""

    round_number: int
    judgments: tuple[JudgmentRow, ...]
    scores: tuple[ScoreRow, ...]
    comments: tuple[CommentRow, ...]
    submitted: dict[str, datetime]


@dataclass(frozen=True)
class ResultInfo:
    """A recorded result snapshot."""

    snapshot_id: int
    round_number: int
    created_at: datetime
    payload: Any


@dataclass(frozen=True)
class AuditInfo:
    """One audit-log entry: who did what, when."""

    actor: str
    action: str
    detail: Any
    at: datetime
