"""How the cells of a data file become numbers: one rule for every table clusterrank reads.

Scenario data files (CSV/XLSX), plain decision matrices and pairwise CSVs all go through
:func:`read_numbers`. The rule, so that no number is ever guessed:

* ``1200``, ``-3.5``, ``0.125``, ``1e5`` are read as they are.
* ``2100,5`` (a decimal comma), ``1 200`` (a space, no-break space or narrow no-break space
  grouping thousands), ``1.234,5`` and ``1,234.5`` can be read one way only: they are read,
  and a note on the result says how.
* ``1,200`` and ``1.200`` are *ambiguous* (1200 with grouped thousands, or 1.2 with a decimal
  mark). They are read only when the decimal separator is known: stated by the user
  (``--decimal``), shown by another cell of the same file that can be read one way only
  (``16.25``, ``2100,5``), or implied by a ``;``-separated CSV (the decimal comma). A file
  whose cells show both a decimal point and a decimal comma is refused.
* ``1_000``, ``inf``, ``nan``, ``1e999`` and anything else are refused, cell by cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from clusterrank.i18n import N_, _, formats, ngettext

Decimal = Literal[".", ","]
MAX_CELL_PROBLEMS = 100
"""The most refused cells listed one by one; the rest are counted."""
DATA_MISSING = frozenset(
    {"", "null", "na", "n/a", "n.a.", "none", "н/д", "нд", "нет данных", "-", "—", "–", "..."}
)
"""Cells any data file may use for a missing value (compared in lower case, stripped): the
same rule for scenario data, plain matrices, regional tables' readers and imports."""

_GROUP_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_S = f"[{_GROUP_SPACES}]"
_EXP = r"(?:[eE][+-]?\d+)?"
_NOT_FINITE = frozenset({"inf", "infinity", "nan"})
_INT = re.compile(rf"\d+{_EXP}")
_SPACED_INT = re.compile(rf"[1-9]\d{{0,2}}(?:{_S}\d{{3}})+")
_SPACES = re.compile(_S)


def _forms(mark: str, other: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    m, o = re.escape(mark), re.escape(other)
    plain = re.compile(rf"(?:\d+{m}\d*|{m}\d+){_EXP}")
    grouped = re.compile(rf"[1-9]\d{{0,2}}(?:{o}\d{{3}})+(?:{m}\d+)?")
    spaced = re.compile(rf"[1-9]\d{{0,2}}(?:{_S}\d{{3}})+{m}\d+")
    return plain, grouped, spaced


_FORMS: dict[Decimal, tuple[re.Pattern[str], ...]] = {
    ".": _forms(".", ","),
    ",": _forms(",", "."),
}


class Reading(NamedTuple):
    """What one cell can mean: its value with a decimal point and with a decimal comma.

    ``None`` marks a reading that is not a number; ``error`` says why neither is. The
    ``*_grouped`` flags tell that the reading groups thousands (``1 200``, ``1,234.5``).
    """

    point: float | None
    comma: float | None
    point_grouped: bool = False
    comma_grouped: bool = False
    error: str = ""
    missing: bool = False


_IS_EMPTY = N_("{cell} is empty")
_NOT_A_NUMBER = N_("{cell} is not a number")
_MISSING = Reading(math.nan, math.nan, missing=True)
_EMPTY = Reading(None, None, error=_IS_EMPTY)


@dataclass(frozen=True)
class Unreadable:
    """A cell whose value the reader could not see (e.g. an XLSX formula without a result).

    ``reason`` is an English message marked with ``N_`` and holding ``{cell}`` (the cell as
    shown); it is translated where it is reported.
    """

    reason: str


def cell_text(value: object) -> str:
    """A cell as text for ids and headers: ``1.0`` from a spreadsheet becomes ``"1"``."""
    if value is None or isinstance(value, Unreadable):
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


def _fail(reason: str) -> Reading:
    """A cell with no reading; ``reason`` is an ``N_`` message with ``{cell}``."""
    return Reading(None, None, error=reason)


def _not_finite() -> Reading:
    return _fail(N_("{cell} is not a finite number; write a finite number"))


def read_cell(value: object, missing: frozenset[str] = DATA_MISSING) -> Reading:
    """Every meaning a cell can have (see the module docstring for the rule)."""
    if isinstance(value, str):
        return read_text(value, missing)
    if isinstance(value, Unreadable):
        return _fail(value.reason)
    if value is None:
        return _MISSING if "" in missing else _EMPTY
    if isinstance(value, bool | np.bool_):
        return _fail(N_("{cell} is true/false, not a number"))
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return _fail(N_("{cell} is a date or time, not a number"))
    if isinstance(value, int | float | np.integer | np.floating):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond the float range
            return _not_finite()
        if math.isnan(number):
            return _MISSING if "" in missing else _EMPTY
        return Reading(number, number) if math.isfinite(number) else _not_finite()
    return read_text(str(value), missing)


def read_text(raw: str, missing: frozenset[str] = DATA_MISSING) -> Reading:
    """Every meaning a text cell can have."""
    text = raw.strip()
    if text.lower() in missing:
        return _MISSING
    if not text:
        return _EMPTY
    body = text.lstrip("+-\u2212")
    if len(text) - len(body) > 1:
        return _fail(_NOT_A_NUMBER)
    sign = -1.0 if text[0] in "-\u2212" else 1.0
    if body.lower() in _NOT_FINITE:
        return _not_finite()
    return _read_unsigned(body, sign)


def _read_unsigned(body: str, sign: float) -> Reading:
    """The readings of an unsigned number ``body``, times ``sign``: integer or decimal forms."""
    if "_" in body:
        return _fail(N_("{cell} is not a number: write it without '_' (e.g. 1000)"))
    if _INT.fullmatch(body):
        number = float(body)
        return Reading(sign * number, sign * number) if math.isfinite(number) else _not_finite()
    if _SPACED_INT.fullmatch(body):
        number = sign * float(_SPACES.sub("", body))
        return Reading(number, number, point_grouped=True, comma_grouped=True)
    values: list[float | None] = []
    grouped: list[bool] = []
    for mark, forms in _FORMS.items():
        value, is_grouped = _decimal_form(body, mark, forms)
        values.append(None if value is None else sign * value)
        grouped.append(is_grouped)
    point, comma = values
    if point is None and comma is None:
        return _fail(_NOT_A_NUMBER)
    if any(v is not None and not math.isfinite(v) for v in values):
        return _not_finite()
    return Reading(point, comma, grouped[0], grouped[1])


def _decimal_form(
    body: str, mark: Decimal, forms: tuple[re.Pattern[str], ...]
) -> tuple[float | None, bool]:
    """Read ``body`` with ``mark`` as the decimal separator.

    Returns the value (None when ``body`` is not written in this form) and whether it is
    written with groups of thousands.
    """
    plain, grouping, spaced = forms
    other = "," if mark == "." else "."
    if plain.fullmatch(body):
        return float(body.replace(mark, ".")), False
    if grouping.fullmatch(body) or spaced.fullmatch(body):
        digits = _SPACES.sub("", body).replace(other, "").replace(mark, ".")
        return float(digits), True
    return None, False


def fraction_reading(text: str) -> Reading:
    """``a/b`` (pairwise judgments): each side read by the rule, then divided."""
    top, _slash, bottom = text.partition("/")
    a, b = read_text(top, frozenset()), read_text(bottom, frozenset())
    if a.error or b.error or "/" in bottom:
        return _fail(N_("{cell} is not a number or a fraction like 1/3"))
    if 0 in (b.point, b.comma):
        return _fail(N_("{cell} divides by zero; write a fraction like 1/3"))

    def divide(x: float | None, y: float | None) -> float | None:
        return None if x is None or y is None else x / y

    return Reading(
        divide(a.point, b.point),
        divide(a.comma, b.comma),
        a.point_grouped or b.point_grouped,
        a.comma_grouped or b.comma_grouped,
    )


def _show(x: float) -> str:
    return f"{x:.15g}"


def _shown(raw: object) -> str:
    text = "" if raw is None or isinstance(raw, Unreadable) else str(raw).strip()
    if not text:
        return _("the cell")
    if len(text) <= 40:
        return repr(text)
    return _("{start}... ({count} characters)").format(
        start=repr(text[:20]), count=formats.integer(len(text))
    )


def _kind(r: Reading) -> str:
    if r.missing or r.error:
        return "none"
    if r.point is not None and r.comma is not None:
        return "same" if r.point == r.comma else "ambiguous"
    return "point" if r.point is not None else "comma"


Place = Callable[[str, int], str]
"""``place(column, row_index)``: how to name a cell in a message (``row coal, column x``)."""


@dataclass(frozen=True)
class NumberRule:
    """What the reader is told: the decimal separator the user stated, the CSV separator."""

    decimal: Decimal | None = None
    separator: str | None = None


@dataclass(frozen=True)
class CellProblem:
    """One unreadable cell: its column, 0-based row and the message for the user."""

    column: str
    row: int
    message: str


@dataclass
class Numbers:
    """The numbers of a file: one float array per column (NaN: missing or refused)."""

    by_column: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    """The first :data:`MAX_CELL_PROBLEMS` cells refused, in reading order."""
    omitted: int = 0
    """How many more cells were refused."""
    file_problem: str = ""
    """Why no cell of the file could be read (both decimal marks used), else empty."""
    notes: list[str] = field(default_factory=list)

    def omitted_message(self) -> str:
        """What to say of the cells not listed ("" when all are)."""
        if not self.omitted:
            return ""
        return ngettext(
            "{count} more cell cannot be read as a number (not listed); "
            "fix the cells above, then run again",
            "{count} more cells cannot be read as numbers (not listed); "
            "fix the cells above, then run again",
            self.omitted,
        ).format(count=formats.integer(self.omitted))


@dataclass(frozen=True)
class Fixes:
    """What a message tells the user to do, by kind of file (``N_`` texts, shown with ``_``)."""

    not_a_number: str = N_("write a number or leave it empty for missing")
    ambiguous: str = N_("write it without grouping, as 1200 or 1.2")


STATE_SEPARATOR = N_(
    "write it without grouping, as 1200 or 1.2; in a ';'-separated CSV a comma is the decimal mark"
)
"""The fix for an ambiguous number in a table that has no setting for the decimal mark."""


def read_numbers(
    label: str,
    columns: Mapping[str, Sequence[object]],
    place: Place,
    rule: NumberRule = NumberRule(),
    *,
    missing: frozenset[str] = DATA_MISSING,
    fractions: bool = False,
    fixes: Fixes = Fixes(),
) -> Numbers:
    """Read whole columns at once, under one rule for the whole file.

    Parameters
    ----------
    label
        The file as the user knows it (for notes).
    columns
        Column name -> cells (text, numbers, ``None``, :class:`Unreadable`).
    place
        Names a cell for messages and notes.
    rule
        The user's statement (``--decimal``) and the CSV separator.
    missing
        Cells taken as missing (NaN, lower case); any other empty cell is a problem.
    fractions
        Whether ``a/b`` is allowed (pairwise judgments).
    fixes
        The fixes messages suggest.
    """
    readings: dict[str, list[Reading]] = {
        name: [
            fraction_reading(c)
            if fractions and isinstance(c, str) and "/" in c
            else read_cell(c, missing)
            for c in cells
        ]
        for name, cells in columns.items()
    }
    out = Numbers()
    decimal, why = _decide(readings, columns, place, rule, out)
    if out.file_problem:
        return out
    examples: dict[str, str] = {}
    any_grouped = False
    for name, column in readings.items():
        values = np.full(len(column), np.nan)
        for i, r in enumerate(column):
            if r.missing:
                continue
            value, grouped = _resolve(r, decimal, why, fixes, _shown(columns[name][i]))
            if isinstance(value, str):
                out.problems.append(CellProblem(name, i, value))
                continue
            values[i] = value
            kind = _kind(r)
            any_grouped = any_grouped or grouped
            if kind in {"comma", "ambiguous"} or grouped:
                example = _("{cell} ({place}) is {value}").format(
                    cell=_shown(columns[name][i]), place=place(name, i), value=_show(value)
                )
                examples.setdefault(kind if kind in {"comma", "ambiguous"} else "grouped", example)
        out.by_column[name] = values
    order = {name: k for k, name in enumerate(columns)}
    out.problems.sort(key=lambda p: (p.row, order[p.column]))
    out.omitted = max(0, len(out.problems) - MAX_CELL_PROBLEMS)
    del out.problems[MAX_CELL_PROBLEMS:]
    if examples:
        out.notes.append(_note(label, decimal, why, examples, any_grouped))
    return out


def _decide(
    readings: Mapping[str, list[Reading]],
    columns: Mapping[str, Sequence[object]],
    place: Place,
    rule: NumberRule,
    out: Numbers,
) -> tuple[Decimal | None, str]:
    """The file's decimal separator: stated, shown by its cells, or implied by ``;``."""
    if rule.decimal is not None:
        return rule.decimal, _("as stated")
    first: dict[str, str] = {}
    for name, column in readings.items():
        for i, r in enumerate(column):
            kind = _kind(r)
            if kind in {"point", "comma"} and kind not in first:
                first[kind] = f"{_shown(columns[name][i])}, {place(name, i)}"
        if len(first) == 2:
            out.file_problem = _(
                "the numbers mix a decimal point ({point}) and a decimal comma "
                "({comma}); write every number the same way"
            ).format(point=first["point"], comma=first["comma"])
            return None, ""
    if "point" in first:
        return ".", _("as in {cell}").format(cell=first["point"])
    if "comma" in first:
        return ",", _("as in {cell}").format(cell=first["comma"])
    if rule.separator == ";":
        return ",", _("the file is ';'-separated")
    return None, ""


def _resolve(
    r: Reading, decimal: Decimal | None, why: str, fixes: Fixes, cell: str
) -> tuple[float | str, bool]:
    """Decide one cell under the file's decimal rule.

    Returns the cell's value and whether it groups thousands, or the message saying why it
    has no value (``cell``: the cell as shown in it).
    """
    if r.error:
        reason = _(r.error).format(cell=cell)
        if r.error in {_NOT_A_NUMBER, _IS_EMPTY}:
            return _("{reason}; {fix}").format(reason=reason, fix=_(fixes.not_a_number)), False
        return reason, False
    kind = _kind(r)
    if kind == "same":
        return float(r.point), r.point_grouped  # type: ignore[arg-type]
    if kind == "ambiguous":
        if decimal is None:
            point, comma = float(r.point), float(r.comma)  # type: ignore[arg-type]
            grouped, marked = (point, comma) if abs(point) > abs(comma) else (comma, point)
            message = _(
                "{cell} is ambiguous: {grouped} with thousands grouped, or {marked} with "
                "a decimal mark (no cell of the file shows which); {fix}"
            )
            fix = _(fixes.ambiguous)
            return message.format(
                cell=cell, grouped=_show(grouped), marked=_show(marked), fix=fix
            ), False
    elif decimal is not None and kind != {".": "point", ",": "comma"}[decimal]:
        message = (
            _("{cell} does not fit the decimal point the file uses ({why}); write it the same way")
            if decimal == "."
            else _(
                "{cell} does not fit the decimal comma the file uses ({why}); write it the same way"
            )
        )
        return message.format(cell=cell, why=why), False
    if decimal == "," or (decimal is None and kind == "comma"):
        return float(r.comma), r.comma_grouped  # type: ignore[arg-type]
    return float(r.point), r.point_grouped  # type: ignore[arg-type]


def _note(
    label: str, decimal: Decimal | None, why: str, examples: Mapping[str, str], grouped: bool
) -> str:
    """One note per file: the decimal separator used and why, with an example of each form."""
    parts: list[str] = []
    if decimal is not None and {"comma", "ambiguous"} & examples.keys():
        parts.append(
            _("numbers read with a decimal comma ({why})").format(why=why)
            if decimal == ","
            else _("numbers read with a decimal point ({why})").format(why=why)
        )
    if grouped:
        parts.append(_("digits grouped in thousands read as one number"))
    return _("{file}: {how}: e.g. {examples}").format(
        file=label, how="; ".join(parts), examples="; ".join(examples.values())
    )


def read_column(
    cells: Sequence[object], separator: str | None = None, decimal: Decimal | None = None
) -> tuple[npt.NDArray[np.float64], dict[int, str]]:
    """One column of a table read by the rule: NaN where empty or refused, and why, by row.

    For readers that report their own problems (the region × sector tables): the decimal
    separator is decided for the column as :func:`read_numbers` decides it for a file.
    """
    got = read_numbers(
        "",
        {"": list(cells)},
        lambda _column, row: str(row),
        NumberRule(decimal, separator),
        missing=frozenset({""}),
        fixes=Fixes(ambiguous=STATE_SEPARATOR),
    )
    if got.file_problem:
        return np.full(len(cells), np.nan), dict.fromkeys(range(len(cells)), got.file_problem)
    return got.by_column[""], {p.row: p.message for p in got.problems}
