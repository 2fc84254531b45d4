"""A scenario's candidates and where their figures come from (the ``data:`` section).

See ``docs/file-formats.md`` section 2. :class:`DataSpec` holds the data file, inline
values, provenance and the keys computed from region × sector tables
(:class:`~criteria.models.regional_indicator.RegionalIndicator`); :func:`regional_problems`
and :func:`resolve_regional` are the rules and resolution those keys need from the
scenario's candidates. Kept apart from :mod:`criteria.models.scenario` so the modules
import one way only: regional_indicator <- data_spec <- scenario.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from clusterrank.criteria.models.common import (
    CrossProblem,
    FrozenModel,
    Id,
    duplicate_problems,
    fail,
    unknown_name,
)
from clusterrank.criteria.models.paths import resolve_named_file
from clusterrank.criteria.models.regional_indicator import (
    RegionalIndicator,
    auto_prefixes,
    provenance_text,
)
from clusterrank.criteria.models.texts import Text
from clusterrank.i18n import N_, _

DATA_SUFFIXES = (".csv", ".xlsx", ".xls")
_REGIONAL_KEY = N_("regional key")


class Candidate(FrozenModel):
    """Something being ranked: a cluster, a region..."""

    id: Id
    name: Text = ""
    region: str | None = None
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="free-form, shown but never ranked"
    )

    @property
    def label(self) -> str:
        """The name to show: ``name``, else ``id``."""
        return self.name or self.id


class Provenance(FrozenModel):
    """Where the figures of one data key come from."""

    source: str = Field(min_length=1)
    illustrative: bool = False


def _finite_or_null(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        fail(
            "data_not_finite",
            "{got} is not a finite number; write a finite number, or null for missing",
            got=repr(value),
        )
    return value


InlineValue = Annotated[float | None, AfterValidator(_finite_or_null)]
"""An inline data value: a finite number, or null for missing (``.inf`` is refused)."""


class DataSpec(FrozenModel):
    """Where the candidates' figures come from: a CSV/XLSX file and/or inline values."""

    file: str | None = None
    sheet: str | None = None
    id_column: str = "candidate_id"
    decimal: Literal[",", "."] | None = Field(
        default=None,
        description="the file's decimal separator, when a number such as 1,200 could be read "
        "two ways and no other cell shows which",
    )
    columns: dict[str, str] = Field(
        default_factory=dict, description="data key -> column name, when they differ"
    )
    values: dict[str, dict[str, InlineValue]] = Field(
        default_factory=dict, description="candidate id -> {data key: number or null}"
    )
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    regional: tuple[RegionalIndicator, ...] = Field(
        default=(), description="data keys computed from region × sector tables (LQ, HHI, ...)"
    )

    @field_validator("file")
    @classmethod
    def _resolve_file(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if Path(value).suffix.lower() not in DATA_SUFFIXES:
            msg = _("data file must be .csv, .xlsx or .xls (got {got})")
            fail("data_suffix", msg, got=repr(value))
        return resolve_named_file(value, info, "data file")


def regional_problems(
    data: DataSpec, candidates: Sequence[Candidate], keys: Sequence[str]
) -> list[CrossProblem]:
    """Rules that need the scenario: known keys, existing candidates, a region for each."""
    ids = [c.id for c in candidates]
    own_region = {c.id: c.region for c in candidates}
    out = duplicate_problems(
        _REGIONAL_KEY,
        [(r.key, ("data", "regional", i)) for i, r in enumerate(data.regional)],
        "key",
    )
    inline = data.values
    for i, item in enumerate(data.regional):
        at = ("data", "regional", i)
        if item.key not in keys:
            out.append(((*at, "key"), unknown_name("data key", item.key, keys)))
        fix = _("remove it; data.regional[{index}] computes key {key!r}").format(
            index=i, key=item.key
        )
        if item.key in data.columns:
            out.append((("data", "columns", item.key), fix))
        out += [
            (("data", "values", c, item.key), fix) for c, row in inline.items() if item.key in row
        ]
        given = data.provenance.get(item.key)
        if given is not None and not given.source.startswith(auto_prefixes()):
            msg = _(
                "written automatically for a computed key; put remarks in "
                "data.regional[{index}].note"
            ).format(index=i)
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
                msg = _(
                    "candidate {candidate!r} has no region: add {candidate}: <region id> here, "
                    "or give it one"
                ).format(candidate=c)
                out.append(((*at, "regions"), msg))
    return out


def resolve_regional(data: DataSpec, candidates: Sequence[Candidate]) -> DataSpec:
    """A copy of ``data`` whose regional entries know each candidate's region and sector.

    With the provenance of every computed key written (remarks from ``note`` appended).
    """
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
