"""What the facilitator does after creating a panel: results, rounds, tokens.

Results are stored as immutable snapshots every time they are computed (the store refuses
any change to one), so what was shown on a given day can always be shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clusterrank.errors import ConfigurationError, StoreError
from clusterrank.i18n import _
from clusterrank.panel.answers import answers_as_of
from clusterrank.panel.delphi import check_items, feedback, stability_json
from clusterrank.panel.results import compute_result
from clusterrank.panel.service import PanelState, round_answer_sets, state
from clusterrank.panel.settings import PanelSettings
from clusterrank.panel.text import short_number
from clusterrank.store import (
    FacilitatorAccess,
    Store,
    close_round,
    list_results,
    open_round,
    record_result,
    reissue_token,
    revoke_expert,
)
from clusterrank.store.records import IssuedToken, RoundAnswers


def result_of(
    st: PanelState,
    sets: Sequence[RoundAnswers],
    settings: PanelSettings,
    round_number: int | None = None,
) -> dict[str, Any]:
    """The result as of ``round_number`` (default: the current round), not stored."""
    number = st.info.current_round if round_number is None else round_number
    q = st.questionnaire
    answers = answers_as_of(list(sets[:number]), q)
    stab = None
    if number > 1:
        before = answers_as_of(list(sets[: number - 1]), q)
        again = answers_as_of([sets[number - 1]], q)
        items = st.rounds[number - 1].items or q.item_keys
        stab = stability_json(q, before, again, [e.ref for e in st.experts], items)
    return compute_result(
        panel_id=st.info.panel_id,
        title=st.info.title,
        scenario=st.scenario,
        questionnaire=q,
        answers=answers,
        experts=st.experts,
        submitted=sets[number - 1].submitted if sets else {},
        settings=settings,
        round_number=number,
        stability=stab,
    )


def results(
    db: Store, access: FacilitatorAccess, *, record: bool = True, **overrides: Any
) -> dict[str, Any]:
    """The panel's current result with the stored settings changed by ``overrides``.

    Recorded as an immutable snapshot unless ``record`` is false.
    """
    st = state(db, access)
    settings = st.settings.updated(**overrides)
    sets = round_answer_sets(db, access, st.info.current_round)
    payload = result_of(st, sets, settings)
    if record:
        with db.session() as s:
            payload["snapshot"] = record_result(s, access, st.info.current_round, payload)
    return payload


def close(db: Store, access: FacilitatorAccess) -> int:
    """Close the current round: answers to it are refused from now on."""
    with db.session() as s:
        return close_round(s, access)


def open_next(
    db: Store,
    access: FacilitatorAccess,
    items: Sequence[str] | None = None,
    threshold: float | None = None,
) -> tuple[int, list[str]]:
    """Open the next Delphi round on ``items`` (default: those below the threshold).

    The experts see, per item, the group median and IQR and the anonymised comments of the
    round just closed.

    Raises
    ------
    ConfigurationError
        No item named and every item reached consensus (nothing to ask again).
    StoreError
        The current round is still open.
    """
    st = state(db, access)
    if st.current.is_open:
        msg = _("round {round} is still open: close it first (panel round --close)").format(
            round=st.current.number
        )
        raise StoreError(msg)
    q = st.questionnaire
    sets = round_answer_sets(db, access, st.info.current_round)
    if items:
        chosen = check_items(q, items)
    else:
        settings = st.settings.updated(threshold=threshold, resamples=0)
        chosen = result_of(st, sets, settings)["consensus"]["items_without_consensus"]
        if not chosen:
            msg = _(
                "every item reached consensus at threshold {threshold}: no item to "
                "ask again; name items with --items, or raise --threshold"
            ).format(threshold=short_number(settings.threshold))
            raise ConfigurationError(msg)
    answers = answers_as_of(list(sets), q)
    shown = feedback(q, answers, chosen, [e.ref for e in st.experts])
    with db.session() as s:
        number = open_round(s, access, chosen, shown)
    return number, chosen


def revoke(db: Store, access: FacilitatorAccess, ref: str) -> None:
    """Revoke an expert's token (their answers stay; their link stops working)."""
    with db.session() as s:
        revoke_expert(s, access, ref)


def reissue(db: Store, access: FacilitatorAccess, ref: str) -> IssuedToken:
    """A new token for an expert (the old one stops working; a revoked expert returns)."""
    with db.session() as s:
        return reissue_token(s, access, ref)


def latest_result(db: Store, access: FacilitatorAccess, number: int) -> dict[str, Any] | None:
    """The last result snapshot recorded for round ``number`` (with its id), or None."""
    with db.reader() as s:
        found = [r for r in list_results(s, access) if r.round_number == number]
    if not found:
        return None
    payload = dict(found[-1].payload)
    payload["snapshot"] = found[-1].snapshot_id
    return payload


def current_result(db: Store, access: FacilitatorAccess) -> dict[str, Any]:
    """The current round's last recorded result, else one computed and recorded now."""
    number = state(db, access).info.current_round
    return latest_result(db, access, number) or results(db, access)
