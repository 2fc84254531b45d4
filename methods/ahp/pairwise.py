"""Build and validate AHP pairwise comparison (reciprocal) matrices.

A judgment ``(a, b, v)`` says "a is v times as important as b", so the matrix holds
``A[a, b] = v`` and ``A[b, a] = 1/v``. A missing judgment is ``np.nan`` (both cells).
Every error names the cell by the items' names when they are known.

Rounded decimals are accepted where a reciprocal is meant: ``0.333`` opposite ``3`` is
within the relative tolerance :data:`RECIPROCAL_RTOL` of 1/3, so the exact reciprocal is
used instead and a note says so.

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (fundamental 1-9 scale,
reciprocal matrices).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from clusterrank.errors import MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]

#: Relative tolerance when checking a_ij * a_ji == 1 and the scale bounds (0.333 for 1/3).
RECIPROCAL_RTOL = 1e-2
#: Default admissible range of a judgment: Saaty's fundamental scale.
SAATY_RANGE: tuple[float, float] = (1.0 / 9.0, 9.0)


def format_judgment(value: float) -> str:
    """Show a judgment as a person wrote it: ``3``, ``1/3``, else 4 significant digits."""
    if not math.isfinite(value) or value <= 0:
        return f"{value:g}"
    k = round(value)
    if k >= 1 and abs(value - k) <= 1e-9 * value:
        return str(k)
    r = 1.0 / value
    k = round(r)
    if k >= 2 and abs(r - k) <= 1e-9 * r:
        return f"1/{k}"
    return f"{value:.4g}"


def parse_judgment_value(value: object) -> float:
    """Turn ``"1/3"``, ``"3"``, ``3``, ``0.333`` (or a Fraction) into a positive float.

    Raises
    ------
    MethodInputError
        Text that is not a number or a fraction, a non-finite number, or a value <= 0.
    """
    if isinstance(value, bool):
        msg = _("a judgment must be a number such as 3 or '1/3' (got {given!r})").format(
            given=value
        )
        raise MethodInputError(msg)
    try:
        if isinstance(value, str):
            text = value.strip().replace(" ", "")
            num = float(Fraction(text)) if "/" in text else float(text)
        else:
            num = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        msg = _("a judgment must be a number such as 3 or '1/3' (got {given!r})").format(
            given=value
        )
        raise MethodInputError(msg) from exc
    if not math.isfinite(num):
        msg = _("a judgment must be a finite number (got {given!r})").format(given=value)
        raise MethodInputError(msg)
    if num <= 0:
        msg = _("a judgment must be > 0 (got {given!r}); v means 'v times as important'").format(
            given=value
        )
        raise MethodInputError(msg)
    return num


def as_pairwise_array(matrix: object) -> FloatArray:
    """A float array from numbers, ``"1/3"`` strings, ``None``/``""`` (missing -> NaN)."""
    try:
        return np.array(matrix, dtype=float)
    except (TypeError, ValueError):
        pass
    rows = matrix if isinstance(matrix, Sequence) else list(matrix)  # type: ignore[call-overload]
    out: list[list[float]] = []
    for row in rows:
        if isinstance(row, str) or not isinstance(row, Iterable):
            msg = _("a pairwise matrix must be a list of rows (got row {row!r})").format(row=row)
            raise MethodInputError(msg)
        out.append([_cell(v) for v in row])
    if len({len(r) for r in out}) > 1:
        msg = _("pairwise matrix rows have different lengths: {lengths}").format(
            lengths=[len(r) for r in out]
        )
        raise MethodInputError(msg)
    return np.array(out, dtype=float)


def _cell(v: object) -> float:
    if v is None or (isinstance(v, str) and not v.strip()):
        return math.nan
    if isinstance(v, float) and math.isnan(v):
        return math.nan
    return parse_judgment_value(v)


def _labels(names: Sequence[str] | None, n: int) -> list[str]:
    if names is None:
        return [_("item {number}").format(number=i + 1) for i in range(n)]
    labels = [str(x) for x in names]
    if len(labels) != n:
        msg = _("expected {n} item names (one per matrix row), got {count}").format(
            n=n, count=len(labels)
        )
        raise MethodInputError(msg)
    return [repr(x) for x in labels]


def check_pairwise(
    matrix: object,
    *,
    names: Sequence[str] | None = None,
    allow_missing: bool = False,
    scale: tuple[float, float] | None = SAATY_RANGE,
) -> tuple[FloatArray, list[str]]:
    """Validate a reciprocal pairwise matrix and return an exactly reciprocal copy, with notes.

    Parameters
    ----------
    matrix
        n×n judgments; numbers or ``"1/3"`` strings; missing cells NaN/None.
    names
        Item names for messages (default ``item 1``, ``item 2``, ...).
    allow_missing
        Accept missing judgments (both cells of a pair NaN). A pair with only one cell
        given is completed with the reciprocal (noted).
    scale
        ``(low, high)`` admissible judgments, default Saaty's 1/9..9; ``None`` = no bound.

    Raises
    ------
    MethodInputError
        Not square, a diagonal cell other than 1, a value <= 0 or out of scale, a pair whose
        two cells are not reciprocal (beyond :data:`RECIPROCAL_RTOL`), a missing judgment
        when ``allow_missing`` is False.
    """
    a = as_pairwise_array(matrix)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 1:
        msg = _("a pairwise matrix must be square n×n with n >= 1 (got shape {shape})").format(
            shape=a.shape
        )
        raise MethodInputError(msg)
    n = a.shape[0]
    lab = _labels(names, n)
    notes: list[str] = []
    if np.any(np.isinf(a)):
        i, j = np.argwhere(np.isinf(a))[0]
        msg = _("{row} vs {column} must be a finite number (got {value})").format(
            row=lab[i], column=lab[j], value=a[i, j]
        )
        raise MethodInputError(msg)
    for i in range(n):
        if not np.isclose(a[i, i], 1.0, rtol=1e-9, atol=0.0):
            msg = _("the diagonal ({item} vs itself) must be 1 (got {value})").format(
                item=lab[i], value=f"{a[i, i]:g}"
            )
            raise MethodInputError(msg)
    a[np.diag_indices(n)] = 1.0
    _check_values(a, lab, scale)
    for i in range(n):
        for j in range(i + 1, n):
            _reconcile(a, i, j, lab, allow_missing, notes)
    return a, notes


def _check_values(a: FloatArray, lab: list[str], scale: tuple[float, float] | None) -> None:
    for i, j in np.argwhere(a <= 0):
        msg = _(
            "{row} vs {column} must be > 0 (got {value}); a judgment v says "
            "{row} is v times as important as {column}"
        ).format(row=lab[i], column=lab[j], value=f"{a[i, j]:g}")
        raise MethodInputError(msg)
    if scale is None:
        return
    low, high = scale
    lo, hi = low * (1 - RECIPROCAL_RTOL), high * (1 + RECIPROCAL_RTOL)
    bad = np.argwhere((a < lo) | (a > hi))
    if bad.size:
        i, j = bad[0]
        msg = _(
            "{row} vs {column} is {value}, outside the scale "
            "{low}..{high}; use a value in that range"
        ).format(
            row=lab[i],
            column=lab[j],
            value=format_judgment(a[i, j]),
            low=format_judgment(low),
            high=format_judgment(high),
        )
        raise MethodInputError(msg)


def _reconcile(
    a: FloatArray, i: int, j: int, lab: list[str], allow_missing: bool, notes: list[str]
) -> None:
    x, y = a[i, j], a[j, i]
    nx, ny = math.isnan(x), math.isnan(y)
    if nx and ny:
        if not allow_missing:
            msg = _(
                "the judgment {row} vs {column} is missing; every pair must be compared"
            ).format(row=lab[i], column=lab[j])
            raise MethodInputError(msg)
        return
    if nx or ny:
        given, (p, q) = (y, (j, i)) if nx else (x, (i, j))
        a[q, p] = 1.0 / given
        notes.append(
            _(
                "{row} vs {column} was empty; set to {value}, "
                "the reciprocal of {column} vs {row} = {given}"
            ).format(
                row=lab[q],
                column=lab[p],
                value=format_judgment(1.0 / given),
                given=format_judgment(given),
            )
        )
        return
    product = x * y
    if abs(product - 1.0) > RECIPROCAL_RTOL:
        msg = _(
            "{row} vs {column} is {value} but {column} vs {row} is "
            "{other}; expected {expected} (the reciprocal)"
        ).format(
            row=lab[i],
            column=lab[j],
            value=format_judgment(x),
            other=format_judgment(y),
            expected=format_judgment(1.0 / x),
        )
        raise MethodInputError(msg)
    if abs(product - 1.0) > 1e-12:
        # keep the judgment >= 1 (the one a person states), replace the other
        (p, q) = (i, j) if x >= y else (j, i)
        old = a[q, p]
        a[q, p] = 1.0 / a[p, q]
        notes.append(
            _(
                "{row} vs {column} = {old} read as {value}, the exact "
                "reciprocal of {column} vs {row} = {given}"
            ).format(
                row=lab[q],
                column=lab[p],
                old=f"{old:.4g}",
                value=format_judgment(a[q, p]),
                given=format_judgment(a[p, q]),
            )
        )


def pairwise_from_judgments(
    items: Sequence[str],
    judgments: Iterable[Sequence[object]],
    *,
    scale: tuple[float, float] | None = SAATY_RANGE,
) -> tuple[FloatArray, list[str]]:
    """Reciprocal matrix from ``(a, b, value)`` triples: "a is value times as important as b".

    Pairs never judged are ``np.nan`` (noted); :func:`methods.ahp.consistency.analyse`
    completes them. A pair judged twice must agree (then noted), else it is an error.

    Raises
    ------
    MethodInputError
        Duplicate item names, an unknown item, an item compared with itself, a malformed
        triple, conflicting repeats, or a value that :func:`check_pairwise` rejects.
    """
    names = [str(x) for x in items]
    if len(set(names)) != len(names):
        dup = next(x for x in names if names.count(x) > 1)
        msg = _("item names must be unique (got {name!r} more than once)").format(name=dup)
        raise MethodInputError(msg)
    index = {x: k for k, x in enumerate(names)}
    n = len(names)
    a = np.full((n, n), np.nan)
    a[np.diag_indices(n)] = 1.0
    notes: list[str] = []
    for pos, triple in enumerate(judgments):
        if isinstance(triple, str) or len(triple) != 3:
            msg = _("judgment #{number} must be [a, b, value] (got {given!r})").format(
                number=pos + 1, given=triple
            )
            raise MethodInputError(msg)
        ra, rb, rv = triple
        for who in (ra, rb):
            if str(who) not in index:
                msg = _("judgment #{number} names unknown item {item!r}; items are {items}").format(
                    number=pos + 1, item=who, items=names
                )
                raise MethodInputError(msg)
        i, j = index[str(ra)], index[str(rb)]
        if i == j:
            msg = _("judgment #{number} compares {item!r} with itself").format(
                number=pos + 1, item=names[i]
            )
            raise MethodInputError(msg)
        v = parse_judgment_value(rv)
        if not math.isnan(a[i, j]):
            if not math.isclose(a[i, j], v, rel_tol=RECIPROCAL_RTOL):
                msg = _(
                    "judgment #{number} says {row!r} vs {column!r} is "
                    "{value}, but an earlier one said {earlier}"
                ).format(
                    number=pos + 1,
                    row=names[i],
                    column=names[j],
                    value=format_judgment(v),
                    earlier=format_judgment(a[i, j]),
                )
                raise MethodInputError(msg)
            note = _("{row!r} vs {column!r} was given twice (same value)")
            notes.append(note.format(row=names[i], column=names[j]))
            continue
        a[i, j], a[j, i] = v, 1.0 / v
    missing = int(np.isnan(a[np.triu_indices(n, k=1)]).sum())
    if missing:
        note = _("{missing} of {pairs} pairs were not judged (left missing)")
        notes.append(note.format(missing=missing, pairs=n * (n - 1) // 2))
    checked, more = check_pairwise(a, names=names, allow_missing=True, scale=scale)
    return checked, notes + more
