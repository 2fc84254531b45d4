"""Words of the panel workflow shown in the UI: a panel's status and a round's state.

The store keeps the English keys (``open``, ``closed``, ``archived``); these give them in the
current language. A round is masculine in Russian and a panel (экспертная группа) feminine,
hence two contexts.
"""

from __future__ import annotations

from clusterrank.i18n import pgettext


def panel_status(status: str) -> str:
    """A panel's status (``open``, ``closed``, ``archived``) in the current language."""
    words = {
        "open": pgettext("panel status", "open"),
        "closed": pgettext("panel status", "closed"),
        "archived": pgettext("panel status", "archived"),
    }
    return words.get(status, status)


def round_state(is_open: bool) -> str:
    """``open`` or ``closed``, said of a round, in the current language."""
    return pgettext("round state", "open") if is_open else pgettext("round state", "closed")


def yes_no(value: bool) -> str:
    """``yes`` or ``no`` in a table cell, in the current language."""
    return pgettext("table cell", "yes") if value else pgettext("table cell", "no")
