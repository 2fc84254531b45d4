"""Herfindahl–Hirschman index of a region's economic structure, raw and normalised.

``HHI = Σ_k s_k²`` with shares ``s_k`` in percent, so it runs from ``10000/K`` (K sectors of
equal size) to ``10000`` (everything in one sector). The normalised form
``(HHI/10000 − 1/K) / (1 − 1/K)`` runs from 0 to 1 whatever K, so regions described with
different numbers of sectors can be compared.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.criteria.shown import short
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _, formats, ngettext

FloatArray = npt.NDArray[np.float64]
SHARE_SUM_TOLERANCE = 0.005  # percentage points; printed shares rarely add to exactly 100


def hhi(shares_percent: npt.ArrayLike) -> FloatArray:
    """Σ s² over the last axis of percent shares (vectorised over any leading axes).

    >>> float(hhi([50, 30, 20]))
    3800.0

    References
    ----------
    Hirschman, A. O. (1964). The paternity of an index. *American Economic Review* 54(5),
    761. Herfindahl, O. C. (1950). *Concentration in the Steel Industry*. PhD thesis,
    Columbia University.
    """
    s = np.asarray(shares_percent, dtype=float)
    return np.asarray(np.sum(s * s, axis=-1), dtype=float)


def normalised_hhi(hhi_value: npt.ArrayLike, n_sectors: npt.ArrayLike) -> FloatArray:
    """``(HHI/10000 − 1/K) / (1 − 1/K)``: 0 for equal shares, 1 for a single sector.

    For ``K = 1`` the formula is 0/0; the one-sector economy is fully concentrated, so 1 is
    returned (:func:`hhi_table` adds a note when it happens).

    References
    ----------
    Seed 003 (Иванова О. П., 2018) uses the raw index. The rescaling of its range
    10000/K .. 10000 onto 0 .. 1 is the project's domain definition (DOMAIN.md, "Regional
    specialisation"); on the raw index's range see Rhoades, S. A. (1993), The
    Herfindahl–Hirschman index, *Federal Reserve Bulletin* 79, 188–189.
    """
    h = np.asarray(hhi_value, dtype=float) / 10000.0
    k = np.asarray(n_sectors, dtype=float)
    inv = np.divide(1.0, k, out=np.ones_like(k * h), where=k > 0)
    denom = 1.0 - inv
    out = np.divide(h - inv, denom, out=np.ones_like(h * denom), where=denom > 0)
    return np.asarray(out, dtype=float)


@dataclass(frozen=True)
class HHIResult:
    """HHI per region.

    Attributes
    ----------
    table
        Index: regions; columns ``hhi`` (percent-share scale, 10000/K..10000),
        ``hhi_normalised`` (0..1), ``sectors`` (K) and ``share_sum_pct`` (the shares' sum,
        100 unless the shares were given as printed).
    notes
        Remarks a user must see.
    """

    table: pd.DataFrame
    notes: tuple[str, ...]


def hhi_table(
    values: pd.DataFrame,
    *,
    percent_shares: bool = False,
    region_totals: pd.Series | None = None,
    label: str = "<table>",
) -> HHIResult:
    """HHI of every region (row) of a regions × sectors table.

    Parameters
    ----------
    values
        Non-negative measures (turnover, GVA, employment...) or, with
        ``percent_shares=True``, shares already in percent of the region's total.
    percent_shares
        Use the figures as printed percent shares, without rescaling them to add to 100
        (what seed 003 does with its Table 1, whose columns add to 99.93..100.01).
    region_totals
        Denominator of the shares when it is not the sum of the listed sectors.
    label
        File name used in messages.

    Notes
    -----
    K is the number of sector columns, zero sectors included (seed 003's Table 1 lists
    fishing with a 0.0 share): a table's K is part of its definition, and the note on the
    result says what K was.

    References
    ----------
    Seed 003, text after Table 6: «коэффициенты концентрации Херфиндаля — Хиршмана (при
    использовании данных табл. 1)», 2011–2015.
    """
    x = values.apply(pd.to_numeric, errors="coerce").astype(float)
    if x.size == 0:
        msg = _("expected a non-empty regions × sectors table")
        raise ValidationFailed.single(label, "", msg)
    bad = ~np.isfinite(x.to_numpy()) | (x.to_numpy() < 0)
    if bad.any():
        r, s = np.argwhere(bad)[0]
        msg = _(
            "figure at region {region!r}, sector {sector!r} is missing or "
            "negative (got {got}); HHI needs non-negative figures in every cell"
        ).format(region=x.index[r], sector=x.columns[s], got=short(x.to_numpy()[r, s]))
        raise ValidationFailed.single(label, "value", msg)
    notes: list[str] = []
    if percent_shares:
        shares = x
    else:
        totals = x.sum(axis=1) if region_totals is None else region_totals.reindex(x.index)
        zero = list(map(str, x.index[~(totals > 0).to_numpy()]))
        if zero:
            msg = _("region(s) {regions} have a total of 0 (or none); their HHI is undefined")
            msg = msg.format(regions=zero)
            raise ValidationFailed.single(label, "region_id", msg)
        shares = x.div(totals, axis=0) * 100.0
    k = x.shape[1]
    share_sum = shares.sum(axis=1)
    raw = hhi(shares.to_numpy())
    table = pd.DataFrame(
        {
            "hhi": raw,
            "hhi_normalised": normalised_hhi(raw, np.full(len(raw), k)),
            "sectors": k,
            "share_sum_pct": share_sum.to_numpy(),
        },
        index=x.index,
    )
    off = (share_sum - 100.0).abs() > SHARE_SUM_TOLERANCE
    if off.any():
        sums = ", ".join(f"{i}: {formats.number(v, 3)}" for i, v in share_sum[off].items())
        note = (
            _("shares do not add to 100% ({sums}); used as printed, not rescaled")
            if percent_shares
            else _(
                "shares do not add to 100% ({sums}); the listed sectors do not cover the "
                "declared total"
            )
        )
        notes.append(note.format(sums=sums))
    if k == 1:
        notes.append(_("a single sector: the normalised HHI is set to 1 (full concentration)"))
    notes.append(
        ngettext(
            "K = {count} sector (zero-share sectors included) for the normalised HHI",
            "K = {count} sectors (zero-share sectors included) for the normalised HHI",
            k,
        ).format(count=k)
    )
    return HHIResult(table, tuple(notes))
