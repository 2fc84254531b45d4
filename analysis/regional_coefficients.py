"""Seed 003's coefficients from long indicator tables: marketability and per-capita production.

Input layout (CSV, leading ``#`` comment lines skipped), one row per figure::

    region_id, year, indicator_id, value, unit        (region_id, year, unit optional)

* marketability: ``<product>_production`` and ``<product>_shipments_total`` (or
  ``<product>_shipments``) per region and year; a ``<product>_marketability_coefficient``
  row, if present, is the printed figure, shown next to the recomputed one (seed 003 Table 3);
* per-capita production: ``<product>_output`` and ``population`` per region and year, with
  one region (``reference``, e.g. the nation) as the denominator; a printed
  ``<product>_per_capita_coefficient`` is compared likewise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from clusterrank.analysis.records import records
from clusterrank.analysis.regional import Source, read_source
from clusterrank.criteria.numbers import read_column
from clusterrank.criteria.regional import (
    marketability_coefficient,
    per_capita_production_coefficient,
)
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _


@dataclass(frozen=True)
class CoefficientReport:
    """A coefficient per product, region and year, with the printed figure where given."""

    kind: str
    source: str
    table: pd.DataFrame
    notes: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    def to_payload(self) -> dict[str, Any]:
        """The report as JSON-ready data: kind, source, settings, coefficients and notes."""
        return {
            "kind": self.kind,
            "source": self.source,
            "settings": dict(self.settings),
            "coefficients": records(self.table),
            "notes": list(self.notes),
        }


def read_indicators(source: Source, label: str | None = None) -> tuple[pd.DataFrame, str]:
    """Validated long figures: columns region_id, year, indicator_id, value, text, unit."""
    frame, name = read_source(source, label)
    missing = [c for c in ("indicator_id", "value") if c not in frame.columns]
    if missing:
        msg = _(
            "missing column(s) {missing}; an indicator table needs indicator_id and value "
            "(plus optional region_id, year, unit); got {columns}"
        ).format(missing=missing, columns=list(frame.columns))
        raise ValidationFailed.single(name, "", msg)
    first = int(frame.attrs.get("first_data_line", 2))
    text = frame.map(lambda v: str(v).strip())
    out = pd.DataFrame(
        {
            "region_id": text.get("region_id", ""),
            "year": pd.to_numeric(text["year"], errors="coerce") if "year" in text else np.nan,
            "indicator_id": text["indicator_id"],
            "value": read_column(list(text["value"]), frame.attrs.get("separator"))[0],
            "text": text["value"],
            "unit": text.get("unit", ""),
            "line": np.arange(len(text)) + first,
        }
    )
    problems = [
        Problem(name, "value", _bad_value(raw, ind), int(line))
        for raw, ind, v, line in zip(
            out["text"], out["indicator_id"], out["value"], out["line"], strict=True
        )
        if not (np.isfinite(v) and v >= 0)
    ]
    dup = out.duplicated(["region_id", "year", "indicator_id"])
    problems += [
        Problem(
            name,
            "indicator_id",
            _("{indicator!r} appears twice for the same region and year; keep one row").format(
                indicator=ind
            ),
            int(line),
        )
        for ind, line in zip(out["indicator_id"][dup], out["line"][dup], strict=True)
    ]
    if problems:
        raise ValidationFailed(problems)
    out["year"] = out["year"].astype("Int64")
    return out, name


def _bad_value(raw: str, indicator: str) -> str:
    if raw == "":
        return _("missing value for {indicator!r}; fill it in or drop the row").format(
            indicator=indicator
        )
    if raw.lstrip().startswith("-"):
        return _("negative value {value} for {indicator!r}; figures must be >= 0").format(
            value=raw, indicator=indicator
        )
    return _(
        "value for {indicator!r} must be a number such as 1234.5 or 1234,5 (got {given!r})"
    ).format(indicator=indicator, given=raw)


def _grid(long: pd.DataFrame) -> pd.DataFrame:
    return long.pivot_table(
        index=["region_id", "year"],
        columns="indicator_id",
        values="value",
        aggfunc="first",
        dropna=False,
    )


def _unit_check(long: pd.DataFrame, ids: Sequence[str], name: str) -> None:
    units = {i: sorted(set(long.loc[long["indicator_id"] == i, "unit"])) for i in ids}
    if len({tuple(u) for u in units.values()}) > 1:
        msg = _("mismatched units {units}; convert the figures to one unit before dividing")
        msg = msg.format(units=units)
        raise ValidationFailed.single(name, "unit", msg)


def _printed(long: pd.DataFrame, printed_id: str, rows: pd.DataFrame, value: pd.Series) -> None:
    """Add ``printed`` and ``agrees_when_rounded`` columns when the table prints the figure."""
    src = long[long["indicator_id"] == printed_id].set_index(["region_id", "year"])
    if src.empty:
        return
    keys = list(zip(rows["region_id"], rows["year"], strict=True))
    texts = [src["text"].get(k, "") for k in keys]
    rows["printed"] = [src["value"].get(k, np.nan) for k in keys]
    digits = [len(t.split(".")[1]) if "." in t else 0 for t in texts]
    rows["agrees_when_rounded"] = [
        bool(t) and round(float(v), d) == float(p)
        for t, v, d, p in zip(texts, value, digits, rows["printed"], strict=True)
    ]


def marketability_analysis(
    source: Source, *, products: Sequence[str] | None = None, label: str | None = None
) -> CoefficientReport:
    """Shipments out of the region / regional production, per product, region and year.

    References
    ----------
    Seed 003 (Иванова О. П., 2018), Table 3 «Коэффициент региональной товарности»; see
    :func:`criteria.regional.marketability_coefficient`.
    """
    long, name = read_indicators(source, label)
    grid = _grid(long)
    present = set(grid.columns)
    found = {
        p[: -len("_production")]: s
        for p in sorted(present)
        if p.endswith("_production")
        for s in (
            f"{p[: -len('_production')]}_shipments_total",
            f"{p[: -len('_production')]}_shipments",
        )
        if s in present
    }
    chosen = list(products) if products else sorted(found)
    unknown = [p for p in chosen if p not in found]
    if unknown or not chosen:
        msg = _(
            "no '<product>_production' + '<product>_shipments_total' pair for "
            "{products}; products found: {found}; indicators: {indicators}"
        ).format(
            products=unknown or _("any product"),
            found=sorted(found) or _("none"),
            indicators=sorted(present),
        )
        raise ValidationFailed.single(name, "indicator_id", msg)
    parts, notes = [], []
    for product in chosen:
        ship_id, prod_id = found[product], f"{product}_production"
        _unit_check(long, [ship_id, prod_id], name)
        pair = grid[[ship_id, prod_id]]
        lacking = pair.isna().any(axis=1)
        for region, year in pair.index[lacking]:
            notes.append(
                _("{product}, region {region}, year {year}: one figure missing; skipped").format(
                    product=product, region=region or "-", year=year
                )
            )
        pair = pair[~lacking]
        result = marketability_coefficient(pair[ship_id], pair[prod_id], label=name)
        notes += list(result.notes)
        rows = pair.reset_index().rename(columns={ship_id: "shipments", prod_id: "production"})
        rows.columns.name = None
        rows.insert(0, "product", product)
        rows["coefficient"] = np.asarray(result.coefficients, dtype=float)
        _printed(long, f"{product}_marketability_coefficient", rows, rows["coefficient"])
        parts.append(rows)
    formula = N_("shipments out of the region / regional production")
    settings = {"source": name, "formula": formula}
    return CoefficientReport(
        "marketability", name, pd.concat(parts, ignore_index=True), tuple(notes), settings
    )


def per_capita_analysis(
    source: Source,
    *,
    reference: str,
    population: str = "population",
    label: str | None = None,
) -> CoefficientReport:
    """(Region's share of the reference's output) / (its share of the population).

    Parameters
    ----------
    source
        Long table with ``<product>_output`` and ``population`` rows per region and year.
    reference
        Region id of the denominator (the nation).
    population
        Indicator id of the population rows.

    References
    ----------
    Seed 003 (Иванова О. П., 2018), Table 2 and the text before it; see
    :func:`criteria.regional.per_capita_production_coefficient`. Seed 003 prints only the
    coefficients, so its Table 2 cannot be recomputed from the shipped data.
    """
    long, name = read_indicators(source, label)
    grid = _grid(long)
    outputs = sorted(c for c in grid.columns if c.endswith("_output"))
    regions = grid.index.get_level_values("region_id")
    problems = []
    if population not in grid.columns:
        note = _("no {population!r} rows (the population of every region and year)")
        problems.append(note.format(population=population))
    if not outputs:
        problems.append(_("no '<product>_output' rows"))
    if reference not in set(regions):
        problems.append(
            _("reference {reference!r} is not a region_id; regions: {regions}").format(
                reference=reference, regions=sorted(set(regions))
            )
        )
    if problems:
        raise ValidationFailed([Problem(name, "indicator_id", p) for p in problems])
    nation = grid.xs(reference, level="region_id")
    parts, notes = [], []
    for region in sorted(set(regions) - {reference}):
        own = grid.xs(region, level="region_id")
        years = [y for y in own.index if y in nation.index]
        if len(years) < len(own.index):
            note = _("region {region}: years without a {reference} row skipped")
            notes.append(note.format(region=region, reference=reference))
        result = per_capita_production_coefficient(
            pd.DataFrame(own.loc[years, outputs]).T,
            pd.DataFrame(nation.loc[years, outputs]).T,
            pd.Series(own.loc[years, population]),
            pd.Series(nation.loc[years, population]),
            label=name,
        )
        notes += list(result.notes)
        coef = pd.DataFrame(result.coefficients).reindex(index=outputs, columns=years)
        rows = coef.rename_axis(index="product", columns="year").reset_index()
        rows = rows.melt(id_vars="product", var_name="year", value_name="coefficient")
        rows["product"] = rows["product"].str.removesuffix("_output")
        rows.insert(0, "region_id", region)
        parts.append(rows)
    if not parts:
        msg = _("no region besides {reference!r}").format(reference=reference)
        raise ValidationFailed.single(name, "region_id", msg)
    table = pd.concat(parts, ignore_index=True)
    settings = {
        "source": name,
        "reference": reference,
        "formula": N_(
            "(region output / reference output) / (region population / reference population)"
        ),
    }
    return CoefficientReport("per_capita", name, table, tuple(dict.fromkeys(notes)), settings)
