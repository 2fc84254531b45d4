"""The experts file: who sits on a panel (CSV or XLSX, columns ``id,name[,group,weight]``).

``id`` is the facilitator's own id for the expert (unique, reported in every result),
``name`` their display name, ``group`` an optional stakeholder group (for weights by group)
and ``weight`` an optional non-negative weight (for weights per expert). Every bad row is
reported with its line and the fix; a file with any bad row invites nobody.
"""

from __future__ import annotations

import math
import os

from clusterrank.criteria.numbers import Fixes, NumberRule, read_numbers
from clusterrank.criteria.tables import csv_table
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, formats
from clusterrank.panel.rows import Rows, checked_rows, read_rows, text_problem
from clusterrank.panel.text import short_number
from clusterrank.store.records import NewExpert

REQUIRED = ("id", "name")
OPTIONAL = ("group", "weight")
MAX_EXPERTS = 1_000
WHAT = N_("an experts file")


def read_experts(path: str | os.PathLike[str]) -> tuple[NewExpert, ...]:
    """The experts listed in ``path``, in file order.

    Raises
    ------
    ValidationFailed
        Every problem at once (file, line, what, fix): missing columns, empty or repeated
        ids, empty names, weights that are not numbers >= 0.
    """
    return experts_from_rows(read_rows(path, REQUIRED, OPTIONAL, what=WHAT))


def experts_from_text(text: str, label: str) -> tuple[NewExpert, ...]:
    """The experts listed in CSV ``text`` (pasted or uploaded), named ``label`` in messages."""
    table = csv_table(text, label)
    return experts_from_rows(checked_rows(table, REQUIRED, OPTIONAL, what=WHAT))


def experts_from_rows(rows: Rows) -> tuple[NewExpert, ...]:
    """The experts of a table whose header was checked (see :func:`read_experts`)."""
    problems: list[Problem] = []
    if len(rows) > MAX_EXPERTS:
        msg = _("{count} experts is more than the {maximum} a panel may invite").format(
            count=formats.integer(len(rows)), maximum=formats.integer(MAX_EXPERTS)
        )
        raise ValidationFailed.single(rows.label, "", msg)
    weights = _weights(rows, problems)
    seen: dict[str, str] = {}
    out: list[NewExpert] = []
    for i in range(len(rows)):
        ref, name, group = rows.text(i, "id"), rows.text(i, "name"), rows.text(i, "group")
        for value, what in ((ref, N_("expert id")), (name, N_("name"))):
            why = text_problem(value, what)
            if why is not None:
                problems.append(rows.problem(i, why))
        if ref and ref in seen:
            msg = _(
                "expert id {expert} is already used on {place}; give each expert their own id"
            ).format(expert=repr(ref), place=seen[ref])
            problems.append(rows.problem(i, msg))
        elif ref:
            seen[ref] = rows.place(i)
        if group:
            why = text_problem(group, N_("group"))
            if why is not None:
                problems.append(rows.problem(i, why))
        out.append(NewExpert(ref=ref, name=name, group=group or None, weight=weights[i]))
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: p.line or 0))
    return tuple(out)


def _weights(rows: Rows, problems: list[Problem]) -> list[float | None]:
    n = len(rows)
    if "weight" not in rows.columns:
        return [None] * n
    cells = [rows.raw(i, "weight") for i in range(n)]
    numbers = read_numbers(
        rows.label,
        {"weight": cells},
        lambda _column, i: rows.place(i),
        NumberRule(None, rows.table.separator),
        missing=frozenset({""}),
        fixes=Fixes(not_a_number=_("write a number >= 0, or leave it empty for no weight")),
    )
    if numbers.file_problem:
        raise ValidationFailed.single(rows.label, "weight", numbers.file_problem)
    bad = {p.row for p in numbers.problems}
    problems += [
        rows.problem(p.row, _("weight {problem}").format(problem=p.message))
        for p in numbers.problems
    ]
    out: list[float | None] = []
    for i, x in enumerate(numbers.by_column["weight"].tolist()):
        if i in bad or math.isnan(x):
            out.append(None)
        elif x < 0:
            msg = _("weight {value} is negative; write a number >= 0").format(value=short_number(x))
            problems.append(rows.problem(i, msg))
            out.append(None)
        else:
            out.append(float(x))
    return out
