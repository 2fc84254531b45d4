"""Location quotients of regions × sectors, vectorised over the whole grid.

``LQ_ir = (x_ir / x_r) / (x_iN / x_N)``: the sector's share of the region's measure over its
share of the reference's. The reference is either a given row (the nation) or the sum of the
regions given. LQ > 1 means the region is specialised in the sector.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterrank.criteria.shown import short
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _, ngettext

REFERENCE_ROW = N_("the reference row")
"""How the reference is named when the caller gives no name (translated where used)."""


@dataclass(frozen=True)
class LocationQuotients:
    """Location quotients with the shares and reference that produced them.

    Attributes
    ----------
    lq
        Regions × sectors, finite and >= 0.
    region_shares
        ``x_ir / x_r`` (fractions, not percent).
    reference_shares
        ``x_iN / x_N`` per sector.
    reference
        Plain-language description of the reference (shown with every result).
    notes
        Remarks a user must see (sectors left out, totals that exceed their parts, ...).
    """

    lq: pd.DataFrame
    region_shares: pd.DataFrame
    reference_shares: pd.Series
    reference: str
    notes: tuple[str, ...]


def location_quotients(
    values: pd.DataFrame,
    reference: pd.Series | None = None,
    *,
    region_totals: pd.Series | None = None,
    reference_total: float | None = None,
    reference_label: str = REFERENCE_ROW,
    label: str = "<table>",
) -> LocationQuotients:
    """Location quotients of every region in every sector.

    Parameters
    ----------
    values
        Regions × sectors, non-negative (e.g. turnover, employment, fixed assets).
    reference
        Per-sector figures of the reference area (the nation). ``None``: the sum of the
        regions given, so the LQs compare the regions with each other.
    region_totals
        ``x_r`` when it is not the sum of the listed sectors (a table that lists only some
        sectors but gives each region's all-sector total). Default: row sums.
    reference_total
        ``x_N`` likewise; default: the sum of ``reference`` (or of all regions).
    reference_label
        How the reference is named in the result (e.g. ``"RU (Russian Federation)"``); the
        default is translated.
    label
        File name used in messages.

    Returns
    -------
    LocationQuotients

    Notes
    -----
    A sector that is 0 in the reference and in every region has no defined LQ; it is left
    out with a note. A region whose total is 0, or a sector positive in a region but 0 in the
    reference, is an error (the data cannot be right).

    References
    ----------
    Isard, W. (1960). *Methods of Regional Analysis: An Introduction to Regional Science*.
    MIT Press (the location quotient among the measures of industrial location).
    Farhauer, O., Kröll, A. (2013). *Standorttheorien*. Springer Gabler (worked example used
    in the tests, as reproduced in the R package REAT, function ``locq``).
    Seed 003 (Иванова О. П., 2018), Tables 5–6: «коэффициент локализации», the ratio of a
    sector's share of the region's turnover (investment, employment, fixed assets) to its
    share in the Russian Federation.
    """
    x = _as_grid(values, label)
    reference_label = _(reference_label)
    notes: list[str] = []
    ref, described = _reference(x, reference, reference_label, label, notes)
    empty = (ref == 0) & (x.max(axis=0) == 0)
    if empty.any():
        dropped = list(map(str, ref.index[empty.to_numpy()]))
        notes.append(
            _(
                "sector(s) {sectors} are 0 in every region and in the reference; "
                "their LQ is undefined and they were left out"
            ).format(sectors=dropped)
        )
        x, ref = x.loc[:, ~empty.to_numpy()], ref[~empty.to_numpy()]
    if x.shape[1] == 0:
        msg = _("no sector has a positive figure; LQs need one")
        raise ValidationFailed.single(label, "", msg)
    inconsistent = (ref == 0) & (x.max(axis=0) > 0)
    if inconsistent.any():
        bad = list(map(str, ref.index[inconsistent.to_numpy()]))
        msg = _(
            "sector(s) {sectors} are 0 in {reference} but positive in a region; fix the reference"
        ).format(sectors=bad, reference=described)
        raise ValidationFailed.single(label, "reference", msg)
    x_r = x.sum(axis=1) if region_totals is None else _totals(region_totals, x, label, notes)
    zero = list(map(str, x_r.index[(x_r <= 0).to_numpy()]))
    if zero:
        msg = _("region(s) {regions} have a total of 0; their shares and LQs are undefined")
        msg = msg.format(regions=zero)
        raise ValidationFailed.single(label, "region_id", msg)
    x_n = float(ref.sum()) if reference_total is None else float(reference_total)
    if not np.isfinite(x_n) or x_n <= 0:
        msg = _("reference total must be > 0 (got {got})").format(got=short(x_n))
        raise ValidationFailed.single(label, "reference", msg)
    if reference_total is not None and x_n < float(ref.sum()) * (1 - 1e-9):
        notes.append(
            _(
                "the reference total {total} is below the sum of its sectors "
                "{sum}; check for double-counted sub-sectors"
            ).format(total=short(x_n), sum=short(float(ref.sum())))
        )
    if reference is not None and (x.gt(ref, axis=1)).to_numpy().any():
        notes.append(
            _(
                "some regional figures exceed {reference}'s; is the reference the "
                "area that contains these regions?"
            ).format(reference=reference_label)
        )
    shares = x.div(x_r, axis=0)
    ref_shares = ref / x_n
    lq = shares.div(ref_shares, axis=1)
    return LocationQuotients(lq, shares, ref_shares, described, tuple(notes))


def _reference(
    x: pd.DataFrame,
    reference: pd.Series | None,
    reference_label: str,
    label: str,
    notes: list[str],
) -> tuple[pd.Series, str]:
    """The per-sector reference figures and how the reference is described.

    Without ``reference``, the regions' sum (noted when one region is its own reference).

    Raises
    ------
    ValidationFailed
        A sector is absent from ``reference``, or a reference figure is negative.
    """
    if reference is None:
        ref = x.sum(axis=0)
        n = len(x.index)
        described = ngettext(
            "the sum of the {count} region given", "the sum of the {count} regions given", n
        ).format(count=n)
        if len(x.index) == 1:
            notes.append(
                _(
                    "one region and no reference: it is its own reference, so every LQ "
                    "is 1 by construction; give a national row for meaningful LQs"
                )
            )
    else:
        ref = pd.to_numeric(reference, errors="coerce").astype(float).reindex(x.columns)
        described = reference_label
        absent = list(ref.index[ref.isna().to_numpy()])
        if absent:
            msg = _(
                "sector(s) {sectors} are absent from {reference}; every sector needs "
                "a reference figure — add them or drop the sectors"
            ).format(sectors=absent, reference=reference_label)
            raise ValidationFailed.single(label, "reference", msg)
        if (ref < 0).any():
            msg = _("{reference} has negative figures; measures must be >= 0").format(
                reference=reference_label
            )
            raise ValidationFailed.single(label, "reference", msg)
    return ref, described


def _as_grid(values: pd.DataFrame, label: str) -> pd.DataFrame:
    if not isinstance(values, pd.DataFrame) or values.size == 0:
        msg = _("expected a non-empty regions × sectors table")
        raise ValidationFailed.single(label, "", msg)
    x = values.apply(pd.to_numeric, errors="coerce").astype(float)
    bad = ~np.isfinite(x.to_numpy())
    if bad.any():
        r, s = np.argwhere(bad)[0]
        count = int(bad.sum())
        msg = ngettext(
            "{count} missing or non-numeric figure(s), first at region {region!r}, "
            "sector {sector!r}; fill them (0 if truly none)",
            "{count} missing or non-numeric figure(s), first at region {region!r}, "
            "sector {sector!r}; fill them (0 if truly none)",
            count,
        ).format(count=count, region=x.index[r], sector=x.columns[s])
        raise ValidationFailed.single(label, "value", msg)
    neg = x.to_numpy() < 0
    if neg.any():
        r, s = np.argwhere(neg)[0]
        msg = _(
            "negative measure {value} at region {region!r}, sector {sector!r}; "
            "measures must be >= 0"
        ).format(value=short(x.to_numpy()[r, s]), region=x.index[r], sector=x.columns[s])
        raise ValidationFailed.single(label, "value", msg)
    return x


def _totals(region_totals: pd.Series, x: pd.DataFrame, label: str, notes: list[str]) -> pd.Series:
    t = pd.to_numeric(region_totals, errors="coerce").astype(float).reindex(x.index)
    if t.isna().any():
        lacking = list(map(str, t.index[t.isna().to_numpy()]))
        msg = _("region(s) {regions} have no total").format(regions=lacking)
        raise ValidationFailed.single(label, "total", msg)
    over = x.sum(axis=1) > t * (1 + 1e-3)
    if over.any():
        notes.append(
            _(
                "region(s) {regions}: the listed sectors "
                "add up to more than the declared total (sub-sectors counted twice?)"
            ).format(regions=list(map(str, t.index[over.to_numpy()])))
        )
    return t
