"""The expert's widgets write to the database the moment they change.

Each widget's ``on_change`` calls one of the callbacks below with the version of the answer
the page showed. The store refuses a stale version (another tab changed the answer since):
the callback then drops the widget's value so the page draws the stored answer again, and
keeps a clear message for the page to show. Any other refusal (token revoked, round closed)
is kept the same way; nothing is only in ``st.session_state``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import streamlit as st

from clusterrank.errors import ClusterRankError, Conflict
from clusterrank.i18n import _
from clusterrank.panel import expert
from clusterrank.ui.db import database
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.saaty import position_to_value

log = logging.getLogger("clusterrank.ui")

NOTICE = "expert_notice"  # str | None: why the last change was not saved
SAVED = "expert_saved"  # str | None: what was saved last (ids, for the log; not shown)
VERSIONS = "expert_versions"  # dict[widget key, int]: the latest version this page knows


def seen(key: str, version: int) -> None:
    """Record the version of the answer behind widget ``key`` as just read from the database."""
    st.session_state.setdefault(VERSIONS, {})[key] = version


def _version(key: str, drawn: int) -> int:
    """The version to save against: the latest this page knows, else the drawn one.

    A quick second change in this page then follows its own first save instead of conflicting.
    """
    return int(st.session_state.get(VERSIONS, {}).get(key, drawn))


def _saved(key: str, version: int) -> None:
    st.session_state.setdefault(VERSIONS, {})[key] = version


def pair_key(round_number: int, node: str, a: str, b: str) -> str:
    """The slider of one pair."""
    return f"xp__{round_number}__{node}__{a}__{b}"


def unknown_key(round_number: int, node: str, a: str, b: str) -> str:
    """The "don't know" box of one pair."""
    return f"xpdk__{round_number}__{node}__{a}__{b}"


def score_key(round_number: int, criterion: str, candidate: str) -> str:
    """The score choice of one cell."""
    return f"xs__{round_number}__{criterion}__{candidate}"


def comment_key(round_number: int, item: str) -> str:
    """The comment of one item."""
    return f"xc__{round_number}__{item}"


def _guard(forget: Sequence[str], what: str, save: Callable[[], object]) -> None:
    """Run ``save``; on a refusal forget the widgets in ``forget`` and keep the message."""
    try:
        save()
    except Conflict as exc:
        for key in forget:
            st.session_state.pop(key, None)
        st.session_state[NOTICE] = str(exc)
    except ClusterRankError as exc:
        for key in forget:
            st.session_state.pop(key, None)
        st.session_state[NOTICE] = _("Not saved: {reason}").format(reason=exc)
    except Exception:
        log.exception("internal error while saving an expert's answer")
        for key in forget:
            st.session_state.pop(key, None)
        st.session_state[NOTICE] = _(
            "Not saved: an internal error in clusterrank (details in the server log). "
            "Your earlier answers are safe; reload the page and try again."
        )
    else:
        st.session_state[SAVED] = what


def moved_pair(token: str, rnd: int, node: str, a: str, b: str, version: int) -> None:
    """The slider of a pair moved: save its value (and untick "don't know")."""
    keys = (pair_key(rnd, node, a, b), unknown_key(rnd, node, a, b))
    position = st.session_state.get(keys[0])
    if position is None:  # the widget was reset by a refused change: it is drawn again
        return
    value = position_to_value(int(position))

    def save() -> None:
        new = expert.save_pair(
            database(), token, rnd, node, (a, b), value, _version(keys[0], version)
        )
        _saved(keys[0], new)
        st.session_state[keys[1]] = False

    _guard(keys, f"{a} vs {b}", save)


def toggled_unknown(token: str, rnd: int, node: str, a: str, b: str, version: int) -> None:
    """The "don't know" box: ticked withdraws the judgment, unticked saves the slider."""
    keys = (pair_key(rnd, node, a, b), unknown_key(rnd, node, a, b))
    unknown = bool(st.session_state.get(keys[1], True))
    value = None if unknown else position_to_value(int(st.session_state.get(keys[0], 0)))

    def save() -> None:
        drawn = _version(keys[0], version)
        _saved(keys[0], expert.save_pair(database(), token, rnd, node, (a, b), value, drawn))

    _guard(keys, f"{a} vs {b}", save)


def apply_fix(
    token: str, rnd: int, node: str, pair: tuple[str, str], value: float, version: int
) -> None:
    """The Apply button of a suggested fix: save the suggested judgment."""
    keys = (pair_key(rnd, node, *pair), unknown_key(rnd, node, *pair))

    def save() -> None:
        drawn = _version(keys[0], version)
        _saved(keys[0], expert.save_pair(database(), token, rnd, node, pair, value, drawn))
        for key in keys:  # redrawn from the database
            st.session_state.pop(key, None)

    _guard(keys, f"{pair[0]} vs {pair[1]}", save)


def chose_score(token: str, rnd: int, cell: tuple[str, str], version: int) -> None:
    """A score (or "abstain") chosen for a cell; a cleared choice is put back as stored."""
    key = score_key(rnd, *cell)
    choice = st.session_state.get(key)
    if choice is None:  # deselected: answers are changed, not withdrawn
        st.session_state.pop(key, None)
        return
    value = None if choice == ABSTAIN else float(choice)

    def save() -> None:
        drawn = _version(key, version)
        _saved(key, expert.save_cell(database(), token, rnd, cell, value, drawn))

    _guard((key,), f"{cell[1]} on {cell[0]}", save)


def wrote_comment(token: str, rnd: int, item: str, version: int) -> None:
    """A comment edited: save its text."""
    key = comment_key(rnd, item)
    text = str(st.session_state.get(key) or "")

    def save() -> None:
        _saved(key, expert.save_note(database(), token, rnd, item, text, _version(key, version)))

    _guard((key,), "your comment", save)


def submitted(token: str, rnd: int) -> None:
    """The Submit button."""
    _guard((), "submitted", lambda: expert.submit_round(database(), token, rnd))


ABSTAIN = "abstain"
"""The score choice meaning "abstain / conflict of interest"."""


def show_notices() -> None:
    """The message of a refused change (once), else what was saved last."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(plain(notice), icon=":material/sync_problem:")
