"""Numbers, percentages and dates as the current language writes them (Babel's CLDR data).

English: ``0.7413``, ``1,345``, ``52%``, ``30 Nov 2026``. Russian: ``0,7413``, ``1 345`` (a
no-break space groups thousands), ``52 %``, ``30 нояб. 2026 г.``. Used by every front end and
document for numbers shown as text; charts get the same marks through :func:`chart_locale`,
and spreadsheets keep numbers as numbers (the reader's Excel shows them in its own locale).
Non-finite numbers are never formatted as if they were figures: they raise.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from clusterrank.i18n import language, normalize


def _lang(lang: str | None) -> str:
    return normalize(lang) or language()


def _finite(value: float) -> float:
    x = float(value)
    if not math.isfinite(x):
        msg = f"a non-finite number ({x}) reached a formatter; this is a bug"
        raise ValueError(msg)
    return x


def number(value: float, digits: int = 4, *, lang: str | None = None, group: bool = True) -> str:
    """``value`` with exactly ``digits`` decimals, thousands grouped (``1 345,5000`` in ru)."""
    from babel.numbers import format_decimal

    pattern = ("#,##0" if group else "0") + ("." + "0" * digits if digits > 0 else "")
    return str(format_decimal(_finite(value), format=pattern, locale=_lang(lang)))


def integer(value: int, *, lang: str | None = None) -> str:
    """A whole number with thousands grouped (``1,345`` in en, ``1 345`` in ru)."""
    return number(value, 0, lang=lang)


def percent(share: float, digits: int = 0, *, lang: str | None = None) -> str:
    """A share of one as a percentage (``0.52`` -> ``52%`` in en, ``52 %`` in ru)."""
    from babel import Locale
    from babel.numbers import format_percent

    locale = Locale.parse(_lang(lang))
    pattern = str(locale.percent_formats[None].pattern)  # "#,##0%" en, "#,##0\xa0%" ru
    if digits > 0:
        pattern = pattern.replace("0", "0." + "0" * digits, 1)
    return str(format_percent(_finite(share), format=pattern, locale=locale))


def date(value: dt.date, *, lang: str | None = None) -> str:
    """A date in the language's medium form (``30 Nov 2026``, ``30 нояб. 2026 г.``)."""
    from babel.dates import format_date

    return str(format_date(value, format="medium", locale=_lang(lang)))


def datetime(value: dt.datetime, *, lang: str | None = None) -> str:
    """A date and time in the language's medium form, with the time zone's name if it has one."""
    from babel.dates import format_datetime

    return str(format_datetime(value, format="medium", locale=_lang(lang)))


def decimal_mark(lang: str | None = None) -> str:
    """``"."`` or ``","``: the decimal separator of the language."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(_lang(lang)))


def group_mark(lang: str | None = None) -> str:
    """The thousands separator of the language (a no-break space in Russian)."""
    from babel.numbers import get_group_symbol

    return str(get_group_symbol(_lang(lang)))


def chart_locale(lang: str | None = None) -> dict[str, Any]:
    """The Vega-Lite ``config.locale`` that writes chart numbers as the language does."""
    return {
        "number": {
            "decimal": decimal_mark(lang),
            "thousands": group_mark(lang),
            "grouping": [3],
            "currency": ["", ""],
        }
    }
