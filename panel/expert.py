"""What an expert's personal link opens: their questionnaire, their answers, their saves.

Every function takes the expert's token as given in their link and re-resolves it in the
store on each call (a token revoked while the page is open stops working at once). An
expert reads the panel's title, what it asks, the scenario's facts, the current round with
its Delphi feedback, and their own answers (this round and, in a Delphi round, the previous
one) — never another expert's answers, never the results.

Answers are saved one at a time with the version the page last read (``0`` for none), so a
second tab of the same expert gets a :class:`~errors.Conflict` instead of overwriting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import numpy as np

from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _
from clusterrank.methods.ahp import most_inconsistent
from clusterrank.methods.ahp.consistency import AHPResult, analyse
from clusterrank.methods.ahp.inconsistency import JudgmentFix
from clusterrank.panel.questionnaire import Node, Questionnaire, questionnaire_of, score_key
from clusterrank.panel.settings import PanelSettings
from clusterrank.panel.snapshot import load_snapshot
from clusterrank.store import (
    Store,
    clear_judgment,
    expert_panel,
    expert_round,
    my_answers,
    resolve_token,
    save_comment,
    save_judgment,
    save_score,
    submit,
)
from clusterrank.store.records import RoundAnswers

TOP_FIXES = 3


def link(base: str, panel_id: str, token: str, lang: str | None = None) -> str:
    """The expert's personal link: ``{base}/?panel=ID&token=TOKEN``.

    With ``lang``, ``&lang=ru`` comes before the token: the questionnaire opens in that language.
    """
    shown = f"&lang={quote(lang)}" if lang else ""
    return f"{base.rstrip('/')}/?panel={quote(panel_id)}{shown}&token={quote(token)}"


@dataclass(frozen=True)
class ExpertPage:
    """Everything the expert's page shows, read in one go from the store."""

    panel_id: str
    title: str
    name: str
    round_number: int
    round_open: bool
    submitted: bool
    scenario: Scenario
    questionnaire: Questionnaire
    settings: PanelSettings
    items: tuple[str, ...]
    judgments: dict[tuple[str, str, str], tuple[float, int]]
    scores: dict[tuple[str, str], tuple[float | None, bool, int]]
    comments: dict[str, tuple[str, int]]
    feedback: dict[str, Any] = field(default_factory=dict)
    previous: RoundAnswers | None = None

    @property
    def nodes(self) -> tuple[Node, ...]:
        """The pairwise nodes this round asks."""
        return tuple(n for n in self.questionnaire.nodes if n.key in self.items)

    def asked_cells(self) -> list[tuple[str, str]]:
        """(criterion, candidate) of every scored cell this round asks."""
        q = self.questionnaire
        return [
            (c.id, cand)
            for c in q.scored
            for cand in q.candidates
            if score_key(c.id, cand) in self.items
        ]

    def progress(self) -> tuple[int, int]:
        """(answered, asked) in this round; a node counts one per pair, an abstention counts."""
        asked = self.questionnaire.size(self.items)
        done = sum(1 for n in self.nodes for a, b in n.pairs if (n.id, a, b) in self.judgments)
        done += sum(1 for cell in self.asked_cells() if cell in self.scores)
        return done, asked

    def node_matrix(self, node: Node) -> np.ndarray:
        """The expert's matrix at ``node`` (NaN where "don't know", 1 on the diagonal)."""
        n = len(node.items)
        a = np.full((n, n), np.nan)
        np.fill_diagonal(a, 1.0)
        index = {x: k for k, x in enumerate(node.items)}
        for (nid, x, y), (v, _version) in self.judgments.items():
            if nid == node.id:
                a[index[x], index[y]], a[index[y], index[x]] = v, 1.0 / v
        return a

    def previous_judgment(self, node: str, a: str, b: str) -> float | None:
        """The expert's own answer to the pair in the previous round (a Delphi round)."""
        if self.previous is None:
            return None
        for j in self.previous.judgments:
            if j.node == node and (j.row, j.column) == (a, b):
                return j.value
            if j.node == node and (j.row, j.column) == (b, a):
                return 1.0 / j.value
        return None

    def previous_score(self, criterion: str, candidate: str) -> tuple[float | None, bool] | None:
        """(value, abstained) the expert gave the cell in the previous round, if any."""
        if self.previous is None:
            return None
        for s in self.previous.scores:
            if (s.criterion, s.candidate) == (criterion, candidate):
                return s.value, s.abstain
        return None


@dataclass(frozen=True)
class Consistency:
    """The expert's consistency at one node: the analysis, and fixes when CR is too high."""

    result: AHPResult | None
    problem: str | None
    fixes: tuple[JudgmentFix, ...]


def open_page(db: Store, token: str) -> ExpertPage:
    """The expert's page for ``token``.

    Raises
    ------
    AccessDenied
        Unknown, revoked or expired token, or a panel that is not open (one message for all).
    """
    with db.reader() as s:
        who = resolve_token(s, token)
        info = expert_panel(s, who)
        current = expert_round(s, who)
        mine = my_answers(s, who)
        previous = my_answers(s, who, current.number - 1) if current.number > 1 else None
    scenario = load_snapshot(
        info.scenario_yaml, _("panel {panel} scenario").format(panel=info.panel_id)
    )
    q = questionnaire_of(scenario, info.asked)
    return ExpertPage(
        panel_id=info.panel_id,
        title=info.title,
        name=who.display_name,
        round_number=current.number,
        round_open=current.is_open,
        submitted=who.ref in mine.submitted,
        scenario=scenario,
        questionnaire=q,
        settings=PanelSettings.from_json(info.aggregation),
        items=tuple(current.items or q.item_keys),
        judgments=_judgments(q, mine),
        scores={(x.criterion, x.candidate): (x.value, x.abstain, x.version) for x in mine.scores},
        comments={c.item_key: (c.text, c.version) for c in mine.comments},
        feedback=dict((current.feedback or {}).get("items", {})),
        previous=previous,
    )


def _judgments(
    q: Questionnaire, mine: RoundAnswers
) -> dict[tuple[str, str, str], tuple[float, int]]:
    """Stored judgments keyed in each node's pair order (a stored (b, a) is turned round)."""
    nodes = {n.id: n for n in q.nodes}
    out: dict[tuple[str, str, str], tuple[float, int]] = {}
    for j in mine.judgments:
        node = nodes.get(j.node)
        if node is None:
            continue
        if (j.row, j.column) in node.pairs:
            out[(j.node, j.row, j.column)] = (j.value, j.version)
        elif (j.column, j.row) in node.pairs:
            out[(j.node, j.column, j.row)] = (1.0 / j.value, j.version)
    return out


def consistency(page: ExpertPage, node: Node) -> Consistency:
    """CR of the expert's own matrix at ``node`` and, above 0.10, the judgments to revise."""
    if not any(k[0] == node.id for k in page.judgments):
        return Consistency(None, None, ())
    s = page.settings
    a = page.node_matrix(node)
    try:
        result = analyse(
            a,
            node.items,
            derivation=s.derivation,
            random_index=s.random_index,
            completion=s.completion,
        )
        fixes: tuple[JudgmentFix, ...] = ()
        if not result.acceptable:
            fixes = tuple(
                most_inconsistent(
                    a,
                    node.items,
                    k=TOP_FIXES,
                    derivation=s.derivation,
                    random_index=s.random_index,
                    completion=s.completion,
                )
            )
    except ClusterRankError as exc:
        return Consistency(None, str(exc), ())
    return Consistency(result, None, fixes)


def save_pair(
    db: Store,
    token: str,
    round_number: int,
    node: str,
    pair: tuple[str, str],
    value: float | None,
    version: int,
) -> int:
    """Save "a is ``value`` times as important as b"; the new version.

    ``value=None`` means "don't know": the stored judgment is withdrawn (new version ``0``).
    """
    a, b = pair
    with db.session() as s:
        who = resolve_token(s, token)
        if value is None:
            clear_judgment(
                s, who, round_number=round_number, node=node, row=a, column=b, version=version
            )
            return 0
        return save_judgment(
            s,
            who,
            round_number=round_number,
            node=node,
            row=a,
            column=b,
            value=value,
            version=version,
        )


def save_cell(
    db: Store,
    token: str,
    round_number: int,
    cell: tuple[str, str],
    value: float | None,
    version: int,
) -> int:
    """Save the score of a (criterion, candidate) cell (``None``: abstain); the new version."""
    criterion, candidate = cell
    with db.session() as s:
        who = resolve_token(s, token)
        return save_score(
            s,
            who,
            round_number=round_number,
            criterion=criterion,
            candidate=candidate,
            value=value,
            abstain=value is None,
            version=version,
        )


def save_note(
    db: Store, token: str, round_number: int, item_key: str, text: str, version: int
) -> int:
    """Save the expert's comment on an item; the new version."""
    with db.session() as s:
        who = resolve_token(s, token)
        return save_comment(
            s, who, round_number=round_number, item_key=item_key, text=text, version=version
        )


def submit_round(db: Store, token: str, round_number: int) -> None:
    """Mark the expert's answers to the round as submitted (they may still change them)."""
    with db.session() as s:
        submit(s, resolve_token(s, token), round_number=round_number)
