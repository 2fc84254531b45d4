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
from clusterrank.i18n import LANGUAGES, N_, _, translations

RegionalKind = Literal["lq", "regional_share", "hhi", "hhi_normalised", "printed"]
PER_SECTOR = frozenset({"lq", "regional_share"})
AUTO_PREFIXES = (N_("computed:"), N_("printed (not recomputed):"))
"""How a provenance written by :func:`provenance_text` begins (in English; see
:func:`auto_prefixes` for every language)."""
_WHAT = {
    "lq": "LQ",
    "regional_share": N_("the sector's share of the region's total (0..1)"),
    "hhi": N_("HHI (percent shares, 10000/K..10000)"),
    "hhi_normalised": N_("normalised HHI (0..1)"),
}


def auto_prefixes() -> tuple[str, ...]:
    """:data:`AUTO_PREFIXES` in every language (a scenario saved in Russian is read in English)."""
    found = {translations(lang).gettext(p) for lang in LANGUAGES for p in AUTO_PREFIXES}
    return tuple(sorted(found | set(AUTO_PREFIXES)))


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
            msg = _("a region × sector table must be .csv (got {got})")
            fail("data_suffix", msg, got=repr(value))
        return resolve_named_file(value, info, "table")

    @model_validator(mode="after")
    def _check(self) -> RegionalIndicator:
        out: list[CrossProblem] = []
        printed = self.indicator == "printed"
        if printed and not self.column:
            msg = _("indicator printed needs 'column': the column holding the printed figures")
            out.append((("column",), msg))
        if self.column and not printed:
            msg = _("'column' goes with indicator: printed only; {indicator} is computed").format(
                indicator=self.indicator
            )
            out.append((("column",), msg))
        if printed and (self.reference or self.total_sector):
            msg = _("reference and total_sector are not used with printed figures; remove them")
            out.append((("reference",), msg))
        if self.indicator in ("hhi", "hhi_normalised") and (self.sector or self.sectors):
            msg = _("{indicator} describes the region's whole economy; remove the sectors").format(
                indicator=self.indicator
            )
            out.append((("sectors",), msg))
        if self.indicator in PER_SECTOR and not (self.sector or self.sectors):
            msg = _(
                "{indicator} needs sectors: map candidates under 'sectors' or set 'sector'"
            ).format(indicator=self.indicator)
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
    """``computed: LQ of turnover for sector mining in region KEM against 'RU', from t.csv``.

    In the language of the call. ``{where}`` and ``{against}`` are whole prepositional
    phrases (each translated as one), so the head reads in either language.
    """
    table = display_name(item.table)
    year = f" ({item.year})" if item.year is not None else ""
    cells = item.cells()
    pairs = {(r, s) for r, s, _own in cells.values()}
    listing = ""
    if len(pairs) == 1:
        r, s = next(iter(pairs))
        where = (
            _(" for sector {sector!r} in region {region!r}").format(sector=s, region=r)
            if s
            else _(" in region {region!r}").format(region=r)
        )
    else:
        where = (
            _(" for each candidate's sector in its region") if item.per_sector else _(" per region")
        )
        listing = "; ".join(_cell_text(c, r, s) for c, (r, s, _own) in cells.items())
    if item.indicator == "printed":
        head = _(
            "printed (not recomputed): column {column!r}, measure {measure}{year}{where}, "
            "taken as printed from {table}"
        ).format(column=item.column, measure=item.measure, year=year, where=where, table=table)
    else:
        against = ""
        if item.indicator in PER_SECTOR:
            against = (
                _(" against region {region!r}").format(region=item.reference)
                if item.reference
                else _(" against the sum of the table's regions")
            )
        head = _("computed: {what} of {measure}{year}{where}{against}, from {table}").format(
            what=_(_WHAT[item.indicator]),
            measure=item.measure,
            year=year,
            where=where,
            against=against,
            table=table,
        )
    parts = [head, listing]
    if unmapped:
        msg = _("no matching sector, left missing: {candidates}")
        parts.append(msg.format(candidates=", ".join(unmapped)))
    if item.note:
        parts.append(item.note)
    return "; ".join(p for p in parts if p)


def _cell_text(candidate: str, region: str, sector: str | None) -> str:
    """``c: sector 'mining' in region 'KEM'`` (or ``c: region 'KEM'``) for a provenance."""
    if sector:
        return _("{candidate}: sector {sector!r} in region {region!r}").format(
            candidate=candidate, sector=sector, region=region
        )
    return _("{candidate}: region {region!r}").format(candidate=candidate, region=region)
