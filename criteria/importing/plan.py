"""What the user chose, and what the import makes of a table under those choices.

:class:`ImportChoices` is what a wizard page or ``clusterrank init`` collects (sheet, decimal
separator, id and name columns, columns skipped, directions and units confirmed, groups, a
criteria set to map onto); :func:`plan_import` reads the file under them into an
:class:`ImportPlan`: the candidates, one :class:`~criteria.importing.columns.Indicator` per
numeric column, their figures, and every problem found, all at once. Turning a plan into a
scenario is :mod:`criteria.importing.build`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.importing import columns as cols
from clusterrank.criteria.importing.cells import STATE_DECIMAL, read_columns, survey
from clusterrank.criteria.importing.expert import ExpertCriterion
from clusterrank.criteria.importing.sniff import Sniffed, sniff
from clusterrank.criteria.models import CriteriaSet
from clusterrank.criteria.numbers import Decimal, cell_text
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _

ID_PROBLEM = "ids"
"""The :attr:`errors.Problem.kind` of a problem with the id column (empty, unsafe or
repeated ids), so callers need not read the (translated) location."""

_ID_RE = re.compile(r"[\w.-]+")  # the rule of criteria.models.common.Id


@dataclass(frozen=True)
class ImportChoices:
    """The user's choices; every field may stay at its default (detected or guessed)."""

    sheet: str | None = None
    decimal: Decimal | None = None
    id_column: str | None = None
    """The id column (None: guessed from the header, unless :attr:`make_ids`)."""
    make_ids: bool = False
    """Make the ids from the names even when a column looks like ids (no id column)."""
    name_column: str | None = None
    skip: frozenset[str] = frozenset()
    """Numeric columns left out of the criteria."""
    directions: Mapping[str, str] = field(default_factory=dict)
    """Column -> ``benefit`` / ``cost``, confirmed by the user (no longer a guess)."""
    units: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)
    """Column -> group title (default: one group, "Indicators")."""
    criteria_set: CriteriaSet | None = None
    """Start from this set: its indicators are mapped onto columns instead of guessed."""
    mapping: Mapping[str, str] = field(default_factory=dict)
    """Indicator (data key) of :attr:`criteria_set` -> column; same-named columns map alone."""
    expert: tuple[ExpertCriterion, ...] = ()
    """Expert-scored criteria added from scratch; their scores are missing until given."""


@dataclass
class ImportPlan:
    """A table read under :class:`ImportChoices`, ready to become a scenario."""

    label: str
    sniffed: Sniffed
    id_column: str | None
    name_column: str | None
    ids: list[str]
    names: list[str]
    indicators: list[cols.Indicator]
    values: dict[str, npt.NDArray[np.float64]]
    """Indicator key -> one figure per candidate (NaN: no data)."""
    text_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def raise_if_problems(self) -> None:
        """Raise every problem found at once (nothing is to be written then)."""
        if self.problems:
            raise ValidationFailed(self.problems)

    @property
    def missing_cells(self) -> int:
        """How many figures are missing (no data)."""
        return int(sum(np.isnan(v).sum() for v in self.values.values()))


def plan_import(
    path: str | os.PathLike[str],
    label: str,
    choices: ImportChoices = ImportChoices(),
    *,
    state_decimal: str = STATE_DECIMAL,
) -> ImportPlan:
    """Read ``path`` (named ``label`` to the user) and plan its scenario under ``choices``.

    ``state_decimal`` is how a message tells the user to state the decimal separator (the
    command line's ``--decimal`` option by default; a page names its own control).

    Raises
    ------
    ValidationFailed
        When the file cannot be read as a table at all (empty, too large, a zip bomb, a
        missing sheet). Problems with its columns and cells are collected in the plan.
    """
    sniffed = sniff(path, label, choices.sheet)
    table = sniffed.table
    problems: list[Problem] = []
    surveys = {name: survey(table, j) for j, name in enumerate(table.header) if name}
    numeric = [c for c, s in surveys.items() if s.numeric]
    text = [c for c, s in surveys.items() if not s.numeric]
    if len(table.header) < 2:
        msg = _(
            "the file has one column ({column!r}); expected a column of names or "
            "ids and at least one column of figures: check the separator (',', ';' or tab)"
        ).format(column=table.header[0])
        raise ValidationFailed.single(label, "", msg)
    id_col = _chosen(choices.id_column, table.header, label, "--id-column", problems)
    name_col = _chosen(choices.name_column, table.header, label, "--name-column", problems)
    if choices.make_ids:
        id_col = None  # the ids are made from the names
    elif id_col is None:
        id_col = cols.guess_id_column(table.header, text)
    name_col = name_col or cols.guess_name_column(text, id_col)
    used = [c for c in numeric if c not in {id_col, name_col} and c not in choices.skip]
    if not used:
        msg = _(
            "no column holds figures (columns of text: {columns}); "
            "the indicators must be numbers, one column each"
        ).format(columns=", ".join(map(repr, text)))
        problems.append(Problem(label, "", msg))
    ids, names = _candidates(sniffed, id_col, name_col, problems)
    percent = [surveys[c].percent for c in used]
    found = cols.indicators(used, percent)
    read = read_columns(table, used, choices.decimal, state_decimal)
    problems += read.problems
    values = {ind.key: read.values[ind.column] for ind in found if ind.column in read.values}
    plan = ImportPlan(label, sniffed, id_col, name_col, ids, names, found, values, text)
    plan.problems, plan.notes = problems, [*sniffed.notes, *read.notes]
    return plan


def _chosen(
    column: str | None, header: tuple[str, ...], label: str, option: str, out: list[Problem]
) -> str | None:
    if column is None or column in header:
        return column
    msg = _("column {column!r} ({option}) not found; columns: {columns}").format(
        column=column, option=option, columns=", ".join(map(repr, header))
    )
    out.append(Problem(label, option, msg))
    return None


def _candidates(
    sniffed: Sniffed, id_col: str | None, name_col: str | None, out: list[Problem]
) -> tuple[list[str], list[str]]:
    """Candidate ids (from the id column, or made safe from the names) and names."""
    table, label = sniffed.table, sniffed.table.label
    if id_col is None and name_col is None:
        msg = _("no column of names or ids (every column holds numbers); add one, or name it")
        out.append(Problem(label, "--id-column", msg))
        return [], []
    index = {c: j for j, c in enumerate(table.header)}
    names = [cell_text(v) for v in table.column(index[name_col])] if name_col else []
    if id_col is None:
        return cols.make_ids(names), names
    ids = [cell_text(v) for v in table.column(index[id_col])]
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        where = _("column {column!r}").format(column=id_col) + table.cell(i, index[id_col])
        line = table.line(i)
        msg = ""
        if not ident:
            msg = _("the id is empty; give every row an id")
        elif not _ID_RE.fullmatch(ident):
            msg = _("id {ident!r} may hold only letters, digits, '_', '.' and '-'; rename it")
        elif ident in first:
            msg = _("id {ident!r} is on two rows (also row {row}); keep one")
        if msg:
            msg = msg.format(ident=ident, row=table.numbers[first.get(ident, i)])
            out.append(Problem(label, where, msg, line, kind=ID_PROBLEM))
        first.setdefault(ident, i)
    return ids, names or ids
