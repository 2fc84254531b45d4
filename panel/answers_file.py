"""Answers collected on paper or in a spreadsheet, in long format (CSV or XLSX).

Two layouts, told apart by the header:

judgments — ``expert,node,row,column,value``
    ``value`` is how many times ``row`` matters more than ``column`` at ``node`` (``groups``
    or a group id), on Saaty's scale 1/9..9: ``3``, ``1/3`` and ``0.333`` are all accepted.
scores — ``expert,criterion,candidate,score``
    ``score`` lies on the criterion's declared scale; ``abstain`` records an abstention.

Every row is checked against the panel (its experts, its questionnaire, the items the
current round asks); every bad row is reported with its line, what is wrong and the fix,
and a file with any bad row is refused whole (nothing of it is stored).
"""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from clusterrank.criteria.files import display_name
from clusterrank.criteria.numbers import Fixes, NumberRule, read_numbers
from clusterrank.criteria.tables import read_table
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, formats
from clusterrank.panel.questionnaire import Node, Questionnaire, node_key, score_key
from clusterrank.panel.rows import Rows, checked_rows, header_names
from clusterrank.panel.text import short_number
from clusterrank.store.imports import JudgmentIn, ScoreIn

JUDGMENT_COLUMNS = ("expert", "node", "row", "column", "value")
SCORE_COLUMNS = ("expert", "criterion", "candidate", "score")
SAATY_MIN, SAATY_MAX = 1.0 / 9.0, 9.0
SCALE_SLACK = 0.01
"""Relative slack on Saaty's bounds, so 0.111 counts as 1/9 (as in scenario files)."""
ABSTAIN = "abstain"
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class ParsedAnswers:
    """The rows of an answers file, checked and ready for :func:`store.import_answers`."""

    label: str
    judgments: tuple[JudgmentIn, ...] = ()
    scores: tuple[ScoreIn, ...] = ()

    @property
    def count(self) -> int:
        """The number of answers read: judgments plus scores."""
        return len(self.judgments) + len(self.scores)


def _layout(path: str | os.PathLike[str]) -> tuple[Rows, str]:
    table = read_table(path, display_name(path))
    names = set(header_names(table))
    if "score" in names or "criterion" in names:
        return checked_rows(table, SCORE_COLUMNS, what=N_("a scores file")), "scores"
    if "value" in names or "node" in names:
        return checked_rows(table, JUDGMENT_COLUMNS, what=N_("a judgments file")), "judgments"
    msg = _(
        "cannot tell what the file holds: judgments need the columns "
        "{judgments}, scores the columns {scores}"
    ).format(judgments=",".join(JUDGMENT_COLUMNS), scores=",".join(SCORE_COLUMNS))
    raise ValidationFailed.single(table.label, "header", msg, table.header_line)


def read_answers(
    path: str | os.PathLike[str],
    questionnaire: Questionnaire,
    experts: Collection[str],
    round_items: Collection[str],
    round_number: int = 1,
) -> ParsedAnswers:
    """Read and check an answers file for a panel (see the module docstring).

    Parameters
    ----------
    questionnaire
        What the panel asks.
    experts
        The panel's expert ids.
    round_items
        Item keys the current round asks (round 2 may ask a subset).

    Raises
    ------
    ValidationFailed
        Every bad row (file, line, what, fix); nothing is returned from a bad file.
    """
    rows, kind = _layout(path)
    problems: list[Problem] = []
    if kind == "judgments":
        judgments = _judgments(
            rows, questionnaire, experts, set(round_items), round_number, problems
        )
        scores: tuple[ScoreIn, ...] = ()
    else:
        scores = _scores(rows, questionnaire, experts, set(round_items), round_number, problems)
        judgments = ()
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        extra = len(problems) - MAX_PROBLEMS
        if extra > 0:
            problems = problems[:MAX_PROBLEMS]
            msg = _("{count} more problems not listed; fix the rows above and import again").format(
                count=formats.integer(extra)
            )
            problems.append(Problem(rows.label, "", msg))
        raise ValidationFailed(problems)
    return ParsedAnswers(rows.label, judgments, scores)


def _expert(rows: Rows, i: int, experts: Collection[str], problems: list[Problem]) -> str | None:
    ref = rows.text(i, "expert")
    if not ref:
        problems.append(rows.problem(i, _("empty expert id; write the id from the experts file")))
        return None
    if ref not in experts:
        shown = ref if len(ref) <= 40 else ref[:37] + "..."
        msg = _("expert {expert} is not on this panel; use an id from `clusterrank panel status`")
        msg = msg.format(expert=repr(shown))
        problems.append(rows.problem(i, msg))
        return None
    return ref


def _values(
    rows: Rows, column: str, fractions: bool, fix: str
) -> tuple[list[float], dict[int, str]]:
    cells = [rows.raw(i, column) for i in range(len(rows))]
    if not fractions:
        cells = [None if str(c).strip().lower() == ABSTAIN else c for c in cells]
    numbers = read_numbers(
        rows.label,
        {column: cells},
        lambda _c, i: rows.place(i),
        NumberRule(None, rows.table.separator),
        missing=frozenset({""}),
        fractions=fractions,
        fixes=Fixes(not_a_number=fix),
    )
    if numbers.file_problem:
        raise ValidationFailed.single(rows.label, column, numbers.file_problem)
    bad = {
        p.row: _("{column} {problem}").format(column=column, problem=p.message)
        for p in numbers.problems
    }
    return numbers.by_column[column].tolist(), bad


def _pair_problems(
    rows: Rows,
    i: int,
    nodes: Mapping[str, Node],
    pair: tuple[str, str, str],
    items: set[str],
    round_number: int,
) -> list[Problem]:
    """Problems of row ``i``'s comparison ``pair`` (node, row item, column item).

    The node must be asked in this round, both items compared at it, and the items different.
    """
    node_id, a, b = pair
    node = nodes.get(node_id)
    if node is None:
        msg = _("node {node} is not asked by this panel; nodes: {nodes}").format(
            node=repr(node_id), nodes=", ".join(nodes) or _("none")
        )
        return [rows.problem(i, msg)]
    if node_key(node_id) not in items:
        msg = _("round {round} does not ask node {node}; leave this row out").format(
            round=round_number, node=repr(node_id)
        )
        return [rows.problem(i, msg)]
    problems = []
    sides = (
        (_("row {item} is not compared at node {node}; items: {items}"), a),
        (_("column {item} is not compared at node {node}; items: {items}"), b),
    )
    for text, name in sides:
        if name not in node.items:
            msg = text.format(item=repr(name), node=repr(node_id), items=", ".join(node.items))
            problems.append(rows.problem(i, msg))
    if a == b and a in node.items:
        msg = _("row and column are both {item}; compare two different items").format(item=repr(a))
        problems.append(rows.problem(i, msg))
    return problems


def _judgment_value_problem(rows: Rows, i: int, v: float, bad: dict[int, str]) -> Problem | None:
    """The problem of row ``i``'s judgment value ``v``: unreadable, empty or off Saaty's scale."""
    if i in bad:
        return rows.problem(i, bad[i])
    if math.isnan(v):
        return rows.problem(
            i, _("empty value; write how many times row matters more than column, e.g. 3 or 1/3")
        )
    if not SAATY_MIN * (1 - SCALE_SLACK) <= v <= SAATY_MAX * (1 + SCALE_SLACK):
        msg = _("value {value} is outside Saaty's scale 1/9..9; write a value from 1/9 to 9")
        return rows.problem(i, msg.format(value=short_number(v)))
    return None


def _judgments(
    rows: Rows,
    q: Questionnaire,
    experts: Collection[str],
    items: set[str],
    round_number: int,
    problems: list[Problem],
) -> tuple[JudgmentIn, ...]:
    values, bad = _values(rows, "value", True, _("write a number or a fraction like 1/3"))
    nodes = {n.id: n for n in q.nodes}
    seen: dict[tuple[str, str, frozenset[str]], str] = {}
    out: list[JudgmentIn] = []
    for i in range(len(rows)):
        ref = _expert(rows, i, experts, problems)
        node_id, a, b = rows.text(i, "node"), rows.text(i, "row"), rows.text(i, "column")
        node = nodes.get(node_id)
        problems += _pair_problems(rows, i, nodes, (node_id, a, b), items, round_number)
        v = values[i]
        value_problem = _judgment_value_problem(rows, i, v, bad)
        if value_problem is not None:
            problems.append(value_problem)
        if ref is None or node is None or a not in node.items or b not in node.items or a == b:
            continue
        key = (ref, node_id, frozenset((a, b)))
        if key in seen:
            msg = _(
                "expert {expert} compares {a} and {b} at {node} again (first on {place}); "
                "keep one row"
            ).format(expert=repr(ref), a=repr(a), b=repr(b), node=repr(node_id), place=seen[key])
            problems.append(rows.problem(i, msg))
            continue
        seen[key] = rows.place(i)
        if i not in bad and not math.isnan(v):
            out.append(JudgmentIn(expert=ref, node=node_id, row=a, column=b, value=float(v)))
    return tuple(out)


def _scores(
    rows: Rows,
    q: Questionnaire,
    experts: Collection[str],
    items: set[str],
    round_number: int,
    problems: list[Problem],
) -> tuple[ScoreIn, ...]:
    values, bad = _values(
        rows,
        "score",
        False,
        _("write a number on the criterion's scale, or {abstain}").format(abstain=ABSTAIN),
    )
    crits = {c.id: c for c in q.scored}
    seen: dict[tuple[str, str, str], str] = {}
    out: list[ScoreIn] = []
    for i in range(len(rows)):
        ref = _expert(rows, i, experts, problems)
        cid, cand = rows.text(i, "criterion"), rows.text(i, "candidate")
        crit = crits.get(cid)
        ok = True
        if crit is None:
            scored = ", ".join(crits) or _("none")
            msg = _("criterion {criterion} is not scored by this panel; scored: {scored}").format(
                criterion=repr(cid), scored=scored
            )
            problems.append(rows.problem(i, msg))
            ok = False
        if cand not in q.candidates:
            known = ", ".join(q.candidates)
            msg = _("candidate {candidate} is not in the panel's scenario; candidates: {known}")
            msg = msg.format(candidate=repr(cand), known=known)
            problems.append(rows.problem(i, msg))
            ok = False
        if ok and score_key(cid, cand) not in items:
            msg = _(
                "round {round} does not ask for the score of {candidate} on {criterion}; "
                "leave this row out"
            ).format(round=round_number, candidate=repr(cand), criterion=repr(cid))
            problems.append(rows.problem(i, msg))
            ok = False
        abstain = rows.text(i, "score").lower() == ABSTAIN
        v = values[i]
        if i in bad:
            problems.append(rows.problem(i, bad[i]))
            ok = False
        elif math.isnan(v) and not abstain:
            problems.append(
                rows.problem(
                    i,
                    _("empty score; write a number on the criterion's scale, or {abstain}").format(
                        abstain=ABSTAIN
                    ),
                )
            )
            ok = False
        elif crit is not None and not abstain and not crit.min <= v <= crit.max:
            msg = _("score {value} lies outside {criterion}'s scale {low}..{high}").format(
                value=short_number(v),
                criterion=repr(cid),
                low=short_number(crit.min),
                high=short_number(crit.max),
            )
            problems.append(rows.problem(i, msg))
            ok = False
        if ref is None or not ok:
            continue
        key = (ref, cid, cand)
        if key in seen:
            msg = _(
                "expert {expert} scores {candidate} on {criterion} again (first on {place}); "
                "keep one row"
            ).format(expert=repr(ref), candidate=repr(cand), criterion=repr(cid), place=seen[key])
            problems.append(rows.problem(i, msg))
            continue
        seen[key] = rows.place(i)
        value = None if abstain else float(v)
        out.append(ScoreIn(expert=ref, criterion=cid, candidate=cand, value=value, abstain=abstain))
    return tuple(out)
