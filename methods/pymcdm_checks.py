"""Settings and input checks for the pymcdm adapter (no pymcdm import here).

Each check raises :class:`~errors.ConfigurationError` for a bad setting or
:class:`~errors.MethodInputError` for data a method cannot take, naming the field, what was
expected and what arrived; each default that changes a number is noted and echoed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import N_, _
from clusterrank.methods.pymcdm_catalogue import RANKING, RankingSpec

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int_]

POSITIVE_NORMS = frozenset({"sum", "linear"})


def spec_for(name: str) -> RankingSpec:
    """The pymcdm ranking method called ``name``.

    Raises
    ------
    ConfigurationError
        ``name`` is not one of the pymcdm methods offered.
    """
    if name not in RANKING:
        msg = f"pymcdm method must be one of {sorted(RANKING)} (got {name!r})"
        raise ConfigurationError(msg)
    return RANKING[name]


def resolve_settings(spec: RankingSpec, settings: Mapping[str, Any]) -> dict[str, Any]:
    """Fill defaults, reject unknown settings and values outside their choices or range."""
    known = spec.info.settings
    unknown = sorted(set(settings) - set(known))
    if unknown:
        msg = _("{method} has no setting(s) {unknown}; it accepts {known}").format(
            method=spec.name, unknown=unknown, known=sorted(known) or _("none")
        )
        raise ConfigurationError(msg)
    used = {key: settings.get(key, info.default) for key, info in known.items()}
    for key, info in known.items():
        if info.choices and used[key] not in info.choices:
            allowed = list(info.choices)
            msg = _("{method} setting {setting!r} must be one of {allowed} (got {given!r})")
            msg = msg.format(method=spec.name, setting=key, allowed=allowed, given=used[key])
            raise ConfigurationError(msg)
    for key in ("v", "l"):
        value = used.get(key)
        if key in used and not (
            isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
        ):
            hint = _("; write a decimal with a point, e.g. 0.5") if isinstance(value, list) else ""
            msg = _("{method} setting {setting!r} must be a number in [0, 1] (got {given!r}){hint}")
            msg = msg.format(method=spec.name, setting=key, given=value, hint=hint)
            raise ConfigurationError(msg)
    return used


Labels = tuple[Sequence[str], Sequence[str]]


def cell_name(i: int, j: int, labels: Labels | None) -> str:
    """``candidate 'light', criterion 'declared_strategy'`` (or ``row 5, column 6``)."""
    if labels is None:
        return _("row {row}, column {column}").format(row=i + 1, column=j + 1)
    return _("candidate {candidate!r}, criterion {criterion!r}").format(
        candidate=labels[0][i], criterion=labels[1][j]
    )


def check_values(
    spec: RankingSpec, x: FloatArray, d: IntArray, norm: str | None, labels: Labels | None = None
) -> None:
    """Raise for data a method cannot take (non-positive values, no cost criterion, ...).

    ``labels`` (candidate ids, criterion ids) let the message name the cell.
    """
    if spec.positive:
        bad = np.argwhere(x <= 0)
        if bad.size:
            i, j = bad[0]
            msg = _(
                "{method} needs every value > 0; {cell} is {value}. "
                "Rescale the column or choose another method"
            ).format(
                method=spec.info.title_text, cell=cell_name(i, j, labels), value=f"{x[i, j]:g}"
            )
            raise MethodInputError(msg)
    elif norm in POSITIVE_NORMS:  # they divide by a cost value; a benefit zero is fine
        bad = np.argwhere((x < 0) | ((x == 0) & (d == -1)))
        if bad.size:
            i, j = bad[0]
            need = _("> 0 in a cost criterion (it divides by them)") if d[j] == -1 else ">= 0"
            msg = _(
                "normalization {norm!r} needs values {need}; {cell} is {value}. "
                "Choose normalization 'minmax' or 'vector', or rescale the column"
            ).format(norm=norm, need=need, cell=cell_name(i, j, labels), value=f"{x[i, j]:g}")
            raise MethodInputError(msg)
    if spec.nonzero_columns or norm in ("max", "vector", *POSITIVE_NORMS):
        zero = np.flatnonzero(~np.any(x != 0, axis=0))
        if zero.size:
            col = (
                _("criterion {id!r}").format(id=labels[1][zero[0]])
                if labels
                else _("column {column}").format(column=zero[0] + 1)
            )
            msg = _("{column} is all zeros; {method} cannot scale it").format(
                column=col, method=spec.info.title_text
            )
            raise MethodInputError(msg)


def promethee_thresholds(
    used: dict[str, Any], x: FloatArray, notes: list[str]
) -> tuple[FloatArray | None, FloatArray | None]:
    """Per-criterion PROMETHEE II thresholds (criterion units) p, q; defaults noted, echoed."""
    pf, n = used["preference_function"], x.shape[1]
    needs_p, needs_q = pf in ("vshape", "level", "vshape_2"), pf in ("ushape", "level", "vshape_2")
    for key, needed in (("p", needs_p), ("q", needs_q)):
        if not needed and used[key] is not None:
            note = _("PROMETHEE II: {setting!r} is ignored by the {function!r} preference function")
            notes.append(note.format(setting=key, function=pf))
            used[key] = None
    q = _thresholds(used["q"], n, "q") if needs_q else None
    p = _thresholds(used["p"], n, "p") if needs_p else None
    if needs_q and used["q"] is None:
        notes.append(_("PROMETHEE II: indifference threshold q defaults to 0 for every criterion"))
    if needs_p and used["p"] is None:
        low = q if q is not None else np.zeros(n)
        with np.errstate(over="ignore"):
            spread = x.max(axis=0) - x.min(axis=0)
            p = np.where(spread > low, spread, low + np.where(spread > 0, spread, 1.0))
        if not np.all(np.isfinite(p)):
            j = int(np.flatnonzero(~np.isfinite(p))[0])
            msg = _(
                "PROMETHEE II: the range of column {column} (plus q) exceeds the largest number "
                "(about 1.8e308), so it cannot be the default preference threshold p; give 'p' "
                "or rescale the column"
            ).format(column=j + 1)
            raise MethodInputError(msg)
        notes.append(
            _(
                "PROMETHEE II: preference threshold p defaults to each criterion's range "
                "(q + range where the range does not exceed q)"
            )
        )
    if p is not None:
        low = q if q is not None else np.zeros(n)
        strict = pf != "level"
        bad = np.flatnonzero(p <= low) if strict else np.flatnonzero(p < low)
        if bad.size:
            msg = _("PROMETHEE II 'p' must be {relation} 'q' (criterion {number})").format(
                relation=">" if strict else ">=", number=bad[0] + 1
            )
            raise ConfigurationError(msg)
    used["p"] = None if p is None else p.tolist()
    used["q"] = None if q is None else q.tolist()
    return p, q


def _thresholds(value: Any, n: int, key: str) -> FloatArray:
    try:
        arr = np.zeros(n) if value is None else np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        arr = np.full(1, np.nan)
    if arr.ndim == 0:
        arr = np.full(n, float(arr))
    if arr.shape != (n,) or not np.all(np.isfinite(arr)) or np.any(arr < 0):
        msg = _("PROMETHEE II {setting!r} must be one number >= 0 or {n} of them (got {given!r})")
        msg = msg.format(setting=key, n=n, given=value)
        raise ConfigurationError(msg)
    return np.array(arr, dtype=float)


def spotis_bounds(
    value: Any, x: FloatArray, notes: list[str], details: dict[str, Any]
) -> FloatArray:
    """SPOTIS bounds (n × 2): the given ``value``, or the data's min and max (noted).

    The bounds used are recorded in ``details``.

    Raises
    ------
    ConfigurationError
        ``value`` is not an n × 2 array of numbers.
    MethodInputError
        A value of ``x`` lies outside its column's bounds.
    """
    if value is None:
        bounds = np.column_stack([x.min(axis=0), x.max(axis=0)])
        notes.append(
            _(
                "SPOTIS bounds are each criterion's min and max in these data, so scores shift "
                "if candidates are added; set 'bounds' for a fixed scale"
            )
        )
    else:
        bounds = _bounds_array(value, x)
        outside = np.flatnonzero((x < bounds[:, 0]).any(axis=0) | (x > bounds[:, 1]).any(axis=0))
        if outside.size:
            j = outside[0]
            msg = _("SPOTIS: column {column} has values outside its bounds {bounds}").format(
                column=j + 1, bounds=bounds[j].tolist()
            )
            raise MethodInputError(msg)
    details["bounds"] = bounds.tolist()
    return bounds


def _bounds_array(value: Any, x: FloatArray) -> FloatArray:
    """User-given SPOTIS bounds as an n×2 float array, or a ConfigurationError naming the fix.

    With these data's ranges as the example.
    """
    n = x.shape[1]
    try:
        bounds = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):  # ragged lists, text, an int beyond 1e308
        bounds = np.full(1, np.nan)
    with np.errstate(invalid="ignore"):
        ok = (
            bounds.shape == (n, 2)
            and bool(np.all(np.isfinite(bounds)))
            and bool(np.all(bounds[:, 0] < bounds[:, 1]))
        )
    if not ok:
        ranges = ", ".join(f"[{lo:g}, {hi:g}]" for lo, hi in zip(x.min(0), x.max(0), strict=True))
        msg = _(
            "SPOTIS 'bounds' must be {n} pairs [min, max], one per criterion in column order, "
            "with finite min < max (got {given!r}); e.g. these data's ranges: [{ranges}], "
            "or leave 'bounds' out to use them"
        ).format(n=n, given=value, ranges=ranges)
        raise ConfigurationError(msg)
    return bounds


def ensure_finite(spec: RankingSpec, scores: FloatArray) -> None:
    """Refuse scores that are not all finite, naming the rows and the method's hint.

    Raises
    ------
    MethodInputError
        Some score is NaN or infinite.
    """
    bad = np.flatnonzero(~np.isfinite(scores))
    if bad.size:
        rows = ", ".join(str(i + 1) for i in bad)
        hint = _(spec.degenerate_hint) if spec.degenerate_hint else ""
        msg = _("{method} gives no defined score for row(s) {rows}. {hint}").format(
            method=spec.info.title_text, rows=rows, hint=hint
        )
        raise MethodInputError(msg.strip())


def translate_warning(message: str) -> str:
    """A pymcdm warning in the user's terms (dominant or dominated rows numbered from 1)."""
    text = re.sub(r"np\.\w+\((-?\d+)\)", r"\1", message)
    found = re.search(r"indices \[([^\]]*)\] are (dominant|dominated)", text)
    if found:
        rows = ", ".join(str(int(i) + 1) for i in re.findall(r"\d+", found.group(1)))
        warning = (
            N_(
                "candidate row(s) {rows} best on every criterion (dominant); pymcdm warns "
                "that such candidates can cause numerical trouble in some methods"
            )
            if found.group(2) == "dominant"
            else N_(
                "candidate row(s) {rows} worst on every criterion (dominated); pymcdm warns "
                "that such candidates can cause numerical trouble in some methods"
            )
        )
        return _(warning).format(rows=rows)
    return _("pymcdm warning: {text}").format(text=text)


def fractional_ranks(ranks: npt.ArrayLike, field: str) -> FloatArray:
    """Fractional ranks of ``ranks``: ties share the mean of their positions.

    Raises
    ------
    MethodInputError
        ``ranks`` (named ``field`` in the message) is not a 1-D list of finite numbers.
    """
    try:
        r = np.asarray(ranks, dtype=float)
    except (TypeError, ValueError) as exc:
        msg = f"{field!r} must be numeric ranks ({exc})"
        raise MethodInputError(msg) from exc
    if r.ndim != 1 or not np.all(np.isfinite(r)):
        msg = f"{field!r} must be a 1-D list of finite ranks (got shape {r.shape})"
        raise MethodInputError(msg)
    less = (r[None, :] < r[:, None]).sum(axis=1)
    equal = (r[None, :] == r[:, None]).sum(axis=1)
    return np.asarray(less + (equal + 1) / 2.0, dtype=float)
