"""Figures of any size as text with a few significant digits, in the reader's language.

Raw data (people, roubles, shares) spans many orders of magnitude, so a fixed number of
decimals does not fit it: ``2 100``, ``12,5``, ``0,0123`` in Russian (``2,100``, ``12.5``,
``0.0123`` in English), never ``1.234e+04``. Missing values show as an em dash.
"""

from __future__ import annotations

import math

from clusterrank.i18n import formats
from clusterrank.ui.tables import MISSING


def significant(value: object, digits: int = 4) -> str:
    """``value`` rounded to ``digits`` significant digits, thousands grouped, no trailing zeros.

    >>> from clusterrank.i18n import use_language
    >>> with use_language("en"):
    ...     [significant(x) for x in (2100.5, 12.5, 0.012345, 0.0, 123456.0)]
    ['2,100', '12.5', '0.01235', '0', '123,456']
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return MISSING
    x = float(value)
    magnitude = math.floor(math.log10(abs(x))) if x else 0
    decimals = max(digits - 1 - magnitude, 0)
    text = formats.number(round(x, decimals), decimals)
    if decimals:
        mark = formats.decimal_mark()
        text = text.rstrip("0").removesuffix(mark)
    return text
