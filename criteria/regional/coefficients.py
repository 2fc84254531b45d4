"""Per-capita production and regional marketability coefficients (seed 003, Tables 2–3).

Both are ratios over aligned pandas objects (or arrays), vectorised over products and years.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _, ngettext

T = TypeVar("T", pd.Series, pd.DataFrame)


@dataclass(frozen=True)
class CoefficientResult:
    """A coefficient with the remarks a user must see alongside it."""

    coefficients: pd.Series | pd.DataFrame
    notes: tuple[str, ...]


def _check(obj: T, name: str, label: str, *, positive: bool) -> T:
    x = (
        obj.apply(pd.to_numeric, errors="coerce")
        if isinstance(obj, pd.DataFrame)
        else (pd.to_numeric(obj, errors="coerce"))
    )
    arr = np.asarray(x, dtype=float)
    bad = ~np.isfinite(arr) | ((arr <= 0) if positive else (arr < 0))
    if bad.any():
        need = "> 0" if positive else ">= 0"
        first = np.asarray(obj, dtype=object).ravel()[int(np.flatnonzero(bad.ravel())[0])]
        count = int(bad.sum())
        msg = ngettext(
            "{count} value(s) of {name!r} are missing or not {need} (first: {first!r}); "
            "{name} must be {need}",
            "{count} value(s) of {name!r} are missing or not {need} (first: {first!r}); "
            "{name} must be {need}",
            count,
        ).format(count=count, name=name, need=need, first=first)
        raise ValidationFailed.single(label, name, msg)
    return x.astype(float)


def per_capita_production_coefficient(
    region_output: T,
    national_output: T,
    region_population: float | pd.Series,
    national_population: float | pd.Series,
    *,
    label: str = "<table>",
) -> CoefficientResult:
    """(Region's share of national output of a product) / (region's share of population).

    Parameters
    ----------
    region_output, national_output
        Output of each product (rows) in each year (columns, for a DataFrame), in the
        product's own unit (million t, million kWh, ...): the unit cancels.
    region_population, national_population
        Population (a number, or a Series over the years/columns).
    label
        File name used in messages.

    Returns
    -------
    CoefficientResult
        > 1: the region produces more of the product per inhabitant than the nation.

    References
    ----------
    Seed 003 (Иванова О. П., 2018), Table 2 and the text before it: «коэффициенты душевого
    производства (рассчитанных как отношение удельного веса производства отдельных
    товарных групп в Кемеровской области в производстве тех же товарных групп в РФ к
    удельному весу населения области в населении страны)».
    """
    reg = _check(region_output, "region_output", label, positive=False)
    nat = _check(national_output, "national_output", label, positive=True)
    pop_r = _check(
        pd.Series(region_population, dtype=float), "region_population", label, positive=True
    )
    pop_n = _check(
        pd.Series(national_population, dtype=float), "national_population", label, positive=True
    )
    notes: list[str] = []
    if (np.asarray(reg) > np.asarray(nat) * (1 + 1e-9)).any():
        notes.append(_("a regional output exceeds the national one; check the units"))
    pop_share = pop_r / pop_n
    if (pop_share > 1).any():
        msg = _("regional population exceeds the national population")
        raise ValidationFailed.single(label, "region_population", msg)
    share = reg / nat
    if isinstance(share, pd.DataFrame) and len(pop_share) > 1:
        values: pd.Series | pd.DataFrame = share.div(pop_share, axis=1)
    else:
        values = share / float(pop_share.iloc[0])
    return CoefficientResult(values, tuple(notes))


def marketability_coefficient(
    shipments: T, production: T, *, label: str = "<table>"
) -> CoefficientResult:
    """Shipments of a product out of the region divided by the region's production of it.

    Parameters
    ----------
    shipments
        Quantity shipped out (domestic plus export), same unit as ``production``.
    production
        Regional production, > 0.
    label
        File name used in messages.

    Returns
    -------
    CoefficientResult
        Close to 1: nearly all output leaves the region (a specialisation product). Above 1
        is possible (shipments from stocks or of goods produced elsewhere) and is noted.

    References
    ----------
    Seed 003 (Иванова О. П., 2018), Table 3: «коэффициент региональной товарности
    (отношение вывоза из региона конкретной продукции к ее региональному производству)».
    """
    out = _check(shipments, "shipments", label, positive=False)
    prod = _check(production, "production", label, positive=True)
    values = out / prod
    notes: list[str] = []
    if (np.asarray(values) > 1).any():
        notes.append(
            _(
                "shipments exceed production somewhere (coefficient > 1): stocks or "
                "re-shipped goods, or units that do not match"
            )
        )
    return CoefficientResult(values, tuple(notes))
