"""Every exception clusterrank raises on purpose lives here.

`criteria`, `methods`, `analysis`, `cli` and `ui` all import from this one leaf module, so a
caller can catch :class:`ClusterRankError` and know the message is meant for a person.

Messages follow one rule: name the field, what was expected and what arrived, and where it
helps, the fix — ``'weight' must be > 0 (got -0.2)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clusterrank.i18n import _, ngettext


class ClusterRankError(Exception):
    """Base class: the message is safe and useful to show to a user as it is."""


class MethodInputError(ClusterRankError, ValueError):
    """Arrays handed to a decision method are unusable (shape, NaN, negative weights, ...)."""


class ConfigurationError(ClusterRankError, ValueError):
    """A method, option or setting name is unknown or the combination is not allowed."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a user's file.

    Attributes
    ----------
    file
        The file's name or path as the user knows it (``"<inline>"`` for text typed in the UI).
    location
        Dotted path inside the document, e.g. ``criteria_set.groups[2].weight``; ``""`` for
        the whole file.
    message
        What was expected and what arrived, and the fix where one is known.
    line
        1-based line in the file where the parser could tell, else ``None``.
    kind
        What sort of problem this is, for code that treats some sorts differently (never
        shown, never translated): ``"gap"`` for a figure missing from a table, ``""`` when
        nothing needs telling apart. Not part of equality: the same message at the same place
        is the same problem.
    """

    file: str
    location: str
    message: str
    line: int | None = None
    kind: str = field(default="", kw_only=True, compare=False)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where = _("{file}, line {line}").format(file=where, line=self.line)
        if self.location:
            where += f", {self.location}"
        return f"{where}: {self.message}"


class ValidationFailed(ClusterRankError, ValueError):
    """A user's file (or form) failed validation; every problem is listed at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            msg = "ValidationFailed needs at least one problem"
            raise ValueError(msg)
        super().__init__(self.render())

    def render(self) -> str:
        """The message: the count of problems, then one line per problem."""
        count = len(self.problems)
        head = ngettext("{count} problem found:", "{count} problems found:", count).format(
            count=count
        )
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])

    @classmethod
    def single(
        cls, file: str, location: str, message: str, line: int | None = None
    ) -> ValidationFailed:
        """A :class:`ValidationFailed` holding one :class:`Problem`."""
        return cls([Problem(file=file, location=location, message=message, line=line)])


def format_problems(problems: Sequence[Problem]) -> list[str]:
    """Render problems as lines for a terminal or a page."""
    return [str(p) for p in problems]


class StoreError(ClusterRankError):
    """The panel database cannot do what was asked (bad URL, unreachable, wrong schema)."""


class AccessDenied(StoreError):
    """A token or facilitator key does not open anything.

    The message is the same whether the panel exists or not, whether the token was mistyped or
    revoked, so a refusal never tells a stranger that a panel is there.
    """


class AnswersClosed(StoreError):
    """The panel or the round no longer accepts answers (closed, archived, or a later round)."""


class Conflict(StoreError):
    """An answer changed since the caller read it (another tab, another writer): reload first."""


class NotFound(StoreError, LookupError):
    """A facilitator named an expert or round the panel does not have."""


class InvalidAnswer(StoreError, ValueError):
    """An answer value the database must not hold (not finite, judgment <= 0, ...)."""
