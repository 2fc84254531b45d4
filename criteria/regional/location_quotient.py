"""Location quotients of regions × sectors, vectorised over the whole grid.

``LQ_ir = (x_ir / x_r) / (x_iN / x_N)``: the sector's share of the region's measure over its
share of the reference's. The reference is either a given row (the nation) or the sum of the
regions given. LQ > 1 means the region is specialised in the sector.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterrank.errors import ValidationFailed


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
    reference_label: str = "the reference row",
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
        How the reference is named in the result (e.g. ``"RU (Russian Federation)"``).
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
    notes: list[str] = []
    ref, described = _reference(x, reference, reference_label, label, notes)
    empty = (ref == 0) & (x.max(axis=0) == 0)
    if empty.any():
        dropped = list(map(str, ref.index[empty.to_numpy()]))
        notes.append(
            f"sector(s) {dropped} are 0 in every region and in the reference; "
            "their LQ is undefined and they were left out"
        )
        x, ref = x.loc[:, ~empty.to_numpy()], ref[~empty.to_numpy()]
    if x.shape[1] == 0:
        raise ValidationFailed.single(label, "", "no sector has a positive figure; LQs need one")
    inconsistent = (ref == 0) & (x.max(axis=0) > 0)
    if inconsistent.any():
        bad = list(map(str, ref.index[inconsistent.to_numpy()]))
        msg = f"sector(s) {bad} are 0 in {described} but positive in a region; fix the reference"
        raise ValidationFailed.single(label, "reference", msg)
    x_r = x.sum(axis=1) if region_totals is None else _totals(region_totals, x, label, notes)
    zero = list(map(str, x_r.index[(x_r <= 0).to_numpy()]))
    if zero:
        msg = f"region(s) {zero} have a total of 0; their shares and LQs are undefined"
        raise ValidationFailed.single(label, "region_id", msg)
    x_n = float(ref.sum()) if reference_total is None else float(reference_total)
    if not np.isfinite(x_n) or x_n <= 0:
        raise ValidationFailed.single(
            label, "reference", f"reference total must be > 0 (got {x_n})"
        )
    if reference_total is not None and x_n < float(ref.sum()) * (1 - 1e-9):
        notes.append(
            f"the reference total {x_n:g} is below the sum of its sectors "
            f"{float(ref.sum()):g}; check for double-counted sub-sectors"
        )
    if reference is not None and (x.gt(ref, axis=1)).to_numpy().any():
        notes.append(
            f"some regional figures exceed {reference_label}'s; is the reference the "
            "area that contains these regions?"
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
        described = f"the sum of the {n} region{'s' if n != 1 else ''} given"
        if len(x.index) == 1:
            notes.append(
                "one region and no reference: it is its own reference, so every LQ "
                "is 1 by construction; give a national row for meaningful LQs"
            )
    else:
        ref = pd.to_numeric(reference, errors="coerce").astype(float).reindex(x.columns)
        described = reference_label
        absent = list(ref.index[ref.isna().to_numpy()])
        if absent:
            msg = (
                f"sector(s) {absent} are absent from {reference_label}; every sector needs "
                "a reference figure — add them or drop the sectors"
            )
            raise ValidationFailed.single(label, "reference", msg)
        if (ref < 0).any():
            msg = f"{reference_label} has negative figures; measures must be >= 0"
            raise ValidationFailed.single(label, "reference", msg)
    return ref, described


def _as_grid(values: pd.DataFrame, label: str) -> pd.DataFrame:
    if not isinstance(values, pd.DataFrame) or values.size == 0:
        msg = "expected a non-empty regions × sectors table"
        raise ValidationFailed.single(label, "", msg)
    x = values.apply(pd.to_numeric, errors="coerce").astype(float)
    bad = ~np.isfinite(x.to_numpy())
    if bad.any():
        r, s = np.argwhere(bad)[0]
        msg = (
            f"{int(bad.sum())} missing or non-numeric figure(s), first at region "
            f"{x.index[r]!r}, sector {x.columns[s]!r}; fill them (0 if truly none)"
        )
        raise ValidationFailed.single(label, "value", msg)
    neg = x.to_numpy() < 0
    if neg.any():
        r, s = np.argwhere(neg)[0]
        msg = (
            f"negative measure {x.to_numpy()[r, s]:g} at region {x.index[r]!r}, sector "
            f"{x.columns[s]!r}; measures must be >= 0"
        )
        raise ValidationFailed.single(label, "value", msg)
    return x


def _totals(region_totals: pd.Series, x: pd.DataFrame, label: str, notes: list[str]) -> pd.Series:
    t = pd.to_numeric(region_totals, errors="coerce").astype(float).reindex(x.index)
    if t.isna().any():
        lacking = list(map(str, t.index[t.isna().to_numpy()]))
        raise ValidationFailed.single(label, "total", f"region(s) {lacking} have no total")
    over = x.sum(axis=1) > t * (1 + 1e-3)
    if over.any():
        notes.append(
            f"region(s) {list(map(str, t.index[over.to_numpy()]))}: the listed sectors "
            "add up to more than the declared total (sub-sectors counted twice?)"
        )
    return t
