"""The panel workflow over the store: create, import, status, results, rounds, access.

Every function takes an open :class:`store.Store` and the caller's access (the facilitator's
:class:`store.FacilitatorAccess`, or an expert's token) and runs short transactions through
the store's repository functions; nothing is kept only in memory. An expert's token reaches
that expert's own answers, the current round and its feedback (:func:`expert_view`), never
another expert's answers nor the results (those take the facilitator's access).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clusterrank.criteria.files import FileScope
from clusterrank.criteria.models.scenario import AHPWeights, Scenario
from clusterrank.errors import AnswersClosed, ConfigurationError
from clusterrank.i18n import _
from clusterrank.panel.answers import Answers, answers_as_of
from clusterrank.panel.answers_file import ParsedAnswers, read_answers
from clusterrank.panel.experts_file import read_experts
from clusterrank.panel.judgments import base_weights
from clusterrank.panel.problem import base_matrix
from clusterrank.panel.questionnaire import Questionnaire, build_questionnaire, questionnaire_of
from clusterrank.panel.settings import PanelSettings
from clusterrank.panel.snapshot import load_snapshot, snapshot_scenario
from clusterrank.store import (
    FacilitatorAccess,
    Store,
    create_panel,
    expert_round,
    import_answers,
    list_experts,
    list_rounds,
    my_answers,
    open_facilitator,
    panel_info,
    resolve_token,
    round_answers,
)
from clusterrank.store.records import (
    ExpertInfo,
    NewExpert,
    NewPanel,
    PanelInfo,
    RoundAnswers,
    RoundInfo,
)

ACTOR_CLI = "facilitator (cli)"


@dataclass(frozen=True)
class Created:
    """A new panel: the store's secrets (shown once) and what it asks."""

    panel: NewPanel
    questionnaire: Questionnaire
    settings: PanelSettings
    title: str


def create(
    db: Store,
    scenario_path: str | os.PathLike[str],
    experts_path: str | os.PathLike[str],
    *,
    ask: Sequence[str] | None = None,
    nodes: Sequence[str] | None = None,
    title: str | None = None,
    settings: PanelSettings | None = None,
    scope: FileScope | None = None,
) -> Created:
    """Create a panel on a scenario (snapshotted self-contained) with the listed experts.

    Every input is read and checked before anything is stored: a bad experts file or
    scenario creates nothing.
    """
    text, scenario = snapshot_scenario(scenario_path, scope)
    experts = read_experts(experts_path)
    return create_from(
        db, text, scenario, experts, ask=ask, nodes=nodes, title=title, settings=settings
    )


def create_from(
    db: Store,
    snapshot: str,
    scenario: Scenario,
    experts: Sequence[NewExpert],
    *,
    ask: Sequence[str] | None = None,
    nodes: Sequence[str] | None = None,
    title: str | None = None,
    settings: PanelSettings | None = None,
    actor: str = ACTOR_CLI,
) -> Created:
    """Create a panel from a scenario snapshot and experts already read.

    ``snapshot`` is the text :mod:`panel.snapshot` made and ``scenario`` what it loads to;
    everything is checked before anything is stored.
    """
    q = build_questionnaire(scenario, ask, nodes)
    base_weights(scenario)  # objective weights are refused here, before anything is stored
    _check_rankable(scenario, q)
    chosen = settings or default_settings(scenario)
    name = title or scenario.title or scenario.id
    if chosen.illustrative and "illustrative" not in name.lower():
        name = _("ILLUSTRATIVE — {title}").format(title=name)
    with db.session() as s:
        made = create_panel(
            s,
            title=name,
            scenario_yaml=snapshot,
            asked=q.asked(),
            aggregation=chosen.to_json(),
            experts=list(experts),
            first_round_items=list(q.item_keys),
            actor=actor,
        )
    return Created(made, q, chosen, name)


def _check_rankable(scenario: Scenario, q: Questionnaire) -> None:
    """Refuse a panel whose result could not be ranked (an unscored criterion without data)."""
    asked = {c.id for c in q.scored}
    values = scenario.data.values
    for c in scenario.criteria_set.criteria:
        if c.expert_scale is None or c.id in asked:
            continue
        if all(row.get(c.id) is None for row in values.values()):
            msg = _(
                "criterion {criterion} is scored by experts and the scenario gives no figures "
                "for it: ask the panel for scores (--ask scores), or give its figures in the "
                "scenario"
            ).format(criterion=repr(c.id))
            raise ConfigurationError(msg)
    base_matrix(scenario, q)  # the scenario's other data must be usable too


def default_settings(scenario: Scenario, **changes: Any) -> PanelSettings:
    """Defaults, with the scenario's own AHP derivation, RI table and completion if it has them."""
    w = scenario.weights
    base = PanelSettings()
    if isinstance(w, AHPWeights):
        base = base.updated(
            derivation=w.derivation, random_index=w.random_index, completion=w.completion
        )
    return base.updated(**changes)


def facilitator(db: Store, panel_id: str, key: str) -> FacilitatorAccess:
    """The facilitator's access (one message for a wrong key and an unknown panel)."""
    with db.session() as s:
        return open_facilitator(s, panel_id, key, actor=ACTOR_CLI)


@dataclass(frozen=True)
class PanelState:
    """A panel as the facilitator sees it, read in short transactions."""

    info: PanelInfo
    scenario: Scenario
    questionnaire: Questionnaire
    settings: PanelSettings
    experts: tuple[ExpertInfo, ...]
    rounds: tuple[RoundInfo, ...]

    @property
    def current(self) -> RoundInfo:
        """The panel's latest round."""
        return self.rounds[-1]


def state(db: Store, access: FacilitatorAccess) -> PanelState:
    """The panel read at once: info, scenario, questionnaire, settings, experts and rounds."""
    with db.reader() as s:
        info = panel_info(s, access)
        experts = list_experts(s, access)
        rounds = list_rounds(s, access)
    scenario = load_snapshot(
        info.scenario_yaml, _("panel {panel} scenario").format(panel=info.panel_id)
    )
    q = questionnaire_of(scenario, info.asked)
    return PanelState(info, scenario, q, PanelSettings.from_json(info.aggregation), experts, rounds)


def round_answer_sets(db: Store, access: FacilitatorAccess, upto: int) -> tuple[RoundAnswers, ...]:
    """Every answer of rounds 1..``upto``, oldest first."""
    with db.reader() as s:
        return tuple(round_answers(s, access, r) for r in range(1, upto + 1))


def answers_upto(st: PanelState, sets: Sequence[RoundAnswers], upto: int) -> Answers:
    """The answers as of the end of round ``upto`` (carry-over rule of :func:`answers_as_of`)."""
    return answers_as_of(list(sets[:upto]), st.questionnaire)


def import_file(
    db: Store, access: FacilitatorAccess, path: str | os.PathLike[str]
) -> ParsedAnswers:
    """Check an answers file against the panel and store all of it (or nothing).

    Raises
    ------
    AnswersClosed
        The panel is not open, or its current round is closed (open the next one first).
    """
    st = state(db, access)
    if st.info.status != "open":
        if st.info.status == "archived":
            msg = _("panel {panel} is archived: it accepts no more answers")
        else:
            msg = _("panel {panel} is closed: it accepts no more answers")
        msg = msg.format(panel=st.info.panel_id)
        raise AnswersClosed(msg)
    if not st.current.is_open:
        msg = _(
            "round {round} is closed: it accepts no more answers; open the next "
            "round first (panel round --open)"
        ).format(round=st.current.number)
        raise AnswersClosed(msg)
    parsed = read_answers(
        path,
        st.questionnaire,
        {e.ref for e in st.experts},
        list(st.current.items or st.questionnaire.item_keys),
        st.info.current_round,
    )
    with db.session() as s:
        import_answers(
            s,
            access,
            round_number=st.info.current_round,
            judgments=parsed.judgments,
            scores=parsed.scores,
        )
    return parsed


def expert_view(db: Store, token: str) -> dict[str, Any]:
    """What an expert's token opens: their own answers, the current round and its feedback."""
    with db.reader() as s:
        who = resolve_token(s, token, allow_closed=True)
        current = expert_round(s, who)
        mine = my_answers(s, who)
    return {
        "expert": who.ref,
        "name": who.display_name,
        "round": current.number,
        "open": current.is_open,
        "items": current.items,
        "feedback": current.feedback,
        "judgments": [
            {
                "node": j.node,
                "row": j.row,
                "column": j.column,
                "value": j.value,
                "version": j.version,
            }
            for j in mine.judgments
        ],
        "scores": [
            {
                "criterion": x.criterion,
                "candidate": x.candidate,
                "value": x.value,
                "abstain": x.abstain,
                "version": x.version,
            }
            for x in mine.scores
        ],
        "submitted": who.ref in mine.submitted,
    }
