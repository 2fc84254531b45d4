"""Numbers inside the panel's messages and notes, written as the current language writes them."""

from __future__ import annotations

from clusterrank.i18n import formats, language


def short_number(value: float) -> str:
    """``value`` as ``{:g}`` writes it (``0.75``, ``1e-05``), with the language's decimal mark."""
    text = f"{value:g}"
    return text if language() == "en" else text.replace(".", formats.decimal_mark())
