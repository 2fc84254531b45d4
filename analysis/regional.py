"""Regional analyses shared by ``clusterrank regions`` and the Regions page.

:func:`specialisation_analysis` reads a region × sector table and runs
:func:`criteria.regional.specialisation_report` on one year, or on every year of a multi-year
file (a year whose data are incomplete is skipped with a note naming the gaps), so the HHI
comes out as a series by year. Seed 003's coefficients (marketability, per-capita production)
are in :mod:`analysis.regional_coefficients`. Callers only parse arguments and render the
frames and payloads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

import pandas as pd

from clusterrank.analysis.records import plain, records
from clusterrank.criteria.regional import (
    GAP,
    SpecialisationReport,
    read_tidy_csv,
    region_sector_table_from_frame,
    specialisation_report,
)
from clusterrank.criteria.regional.screening_rules import ScreeningRules
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, ngettext

Source = str | Path | IO[str] | pd.DataFrame
TABLES = ("hhi", "lq", "screening", "summary")
TOTAL_SECTOR_NAMES = {"total", "all", "всего", "итого"}


@dataclass(frozen=True)
class SpecialisationAnalysis:
    """Specialisation reports of one measure, per year (or one report for a file without years).

    Attributes
    ----------
    source, measure, reference
        The table's name, the measure analysed and what the LQs compare with.
    reports
        Year -> report; the single key is ``None`` when the file has no ``year`` column.
    skipped
        Year -> why it was left out (its incomplete cells, with their lines).
    notes
        Skipped years first, then the reports' notes (a note not true of every year names
        the years it concerns).
    settings
        Everything that changed a number, shared by every year.
    """

    source: str
    measure: str
    reference: str
    reports: Mapping[int | None, SpecialisationReport]
    skipped: Mapping[int, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("reports", "skipped", "settings"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    @property
    def by_year(self) -> bool:
        """Whether the results are keyed by year (the file has a ``year`` column)."""
        return None not in self.reports

    def table(self, name: str) -> pd.DataFrame:
        """One named table over all years (a leading ``year`` column when by year).

        ``hhi``: HHI per region, raw and normalised; ``lq``: regions × sectors location
        quotients; ``screening``: one row per region × sector × rule with its reason;
        ``summary``: one row per region × sector × rule set, with ``why`` (each rule's reason).
        """
        if name not in TABLES:
            msg = _("unknown table {name!r}; choose one of {choices}").format(
                name=name, choices=", ".join(TABLES)
            )
            raise ValidationFailed.single(self.source, "table", msg)
        parts = []
        for year, rep in self.reports.items():
            frame = _one_table(rep, name)
            if self.by_year:
                frame.insert(0, "year", year)
            parts.append(frame)
        return pd.concat(parts, ignore_index=True)

    def to_payload(self) -> dict[str, Any]:
        """JSON-ready: source, measure, reference, settings, per-year tables, notes."""
        head: dict[str, Any] = {
            "source": self.source,
            "measure": self.measure,
            "reference": self.reference,
            "settings": {k: plain(v) for k, v in self.settings.items()},
        }
        blocks = {
            str(year): {
                "hhi": records(_one_table(rep, "hhi")),
                "location_quotients": records(_one_table(rep, "lq")),
                "screening": records(_one_table(rep, "screening")),
                "screening_summary": records(_one_table(rep, "summary")),
            }
            for year, rep in self.reports.items()
        }
        if self.by_year:
            head["years"] = blocks
            head["skipped_years"] = {str(y): why for y, why in self.skipped.items()}
        else:
            head.update(blocks["None"])
        head["notes"] = list(self.notes)
        return head


def _one_table(rep: SpecialisationReport, name: str) -> pd.DataFrame:
    frames = rep.to_frames()
    plain = {"hhi": "hhi", "lq": "location_quotients", "screening": "screening"}
    if name in plain:
        return frames[plain[name]]
    details = frames["screening"]
    why = (
        details.assign(text=details["rule"] + ": " + details["reason"])
        .groupby(["region_id", "sector_id", "rule_set"], sort=False)["text"]
        .agg("; ".join)
        .rename("why")
        .reset_index()
    )
    summary = frames["screening_summary"]
    if summary.empty:
        return summary.assign(why=pd.Series(dtype=str))
    return summary.merge(why, on=["region_id", "sector_id", "rule_set"], how="left")


def read_source(source: Source, label: str | None = None) -> tuple[pd.DataFrame, str]:
    """A CSV (path or stream, leading ``#`` comment lines skipped) or a frame, with its name.

    A missing or unreadable file is a :class:`ValidationFailed` naming it and the fix.
    """
    if isinstance(source, pd.DataFrame):
        return source, label or "<table>"
    name = label or (str(source) if isinstance(source, str | Path) else "<upload>")
    try:  # a path is read through criteria.files: not found, a folder, a pipe: said so
        return read_tidy_csv(source, name), name
    except UnicodeDecodeError as exc:
        msg = _("not UTF-8 text; save it as UTF-8")
        raise ValidationFailed.single(name, "", msg) from exc
    except (pd.errors.ParserError, OSError) as exc:
        msg = _("cannot read the CSV: {error}").format(error=exc)
        raise ValidationFailed.single(name, "", msg) from exc


def file_years(frame: pd.DataFrame, name: str) -> list[int]:
    """The distinct years of a ``year`` column (whole numbers), sorted; [] without one."""
    if "year" not in frame.columns:
        return []
    first = int(frame.attrs.get("first_data_line", 2))
    years: set[int] = set()
    problems = []
    for k, raw in enumerate(frame["year"]):
        text = str(raw).strip()
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
        if number.is_integer():
            years.add(int(number))
        elif text:
            msg = _("year must be a whole number such as 2015 (got {given!r})").format(given=text)
            problems.append(Problem(name, "year", msg, first + k))
    if problems:
        raise ValidationFailed(problems)
    return sorted(years)


def specialisation_analysis(
    source: Source,
    *,
    measure: str | None = None,
    reference: str | None = None,
    year: int | None = None,
    total_sector: str | None = None,
    rules: ScreeningRules | str | Path | None = None,
    rule_sets: Sequence[str] | None = None,
    label: str | None = None,
) -> SpecialisationAnalysis:
    """Location quotients, HHI and screening of one measure, for one year or every year.

    Parameters
    ----------
    source
        Region × sector CSV (long or wide; see ``criteria.regional.table``), stream or frame.
    measure, reference, total_sector, rules, rule_sets
        As :func:`criteria.regional.specialisation_report` and ``read_region_sector_table``.
    year
        Analyse only this year. Without it a file holding several years is analysed year by
        year; a year with missing figures is skipped with a note (an error when no year is
        complete, or when the gaps are in the year asked for).
    label
        Name used in messages (default: the path).

    References
    ----------
    Seed 003 (Иванова О. П., 2018): Table 1 and the HHI series 2011–2015 after Table 6;
    Tables 5–6 (location quotients). See ``criteria.regional.report``.
    """
    frame, name = read_source(source, label)
    years = file_years(frame, name)
    wanted: list[int | None] = [year] if year is not None or len(years) <= 1 else list(years)
    reports: dict[int | None, SpecialisationReport] = {}
    skipped: dict[int, str] = {}
    first_error: ValidationFailed | None = None
    for y in wanted:
        try:
            table = region_sector_table_from_frame(
                frame,
                label=name,
                measure=measure,
                year=y,
                total_sector=total_sector,
                reference_id=reference,
            )
        except ValidationFailed as exc:
            if len(wanted) == 1 or y is None or not all(map(_is_gap, exc.problems)):
                raise
            skipped[y] = _gap_note(y, exc.problems)
            first_error = first_error or exc
            continue
        key = table.year if "year" in frame.columns else None
        reports[key] = specialisation_report(table, measure, reference, rules, rule_sets=rule_sets)
    if not reports:
        assert first_error is not None
        fill = _("no year has complete data; fill the gaps listed below")
        head = Problem(name, "year", fill)
        raise ValidationFailed([head, *first_error.problems])
    first = next(iter(reports.values()))
    analysed = ", ".join(str(y) for y in reports if y is not None) or N_("no year column")
    settings = {"source": name, **{k: v for k, v in first.settings.items() if k != "year"}}
    settings["years"] = analysed
    settings["total_sector"] = total_sector or N_("none (shares of the sum of the listed sectors)")
    notes = [*skipped.values(), *_merged_notes(reports)]
    totals = (
        sorted({str(s) for s in first.lq.columns} & TOTAL_SECTOR_NAMES) if not total_sector else []
    )
    if totals:
        notes.insert(
            0,
            _(
                "sector {sector!r} is analysed as an ordinary sector; if it holds the regions' "
                "totals, pass total_sector={sector!r} (--total-sector {sector})"
            ).format(sector=totals[0]),
        )
    return SpecialisationAnalysis(
        source=name,
        measure=first.measure,
        reference=first.reference,
        reports=reports,
        skipped=skipped,
        notes=tuple(notes),
        settings=settings,
    )


def _is_gap(problem: Problem) -> bool:
    return problem.kind == GAP


def _gap_note(year: int, problems: Sequence[Problem]) -> str:
    shown = [
        _("{message} (line {line})").format(message=p.message.split(";")[0], line=p.line)
        if p.line is not None
        else p.message.split(";")[0]
        for p in problems[:10]
    ]
    more = _("; and {count} more").format(count=len(problems) - 10) if len(problems) > 10 else ""
    return ngettext(
        "year {year} skipped: its data are incomplete ({count} gap(s)): {gaps}{more}",
        "year {year} skipped: its data are incomplete ({count} gap(s)): {gaps}{more}",
        len(problems),
    ).format(year=year, count=len(problems), gaps="; ".join(shown), more=more)


def _merged_notes(reports: Mapping[int | None, SpecialisationReport]) -> list[str]:
    """Each distinct note once; a note not true of every year names its years."""
    where: dict[str, list[int | None]] = {}
    for y, rep in reports.items():
        for note in rep.notes:
            where.setdefault(note, []).append(y)
    out = []
    for note, ys in where.items():
        partial = len(ys) < len(reports) and None not in ys
        out.append(f"{note} ({', '.join(map(str, ys))})" if partial else note)
    return out
