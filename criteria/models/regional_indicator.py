"""A data key computed from a region × sector table (``data.regional`` of a scenario).

Specialisation becomes a criterion like any other: a scenario lists, under ``data.regional``,
data keys that are filled from a region × sector table — each candidate's sector LQ in its
region, the region's HHI, a sector's share of the region — or, for tables that hold only
published coefficients, a printed figure taken as it is. See ``docs/file-formats.md``
section 2. The figures are read by :mod:`criteria.regional_data`; this module holds the
model, the cross-field rules that need the scenario's candidates and keys, and the
provenance text written for every such key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from criteria.models.common import (
    CrossProblem,
    FrozenModel,
    Id,
    Name,
    duplicate_problems,
    fail,
    raise_if_problems,
    unknown_name,
)
from criteria.models.paths import resolve_named_file

if TYPE_CHECKING:
    from criteria.models.scenario import Candidate, DataSpec

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
        return self.sectors.get(candidate, self.sector)

    def cells(self) -> Mapping[str, tuple[str, str | None, bool]]:
        """Candidate -> (region, sector or None, region taken from the candidate's field),
        for the candidates that get a value (set when the scenario is validated)."""
        if self._cells:
            return self._cells
        return {c: (r, self.sector_of(c), False) for c, r in self.regions.items()}


def regional_problems(
    data: DataSpec, candidates: Sequence[Candidate], keys: Sequence[str]
) -> list[CrossProblem]:
    """Rules that need the scenario: known keys, existing candidates, a region for each."""
    ids = [c.id for c in candidates]
    own_region = {c.id: c.region for c in candidates}
    out = duplicate_problems(
        "regional key",
        [(r.key, ("data", "regional", i)) for i, r in enumerate(data.regional)],
        "key",
    )
    inline = data.values
    for i, item in enumerate(data.regional):
        at = ("data", "regional", i)
        if item.key not in keys:
            out.append(((*at, "key"), unknown_name("data key", item.key, keys)))
        fix = f"remove it; data.regional[{i}] computes key {item.key!r}"
        if item.key in data.columns:
            out.append((("data", "columns", item.key), fix))
        out += [
            (("data", "values", c, item.key), fix) for c, row in inline.items() if item.key in row
        ]
        given = data.provenance.get(item.key)
        if given is not None and not given.source.startswith(AUTO_PREFIXES):
            msg = (
                f"written automatically for a computed key; put remarks in data.regional[{i}].note"
            )
            out.append((("data", "provenance", item.key), msg))
        for field in ("regions", "sectors"):
            mapping: dict[str, str] = getattr(item, field)
            out += [
                ((*at, field, c), unknown_name("candidate", c, ids))
                for c in mapping
                if c not in ids
            ]
        for c in ids:
            if (not item.per_sector or item.sector_of(c)) and not (
                item.regions.get(c) or own_region[c]
            ):
                msg = f"candidate {c!r} has no region: add {c}: <region id> here, or give it one"
                out.append(((*at, "regions"), msg))
    return out


def resolve_regional(data: DataSpec, candidates: Sequence[Candidate]) -> DataSpec:
    """A copy of ``data`` whose regional entries know each candidate's region and sector,
    with the provenance of every computed key written (remarks from ``note`` appended)."""
    from criteria.models.scenario import Provenance

    if not data.regional:
        return data
    items = []
    provenance = dict(data.provenance)
    for item in data.regional:
        cells: dict[str, tuple[str, str | None, bool]] = {}
        for c in candidates:
            if item.per_sector and not item.sector_of(c.id):
                continue
            region = item.regions.get(c.id) or c.region or ""
            cells[c.id] = (region, item.sector_of(c.id), c.id not in item.regions)
        copy = item.model_copy()
        copy._cells = cells
        items.append(copy)
        unmapped = [c.id for c in candidates if c.id not in cells]
        text = provenance_text(copy, unmapped)
        provenance[item.key] = Provenance(source=text, illustrative=item.illustrative)
    return data.model_copy(update={"regional": tuple(items), "provenance": provenance})


def provenance_text(item: RegionalIndicator, unmapped: Sequence[str] = ()) -> str:
    """``computed: LQ of turnover for sector mining in region KEM against 'RU', from t.csv``."""
    from criteria.loading import display_name

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
