"""What the Regions page shows, as plain (picklable, cacheable) data.

:func:`describe_table` lists what a region × sector CSV offers (measures, years, regions,
sectors, names, its ``#`` source lines) so the page can offer choices before analysing it;
:func:`specialisation_view` runs :func:`analysis.regional.specialisation_analysis` (the logic
behind ``clusterrank regions specialisation``) and keeps its tables with the regions' and
sectors' display names. :func:`tables_csv` and :func:`tables_workbook` export what is on
screen; :func:`data_attribution` reads the attribution a shipped data file requires from
``configs/data/README_regional.md``; :func:`explained_cells` explains the cells a regional
scenario dropped or imputed, with the reason its provenance gives.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from clusterrank.analysis.regional import TOTAL_SECTOR_NAMES, file_years, specialisation_analysis
from clusterrank.criteria.decision_matrix import CellNote, DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.regional import RESERVED_WIDE_COLUMNS, read_tidy_csv
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _
from clusterrank.reports import headings
from clusterrank.reports.cells import csv_bytes, workbook_bytes
from clusterrank.reports.settings_sheet import settings_frame

LONG_COLUMNS = {"region_id", "sector_id", "value"}


@dataclass(frozen=True)
class TableInfo:
    """What a region × sector table offers, read without validating its figures.

    Attributes
    ----------
    name
        The file name every message names.
    layout
        ``"long"`` (``region_id, sector_id, value``...) or ``"wide"`` (one column per sector).
    measures
        The ``measure`` column's values; ``()`` when the file holds one unnamed measure.
    years
        Distinct years of the ``year`` column; ``()`` without one.
    regions, sectors
        Ids in file order.
    region_names, sector_names, sector_names_en
        Display names where the file gives them (``region_name``, ``sector_name``,
        ``sector_name_en`` columns of a long table).
    total_sector
        A sector whose id reads as a total (``total``, ``всего``...), suggested as the total.
    header
        The file's leading ``#`` comment lines (the shipped tables name their source there).
    """

    name: str
    layout: str
    measures: tuple[str, ...]
    years: tuple[int, ...]
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    region_names: dict[str, str] = field(default_factory=dict)
    sector_names: dict[str, str] = field(default_factory=dict)
    sector_names_en: dict[str, str] = field(default_factory=dict)
    total_sector: str | None = None
    header: tuple[str, ...] = ()


def _frame(text: str, name: str) -> pd.DataFrame:
    frame = read_tidy_csv(io.StringIO(text))
    if frame.empty:
        msg = _("the table is empty; expected a header row and at least one data row")
        raise ValidationFailed.single(name, "", msg)
    return frame


def _names(frame: pd.DataFrame, id_col: str, name_col: str) -> dict[str, str]:
    if id_col not in frame.columns or name_col not in frame.columns:
        return {}
    pairs = frame[[id_col, name_col]].astype(str).apply(lambda s: s.str.strip())
    pairs = pairs[(pairs[id_col] != "") & (pairs[name_col] != "")]
    return dict(pairs.drop_duplicates(id_col).itertuples(index=False, name=None))


def describe_table(text: str, name: str) -> TableInfo:
    """Measures, years, regions and sectors of a region × sector CSV's text.

    A file with neither a ``region_id`` column nor the long layout's columns is a
    :class:`errors.ValidationFailed` naming the file and the layouts expected.
    """
    frame = _frame(text, name)
    cols = set(frame.columns)
    if "region_id" not in cols:
        msg = _(
            "no 'region_id' column; expected a long table (region_id, sector_id, value, "
            "optional measure, unit, year, region_name, sector_name) or a wide one "
            "(region_id and one column per sector); got columns {columns}"
        ).format(columns=list(frame.columns))
        raise ValidationFailed.single(name, "", msg)
    long = cols >= LONG_COLUMNS
    ids = frame["region_id"].astype(str).str.strip()
    if long:
        sectors = frame["sector_id"].astype(str).str.strip()
        sector_ids = tuple(dict.fromkeys(s for s in sectors if s))
    else:
        sector_ids = tuple(c for c in frame.columns if c not in RESERVED_WIDE_COLUMNS)
    measures: tuple[str, ...] = ()
    if long and "measure" in cols:
        measures = tuple(sorted({str(m).strip() or "value" for m in frame["measure"]}))
    header = tuple(
        line.lstrip("# ").strip() for line in text.splitlines() if line.lstrip().startswith("#")
    )
    totals = [s for s in sector_ids if s.lower() in TOTAL_SECTOR_NAMES]
    return TableInfo(
        name=name,
        layout="long" if long else "wide",
        measures=measures,
        years=tuple(file_years(frame, name)),
        regions=tuple(dict.fromkeys(i for i in ids if i)),
        sectors=sector_ids,
        region_names=_names(frame, "region_id", "region_name"),
        sector_names=_names(frame, "sector_id", "sector_name") if long else {},
        sector_names_en=_names(frame, "sector_id", "sector_name_en") if long else {},
        total_sector=totals[0] if totals else None,
        header=header[: next((k for k, h in enumerate(header) if not h), len(header))],
    )


def shipped_tables(folder: Path) -> dict[str, Path]:
    """The CSVs in ``folder`` laid out as long region × sector tables, by file name."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig") as handle:
            head = next((ln for ln in handle if ln.strip() and not ln.startswith("#")), "")
        if {c.strip() for c in head.split(",")} >= LONG_COLUMNS:
            found[path.name] = path
    return found


@dataclass(frozen=True)
class SpecialisationView:
    """The tables of one specialisation analysis, with display names, ready to render.

    ``lq``, ``hhi``, ``screening`` and ``summary`` are :meth:`SpecialisationAnalysis.table`
    frames (a leading ``year`` column when the file has years); ``lq_long`` has one row per
    (year,) region and sector with ``region``, ``sector`` and ``sector_en`` names.
    """

    source: str
    measure: str
    unit: str
    reference: str
    years: tuple[int, ...]
    lq: pd.DataFrame
    lq_long: pd.DataFrame
    hhi: pd.DataFrame
    screening: pd.DataFrame
    summary: pd.DataFrame
    notes: tuple[str, ...]
    settings: dict[str, str]

    @property
    def by_year(self) -> bool:
        """Whether the data have years (series by year)."""
        return bool(self.years)

    def sheets(self) -> dict[str, pd.DataFrame]:
        """The tables on screen, named as the workbook's sheets."""
        return {
            "location quotients": self.lq,
            "hhi": self.hhi,
            "screening summary": self.summary,
            "screening rules": self.screening,
            "settings and notes": settings_frame([("setting", self.settings)], self.notes),
        }


def specialisation_view(
    text: str,
    name: str,
    *,
    measure: str | None = None,
    reference: str | None = None,
    year: int | None = None,
    total_sector: str | None = None,
    rule_sets: Sequence[str] | None = None,
) -> SpecialisationView:
    """Location quotients, HHI and screening of a CSV's text (one year or every year).

    The options are those of :func:`analysis.regional.specialisation_analysis`.

    References
    ----------
    Seed 003 (Иванова О. П., 2018): Tables 5–6 (location quotients) and the HHI series
    2011–2015 computed from Table 1; see :mod:`criteria.regional.report`.
    """
    info = describe_table(text, name)
    analysis = specialisation_analysis(
        _frame(text, name),
        measure=measure,
        reference=reference,
        year=year,
        total_sector=total_sector,
        rule_sets=rule_sets,
        label=name,
    )
    lq = analysis.table("lq")
    keys = ["year", "region_id"] if analysis.by_year else ["region_id"]
    long = lq.melt(id_vars=keys, var_name="sector_id", value_name="lq")
    long = long.assign(
        region=[info.region_names.get(r, r) for r in long["region_id"]],
        sector=[info.sector_names.get(s, s) for s in long["sector_id"]],
        sector_en=[info.sector_names_en.get(s, "") for s in long["sector_id"]],
    )
    hhi = analysis.table("hhi")
    hhi.insert(
        list(hhi.columns).index("region_id") + 1,
        "region",
        [info.region_names.get(r, r) for r in hhi["region_id"]],
    )
    first = next(iter(analysis.reports.values()))
    return SpecialisationView(
        source=name,
        measure=analysis.measure,
        unit=first.unit,
        reference=analysis.reference,
        years=tuple(int(y) for y in analysis.reports if y is not None),
        lq=lq,
        lq_long=long,
        hhi=hhi,
        screening=analysis.table("screening"),
        summary=analysis.table("summary"),
        notes=analysis.notes,
        settings={str(k): str(v) for k, v in analysis.settings.items()},
    )


def tables_csv(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with a byte-order mark (spreadsheets keep Cyrillic intact).

    Formula-like text is neutralised (:func:`reports.cells.csv_bytes`); a person opens it,
    so the column headings are in the current language (:mod:`reports.headings`).
    """
    return csv_bytes(headings.translated(frame))


def tables_workbook(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An ``.xlsx`` with one sheet per table (bold headers, fitted column widths).

    Formula-like text is neutralised (:func:`reports.cells.workbook_bytes`).
    """
    return workbook_bytes(sheets)


def data_attribution(readme: Path, data_file: str) -> str | None:
    """The ``**Attribution**`` paragraph of the README section naming ``data_file``, as plain text.

    ``None`` when the README requires none for it.
    """
    if not readme.is_file():
        return None
    sections = re.split(r"\n(?=## )", readme.read_text(encoding="utf-8"))
    for section in sections:
        if data_file not in section:
            continue
        for paragraph in re.split(r"\n\s*\n", section):
            text = " ".join(paragraph.split())
            if text.startswith("**Attribution**"):
                return text.replace("**Attribution**:", _("Attribution:"))
    return None


def explained_cells(scenario: Scenario, matrix: DecisionMatrix) -> list[tuple[CellNote, str]]:
    """Each dropped, imputed or illustrative cell with its message.

    When the scenario's provenance names the candidate, the reason it gives is appended (e.g. UKI7's
    false zero).
    """
    provenance = scenario.data.provenance
    out: list[tuple[CellNote, str]] = []
    for cell in matrix.cell_notes:
        why = provenance.get(cell.key)
        reason = why.source if why is not None and cell.candidate in why.source else ""
        if not reason:
            keys = [k for k, p in provenance.items() if cell.candidate in p.source]
            reason = "; ".join(provenance[k].source for k in keys)
        out.append((cell, cell.message + (f" — {reason}" if reason else "")))
    return out
