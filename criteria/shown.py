"""How a number is written inside a message of ``criteria``: short, in the user's language."""

from __future__ import annotations

import math

from clusterrank.i18n import formats


def short(value: float) -> str:
    """``value`` as Python's ``:g`` writes it, with the language's decimal mark.

    ``2.5`` -> ``2.5`` in English, ``2,5`` in Russian; ``1e+30`` and ``inf`` stay as they are
    (the shortest honest spelling of a figure the user wrote).
    """
    text = f"{value:g}"
    if not math.isfinite(value) or "e" in text:
        return text
    return text.replace(".", formats.decimal_mark())
