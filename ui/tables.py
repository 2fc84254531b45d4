"""Numbers in tables as the reader's language writes them, still sortable as numbers.

Streamlit's ``NumberColumn(format="%.4f")`` always writes a decimal point. :func:`localized`
wraps a frame in a pandas ``Styler`` whose *display* values come from
:mod:`clusterrank.i18n.formats` (``0,7413`` and ``1 345`` in Russian, ``0.7413`` and ``1,345``
in English) while the cells keep their numbers, so sorting a column still sorts numbers and
AppTest still reads floats. Give the ``NumberColumn`` no ``format`` of its own for these
columns (labels, help, width and pinning go in ``column_config`` as before). Missing values
show as an em dash, never as ``nan``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from clusterrank.i18n import formats

MISSING = "—"


def _formatter(kind: str, digits: int) -> Callable[[object], str]:
    def show(value: object) -> str:
        if not isinstance(value, int | float) or not math.isfinite(value):
            return MISSING
        if kind == "percent":
            return formats.percent(float(value), digits)
        if kind == "signed":
            text = formats.number(float(value), digits)
            return text if float(value) < 0 else "+" + text
        return formats.number(float(value), digits)

    return show


def localized(
    frame: pd.DataFrame,
    digits: Mapping[str, int],
    *,
    percent: Iterable[str] = (),
    signed: Iterable[str] = (),
) -> Styler:
    """``frame`` with columns in ``digits`` shown with that many decimals in the language.

    Columns named in ``percent`` hold shares of one and show as percentages; those in
    ``signed`` show a ``+`` on positive values (rank changes, differences).
    """
    percent, signed = set(percent), set(signed)
    shown: dict[str, Callable[[object], str] | str | None] = {
        column: _formatter(
            "percent" if column in percent else "signed" if column in signed else "number", n
        )
        for column, n in digits.items()
        if column in frame.columns
    }
    return frame.style.format(shown, na_rep=MISSING)
