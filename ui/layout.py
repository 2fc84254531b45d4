"""What every page shares: the error guard, problem lists and the sidebar summary.

A page body runs inside :func:`guarded`: a :class:`errors.ClusterRankError` is shown as the
message meant for a person (every problem of a ``ValidationFailed`` listed), anything else as
a short "internal error" box with the details in the server log. No traceback reaches a user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from clusterrank import i18n
from clusterrank.errors import ClusterRankError, Problem, ValidationFailed
from clusterrank.i18n import _, ngettext, setting_pairs
from clusterrank.ui.language import PARAM as LANGUAGE
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
            _(
                "Internal error: this is a bug in clusterrank, not a problem with your input. "
                "The details are in the server log; the last valid scenario is still loaded."
            ),
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
        heading
        or ngettext(
            "{n} problem found; nothing was changed.",
            "{n} problems found; nothing was changed.",
            count,
        ).format(n=count),
        icon=":material/error:",
    )
    for p in problems:
        where = p.file
        if p.line is not None:
            where = _("{file}, line {line}").format(file=p.file, line=p.line)
        place = f" — {code(p.location)}" if p.location else ""
        st.error(f"**{plain(where)}**{place}: {plain(p.message)}")


def settings_text(settings: Mapping[str, object]) -> str:
    """``mode=objective, method=entropy``: settings as one readable line."""
    return setting_pairs(settings)


def notes_box(notes: Sequence[str], label: str | None = None) -> None:
    """Notes from data handling, weighting and the method, folded away but always present.

    ``label`` is translated by the caller (default: "Notes" in the current language).
    """
    if not notes:
        return
    title = _("{label} ({count})").format(label=label or _("Notes"), count=len(notes))
    with st.expander(title, expanded=False):
        for note in notes:
            st.markdown(f"- {plain(note)}")


def sidebar_summary(title: str | None, source: str | None, weights_line: str | None) -> None:
    """The scenario in use and where its weights come from, on every page."""
    with st.sidebar:
        if title is None:
            st.warning(_("No scenario loaded. Pick or upload one on the Scenario page."))
            return
        st.markdown(_("**Scenario:** {title}").format(title=plain(title)))
        if source:
            st.caption(_("from {source}").format(source=plain(source)))
        if weights_line:
            st.caption(_("Weights: {weights}").format(weights=plain(weights_line)))


def safe_callback(func: Callable[..., None]) -> Callable[..., None]:
    """Wrap a widget callback: errors are kept for the page to show, never a traceback."""

    def wrapper(*args: object, **kwargs: object) -> None:
        # Callbacks run before the script, in a fresh context: speak the session's language.
        i18n.set_language(st.session_state.get(LANGUAGE))
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
            _(
                "Internal error while applying your change: this is a bug in clusterrank. The "
                "details are in the server log; the last valid state is kept."
            ),
            icon=":material/bug_report:",
        )
