"""Option labels (``format_func``) that keep the session's language wherever they are called.

Streamlit calls a widget's ``format_func`` in the script thread, which speaks the session's
language; Streamlit's AppTest calls it again from the test's own thread (to find the chosen
option among the labels), which does not. A label function made by :func:`in_language`
remembers the language of the run that drew the widget and speaks it on every call, so the
labels it gives are the same in both places.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clusterrank.i18n import language, use_language


def in_language(label: Callable[[Any], Any]) -> Callable[[Any], str]:
    """``label``, called in the language in use now, wherever it is called later."""
    lang = language()

    def shown(value: Any) -> str:
        with use_language(lang):
            return str(label(value))

    return shown
