"""What every page shares: the error guard, problem lists and the sidebar summary.

A page body runs inside :func:`guarded`: a :class:`errors.ClusterRankError` is shown as the
message meant for a person (every problem of a ``ValidationFailed`` listed), anything else as
a short "internal error" box with the details in the server log. No traceback reaches a user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from clusterrank.errors import ClusterRankError, Problem, ValidationFailed
from clusterrank.ui.plain import code, plain

log = logging.getLogger("clusterrank.ui")


def guarded(body: Callable[[], None]) -> None:
    """Run a page body; show errors as messages, never as a traceback."""
    try:
        show_callback_error()
        body()
    except ClusterRankError as exc:
        show_error(exc)
    except Exception:
        log.exception("internal error while rendering a page")
        st.error(
            "Internal error: this is a bug in clusterrank, not a problem with your input. "
            "The details are in the server log; the last valid scenario is still loaded.",
            icon=":material/bug_report:",
        )


def show_error(exc: ClusterRankError) -> None:
    """A project error as the page shows it: one box per problem for a validation failure.

    Messages quote users' values, so they are shown as plain text (:mod:`ui.plain`).
    """
    if isinstance(exc, ValidationFailed):
        show_problems(exc.problems)
    else:
        st.error(plain(exc), icon=":material/error:")


def show_problems(problems: Sequence[Problem], heading: str | None = None) -> None:
    """Every problem, one ``st.error`` each: file, line, place in the file, and the message.

    ``heading`` is Markdown: a caller quoting a user's file name or title escapes it with
    :func:`ui.plain.plain`.
    """
    count = len(problems)
    st.error(
        heading or f"{count} problem{'s' if count != 1 else ''} found; nothing was changed.",
        icon=":material/error:",
    )
    for p in problems:
        where = p.file + (f", line {p.line}" if p.line is not None else "")
        place = f" — {code(p.location)}" if p.location else ""
        st.error(f"**{plain(where)}**{place}: {plain(p.message)}")


def settings_text(settings: Mapping[str, object]) -> str:
    """``mode=objective, method=entropy``: settings as one readable line."""
    return ", ".join(f"{k}={v}" for k, v in settings.items())


def notes_box(notes: Sequence[str], label: str = "Notes") -> None:
    """Notes from data handling, weighting and the method, folded away but always present."""
    if not notes:
        return
    with st.expander(f"{label} ({len(notes)})", expanded=False):
        for note in notes:
            st.markdown(f"- {plain(note)}")


def sidebar_summary(title: str | None, source: str | None, weights_line: str | None) -> None:
    """The scenario in use and where its weights come from, on every page."""
    with st.sidebar:
        if title is None:
            st.warning("No scenario loaded. Pick or upload one on the Scenario page.")
            return
        st.markdown(f"**Scenario:** {plain(title)}")
        if source:
            st.caption(f"from {plain(source)}")
        if weights_line:
            st.caption(f"Weights: {plain(weights_line)}")


def safe_callback(func: Callable[..., None]) -> Callable[..., None]:
    """Wrap a widget callback: errors are kept for the page to show, never a traceback."""

    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            func(*args, **kwargs)
        except ClusterRankError as exc:
            st.session_state["callback_error"] = exc
        except Exception:
            log.exception("internal error in a widget callback")
            st.session_state["callback_error"] = "internal"

    return wrapper


def show_callback_error() -> None:
    """Show (once) an error raised by the last widget callback."""
    error = st.session_state.pop("callback_error", None)
    if isinstance(error, ClusterRankError):
        show_error(error)
    elif error is not None:
        st.error(
            "Internal error while applying your change: this is a bug in clusterrank. The "
            "details are in the server log; the last valid state is kept.",
            icon=":material/bug_report:",
        )
