"""A data key computed from a region × sector table (``data.regional`` of a scenario).

Specialisation becomes a criterion like any other: a scenario lists, under ``data.regional``,
data keys that are filled from a region × sector table — each candidate's sector LQ in its
region, the region's HHI, a sector's share of the region — or, for tables that hold only
published coefficients, a printed figure taken as it is. See ``docs/file-formats.md``
section 2. The figures are read by :mod:`criteria.regional_data`; this module holds the
model and the provenance text written for every such key; the cross-field rules that need
the scenario's candidates and keys are in :mod:`criteria.models.data_spec`, which holds
the data section these entries belong to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from clusterrank.criteria.files import display_name
from clusterrank.criteria.models.common import (
    CrossProblem,
    FrozenModel,
    Id,
    Name,
    fail,
    raise_if_problems,
)
from clusterrank.criteria.models.paths import resolve_named_file

RegionalKind = Literal["lq", "regional_share", "hhi", "hhi_normalised", "printed"]
PER_SECTOR = frozenset({"lq", "regional_share"})
AUTO_PREFIXES = ("computed:", "printed (not recomputed):")
_WHAT = {
    "lq": "LQ",
    "regional_share": "the sector's share of the region's total (0..1)",
    "hhi": "HHI (percent shares, 10000/K..10000)",
    "hhi_normalised": "normalised HHI (0..1)",
}


class RegionalIndicator(FrozenModel):
    """One data key filled from a region × sector table."""

    key: Id = Field(description="the data key (indicator id) this entry fills")
    table: str = Field(description="region × sector CSV, relative to the scenario file")
    measure: Name = Field(description="the measure used (turnover, employment, ...)")
    indicator: RegionalKind = "lq"
    column: str | None = Field(default=None, description="printed only: the value column")
    year: int | None = None
    reference: str | None = Field(
        default=None, description="region id of the reference row; null: the sum of regions"
    )
    total_sector: str | None = None
    sector: str | None = Field(default=None, description="sector of every unlisted candidate")
    regions: dict[str, str] = Field(default_factory=dict, description="candidate -> region")
    sectors: dict[str, str] = Field(default_factory=dict, description="candidate -> sector")
    note: str | None = Field(default=None, description="appended to the provenance")
    illustrative: bool = False
    _cells: dict[str, tuple[str, str | None, bool]] = PrivateAttr(default_factory=dict)

    @field_validator("table")
    @classmethod
    def _resolve_table(cls, value: str, info: ValidationInfo) -> str:
        if Path(value).suffix.lower() != ".csv":
            fail("data_suffix", "a region × sector table must be .csv (got {got})", got=repr(value))
        return resolve_named_file(value, info, "table")

    @model_validator(mode="after")
    def _check(self) -> RegionalIndicator:
        out: list[CrossProblem] = []
        printed = self.indicator == "printed"
        if printed and not self.column:
            msg = "indicator printed needs 'column': the column holding the printed figures"
            out.append((("column",), msg))
        if self.column and not printed:
            msg = f"'column' goes with indicator: printed only; {self.indicator} is computed"
            out.append((("column",), msg))
        if printed and (self.reference or self.total_sector):
            msg = "reference and total_sector are not used with printed figures; remove them"
            out.append((("reference",), msg))
        if self.indicator in ("hhi", "hhi_normalised") and (self.sector or self.sectors):
            msg = f"{self.indicator} describes the region's whole economy; remove the sectors"
            out.append((("sectors",), msg))
        if self.indicator in PER_SECTOR and not (self.sector or self.sectors):
            msg = f"{self.indicator} needs sectors: map candidates under 'sectors' or set 'sector'"
            out.append((("sectors",), msg))
        raise_if_problems(out)
        return self

    @property
    def per_sector(self) -> bool:
        """Whether each candidate needs a sector (LQ, share, or a printed per-sector table)."""
        return self.indicator in PER_SECTOR or bool(self.sector or self.sectors)

    def sector_of(self, candidate: str) -> str | None:
        """The sector of ``candidate``: its own entry in ``sectors``, else ``sector``."""
        return self.sectors.get(candidate, self.sector)

    def cells(self) -> Mapping[str, tuple[str, str | None, bool]]:
        """Candidate -> (region, sector or None, region taken from the candidate's field).

        Only for the candidates that get a value (set when the scenario is validated).
        """
        if self._cells:
            return self._cells
        return {c: (r, self.sector_of(c), False) for c, r in self.regions.items()}


def provenance_text(item: RegionalIndicator, unmapped: Sequence[str] = ()) -> str:
    """``computed: LQ of turnover for sector mining in region KEM against 'RU', from t.csv``."""
    table = display_name(item.table)
    year = f" ({item.year})" if item.year is not None else ""
    cells = item.cells()
    pairs = {(r, s) for r, s, _ in cells.values()}
    if len(pairs) == 1:
        r, s = next(iter(pairs))
        where = (f" for sector {s!r}" if s else "") + f" in region {r!r}"
        listing = ""
    else:
        where = " for each candidate's sector in its region" if item.per_sector else " per region"
        listing = "; ".join(
            f"{c}: " + (f"sector {s!r} in " if s else "") + f"region {r!r}"
            for c, (r, s, _) in cells.items()
        )
    if item.indicator == "printed":
        head = f"printed (not recomputed): column {item.column!r}, measure {item.measure}{year}"
        head += f"{where}, taken as printed from {table}"
    else:
        against = (
            f"region {item.reference!r}" if item.reference else "the sum of the table's regions"
        )
        against = f" against {against}" if item.indicator in PER_SECTOR else ""
        head = f"computed: {_WHAT[item.indicator]} of {item.measure}{year}{where}{against}"
        head += f", from {table}"
    parts = [head, listing]
    if unmapped:
        parts.append(f"no matching sector, left missing: {', '.join(unmapped)}")
    if item.note:
        parts.append(item.note)
    return "; ".join(p for p in parts if p)
